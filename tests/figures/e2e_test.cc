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

// Climate and health plans' goals in the forms DK2020 klimaplaner and
// health policies write them, on real excerpts: a modal, the subject, then
// the direction with its level ("Samtidig skal antallet af daglige rygere
// reduceres fra nu 18,5 procent til 13 procent", JydskeVestkysten on
// Sønderborg Kommune, jv.dk/soenderborg/...roegfrie-i-2030, 2019); the level
// after "ned på" and the level "i dag" as the baseline (JydskeVestkysten on
// Haderslev Kommune, jv.dk/haderslev/Hadersleverne-ryger-mere-end-andre,
// 2019); "Målet for <place> er, at højst ..." (hjerteforeningen.dk,
// roegfriarbejdstid 2017); emissions in tonnes of CO2 and two years after
// "mellem" as a period (Greve Klima-, Teknik- og Miljøudvalget 2024:
// "et CO2 potentiale på mellem 20 til 60 tons CO2"; "Klimahandlingsplanen
// ... med 1000 t CO2", Greve Byrådet 2024).
TEST(FiguresEndToEnd, PlanGoalsAndEmissions) {
  const std::string text =
      "Sundhed og klima\n\n"
      "Samtidig skal antallet af daglige rygere reduceres fra nu 18,5 procent til 13 procent.\n\n"
      "Målet er ambitiøst: Andelen af daglige rygere, der i dag er på 21,7 procent skal i 2030 ned på fem "
      "procent.\n\n"
      "Målet for Randers er, at højst 5 % af de voksne borgere ryger dagligt.\n\n"
      "Klimahandlingsplanen indfrier aftaleområderne med 1000 t CO2. Udledningen skal falde med 250 kt "
      "CO2e. Vi vil reducere CO2-udledningen med 70 % i 2030 i forhold til 1990.\n\n"
      "Dog er der en forskel mellem 2028 og 2029.\n";
  auto r = Extract(Input{"plan.txt", text}, ExtractOptions{});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto target = [&](const std::string& start) -> const Target* {
    for (const auto& t : r->targets)
      if (t.text.rfind(start, 0) == 0) return &t;
    return nullptr;
  };
  const Target* smokers = target("Samtidig skal antallet");
  ASSERT_NE(smokers, nullptr);
  EXPECT_EQ(smokers->value, 13);
  ASSERT_TRUE(smokers->baseline);
  EXPECT_EQ(smokers->baseline->value, 18.5);
  EXPECT_EQ(smokers->metric, "antallet af daglige rygere");
  const Target* haderslev = target("Målet er ambitiøst");
  ASSERT_NE(haderslev, nullptr);
  EXPECT_EQ(haderslev->value, 5);
  EXPECT_EQ(haderslev->deadline, "2030-12-31");
  ASSERT_TRUE(haderslev->baseline);
  EXPECT_EQ(haderslev->baseline->value, 21.7);
  EXPECT_FALSE(haderslev->baseline->date);
  const Target* randers = target("Målet for Randers");
  ASSERT_NE(randers, nullptr);
  EXPECT_EQ(randers->value, 5);
  EXPECT_EQ(randers->unit, "%");
  // The sentence ends after "CO2e." (no abbreviation glued to a number).
  const Target* fall = target("Udledningen skal falde");
  ASSERT_NE(fall, nullptr);
  EXPECT_EQ(fall->text, "Udledningen skal falde med 250 kt CO2e.");
  EXPECT_EQ(fall->value, 250000);
  EXPECT_EQ(fall->unit, "t CO2e");
  const Target* we = target("Vi vil");
  ASSERT_NE(we, nullptr);
  EXPECT_EQ(we->value, 70);
  EXPECT_EQ(we->deadline, "2030-12-31");
  EXPECT_EQ(we->metric, "CO2-udledningen");
  ASSERT_TRUE(we->baseline);
  EXPECT_EQ(we->baseline->date, "1990-01-01");
  const Figure* t = Find(*r, "1000 t CO2");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->unit, "t CO2");
  const Figure* years = Find(*r, "2028 og 2029");
  ASSERT_NE(years, nullptr);
  EXPECT_EQ(years->type, "period");
  EXPECT_EQ(years->date_end, "2029-12-31");
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
