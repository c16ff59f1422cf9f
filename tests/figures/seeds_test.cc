// Acceptance tests of the figure pass on the seeds (issue 3), independent of
// the structure extractor: the seed is read with ReadDocument and Segment,
// and the Record's meeting date and agenda items are filled in by hand (an
// item runs from its "Punkt N." line to the next one).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "figures/figures.h"
#include "referat/extract.h"
#include "rules/rulebook.h"
#include "segment/segmenter.h"
#include "test_util.h"

namespace referat {
namespace {

struct Seed {
  Document doc;
  Record rec;
};

std::filesystem::path SeedPath(const std::string& prefix) {
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() / "corpus/seeds"))
    if (e.path().filename().string().rfind(prefix + "_", 0) == 0 && e.path().extension() == ".txt")
      return e.path();
  return {};
}

Seed Load(const std::string& prefix, const char* meeting_date) {
  Seed s;
  auto path = SeedPath(prefix);
  EXPECT_FALSE(path.empty()) << "no seed " << prefix;
  auto doc = ReadDocument(testing::ReadFile(path), ExtractOptions{});
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  if (!doc.ok()) return s;
  s.doc = std::move(*doc);
  if (meeting_date) {
    s.rec.meeting = Meeting{};
    s.rec.meeting->date = meeting_date;
  }
  static const std::regex kPunkt(R"(Punkt (\d+)\.)");
  for (const auto& b : s.doc.blocks) {
    std::string t(s.doc.BlockText(b));
    std::smatch m;
    if (!std::regex_match(t, m, kPunkt)) continue;
    if (!s.rec.agenda_items.empty()) s.rec.agenda_items.back().span.end = b.start;
    AgendaItem it;
    it.number = m[1];
    it.span = Span{b.start, s.doc.text.size(), 0};
    s.rec.agenda_items.push_back(it);
  }
  Segmentation seg = Segment(s.doc);
  ExtractFigures(s.doc, seg, Rules(), &s.rec);
  return s;
}

const Figure* Find(const Record& r, const std::string& text, const std::string& item = "") {
  for (const auto& f : r.figures)
    if (f.text == text && (item.empty() || f.item == item)) return &f;
  return nullptr;
}

TEST(Seed001Figures, Item8Amounts) {
  Seed s = Load("001", "2017-10-24");
  struct Want {
    const char* text;
    double value;
  };
  for (Want w : {Want{"59,8 mio. kr.", 59800000}, Want{"3.000.000 kr.", 3000000},
                 Want{"2.925.000 kr.", 2925000}, Want{"5.925.000 kr.", 5925000},
                 Want{"13.000 kr.", 13000}, Want{"4.525.902 kr.", 4525902}}) {
    const Figure* f = Find(s.rec, w.text, "8");
    ASSERT_NE(f, nullptr) << w.text;
    EXPECT_EQ(f->type, "amount") << w.text;
    ASSERT_TRUE(f->value) << w.text;
    EXPECT_DOUBLE_EQ(*f->value, w.value) << w.text;
    EXPECT_EQ(f->unit, "DKK") << w.text;
    // The span slices the text, and the sentence holds it.
    EXPECT_EQ(s.doc.text.substr(f->span.start, f->span.end - f->span.start), w.text);
    EXPECT_NE(f->sentence.find(w.text), std::string::npos);
  }
}

TEST(Seed001Figures, Item8PeriodAndDuration) {
  Seed s = Load("001", "2017-10-24");
  const Figure* p = Find(s.rec, "1. januar 2018 – 31. marts 2020", "8");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->type, "period");
  EXPECT_EQ(p->date, "2018-01-01");
  EXPECT_EQ(p->date_end, "2020-03-31");
  const Figure* d = Find(s.rec, "27 måneder", "8");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->type, "duration");
  EXPECT_EQ(d->value, 27);
  EXPECT_EQ(d->unit, "months");
  const Figure* c = Find(s.rec, "225 deltagere", "8");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->type, "count");
  EXPECT_EQ(c->unit, "deltagere");
}

TEST(Seed001Figures, Item5Counts) {
  Seed s = Load("001", "2017-10-24");
  const Figure* a = Find(s.rec, "2.669", "5");
  const Figure* b = Find(s.rec, "2.273", "5");
  const Figure* p = Find(s.rec, "14,8 %", "5");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(a->type, "count");
  EXPECT_EQ(a->value, 2669);
  EXPECT_EQ(b->value, 2273);
  EXPECT_EQ(p->type, "percent");
  EXPECT_EQ(p->value, 14.8);
  EXPECT_EQ(p->unit, "%");
}

TEST(Seed001Figures, NoCaseOrItemNumbers) {
  Seed s = Load("001", "2017-10-24");
  for (const auto& f : s.rec.figures) {
    EXPECT_EQ(f.text.find("2017-047330"), std::string::npos);
    EXPECT_EQ(f.text.find("2015-053487"), std::string::npos);
    // "Punkt 8." gives no figure; TOC item and page columns neither.
    EXPECT_FALSE(f.type == "count" && !f.unit && f.sentence.rfind("Punkt ", 0) == 0) << f.text;
  }
  // Year-less dates take the meeting's year.
  const Figure* d = Find(s.rec, "27. oktober", "4");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->date, "2017-10-27");
}

TEST(Seed003Figures, RangeAndNoAxisValues) {
  Seed s = Load("003", nullptr);
  const Figure* r = Find(s.rec, "mellem 9-29 procentpoint");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->type, "percentage_points");
  EXPECT_EQ(r->min, 9);
  EXPECT_EQ(r->max, 29);
  EXPECT_EQ(r->unit, "pp");
  // Every percentage in seed 003 is chart-axis residue.
  for (const auto& f : s.rec.figures)
    EXPECT_NE(f.type, "percent") << f.text << " in " << f.sentence;
}

TEST(Seed000Targets, FourPlaceholders) {
  Seed s = Load("000", "2017-10-24");
  int placeholders = 0, deadlines = 0;
  for (const auto& t : s.rec.targets) {
    if (!t.placeholder) continue;
    ++placeholders;
    EXPECT_EQ(t.unit, "%");
    EXPECT_EQ(t.item, "5");
    EXPECT_FALSE(t.value);
    if (t.deadline) {
      EXPECT_EQ(*t.deadline, "2018-12-31");
      ++deadlines;
    }
  }
  EXPECT_EQ(placeholders, 4);
  EXPECT_EQ(deadlines, 2);
  const Target* first = nullptr;
  for (const auto& t : s.rec.targets)
    if (t.text.rfind("Andelen af borgere tilknyttet", 0) == 0) first = &t;
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->direction, "increase");
  EXPECT_EQ(
      first->metric,
      "Andelen af borgere tilknyttet Jobcenter Integration der udsendes til job og uddannelse");
}

TEST(Seed001Targets, Item8SuccessCriteria) {
  Seed s = Load("001", "2017-10-24");
  const Target* a = nullptr;
  const Target* b = nullptr;
  for (const auto& t : s.rec.targets) {
    if (t.text == "50% af deltagergruppen påbegynder uddannelse") a = &t;
    if (t.text == "25 % fastholder uddannelse i 6 måneder eller mere") b = &t;
  }
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(a->value, 50);
  EXPECT_EQ(a->unit, "%");
  EXPECT_EQ(a->item, "8");
  EXPECT_EQ(a->direction, "reach");
  EXPECT_FALSE(a->placeholder);
  EXPECT_EQ(b->value, 25);
  EXPECT_EQ(b->unit, "%");
  // The four placeholder targets of item 5 are in the whole minutes too.
  int placeholders = 0;
  for (const auto& t : s.rec.targets) placeholders += t.placeholder && t.item == "5";
  EXPECT_EQ(placeholders, 4);
}

TEST(Seed003Targets, ThreeMaalsaetninger) {
  Seed s = Load("003", nullptr);
  int n = 0;
  for (const auto& t : s.rec.targets) {
    if (t.text.rfind("MÅLSÆTNING ", 0) != 0) continue;
    ++n;
    ASSERT_TRUE(t.metric);
    EXPECT_EQ(t.metric->rfind("Andel ", 0), 0u) << *t.metric;
    ASSERT_TRUE(t.baseline) << t.text;
    EXPECT_TRUE(t.baseline->date) << t.text;
  }
  EXPECT_EQ(n, 3);
}

}  // namespace
}  // namespace referat
