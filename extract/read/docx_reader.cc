// DOCX reader: WordprocessingML to the Document model, streaming.
//
// The package is opened by docx::ZipPackage (zip-bomb limits checked before
// inflating); styles.xml and numbering.xml are read first (docx_styles.h);
// then the main document part is read node by node with libxml2's streaming
// reader (docx_xml.h), never as a DOM. Only the main part is read, so
// headers, footers, footnotes, endnotes and comments (separate parts) stay
// out of the body.
//
// How WordprocessingML becomes blocks (decisions worth knowing):
// - One block per paragraph line: w:br (any type but page-only semantics
//   aside) and w:cr end a line; the lines of one w:p share its kind and
//   style, and only the first carries gap_before.
// - w:tab: in headings and list items a tab reads as a space. In other
//   paragraphs tabs (a run of them counts as one) separate columns when they
//   make a label/value or TOC-like line: three or more pieces of text, or
//   two whose first is at most 120 bytes, become a kTableRow ("Sagsnr.:<TAB>
//   12/27845", "Punkter til dagsorden<TAB>Side"). A first piece that is a
//   bullet or a number ("•", "1.") makes a list item instead. Prose does not
//   put tabs between words; Word users align columns with them, and the text
//   reader reads tab-separated lines as rows, so the formats agree.
// - Fields: the instruction part (w:instrText) is never text; results are
//   kept, except PAGE/NUMPAGES/SECTIONPAGES and PAGEREF results (page
//   numbers of the Word layout, which would glue onto titles). Inside a TOC
//   field result (and in paragraphs with a TOC style) the PAGEREF result is
//   kept but always in a cell of its own, and the entry becomes a kTableRow
//   ("715.", "Kulturkommune 2017 …", "2"), like a TOC line in text.
// - Lists: numbering from numbering.xml (see docx_styles.h); bullets become
//   kListItem with marker "•" and the bullet not in the text; numbered items
//   keep their resolved marker ("1.", "a)") at the start of the text.
//   Numbering in a heading style prefixes the heading text. A list whose
//   definition is missing (a damaged package) reads as bullets.
// - Tables: a row with two or more cells is a kTableRow; w:gridSpan pads
//   the spanned columns with empty cells (cell index = grid column), a
//   continued w:vMerge cell is empty, w:gridBefore adds leading empty cells.
//   Paragraphs within a cell are joined with a space. A row with a single
//   cell (layout tables, a title spanning the grid) and a row holding a
//   nested table are unwrapped: their paragraphs (and the nested table's
//   rows) become blocks of their own, in order.
// - Tracked changes are read as accepted: w:ins / w:moveTo kept, w:del /
//   w:delText / w:moveFrom dropped. mc:AlternateContent: the first mc:Choice
//   is read, other choices and mc:Fallback skipped. w:sdt, w:smartTag,
//   w:customXml, w:hyperlink are unwrapped. Text boxes (w:txbxContent) are
//   read once, where their anchor is. Hidden text (w:vanish) is dropped.
//   w:altChunk (an embedded foreign document) is skipped with the warning
//   `altchunk_skipped`. w:noBreakHyphen is a visible '-', w:softHyphen is
//   dropped. w:sym maps the common Symbol/Wingdings bullets and signs.
// - Pages: w:lastRenderedPageBreak only records where Word last happened to
//   break the layout, and is ignored. Explicit breaks are counted: w:br
//   w:type="page", w:pageBreakBefore (direct or from the style), and section
//   breaks whose next section starts on a new page (the w:type of the next
//   w:sectPr: nextPage, oddPage, evenPage; continuous is no break).
//   Consecutive breaks count as one. Block.page and Document::pages are set
//   only when there is at least one such break between two blocks; natural
//   page flow is unknown without layout, so pages are then a lower bound.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "read/docx_styles.h"
#include "read/docx_xml.h"
#include "read/docx_zip.h"
#include "read/reader.h"

namespace referat {
namespace docx {
namespace {

constexpr const char* kNsDc = "http://purl.org/dc/elements/1.1/";
constexpr const char* kNsDcTerms = "http://purl.org/dc/terms/";

// ---------------------------------------------------------------- packaging

// The directory of a part name: "word/document.xml" -> "word/".
std::string DirOf(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// Resolves a relationship target against the source part's directory.
std::string ResolveTarget(const std::string& base_dir, const std::string& target) {
  std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string::npos) slash = path.size();
    std::string seg = path.substr(pos, slash - pos);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    pos = slash + 1;
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
  return out;
}

// Relationship type suffix ("officeDocument", "styles", ...) -> resolved target.
std::map<std::string, std::string> ReadRels(ZipPackage& pkg, const std::string& rels_part,
                                            const std::string& base_dir,
                                            const ExtractOptions& options) {
  std::map<std::string, std::string> out;
  if (!pkg.Has(rels_part)) return out;
  auto xml = pkg.Read(rels_part);
  if (!xml.ok()) return out;
  XmlReader x(*xml, rels_part, options);
  while (x.Next()) {
    if (x.kind() != XmlReader::kStart || std::strcmp(x.name(), "Relationship") != 0) continue;
    std::string type = x.Attr("Type");
    if (x.Attr("TargetMode") == "External") continue;
    size_t slash = type.rfind('/');
    std::string key = slash == std::string::npos ? type : type.substr(slash + 1);
    if (!out.count(key)) out[key] = ResolveTarget(base_dir, x.Attr("Target"));
  }
  return out;
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// W3CDTF as written in core.xml ("2013-06-20T13:11:00Z") when it holds at
// least a full date; else nullopt.
std::optional<std::string> IsoDate(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(0, 1);
  std::string_view v(s);
  if (v.size() < 10 || !IsDigits(v.substr(0, 4)) || v[4] != '-' || !IsDigits(v.substr(5, 2)) ||
      v[7] != '-' || !IsDigits(v.substr(8, 2)))
    return std::nullopt;
  if (v.substr(0, 4) == "1601" || v.substr(0, 4) == "0000") return std::nullopt;  // "no date" placeholders
  if (v.size() == 10) return s;
  if (v[10] != 'T' || v.size() < 16 || !IsDigits(v.substr(11, 2)) || v[13] != ':' ||
      !IsDigits(v.substr(14, 2)))
    return s.substr(0, 10);
  for (char c : v.substr(16))
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.' || c == 'Z' ||
          c == '+' || c == '-'))
      return s.substr(0, 10);
  return s;
}

void ReadCore(ZipPackage& pkg, const std::string& part, const ExtractOptions& options,
              Document* doc) {
  if (!pkg.Has(part)) return;
  auto xml = pkg.Read(part);
  if (!xml.ok()) return;
  XmlReader x(*xml, part, options);
  enum { kNone, kTitle, kCreated } in = kNone;
  std::string title, created;
  while (x.Next()) {
    if (x.kind() == XmlReader::kStart) {
      if (x.Is("title", kNsDc)) in = kTitle;
      else if (x.Is("created", kNsDcTerms)) in = kCreated;
    } else if (x.kind() == XmlReader::kEnd) {
      in = kNone;
    } else if (x.kind() == XmlReader::kText) {
      if (in == kTitle) title.append(x.text());
      else if (in == kCreated) created.append(x.text());
    }
  }
  std::string t = NormalizeInline(title);
  if (!t.empty()) doc->title = t;
  doc->created = IsoDate(created);
}

// ------------------------------------------------------------------ helpers

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x110000) {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// w:sym: a character of a symbol font, usually in the U+F000 private range.
std::string SymbolText(std::string font, const std::string& hex) {
  uint32_t cp = static_cast<uint32_t>(std::strtoul(hex.c_str(), nullptr, 16));
  for (char& c : font) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string out;
  if (cp >= 0xF000 && cp <= 0xF0FF) {
    uint32_t low = cp - 0xF000;
    static const std::map<uint32_t, uint32_t> kSymbol = {
        {0xB7, 0x2022}, {0xD7, 0x00D7}, {0xB0, 0x00B0}, {0xB1, 0x00B1}, {0xA3, 0x2264},
        {0xB3, 0x2265}, {0xAE, 0x2192}, {0x2D, 0x2212}, {0xA5, 0x221E}, {0xBE, 0x2014}};
    static const std::map<uint32_t, uint32_t> kWingdings = {
        {0x9F, 0x2022}, {0xA7, 0x25AA}, {0xA8, 0x25A1}, {0xD8, 0x27A2}, {0xFC, 0x2713},
        {0xFB, 0x2717}, {0xFE, 0x2611}, {0x6C, 0x25CF}, {0x6E, 0x25A0}, {0x71, 0x2751},
        {0x76, 0x2756}, {0xE0, 0x2192}, {0xE8, 0x2192}};
    const auto& table = font.find("wingding") != std::string::npos ? kWingdings : kSymbol;
    auto it = table.find(low);
    if (it != table.end()) AppendUtf8(&out, it->second);
    else if (font.find("symbol") == std::string::npos && low >= 0x20 && low < 0x7F)
      out.push_back(static_cast<char>(low));
    else out = " ";
    return out;
  }
  if (cp >= 0x20) AppendUtf8(&out, cp);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Pieces of a line separated by tabs, trimmed, empty ones dropped (a run of
// tabs is one separator; tabs used for indentation vanish).
std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= line.size()) {
    size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) tab = line.size();
    std::string piece = NormalizeInline(line.substr(pos, tab - pos));
    if (!piece.empty()) out.push_back(std::move(piece));
    pos = tab + 1;
  }
  return out;
}

std::string TabsToSpaces(std::string_view line) {
  std::string s(line);
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

bool IsBulletPiece(std::string_view s) {
  static const char* kBullets[] = {"•", "·", "-", "–", "—", "o", "▪", "■", "●", "◦", "○", "➢",
                                   "►", "\xEF\x82\xB7", "\xEF\x82\xA7", "*", "✓", "§"};
  for (const char* b : kBullets)
    if (s == b) return std::string_view(b) != "§";
  return false;
}

// "1.", "12)", "a)", "b.", "(3)", "iv." : a typed list number.
bool IsOrderedPiece(std::string_view s) {
  if (s.size() >= 3 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
  else if (s.size() >= 2 && (s.back() == '.' || s.back() == ')')) s.remove_suffix(1);
  else return false;
  if (s.empty() || s.size() > 4) return false;
  if (IsDigits(s)) return true;
  if (s.size() == 1 && std::isalpha(static_cast<unsigned char>(s[0]))) return true;
  return std::all_of(s.begin(), s.end(), [](char c) { return std::strchr("ivxIVX", c) != nullptr; });
}

// A typed bullet at the start of a paragraph, as the text reader knows them.
size_t BulletLength(std::string_view t) {
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') return 2;
  for (std::string_view b : {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x97\x8F", "\xEF\x82\xB7"}) {
    if (t.substr(0, b.size()) == b && t.size() > b.size() && t[b.size()] == ' ') return b.size() + 1;
  }
  return 0;
}

// Whether the line survives normalization: fast for the usual line with
// an ASCII letter, exact (NormalizeInline) for lines of only non-ASCII.
bool HasText(std::string_view line) {
  for (unsigned char c : line)
    if (c > 0x20 && c < 0x7F) return true;
  return !NormalizeInline(line).empty();
}

size_t VisibleChars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && (c & 0xC0) != 0x80) ++n;
  return n;
}

// ------------------------------------------------------------- body reader

enum class FieldKind { kOther, kToc, kPageRef, kPageNumber };

struct Field {
  std::string instr;
  bool separated = false;
  FieldKind kind = FieldKind::kOther;
  bool cell_broken = false;
};

FieldKind Classify(std::string_view instr) {
  instr = Trim(instr);
  size_t end = 0;
  while (end < instr.size() && !std::isspace(static_cast<unsigned char>(instr[end])) && instr[end] != '\\')
    ++end;
  std::string head(instr.substr(0, end));
  for (char& c : head) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (head == "TOC") return FieldKind::kToc;
  if (head == "PAGEREF") return FieldKind::kPageRef;
  if (head == "PAGE" || head == "NUMPAGES" || head == "SECTIONPAGES") return FieldKind::kPageNumber;
  return FieldKind::kOther;
}

struct LineStat {
  int breaks = 0;  // explicit page breaks seen before the line started
  size_t chars = 0, bold = 0, italic = 0;
  std::vector<std::pair<float, size_t>> sizes;
};

LineStat MakeLine(int breaks) {
  LineStat l;
  l.breaks = breaks;
  return l;
}

struct RunState {
  RunProps direct;
  std::string rstyle;
  bool in_run = false, in_rpr = false, in_t = false, in_instr = false;
};

struct Para {
  std::string text;  // '\n' ends a line, '\t' separates pieces
  std::vector<LineStat> lines;
  std::string style;
  std::string num_id;
  bool has_num = false;
  int ilvl = -1;
  int outline = -1;
  std::optional<bool> page_break_before;
  bool toc_field = false;
  bool ends_section = false;
  const ResolvedStyle* resolved = nullptr;
  RunState outer;  // the enclosing paragraph's run state (text boxes)
};

// A finished block, held while its table is still open.
struct Piece {
  Block proto;
  std::string text;
  std::vector<std::string> cells;
  bool row = false;
  int breaks = 0;
  int sections = 0;
};

struct CellB {
  std::vector<Piece> pieces;
  bool nested = false;
  int span = 1;
  bool merged_continue = false;
};
struct RowB {
  std::vector<CellB> cells;
  int grid_before = 0;
};
struct TableB {
  std::vector<RowB> rows;
};

class BodyReader {
 public:
  BodyReader(XmlReader& x, const Styles& styles, Numbering& numbering, DocumentBuilder& builder,
             const ExtractOptions& options)
      : x_(x), styles_(styles), numbering_(numbering), builder_(builder), options_(options) {}

  Status Run();
  // After Run(): assigns Block.page / Document::pages from the breaks seen.
  void AssignPages(Document* doc) const;
  int altchunks() const { return altchunks_; }

 private:
  void OnStart();
  void OnEnd();
  void OnText(std::string_view t);
  void StartParagraph();
  void FinishParagraph();
  void FinishTable();
  void AppendText(std::string_view s);
  void AppendRaw(char c);
  void NewLine();
  bool TextVisible();
  bool InTocField() const;
  const ResolvedStyle& ParaStyle(Para& p) {
    if (!p.resolved) p.resolved = &styles_.Paragraph(p.style);
    return *p.resolved;
  }
  void Emit(Piece piece);
  void EmitTop(Piece& piece);
  std::vector<Piece> Flatten(TableB& t);

  XmlReader& x_;
  const Styles& styles_;
  Numbering& numbering_;
  DocumentBuilder& builder_;
  const ExtractOptions& options_;
  Status status_;

  std::vector<Para> paras_;
  RunState run_;
  bool in_ppr_ = false, in_numpr_ = false, in_sectpr_ = false, in_tcpr_ = false, in_trpr_ = false;
  // Open fields, innermost last. Real documents nest a few; the cap keeps
  // the per-text checks O(1) on a hostile file (deeper ones are counted in
  // field_overflow_ and treated as plain results).
  static constexpr size_t kMaxFields = 32;
  std::vector<Field> fields_;
  int field_overflow_ = 0;
  std::vector<bool> alt_;  // per open mc:AlternateContent: a branch was taken
  std::vector<TableB> tables_;

  int breaks_ = 0;    // explicit page breaks so far
  int sections_ = 0;  // sections ended so far
  std::vector<std::string> sect_types_;  // w:type of each w:sectPr, in order
  std::vector<std::pair<int, int>> marks_;  // (breaks, sections) per emitted block
  int altchunks_ = 0;
};

Status BodyReader::Run() {
  while (x_.Next()) {
    switch (x_.kind()) {
      case XmlReader::kStart: OnStart(); break;
      case XmlReader::kEnd: OnEnd(); break;
      case XmlReader::kText: OnText(x_.text()); break;
      default: break;
    }
    if (!status_.ok()) return status_;
  }
  if (!x_.status().ok()) return x_.status();
  // An unclosed paragraph or table (truncated XML is an error above, but be safe).
  while (!paras_.empty()) FinishParagraph();
  while (!tables_.empty()) FinishTable();
  return status_;
}

void BodyReader::OnStart() {
  const char* n = x_.name();
  if (!x_.IsW()) {
    if (x_.Is("AlternateContent", kNsMc)) {
      alt_.push_back(false);
    } else if (x_.Is("Choice", kNsMc) || x_.Is("Fallback", kNsMc)) {
      if (alt_.empty() || alt_.back()) x_.SkipSubtree();
      else alt_.back() = true;
    }
    return;  // other namespaces (drawings, VML): descend; only w:t is text
  }
  // Paragraph properties.
  if (in_ppr_ && !paras_.empty()) {
    Para& p = paras_.back();
    if (std::strcmp(n, "pStyle") == 0) {
      p.style = x_.Attr("val");
      p.resolved = nullptr;
    } else if (std::strcmp(n, "numPr") == 0) {
      in_numpr_ = true;
      p.has_num = true;
    } else if (in_numpr_ && std::strcmp(n, "numId") == 0) {
      p.num_id = x_.Attr("val");
    } else if (in_numpr_ && std::strcmp(n, "ilvl") == 0) {
      p.ilvl = std::atoi(x_.Attr("val").c_str());
    } else if (std::strcmp(n, "outlineLvl") == 0) {
      p.outline = std::atoi(x_.Attr("val").c_str());
    } else if (std::strcmp(n, "pageBreakBefore") == 0) {
      bool found = false;
      std::string v = x_.Attr("val", &found);
      p.page_break_before = OnOffValue(v, found);
    } else if (std::strcmp(n, "sectPr") == 0) {
      in_sectpr_ = true;
      sect_types_.push_back("nextPage");
      p.ends_section = true;
    } else if (in_sectpr_ && std::strcmp(n, "type") == 0) {
      sect_types_.back() = x_.Attr("val");
    } else if (std::strcmp(n, "rPr") == 0 || std::strcmp(n, "pPrChange") == 0 ||
               std::strcmp(n, "tabs") == 0 || std::strcmp(n, "sectPrChange") == 0) {
      x_.SkipSubtree();  // paragraph-mark formatting, old properties, tab stops
    }
    return;
  }
  if (in_sectpr_) {  // the body-level w:sectPr
    if (std::strcmp(n, "type") == 0) sect_types_.back() = x_.Attr("val");
    else if (std::strcmp(n, "sectPrChange") == 0) x_.SkipSubtree();
    return;
  }
  if (run_.in_rpr) {
    if (std::strcmp(n, "rStyle") == 0) {
      run_.rstyle = x_.Attr("val");
    } else if (std::strcmp(n, "rPrChange") == 0) {
      x_.SkipSubtree();
    } else {
      bool found = false;
      if (std::strcmp(n, "b") == 0) {
        std::string v = x_.Attr("val", &found);
        run_.direct.bold = OnOffValue(v, found);
      } else if (std::strcmp(n, "i") == 0) {
        std::string v = x_.Attr("val", &found);
        run_.direct.italic = OnOffValue(v, found);
      } else if (std::strcmp(n, "vanish") == 0) {
        std::string v = x_.Attr("val", &found);
        run_.direct.hidden = OnOffValue(v, found);
      } else if (std::strcmp(n, "sz") == 0) {
        int half = std::atoi(x_.Attr("val").c_str());
        if (half > 0) run_.direct.size = half / 2.0f;
      }
    }
    return;
  }
  if (in_tcpr_) {
    if (tables_.empty() || tables_.back().rows.empty() || tables_.back().rows.back().cells.empty())
      return;
    CellB& c = tables_.back().rows.back().cells.back();
    if (std::strcmp(n, "gridSpan") == 0) {
      c.span = std::clamp(std::atoi(x_.Attr("val").c_str()), 1, 64);
    } else if (std::strcmp(n, "vMerge") == 0 || std::strcmp(n, "hMerge") == 0) {
      c.merged_continue = x_.Attr("val") != "restart";
    } else if (std::strcmp(n, "tcPrChange") == 0) {
      x_.SkipSubtree();
    }
    return;
  }
  if (in_trpr_) {
    if (std::strcmp(n, "gridBefore") == 0 && !tables_.empty() && !tables_.back().rows.empty())
      tables_.back().rows.back().grid_before = std::clamp(std::atoi(x_.Attr("val").c_str()), 0, 64);
    return;
  }

  if (std::strcmp(n, "p") == 0) {
    StartParagraph();
  } else if (std::strcmp(n, "r") == 0) {
    run_ = RunState();
    run_.in_run = true;
  } else if (std::strcmp(n, "t") == 0) {
    if (run_.in_run) run_.in_t = true;
  } else if (std::strcmp(n, "pPr") == 0) {
    if (!paras_.empty()) in_ppr_ = true;
  } else if (std::strcmp(n, "rPr") == 0) {
    if (run_.in_run) run_.in_rpr = true;
    else x_.SkipSubtree();
  } else if (std::strcmp(n, "tab") == 0 || std::strcmp(n, "ptab") == 0) {
    if (run_.in_run && TextVisible()) AppendRaw('\t');
  } else if (std::strcmp(n, "br") == 0 || std::strcmp(n, "cr") == 0) {
    if (!paras_.empty()) {
      if (std::strcmp(n, "br") == 0 && x_.Attr("type") == "page") ++breaks_;
      NewLine();
    }
  } else if (std::strcmp(n, "noBreakHyphen") == 0) {
    if (run_.in_run && TextVisible()) AppendText("-");
  } else if (std::strcmp(n, "sym") == 0) {
    if (run_.in_run && TextVisible()) AppendText(SymbolText(x_.Attr("font"), x_.Attr("char")));
  } else if (std::strcmp(n, "instrText") == 0) {
    if (run_.in_run) run_.in_instr = true;
  } else if (std::strcmp(n, "fldChar") == 0) {
    std::string type = x_.Attr("fldCharType");
    if (type == "begin") {
      if (fields_.size() < kMaxFields) fields_.emplace_back();
      else ++field_overflow_;
    } else if (type == "separate" && !fields_.empty() && field_overflow_ == 0) {
      fields_.back().separated = true;
      fields_.back().kind = Classify(fields_.back().instr);
    } else if (type == "end") {
      if (field_overflow_ > 0) --field_overflow_;
      else if (!fields_.empty()) fields_.pop_back();
    }
    x_.SkipSubtree();  // w:ffData (form field names and defaults)
  } else if (std::strcmp(n, "fldSimple") == 0) {
    if (fields_.size() >= kMaxFields) {
      ++field_overflow_;
      return;
    }
    Field f;
    f.instr = x_.Attr("instr");
    f.separated = true;
    f.kind = Classify(f.instr);
    fields_.push_back(std::move(f));
  } else if (std::strcmp(n, "tbl") == 0) {
    tables_.emplace_back();
  } else if (std::strcmp(n, "tr") == 0) {
    if (!tables_.empty()) tables_.back().rows.emplace_back();
  } else if (std::strcmp(n, "tc") == 0) {
    if (!tables_.empty()) {
      if (tables_.back().rows.empty()) tables_.back().rows.emplace_back();
      tables_.back().rows.back().cells.emplace_back();
    }
  } else if (std::strcmp(n, "tcPr") == 0) {
    in_tcpr_ = true;
  } else if (std::strcmp(n, "trPr") == 0) {
    in_trpr_ = true;
  } else if (std::strcmp(n, "sectPr") == 0) {
    in_sectpr_ = true;
    sect_types_.push_back("nextPage");
  } else if (std::strcmp(n, "altChunk") == 0) {
    ++altchunks_;
    x_.SkipSubtree();
  } else if (std::strcmp(n, "del") == 0 || std::strcmp(n, "moveFrom") == 0 ||
             std::strcmp(n, "delText") == 0 || std::strcmp(n, "delInstrText") == 0 ||
             std::strcmp(n, "sdtPr") == 0 || std::strcmp(n, "sdtEndPr") == 0 ||
             std::strcmp(n, "smartTagPr") == 0 || std::strcmp(n, "customXmlPr") == 0 ||
             std::strcmp(n, "tblPr") == 0 || std::strcmp(n, "tblGrid") == 0 ||
             std::strcmp(n, "tblPrEx") == 0 || std::strcmp(n, "rt") == 0 ||
             std::strcmp(n, "fldData") == 0 || std::strcmp(n, "footnotePr") == 0 ||
             std::strcmp(n, "endnotePr") == 0) {
    x_.SkipSubtree();
  }
  // Everything else (w:body, w:ins, w:moveTo, w:hyperlink, w:sdt, w:sdtContent,
  // w:smartTag, w:customXml, w:txbxContent, w:pict, w:object, w:drawing …)
  // is descended into.
}

void BodyReader::OnEnd() {
  const char* n = x_.name();
  if (!x_.IsW()) {
    if (x_.Is("AlternateContent", kNsMc) && !alt_.empty()) alt_.pop_back();
    return;
  }
  if (std::strcmp(n, "p") == 0) {
    if (!paras_.empty()) FinishParagraph();
  } else if (std::strcmp(n, "pPr") == 0) {
    if (in_ppr_ && !paras_.empty()) {
      Para& p = paras_.back();
      bool pbb = p.page_break_before.value_or(ParaStyle(p).page_break_before);
      if (pbb) {
        ++breaks_;
        if (p.lines.size() == 1 && p.text.empty()) p.lines.back().breaks = breaks_;
      }
    }
    in_ppr_ = false;
  } else if (std::strcmp(n, "numPr") == 0) {
    in_numpr_ = false;
  } else if (std::strcmp(n, "sectPr") == 0) {
    in_sectpr_ = false;
  } else if (std::strcmp(n, "r") == 0) {
    run_ = RunState();
  } else if (std::strcmp(n, "rPr") == 0) {
    run_.in_rpr = false;
  } else if (std::strcmp(n, "t") == 0) {
    run_.in_t = false;
  } else if (std::strcmp(n, "instrText") == 0) {
    run_.in_instr = false;
  } else if (std::strcmp(n, "fldSimple") == 0) {
    if (field_overflow_ > 0) --field_overflow_;
    else if (!fields_.empty()) fields_.pop_back();
  } else if (std::strcmp(n, "tcPr") == 0) {
    in_tcpr_ = false;
  } else if (std::strcmp(n, "trPr") == 0) {
    in_trpr_ = false;
  } else if (std::strcmp(n, "tbl") == 0) {
    if (!tables_.empty()) FinishTable();
  }
}

bool BodyReader::InTocField() const {
  for (const Field& f : fields_)
    if (f.separated && f.kind == FieldKind::kToc) return true;
  return false;
}

// Whether run text at this point is shown: not hidden, not a field
// instruction, not a layout page number.
bool BodyReader::TextVisible() {
  if (paras_.empty()) return false;
  for (const Field& f : fields_) {
    if (!f.separated) return false;
    if (f.kind == FieldKind::kPageNumber) return false;
    if (f.kind == FieldKind::kPageRef && !InTocField() && !ParaStyle(paras_.back()).toc) return false;
  }
  bool hidden = run_.direct.hidden.value_or(
      styles_.Character(run_.rstyle).run.hidden.value_or(ParaStyle(paras_.back()).run.hidden.value_or(false)));
  return !hidden;
}

void BodyReader::OnText(std::string_view t) {
  if (run_.in_instr) {
    if (!fields_.empty() && !fields_.back().separated) fields_.back().instr.append(t);
    return;
  }
  if (!run_.in_t || !TextVisible()) return;
  // A TOC entry's page number (a PAGEREF result) gets a cell of its own.
  for (Field& f : fields_) {
    if (f.kind == FieldKind::kPageRef && !f.cell_broken) {
      AppendRaw('\t');
      f.cell_broken = true;
    }
  }
  AppendText(t);
}

void BodyReader::StartParagraph() {
  Para p;
  p.outer = run_;
  run_ = RunState();
  p.lines.push_back(MakeLine(breaks_));
  p.toc_field = InTocField();
  paras_.push_back(std::move(p));
}

void BodyReader::AppendRaw(char c) {
  if (paras_.empty()) return;
  paras_.back().text.push_back(c);
}

void BodyReader::AppendText(std::string_view s) {
  if (paras_.empty()) return;
  Para& p = paras_.back();
  if (InTocField()) p.toc_field = true;
  size_t start = p.text.size();
  p.text.append(s);
  // Line breaks inside w:t are not line breaks in Word.
  for (size_t i = start; i < p.text.size(); ++i)
    if (p.text[i] == '\n' || p.text[i] == '\r') p.text[i] = ' ';
  size_t n = VisibleChars(s);
  if (n == 0) return;
  const ResolvedStyle& ps = ParaStyle(p);
  const RunProps& cs = styles_.Character(run_.rstyle).run;
  bool bold = run_.direct.bold.value_or(cs.bold.value_or(ps.run.bold.value_or(false)));
  bool italic = run_.direct.italic.value_or(cs.italic.value_or(ps.run.italic.value_or(false)));
  float size = run_.direct.size > 0 ? run_.direct.size : cs.size > 0 ? cs.size : ps.run.size;
  LineStat& ls = p.lines.back();
  ls.chars += n;
  if (bold) ls.bold += n;
  if (italic) ls.italic += n;
  if (size > 0) {
    auto it = std::find_if(ls.sizes.begin(), ls.sizes.end(), [&](auto& e) { return e.first == size; });
    if (it == ls.sizes.end()) ls.sizes.emplace_back(size, n);
    else it->second += n;
  }
}

void BodyReader::NewLine() {
  Para& p = paras_.back();
  p.text.push_back('\n');
  p.lines.push_back(MakeLine(breaks_));
}

void BodyReader::FinishParagraph() {
  Para p = std::move(paras_.back());
  paras_.pop_back();
  run_ = p.outer;
  const ResolvedStyle& ps = ParaStyle(p);
  int heading = ps.heading_level;
  if (p.outline >= 0) heading = p.outline < 9 ? std::min(p.outline + 1, 6) : 0;
  const bool toc = ps.toc || p.toc_field;

  std::string num_id = p.has_num ? p.num_id : ps.num_id;
  int ilvl = p.ilvl >= 0 ? p.ilvl : (ps.ilvl >= 0 ? ps.ilvl : 0);
  ListMarker marker;
  bool listed = false;
  if (!num_id.empty() && num_id != "0") {
    if (numbering_.Has(num_id)) {
      marker = numbering_.Next(num_id, ilvl, styles_);
      listed = marker.bullet || !marker.text.empty();
    } else {
      marker.bullet = true;  // the definition is missing (damaged package)
      marker.level = std::clamp(ilvl, 0, 8);
      listed = true;
    }
  }

  size_t pos = 0;
  bool first_shown = true;  // no earlier line of this paragraph had text
  for (size_t li = 0; li < p.lines.size(); ++li) {
    size_t nl = p.text.find('\n', pos);
    if (nl == std::string::npos) nl = p.text.size();
    std::string_view line(p.text.data() + pos, nl - pos);
    pos = nl + 1;
    const LineStat& ls = p.lines[li];
    if (ls.chars == 0 || !HasText(line)) continue;

    Piece piece;
    piece.breaks = ls.breaks;
    piece.sections = sections_;
    Block& b = piece.proto;
    b.gap_before = first_shown;
    const bool first_line = first_shown;
    first_shown = false;
    b.bold = ls.chars > 0 && ls.bold == ls.chars;
    b.italic = ls.chars > 0 && ls.italic == ls.chars;
    size_t best = 0;
    for (auto& [size, count] : ls.sizes)
      if (count > best) {
        best = count;
        b.font_size = size;
      }

    if (heading > 0) {
      b.kind = BlockKind::kHeading;
      b.heading_level = heading;
      std::string prefix = (first_line && listed && !marker.bullet) ? marker.text + " " : "";
      piece.text = prefix + TabsToSpaces(line);
    } else if (toc) {
      std::vector<std::string> cells = SplitTabs(line);
      if (cells.size() >= 2) {
        piece.row = true;
        piece.cells = std::move(cells);
      } else {
        piece.text = TabsToSpaces(line);
      }
    } else if (listed && first_line) {
      b.kind = BlockKind::kListItem;
      b.list_level = marker.level;
      b.list_marker = marker.bullet ? "•" : marker.text;
      piece.text = (marker.bullet ? "" : marker.text + " ") + TabsToSpaces(line);
    } else {
      std::vector<std::string> cells;
      if (line.find('\t') != std::string_view::npos) cells = SplitTabs(line);
      if (cells.size() == 2 && IsBulletPiece(cells[0])) {
        b.kind = BlockKind::kListItem;
        b.list_marker = "•";
        piece.text = cells[1];
      } else if (cells.size() == 2 && IsOrderedPiece(cells[0])) {
        b.kind = BlockKind::kListItem;
        b.list_marker = cells[0];
        piece.text = cells[0] + " " + cells[1];
      } else if (cells.size() >= 3 || (cells.size() == 2 && cells[0].size() <= 120)) {
        piece.row = true;
        piece.cells = std::move(cells);
      } else {
        std::string t = TabsToSpaces(line);
        std::string_view tv = Trim(t);
        if (size_t bl = BulletLength(tv); bl > 0 && !listed) {
          b.kind = BlockKind::kListItem;
          std::string_view m = tv.substr(0, bl - 1);
          b.list_marker = (m == "-" || m == "*" || m == "+") ? "-" : "•";
          piece.text = std::string(tv.substr(bl));
        } else {
          piece.text = std::move(t);
        }
      }
    }
    Emit(std::move(piece));
  }
  if (first_shown && listed && !marker.bullet && !marker.text.empty()) {
    // An empty numbered paragraph still shows its number ("1." alone).
    Piece piece;
    piece.breaks = p.lines.front().breaks;
    piece.sections = sections_;
    piece.proto.gap_before = true;
    piece.proto.kind = heading > 0 ? BlockKind::kHeading : BlockKind::kListItem;
    piece.proto.heading_level = heading;
    if (heading == 0) {
      piece.proto.list_marker = marker.text;
      piece.proto.list_level = marker.level;
    }
    piece.text = marker.text;
    Emit(std::move(piece));
  }
  if (p.ends_section) ++sections_;
  if (builder_.text_size() > options_.max_text_bytes)
    status_ = Status::TooLarge("normalized text is over the limit of " +
                               std::to_string(options_.max_text_bytes) + " bytes");
}

void BodyReader::Emit(Piece piece) {
  if (!tables_.empty() && !tables_.back().rows.empty() && !tables_.back().rows.back().cells.empty()) {
    tables_.back().rows.back().cells.back().pieces.push_back(std::move(piece));
    return;
  }
  EmitTop(piece);
}

void BodyReader::EmitTop(Piece& piece) {
  bool added = piece.row ? builder_.AddRow(piece.cells, piece.proto)
                         : builder_.Add(piece.text, piece.proto);
  if (added) marks_.emplace_back(piece.breaks, piece.sections);
}

std::vector<Piece> BodyReader::Flatten(TableB& t) {
  std::vector<Piece> out;
  bool first_row = true;
  for (RowB& row : t.rows) {
    // Layout rows: one cell, a nested table, or text only in one cell that
    // is not the first (a logo or indent column beside a title).
    bool unwrap = row.cells.size() <= 1;
    int with_text = 0, first_with_text = -1;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const CellB& c = row.cells[i];
      unwrap = unwrap || c.nested;
      bool has = false;
      for (const Piece& pc : c.pieces) has = has || pc.row || !pc.text.empty();
      if (has && !c.merged_continue) {
        ++with_text;
        if (first_with_text < 0) first_with_text = static_cast<int>(i);
      }
    }
    unwrap = unwrap || (with_text == 1 && first_with_text > 0);
    if (unwrap) {
      for (CellB& c : row.cells) {
        if (c.merged_continue) continue;
        for (Piece& pc : c.pieces) out.push_back(std::move(pc));
      }
      continue;
    }
    Piece rp;
    rp.row = true;
    rp.proto.kind = BlockKind::kTableRow;
    rp.proto.gap_before = first_row;
    bool have_mark = false, any_text = false, all_bold = true;
    for (int i = 0; i < row.grid_before; ++i) rp.cells.emplace_back();
    for (CellB& c : row.cells) {
      std::string text;
      if (!c.merged_continue) {
        for (Piece& pc : c.pieces) {
          std::string t = pc.row ? std::string() : NormalizeInline(pc.text);
          if (pc.row)
            for (const auto& cell : pc.cells) t += (t.empty() ? "" : " ") + cell;
          if (t.empty()) continue;
          if (!have_mark) {
            rp.breaks = pc.breaks;
            rp.sections = pc.sections;
            have_mark = true;
          }
          all_bold = all_bold && pc.proto.bold;
          if (!text.empty()) text.push_back(' ');
          text += t;
        }
      }
      any_text = any_text || !text.empty();
      rp.cells.push_back(std::move(text));
      for (int i = 1; i < c.span; ++i) rp.cells.emplace_back();
    }
    if (!any_text) continue;
    rp.proto.bold = all_bold;
    first_row = false;
    out.push_back(std::move(rp));
  }
  return out;
}

void BodyReader::FinishTable() {
  TableB t = std::move(tables_.back());
  tables_.pop_back();
  std::vector<Piece> pieces = Flatten(t);
  if (!tables_.empty() && !tables_.back().rows.empty() && !tables_.back().rows.back().cells.empty()) {
    CellB& cell = tables_.back().rows.back().cells.back();
    cell.nested = true;
    for (Piece& pc : pieces) cell.pieces.push_back(std::move(pc));
    return;
  }
  for (Piece& pc : pieces) EmitTop(pc);
}

void BodyReader::AssignPages(Document* doc) const {
  // Section k (1-based, k >= 1) starts on a new page unless its w:type says
  // continuous (or nextColumn).
  std::vector<int> sect_prefix(sect_types_.size() + 1, 0);
  for (size_t k = 1; k <= sect_types_.size(); ++k) {
    bool page = k < sect_types_.size()
                    ? (sect_types_[k] != "continuous" && sect_types_[k] != "nextColumn")
                    : true;
    sect_prefix[k] = sect_prefix[k - 1] + (page ? 1 : 0);
  }
  auto ordinal = [&](const std::pair<int, int>& m) {
    if (m.second <= 0) return m.first;
    size_t k = static_cast<size_t>(m.second);
    // Sections beyond the last w:sectPr read (malformed) count as page breaks.
    int sect_breaks = k < sect_prefix.size()
                          ? sect_prefix[k]
                          : sect_prefix.back() + static_cast<int>(k - (sect_prefix.size() - 1));
    return m.first + sect_breaks;
  };
  int page = 1;
  for (size_t i = 0; i < doc->blocks.size() && i < marks_.size(); ++i) {
    if (i > 0 && ordinal(marks_[i]) > ordinal(marks_[i - 1])) ++page;
    doc->blocks[i].page = page;
  }
  if (page == 1) {
    for (Block& b : doc->blocks) b.page = 0;
    doc->pages = 0;
  } else {
    doc->pages = page;
  }
}

}  // namespace
}  // namespace docx

Result<Document> ReadDocx(std::string_view bytes, const ExtractOptions& options) {
  using namespace docx;
  auto opened = ZipPackage::Open(bytes, options);
  if (!opened.ok()) return opened.status();
  ZipPackage& pkg = **opened;

  auto root = ReadRels(pkg, "_rels/.rels", "", options);
  std::string main = root.count("officeDocument") ? root["officeDocument"] : "word/document.xml";
  if (!pkg.Has(main)) main = pkg.Has("word/document.xml") ? "word/document.xml" : "word/document2.xml";
  if (!pkg.Has(main)) {
    if (pkg.recovered())
      return Status::Corrupt(
          "the zip's central directory is missing (a truncated file?) and the main document "
          "part is not among the intact entries");
    return Status::Corrupt("the package has no main document part (word/document.xml)");
  }
  std::string dir = DirOf(main);
  std::string base = main.substr(dir.size());
  auto rels = ReadRels(pkg, dir + "_rels/" + base + ".rels", dir, options);
  auto part = [&](const char* type, const std::string& fallback) {
    auto it = rels.find(type);
    return it != rels.end() ? it->second : fallback;
  };

  std::vector<Warning> warnings;
  auto read_optional = [&](const std::string& name, std::string* out) -> Status {
    if (!pkg.Has(name)) return Status::Ok();
    auto r = pkg.Read(name);
    if (!r.ok()) {
      if (r.status().code() == ErrorCode::kCorrupt) {
        warnings.push_back({"docx_part_unreadable", r.status().message(), std::nullopt});
        return Status::Ok();
      }
      return r.status();
    }
    *out = std::move(*r);
    return Status::Ok();
  };

  std::string styles_xml, numbering_xml;
  const std::string styles_part = part("styles", dir + "styles.xml");
  const std::string numbering_part = part("numbering", dir + "numbering.xml");
  if (Status s = read_optional(styles_part, &styles_xml); !s.ok()) return s;
  if (Status s = read_optional(numbering_part, &numbering_xml); !s.ok()) return s;
  Styles styles;
  if (Status s = styles.Parse(styles_xml, options); !s.ok()) {
    if (s.code() != ErrorCode::kCorrupt) return s;
    warnings.push_back({"docx_part_unreadable", s.message(), std::nullopt});
  }
  Numbering numbering;
  if (Status s = numbering.Parse(numbering_xml, options); !s.ok()) {
    if (s.code() != ErrorCode::kCorrupt) return s;
    warnings.push_back({"docx_part_unreadable", s.message(), std::nullopt});
  }

  auto body_xml = pkg.Read(main);
  if (!body_xml.ok()) return body_xml.status();
  DocumentBuilder builder("docx");
  XmlReader x(*body_xml, main, options);
  BodyReader body(x, styles, numbering, builder, options);
  if (Status s = body.Run(); !s.ok()) return s;

  Document doc = std::move(builder).Finish();
  body.AssignPages(&doc);
  if (doc.pages > options.max_pages)
    return Status::TooLarge("more than " + std::to_string(options.max_pages) + " pages");
  ReadCore(pkg, root.count("core-properties") ? root["core-properties"] : "docProps/core.xml",
           options, &doc);

  if (pkg.recovered()) {
    std::string msg = "the zip's central directory is missing (a truncated file?); read " +
                      std::to_string(pkg.entry_count()) + " intact entries from their local headers";
    if (!pkg.lost_entries().empty()) msg += "; lost from " + pkg.lost_entries().front() + " on";
    if (!pkg.Has(styles_part)) msg += "; no styles (headings read from style names only)";
    if (!pkg.Has(numbering_part)) msg += "; no list numbering (lists read as bullets)";
    warnings.insert(warnings.begin(), {"zip_recovered", msg, std::nullopt});
  }
  if (body.altchunks() > 0)
    warnings.push_back({"altchunk_skipped",
                        std::to_string(body.altchunks()) +
                            " embedded foreign document(s) (w:altChunk) not read",
                        std::nullopt});
  doc.warnings = std::move(warnings);
  if (doc.blocks.empty()) return Status::NoText("the document holds no text");
  return doc;
}

}  // namespace referat
