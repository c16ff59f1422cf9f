// A thin adapter over libxml2's streaming reader (xmlTextReader) for the
// parts of a DOCX package. Never builds a DOM. Safe settings for untrusted
// input: no network (XML_PARSE_NONET), no entity substitution (no
// XML_PARSE_NOENT), no DTD loading or validation, no XML_PARSE_HUGE, and a
// part with a DOCTYPE is refused (OOXML parts never carry one; a DTD is how
// entity-expansion attacks arrive). Element depth is capped at
// ExtractOptions::max_xml_depth (too_large) and the per-document deadline is
// polled on every node (timeout).
#ifndef REFERAT_READ_DOCX_XML_H_
#define REFERAT_READ_DOCX_XML_H_

#include <cstring>
#include <string>
#include <string_view>

#include "referat/options.h"
#include "referat/status.h"

typedef struct _xmlTextReader* xmlTextReaderPtr;

namespace referat::docx {

// The WordprocessingML namespaces: transitional and strict OOXML.
inline constexpr const char* kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kNsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
inline constexpr const char* kNsMc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

// Calls xmlInitParser once per process (libxml2 asks for that before threads use it).
void InitLibxml();

class XmlReader {
 public:
  enum NodeKind { kOther, kStart, kEnd, kText };

  // `xml` must outlive the reader; `part` names the part in messages.
  XmlReader(std::string_view xml, std::string part, const ExtractOptions& options);
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // Advances to the next node. Returns false at the end of the part or on an
  // error (then status() says which). Empty elements (<w:tab/>) are reported
  // as kStart followed by a synthesized kEnd, so callers need no special case.
  bool Next();
  // At a kStart: skips the element's whole subtree (its kEnd is not reported).
  void SkipSubtree();

  NodeKind kind() const { return kind_; }
  int depth() const { return depth_; }
  // Local name and namespace URI of the current element ("" when none).
  const char* name() const { return name_; }
  const char* ns() const { return ns_; }
  bool IsW() const {
    return ns_ && (std::strcmp(ns_, kNsW) == 0 || std::strcmp(ns_, kNsWStrict) == 0);
  }
  bool IsW(const char* local) const { return std::strcmp(name_, local) == 0 && IsW(); }
  bool Is(const char* local, const char* ns) const {
    return std::strcmp(name_, local) == 0 && ns_ && std::strcmp(ns_, ns) == 0;
  }
  // Text of a kText node (text, CDATA or whitespace).
  std::string_view text() const { return text_; }
  // The value of the attribute with this local name (any namespace) on the
  // current kStart element; `found` tells an empty value from a missing one.
  std::string Attr(const char* local, bool* found = nullptr);

  const Status& status() const { return status_; }

 private:
  xmlTextReaderPtr reader_ = nullptr;
  std::string part_;
  int max_depth_;
  NodeKind kind_ = kOther;
  int depth_ = 0;
  const char* name_ = "";
  const char* ns_ = nullptr;
  std::string_view text_;
  bool pending_end_ = false;  // the current kStart was an empty element
  bool replay_ = false;       // SkipSubtree left the reader on an unreported node
  bool at_end_after_skip_ = false;
  Status status_;
  std::string error_;  // first libxml2 error, from the structured handler

  friend void CaptureXmlError(void* arg, void* error);
};

// True for "1", "true", "on" or a missing value (OOXML toggle properties:
// <w:b/> is on, <w:b w:val="0"/> is off).
bool OnOffValue(const std::string& v, bool found);

}  // namespace referat::docx

#endif  // REFERAT_READ_DOCX_XML_H_
