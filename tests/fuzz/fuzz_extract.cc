// libFuzzer target for the whole pipeline: sniffing, every reader,
// segmentation, the extractors, figures and JSON; the output must validate.
#include <cstddef>
#include <cstdint>

#include "referat/extract.h"
#include "referat/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  referat::ExtractOptions opts;
  opts.timeout_ms = 10000;
  opts.with_text = true;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto r = referat::Extract(referat::Input{"fuzz", bytes}, opts);
  if (r.ok()) {
    std::string json = referat::ToJson(*r, false);
    if (!referat::ValidateDocumentJson(json).empty()) __builtin_trap();
  }
  return 0;
}
