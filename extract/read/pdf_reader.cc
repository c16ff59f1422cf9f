// The PDF reader: poppler (pdf_poppler.h) gives positioned words, the layout
// (pdf_layout.h) turns them into blocks. This file holds the policy: limits,
// the deadline, errors and warnings.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <iterator>
#include <map>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "core/deadline.h"
#include "read/pdf_layout.h"
#include "read/pdf_ocr.h"
#include "read/pdf_poppler.h"
#include "read/reader.h"

namespace referat {
namespace {

std::string PageList(const std::vector<int>& pages) {
  std::string list;
  for (size_t i = 0; i < pages.size() && i < 20; ++i)
    list += (i ? ", " : "") + std::to_string(pages[i]);
  if (pages.size() > 20) list += ", ...";
  return list;
}

Result<Document> ReadPdfUnguarded(std::string_view bytes, const ExtractOptions& options) {
  auto opened = pdf::PdfFile::Open(bytes);
  if (!opened.ok()) return opened.status();
  pdf::PdfFile& file = **opened;
  const int pages = file.num_pages();
  if (pages > options.max_pages)
    return Status::TooLarge("the PDF has " + std::to_string(pages) + " pages; the limit is " +
                            std::to_string(options.max_pages));

  // Pages go to the layout in order. Until the first page that needs OCR
  // they go at once, so a text PDF takes the same path as without OCR;
  // after it, text pages wait in `held` until the OCR pages are read.
  pdf::Layout layout;
  pdf::Page page;
  std::vector<int> empty_pages;
  std::vector<int> ocr_pages;
  std::map<int, pdf::Page> held;
  std::vector<int> picture_pages;  // no text, an image: a scan or a picture
  const bool always = options.ocr == OcrMode::kAlways;
  for (int p = 1; p <= pages; ++p) {
    if (DeadlineExpired())
      return Status::Timeout("the time limit passed at page " + std::to_string(p) + " of " +
                             std::to_string(pages));
    bool ocr = always;
    if (!always) {
      Status s = file.ReadPage(p, &page);
      if (!s.ok()) return s;
      // A page without text is a scan when it draws an image, else blank;
      // a text layer of unmapped glyphs is read from the picture too.
      if (options.ocr == OcrMode::kAuto && !pdf::TextLayerUsable(page)) {
        ocr = !page.words.empty() || file.PageHasImages(p);
        if (ocr && page.words.empty()) picture_pages.push_back(p);
      }
    }
    if (ocr) {
      ocr_pages.push_back(p);
      continue;
    }
    if (page.words.empty()) empty_pages.push_back(p);
    if (ocr_pages.empty()) {
      layout.AddPage(page, p);
    } else {
      held.emplace(p, std::move(page));
      page = pdf::Page();
    }
  }

  // In a document that is mostly text, a page that is only a picture is
  // mostly a photo, a chart or a cover (the KL report has 13 among 108
  // pages): OCR would cost seconds a page and find little. Such pages are
  // read only when they look like scans of text (a signed page or an
  // appendix scanned into typed minutes; pdf::LooksLikeTextScan). When
  // pictures are at least half of the document they are all read; --ocr
  // always reads every page.
  if (!picture_pages.empty() && picture_pages.size() * 2 < static_cast<size_t>(pages)) {
    std::vector<int> photos;
    for (int p : picture_pages)
      if (!pdf::LooksLikeTextScan(file, p)) photos.push_back(p);
    picture_pages = std::move(photos);
  }
  if (!picture_pages.empty() && picture_pages.size() * 2 < static_cast<size_t>(pages)) {
    for (int p : picture_pages) {
      pdf::Page blank;
      file.PageSize(p, &blank.width, &blank.height);
      held.emplace(p, std::move(blank));
      empty_pages.push_back(p);
    }
    std::vector<int> rest;
    std::set_difference(ocr_pages.begin(), ocr_pages.end(), picture_pages.begin(),
                        picture_pages.end(), std::back_inserter(rest));
    ocr_pages = std::move(rest);
    if (ocr_pages.empty()) {
      for (auto& [p, held_page] : held) layout.AddPage(held_page, p);
      held.clear();
    }
    std::sort(empty_pages.begin(), empty_pages.end());
  }

  std::optional<OcrInfo> ocr_info;
  std::vector<Warning> ocr_warnings;
  Status first_ocr_error;
  if (!ocr_pages.empty()) {
    if (static_cast<int>(ocr_pages.size()) > options.max_ocr_pages)
      return Status::TooLarge(std::to_string(ocr_pages.size()) + " of the PDF's " +
                              std::to_string(pages) + " pages need OCR; the limit is " +
                              std::to_string(options.max_ocr_pages));
    auto engine = pdf::DescribeOcrEngine(options);
    if (!engine.ok()) return engine.status();
    // OCR has its own limits (time per page, pages); the document's time
    // limit keeps its budget for the rest.
    const auto start = std::chrono::steady_clock::now();
    std::vector<pdf::OcrPage> results;
    Status s = pdf::OcrPages(bytes, file, ocr_pages, options, &results);
    ExtendDeadline(std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::steady_clock::now() - start)
                       .count());
    if (!s.ok()) return s;
    OcrInfo info;
    info.engine = engine->engine;
    info.model = engine->model;
    info.model_id = engine->model_id;
    double conf_sum = 0;
    size_t words = 0;
    std::vector<int> failed;
    // Merge the OCR pages with the held text pages, in page order.
    auto next_held = held.begin();
    for (size_t i = 0; i <= results.size(); ++i) {
      const int p = i < results.size() ? ocr_pages[i] : pages + 1;
      for (; next_held != held.end() && next_held->first < p; ++next_held)
        layout.AddPage(next_held->second, next_held->first);
      if (i == results.size()) break;
      pdf::OcrPage& r = results[i];
      if (!r.status.ok()) {
        failed.push_back(p);
        if (first_ocr_error.ok()) first_ocr_error = r.status;
        ocr_warnings.push_back({"ocr_page_failed", r.status.message(), std::nullopt});
      } else {
        info.pages.push_back(p);
        if (info.dpi == 0 || r.dpi < info.dpi) info.dpi = r.dpi;
        conf_sum += r.mean_confidence * static_cast<double>(r.page.words.size());
        words += r.page.words.size();
        for (const pdf::Word& w : r.page.words) info.low_confidence_words += w.low_confidence;
      }
      if (r.page.words.empty()) empty_pages.push_back(p);
      layout.AddPage(r.page, p);
      r.page = pdf::Page();  // memory: the layout keeps its own lines
    }
    held.clear();
    std::sort(empty_pages.begin(), empty_pages.end());
    info.mean_confidence = words ? conf_sum / static_cast<double>(words) : 0;
    if (!info.pages.empty()) {
      char conf[32];
      std::snprintf(conf, sizeof conf, "%.1f", info.mean_confidence);
      ocr_warnings.insert(
          ocr_warnings.begin(),
          Warning{"ocr",
                  std::to_string(info.pages.size()) + " of " + std::to_string(pages) +
                      " pages were read by OCR (" + info.engine + ", model " + info.model +
                      ", mean word confidence " + conf +
                      "); their text may hold misread characters: page " + PageList(info.pages),
                  std::nullopt});
      ocr_info = std::move(info);
    }
  }

  if (layout.pages_with_text() == 0) {
    if (!first_ocr_error.ok()) return first_ocr_error;
    if (!ocr_pages.empty())
      return Status::NoText("OCR found no text on the PDF's " + std::to_string(ocr_pages.size()) +
                            " scanned page(s)");
    if (options.ocr == OcrMode::kNever)
      return Status::NoText(pages == 1 ? "the PDF's page has no text layer (a scan?); OCR is needed"
                                       : "none of the PDF's " + std::to_string(pages) +
                                             " pages has a text layer (a scan?); OCR is needed");
    return Status::NoText(pages == 1 ? "the PDF's page has no text layer and no image for OCR"
                                     : "none of the PDF's " + std::to_string(pages) +
                                           " pages has a text layer or an image for OCR");
  }

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
    std::string list = PageList(empty_pages);
    // Photos and scans look alike here (no text); the message says both.
    doc.warnings.push_back({"pages_without_text",
                            std::to_string(empty_pages.size()) + " of " + std::to_string(pages) +
                                " pages have no text layer (pictures, or scans that would need "
                                "OCR): page " + list,
                            std::nullopt});
  }
  for (Warning& w : file.TakeWarnings()) doc.warnings.push_back(std::move(w));
  for (Warning& w : ocr_warnings) doc.warnings.push_back(std::move(w));
  if (ocr_info) {
    // Blocks holding words Tesseract was unsure of, so a reader can check
    // them against the page.
    for (const auto& [index, low] : layout.low_confidence_blocks()) {
      const Block& b = doc.blocks[index];
      doc.warnings.push_back({"ocr_low_confidence",
                              std::to_string(low) + " word(s) of this block were read by OCR "
                                                    "with low confidence",
                              Span{b.start, b.end, b.page}});
    }
    doc.ocr = std::move(ocr_info);
  }
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
