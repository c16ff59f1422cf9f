// The store: ingest of 1000 generated minutes (seed 001 with its date and a
// number varied) at 1 and 2 extraction threads, and search latency (median
// and p95) over the result. Each checks its answer: every document stored,
// every query finding hits.
//
//   store_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "referat/store.h"

namespace fs = std::filesystem;

namespace {

constexpr int kDocuments = 1000;

const fs::path& WorkDir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("referat_store_bench_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d / "docs");
    // Removed when the process ends.
    static struct RemoveAtExit {
      fs::path dir;
      ~RemoveAtExit() {
        std::error_code ec;
        fs::remove_all(dir, ec);
      }
    } cleanup{d};
    return d;
  }();
  return dir;
}

const std::vector<std::string>& Documents() {
  static const std::vector<std::string> paths = [] {
    std::ifstream in(fs::path(REFERAT_SOURCE_DIR) / "corpus/seeds/001_915c6acca0debb9d.txt",
                     std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string seed = ss.str();
    std::vector<std::string> out;
    for (int i = 0; i < kDocuments; ++i) {
      std::string text = seed;
      char date[16];
      std::snprintf(date, sizeof date, "%02d.%02d.%d", i % 28 + 1, i % 12 + 1, 2000 + i % 25);
      for (size_t at; (at = text.find("24.10.2017")) != std::string::npos;)
        text.replace(at, 10, date);
      text += "\nMødenummer " + std::to_string(1000 + i) + ".\n";
      fs::path p = WorkDir() / "docs" / ("m" + std::to_string(i) + ".txt");
      std::ofstream(p, std::ios::binary) << text;
      out.push_back(p.string());
    }
    return out;
  }();
  return paths;
}

fs::path DbPath(int jobs) { return WorkDir() / ("bench" + std::to_string(jobs) + ".db"); }

void BM_Ingest(benchmark::State& state) {
  const int jobs = static_cast<int>(state.range(0));
  const auto& paths = Documents();
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(DbPath(jobs).string() + suffix);
    state.ResumeTiming();
    auto store = referat::Store::Open(DbPath(jobs).string(), {.create_if_missing = true});
    if (!store.ok()) {
      state.SkipWithError(store.status().ToString().c_str());
      return;
    }
    referat::IngestOptions opts;
    opts.jobs = jobs;
    auto stats = (*store)->Ingest(paths, opts);
    if (!stats.ok() || stats->extracted != paths.size()) {
      state.SkipWithError("not every document was stored");
      return;
    }
  }
  state.counters["docs_per_s"] =
      benchmark::Counter(static_cast<double>(paths.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Ingest)->Arg(1)->Arg(2)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

// Latency of single searches (each opening nothing: one open store), over
// the database BM_Ingest/1 built. Median and p95 over all runs of the mix.
void BM_Search(benchmark::State& state) {
  auto store = referat::Store::Open(DbPath(1).string());
  if (!store.ok()) {
    state.SkipWithError("run BM_Ingest/1 first (it builds the database)");
    return;
  }
  struct Case {
    const char* text;
    std::optional<std::string> from, absent, decision;
  };
  const std::vector<Case> mix = {
      {"integrationsområde", {}, {}, {}},
      {"beskæftigelse", "2015", {}, {}},
      {"\"job og uddannelse\"", {}, {}, {}},
      {"godkend*", {}, "Mariann Nørgaard", {}},
      {"flygtninge OR integration", "2010", {}, {}},
      {"", "2020", {}, "approved"},
  };
  std::vector<double> ms;
  for (auto _ : state) {
    for (const Case& c : mix) {
      referat::SearchQuery q;
      q.text = c.text;
      q.from = c.from;
      q.absent = c.absent;
      q.decision = c.decision;
      auto t0 = std::chrono::steady_clock::now();
      auto hits = (*store)->Search(q);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                       .count());
      if (!hits.ok() || (hits->empty() && std::string(c.text) == "integrationsområde")) {
        state.SkipWithError("a search failed or found nothing");
        return;
      }
    }
  }
  std::sort(ms.begin(), ms.end());
  state.counters["queries"] = static_cast<double>(ms.size());
  state.counters["median_ms"] = ms[ms.size() / 2];
  state.counters["p95_ms"] = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
}
BENCHMARK(BM_Search)->Iterations(50)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
