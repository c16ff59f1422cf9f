// DOCX reader throughput on the real DOCX files (../shared/corpus/real) and
// the format corpus (corpus/formats/*.docx): bytes of DOCX per second and
// documents per second. Each run checks the block count, so a faster wrong
// answer fails (SkipWithError) instead of looking good.
//
//   build/bench/docx_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "read/reader.h"
#include "bench_util.h"

namespace {
namespace fs = std::filesystem;

using referat::bench::Slurp;

struct Case {
  const char* path;  // relative to the source dir's parent (shared/) or the source dir
  bool shared;
  size_t blocks;  // the block count the reader gives today; a change is a change to review
};

const Case kCases[] = {
    {"corpus/real/syddjurs_puk_2013-06-20_referat.docx", true, 70},
    {"corpus/real/syddjurs_bilag_opsamlingsnotat-temamoede-2012-09-20.docx", true, 46},
    {"corpus/real/glostrup_oekonomiudvalget_2025-11-19_truncated.docx", true, 66},
    {"corpus/formats/001_915c6acca0debb9d.docx", false, 370},
    {"corpus/formats/003_e736c8e4e10a2309.docx", false, 128},
};

void BM_ReadDocx(benchmark::State& state, Case c) {
  fs::path root = fs::path(REFERAT_SOURCE_DIR);
  fs::path p = c.shared ? root.parent_path() / "shared" / c.path : root / c.path;
  if (!fs::exists(p)) {
    state.SkipWithError(("missing " + p.string()).c_str());
    return;
  }
  const std::string bytes = Slurp(p);
  referat::ExtractOptions options;
  size_t blocks = 0;
  for (auto _ : state) {
    auto doc = referat::ReadDocx(bytes, options);
    if (!doc.ok()) {
      state.SkipWithError(doc.status().ToString().c_str());
      return;
    }
    blocks = doc->blocks.size();
    benchmark::DoNotOptimize(doc->text.data());
  }
  if (blocks != c.blocks) {
    state.SkipWithError(("block count " + std::to_string(blocks) + ", expected " +
                         std::to_string(c.blocks)).c_str());
    return;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                                benchmark::Counter::kIsRate);
  state.counters["blocks"] = static_cast<double>(blocks);
}

int Register() {
  for (const Case& c : kCases)
    benchmark::RegisterBenchmark(("ReadDocx/" + fs::path(c.path).stem().string()).c_str(),
                                 BM_ReadDocx, c)
        ->Unit(benchmark::kMicrosecond);
  return 0;
}
const int kRegistered = Register();

}  // namespace
