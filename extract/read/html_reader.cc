// HTML reader: libxml2's HTML parser (forgiving, like a browser: recover
// mode, no network, no error output) to the Document model.
//
// Charset: a byte order mark, else the document's own declaration (<meta
// charset>, <meta http-equiv="Content-Type" content="…; charset=…">, found by
// a prescan of the first 4 KiB as browsers do), else UTF-8 when the bytes are
// valid UTF-8, else windows-1252 (warning `legacy_encoding`). Anything not
// UTF-8 is converted with ICU first, and libxml2 is then told the input is
// UTF-8 and to ignore the document's encoding hint (HTML_PARSE_IGNORE_ENC),
// so one converter (ICU, as for text) decides. As in browsers, a declared
// ISO-8859-1 or US-ASCII is read as windows-1252.
//
// What is read: the main content. <main> (or role="main") when present, else
// the <article> elements, else <body>. Never text: script, style, noscript,
// template, nav, aside, form (and its controls), iframe, svg, canvas, object,
// elements marked hidden / aria-hidden / display:none, and <header> and
// <footer> at page level (outside article/main/section).
//
// Blocks: h1–h6 are kHeading; p, div, li, dt, dd, blockquote, pre lines and
// other block elements end a block (gap_before set on the next); <br> ends a
// line inside one (no gap). ul/ol are kListItem as in the text reader:
// bullets with marker "•" and not in the text; ordered items with their
// number resolved ("1.", honouring start=, type= a/A/i/I, reversed and
// li value=) kept at the start of the text. b/strong (i/em) around all text
// of a block set bold (italic). Tables: a row with two or more cells is a
// kTableRow; colspan pads the spanned columns with empty cells and rowspan
// leaves an empty cell in the rows below (cell index = column, as the DOCX
// reader does with gridSpan and vMerge); the text of a cell is its text with
// blocks joined by spaces. A row with one cell, or holding a nested table,
// is layout: its content is read as blocks. <title> gives Document::title.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/deadline.h"
#include "core/numbering.h"
#include "read/reader.h"

namespace referat {
namespace {

// ------------------------------------------------------------------ charset

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(std::min<size_t>(s.size(), INT32_MAX));
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// The charset named in a <meta> within the first 4 KiB, lower-case, or "".
std::string PrescanCharset(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 4096));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag(head.data() + pos, end - pos);
    size_t cs = tag.find("charset");
    if (cs != std::string_view::npos) {
      size_t v = cs + 7;
      while (v < tag.size() && (tag[v] == ' ' || tag[v] == '=')) ++v;
      while (v < tag.size() && (tag[v] == '"' || tag[v] == '\'')) ++v;
      size_t e = v;
      while (e < tag.size() && !std::strchr("\"'; >/\t\n\r", tag[e])) ++e;
      if (e > v) return std::string(tag.substr(v, e - v));
    }
    pos = end;
  }
  return {};
}

Result<std::string> ToUtf8(std::string_view bytes, const std::string& charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(charset.c_str(), &err),
                                                          ucnv_close);
  if (U_FAILURE(err)) return Status::InvalidEncoding("unknown charset " + charset);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), cnv.get(), err);
  if (U_FAILURE(err)) return Status::InvalidEncoding("cannot decode as " + charset);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// ------------------------------------------------------------------ helpers

const char* Name(xmlNodePtr n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }
bool Is(xmlNodePtr n, const char* name) { return std::strcmp(Name(n), name) == 0; }

// Attribute value (HTML attribute names are lower-cased by the parser).
std::string Attr(xmlNodePtr n, const char* name, bool* found = nullptr) {
  if (found) *found = false;
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    if (!a->name || std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) continue;
    if (found) *found = true;
    std::string v;
    for (xmlNodePtr c = a->children; c; c = c->next)
      if (c->content) v += reinterpret_cast<const char*>(c->content);
    return v;
  }
  return {};
}

bool OneOf(const char* name, std::initializer_list<const char*> names) {
  for (const char* x : names)
    if (std::strcmp(name, x) == 0) return true;
  return false;
}

// A link within the page ("#top") standing alone in its block, in a few
// words without a digit: "Til toppen" after every item of a municipality's
// minutes page (Brønderslev), "Tilbage", skip links. Navigation, not text; a
// link in running text or a contents entry ("1. Fraværende") stays.
bool BackLink(xmlNodePtr n) {
  const std::string href = Attr(n, "href");
  if (href.empty() || href[0] != '#' || !n->parent) return false;
  for (xmlNodePtr c = n->parent->children; c; c = c->next) {
    if (c == n) continue;
    if (c->type == XML_ELEMENT_NODE && !Is(c, "br")) return false;
    if (c->type == XML_TEXT_NODE && c->content) {
      for (const xmlChar* q = c->content; *q; ++q)
        if (!std::isspace(*q)) return false;
    }
  }
  xmlChar* raw = xmlNodeGetContent(n);
  std::string text = raw ? reinterpret_cast<const char*>(raw) : "";
  xmlFree(raw);
  int words = 0;
  bool in_word = false;
  for (char ch : text) {
    if (ch >= '0' && ch <= '9') return false;
    const bool space = std::isspace(static_cast<unsigned char>(ch));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words >= 1 && words <= 3;
}

bool IsHidden(xmlNodePtr n) {
  bool found = false;
  Attr(n, "hidden", &found);
  if (found) return true;
  if (Lower(Attr(n, "aria-hidden")) == "true") return true;
  std::string style = Lower(Attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

bool IsBlock(const char* n) {
  return OneOf(n, {"p", "div", "section", "article", "main", "header", "footer", "address",
                   "blockquote", "figure", "figcaption", "dl", "dt", "dd", "center", "details",
                   "summary", "fieldset", "legend", "caption", "hr", "body", "html", "tr", "td",
                   "th", "thead", "tbody", "tfoot"});
}

int HeadingLevel(const char* n) {
  if (n[0] == 'h' && n[1] >= '1' && n[1] <= '6' && n[2] == 0) return n[1] - '0';
  return 0;
}


std::string FormatOrdinal(int n, const std::string& type) {
  if ((type == "a" || type == "A") && n > 0) {
    char c = static_cast<char>((type == "a" ? 'a' : 'A') + (n - 1) % 26);
    return std::string(static_cast<size_t>((n - 1) / 26 + 1), c);
  }
  if (type == "i") return RomanNumeral(n, false);
  if (type == "I") return RomanNumeral(n, true);
  return std::to_string(n);
}

size_t VisibleChars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if (c > 0x20 && (c & 0xC0) != 0x80) ++n;
  return n;
}

std::optional<std::string> IsoDate(std::string s) {
  std::string t = NormalizeInline(s);
  if (t.size() < 10) return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return std::nullopt;
  if (t[4] != '-' || t[7] != '-') return std::nullopt;
  return t.substr(0, 10);
}

// ------------------------------------------------------------------- walker

struct ListCtx {
  bool ordered = false;
  bool reversed = false;
  int next = 1;
  std::string type = "1";
};

class Walker {
 public:
  Walker(DocumentBuilder& builder, const ExtractOptions& options)
      : builder_(builder), options_(options) {}

  Status Read(xmlNodePtr root) {
    Walk(root, 0);
    Flush(true);
    return status_;
  }

 private:
  struct Line {
    std::string text;
    size_t chars = 0, bold = 0, italic = 0;
    BlockKind kind = BlockKind::kParagraph;
    int heading = 0;
    std::string marker;
    int list_level = 0;
  };

  void Walk(xmlNodePtr n, int depth);
  void WalkChildren(xmlNodePtr n, int depth) {
    for (xmlNodePtr c = n->children; c && status_.ok(); c = c->next) Walk(c, depth + 1);
  }
  void Text(std::string_view t);
  void Append(std::string_view t);
  // Starts a fresh line of the kind the context gives (heading or paragraph).
  void Reset();
  // Ends the current line; `paragraph` also makes the next block start
  // after a gap (a new paragraph rather than a <br> line).
  void Flush(bool paragraph);
  void Table(xmlNodePtr table, int depth);
  void CollectText(xmlNodePtr n, int depth, std::string* out);
  bool Dropped(xmlNodePtr n) const;

  DocumentBuilder& builder_;
  const ExtractOptions& options_;
  Status status_;
  Line line_;
  bool gap_ = true;
  int bold_ = 0, italic_ = 0, pre_ = 0, heading_ = 0, in_section_ = 0;
  std::vector<ListCtx> lists_;
};

bool Walker::Dropped(xmlNodePtr n) const {
  const char* name = Name(n);
  if (OneOf(name, {"script", "style", "noscript", "template", "nav", "aside", "form", "iframe",
                   "svg", "canvas", "object", "embed", "button", "select", "textarea", "input",
                   "head", "title", "meta", "link", "img", "map", "audio", "video", "math"}))
    return true;
  if ((std::strcmp(name, "header") == 0 || std::strcmp(name, "footer") == 0) && in_section_ == 0)
    return true;
  if (Is(n, "a") && BackLink(n)) return true;
  std::string role = Lower(Attr(n, "role"));
  if (role == "navigation" || role == "search" || role == "banner" || role == "contentinfo" ||
      role == "complementary")
    return in_section_ == 0 || role == "navigation" || role == "search";
  return IsHidden(n);
}

void Walker::Append(std::string_view t) {
  line_.text.append(t);
  size_t n = VisibleChars(t);
  line_.chars += n;
  if (bold_ > 0) line_.bold += n;
  if (italic_ > 0) line_.italic += n;
}

void Walker::Text(std::string_view t) {
  if (pre_ == 0) {
    Append(t);
    return;
  }
  // Preformatted: each source line is a line.
  size_t pos = 0;
  while (true) {
    size_t nl = t.find('\n', pos);
    Append(t.substr(pos, nl == std::string_view::npos ? nl : nl - pos));
    if (nl == std::string_view::npos) break;
    Flush(false);
    pos = nl + 1;
  }
}

void Walker::Reset() {
  line_ = Line();
  if (heading_ > 0) {
    line_.kind = BlockKind::kHeading;
    line_.heading = heading_;
  }
}

void Walker::Flush(bool paragraph) {
  bool added = false;
  if (line_.chars > 0) {
    Block b;
    b.kind = line_.kind;
    b.heading_level = line_.heading;
    b.list_marker = line_.marker;
    b.list_level = line_.list_level;
    b.gap_before = gap_;
    b.bold = line_.bold == line_.chars;
    b.italic = line_.italic == line_.chars;
    std::string text = std::move(line_.text);
    if (b.kind == BlockKind::kListItem && b.list_marker != "\xE2\x80\xA2")
      text = b.list_marker + " " + text;
    added = builder_.Add(text, b);
  }
  if (added) gap_ = false;
  if (!added && (line_.kind == BlockKind::kListItem || line_.kind == BlockKind::kHeading)) {
    // Nothing printed yet (<li><p>text</p></li>): the item starts with the
    // next text.
    line_.text.clear();
    line_.chars = line_.bold = line_.italic = 0;
  } else {
    Reset();  // a list item's continuation lines are paragraphs
  }
  if (paragraph) gap_ = true;
  if (builder_.text_size() > options_.max_text_bytes)
    status_ = Status::TooLarge("normalized text is over the limit of " +
                               std::to_string(options_.max_text_bytes) + " bytes");
}

void Walker::Walk(xmlNodePtr n, int depth) {
  if (!status_.ok()) return;
  if (depth > options_.max_xml_depth) {
    status_ = Status::TooLarge("HTML elements nested deeper than " +
                               std::to_string(options_.max_xml_depth));
    return;
  }
  if (DeadlineExpired()) {
    status_ = Status::Timeout("reading the HTML took longer than the time limit");
    return;
  }
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content) Text(reinterpret_cast<const char*>(n->content));
    return;
  }
  if (n->type != XML_ELEMENT_NODE) {
    if (n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE) WalkChildren(n, depth);
    return;
  }
  if (Dropped(n)) return;
  const char* name = Name(n);

  if (std::strcmp(name, "br") == 0) {
    Flush(false);
    return;
  }
  if (int h = HeadingLevel(name)) {
    Flush(true);
    int saved = heading_;
    heading_ = h;
    line_.kind = BlockKind::kHeading;
    line_.heading = h;
    WalkChildren(n, depth);
    heading_ = saved;
    Flush(true);
    Reset();
    return;
  }
  if (std::strcmp(name, "ul") == 0 || std::strcmp(name, "ol") == 0 ||
      std::strcmp(name, "menu") == 0) {
    Flush(true);
    ListCtx l;
    l.ordered = std::strcmp(name, "ol") == 0;
    bool has_reversed = false;
    Attr(n, "reversed", &has_reversed);
    l.reversed = l.ordered && has_reversed;
    std::string type = Attr(n, "type");
    if (type == "a" || type == "A" || type == "i" || type == "I") l.type = type;
    std::string start = Attr(n, "start");
    if (!start.empty()) {
      l.next = std::atoi(start.c_str());
    } else if (l.reversed) {
      int count = 0;
      for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && Is(c, "li")) ++count;
      l.next = count;
    }
    lists_.push_back(l);
    WalkChildren(n, depth);
    lists_.pop_back();
    Flush(true);
    return;
  }
  if (std::strcmp(name, "li") == 0) {
    Flush(true);
    line_.kind = BlockKind::kListItem;
    line_.list_level = lists_.empty() ? 0 : static_cast<int>(lists_.size()) - 1;
    if (!lists_.empty() && lists_.back().ordered) {
      ListCtx& l = lists_.back();
      std::string value = Attr(n, "value");
      if (!value.empty()) l.next = std::atoi(value.c_str());
      line_.marker = FormatOrdinal(l.next, l.type) + ".";
      l.next += l.reversed ? -1 : 1;
    } else {
      line_.marker = "•";
    }
    const size_t before = builder_.doc().blocks.size();
    const Line item = line_;
    WalkChildren(n, depth);
    Flush(true);
    if (builder_.doc().blocks.size() == before && item.marker != "•") {
      // An empty numbered item still shows its number ("1." alone).
      Block b;
      b.kind = BlockKind::kListItem;
      b.list_marker = item.marker;
      b.list_level = item.list_level;
      b.gap_before = true;
      builder_.Add(item.marker, b);
    }
    Reset();
    return;
  }
  if (std::strcmp(name, "table") == 0) {
    Flush(true);
    Table(n, depth);
    Flush(true);
    return;
  }
  if (std::strcmp(name, "pre") == 0) {
    Flush(true);
    ++pre_;
    WalkChildren(n, depth);
    --pre_;
    Flush(true);
    return;
  }
  const bool section = OneOf(name, {"article", "main", "section"});
  const bool bold = OneOf(name, {"b", "strong"});
  const bool italic = OneOf(name, {"i", "em", "cite"});
  if (IsBlock(name)) Flush(true);
  in_section_ += section;
  bold_ += bold;
  italic_ += italic;
  WalkChildren(n, depth);
  bold_ -= bold;
  italic_ -= italic;
  in_section_ -= section;
  if (IsBlock(name)) Flush(true);
}

// Text of a subtree with block boundaries as spaces (for a table cell).
void Walker::CollectText(xmlNodePtr n, int depth, std::string* out) {
  if (!status_.ok()) return;
  if (depth > options_.max_xml_depth) {
    status_ = Status::TooLarge("HTML elements nested deeper than " +
                               std::to_string(options_.max_xml_depth));
    return;
  }
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content) out->append(reinterpret_cast<const char*>(n->content));
    return;
  }
  if (n->type != XML_ELEMENT_NODE || Dropped(n)) return;
  const char* name = Name(n);
  // Blocks and line breaks inside a cell end a line of it ('\n', read by
  // JoinCellLines).
  bool spaced = IsBlock(name) || HeadingLevel(name) || std::strcmp(name, "br") == 0 ||
                std::strcmp(name, "li") == 0;
  if (spaced) out->push_back('\n');
  if (std::strcmp(name, "ol") == 0) {
    // Numbered items keep their numbers, counted in one pass.
    std::string start = Attr(n, "start");
    int index = start.empty() ? 1 : std::atoi(start.c_str());
    for (xmlNodePtr c = n->children; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && Is(c, "li") && !Dropped(c)) {
        // The item's line starts with its number.
        out->append("\n" + std::to_string(index++) + ". ");
        for (xmlNodePtr k = c->children; k; k = k->next) CollectText(k, depth + 2, out);
        out->push_back('\n');
        continue;
      }
      CollectText(c, depth + 1, out);
    }
    out->push_back('\n');
    return;
  }
  for (xmlNodePtr c = n->children; c; c = c->next) CollectText(c, depth + 1, out);
  if (spaced) out->push_back('\n');
}

void Walker::Table(xmlNodePtr table, int depth) {
  // Rows in document order: direct children and those in thead/tbody/tfoot.
  std::vector<xmlNodePtr> rows;
  for (xmlNodePtr c = table->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || Dropped(c)) continue;
    if (Is(c, "tr")) {
      rows.push_back(c);
    } else if (Is(c, "thead") || Is(c, "tbody") || Is(c, "tfoot")) {
      for (xmlNodePtr r = c->children; r; r = r->next)
        if (r->type == XML_ELEMENT_NODE && Is(r, "tr")) rows.push_back(r);
    } else if (Is(c, "caption")) {
      Walk(c, depth + 1);
      Flush(true);
    }
  }
  std::vector<int> pending;  // rows still covered by a rowspan, per column
  bool first = true;
  for (xmlNodePtr tr : rows) {
    if (!status_.ok()) return;
    std::vector<xmlNodePtr> cells;
    bool nested = false;
    for (xmlNodePtr c = tr->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || !(Is(c, "td") || Is(c, "th")) || Dropped(c)) continue;
      cells.push_back(c);
    }
    for (xmlNodePtr c : cells) {
      std::vector<xmlNodePtr> stack{c};
      while (!stack.empty() && !nested) {
        xmlNodePtr s = stack.back();
        stack.pop_back();
        for (xmlNodePtr k = s->children; k; k = k->next)
          if (k->type == XML_ELEMENT_NODE) {
            if (Is(k, "table")) nested = true;
            stack.push_back(k);
          }
      }
    }
    if (cells.size() <= 1 || nested) {
      // Layout: the cells' content as blocks.
      for (xmlNodePtr c : cells) {
        Walk(c, depth + 2);
        Flush(true);
      }
      pending.clear();
      continue;
    }
    std::vector<std::string> out;
    size_t col = 0;
    bool all_bold = true, any = false;
    auto fill_pending = [&]() {
      while (col < pending.size() && pending[col] > 0) {
        --pending[col];
        out.emplace_back();
        ++col;
      }
    };
    for (xmlNodePtr c : cells) {
      fill_pending();
      std::string text;
      CollectText(c, depth + 2, &text);
      int colspan = std::clamp(std::atoi(Attr(c, "colspan").c_str()), 1, 64);
      int rowspan = std::clamp(std::atoi(Attr(c, "rowspan").c_str()), 1, 1000);
      std::vector<std::string> lines;
      for (size_t from = 0; from <= text.size();) {
        size_t nl = text.find('\n', from);
        if (nl == std::string::npos) nl = text.size();
        lines.push_back(NormalizeInline(std::string_view(text).substr(from, nl - from)));
        from = nl + 1;
      }
      std::string norm = JoinCellLines(lines);
      if (!norm.empty()) {
        any = true;
        bool bold = Is(c, "th");
        if (!bold) {
          // Bold when the cell's only content is one b/strong element.
          xmlNodePtr only = nullptr;
          int elements = 0;
          for (xmlNodePtr k = c->children; k; k = k->next) {
            if (k->type == XML_ELEMENT_NODE) {
              ++elements;
              only = k;
            } else if (k->type == XML_TEXT_NODE && k->content &&
                       !NormalizeInline(reinterpret_cast<const char*>(k->content)).empty()) {
              elements = 99;
            }
          }
          bold = elements == 1 && (Is(only, "b") || Is(only, "strong"));
        }
        all_bold = all_bold && bold;
      }
      out.push_back(std::move(norm));
      for (int s = 0; s < colspan; ++s) {
        if (col + s >= pending.size()) pending.resize(col + s + 1, 0);
        pending[col + s] = rowspan - 1;
        if (s > 0) out.emplace_back();
      }
      col += static_cast<size_t>(colspan);
    }
    fill_pending();
    if (!any) continue;
    Block b;
    b.kind = BlockKind::kTableRow;
    b.gap_before = first;
    b.bold = all_bold;
    if (builder_.AddRow(out, b)) {
      first = false;
      gap_ = false;
    }
  }
}

void InitLibxmlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

xmlNodePtr FindFirst(xmlNodePtr n, const char* name, int depth, int max_depth) {
  if (!n || depth > max_depth) return nullptr;
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Is(c, name) || (std::strcmp(name, "main") == 0 && Lower(Attr(c, "role")) == "main"))
      return c;
    if (Is(c, "script") || Is(c, "style") || Is(c, "template")) continue;
    if (xmlNodePtr f = FindFirst(c, name, depth + 1, max_depth)) return f;
  }
  return nullptr;
}

void FindAll(xmlNodePtr n, const char* name, int depth, int max_depth, std::vector<xmlNodePtr>* out) {
  if (!n || depth > max_depth) return;
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Is(c, name)) {
      out->push_back(c);  // not inside another one
      continue;
    }
    FindAll(c, name, depth + 1, max_depth, out);
  }
}

}  // namespace

Result<Document> ReadHtml(std::string_view bytes, const ExtractOptions& options) {
  std::vector<Warning> warnings;
  std::string converted;
  std::string_view utf8 = bytes;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    utf8 = bytes.substr(3);
  } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    auto r = ToUtf8(bytes.substr(2), bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE");
    if (!r.ok()) return r.status();
    converted = std::move(*r);
    utf8 = converted;
  } else {
    std::string charset = PrescanCharset(bytes);
    if (charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" ||
        charset == "ascii")
      charset = "windows-1252";
    if (charset.rfind("utf-16", 0) == 0) charset = "utf-8";  // a UTF-16 label on ASCII bytes
    if (charset.empty() || charset == "utf-8" || charset == "utf8") {
      if (!ValidUtf8(bytes)) {
        // Undeclared or wrongly declared: the usual legacy encoding.
        auto r = ToUtf8(bytes, "windows-1252");
        if (!r.ok()) return r.status();
        converted = std::move(*r);
        utf8 = converted;
        warnings.push_back({"legacy_encoding",
                            charset.empty() ? "no charset declared and not UTF-8; decoded as windows-1252"
                                            : "declared UTF-8 but not UTF-8; decoded as windows-1252",
                            std::nullopt});
      }
    } else {
      auto r = ToUtf8(bytes, charset);
      if (!r.ok()) return r.status();
      converted = std::move(*r);
      utf8 = converted;
    }
  }
  if (utf8.size() > static_cast<size_t>(INT32_MAX))
    return Status::TooLarge("HTML over 2 GiB");

  InitLibxmlOnce();
  const int flags = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                    HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD;
  std::unique_ptr<htmlParserCtxt, void (*)(htmlParserCtxtPtr)> ctxt(htmlNewParserCtxt(),
                                                                     htmlFreeParserCtxt);
  if (!ctxt) return Status::Internal("cannot create the HTML parser");
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlCtxtReadMemory(ctxt.get(), utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
                         flags),
      xmlFreeDoc);
  // libxml2 stops at 256 levels of nesting (without XML_PARSE_HUGE, which
  // stays off) and keeps what it read; that is a limit, not a document.
  const char* error = ctxt->lastError.message;
  if (error && std::strstr(error, "Excessive depth"))
    return Status::TooLarge("HTML elements nested deeper than the parser allows (256)");
  if (!doc) return Status::Corrupt("the HTML parser could not read the document");
  if (DeadlineExpired()) return Status::Timeout("reading the HTML took longer than the time limit");

  xmlNodePtr root = xmlDocGetRootElement(doc.get());
  if (!root) return Status::NoText("the HTML document is empty");
  const int max_depth = options.max_xml_depth;

  DocumentBuilder builder("html");
  Walker walker(builder, options);
  std::vector<xmlNodePtr> content;
  if (xmlNodePtr main = FindFirst(root, "main", 0, max_depth)) {
    content.push_back(main);
  } else {
    FindAll(root, "article", 0, max_depth, &content);
    if (content.empty()) {
      xmlNodePtr body = FindFirst(root, "body", 0, max_depth);
      content.push_back(body ? body : root);
    }
  }
  for (xmlNodePtr c : content) {
    if (Status s = walker.Read(c); !s.ok()) return s;
  }

  Document out = std::move(builder).Finish();
  if (xmlNodePtr head = FindFirst(root, "head", 0, 2)) {
    for (xmlNodePtr c = head->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (Is(c, "title") && !out.title) {
        std::string t;
        for (xmlNodePtr k = c->children; k; k = k->next)
          if (k->content) t += reinterpret_cast<const char*>(k->content);
        t = NormalizeInline(t);
        if (!t.empty()) out.title = t;
      } else if (Is(c, "meta") && !out.created) {
        std::string name = Lower(Attr(c, "name"));
        if (name == "dcterms.created" || name == "dc.date.created" || name == "date" ||
            name == "dc.date" || name == "created")
          out.created = IsoDate(Attr(c, "content"));
      }
    }
  }
  out.warnings = std::move(warnings);
  if (out.blocks.empty()) return Status::NoText("the HTML document holds no text");
  return out;
}

Status AppendHtmlFragment(std::string_view html, DocumentBuilder* builder,
                          const ExtractOptions& options) {
  if (html.find_first_not_of(" \t\r\n") == std::string_view::npos) return Status();
  if (html.size() > static_cast<size_t>(INT32_MAX)) return Status::TooLarge("HTML field over 2 GiB");
  InitLibxmlOnce();
  const int flags = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                    HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD |
                    HTML_PARSE_NOIMPLIED;
  std::unique_ptr<htmlParserCtxt, void (*)(htmlParserCtxtPtr)> ctxt(htmlNewParserCtxt(),
                                                                     htmlFreeParserCtxt);
  if (!ctxt) return Status::Internal("cannot create the HTML parser");
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlCtxtReadMemory(ctxt.get(), html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                         flags),
      xmlFreeDoc);
  const char* error = ctxt->lastError.message;
  if (error && std::strstr(error, "Excessive depth"))
    return Status::TooLarge("HTML elements nested deeper than the parser allows (256)");
  if (!doc) return Status::Corrupt("the HTML parser could not read an HTML field");
  if (DeadlineExpired()) return Status::Timeout("reading the HTML took longer than the time limit");
  // A fragment has no <main> or <body> to look for: every top-level node
  // is content (HTML_PARSE_NOIMPLIED keeps the parser from adding html/body).
  Walker walker(*builder, options);
  return walker.Read(reinterpret_cast<xmlNodePtr>(doc.get()));
}

}  // namespace referat
