// Options for one extraction. Plain data with documented defaults; every limit
// exists so that a hostile or broken file ends in `too_large` or `timeout`
// instead of an out-of-memory kill or a hang, and the rest of a batch goes on.
#ifndef REFERAT_OPTIONS_H_
#define REFERAT_OPTIONS_H_

#include <cstdint>
#include <functional>
#include <string>

namespace referat {

// When the PDF reader runs OCR (Tesseract) on a page.
enum class OcrMode {
  kAuto,    // only pages without a usable text layer that draw an image
  kNever,   // never: a scan gives `no_text`
  kAlways,  // every page, ignoring text layers
};

struct ExtractOptions {
  // If true, the Record keeps the normalized text and JSON output carries
  // `text.content`. Off by default: archives rarely want a second copy.
  bool with_text = false;

  // Largest input file accepted. The biggest real minutes PDFs with their
  // attachments run to tens of MB; 256 MiB leaves room and still fits in RAM.
  uint64_t max_input_bytes = 256ull << 20;

  // Most pages read from a paged document. 5,000 pages is far beyond any
  // minutes or report; past it the document is refused, not truncated.
  int max_pages = 5000;

  // Total uncompressed bytes a DOCX (zip) may declare. Checked before
  // inflating, against the central directory; text-heavy DOCX are < 50 MB.
  uint64_t max_zip_uncompressed = 512ull << 20;

  // Highest compression ratio accepted for a zip entry larger than 1 MiB.
  // XML compresses 10-30x; a zip bomb compresses 1000x or more.
  double max_zip_ratio = 200.0;

  // Most entries in a zip container. Real DOCX hold under 100.
  int max_zip_entries = 10000;

  // Deepest XML element nesting accepted (DOCX, HTML). Word nests tables a
  // few levels deep; 50,000-deep nesting is an attack on recursive code.
  int max_xml_depth = 256;

  // Largest normalized text kept for one document, in bytes.
  uint64_t max_text_bytes = 64ull << 20;

  // Wall-time limit per document in milliseconds; past it: `timeout`.
  // 0 disables. The 108-page KL report takes well under a second.
  int64_t timeout_ms = 60000;

  // ---- OCR of scanned PDF pages (read/pdf_ocr.h).
  OcrMode ocr = OcrMode::kAuto;

  // Tesseract language(s) ("dan", "dan+eng") and the folder of its
  // .traineddata files; empty: Tesseract's own default (TESSDATA_PREFIX,
  // else Debian's /usr/share/tesseract-ocr/5/tessdata).
  std::string ocr_language = "dan";
  std::string ocr_data_dir;

  // Resolution pages are rendered at for OCR. Tesseract is trained on text
  // with a capital height of 20-40 pixels; 300 dpi gives that for 10-12 pt.
  // A scanned page whose image has a lower resolution is rendered at the
  // image's own (a 200 dpi scan at 200 dpi): more pixels add no detail.
  int ocr_dpi = 300;

  // Most pixels a page is rendered to (8-bit grey: bytes). 40 M is an A2
  // sheet at 300 dpi; a larger page (a fold-out map) is rendered at a lower
  // resolution to fit, and one that would fall under 100 dpi, where text is
  // no longer readable, is skipped with a warning.
  uint64_t ocr_max_page_pixels = 40'000'000;

  // Most pages OCR runs on in one document. A page takes 1-3 CPU seconds;
  // 1,000 pages is an hour of one core, far beyond any minutes, while a
  // scan of thousands of pages is usually a whole binder to be split.
  int max_ocr_pages = 1000;

  // Wall time for one page's rendering and recognition. A real page takes
  // a few seconds; noise (a photo, a dithered page) can take minutes.
  // The document's `timeout_ms` does not count time spent in OCR: pages
  // are bounded by this limit and by max_ocr_pages instead.
  int64_t ocr_page_timeout_ms = 30000;

  // Threads that OCR the pages of documents, each with its own engine
  // created once; 0: one per core. The thread reading a document works on
  // its pages too.
  int ocr_threads = 0;

  // A word whose Tesseract confidence (0-100) is below this is marked: the
  // block holding it gets an `ocr_low_confidence` warning with its span.
  int ocr_low_confidence = 60;

  // Called (from any thread) with +N when a document queues N pages for
  // OCR and with +1 for each page done; for progress bars. May be empty.
  std::function<void(int queued, int done)> ocr_progress;
};

}  // namespace referat

#endif  // REFERAT_OPTIONS_H_
