// Tesseract behind the PDF reader. See pdf_ocr.h.
#include "read/pdf_ocr.h"

#include <dlfcn.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include <unistd.h>

#include "core/deadline.h"
#include "core/sha256.h"
#include "read/tesseract/ocr_plugin.h"

namespace referat::pdf {
namespace {

// Below this a page is not rendered: 10 pt text gets a capital height of
// under 10 pixels, which Tesseract reads as noise.
constexpr int kMinDpi = 100;

// An image covering at least this share of a page is a scan of it.
constexpr double kScanShare = 0.5;

// Tesseract's row height (ascender to descender line) per point of font
// size: 12 pt body text of seed 004 scanned at 300 dpi gives rows of 11.9 pt.
constexpr float kRowHeightPerEm = 1.0f;

// Sizes within this share of the page's usual size are that size: OCR row
// heights wobble by a pixel or two from line to line, and the layout takes
// a change of size for a new paragraph or a heading (kHeadingSize is 15%).
constexpr float kSameSize = 0.1f;

// A word whose strokes are this much wider than the page's median (for its
// size) is set in bold.
constexpr float kBoldStroke = 1.3f;

// Grey values below this count as ink.
constexpr uint8_t kInk = 128;

// ---------------------------------------------------------- the plugin

struct Plugin {
  std::string error;  // empty when loaded
  ReferatOcrCreateFn create = nullptr;
  ReferatOcrDestroyFn destroy = nullptr;
  ReferatOcrVersionFn version = nullptr;
  ReferatOcrDataPathFn datapath = nullptr;
  ReferatOcrRecognizeFn recognize = nullptr;
};

// Where libreferat_tesseract.so is: $REFERAT_OCR_PLUGIN, else beside the
// running program (the build tree), else in ../lib/referat/ from it (an
// installed referat), else where the build put it.
std::vector<std::string> PluginPaths() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("REFERAT_OCR_PLUGIN"); env && *env) paths.push_back(env);
  char exe[4096];
  ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    std::string dir(exe, static_cast<size_t>(n));
    dir.resize(dir.rfind('/') + 1);
    paths.push_back(dir + "libreferat_tesseract.so");
    paths.push_back(dir + "../lib/referat/libreferat_tesseract.so");  // installed
  }
#ifdef REFERAT_OCR_PLUGIN_PATH
  paths.push_back(REFERAT_OCR_PLUGIN_PATH);
#endif
  return paths;
}

const Plugin& LoadPlugin() {
  static const Plugin plugin = [] {
    Plugin p;
    void* lib = nullptr;
    std::string tried;
    for (const std::string& path : PluginPaths()) {
      lib = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (lib) break;
      const char* why = ::dlerror();
      tried += (tried.empty() ? "" : "; ") + std::string(why ? why : path.c_str());
    }
    if (!lib) {
      p.error = "OCR is needed but the Tesseract plugin could not be loaded (" + tried + ")";
      return p;
    }
    // Never dlclose()d: engines live in thread_locals until their threads end.
    p.create = reinterpret_cast<ReferatOcrCreateFn>(::dlsym(lib, "referat_ocr_create"));
    p.destroy = reinterpret_cast<ReferatOcrDestroyFn>(::dlsym(lib, "referat_ocr_destroy"));
    p.version = reinterpret_cast<ReferatOcrVersionFn>(::dlsym(lib, "referat_ocr_version"));
    p.datapath = reinterpret_cast<ReferatOcrDataPathFn>(::dlsym(lib, "referat_ocr_datapath"));
    p.recognize = reinterpret_cast<ReferatOcrRecognizeFn>(::dlsym(lib, "referat_ocr_recognize"));
    if (!p.create || !p.destroy || !p.version || !p.datapath || !p.recognize)
      p.error = "the Tesseract plugin lacks the referat_ocr_* functions";
    return p;
  }();
  return plugin;
}

struct Engine {
  void* handle = nullptr;
  std::string key;  // data dir + '\n' + language
  std::string error;
  ~Engine() {
    if (handle) LoadPlugin().destroy(handle);
  }
};

std::string EngineKey(const ExtractOptions& o) { return o.ocr_data_dir + "\n" + o.ocr_language; }

// This thread's engine for `o`'s language, created on first use and kept
// for the thread's lifetime (loading a model costs ~100 ms).
Engine* ThreadEngine(const ExtractOptions& o) {
  thread_local std::unique_ptr<Engine> engine;
  const std::string key = EngineKey(o);
  if (engine && engine->key == key) return engine.get();
  engine = std::make_unique<Engine>();
  engine->key = key;
  const Plugin& plugin = LoadPlugin();
  if (!plugin.error.empty()) {
    engine->error = plugin.error;
    return engine.get();
  }
  char err[512] = "";
  engine->handle = plugin.create(o.ocr_data_dir.empty() ? nullptr : o.ocr_data_dir.c_str(),
                                 o.ocr_language.c_str(), err, sizeof err);
  if (!engine->handle)
    engine->error = std::string(err) + " (Debian: apt-get install tesseract-ocr-" +
                    o.ocr_language + ")";
  return engine.get();
}

// Mean horizontal run length of ink in a box, in pixels: the stroke width.
// Bold type has strokes 1.5-2 times as wide as regular type of its size.
float StrokeWidth(const GrayImage& img, int l, int t, int r, int b) {
  l = std::max(l, 0);
  t = std::max(t, 0);
  r = std::min(r, img.width);
  b = std::min(b, img.height);
  long ink = 0, runs = 0;
  for (int y = t; y < b; ++y) {
    const uint8_t* row = img.data + static_cast<size_t>(y) * img.stride;
    bool in = false;
    for (int x = l; x < r; ++x) {
      const bool dark = row[x] < kInk;
      ink += dark;
      runs += dark && !in;
      in = dark;
    }
  }
  return runs > 0 ? static_cast<float>(ink) / static_cast<float>(runs) : 0.0f;
}

float Median(std::vector<float> v) {
  if (v.empty()) return 0;
  auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

// The resolution to OCR a page at: ocr_dpi, or the page's scan's own
// resolution when that is lower. Rendering a 200 dpi scan at 300 dpi adds
// pixels but no detail, and Tesseract's page analysis (thresholding, line
// finding) costs by the pixel. Only an image covering most of the page is
// the scan: a small logo on a page of vector glyphs says nothing of them.
int ScanResolution(PdfFile& file, int page_number, int dpi) {
  const PageImage image = file.LargestImage(page_number);
  if (image.share < kScanShare || !(image.dpi > 0) || image.dpi >= dpi) return dpi;
  return std::max(kMinDpi, static_cast<int>(std::lround(image.dpi)));
}

Status RecognizePage(PdfFile& file, int page_number, const ExtractOptions& o, Engine& engine,
                     OcrPage* out) {
  *out = OcrPage();
  float width = 0, height = 0;
  file.PageSize(page_number, &width, &height);
  const int dpi = OcrResolution(width, height, ScanResolution(file, page_number, o.ocr_dpi),
                                o.ocr_max_page_pixels);
  if (dpi == 0) {
    char size[64];
    std::snprintf(size, sizeof size, "%.0f x %.0f pt", width, height);
    return Status::TooLarge("page " + std::to_string(page_number) + " (" + size +
                            ") cannot be rendered for OCR within " +
                            std::to_string(o.ocr_max_page_pixels) + " pixels at " +
                            std::to_string(kMinDpi) + " dpi or more");
  }
  out->dpi = dpi;
  out->page.width = width;
  out->page.height = height;
  out->page.ocr = true;
  ScopedDeadline deadline(o.ocr_page_timeout_ms);
  const auto start = std::chrono::steady_clock::now();
  GrayImage img;
  Status s = file.RenderGray(page_number, dpi, &img);
  if (!s.ok()) return s;

  int timeout_ms = 0;
  if (o.ocr_page_timeout_ms > 0) {
    const int64_t used = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - start)
                             .count();
    timeout_ms = static_cast<int>(std::clamp<int64_t>(o.ocr_page_timeout_ms - used, 1, INT32_MAX));
  }
  // Points per pixel.
  struct Collect {
    const GrayImage* img;
    const ExtractOptions* o;
    float scale;
    Page* page;
    std::vector<float> strokes;  // per word: stroke width / font size in pixels
    double conf_sum = 0;
  } c{&img, &o, 72.0f / static_cast<float>(dpi), &out->page, {}, 0};
  Page& page = out->page;
  page.fonts = {Font{"OCR", false, false}, Font{"OCR-Bold", true, false}};
  auto on_word = [](void* ctx, const ReferatOcrWord* ow) {
    Collect& c = *static_cast<Collect*>(ctx);
    Word w;
    w.text = ow->text;
    // Tesseract's words hold no spaces, but the layout splits lines only
    // between words.
    std::replace(w.text.begin(), w.text.end(), ' ', '_');
    w.x0 = static_cast<float>(ow->left) * c.scale;
    w.y0 = static_cast<float>(ow->top) * c.scale;
    w.x1 = static_cast<float>(ow->right) * c.scale;
    w.y1 = static_cast<float>(ow->bottom) * c.scale;
    w.baseline = ow->baseline * c.scale;
    const float size_px = ow->row_height / kRowHeightPerEm;
    // Half points: the layout groups lines by size.
    w.font_size = std::max(1.0f, std::round(size_px * c.scale * 2.0f) / 2.0f);
    c.conf_sum += ow->confidence;
    w.low_confidence = ow->confidence < static_cast<float>(c.o->ocr_low_confidence);
    c.strokes.push_back(size_px > 0 ? StrokeWidth(*c.img, ow->left, ow->top, ow->right, ow->bottom) /
                                          size_px
                                    : 0.0f);
    c.page->words.push_back(std::move(w));
  };
  const int rc = LoadPlugin().recognize(engine.handle, img.data, img.width, img.height, img.stride,
                                        dpi, timeout_ms, on_word, &c);
  if (rc == 1 || DeadlineExpired()) {
    page.words.clear();
    return Status::Timeout("OCR of page " + std::to_string(page_number) + " took longer than " +
                           std::to_string(o.ocr_page_timeout_ms) + " ms");
  }
  if (rc != 0) {
    page.words.clear();
    return Status::Internal("Tesseract failed on page " + std::to_string(page_number));
  }
  std::vector<float>& strokes = c.strokes;
  const double conf_sum = c.conf_sum;
  if (!page.words.empty()) {
    out->mean_confidence = conf_sum / static_cast<double>(page.words.size());
    std::vector<float> sizes;
    sizes.reserve(page.words.size());
    for (const Word& w : page.words) sizes.push_back(w.font_size);
    const float body = Median(sizes);
    for (Word& w : page.words)
      if (std::fabs(w.font_size - body) <= kSameSize * body) w.font_size = body;
    // Bold against this page's usual stroke; a page of at least a few words
    // is mostly regular text.
    if (page.words.size() >= 8) {
      const float median = Median(strokes);
      for (size_t i = 0; i < page.words.size(); ++i) {
        if (median > 0 && strokes[i] > kBoldStroke * median) {
          page.words[i].bold = true;
          page.words[i].font = 1;
        }
      }
    }
  }
  return Status::Ok();
}

// ------------------------------------------------------------- the pool

// One document's pages, shared by its reading thread and the pool.
struct Batch {
  uint64_t id = 0;
  std::string_view bytes;
  size_t n = 0;  // pages->size(), readable after the caller has gone
  const std::vector<int>* pages = nullptr;
  const ExtractOptions* options = nullptr;
  std::vector<OcrPage>* out = nullptr;
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::condition_variable cv;
  size_t done = 0;  // guarded by mu
  int helpers = 0;  // guarded by mu: pool threads inside this batch
  bool closed = false;  // guarded by mu: the caller no longer waits for helpers
};

void DoPage(Batch& batch, size_t i, PdfFile& file, Engine& engine) {
  OcrPage& slot = (*batch.out)[i];
  try {
    Status s = RecognizePage(file, (*batch.pages)[i], *batch.options, engine, &slot);
    if (!s.ok()) {
      slot.page.words.clear();
      slot.status = s;
    }
  } catch (const std::bad_alloc&) {
    slot.page.words.clear();
    slot.status = Status::TooLarge("out of memory during OCR of page " +
                                   std::to_string((*batch.pages)[i]));
  } catch (const std::exception& e) {
    slot.page.words.clear();
    slot.status = Status::Internal(std::string("OCR of page ") +
                                   std::to_string((*batch.pages)[i]) + " failed: " + e.what());
  }
  if (batch.options->ocr_progress) batch.options->ocr_progress(0, 1);
  std::lock_guard<std::mutex> lock(batch.mu);
  if (++batch.done == batch.pages->size()) batch.cv.notify_all();
}

class Pool {
 public:
  // The pool of `threads` - 1 helpers (the reading thread is the other);
  // sized by the first caller.
  static Pool& Get(int threads) {
    static Pool* pool = new Pool(threads);  // never destroyed: threads are detached
    return *pool;
  }

  void Add(const std::shared_ptr<Batch>& b) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(b);
    }
    cv_.notify_all();
  }

  void Remove(const std::shared_ptr<Batch>& b) {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.erase(std::remove(queue_.begin(), queue_.end(), b), queue_.end());
  }

  int helpers() const { return helpers_; }

 private:
  explicit Pool(int threads) {
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    helpers_ = threads - 1;
    for (int i = 0; i < helpers_; ++i) std::thread([this] { Run(); }).detach();
  }

  void Run() {
    for (;;) {
      std::shared_ptr<Batch> b;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return !queue_.empty(); });
        b = queue_.front();
        if (b->next.load() >= b->n) {
          queue_.pop_front();
          continue;
        }
        // Round robin over documents being read, so each moves on.
        queue_.pop_front();
        queue_.push_back(b);
      }
      Work(*b);
    }
  }

  static void Work(Batch& b) {
    {
      // Everything but `n`, `next` and the lock lives in the caller's frame,
      // valid only while it waits for this batch.
      std::lock_guard<std::mutex> lock(b.mu);
      if (b.closed) return;
      ++b.helpers;
    }
    std::unique_ptr<PdfFile> file;
    Engine* engine = nullptr;
    size_t i;
    while ((i = b.next.fetch_add(1)) < b.pages->size()) {
      if (!engine) engine = ThreadEngine(*b.options);
      if (!engine->error.empty()) {
        (*b.out)[i].status = Status::NoText(engine->error);
        if (b.options->ocr_progress) b.options->ocr_progress(0, 1);
        std::lock_guard<std::mutex> lock(b.mu);
        if (++b.done == b.pages->size()) b.cv.notify_all();
        continue;
      }
      if (!file) {
        auto opened = PdfFile::Open(b.bytes);
        if (!opened.ok()) {
          (*b.out)[i].status = opened.status();
          std::lock_guard<std::mutex> lock(b.mu);
          if (++b.done == b.pages->size()) b.cv.notify_all();
          continue;
        }
        file = std::move(*opened);
      }
      DoPage(b, i, *file, *engine);
    }
    // The PdfFile reads the caller's bytes: gone before the caller may
    // return.
    file.reset();
    std::lock_guard<std::mutex> lock(b.mu);
    --b.helpers;
    b.cv.notify_all();
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::shared_ptr<Batch>> queue_;
  int helpers_ = 0;
};

std::atomic<uint64_t> g_batch_ids{0};

}  // namespace

bool TextLayerUsable(const Page& page) {
  size_t total = 0, bad = 0;
  for (const Word& w : page.words) {
    const std::string& s = w.text;
    for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
      UChar32 c;
      U8_NEXT(s.data(), i, n, c);
      ++total;
      // U+F0B7 and its neighbours are Symbol/Wingdings bullets, which real
      // text layers use.
      if (c < 0x20 || c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF && (c < 0xF020 || c > 0xF0FF)))
        ++bad;
    }
  }
  if (total == 0) return false;
  return bad * 2 < total;
}

int OcrResolution(float width, float height, int dpi, uint64_t max_pixels) {
  if (!(width > 0) || !(height > 0) || dpi <= 0) return 0;
  const double w = width / 72.0, h = height / 72.0;  // inches
  double d = dpi;
  if (w * d * h * d > static_cast<double>(max_pixels))
    d = std::floor(std::sqrt(static_cast<double>(max_pixels) / (w * h)));
  return d < kMinDpi ? 0 : static_cast<int>(d);
}

Result<OcrEngineInfo> DescribeOcrEngine(const ExtractOptions& options) {
  Engine* engine = ThreadEngine(options);
  if (!engine->error.empty()) return Status::NoText(engine->error);
  static std::mutex mu;
  static std::map<std::string, OcrEngineInfo> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(engine->key);
  if (it != cache.end()) return it->second;
  OcrEngineInfo info;
  info.engine = std::string("tesseract ") + LoadPlugin().version();
  info.model = options.ocr_language;
  // One id per language of "dan+eng".
  const char* path = LoadPlugin().datapath(engine->handle);
  const std::string dir = path ? path : "";
  std::string lang = options.ocr_language;
  for (size_t pos = 0; pos <= lang.size();) {
    size_t plus = lang.find('+', pos);
    if (plus == std::string::npos) plus = lang.size();
    const std::string name = lang.substr(pos, plus - pos) + ".traineddata";
    std::ifstream f(dir + (dir.empty() || dir.back() == '/' ? "" : "/") + name, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    if (!info.model_id.empty()) info.model_id += ", ";
    info.model_id += name + (bytes.empty() ? "" : " sha256:" + Sha256Hex(bytes).substr(0, 16));
    pos = plus + 1;
  }
  cache.emplace(engine->key, info);
  return info;
}

Status OcrPages(std::string_view bytes, PdfFile& file, const std::vector<int>& pages,
                const ExtractOptions& options, std::vector<OcrPage>* out) {
  out->assign(pages.size(), OcrPage());
  if (pages.empty()) return Status::Ok();
  Engine* engine = ThreadEngine(options);
  if (!engine->error.empty()) return Status::NoText(engine->error);
  if (options.ocr_progress) options.ocr_progress(static_cast<int>(pages.size()), 0);

  auto batch = std::make_shared<Batch>();
  batch->id = ++g_batch_ids;
  batch->bytes = bytes;
  batch->n = pages.size();
  batch->pages = &pages;
  batch->options = &options;
  batch->out = out;
  Pool& pool = Pool::Get(options.ocr_threads);
  const bool shared = pool.helpers() > 0 && pages.size() > 1;
  if (shared) pool.Add(batch);
  for (size_t i; (i = batch->next.fetch_add(1)) < pages.size();) DoPage(*batch, i, file, *engine);
  if (shared) {
    pool.Remove(batch);
    std::unique_lock<std::mutex> lock(batch->mu);
    batch->closed = true;
    batch->cv.wait(lock, [&] { return batch->done == pages.size() && batch->helpers == 0; });
  }
  return Status::Ok();
}

}  // namespace referat::pdf
