// libFuzzer target for the html reader alone: any bytes must give a Document
// or a Status, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>

#include "read/reader.h"

namespace {
[[maybe_unused]] bool data_size_is_odd(size_t n) { return n & 1; }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  referat::ExtractOptions opts;
  opts.timeout_ms = 10000;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto r = referat::ReadHtml(bytes, opts);
  if (r.ok()) {
    // The layout invariants every reader promises (document.h).
    const referat::Document& d = *r;
    for (const auto& b : d.blocks) {
      if (b.start > b.end || b.end >= d.text.size() || d.text[b.end] != '\n') __builtin_trap();
    }
  }
  return 0;
}
