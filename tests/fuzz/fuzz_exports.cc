// libFuzzer target for the export readers (read/exports/): the first byte
// picks FirstAgenda JSON, Acadre XML, SBSYS (zip or XML) or eDoc XML, the
// rest is the input. Any bytes must give a Document with its facts or a
// Status, never a crash, a hang or a sanitizer report; every fact's block
// must exist and every title range lie inside the text.
#include <cstddef>
#include <cstdint>

#include "read/exports/export.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using referat::Format;
  const Format formats[] = {Format::kFirstAgendaJson, Format::kAcadreXml, Format::kSbsys,
                            Format::kEdocXml};
  referat::ExtractOptions opts;
  opts.timeout_ms = 10000;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto r = referat::exports::ReadExport(formats[data[0] % 4], bytes, opts);
  if (!r.ok()) return 0;
  const referat::Document& d = r->doc;
  for (const auto& b : d.blocks)
    if (b.start > b.end || b.end >= d.text.size() || d.text[b.end] != '\n') __builtin_trap();
  for (const auto& it : r->facts.items) {
    if (it.block != referat::exports::kNoBlock && it.block >= d.blocks.size()) __builtin_trap();
    if (it.title_start > it.title_end || it.title_end > d.text.size()) __builtin_trap();
    for (const auto& a : it.attachments)
      if (a.block != referat::exports::kNoBlock && a.block >= d.blocks.size()) __builtin_trap();
  }
  return 0;
}
