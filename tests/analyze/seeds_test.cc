// Acceptance tests on the seed documents (corpus/seeds/), read as the
// pipeline reads them (format sniffed from the bytes).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "analyze_test_util.h"

namespace referat {
namespace {

using testing::SourceDir;

Record Seed(const std::string& prefix) {
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() / "corpus/seeds")) {
    std::string name = e.path().filename().string();
    if (name.rfind(prefix + "_", 0) == 0 && e.path().extension() == ".txt") {
      auto r = testing::StructureOfFile(e.path());
      EXPECT_TRUE(r.ok()) << r.status().ToString();
      return r.ok() ? std::move(r).value() : Record{};
    }
  }
  ADD_FAILURE() << "seed " << prefix << " not found";
  return Record{};
}

const AgendaItem* Item(const Record& r, const std::string& number) {
  for (const auto& it : r.agenda_items)
    if (it.number == number) return &it;
  return nullptr;
}

std::string Slice(const std::string& text, const Span& s) { return text.substr(s.start, s.end - s.start); }

bool HasWarning(const Record& r, const std::string& code) {
  for (const auto& w : r.warnings)
    if (w.code == code) return true;
  return false;
}

TEST(Seed001, MeetingHeader) {
  Record r = Seed("001");
  EXPECT_EQ(Name(r.kind), "minutes");
  ASSERT_TRUE(r.meeting);
  const Meeting& m = *r.meeting;
  EXPECT_EQ(m.document_type, "referat");
  EXPECT_EQ(m.council, "Aalborg Byråd");
  EXPECT_EQ(m.municipality, "Aalborg Kommune");
  EXPECT_EQ(m.body, "Beskæftigelsesudvalget");
  EXPECT_EQ(m.date, "2017-10-24");
  EXPECT_EQ(m.start_time, "12:15");
  EXPECT_EQ(m.end_time, "15:15");
  EXPECT_EQ(m.location, "Flamingostuen, Aalborg Kongres og Kulturcenter");
  EXPECT_TRUE(m.span);
  EXPECT_FALSE(r.report);
}

TEST(Seed001, Attendance) {
  Record r = Seed("001");
  ASSERT_TRUE(r.attendance);
  const Attendance& a = *r.attendance;
  EXPECT_EQ(a.present, (std::vector<std::string>{"Lasse Frimand Jensen", "Anna Kirsten Olesen",
                                                 "John Gregers Nielsen", "Anne Honoré Østergaard",
                                                 "Mai-Britt Iversen", "Per Clausen"}));
  EXPECT_EQ(a.absent, std::vector<std::string>{"Mariann Nørgaard"});
  std::vector<std::pair<std::string, std::optional<std::string>>> others;
  for (const auto& o : a.others) {
    others.emplace_back(o.name, o.role);
    ASSERT_TRUE(o.span);
  }
  using P = std::pair<std::string, std::optional<std::string>>;
  EXPECT_EQ(others, (std::vector<P>{{"Arne Lund Kristensen", std::nullopt},
                                    {"Arne Bilgram", std::nullopt},
                                    {"Jesper Dahlgård", std::nullopt},
                                    {"Birgitte Welling", "ref."},
                                    {"Jette Frederiksen", "leder"},
                                    {"Bente Kloster", "konsulent"}}));
}

TEST(Seed001, TableOfContents) {
  Record r = Seed("001");
  ASSERT_EQ(r.toc.size(), 13u);
  std::vector<std::string> numbers;
  for (const auto& e : r.toc) numbers.push_back(e.number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "13",
                                               "11", "12"}));
  for (const auto& e : r.toc) {
    bool closed = e.number == "11" || e.number == "12";
    EXPECT_EQ(e.public_, !closed) << e.number;
    EXPECT_EQ(e.page.has_value(), !closed) << e.number;
  }
  EXPECT_EQ(r.toc[0].title, "Godkendelse af dagsorden");
  EXPECT_EQ(r.toc[0].page, 1);
  EXPECT_EQ(r.toc[10].page, 31);
  EXPECT_FALSE(HasWarning(r, "toc_item_missing"));
}

TEST(Seed001, ItemsNumbersTitlesCaseNumbers) {
  Record r = Seed("001");
  std::vector<std::string> numbers;
  for (const auto& it : r.agenda_items) numbers.push_back(it.number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "13"}));
  const std::map<std::string, std::optional<std::string>> cases = {
      {"1", std::nullopt},   {"2", "2017-015357"}, {"3", "2016-073445"}, {"4", "2017-024393"},
      {"5", "2017-047330"},  {"6", "2017-047418"}, {"7", "2015-053487"}, {"8", "2017-033577"},
      {"9", std::nullopt},   {"10", std::nullopt}, {"13", std::nullopt}};
  for (const auto& it : r.agenda_items) {
    EXPECT_EQ(it.case_number, cases.at(it.number)) << it.number;
    EXPECT_EQ(it.public_, true) << it.number;
    EXPECT_FALSE(it.title.empty());
  }
  EXPECT_EQ(Item(r, "5")->title, "Orientering om Samarbejde med Marselisborg på Integrationsområdet");
  EXPECT_EQ(Item(r, "9")->title, "Orientering fra rådmænd og direktør");
}

TEST(Seed001, Decisions) {
  Record r = Seed("001");
  const std::map<std::string, std::string> cats = {
      {"1", "approved"}, {"2", "approved"}, {"3", "approved"}, {"4", "approved_with_changes"},
      {"5", "noted"},    {"6", "discussed"}, {"7", "noted"},   {"8", "approved"},
      {"9", "noted"},    {"10", "none"},     {"13", "approved"}};
  for (const auto& it : r.agenda_items) {
    ASSERT_TRUE(it.decision) << it.number;
    EXPECT_EQ(Name(it.decision->category), cats.at(it.number)) << it.number << ": " << it.decision->text;
  }
  EXPECT_EQ(Item(r, "1")->decision->text, "Godkendt.");
  EXPECT_EQ(Item(r, "2")->decision->text,
            "Godkendt mhp. oversendelse til behandling i Magistraten den 06.11.17 og i byrådet den "
            "13.11.17.");
  EXPECT_EQ(Item(r, "7")->decision->text, "Til orientering.");
  EXPECT_EQ(Item(r, "10")->decision->text, "Intet.");
  EXPECT_EQ(Item(r, "6")->decision->text,
            "Drøftet, og med flere anbefalinger i forhold til at modtage de nye udvalg.");
  EXPECT_FALSE(HasWarning(r, "unknown_decision_phrase"));
}

TEST(Seed001, ReferralsAbsenteesAttachments) {
  Record r = Seed("001");
  const AgendaItem* two = Item(r, "2");
  ASSERT_EQ(two->referrals.size(), 2u);
  EXPECT_EQ(two->referrals[0].body, "Magistraten");
  EXPECT_EQ(two->referrals[0].date, "2017-11-06");
  EXPECT_EQ(two->referrals[1].body, "Byrådet");
  EXPECT_EQ(two->referrals[1].date, "2017-11-13");
  for (const auto& it : r.agenda_items) {
    if (it.number == "10") EXPECT_TRUE(it.absent.empty());
    else EXPECT_EQ(it.absent, std::vector<std::string>{"Mariann Nørgaard"}) << it.number;
  }
  const AgendaItem* seven = Item(r, "7");
  ASSERT_EQ(seven->attachments.size(), 3u);
  EXPECT_EQ(seven->attachments[0].title, "Bilag 2 - Analysens resultater.docx");
  EXPECT_EQ(seven->attachments[2].title,
            "opfølgende analyse af visitationen af uddannelsesparate unge, BSU 24_10 2017.pptx");
  EXPECT_EQ(Item(r, "2")->attachments.size(), 1u);
  EXPECT_EQ(Item(r, "4")->attachments.size(), 2u);
  EXPECT_TRUE(Item(r, "1")->attachments.empty());
}

TEST(Seed001, RecommendationsAndSections) {
  Record r = Seed("001");
  const AgendaItem* two = Item(r, "2");
  ASSERT_TRUE(two->recommendation);
  EXPECT_EQ(two->recommendation->by, "Familie- og Beskæftigelsesforvaltningen");
  EXPECT_EQ(two->recommendation->clauses,
            std::vector<std::string>{
                "at Beskæftigelsesudvalget godkender Økonomirapporteringen pr. 30. september 2017."});
  const AgendaItem* four = Item(r, "4");
  ASSERT_TRUE(four->recommendation);
  EXPECT_EQ(four->recommendation->clauses.size(), 6u);
  EXPECT_EQ(four->recommendation->clauses[0].rfind("At Beskæftigelsesudvalget tager høringssvar", 0), 0u);
  EXPECT_FALSE(Item(r, "1")->recommendation);

  std::vector<std::optional<std::string>> headings;
  for (const auto& s : two->sections) headings.push_back(s.heading);
  EXPECT_EQ(headings, (std::vector<std::optional<std::string>>{std::nullopt, "Beslutning",
                                                               "Sagsbeskrivelse", "Bilag"}));
  EXPECT_EQ(two->sections[2].text.rfind("Økonomirapporteringen pr. 30. september afgives", 0), 0u);
}

TEST(Seed001, EverySpanSlicesItsEvidence) {
  // The seed itself: find 001 explicitly.
  std::filesystem::path p;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() / "corpus/seeds"))
    if (e.path().filename().string().rfind("001_", 0) == 0) p = e.path();
  auto d = testing::ReadAny(testing::ReadFile(p));
  ASSERT_TRUE(d.ok());
  Record r = testing::Structure(*d);
  const std::string& text = d->text;
  for (const auto& it : r.agenda_items) {
    EXPECT_LE(it.span.end, text.size());
    std::string s = Slice(text, it.span);
    EXPECT_NE(s.find(it.number), std::string::npos);
    if (it.decision) EXPECT_NE(Slice(text, it.decision->span).find(it.decision->text.substr(0, 8)), std::string::npos);
    if (it.case_number) EXPECT_NE(s.find(*it.case_number), std::string::npos);
    for (const auto& a : it.attachments) EXPECT_EQ(Slice(text, *a.span), a.title);
    for (const auto& ref : it.referrals) EXPECT_EQ(Slice(text, *ref.span).rfind(ref.body.substr(1), 1), 1u);
  }
  for (const auto& o : r.attendance->others) EXPECT_NE(Slice(text, *o.span).find(o.name), std::string::npos);
}

TEST(SeedExcerpts, SingleItemsWithoutHeader) {
  struct Want {
    std::string seed, number, case_number;
    std::vector<std::string> absent;
  };
  const std::vector<Want> wants = {
      {"000", "5", "2017-047330", {"Mariann Nørgaard"}},
      {"002", "6", "2014-003316", {"Mariann Nørgaard", "Daniel Nyboe Andersen"}},
      {"004", "10", "2014-44679", {"Mariann Nørgaard", "Daniel Nyboe Andersen"}},
  };
  for (const auto& w : wants) {
    Record r = Seed(w.seed);
    EXPECT_EQ(Name(r.kind), "agenda_item") << w.seed;
    EXPECT_FALSE(r.meeting) << w.seed;
    ASSERT_EQ(r.agenda_items.size(), 1u) << w.seed;
    const AgendaItem& it = r.agenda_items[0];
    EXPECT_EQ(it.number, w.number);
    EXPECT_EQ(it.case_number, w.case_number);
    EXPECT_EQ(it.absent, w.absent) << w.seed;
    ASSERT_TRUE(it.decision);
    EXPECT_EQ(Name(it.decision->category), "noted") << w.seed;
    EXPECT_EQ(it.public_, std::nullopt);
    ASSERT_FALSE(it.sections.empty());
    EXPECT_FALSE(it.sections[0].heading);  // the text before the first heading
  }
  EXPECT_EQ(Seed("002").agenda_items[0].title,
            "Orientering: Ny strategi for Jobcenter Aalborgs virksomhedsvendte indsats");
}

TEST(Seed003, IsAReportWithoutItems) {
  Record r = Seed("003");
  EXPECT_EQ(Name(r.kind), "report");
  EXPECT_TRUE(r.agenda_items.empty());
  EXPECT_FALSE(r.meeting);
  ASSERT_TRUE(r.report);
  EXPECT_EQ(r.report->title, "I MÅL MED INTEGRATION ÅRSRAPPORT");
}

// A report in plain text has no markup to say what a heading is: a short
// line standing alone with running text under it is one (modelled on the
// Syddjurs policy for culture and leisure of 2009 as pdftotext gives it),
// numbered ones at the depth of their number; a list of titles, a label and
// a line inside a paragraph are not.
TEST(PlainTextReport, HeadingsFromLinesAlone) {
  auto r = testing::StructureOfBytes(
      "Politik\nfor\nKultur og Fritid Lokalt engagement.\nGodkendt af byrådet, Syddjurs Kommune den 30. april 2009\n"
      "\fForord\nKultur giver puls og liv og bidrager til, at et område er et godt sted at arbejde, bo og leve.\n"
      "Det gælder både den kultur, som udspiller sig helt lokalt i de enkelte mindre bysamfund og\n"
      "som tiltrækker gæster og publikum udenfor kommunen.\n\n"
      "1. Mål for kulturen\nKommunen vil styrke de lokale kulturhuse og give foreningerne bedre rammer i hele kommunen.\n"
      "1.1 Musik og teater\nMusikskolen skal nå flere børn, og teatret skal spille i alle dele af kommunen hvert år.\n"
      "Foreningerne\nForeningerne er kommunens rygrad i fritidslivet og får mere tilskud fra næste år.\n"
      "Ansvar:\nKultur og Fritid har ansvaret for at følge op på politikken hvert andet år.\n"
      "Esbjerg Kommunes beskæftigelsesindsats for flygtninge og familiesammenførte\n\n"
      "Status på mål i beskæftigelsesplan 2017 til 2020\n");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(Name(r->kind), "report");
  ASSERT_TRUE(r->report);
  EXPECT_EQ(r->report->title.value_or("-"), "Politik for Kultur og Fritid Lokalt engagement.");
  std::vector<std::string> got;
  for (const auto& s : r->report->sections) got.push_back(std::to_string(s.level) + " " + s.heading);
  EXPECT_EQ(got, (std::vector<std::string>{"1 Forord", "1 1. Mål for kulturen", "2 1.1 Musik og teater",
                                           "1 Foreningerne"}));
}

// The same meeting with Markdown markup (as a portal's Markdown export
// writes it) must give the same structure as the plain text.
TEST(FormatBlind, MarkdownAndPlainTextAgree) {
  std::filesystem::path p;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() / "corpus/seeds"))
    if (e.path().filename().string().rfind("001_", 0) == 0) p = e.path();
  std::string plain = testing::ReadFile(p);
  // Strip the seed's own Markdown residue for the plain version; mark
  // headings and item lines for the Markdown version.
  std::string txt, md;
  size_t pos = 0;
  while (pos < plain.size()) {
    size_t nl = plain.find('\n', pos);
    if (nl == std::string::npos) nl = plain.size();
    std::string line = plain.substr(pos, nl - pos);
    pos = nl + 1;
    std::string bare;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '*' && (i + 1 < line.size() && line[i + 1] == '*')) {
        ++i;
        continue;
      }
      bare.push_back(line[i]);
    }
    txt += bare + "\n";
    if (bare == "Sagsbeskrivelse" || bare == "Bilag:") md += "## " + bare + "\n";
    else if (bare.rfind("Punkt ", 0) == 0) md += "**" + bare + "**\n";
    else if (bare == "Beslutning:") md += "*" + bare + "*\n";
    else md += bare + "\n";
  }
  auto a = testing::StructureOfBytes(txt);
  auto b = testing::StructureOfBytes(md);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->agenda_items.size(), b->agenda_items.size());
  EXPECT_EQ(a->kind, b->kind);
  for (size_t i = 0; i < a->agenda_items.size(); ++i) {
    const auto &x = a->agenda_items[i], &y = b->agenda_items[i];
    EXPECT_EQ(x.number, y.number);
    EXPECT_EQ(x.title, y.title);
    EXPECT_EQ(x.case_number, y.case_number);
    EXPECT_EQ(x.absent, y.absent);
    EXPECT_EQ(x.attachments.size(), y.attachments.size());
    ASSERT_EQ(x.decision.has_value(), y.decision.has_value());
    if (x.decision) {
      EXPECT_EQ(x.decision->text, y.decision->text);
      EXPECT_EQ(x.decision->category, y.decision->category);
    }
    EXPECT_EQ(x.sections.size(), y.sections.size()) << x.number;
  }
  EXPECT_EQ(a->meeting->date, b->meeting->date);
  EXPECT_EQ(a->attendance->present, b->attendance->present);
}

}  // namespace
}  // namespace referat
