// OCR of scanned PDF pages with Tesseract (libtesseract's C++ API).
//
// A page is rendered to grey by poppler (PdfFile::RenderGray, the same
// adapter as the text layer) and recognised; Tesseract's words with their
// boxes become the pdf::Word structs the text layer gives, in points, so the
// layout code (pdf_layout.h) orders them into lines, blocks, columns and
// tables unchanged. What Tesseract does not give is estimated from the
// image: the font size from the text line's height, bold from the stroke
// width against the page's usual one.
//
// Threads: a process-wide pool (ExtractOptions::ocr_threads) OCRs the pages
// of all documents being read; the thread that reads a document works on
// its own pages as well, so one document's pages run in parallel and a
// batch (--jobs) shares the same threads. Every thread has one Tesseract
// engine, created at its first page and kept (loading the model costs
// ~100 ms); a pool thread opens its own PdfFile per document, since one
// PdfFile must not be shared between threads.
#ifndef REFERAT_READ_PDF_OCR_H_
#define REFERAT_READ_PDF_OCR_H_

#include <string>
#include <string_view>
#include <vector>

#include "read/pdf_poppler.h"
#include "referat/options.h"
#include "referat/status.h"

namespace referat::pdf {

struct OcrPage {
  // Ok, or why the page has no OCR words: kTimeout (ocr_page_timeout_ms),
  // kTooLarge (the page would need fewer than 100 dpi to fit
  // ocr_max_page_pixels), or a rendering error.
  Status status;
  Page page;
  int dpi = 0;                  // resolution it was rendered at
  double mean_confidence = 0;   // over its words, 0-100
};

// Tesseract's version and the model in use ("dan", with the first 16 hex
// digits of the .traineddata file's SHA-256, since Debian's model files
// carry no version of their own). Loads the engine on this thread if
// needed; an error when the model cannot be loaded.
struct OcrEngineInfo {
  std::string engine;    // "tesseract 5.3.0"
  std::string model;     // "dan"
  std::string model_id;  // "dan.traineddata sha256:0123456789abcdef"
};
Result<OcrEngineInfo> DescribeOcrEngine(const ExtractOptions& options);

// OCRs `pages` (1-based page numbers) of the PDF held in `bytes`, which
// `file` has open on this thread; out[i] is pages[i]. Blocks until all are
// done. Returns an error only when no engine can be loaded.
Status OcrPages(std::string_view bytes, PdfFile& file, const std::vector<int>& pages,
                const ExtractOptions& options, std::vector<OcrPage>* out);

// ---- Pieces exposed for unit tests.

// False when a page's text layer cannot stand for its text: no words, or
// mostly characters no font maps to Unicode (U+FFFD, control characters,
// private-use code points that are not bullets), as PDFs made from scans
// with unmapped glyphs give.
bool TextLayerUsable(const Page& page);

// True when page `page_number` of `file`, a page without text, is a scan of
// text rather than a photo, a chart or a cover: an image covering most of
// the page that is bilevel, or grey and mostly light paper with some ink
// (rendered at 50 dpi to see). A colour image is taken for a picture.
bool LooksLikeTextScan(PdfFile& file, int page_number);

// The resolution to render a `width` x `height` points page at: `dpi`, or
// less so that it fits `max_pixels`; 0 when that would be under 100 dpi.
int OcrResolution(float width, float height, int dpi, uint64_t max_pixels);

}  // namespace referat::pdf

#endif  // REFERAT_READ_PDF_OCR_H_
