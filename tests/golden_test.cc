// Golden tests: every corpus/**/NAME.ext with a NAME.expected.json beside it
// is a test. The JSON is extracted with source.path relative to the source
// root (as tools/bless writes it) and compared; a failure prints the JSON
// paths that differ. Every expected file must also validate against the schema.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "referat/extract.h"
#include "referat/validate.h"
#include "test_util.h"

namespace referat {
namespace {
namespace fs = std::filesystem;
using referat::testing::ReadFile;
using referat::testing::SourceDir;

struct Case {
  std::string input;     // relative to the source dir
  std::string expected;  // relative to the source dir
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.input; }

std::vector<Case> FindCases() {
  std::vector<Case> cases;
  const std::string suffix = ".expected.json";
  // A missing corpus/ gives no cases (and GoldenCorpus.HasCases fails) rather
  // than an exception during test discovery, whose message names no file.
  std::error_code ec;
  fs::recursive_directory_iterator it(SourceDir() / "corpus", ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& e = *it;
    std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name.size() <= suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    std::string stem = name.substr(0, name.size() - suffix.size());
    for (const auto& s : fs::directory_iterator(e.path().parent_path())) {
      std::string sname = s.path().filename().string();
      if (sname != name && s.path().stem().string() == stem && sname.rfind(stem + ".", 0) == 0) {
        cases.push_back({fs::relative(s.path(), SourceDir()).string(),
                         fs::relative(e.path(), SourceDir()).string()});
      }
    }
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.input < b.input; });
  return cases;
}

// Lists the JSON pointers where `a` and `b` differ (at most `limit`).
void Diff(const nlohmann::json& a, const nlohmann::json& b, const std::string& at,
          std::vector<std::string>* out, size_t limit = 40) {
  if (out->size() >= limit) return;
  if (a.type() != b.type()) {
    out->push_back(at + ": expected " + a.dump() + ", got " + b.dump());
    return;
  }
  if (a.is_object()) {
    for (auto it = a.begin(); it != a.end(); ++it) {
      if (!b.contains(it.key())) out->push_back(at + "/" + it.key() + ": missing");
      else Diff(it.value(), b[it.key()], at + "/" + it.key(), out, limit);
    }
    for (auto it = b.begin(); it != b.end(); ++it)
      if (!a.contains(it.key())) out->push_back(at + "/" + it.key() + ": unexpected " + it.value().dump());
  } else if (a.is_array()) {
    if (a.size() != b.size())
      out->push_back(at + ": expected " + std::to_string(a.size()) + " elements, got " +
                     std::to_string(b.size()));
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
      Diff(a[i], b[i], at + "/" + std::to_string(i), out, limit);
  } else if (a != b) {
    std::string ea = a.dump(), eb = b.dump();
    if (ea.size() > 200) ea = ea.substr(0, 200) + "...";
    if (eb.size() > 200) eb = eb.substr(0, 200) + "...";
    out->push_back(at + ": expected " + ea + ", got " + eb);
  }
}

class Golden : public ::testing::TestWithParam<Case> {};

TEST_P(Golden, MatchesExpected) {
  const Case& c = GetParam();
  fs::current_path(SourceDir());
  auto r = ExtractFile(c.input, ExtractOptions{});
  ASSERT_TRUE(r.ok()) << c.input << ": " << r.status().ToString();
  std::string got = ToJson(*r);
  std::string want = ReadFile(SourceDir() / c.expected);
  auto jg = nlohmann::json::parse(got);
  auto jw = nlohmann::json::parse(want);
  std::vector<std::string> diffs;
  Diff(jw, jg, "", &diffs);
  EXPECT_TRUE(diffs.empty()) << c.input << " differs from " << c.expected
                             << " (run tools/bless to accept on purpose):\n  "
                             << ::testing::PrintToString(diffs);
  EXPECT_EQ(got + "\n", want) << "bytes differ (formatting)";
}

TEST_P(Golden, ExpectedValidatesAgainstSchema) {
  auto problems = ValidateDocumentJson(ReadFile(SourceDir() / GetParam().expected));
  EXPECT_TRUE(problems.empty()) << ::testing::PrintToString(problems);
}

TEST_P(Golden, Deterministic) {
  fs::current_path(SourceDir());
  ExtractOptions o;
  o.with_text = true;
  auto a = ExtractFile(GetParam().input, o);
  auto b = ExtractFile(GetParam().input, o);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(ToJson(*a), ToJson(*b));
}

// ToJson writes the top level piece by piece (emit/json.cc); the bytes must be
// exactly nlohmann's own layout of the same object, pretty and compact.
void ExpectCanonical(const std::string& got, bool pretty) {
  auto j = nlohmann::ordered_json::parse(got);
  EXPECT_EQ(got, j.dump(pretty ? 2 : -1)) << (pretty ? "pretty" : "compact");
}

TEST_P(Golden, LayoutIsCanonical) {
  fs::current_path(SourceDir());
  ExtractOptions o;
  o.with_text = true;
  auto r = ExtractFile(GetParam().input, o);
  ASSERT_TRUE(r.ok());
  ExpectCanonical(ToJson(*r, true), true);
  ExpectCanonical(ToJson(*r, false), false);
}

TEST(JsonLayout, EmptyRecordIsCanonical) {
  Record r;
  ExpectCanonical(ToJson(r, true), true);
  ExpectCanonical(ToJson(r, false), false);
}

TEST_P(Golden, SpansSliceTheText) {
  // Every span in the output must lie within text.content and start and end
  // on UTF-8 character boundaries.
  fs::current_path(SourceDir());
  ExtractOptions o;
  o.with_text = true;
  auto r = ExtractFile(GetParam().input, o);
  ASSERT_TRUE(r.ok());
  auto j = nlohmann::json::parse(ToJson(*r));
  const std::string text = j["text"]["content"];
  std::function<void(const nlohmann::json&, const std::string&)> walk =
      [&](const nlohmann::json& v, const std::string& at) {
        if (v.is_object()) {
          if (v.contains("start") && v.contains("end") && v.contains("page") && v.size() == 3) {
            size_t s = v["start"], e = v["end"];
            EXPECT_LE(s, e) << at;
            EXPECT_LE(e, text.size()) << at;
            auto boundary = [&](size_t i) {
              return i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
            };
            EXPECT_TRUE(boundary(s) && boundary(e)) << at;
            return;
          }
          for (auto it = v.begin(); it != v.end(); ++it) walk(it.value(), at + "/" + it.key());
        } else if (v.is_array()) {
          for (size_t i = 0; i < v.size(); ++i) walk(v[i], at + "/" + std::to_string(i));
        }
      };
  walk(j, "");
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  std::string n = info.param.input;
  for (auto& ch : n)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Corpus, Golden, ::testing::ValuesIn(FindCases()), CaseName);

// Zero golden cases means corpus/ moved or its expected files were renamed,
// not that everything passed: the suite must fail then. (Without a case the
// parameterized suite above is uninstantiated, which GoogleTest also reports
// as a failing test; this one names the folder it searched.)
TEST(GoldenCorpus, HasCases) {
  EXPECT_FALSE(FindCases().empty())
      << "no NAME.expected.json with an input beside it under " << (SourceDir() / "corpus");
}

}  // namespace
}  // namespace referat
