// A small element tree read from an export's XML through the DOCX reader's
// safe streaming parser (docx::XmlReader: no network, no entities, no DTD,
// depth and time limits), for readers that check an export's shape before
// trusting it. Keeps element names (local), the attributes the exports use
// to identify things ("name", "ID") and each element's own text.
#ifndef REFERAT_READ_EXPORTS_XML_TREE_H_
#define REFERAT_READ_EXPORTS_XML_TREE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "referat/document.h"
#include "referat/options.h"
#include "referat/status.h"

namespace referat::exports {

struct XNode {
  std::string name;       // local name
  std::string name_attr;  // the "name" attribute (Acadre's <table name=…>, <field name=…>)
  std::string text;       // the element's own text and CDATA, concatenated
  std::vector<std::unique_ptr<XNode>> kids;

  // The first child element with this local name, or null.
  const XNode* Child(std::string_view n) const;
  // Its text, or "" when there is no such child.
  const std::string& ChildText(std::string_view n) const;
  std::vector<const XNode*> Children(std::string_view n) const;
};

// Parses `xml`. Character references to characters XML forbids (&#1;,
// &#x1F; … which real eDoc and SBSYS exports carry) and raw C0 control
// bytes are dropped before parsing, with one `invalid_xml_character`
// warning; nothing else is lost. A DOCTYPE is refused (`corrupt`): no
// export carries one, and it is how entity-expansion attacks arrive.
// More than `max_elements` elements is `too_large`.
Result<std::unique_ptr<XNode>> ParseXmlTree(std::string_view xml, const std::string& part,
                                            const ExtractOptions& options, size_t max_elements,
                                            std::vector<Warning>* warnings);

}  // namespace referat::exports

#endif  // REFERAT_READ_EXPORTS_XML_TREE_H_
