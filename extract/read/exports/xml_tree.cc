#include "read/exports/xml_tree.h"

#include <cstdlib>
#include <cstring>

#include "read/docx_xml.h"

namespace referat::exports {
namespace {

bool AllowedXmlChar(unsigned long c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Drops character references to forbidden characters and raw control bytes.
// Returns the number dropped; `out` is filled only when something was.
size_t CleanXml(std::string_view in, std::string* out) {
  size_t dropped = 0;
  size_t copied = 0;  // in[copied, i) still to be copied to out
  for (size_t i = 0; i < in.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    size_t skip = 0;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      skip = 1;
    } else if (c == '&' && i + 2 < in.size() && in[i + 1] == '#') {
      size_t j = i + 2;
      bool hex = j < in.size() && (in[j] == 'x' || in[j] == 'X');
      if (hex) ++j;
      size_t digits = j;
      unsigned long v = 0;
      while (j < in.size() && j - digits < 10 &&
             (hex ? std::isxdigit(static_cast<unsigned char>(in[j]))
                  : std::isdigit(static_cast<unsigned char>(in[j])))) {
        char ch = in[j];
        int d = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
        v = v * (hex ? 16 : 10) + static_cast<unsigned long>(d);
        ++j;
      }
      if (j > digits && j < in.size() && in[j] == ';' && !AllowedXmlChar(v)) skip = j + 1 - i;
    }
    if (skip == 0) continue;
    out->append(in.substr(copied, i - copied));
    ++dropped;
    i += skip - 1;
    copied = i + 1;
  }
  if (dropped) out->append(in.substr(copied));
  return dropped;
}

}  // namespace

const XNode* XNode::Child(std::string_view n) const {
  for (const auto& k : kids)
    if (k->name == n) return k.get();
  return nullptr;
}

const std::string& XNode::ChildText(std::string_view n) const {
  static const std::string kEmpty;
  const XNode* c = Child(n);
  return c ? c->text : kEmpty;
}

std::vector<const XNode*> XNode::Children(std::string_view n) const {
  std::vector<const XNode*> out;
  for (const auto& k : kids)
    if (k->name == n) out.push_back(k.get());
  return out;
}

Result<std::unique_ptr<XNode>> ParseXmlTree(std::string_view xml, const std::string& part,
                                            const ExtractOptions& options, size_t max_elements,
                                            std::vector<Warning>* warnings) {
  // Only the prolog can hold a DOCTYPE; look before the root's first '>'
  // after any declaration.
  {
    std::string_view head = xml.substr(0, 4096);
    size_t dt = head.find("<!DOCTYPE");
    if (dt != std::string_view::npos)
      return Status::Corrupt(part + " carries a DOCTYPE (entity declarations), which the "
                                    "publishing systems' exports never do");
  }
  std::string cleaned;
  size_t dropped = CleanXml(xml, &cleaned);
  if (dropped) {
    xml = cleaned;
    warnings->push_back({"invalid_xml_character",
                         part + ": " + std::to_string(dropped) +
                             " character reference(s) or control byte(s) that XML does not "
                             "allow were dropped",
                         std::nullopt});
  }
  docx::XmlReader r(xml, part, options);
  auto root = std::make_unique<XNode>();
  std::vector<XNode*> stack;
  size_t elements = 0;
  bool have_root = false;
  while (r.Next()) {
    switch (r.kind()) {
      case docx::XmlReader::kStart: {
        if (++elements > max_elements)
          return Status::TooLarge(part + " holds more than " + std::to_string(max_elements) +
                                  " XML elements");
        XNode* n;
        if (stack.empty()) {
          if (have_root) return Status::Corrupt(part + ": more than one root element");
          have_root = true;
          n = root.get();
        } else {
          stack.back()->kids.push_back(std::make_unique<XNode>());
          n = stack.back()->kids.back().get();
        }
        n->name = r.name();
        n->name_attr = r.Attr("name");
        stack.push_back(n);
        break;
      }
      case docx::XmlReader::kEnd:
        if (!stack.empty()) stack.pop_back();
        break;
      case docx::XmlReader::kText:
        if (!stack.empty()) stack.back()->text.append(r.text());
        break;
      default:
        break;
    }
  }
  if (!r.status().ok()) return r.status();
  if (!have_root) return Status::Corrupt(part + " holds no XML element");
  return root;
}

}  // namespace referat::exports
