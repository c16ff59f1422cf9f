// The PDF reader: poppler (pdf_poppler.h) gives positioned words, the layout
// (pdf_layout.h) turns them into blocks. This file holds the policy: limits,
// the deadline, errors and warnings.
#include <exception>
#include <new>
#include <string>

#include "core/deadline.h"
#include "read/pdf_layout.h"
#include "read/pdf_poppler.h"
#include "read/reader.h"

namespace referat {
namespace {

Result<Document> ReadPdfUnguarded(std::string_view bytes, const ExtractOptions& options) {
  auto opened = pdf::PdfFile::Open(bytes);
  if (!opened.ok()) return opened.status();
  pdf::PdfFile& file = **opened;
  const int pages = file.num_pages();
  if (pages > options.max_pages)
    return Status::TooLarge("the PDF has " + std::to_string(pages) + " pages; the limit is " +
                            std::to_string(options.max_pages));

  pdf::Layout layout;
  pdf::Page page;
  std::vector<int> empty_pages;
  for (int p = 1; p <= pages; ++p) {
    if (DeadlineExpired())
      return Status::Timeout("the time limit passed at page " + std::to_string(p) + " of " +
                             std::to_string(pages));
    Status s = file.ReadPage(p, &page);
    if (!s.ok()) return s;
    if (page.words.empty()) empty_pages.push_back(p);
    layout.AddPage(page, p);
  }
  if (layout.pages_with_text() == 0)
    return Status::NoText(pages == 1 ? "the PDF's page has no text layer (a scan?); OCR is needed"
                                     : "none of the PDF's " + std::to_string(pages) +
                                           " pages has a text layer (a scan?); OCR is needed");

  DocumentBuilder builder("pdf");
  Status s = layout.Finish(&builder);
  if (!s.ok()) return s;
  if (builder.text_size() > options.max_text_bytes)
    return Status::TooLarge("the PDF's text exceeds " + std::to_string(options.max_text_bytes) +
                            " bytes");
  Document doc = std::move(builder).Finish();
  doc.pages = pages;
  pdf::DocInfo info = file.Info();
  if (info.title) {
    std::string t = NormalizeInline(*info.title);
    if (!t.empty()) doc.title = std::move(t);
  }
  doc.created = std::move(info.created);
  if (!empty_pages.empty()) {
    std::string list;
    for (size_t i = 0; i < empty_pages.size() && i < 20; ++i)
      list += (i ? ", " : "") + std::to_string(empty_pages[i]);
    if (empty_pages.size() > 20) list += ", ...";
    // Photos and scans look alike here (no text); the message says both.
    doc.warnings.push_back({"pages_without_text",
                            std::to_string(empty_pages.size()) + " of " + std::to_string(pages) +
                                " pages have no text layer (pictures, or scans that would need "
                                "OCR): page " + list,
                            std::nullopt});
  }
  for (Warning& w : file.TakeWarnings()) doc.warnings.push_back(std::move(w));
  if (doc.blocks.empty())
    return Status::NoText("the PDF has text only in running headers, footers or page numbers");
  return doc;
}

}  // namespace

Result<Document> ReadPdf(std::string_view bytes, const ExtractOptions& options) {
  // Poppler reports errors through its callback, not exceptions, but memory
  // exhaustion or a library bug must still end as a Status, never a crash
  // of the whole batch.
  try {
    return ReadPdfUnguarded(bytes, options);
  } catch (const std::bad_alloc&) {
    return Status::TooLarge("out of memory while reading the PDF");
  } catch (const std::exception& e) {
    return Status::Corrupt(std::string("the PDF could not be read: ") + e.what());
  } catch (...) {
    return Status::Internal("unknown exception while reading the PDF");
  }
}

}  // namespace referat
