// pdfdump: prints what the PDF reader makes of a file, for checking by eye.
//
//   pdfdump FILE.pdf            blocks: page, kind, style, text
//   pdfdump --words FILE.pdf    the adapter's raw words with boxes and fonts
//   pdfdump --units FILE.pdf    the layout's reading-order units per page
// With --words and --units, a page without text is read by OCR (pdf_ocr.h).
#include <cstdio>
#include <cstring>
#include <string>

#include "read/pdf_layout.h"
#include "read/pdf_ocr.h"
#include "read/pdf_poppler.h"
#include "read/reader.h"
#include "../test_util.h"

namespace {

const char* KindName(referat::BlockKind k) {
  switch (k) {
    case referat::BlockKind::kParagraph: return "P";
    case referat::BlockKind::kHeading: return "H";
    case referat::BlockKind::kListItem: return "L";
    case referat::BlockKind::kTableRow: return "T";
  }
  return "?";
}

void OcrIfEmpty(const std::string& bytes, referat::pdf::PdfFile& f, int p,
                referat::pdf::Page* page) {
  if (referat::pdf::TextLayerUsable(*page)) return;
  std::vector<referat::pdf::OcrPage> out;
  referat::ExtractOptions o;
  if (referat::pdf::OcrPages(bytes, f, {p}, o, &out).ok() && out[0].status.ok())
    *page = std::move(out[0].page);
}

int DumpUnits(const std::string& bytes) {
  auto f = referat::pdf::PdfFile::Open(bytes);
  if (!f.ok()) {
    std::printf("error: %s\n", f.status().ToString().c_str());
    return 1;
  }
  referat::pdf::Layout layout;
  referat::pdf::Page page;
  for (int p = 1; p <= (*f)->num_pages(); ++p) {
    if (!(*f)->ReadPage(p, &page).ok()) return 1;
    OcrIfEmpty(bytes, **f, p, &page);
    layout.AddPage(page, p);
  }
  referat::DocumentBuilder b("pdf");
  if (!layout.Finish(&b).ok()) return 1;
  std::fputs(layout.Describe().c_str(), stdout);
  return 0;
}

int DumpWords(const std::string& bytes) {
  auto f = referat::pdf::PdfFile::Open(bytes);
  if (!f.ok()) {
    std::printf("error: %s\n", f.status().ToString().c_str());
    return 1;
  }
  for (int p = 1; p <= (*f)->num_pages(); ++p) {
    referat::pdf::Page page;
    referat::Status s = (*f)->ReadPage(p, &page);
    OcrIfEmpty(bytes, **f, p, &page);
    std::printf("=== page %d  %.1f x %.1f  %zu words  %d rotated  %s\n", p, page.width, page.height,
                page.words.size(), page.rotated_words, s.ok() ? "" : s.ToString().c_str());
    for (const auto& w : page.words)
      std::printf("%7.2f %7.2f %7.2f %7.2f b%7.2f %5.2f %c%c %-22s %s\n", w.x0, w.y0, w.x1, w.y1,
                  w.baseline, w.font_size, w.bold ? 'B' : '-', w.italic ? 'I' : '-',
                  page.fonts[w.font].name.c_str(), w.text.c_str());
  }
  for (const auto& w : (*f)->TakeWarnings())
    std::printf("warning %s: %s\n", w.code.c_str(), w.message.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  bool words = false, units = false;
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--words") == 0) words = true;
    else if (std::strcmp(argv[i], "--units") == 0) units = true;
    else path = argv[i];
  }
  if (path == nullptr) {
    std::fprintf(stderr, "usage: pdfdump [--words|--units] FILE.pdf\n");
    return 2;
  }
  std::string bytes = referat::testing::ReadFile(path);
  if (words) return DumpWords(bytes);
  if (units) return DumpUnits(bytes);
  referat::ExtractOptions opts;
  auto r = referat::ReadPdf(bytes, opts);
  if (!r.ok()) {
    std::printf("error: %s\n", r.status().ToString().c_str());
    return 1;
  }
  const referat::Document& d = *r;
  std::printf("pages=%d title=%s created=%s\n", d.pages, d.title ? d.title->c_str() : "-",
              d.created ? d.created->c_str() : "-");
  for (const auto& w : d.warnings) std::printf("warning %s: %s\n", w.code.c_str(), w.message.c_str());
  for (const auto& b : d.blocks) {
    std::string style;
    if (b.kind == referat::BlockKind::kHeading) {
      style = "h";
      style += std::to_string(b.heading_level);
    }
    if (b.bold) style += "B";
    if (b.italic) style += "I";
    if (b.gap_before) style += "^";
    if (!b.list_marker.empty()) style += "[" + b.list_marker + "]";
    std::string text(d.BlockText(b));
    for (auto& c : text)
      if (c == '\t') c = '|';
    std::printf("p%-3d %s %-6s %4.1f  %s\n", b.page, KindName(b.kind), style.c_str(), b.font_size,
                text.c_str());
  }
  return 0;
}
