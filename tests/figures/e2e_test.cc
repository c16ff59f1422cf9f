// End to end through referat::ExtractFile: the figure pass after the
// structure extractor, so that `item` comes from the real agenda items and
// year-less dates from the real meeting date.
#include <gtest/gtest.h>

#include <vector>

#include "referat/extract.h"
#include "test_util.h"

namespace referat {
namespace {

std::string SeedFile(const std::string& prefix) {
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() / "corpus/seeds"))
    if (e.path().filename().string().rfind(prefix + "_", 0) == 0 && e.path().extension() == ".txt")
      return e.path().string();
  return "";
}

const Figure* Find(const Record& r, const std::string& text) {
  for (const auto& f : r.figures)
    if (f.text == text) return &f;
  return nullptr;
}

TEST(FiguresEndToEnd, Seed001ItemNumbers) {
  auto r = ExtractFile(SeedFile("001"), ExtractOptions{});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Figure* a = Find(*r, "59,8 mio. kr.");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->item, "8");
  const Figure* p = Find(*r, "14,8 %");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->item, "5");
  const Figure* d = Find(*r, "27. oktober");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->date, "2017-10-27");
  int placeholders = 0;
  for (const auto& t : r->targets) placeholders += t.placeholder && t.item == "5";
  EXPECT_EQ(placeholders, 4);
  for (const auto& t : r->targets)
    if (t.text == "50% af deltagergruppen påbegynder uddannelse") EXPECT_EQ(t.item, "8");
}

// Every figure's span slices its verbatim text, on every seed.
TEST(FiguresEndToEnd, SpansSliceTheText) {
  ExtractOptions opt;
  opt.with_text = true;
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    auto r = ExtractFile(SeedFile(seed), opt);
    ASSERT_TRUE(r.ok()) << seed << ": " << r.status().ToString();
    ASSERT_TRUE(r->text_content);
    const std::string& text = *r->text_content;
    for (const auto& f : r->figures) {
      ASSERT_LE(f.span.end, text.size());
      EXPECT_EQ(text.substr(f.span.start, f.span.end - f.span.start), f.text) << seed;
      EXPECT_NE(f.sentence.find(f.text), std::string::npos) << seed << ": " << f.text;
    }
    for (const auto& t : r->targets)
      EXPECT_EQ(text.substr(t.span.start, t.span.end - t.span.start), t.text) << seed;
  }
}

// The real documents of ../shared/corpus/real (checked by eye; skipped when
// the folder is absent).
std::filesystem::path RealPath(const std::string& name) {
  return testing::SharedDir() / "corpus/real" / name;
}

#define REAL_OR_SKIP(var, name)                                                       \
  if (!std::filesystem::exists(RealPath(name))) GTEST_SKIP() << "absent: " << (name); \
  auto var = ExtractFile(RealPath(name).string(), ExtractOptions{});                  \
  ASSERT_TRUE(var.ok()) << var.status().ToString()

// The Ballerup notat's budget table: every row's amount and the total, none
// of the header's case, document or phone numbers.
TEST(FiguresRealDocuments, BallerupBudgetTable) {
  REAL_OR_SKIP(r, "ballerup_bilag_prioritering-af-midler-til-kronikerindsatser.pdf");
  // The table's amount column: each cell its own sentence; the last is "I alt".
  std::vector<double> column;
  for (const auto& f : r->figures) {
    EXPECT_EQ(f.text.find("2012-21786"), std::string::npos);
    EXPECT_EQ(f.text.find("44773549"), std::string::npos);
    if (f.type == "amount" && f.sentence == f.text) column.push_back(*f.value);
  }
  ASSERT_EQ(column.size(), 10u);
  EXPECT_EQ(column.back(), 2890000);
  double sum = 0;
  for (size_t k = 0; k + 1 < column.size(); ++k) sum += column[k];
  EXPECT_DOUBLE_EQ(sum, column.back());  // the rows add up to the total
  const Figure* year = Find(*r, "2,59 mio. kr.");
  ASSERT_NE(year, nullptr);
  EXPECT_EQ(year->value, 2590000);
  const Figure* date = Find(*r, "4.december 2012");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->date, "2012-12-04");
}

// The KL report: amounts in prose, no chart-axis labels, footnote marks or
// rate bases as figures.
TEST(FiguresRealDocuments, KlReport) {
  REAL_OR_SKIP(r, "KL_rapport_det-naere-sundhedsvaesen_2012.pdf");
  for (const char* text : {"ca. 24 mia. kr.", "ca. 2 \xC2\xBC mia. kr.", "9 sygeplejersker",
                           "mellem 8 og 12 pct.", "2007-2010"})
    EXPECT_NE(Find(*r, text), nullptr) << text;
  for (const auto& f : r->figures) {
    EXPECT_FALSE(f.type == "count" && !f.unit && f.value && *f.value == 0 && f.sentence.size() < 40)
        << "axis label: " << f.sentence;
    EXPECT_NE(f.text, "17+");
    EXPECT_FALSE(f.type == "count" && f.text == "1.000" &&
                 f.sentence.find("pr. 1.000") != std::string::npos)
        << f.sentence;
  }
  // "over 85 år1." is 85 years, not a count of 85.
  bool years85 = false;
  for (const auto& f : r->figures) {
    EXPECT_FALSE(f.type == "count" && f.text == "85") << f.sentence;
    years85 = years85 || (f.type == "duration" && f.text == "85 år");
  }
  EXPECT_TRUE(years85);
}

// Syddjurs's note on the theme meeting (DOCX): the goals under
// "Målfastsættelse:" are targets; the bold "• Tidskapsel" after them heads
// the next section and ends their list.
TEST(FiguresRealDocuments, SyddjursThemeMeetingGoals) {
  REAL_OR_SKIP(r, "syddjurs_bilag_opsamlingsnotat-temamoede-2012-09-20.docx");
  bool contacts = false;
  for (const auto& t : r->targets) {
    EXPECT_NE(t.text, "Tidskapsel");
    if (t.text.find("minimum 100 nye kontakter") != std::string::npos) {
      contacts = true;
      EXPECT_EQ(t.value, 100);
    }
  }
  EXPECT_TRUE(contacts);
  EXPECT_EQ(r->targets.size(), 11u);
}

// The Ballerup quality standards: deadlines in days, legal dates written d/m yy,
// grades that are no counts, and the "Resultat mål" targets.
TEST(FiguresRealDocuments, BallerupQualityStandards) {
  REAL_OR_SKIP(r, "ballerup_bilag_kvalitetsstandarder-stof-og-alkoholbehandling-2013.pdf");
  const Figure* d = Find(*r, "17/6 06");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->date, "2006-06-17");
  const Figure* rent = Find(*r, "kr. 2.100,-");
  ASSERT_NE(rent, nullptr);
  EXPECT_EQ(rent->value, 2100);
  for (const auto& f : r->figures) EXPECT_NE(f.unit.value_or(""), "kl") << f.sentence;
  int fourteen_days = 0;
  for (const auto& t : r->targets) fourteen_days += t.value && *t.value == 14 && t.unit == "days";
  EXPECT_GE(fourteen_days, 4);
}

}  // namespace
}  // namespace referat
