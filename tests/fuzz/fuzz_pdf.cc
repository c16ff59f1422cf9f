// libFuzzer target for the pdf reader alone: any bytes must give a Document
// or a Status, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>

#include "read/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  referat::ExtractOptions opts;
  opts.timeout_ms = 10000;
  // The target is the reader (parser, layout), not Tesseract: a generated
  // page with an image would otherwise spend seconds in OCR per input and
  // the fuzzer would mostly explore Tesseract.
  opts.ocr = referat::OcrMode::kNever;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto r = referat::ReadPdf(bytes, opts);
  if (r.ok()) {
    // The layout invariants every reader promises (document.h).
    const referat::Document& d = *r;
    for (const auto& b : d.blocks) {
      if (b.start > b.end || b.end >= d.text.size() || d.text[b.end] != '\n') __builtin_trap();
    }
  }
  return 0;
}
