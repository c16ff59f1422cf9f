// The C interface between the PDF reader and libreferat_tesseract.so, the
// plugin that holds every Tesseract call (tesseract_plugin.cc).
//
// Why a plugin: libtesseract pulls in Leptonica, libarchive, libcurl (with
// GnuTLS, Kerberos, LDAP), libgomp and a shared ICU; linked into the
// command, every process would load and relocate them, +50% CPU for a
// small text PDF (20 runs of seed 004: 0.46 CPU-s against 0.30). The
// reader dlopen()s the plugin at the first page that needs OCR, so text
// documents never load Tesseract.
#ifndef REFERAT_READ_TESSERACT_OCR_PLUGIN_H_
#define REFERAT_READ_TESSERACT_OCR_PLUGIN_H_

#include <stdint.h>

extern "C" {

// One recognised word, in pixels of the image.
struct ReferatOcrWord {
  const char* text;  // UTF-8
  int left, top, right, bottom;
  float baseline;    // y of the baseline under the word's middle
  float row_height;  // the text line's height (ascenders to descenders)
  float confidence;  // 0-100
};

typedef void (*ReferatOcrWordFn)(void* ctx, const ReferatOcrWord* word);

// The functions the plugin exports, looked up by these names.
// Creates an engine (`data_dir` may be null: Tesseract's default). On
// failure returns null and writes a message into err[err_size].
typedef void* (*ReferatOcrCreateFn)(const char* data_dir, const char* language, char* err,
                                    int err_size);
typedef void (*ReferatOcrDestroyFn)(void* engine);
// "5.3.0"
typedef const char* (*ReferatOcrVersionFn)();
// The folder the engine loaded its models from.
typedef const char* (*ReferatOcrDataPathFn)(void* engine);
// Recognises an 8-bit grey image; calls `fn` for each word in reading
// order. Returns 0 when done, 1 when `timeout_ms` (> 0) passed, 2 when
// Tesseract failed.
typedef int (*ReferatOcrRecognizeFn)(void* engine, const uint8_t* pixels, int width, int height,
                                      int stride, int dpi, int timeout_ms, ReferatOcrWordFn fn,
                                      void* ctx);
}

#endif  // REFERAT_READ_TESSERACT_OCR_PLUGIN_H_
