// The structure extractors' fixed and per-document cost (issue 7).
//
//   AnalyzeLexicon         builds analyze::Lexicon from the rules: what every
//                          `referat extract` process pays once.
//   FiguresLexicon         builds the figure pass's word tables (ICU spellout).
//   StructureFirst/<doc>   the structure pass with a Lexicon that has not
//                          been used yet: the Lexicon, the patterns it
//                          compiles on first use and the pass, as in a
//                          process that extracts one file.
//   Structure/<doc>        the pass with the process's Lexicon (warm).
//
// The documents are the seeds and, when ../shared is there, real minutes and
// reports. Each benchmark checks what the pass finds today (agenda items,
// decisions, people present, table-of-contents lines), so a faster wrong
// answer fails instead of looking good.
//
//   build/bench/analyze_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "analyze/lexicon.h"
#include "analyze/minutes.h"
#include "figures/scanner.h"
#include "read/reader.h"
#include "referat/extract.h"
#include "rules/rulebook.h"
#include "segment/segmenter.h"
#include "bench_util.h"

namespace {
namespace fs = std::filesystem;

using referat::bench::Slurp;

// What the structure pass gives today; a change here is a change to review.
struct Case {
  const char* path;  // under the source dir, or "shared:" + under ../shared
  size_t items;
  size_t decisions;
  size_t present;
  size_t toc;
};

const Case kCases[] = {
    {"corpus/seeds/000_ceeb01207f6c7132.txt", 1, 1, 0, 0},
    {"corpus/seeds/001_915c6acca0debb9d.txt", 11, 11, 6, 13},
    {"corpus/seeds/002_b44ae0ca33a94f06.txt", 1, 1, 0, 0},
    {"corpus/seeds/003_e736c8e4e10a2309.txt", 0, 0, 0, 0},
    {"corpus/seeds/004_70c404be14eab3ab.txt", 1, 1, 0, 0},
    {"shared:corpus/real/syddjurs_puk_2013-06-20_referat.pdf", 1, 1, 5, 1},
    {"shared:corpus/real/glostrup_oekonomiudvalget_2025-11-19_truncated.docx", 4, 4, 7, 4},
    {"shared:corpus/real/KL_rapport_det-naere-sundhedsvaesen_2012.pdf", 0, 0, 0, 15},
};

fs::path PathOf(const Case& c) {
  std::string p = c.path;
  if (p.rfind("shared:", 0) == 0)
    return fs::path(REFERAT_SOURCE_DIR).parent_path() / "shared" / p.substr(7);
  return fs::path(REFERAT_SOURCE_DIR) / p;
}

std::string NameOf(const Case& c) { return PathOf(c).stem().string(); }

// A document read and segmented once, outside the timed loops.
struct Prepared {
  referat::Document doc;
  referat::Segmentation seg;
  size_t bytes = 0;
};

std::unique_ptr<Prepared> Prepare(benchmark::State& state, const Case& c) {
  const fs::path p = PathOf(c);
  if (!fs::exists(p)) {
    state.SkipWithError(("missing " + p.string()).c_str());
    return nullptr;
  }
  const std::string bytes = Slurp(p);
  auto doc = referat::ReadDocument(bytes, referat::ExtractOptions{});
  if (!doc.ok()) {
    state.SkipWithError(doc.status().ToString().c_str());
    return nullptr;
  }
  auto out = std::make_unique<Prepared>();
  out->doc = std::move(doc).value();
  out->seg = referat::Segment(out->doc);
  out->bytes = bytes.size();
  return out;
}

referat::Record Run(const Prepared& p, const referat::analyze::Lexicon& lex) {
  referat::Record rec;  // what Extract() fills in before the structure pass
  rec.source.format = p.doc.format;
  rec.source.title = p.doc.title;
  rec.source.created = p.doc.created;
  referat::ExtractStructure(p.doc, p.seg, lex, &rec);
  return rec;
}

// Fails the benchmark unless `rec` has what the pass finds today.
void Check(benchmark::State& state, const Case& c, const referat::Record& rec, size_t bytes) {
  size_t decisions = 0;
  for (const auto& it : rec.agenda_items) decisions += it.decision.has_value();
  const size_t present = rec.attendance ? rec.attendance->present.size() : 0;
  const size_t got[] = {rec.agenda_items.size(), decisions, present, rec.toc.size()};
  const size_t want[] = {c.items, c.decisions, c.present, c.toc};
  const char* what[] = {"items", "decisions", "present", "toc lines"};
  for (int k = 0; k < 4; ++k) {
    if (got[k] != want[k]) {
      state.SkipWithError((std::string(what[k]) + " " + std::to_string(got[k]) + ", expected " +
                           std::to_string(want[k]))
                              .c_str());
      return;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void BM_AnalyzeLexicon(benchmark::State& state) {
  const referat::Rulebook& rules = referat::Rules();
  for (auto _ : state) {
    referat::analyze::Lexicon lex(rules);
    benchmark::DoNotOptimize(&lex);
  }
}
BENCHMARK(BM_AnalyzeLexicon)->Unit(benchmark::kMicrosecond);

void BM_FiguresLexicon(benchmark::State& state) {
  // LexiconFor caches the table for Rules() only; a copy of the rules gets
  // a new table on every call.
  const referat::Rulebook rules = referat::Rulebook::FromTexts(referat::EmbeddedRuleTexts());
  size_t words = 0;
  for (auto _ : state) {
    auto lex = referat::figures::LexiconFor(rules);
    words = lex->number_words.size();
    benchmark::DoNotOptimize(lex.get());
  }
  if (words == 0) state.SkipWithError("no spelled-out numbers");
}
BENCHMARK(BM_FiguresLexicon)->Unit(benchmark::kMicrosecond);

void BM_StructureFirst(benchmark::State& state, Case c) {
  auto p = Prepare(state, c);
  if (!p) return;
  referat::Record rec;
  for (auto _ : state) {
    referat::analyze::Lexicon lex(referat::Rules());
    rec = Run(*p, lex);
    benchmark::DoNotOptimize(rec.agenda_items.data());
  }
  Check(state, c, rec, p->bytes);
}

void BM_Structure(benchmark::State& state, Case c) {
  auto p = Prepare(state, c);
  if (!p) return;
  const referat::analyze::Lexicon& lex = referat::analyze::Lexicon::For(referat::Rules());
  referat::Record rec;
  for (auto _ : state) {
    rec = Run(*p, lex);
    benchmark::DoNotOptimize(rec.agenda_items.data());
  }
  Check(state, c, rec, p->bytes);
}

int Register() {
  for (const Case& c : kCases) {
    const std::string n = NameOf(c);
    benchmark::RegisterBenchmark(("StructureFirst/" + n).c_str(), BM_StructureFirst, c)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("Structure/" + n).c_str(), BM_Structure, c)
        ->Unit(benchmark::kMicrosecond);
  }
  return 0;
}
const int kRegistered = Register();

}  // namespace
