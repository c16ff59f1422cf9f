// The figure and target examples (tests/corpus/figures/*.jsonl,
// tests/corpus/targets/*.jsonl; format in tests/corpus/README.md), run by one
// data-driven test each, Duckling style: every example is read as a plain
// text document, segmented, and run through ExtractFigures; the figures (or
// targets) it gives must be exactly the expected ones. An empty list is a
// negative example: nothing may come out. Recall per file is printed.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "figures/figures.h"
#include "read/reader.h"
#include "rules/rulebook.h"
#include "segment/segmenter.h"
#include "test_util.h"

namespace referat {
namespace {

using nlohmann::json;

struct Example {
  std::string file;
  int line = 0;
  json j;
};

std::vector<std::filesystem::path> Files(const std::string& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() / dir))
    if (e.path().extension() == ".jsonl") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Lines that are blank or start with '#' are comments.
std::vector<Example> Load(const std::filesystem::path& p) {
  std::vector<Example> out;
  std::ifstream in(p);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    size_t a = line.find_first_not_of(" \t");
    if (a == std::string::npos || line[a] == '#') continue;
    Example ex;
    ex.file = p.filename().string();
    ex.line = n;
    try {
      ex.j = json::parse(line);
    } catch (const std::exception& e) {
      ADD_FAILURE() << ex.file << ":" << n << ": bad JSON: " << e.what();
      continue;
    }
    out.push_back(std::move(ex));
  }
  return out;
}

// Runs the figure pass over one example's text.
Result<Record> RunExample(const json& j) {
  std::string text = j.at("text").get<std::string>();
  auto doc = ReadText(text, j.value("markdown", false), ExtractOptions{});
  if (!doc.ok()) return doc.status();
  Segmentation seg = Segment(*doc);
  Record rec;
  if (j.contains("meeting_date")) {
    rec.meeting = Meeting{};
    rec.meeting->date = j["meeting_date"].get<std::string>();
  }
  ExtractFigures(*doc, seg, Rules(), &rec);
  return rec;
}

bool SameNumber(const json& e, const std::optional<double>& got) {
  if (e.is_null()) return !got;
  if (!got) return false;
  double x = e.get<double>();
  return std::fabs(x - *got) <= 1e-6 * std::max(1.0, std::fabs(x));
}
bool SameString(const json& e, const std::optional<std::string>& got) {
  if (e.is_null()) return !got;
  return got && e.get<std::string>() == *got;
}

json FigureJson(const Figure& f) {
  auto num = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  auto str = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
  return json{{"type", f.type},        {"text", f.text},
              {"value", num(f.value)}, {"min", num(f.min)},
              {"max", num(f.max)},     {"unit", str(f.unit)},
              {"date", str(f.date)},   {"date_end", str(f.date_end)}};
}

json TargetJson(const Target& t) {
  auto num = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  auto str = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
  json b = nullptr;
  if (t.baseline)
    b = json{{"value", num(t.baseline->value)},
             {"unit", str(t.baseline->unit)},
             {"date", str(t.baseline->date)}};
  return json{{"text", t.text},
              {"metric", str(t.metric)},
              {"direction", str(t.direction)},
              {"value", num(t.value)},
              {"unit", str(t.unit)},
              {"placeholder", t.placeholder},
              {"deadline", str(t.deadline)},
              {"baseline", b}};
}

// Checks the fields the expected object names; returns what differs.
std::string FigureDiff(const json& e, const Figure& f) {
  std::string d;
  for (const char* k : {"value", "min", "max"}) {
    if (!e.contains(k)) continue;
    const auto& got = std::string(k) == "value" ? f.value : std::string(k) == "min" ? f.min : f.max;
    if (!SameNumber(e[k], got)) d += std::string(" ") + k;
  }
  if (e.contains("unit") && !SameString(e["unit"], f.unit)) d += " unit";
  if (e.contains("date") && !SameString(e["date"], f.date)) d += " date";
  if (e.contains("date_end") && !SameString(e["date_end"], f.date_end)) d += " date_end";
  return d;
}

std::string TargetDiff(const json& e, const Target& t) {
  std::string d;
  if (e.contains("text") && e["text"].get<std::string>() != t.text) d += " text";
  if (e.contains("metric") && !SameString(e["metric"], t.metric)) d += " metric";
  if (e.contains("direction") && !SameString(e["direction"], t.direction)) d += " direction";
  if (e.contains("value") && !SameNumber(e["value"], t.value)) d += " value";
  if (e.contains("unit") && !SameString(e["unit"], t.unit)) d += " unit";
  if (e.contains("placeholder") && e["placeholder"].get<bool>() != t.placeholder)
    d += " placeholder";
  if (e.contains("deadline") && !SameString(e["deadline"], t.deadline)) d += " deadline";
  if (e.contains("baseline")) {
    const json& b = e["baseline"];
    if (b.is_null() != !t.baseline) {
      d += " baseline";
    } else if (!b.is_null()) {
      if (b.contains("value") && !SameNumber(b["value"], t.baseline->value)) d += " baseline.value";
      if (b.contains("unit") && !SameString(b["unit"], t.baseline->unit)) d += " baseline.unit";
      if (b.contains("date") && !SameString(b["date"], t.baseline->date)) d += " baseline.date";
    }
  }
  return d;
}

struct Stats {
  std::string file;
  int examples = 0, passed = 0, xfail = 0, xpass = 0;
  int expected = 0, found = 0, extra = 0;
};

void PrintStats(const char* what, const std::vector<Stats>& all) {
  std::printf("\n%-28s %8s %8s %8s %8s %8s %6s\n", what, "examples", "passed", "expected", "found",
              "recall", "extra");
  Stats total;
  for (const auto& s : all) {
    double recall = s.expected ? 100.0 * s.found / s.expected : 100.0;
    std::printf("%-28s %8d %8d %8d %8d %7.1f%% %6d", s.file.c_str(), s.examples, s.passed,
                s.expected, s.found, recall, s.extra);
    if (s.xfail) std::printf("  (%d known failures)", s.xfail);
    if (s.xpass) std::printf("  (%d xfail now pass)", s.xpass);
    std::printf("\n");
    total.examples += s.examples;
    total.passed += s.passed;
    total.expected += s.expected;
    total.found += s.found;
    total.extra += s.extra;
  }
  std::printf("%-28s %8d %8d %8d %8d %7.1f%% %6d\n\n", "total", total.examples, total.passed,
              total.expected, total.found,
              total.expected ? 100.0 * total.found / total.expected : 100.0, total.extra);
}

// An example that fails is a test failure unless it carries "xfail": "why";
// an xfail example that passes is a failure too, so that it loses the mark.
void Judge(const Example& ex, bool ok, const std::string& report, Stats* st) {
  bool xfail = ex.j.contains("xfail");
  if (ok) {
    ++st->passed;
    if (xfail) {
      ++st->xpass;
      ADD_FAILURE() << ex.file << ":" << ex.line << ": marked xfail but passes: drop the \"xfail\"";
    }
    return;
  }
  if (xfail) {
    ++st->xfail;
    return;
  }
  ADD_FAILURE() << ex.file << ":" << ex.line << ": " << report;
}

TEST(FiguresCorpus, AllExamples) {
  std::vector<Stats> all;
  for (const auto& path : Files("tests/corpus/figures")) {
    Stats st;
    st.file = path.filename().string();
    for (const auto& ex : Load(path)) {
      ++st.examples;
      auto rec = RunExample(ex.j);
      if (!rec.ok()) {
        ADD_FAILURE() << ex.file << ":" << ex.line << ": " << rec.status().ToString();
        continue;
      }
      const json& expected = ex.j.at("figures");
      std::vector<bool> used(rec->figures.size(), false);
      std::string report;
      bool ok = true;
      for (const auto& e : expected) {
        ++st.expected;
        bool hit = false;
        std::string near;
        for (size_t k = 0; k < rec->figures.size() && !hit; ++k) {
          const Figure& f = rec->figures[k];
          if (used[k] || f.text != e.at("text").get<std::string>() ||
              f.type != e.at("type").get<std::string>())
            continue;
          std::string d = FigureDiff(e, f);
          if (d.empty()) {
            used[k] = hit = true;
          } else {
            near = d;
          }
        }
        if (hit) {
          ++st.found;
        } else {
          ok = false;
          report += "\n  missing " + e.dump() + (near.empty() ? "" : " (differs in" + near + ")");
        }
      }
      for (size_t k = 0; k < rec->figures.size(); ++k) {
        if (used[k]) continue;
        ++st.extra;
        ok = false;
        report += "\n  unexpected " + FigureJson(rec->figures[k]).dump();
      }
      Judge(ex, ok, "\"" + ex.j["text"].get<std::string>() + "\"" + report, &st);
    }
    all.push_back(st);
  }
  PrintStats("figures corpus", all);
  ASSERT_FALSE(all.empty());
  int examples = 0;
  for (const auto& s : all) examples += s.examples;
  EXPECT_GE(examples, 300) << "the figure corpus should keep at least 300 examples";
}

TEST(TargetsCorpus, AllExamples) {
  std::vector<Stats> all;
  for (const auto& path : Files("tests/corpus/targets")) {
    Stats st;
    st.file = path.filename().string();
    for (const auto& ex : Load(path)) {
      ++st.examples;
      auto rec = RunExample(ex.j);
      if (!rec.ok()) {
        ADD_FAILURE() << ex.file << ":" << ex.line << ": " << rec.status().ToString();
        continue;
      }
      const json& expected = ex.j.at("targets");
      std::string report;
      bool ok = true;
      std::vector<bool> used(rec->targets.size(), false);
      for (size_t i = 0; i < expected.size(); ++i) {
        const json& e = expected[i];
        ++st.expected;
        // By text when given, else by position.
        long k = -1;
        if (e.contains("text")) {
          for (size_t q = 0; q < rec->targets.size(); ++q)
            if (!used[q] && rec->targets[q].text == e["text"].get<std::string>()) k = q;
        } else if (i < rec->targets.size()) {
          k = static_cast<long>(i);
        }
        std::string d = k < 0 ? " (no such target)" : TargetDiff(e, rec->targets[k]);
        if (d.empty()) {
          used[k] = true;
          ++st.found;
        } else {
          ok = false;
          report += "\n  expected " + e.dump() + "\n  differs in" + d;
          if (k >= 0) {
            used[k] = true;
            report += "\n  got " + TargetJson(rec->targets[k]).dump();
          }
        }
      }
      for (size_t q = 0; q < rec->targets.size(); ++q) {
        if (used[q]) continue;
        ++st.extra;
        ok = false;
        report += "\n  unexpected " + TargetJson(rec->targets[q]).dump();
      }
      Judge(ex, ok, "\"" + ex.j["text"].get<std::string>() + "\"" + report, &st);
    }
    all.push_back(st);
  }
  PrintStats("targets corpus", all);
  ASSERT_FALSE(all.empty());
}

}  // namespace
}  // namespace referat
