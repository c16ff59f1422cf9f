// The text pipeline stage by stage on the seeds (corpus/seeds/*.txt): the
// reader (text or Markdown, as sniffed), sentence segmentation, the structure pass (agenda items), JSON
// emission, and the whole Extract(). Each benchmark checks a count the stage
// gives today (blocks, sentences, items, JSON bytes), so a faster wrong answer
// fails (SkipWithError) instead of looking good. Bytes/s are of the input.
// ReadHtml does the same for the HTML reader on corpus/formats/*.html.
//
//   build/bench/pipeline_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analyze/minutes.h"
#include "read/reader.h"
#include "referat/extract.h"
#include "rules/rulebook.h"
#include "segment/segmenter.h"
#include "bench_util.h"

namespace {
namespace fs = std::filesystem;

using referat::bench::Slurp;

// What each stage gives today; a change here is a change to review.
struct Case {
  const char* name;  // corpus/seeds/<name>.txt
  size_t blocks;
  size_t sentences;
  size_t items;
  size_t json_bytes;  // one-line JSON
};

const Case kCases[] = {
    {"000_ceeb01207f6c7132", 26, 33, 1, 11410},
    {"001_915c6acca0debb9d", 370, 489, 11, 106313},
    {"003_e736c8e4e10a2309", 128, 259, 0, 38877},
    {"004_70c404be14eab3ab", 19, 25, 1, 9736},
};

std::string Bytes(const Case& c) {
  return Slurp(fs::path(REFERAT_SOURCE_DIR) / "corpus" / "seeds" / (std::string(c.name) + ".txt"));
}

// Fails the benchmark when `got` differs from `want`.
bool Check(benchmark::State& state, const char* what, size_t got, size_t want) {
  if (got == want) return true;
  state.SkipWithError((std::string(what) + " " + std::to_string(got) + ", expected " +
                       std::to_string(want))
                          .c_str());
  return false;
}

void Finish(benchmark::State& state, size_t bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

// Reads `bytes` (any format) once per iteration; checks the block count.
void ReadLoop(benchmark::State& state, const std::string& bytes, size_t want_blocks) {
  referat::ExtractOptions options;
  size_t blocks = 0;
  for (auto _ : state) {
    auto doc = referat::ReadDocument(bytes, options);
    if (!doc.ok()) return state.SkipWithError(doc.status().ToString().c_str());
    blocks = doc->blocks.size();
    benchmark::DoNotOptimize(doc->text.data());
  }
  if (Check(state, "blocks", blocks, want_blocks)) Finish(state, bytes.size());
}

void BM_Read(benchmark::State& state, Case c) { ReadLoop(state, Bytes(c), c.blocks); }

void BM_Segment(benchmark::State& state, Case c) {
  const std::string bytes = Bytes(c);
  auto doc = referat::ReadDocument(bytes, referat::ExtractOptions{});
  if (!doc.ok()) return state.SkipWithError(doc.status().ToString().c_str());
  size_t sentences = 0;
  for (auto _ : state) {
    referat::Segmentation seg = referat::Segment(*doc);
    sentences = seg.sentences.size();
    benchmark::DoNotOptimize(seg.sentences.data());
  }
  if (Check(state, "sentences", sentences, c.sentences)) Finish(state, bytes.size());
}

void BM_Structure(benchmark::State& state, Case c) {
  const std::string bytes = Bytes(c);
  auto doc = referat::ReadDocument(bytes, referat::ExtractOptions{});
  if (!doc.ok()) return state.SkipWithError(doc.status().ToString().c_str());
  const referat::Segmentation seg = referat::Segment(*doc);
  size_t items = 0;
  for (auto _ : state) {
    referat::Record rec;  // what Extract() fills in before the structure pass
    rec.source.format = doc->format;
    rec.source.title = doc->title;
    rec.source.created = doc->created;
    referat::ExtractStructure(*doc, seg, referat::Rules(), &rec);
    items = rec.agenda_items.size();
    benchmark::DoNotOptimize(rec.agenda_items.data());
  }
  if (Check(state, "items", items, c.items)) Finish(state, bytes.size());
}

void BM_ToJson(benchmark::State& state, Case c) {
  const std::string bytes = Bytes(c);
  auto rec = referat::Extract(referat::Input{c.name, bytes}, referat::ExtractOptions{});
  if (!rec.ok()) return state.SkipWithError(rec.status().ToString().c_str());
  size_t json_bytes = 0;
  for (auto _ : state) {
    std::string json = referat::ToJson(*rec, false);
    json_bytes = json.size();
    benchmark::DoNotOptimize(json.data());
  }
  if (Check(state, "JSON bytes", json_bytes, c.json_bytes)) Finish(state, bytes.size());
}

void BM_Extract(benchmark::State& state, Case c) {
  const std::string bytes = Bytes(c);
  size_t items = 0;
  for (auto _ : state) {
    auto rec = referat::Extract(referat::Input{c.name, bytes}, referat::ExtractOptions{});
    if (!rec.ok()) return state.SkipWithError(rec.status().ToString().c_str());
    std::string json = referat::ToJson(*rec, false);
    items = rec->agenda_items.size();
    benchmark::DoNotOptimize(json.data());
  }
  if (Check(state, "items", items, c.items)) Finish(state, bytes.size());
}

// The HTML reader on the seeds converted to HTML (corpus/formats/*.html).
struct HtmlCase {
  const char* name;  // corpus/formats/<name>.html
  size_t blocks;
};
const HtmlCase kHtmlCases[] = {
    {"000_ceeb01207f6c7132", 26},
    {"001_915c6acca0debb9d", 370},
    {"003_e736c8e4e10a2309", 128},
};

void BM_ReadHtml(benchmark::State& state, HtmlCase c) {
  ReadLoop(state,
           Slurp(fs::path(REFERAT_SOURCE_DIR) / "corpus" / "formats" / (std::string(c.name) + ".html")),
           c.blocks);
}

int Register() {
  for (const HtmlCase& c : kHtmlCases)
    benchmark::RegisterBenchmark(("ReadHtml/" + std::string(c.name)).c_str(), BM_ReadHtml, c)
        ->Unit(benchmark::kMicrosecond);
  for (const Case& c : kCases) {
    std::string n = c.name;
    benchmark::RegisterBenchmark(("Read/" + n).c_str(), BM_Read, c)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("Segment/" + n).c_str(), BM_Segment, c)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("Structure/" + n).c_str(), BM_Structure, c)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("ToJson/" + n).c_str(), BM_ToJson, c)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("Extract/" + n).c_str(), BM_Extract, c)
        ->Unit(benchmark::kMicrosecond);
  }
  return 0;
}
const int kRegistered = Register();

}  // namespace
