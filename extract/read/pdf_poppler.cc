// Every poppler call of the PDF reader. See pdf_poppler.h.
#include "read/pdf_poppler.h"

#include <DateInfo.h>
#include <Error.h>
#include <ErrorCodes.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <SplashOutputDev.h>
#include <splash/SplashBitmap.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <UTF.h>
#include <goo/GooString.h>
#include <goo/gmem.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <utility>

#include "core/deadline.h"

namespace referat::pdf {
namespace {

// ------------------------------------------------------------ process setup

// Where poppler's error() calls of the current thread go. poppler reports
// errors synchronously on the thread that hits them, so a thread_local sink
// routes each message to the document being read on that thread.
struct ErrorSink {
  int errors = 0;          // syntax errors that probably change the output
  std::string first;       // the first of them, for the warning message
};
thread_local ErrorSink* tls_sink = nullptr;

void OnPopplerError(ErrorCategory category, Goffset pos, const char* msg) {
  // Never print: a batch of thousands of files must keep stderr for its own
  // one-line-per-failure reports. Warnings poppler works around silently
  // (errSyntaxWarning) and configuration notes are dropped.
  ErrorSink* sink = tls_sink;
  if (sink == nullptr || msg == nullptr) return;
  switch (category) {
    case errSyntaxError:
    case errIO:
    case errUnimplemented:
    case errInternal:
      if (sink->errors++ == 0) {
        sink->first = msg;
        if (pos >= 0) sink->first += " (at byte " + std::to_string(pos) + ")";
      }
      break;
    default:
      break;
  }
}

class ScopedSink {
 public:
  explicit ScopedSink(ErrorSink* s) : saved_(tls_sink) { tls_sink = s; }
  ~ScopedSink() { tls_sink = saved_; }

 private:
  ErrorSink* saved_;
};

// GlobalParams, the error callback and GfxState's lazily built sRGB profile
// are process-wide and not guarded by poppler; set them up exactly once.
// GlobalParamsIniter is poppler's own reference-counted initialiser (shared
// with poppler-cpp/glib if they are linked too); it is never destroyed, so
// no static-destruction order issue can arise at exit.
GlobalParamsIniter* volatile g_poppler_params = nullptr;

void InitPopplerOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Never destroyed (other threads may still read when the process exits);
    // held in a volatile global so leak checkers see it as reachable.
    g_poppler_params = new GlobalParamsIniter(&OnPopplerError);
    setErrorCallback(&OnPopplerError);  // also when someone else initialised first
    globalParams->setErrQuiet(true);
    // Build GfxState's static colour-management state now, single-threaded:
    // its lazy construction in the constructor is unguarded.
    PDFRectangle box(0, 0, 1, 1);
    GfxState warm(72.0, 72.0, &box, 0, true);
    (void)warm;
  });
}

// ---------------------------------------------------------------- text utils

void AppendUtf8(std::string* out, UChar32 c) {
  if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out->append(buf, n);
}

// Latin ligatures U+FB00..U+FB06 as their NFKC letters ("ﬁ" -> "fi"). Only
// this range is folded: NFKC over the whole text would also change
// superscripts, fractions and full-width forms that carry meaning.
const std::string& LigatureText(UChar32 c) {
  static const std::vector<std::string> table = [] {
    std::vector<std::string> t;
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
    for (UChar32 l = 0xFB00; l <= 0xFB06; ++l) {
      std::string s;
      icu::UnicodeString d;
      if (U_SUCCESS(err) && nfkc->getDecomposition(l, d)) {
        d.toUTF8String(s);
      } else {
        AppendUtf8(&s, l);
      }
      t.push_back(std::move(s));
    }
    return t;
  }();
  return table[c - 0xFB00];
}

std::string_view StripSubsetPrefix(std::string_view name) {
  // "ABCDEF+Arial-BoldMT": six capitals and '+' mark an embedded subset.
  if (name.size() > 7 && name[6] == '+' &&
      std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }))
    name.remove_prefix(7);
  return name;
}

bool ContainsNoCase(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() &&
           std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k])
      ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

// A PDF text string (UTF-16BE with BOM, or PDFDocEncoding) as UTF-8.
std::string TextStringToUtf8(const GooString& s) {
  Unicode* u = nullptr;
  int n = TextStringToUCS4(s.toStr(), &u);
  std::string out;
  out.reserve(n);
  for (int i = 0; i < n; ++i) AppendUtf8(&out, static_cast<UChar32>(u[i]));
  gfree(u);
  return out;
}

std::optional<std::string> PdfDateToIso(const GooString& s) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, tzh = 0, tzm = 0;
  char tz = 0;
  GooString copy(s.toStr());
  if (!parseDateString(&copy, &y, &mo, &d, &h, &mi, &sec, &tz, &tzh, &tzm)) return std::nullopt;
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  char buf[40];
  // parseDateString fills the time with 0 when absent; a date at exactly
  // midnight without zone reads as a plain date.
  if (h == 0 && mi == 0 && sec == 0 && tz == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
    return std::string(buf);
  }
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
    return std::string(buf);
  }
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, sec);
  if (tz == 'Z' || ((tz == '+' || tz == '-') && tzh == 0 && tzm == 0)) {
    std::snprintf(buf + n, sizeof buf - n, "Z");
  } else if ((tz == '+' || tz == '-') && tzh >= 0 && tzh <= 23 && tzm >= 0 && tzm <= 59) {
    std::snprintf(buf + n, sizeof buf - n, "%c%02d:%02d", tz, tzh, tzm);
  }
  return std::string(buf);
}

bool AbortCheck(void*) { return DeadlineExpired(); }

}  // namespace

bool FontNameLooksBold(std::string_view name) {
  name = StripSubsetPrefix(name);
  for (std::string_view w : {"bold", "black", "heavy", "semibold", "demi", "extrabold"})
    if (ContainsNoCase(name, w)) return true;
  return false;
}

bool FontNameLooksItalic(std::string_view name) {
  name = StripSubsetPrefix(name);
  return ContainsNoCase(name, "italic") || ContainsNoCase(name, "oblique");
}

// ------------------------------------------------------------------ PdfFile

struct PdfFile::Impl {
  ErrorSink sink;
  bool repaired = false;
  std::unique_ptr<PDFDoc> doc;
  // One text device for all pages: poppler caches parsed ICC colour spaces
  // in the output device, and rebuilding them per page (lcms profiles and
  // transforms) costs a quarter of the time on InDesign PDFs.
  std::unique_ptr<TextOutputDev> dev;
  // For OCR only; created at the first rendered page.
  std::unique_ptr<SplashOutputDev> splash;
};

PdfFile::PdfFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfFile::~PdfFile() {
  if (impl_) {
    ScopedSink scope(&impl_->sink);
    impl_->dev.reset();
    impl_->splash.reset();
    impl_->doc.reset();
  }
}

Result<std::unique_ptr<PdfFile>> PdfFile::Open(std::string_view bytes) {
  InitPopplerOnce();
  auto impl = std::make_unique<Impl>();
  ScopedSink scope(&impl->sink);
  // MemStream does not copy: `bytes` must outlive the PDFDoc (documented).
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  Impl* raw = impl.get();
  impl->doc = std::make_unique<PDFDoc>(stream, std::optional<GooString>(), std::optional<GooString>(),
                                       nullptr, [raw] { raw->repaired = true; });
  PDFDoc& doc = *impl->doc;
  if (!doc.isOk()) {
    int code = doc.getErrorCode();
    if (code == errEncrypted)
      return Status::Encrypted("the PDF needs a user password to open");
    std::string why = impl->sink.first.empty() ? "" : ": " + impl->sink.first;
    return Status::Corrupt("the PDF cannot be parsed (poppler error " + std::to_string(code) + ")" +
                           why);
  }
  if (doc.getNumPages() <= 0)
    return Status::Corrupt("the PDF has no readable page tree" +
                           (impl->sink.first.empty() ? std::string() : ": " + impl->sink.first));
  return std::unique_ptr<PdfFile>(new PdfFile(std::move(impl)));
}

int PdfFile::num_pages() const { return impl_->doc->getNumPages(); }

DocInfo PdfFile::Info() const {
  ScopedSink scope(&impl_->sink);
  DocInfo info;
  PDFDoc& doc = *impl_->doc;
  if (auto t = doc.getDocInfoTitle()) {
    std::string s = TextStringToUtf8(*t);
    if (!s.empty()) info.title = std::move(s);
  }
  if (auto d = doc.getDocInfoCreatDate()) info.created = PdfDateToIso(*d);
  return info;
}

Status PdfFile::ReadPage(int page_number, Page* out) {
  ScopedSink scope(&impl_->sink);
  PDFDoc& doc = *impl_->doc;
  out->words.clear();
  out->fonts.clear();
  out->rotated_words = 0;
  out->ocr = false;
  out->width = static_cast<float>(doc.getPageCropWidth(page_number));
  out->height = static_cast<float>(doc.getPageCropHeight(page_number));
  if (doc.getPageRotate(page_number) % 180 != 0) std::swap(out->width, out->height);

  // rawOrder = true: words in content-stream order, without poppler's own
  // column analysis (pdf_layout.cc orders them); that analysis is a good
  // part of pdftotext's time and would be thrown away.
  if (!impl_->dev) {
    impl_->dev = std::make_unique<TextOutputDev>(nullptr, /*physLayoutA=*/false, /*fixedPitchA=*/0,
                                                 /*rawOrderA=*/true, /*append=*/false,
                                                 /*discardDiagA=*/true);
    if (!impl_->dev->isOk()) {
      impl_->dev.reset();
      return Status::Internal("poppler's text device could not be created");
    }
  }
  TextOutputDev& dev = *impl_->dev;
  doc.displayPage(&dev, page_number, 72.0, 72.0, /*rotate=*/0, /*useMediaBox=*/false,
                  /*crop=*/true, /*printing=*/false, &AbortCheck, nullptr);
  if (DeadlineExpired()) return Status::Timeout("the time limit passed while reading page " +
                                                std::to_string(page_number));
  std::unique_ptr<TextWordList> list = dev.makeWordList();
  if (!list) return Status::Ok();
  const int n = list->getLength();
  out->words.reserve(n);
  std::vector<std::pair<const TextFontInfo*, uint16_t>> font_ids;
  for (int i = 0; i < n; ++i) {
    const TextWord* w = list->get(i);
    if (w == nullptr || w->getLength() == 0) continue;
    if (w->getRotation() != 0) {
      ++out->rotated_words;
      continue;
    }
    Word word;
    const int len = w->getLength();
    word.text.reserve(len);
    for (int k = 0; k < len; ++k) {
      UChar32 c = static_cast<UChar32>(*w->getChar(k));
      if (c >= 0xFB00 && c <= 0xFB06) {
        word.text += LigatureText(c);
      } else if (c != 0) {
        AppendUtf8(&word.text, c);
      }
    }
    if (word.text.empty()) continue;
    double x0, y0, x1, y1;
    w->getBBox(&x0, &y0, &x1, &y1);
    word.x0 = static_cast<float>(x0);
    word.y0 = static_cast<float>(y0);
    word.x1 = static_cast<float>(x1);
    word.y1 = static_cast<float>(y1);
    word.baseline = static_cast<float>(w->getBaseline());
    word.font_size = static_cast<float>(w->getFontSize());
    const TextFontInfo* fi = w->getFontInfo(0);
    auto it = std::find_if(font_ids.begin(), font_ids.end(),
                           [fi](const auto& p) { return p.first == fi; });
    if (it == font_ids.end()) {
      Font f;
      if (fi != nullptr) {
        const GooString* name = fi->getFontName();
        if (name != nullptr) f.name = std::string(StripSubsetPrefix(name->toStr()));
        f.bold = fi->isBold() || FontNameLooksBold(f.name);
        f.italic = fi->isItalic() || FontNameLooksItalic(f.name);
      }
      out->fonts.push_back(std::move(f));
      font_ids.emplace_back(fi, static_cast<uint16_t>(out->fonts.size() - 1));
      it = std::prev(font_ids.end());
    }
    word.font = it->second;
    word.bold = out->fonts[word.font].bold;
    word.italic = out->fonts[word.font].italic;
    out->words.push_back(std::move(word));
  }
  return Status::Ok();
}

void PdfFile::PageSize(int page_number, float* width, float* height) const {
  PDFDoc& doc = *impl_->doc;
  *width = static_cast<float>(doc.getPageCropWidth(page_number));
  *height = static_cast<float>(doc.getPageCropHeight(page_number));
  if (doc.getPageRotate(page_number) % 180 != 0) std::swap(*width, *height);
}

namespace {

// True when `resources` hold an image XObject whose stream dictionary
// `accept` takes, looking into form XObjects `depth` levels deep (scanners
// and OCR tools wrap the page image in a form at most once or twice; the
// depth bound stops reference cycles).
template <typename Accept>
bool ResourcesHaveImage(Dict* resources, int depth, const Accept& accept) {
  if (resources == nullptr) return false;
  Object xobjects = resources->lookup("XObject");
  if (!xobjects.isDict()) return false;
  Dict* xd = xobjects.getDict();
  for (int i = 0; i < xd->getLength(); ++i) {
    Object x = xd->getVal(i);
    if (!x.isStream()) continue;
    Dict* sd = x.streamGetDict();
    Object subtype = sd->lookup("Subtype");
    if (subtype.isName("Image")) {
      if (accept(sd)) return true;
    } else if (subtype.isName("Form") && depth > 0) {
      Object res = sd->lookup("Resources");
      if (res.isDict() && ResourcesHaveImage(res.getDict(), depth - 1, accept)) return true;
    }
  }
  return false;
}

// Colour components of an image's /ColorSpace, as far as the dictionary
// says without building the space: 1 for grey, 0 when unknown or colour.
int GreyComponents(Object cs, int depth) {
  if (cs.isName("DeviceGray") || cs.isName("G") || cs.isName("CalGray")) return 1;
  if (!cs.isArray() || cs.arrayGetLength() < 1 || depth <= 0) return 0;
  Object family = cs.arrayGet(0);
  if (family.isName("CalGray")) return 1;
  if (family.isName("ICCBased") && cs.arrayGetLength() >= 2) {
    Object icc = cs.arrayGet(1);
    if (!icc.isStream()) return 0;
    Object n = icc.streamGetDict()->lookup("N");
    return n.isInt() && n.getInt() == 1 ? 1 : 0;
  }
  if ((family.isName("Indexed") || family.isName("I")) && cs.arrayGetLength() >= 2)
    return GreyComponents(cs.arrayGet(1), depth - 1);
  return 0;
}

// An image that is bilevel (an image mask or one bit per component) or grey.
bool IsGreyImage(Dict* sd) {
  Object mask = sd->lookup("ImageMask");
  Object bpc = sd->lookup("BitsPerComponent");
  return (mask.isBool() && mask.getBool()) || (bpc.isInt() && bpc.getInt() == 1) ||
         GreyComponents(sd->lookup("ColorSpace"), 2) == 1;
}

// Records the resolution of the largest image a page draws: its pixels over
// the size it is drawn at (the CTM maps the image's unit square onto the
// page, in points at 72 dpi). Only the operators are interpreted; the image
// data is never decoded.
class ImageResolutionDev : public OutputDev {
 public:
  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  bool needCharCount() override { return false; }

  void drawImageMask(GfxState* state, Object*, Stream*, int width, int height, bool, bool,
                     bool) override {
    Note(state, width, height, nullptr);
  }
  void drawImage(GfxState* state, Object*, Stream*, int width, int height, GfxImageColorMap* map,
                 bool, const int*, bool) override {
    Note(state, width, height, map);
  }
  void drawMaskedImage(GfxState* state, Object*, Stream*, int width, int height,
                       GfxImageColorMap* map, bool, Stream*, int, int, bool, bool) override {
    Note(state, width, height, map);
  }
  void drawSoftMaskedImage(GfxState* state, Object*, Stream*, int width, int height,
                           GfxImageColorMap* map, bool, Stream*, int, int, GfxImageColorMap*,
                           bool) override {
    Note(state, width, height, map);
  }

  double dpi() const { return dpi_; }
  double area() const { return area_; }  // square points
  int bits() const { return bits_; }
  int components() const { return components_; }

 private:
  // `map` is null for an image mask (a stencil: one bit, one colour).
  void Note(GfxState* state, int width, int height, GfxImageColorMap* map) {
    const double* m = state->getCTM();  // device space here: 72 dpi, points
    const double w = std::hypot(m[0], m[1]), h = std::hypot(m[2], m[3]);
    if (!(w > 1) || !(h > 1) || width <= 0 || height <= 0) return;
    if (w * h <= area_) return;
    area_ = w * h;
    dpi_ = std::min(width / (w / 72.0), height / (h / 72.0));
    bits_ = map ? map->getBits() : 1;
    components_ = map ? map->getNumPixelComps() : 1;
  }
  double area_ = 0;
  double dpi_ = 0;
  int bits_ = 0, components_ = 0;
};

}  // namespace

PageImage PdfFile::LargestImage(int page_number) {
  ScopedSink scope(&impl_->sink);
  ImageResolutionDev dev;
  impl_->doc->displayPage(&dev, page_number, 72.0, 72.0, /*rotate=*/0, /*useMediaBox=*/false,
                          /*crop=*/true, /*printing=*/false, &AbortCheck, nullptr);
  PageImage out;
  float width = 0, height = 0;
  PageSize(page_number, &width, &height);
  if (dev.area() > 0 && width > 0 && height > 0) {
    out.dpi = dev.dpi();
    out.bits = dev.bits();
    out.components = dev.components();
    out.share = std::min(1.0, dev.area() / (static_cast<double>(width) * height));
  }
  return out;
}

bool PdfFile::PageHasGreyImage(int page_number) {
  ScopedSink scope(&impl_->sink);
  ::Page* page = impl_->doc->getPage(page_number);
  return page != nullptr && ResourcesHaveImage(page->getResourceDict(), 2, IsGreyImage);
}

bool PdfFile::PageHasImages(int page_number) {
  ScopedSink scope(&impl_->sink);
  ::Page* page = impl_->doc->getPage(page_number);
  return page != nullptr && ResourcesHaveImage(page->getResourceDict(), 2, [](Dict*) { return true; });
}

Status PdfFile::RenderGray(int page_number, double dpi, GrayImage* out) {
  ScopedSink scope(&impl_->sink);
  *out = GrayImage();
  PDFDoc& doc = *impl_->doc;
  if (!impl_->splash) {
    SplashColor white;
    white[0] = 0xff;
    // Row padding 1: rows are exactly `width` bytes, the layout Tesseract
    // takes without a copy.
    impl_->splash = std::make_unique<SplashOutputDev>(splashModeMono8, 1, false, white);
    impl_->splash->startDoc(&doc);
  }
  SplashOutputDev& dev = *impl_->splash;
  doc.displayPage(&dev, page_number, dpi, dpi, /*rotate=*/0, /*useMediaBox=*/false,
                  /*crop=*/true, /*printing=*/false, &AbortCheck, nullptr);
  if (DeadlineExpired())
    return Status::Timeout("the time limit passed while rendering page " +
                           std::to_string(page_number) + " for OCR");
  std::shared_ptr<SplashBitmap> bitmap(dev.takeBitmap());
  if (!bitmap || bitmap->getMode() != splashModeMono8 || bitmap->getWidth() <= 0 ||
      bitmap->getHeight() <= 0)
    return Status::Internal("poppler rendered no image of page " + std::to_string(page_number));
  out->width = bitmap->getWidth();
  out->height = bitmap->getHeight();
  out->stride = bitmap->getRowSize();
  out->data = bitmap->getDataPtr();
  out->owner = std::move(bitmap);
  return Status::Ok();
}

std::vector<Warning> PdfFile::TakeWarnings() {
  std::vector<Warning> w;
  if (impl_->repaired) {
    w.push_back({"pdf_repaired",
                 "the PDF's cross-reference table was damaged and has been rebuilt; some text "
                 "may be missing",
                 std::nullopt});
    impl_->repaired = false;
  }
  if (impl_->sink.errors > 0) {
    w.push_back({"pdf_syntax",
                 "poppler reported " + std::to_string(impl_->sink.errors) +
                     " error(s) while reading the PDF; the first: " + impl_->sink.first,
                 std::nullopt});
    impl_->sink = ErrorSink();
  }
  return w;
}

}  // namespace referat::pdf
