// The one place that talks to poppler's core API (libpoppler-private-dev).
//
// Poppler's core classes (PDFDoc, TextOutputDev, TextWord ...) are not a
// stable API: they change between releases. Every poppler call of the PDF
// reader lives behind this adapter, which hands out plain structs: pages of
// positioned words with their font, and the document's info dictionary. The
// layout logic (pdf_layout.h) works on these structs only, so it can be
// tested without PDFs and survives a poppler upgrade untouched.
//
// Thread safety: poppler's process-wide state (GlobalParams, the error
// callback, the colour-management profile built lazily by GfxState) is set up
// once per process, from whichever thread comes first. After that, separate
// PdfFile objects may be used from separate threads at the same time (each
// owns its own PDFDoc, XRef and TextOutputDev; poppler guards its shared
// caches with mutexes). One PdfFile must not be used from two threads at once.
#ifndef REFERAT_READ_PDF_POPPLER_H_
#define REFERAT_READ_PDF_POPPLER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "referat/document.h"
#include "referat/status.h"

namespace referat::pdf {

// One word as poppler's text device saw it. Coordinates are points with the
// origin at the page's top-left corner and y growing downwards (the page's
// /Rotate already applied).
struct Word {
  std::string text;  // UTF-8; ligatures (U+FB00..FB06) expanded; not yet NFC
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // bounding box
  float baseline = 0;                    // y of the baseline
  float font_size = 0;                   // points
  uint16_t font = 0;                     // index into Page::fonts
  bool bold = false;
  bool italic = false;
  bool low_confidence = false;  // OCR (pdf_ocr.h) was unsure of this word
};

struct Font {
  std::string name;  // the PDF font name without the subset prefix ("Arial-BoldMT")
  bool bold = false;    // from the descriptor flags or the name
  bool italic = false;  // likewise
};

struct Page {
  float width = 0, height = 0;
  std::vector<Word> words;  // horizontal words only, in content-stream order
  std::vector<Font> fonts;
  int rotated_words = 0;  // vertical or upside-down words left out
  bool ocr = false;       // the words come from OCR (pdf_ocr.h), not a text layer
};

// A page rendered to 8-bit grey (0 black .. 255 white), rows top to bottom.
struct GrayImage {
  int width = 0, height = 0;
  int stride = 0;                 // bytes per row
  const uint8_t* data = nullptr;  // owned by `owner`
  std::shared_ptr<void> owner;
};

// An image as a page draws it.
struct PageImage {
  double dpi = 0;    // its pixels per inch as drawn (a scan's own resolution)
  double share = 0;  // the share of the page's area it covers, 0-1
};

// The Info dictionary, converted to UTF-8; `created` is ISO 8601
// ("2012-03-02" or "2012-03-02T10:34:08Z" / "...+01:00").
struct DocInfo {
  std::optional<std::string> title;
  std::optional<std::string> created;
};

// True when a PDF font name says bold ("Arial-BoldMT", "Calibri,Bold",
// "Frutiger-Black", "MyriadPro-Semibold"); the descriptor flag is often unset.
bool FontNameLooksBold(std::string_view name);
bool FontNameLooksItalic(std::string_view name);

class PdfFile {
 public:
  // Opens a PDF held in `bytes`, which must outlive the PdfFile. Errors:
  // kEncrypted (a user password is needed), kCorrupt (not parseable).
  static Result<std::unique_ptr<PdfFile>> Open(std::string_view bytes);
  ~PdfFile();
  PdfFile(const PdfFile&) = delete;
  PdfFile& operator=(const PdfFile&) = delete;

  int num_pages() const;
  DocInfo Info() const;

  // Runs poppler's text device over page `page_number` (1-based) once and
  // fills `out`. Gives up with kTimeout when this thread's deadline
  // (core/deadline.h) passes during the page.
  Status ReadPage(int page_number, Page* out);

  // The page's size in points, /Rotate applied (as Page::width/height).
  void PageSize(int page_number, float* width, float* height) const;

  // True when the page's resources hold an image XObject (directly or in a
  // form XObject): a page without text that draws no image is blank, and
  // OCR would find nothing on it.
  bool PageHasImages(int page_number);

  // The largest image the page draws (zeros when none). Interprets the
  // page's content without decoding any image.
  PageImage LargestImage(int page_number);

  // Renders the page at `dpi` to 8-bit grey with poppler's Splash device
  // (for OCR). The caller checks the pixel count first (PageSize). kTimeout
  // when this thread's deadline passes during the page.
  Status RenderGray(int page_number, double dpi, GrayImage* out);

  // Problems poppler reported while parsing (damaged xref repaired, syntax
  // errors), as warnings; collected so far.
  std::vector<Warning> TakeWarnings();

 private:
  struct Impl;
  explicit PdfFile(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace referat::pdf

#endif  // REFERAT_READ_PDF_POPPLER_H_
