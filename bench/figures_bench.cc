// The figure pass (ExtractFigures: figures[] and targets[]) over the seed
// texts (corpus/seeds/*.txt), all seeds at once, and the KL report
// (../shared/corpus/real, 108 pages) as a long document. Reading and
// segmenting happen once, outside the timed loop; each iteration runs the
// pass into a fresh Record. Each run checks the figure and target counts, so
// a faster wrong answer fails (SkipWithError) instead of looking good.
//
//   build/bench/figures_bench --benchmark_counters_tabular=true
//
// Measured (Release, 2 shared cores under load ~5, median of 3, CPU time):
// all five seeds (80 KB, 291 figures, 15 targets) 2.9 ms, 28 MB/s, 100k
// figures/s; seed 001 (40 KB) 1.3 ms; the KL report (261 KB of text, 511
// figures) 7.9 ms, 33 MB/s. The profile is flat: tokenizing and word
// look-ups, then ICU's RBNF parse of spelled-out numbers.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "figures/figures.h"
#include "referat/extract.h"
#include "rules/rulebook.h"
#include "segment/segmenter.h"
#include "bench_util.h"

namespace {
namespace fs = std::filesystem;

using referat::bench::Slurp;

struct Case {
  const char* name;
  std::vector<const char*> paths;  // relative to the source dir, or to shared/ when `shared`
  bool shared;
  const char* meeting_date;  // resolves year-less dates, as the pipeline would; may be null
  size_t figures;            // the counts the pass gives today; a change is a change to review
  size_t targets;
  bool approximate = false;  // figures within 5 %, targets within 2
};

const Case kCases[] = {
    {"seed000", {"corpus/seeds/000_ceeb01207f6c7132.txt"}, false, "2017-10-24", 9, 5},
    {"seed001", {"corpus/seeds/001_915c6acca0debb9d.txt"}, false, "2017-10-24", 152, 7},
    {"seed002", {"corpus/seeds/002_b44ae0ca33a94f06.txt"}, false, nullptr, 10, 0},
    {"seed003", {"corpus/seeds/003_e736c8e4e10a2309.txt"}, false, nullptr, 109, 3},
    {"seed004", {"corpus/seeds/004_70c404be14eab3ab.txt"}, false, nullptr, 11, 0},
    {"all_seeds",
     {"corpus/seeds/000_ceeb01207f6c7132.txt", "corpus/seeds/001_915c6acca0debb9d.txt",
      "corpus/seeds/002_b44ae0ca33a94f06.txt", "corpus/seeds/003_e736c8e4e10a2309.txt",
      "corpus/seeds/004_70c404be14eab3ab.txt"},
     false,
     nullptr,
     291,
     15},
    // The PDF reader's layout still moves (chart labels, wrapped lines), so the
    // report's counts are checked to within 5 %.
    {"KL_report",
     {"corpus/real/KL_rapport_det-naere-sundhedsvaesen_2012.pdf"},
     true,
     nullptr,
     511,
     6,
     true},
};

struct Input {
  referat::Document doc;
  referat::Segmentation seg;
};

void BM_FigurePass(benchmark::State& state, const Case& c) {
  fs::path root = fs::path(REFERAT_SOURCE_DIR);
  std::vector<Input> inputs;
  size_t bytes = 0;
  for (const char* rel : c.paths) {
    fs::path p = c.shared ? root.parent_path() / "shared" / rel : root / rel;
    if (!fs::exists(p)) {
      state.SkipWithError(("missing " + p.string()).c_str());
      return;
    }
    auto doc = referat::ReadDocument(Slurp(p), referat::ExtractOptions{});
    if (!doc.ok()) {
      state.SkipWithError(doc.status().ToString().c_str());
      return;
    }
    Input in;
    in.doc = std::move(*doc);
    in.seg = referat::Segment(in.doc);
    bytes += in.doc.text.size();
    inputs.push_back(std::move(in));
  }
  const referat::Rulebook& rules = referat::Rules();
  size_t figures = 0, targets = 0;
  for (auto _ : state) {
    figures = targets = 0;
    for (const Input& in : inputs) {
      referat::Record rec;
      if (c.meeting_date) {
        rec.meeting = referat::Meeting{};
        rec.meeting->date = c.meeting_date;
      }
      referat::ExtractFigures(in.doc, in.seg, rules, &rec);
      figures += rec.figures.size();
      targets += rec.targets.size();
      benchmark::DoNotOptimize(rec.figures.data());
    }
  }
  auto off = [](size_t a, size_t b) { return a > b ? a - b : b - a; };
  bool ok = c.approximate
                ? off(figures, c.figures) * 20 <= c.figures && off(targets, c.targets) <= 2
                : figures == c.figures && targets == c.targets;
  if (!ok) {
    state.SkipWithError(("figures " + std::to_string(figures) + " (expected " +
                         std::to_string(c.figures) + "), targets " + std::to_string(targets) +
                         " (expected " + std::to_string(c.targets) + ")")
                            .c_str());
    return;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["figures"] = static_cast<double>(figures);
  state.counters["targets"] = static_cast<double>(targets);
  state.counters["figures/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * figures), benchmark::Counter::kIsRate);
}

int Register() {
  for (const Case& c : kCases) {
    benchmark::RegisterBenchmark(("FigurePass/" + std::string(c.name)).c_str(), BM_FigurePass, c)
        ->Unit(benchmark::kMicrosecond);
  }
  return 0;
}
const int kRegistered = Register();

}  // namespace
