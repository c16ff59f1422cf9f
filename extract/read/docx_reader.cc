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

#include "read/docx_body.h"
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
