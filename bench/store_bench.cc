// The store: ingest of 1000 generated minutes (seed 001 with its date and a
// number varied) at 1 and 2 extraction threads, and search latency (median
// and p95) over the result; and search latency over a store of 100,000
// agenda items (BM_Search100k: seed 001's record stored 10,000 times with
// its date, case numbers and one word per item varied, written with
// Store::Put, since extraction is not what it measures). Each checks its
// answer: every document stored, every query finding hits.
//
//   store_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "referat/extract.h"
#include "referat/store.h"

namespace fs = std::filesystem;

namespace {

constexpr int kDocuments = 1000;

// This thread's CPU time in ms: on a shared machine the wall time of a
// query also counts the time other processes held the cores.
double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double P95(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, v.size() * 95 / 100)];
}

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

// The 100,000-item store, built once per process (about a minute).
constexpr int kBigItems = 100000;

// REFERAT_BENCH_BIG_DB names where the store is kept: built there when
// missing, reused by the next run.
const fs::path& BigDb() {
  static const fs::path db = [] {
    const char* keep = std::getenv("REFERAT_BENCH_BIG_DB");
    if (keep && fs::exists(keep)) {
      // A writing open migrates a store kept from an older schema (the
      // search opens it read-only, which refuses one).
      auto migrate = referat::Store::Open(keep);
      return migrate.ok() ? fs::path(keep) : fs::path();
    }
    fs::path p = keep ? fs::path(keep) : WorkDir() / "big.db";
    referat::ExtractOptions eo;
    eo.with_text = true;
    auto seed = referat::ExtractFile(
        (fs::path(REFERAT_SOURCE_DIR) / "corpus/seeds/001_915c6acca0debb9d.txt").string(), eo);
    if (!seed.ok() || seed->agenda_items.empty()) return fs::path();
    const std::string text = *seed->text_content;
    seed->text_content.reset();
    auto store = referat::Store::Open(p.string(), {.create_if_missing = true});
    if (!store.ok()) return fs::path();
    const size_t per_doc = seed->agenda_items.size();
    static const char* kWords[] = {"skolereform", "klimaplan", "ældrepleje", "budgetforlig",
                                   "lokalplan",   "cykelsti",  "daginstitution", "affald"};
    for (size_t d = 0; d * per_doc < static_cast<size_t>(kBigItems); ++d) {
      referat::Record r = *seed;
      char sha[65];
      std::snprintf(sha, sizeof sha, "%064zx", d);
      r.source.sha256 = sha;
      r.source.path = "big/" + std::to_string(d) + ".txt";
      char date[16];
      std::snprintf(date, sizeof date, "%d-%02zu-%02zu", 2000 + static_cast<int>(d % 25),
                    d % 12 + 1, d % 28 + 1);
      r.meeting->date = date;
      for (size_t i = 0; i < r.agenda_items.size(); ++i) {
        auto& it = r.agenda_items[i];
        it.case_number = std::to_string(10 + d % 15) + "-" + std::to_string(100000 + d * 7 + i);
        it.title += " " + std::string(kWords[(d + i) % 8]);
        if (!it.sections.empty()) it.sections[0].text += " " + std::string(kWords[(d * 3 + i) % 8]);
      }
      if (!(*store)->Put(r, text).ok()) return fs::path();
    }
    return p;
  }();
  return db;
}

// Latency of single searches over 100,000 items: the same mix as BM_Search
// plus a word in a few percent of the items, a case filter and a body
// filter. The bar is p95 under 50 ms.
void BM_Search100k(benchmark::State& state) {
  const fs::path& db = BigDb();
  if (db.empty()) {
    state.SkipWithError("could not build the 100,000-item store");
    return;
  }
  auto store = referat::Store::Open(db.string(), {.read_only = true});
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return;
  }
  struct Case {
    const char* text;
    std::optional<std::string> from, absent, decision, case_number, body;
  };
  const std::vector<Case> mix = {
      {"integrationsområde", {}, {}, {}, {}, {}},
      {"beskæftigelse", "2015", {}, {}, {}, {}},
      {"\"job og uddannelse\"", {}, {}, {}, {}, {}},
      {"godkend*", {}, "Mariann Nørgaard", {}, {}, {}},
      {"flygtninge OR integration", "2010", {}, {}, {}, {}},
      {"", "2020", {}, "approved", {}, {}},
      {"klimaplan", {}, {}, {}, {}, {}},
      {"", {}, {}, {}, "12-100017", {}},
      {"skolereform", {}, {}, {}, {}, "Beskæftigelsesudvalget"},
  };
  // Each query twice: as `referat search` pages it (Search: the first 20
  // hits), and as `referat serve` does (Find: page 2 of 20 with the count
  // of every hit), the latter in the *_count_ms counters.
  std::vector<double> ms, counted_ms, cpu_ms, counted_cpu_ms;
  std::vector<double> worst(mix.size()), worst_counted(mix.size());
  std::vector<std::vector<double>> cpu_of(mix.size());  // per query, with and without count
  for (auto _ : state) {
    for (size_t k = 0; k < mix.size(); ++k) {
      const Case& c = mix[k];
      referat::SearchQuery q;
      q.text = c.text;
      q.from = c.from;
      q.absent = c.absent;
      q.decision = c.decision;
      q.case_number = c.case_number;
      q.body = c.body;
      auto t0 = std::chrono::steady_clock::now();
      double c0 = ThreadCpuMs();
      auto hits = (*store)->Search(q);
      cpu_ms.push_back(ThreadCpuMs() - c0);
      cpu_of[k].push_back(cpu_ms.back());
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                       .count());
      worst[k] = std::max(worst[k], ms.back());
      if (!hits.ok() || hits->empty()) {
        state.SkipWithError((std::string("no hits for ") + c.text).c_str());
        return;
      }
      q.count = true;
      q.offset = q.limit;
      t0 = std::chrono::steady_clock::now();
      c0 = ThreadCpuMs();
      auto page = (*store)->Find(q);
      counted_cpu_ms.push_back(ThreadCpuMs() - c0);
      cpu_of[k].push_back(counted_cpu_ms.back());
      counted_ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      worst_counted[k] = std::max(worst_counted[k], counted_ms.back());
      if (!page.ok() || page->total < static_cast<int64_t>(hits->size())) {
        state.SkipWithError((std::string("no count for ") + c.text).c_str());
        return;
      }
    }
  }
  std::sort(ms.begin(), ms.end());
  std::sort(counted_ms.begin(), counted_ms.end());
  for (size_t k = 0; k < mix.size(); ++k) {
    state.counters["max_ms_q" + std::to_string(k)] = worst[k];
    state.counters["max_count_ms_q" + std::to_string(k)] = worst_counted[k];
    std::sort(cpu_of[k].begin(), cpu_of[k].end());
    state.counters["cpu_ms_q" + std::to_string(k)] = cpu_of[k][cpu_of[k].size() / 2];
  }
  state.counters["items"] = kBigItems;
  state.counters["queries"] = static_cast<double>(ms.size());
  state.counters["median_ms"] = ms[ms.size() / 2];
  state.counters["p95_ms"] = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
  state.counters["median_count_ms"] = counted_ms[counted_ms.size() / 2];
  state.counters["p95_count_ms"] = counted_ms[std::min(counted_ms.size() - 1, counted_ms.size() * 95 / 100)];
  state.counters["p95_cpu_ms"] = P95(cpu_ms);
  state.counters["p95_count_cpu_ms"] = P95(counted_cpu_ms);
}
BENCHMARK(BM_Search100k)->Iterations(5)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
