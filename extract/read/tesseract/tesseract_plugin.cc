// libreferat_tesseract.so: every Tesseract call of referat, behind the C
// interface of ocr_plugin.h (see there for why it is a plugin).
#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "read/tesseract/ocr_plugin.h"

namespace {

// Tesseract keeps some parameters process-wide (debug_file among them), and
// Init reads them: engines are set up one at a time.
std::mutex g_init_mu;

struct Engine {
  tesseract::TessBaseAPI api;
};

}  // namespace

extern "C" {

__attribute__((visibility("default"))) void* referat_ocr_create(const char* data_dir,
                                                                const char* language, char* err,
                                                                int err_size) {
  // Debian's Tesseract parallelises its LSTM with OpenMP. referat runs one
  // engine per thread on whole pages instead; nested OpenMP teams
  // oversubscribe the cores and spin (2 pages: 11.7 s user + 8.8 s system
  // CPU, against 4.0 s + 0.2 s without). No active parallel levels on the
  // calling thread (engines are created on the thread that uses them) runs
  // every OpenMP region inside Tesseract single-threaded, as
  // OMP_THREAD_LIMIT=1 would for the whole process.
  omp_set_max_active_levels(0);
  auto engine = std::make_unique<Engine>();
  std::lock_guard<std::mutex> lock(g_init_mu);
  // Tesseract writes notes ("Estimating resolution", "Empty page") to
  // stderr, which belongs to the batch's one-line-per-failure reports.
  engine->api.SetVariable("debug_file", "/dev/null");
  if (engine->api.Init(data_dir, language, tesseract::OEM_LSTM_ONLY) != 0) {
    std::snprintf(err, static_cast<size_t>(err_size), "Tesseract could not load the '%s' model%s%s",
                  language, data_dir ? " from " : "", data_dir ? data_dir : "");
    return nullptr;
  }
  engine->api.SetPageSegMode(tesseract::PSM_AUTO);
  return engine.release();
}

__attribute__((visibility("default"))) void referat_ocr_destroy(void* engine) {
  delete static_cast<Engine*>(engine);
}

__attribute__((visibility("default"))) const char* referat_ocr_version() {
  return tesseract::TessBaseAPI::Version();
}

__attribute__((visibility("default"))) const char* referat_ocr_datapath(void* engine) {
  return static_cast<Engine*>(engine)->api.GetDatapath();
}

__attribute__((visibility("default"))) int referat_ocr_recognize(void* e, const uint8_t* pixels,
                                                                 int width, int height, int stride,
                                                                 int dpi, int timeout_ms,
                                                                 ReferatOcrWordFn fn, void* ctx) {
  tesseract::TessBaseAPI& api = static_cast<Engine*>(e)->api;
  api.SetImage(pixels, width, height, 1, stride);
  api.SetSourceResolution(dpi);
  tesseract::ETEXT_DESC monitor;
  if (timeout_ms > 0) monitor.set_deadline_msecs(timeout_ms);
  const int rc = api.Recognize(&monitor);
  if (monitor.deadline_exceeded()) {
    api.Clear();
    return 1;
  }
  if (rc != 0) {
    api.Clear();
    return 2;
  }
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  float row_height = 0;
  if (it) {
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
        float descenders = 0, ascenders = 0;
        it->RowAttributes(&row_height, &descenders, &ascenders);
      }
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!text || text[0] == '\0') continue;
      ReferatOcrWord w{};
      if (!it->BoundingBox(tesseract::RIL_WORD, &w.left, &w.top, &w.right, &w.bottom) ||
          w.right <= w.left || w.bottom <= w.top)
        continue;
      w.text = text.get();
      int x1, y1, x2, y2;
      w.baseline = static_cast<float>(w.bottom);
      if (it->Baseline(tesseract::RIL_WORD, &x1, &y1, &x2, &y2)) {
        const float mid = 0.5f * static_cast<float>(w.left + w.right);
        w.baseline = x2 != x1 ? static_cast<float>(y1) + static_cast<float>(y2 - y1) *
                                                            (mid - static_cast<float>(x1)) /
                                                            static_cast<float>(x2 - x1)
                              : static_cast<float>(y1);
      }
      w.row_height = row_height > 0 ? row_height : static_cast<float>(w.bottom - w.top);
      w.confidence = it->Confidence(tesseract::RIL_WORD);
      fn(ctx, &w);
    } while (it->Next(tesseract::RIL_WORD));
  }
  it.reset();
  api.Clear();
  return 0;
}

}  // extern "C"
