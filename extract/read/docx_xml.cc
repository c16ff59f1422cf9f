#include "read/docx_xml.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include <mutex>

#include "core/deadline.h"

namespace referat::docx {

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

void CaptureXmlError(void* arg, void* error) {
  auto* self = static_cast<XmlReader*>(arg);
  auto* e = static_cast<xmlErrorPtr>(error);
  if (!self->error_.empty() || !e || e->level < XML_ERR_ERROR) return;
  std::string msg = e->message ? e->message : "XML error";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  self->error_ = msg + " (line " + std::to_string(e->line) + ")";
}

namespace {
void StructuredHandler(void* arg, xmlErrorPtr error) { CaptureXmlError(arg, error); }
}  // namespace

XmlReader::XmlReader(std::string_view xml, std::string part, const ExtractOptions& options)
    : part_(std::move(part)), max_depth_(options.max_xml_depth) {
  InitLibxml();
  // No NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE: see the header.
  const int flags = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  reader_ = xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, flags);
  if (!reader_) {
    status_ = Status::Corrupt(part_ + ": cannot start the XML parser");
    return;
  }
  xmlTextReaderSetStructuredErrorHandler(reader_, StructuredHandler, this);
  if (xml.size() > static_cast<size_t>(INT32_MAX))
    status_ = Status::TooLarge(part_ + " is over 2 GiB");
}

XmlReader::~XmlReader() {
  if (reader_) xmlFreeTextReader(reader_);
}

bool XmlReader::Next() {
  if (!status_.ok()) return false;
  if (pending_end_) {
    pending_end_ = false;
    kind_ = kEnd;
    return true;
  }
  if (at_end_after_skip_) return false;
  if (DeadlineExpired()) {
    status_ = Status::Timeout("reading " + part_ + " took longer than the time limit");
    return false;
  }
  int r = 1;
  if (replay_) replay_ = false;
  else r = xmlTextReaderRead(reader_);
  if (r != 1) {
    if (r < 0) {
      std::string e = error_.empty() ? "not well-formed XML" : error_;
      if (e.find("depth") != std::string::npos)
        status_ = Status::TooLarge(part_ + ": elements nested deeper than the parser allows: " + e);
      else
        status_ = Status::Corrupt(part_ + ": " + e);
    }
    return false;
  }
  int type = xmlTextReaderNodeType(reader_);
  depth_ = xmlTextReaderDepth(reader_);
  switch (type) {
    case XML_READER_TYPE_ELEMENT: {
      kind_ = kStart;
      const xmlChar* n = xmlTextReaderConstLocalName(reader_);
      const xmlChar* u = xmlTextReaderConstNamespaceUri(reader_);
      name_ = n ? reinterpret_cast<const char*>(n) : "";
      ns_ = reinterpret_cast<const char*>(u);
      if (depth_ > max_depth_) {
        status_ = Status::TooLarge(part_ + ": XML elements nested deeper than " +
                                   std::to_string(max_depth_));
        return false;
      }
      pending_end_ = xmlTextReaderIsEmptyElement(reader_) == 1;
      return true;
    }
    case XML_READER_TYPE_END_ELEMENT: {
      kind_ = kEnd;
      const xmlChar* n = xmlTextReaderConstLocalName(reader_);
      const xmlChar* u = xmlTextReaderConstNamespaceUri(reader_);
      name_ = n ? reinterpret_cast<const char*>(n) : "";
      ns_ = reinterpret_cast<const char*>(u);
      return true;
    }
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
      kind_ = kText;
      const xmlChar* v = xmlTextReaderConstValue(reader_);
      text_ = v ? std::string_view(reinterpret_cast<const char*>(v)) : std::string_view();
      return true;
    }
    case XML_READER_TYPE_DOCUMENT_TYPE:
      status_ = Status::Corrupt(part_ + " carries a DOCTYPE, which OOXML parts never do");
      return false;
    default:
      kind_ = kOther;
      return true;
  }
}

void XmlReader::SkipSubtree() {
  if (kind_ != kStart) return;
  if (pending_end_) {  // an empty element has no subtree
    pending_end_ = false;
    kind_ = kOther;
    return;
  }
  // xmlTextReaderNext moves to the next sibling, i.e. the node after the end
  // tag; that node must be reported by the following Next(), so step back by
  // re-reading it as current.
  int r = xmlTextReaderNext(reader_);
  if (r < 0) {
    status_ = Status::Corrupt(part_ + ": " + (error_.empty() ? "not well-formed XML" : error_));
    return;
  }
  if (r == 0) {
    kind_ = kOther;
    at_end_after_skip_ = true;
    return;
  }
  replay_ = true;
}

std::string XmlReader::Attr(const char* local, bool* found) {
  if (found) *found = false;
  std::string out;
  if (kind_ != kStart) return out;
  if (xmlTextReaderMoveToFirstAttribute(reader_) == 1) {
    do {
      const xmlChar* n = xmlTextReaderConstLocalName(reader_);
      if (n && std::strcmp(reinterpret_cast<const char*>(n), local) == 0) {
        const xmlChar* v = xmlTextReaderConstValue(reader_);
        if (v) out = reinterpret_cast<const char*>(v);
        if (found) *found = true;
        break;
      }
    } while (xmlTextReaderMoveToNextAttribute(reader_) == 1);
    xmlTextReaderMoveToElement(reader_);
  }
  return out;
}

bool OnOffValue(const std::string& v, bool found) {
  if (!found) return true;
  return v.empty() || v == "1" || v == "true" || v == "on";
}

}  // namespace referat::docx
