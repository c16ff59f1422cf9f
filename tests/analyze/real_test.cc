// The extractors on real documents (../shared/corpus/real). Each test skips
// when the file is absent or its reader is not built yet.
#include <gtest/gtest.h>

#include <algorithm>

#include "analyze/lexicon.h"
#include "analyze/text_util.h"
#include "analyze_test_util.h"

namespace referat {
namespace {

namespace fs = std::filesystem;

// The structure of a real document, or nullopt (test skipped) when the file
// or its reader is missing.
std::optional<Record> Real(const std::string& name) {
  fs::path p = testing::SharedDir() / "corpus/real" / name;
  if (!fs::exists(p)) return std::nullopt;
  auto r = testing::StructureOfFile(p);
  if (!r.ok()) {
    if (r.status().code() == ErrorCode::kUnsupportedFormat) return std::nullopt;
    ADD_FAILURE() << name << ": " << r.status().ToString();
    return std::nullopt;
  }
  return std::move(r).value();
}

#define REAL_OR_SKIP(var, name)                               \
  auto var##_opt = Real(name);                                \
  if (!var##_opt) GTEST_SKIP() << name << " or its reader is not available"; \
  const Record& var = *var##_opt

void ExpectSyddjursPuk(const Record& r) {
  EXPECT_EQ(Name(r.kind), "minutes");
  ASSERT_TRUE(r.meeting);
  EXPECT_EQ(r.meeting->document_type, "referat");
  EXPECT_EQ(r.meeting->date, "2013-06-20");
  EXPECT_EQ(r.meeting->start_time, "10:30");
  EXPECT_EQ(r.meeting->body, "Udvalget for plan, udvikling og kultur (PUK)");
  ASSERT_EQ(r.agenda_items.size(), 1u);
  const AgendaItem& it = r.agenda_items[0];
  EXPECT_EQ(it.number, "715");
  EXPECT_EQ(it.title, "Kulturkommune 2017. Politiske fokusområder");
  EXPECT_EQ(it.case_number, "12/27845");
  ASSERT_TRUE(it.decision);
  // Three decisions are recorded; the one of this meeting (20-06-2013).
  EXPECT_EQ(it.decision->text.rfind("Punktet blev drøftet.", 0), 0u) << it.decision->text;
  EXPECT_EQ(Name(it.decision->category), "discussed");
  EXPECT_EQ(it.attachments.size(), 3u);
  ASSERT_TRUE(it.recommendation);
  EXPECT_EQ(it.recommendation->by, "Direktøren");
  ASSERT_TRUE(r.attendance);
  // Two columns of members: the order depends on the reading order.
  std::vector<std::string> present = r.attendance->present;
  std::sort(present.begin(), present.end());
  EXPECT_EQ(present, (std::vector<std::string>{"Jesper Mathiesen", "Niels Viderø", "Ole Bjerregaard",
                                               "Ole Bollesen", "Steen Fris"}));
  EXPECT_TRUE(r.attendance->absent.empty());
}

TEST(RealDocx, SyddjursPukMinutes) {
  REAL_OR_SKIP(r, "syddjurs_puk_2013-06-20_referat.docx");
  ExpectSyddjursPuk(r);
}

TEST(RealPdf, SyddjursPukMinutes) {
  REAL_OR_SKIP(r, "syddjurs_puk_2013-06-20_referat.pdf");
  ExpectSyddjursPuk(r);
}

TEST(RealPdf, CitizensLetterHasNoItems) {
  REAL_OR_SKIP(r, "aarhus_borgerbrev_havnens-perle_2025.pdf");
  EXPECT_EQ(Name(r.kind), "unknown");
  EXPECT_TRUE(r.agenda_items.empty());
  EXPECT_FALSE(r.meeting);
}

TEST(RealPdf, KlLetterHasNoItems) {
  REAL_OR_SKIP(r, "ballerup_kmb-it-udvalget_2013-05-15_bilag1_KL-brev.pdf");
  EXPECT_EQ(Name(r.kind), "unknown");
  EXPECT_TRUE(r.agenda_items.empty());
}

TEST(RealPdf, ReportsHaveNoItems) {
  for (const char* name : {"KL_rapport_det-naere-sundhedsvaesen_2012.pdf",
                           "syddjurs_politik-for-kultur-og-fritid_2009.pdf",
                           "ballerup_bilag_kvalitetsstandarder-stof-og-alkoholbehandling-2013.pdf",
                           "ballerup_bilag_prioritering-af-midler-til-kronikerindsatser.pdf"}) {
    auto r = Real(name);
    if (!r) continue;
    SCOPED_TRACE(name);
    EXPECT_EQ(Name(r->kind), "report");
    EXPECT_TRUE(r->agenda_items.empty());
    ASSERT_TRUE(r->report);
    EXPECT_TRUE(r->report->title);
  }
}

TEST(RealPdf, ReportCovers) {
  {
    REAL_OR_SKIP(r, "ballerup_bilag_kvalitetsstandarder-stof-og-alkoholbehandling-2013.pdf");
    ASSERT_TRUE(r.report);
    EXPECT_EQ(r.report->title, "Kvalitetsstandarder for behandling af stof- og alkoholmisbrug");
    EXPECT_EQ(r.report->organisation, "Ballerup Kommune");
    // "2013" alone on the cover under the title.
    ASSERT_TRUE(r.report->period);
    EXPECT_EQ(r.report->period->from, "2013-01-01");
    EXPECT_EQ(r.report->period->to, "2013-12-31");
  }
  {
    // The letterhead is a picture; the PDF's Info title "Notat - Ballerup
    // Kommune" names the author.
    REAL_OR_SKIP(r, "ballerup_bilag_prioritering-af-midler-til-kronikerindsatser.pdf");
    ASSERT_TRUE(r.report);
    EXPECT_EQ(r.report->title, "Prioritering af midler til indsatser for kronisk syge borgere");
    EXPECT_EQ(r.report->organisation, "Ballerup Kommune");
  }
  {
    REAL_OR_SKIP(r, "syddjurs_politik-for-kultur-og-fritid_2009.pdf");
    ASSERT_TRUE(r.report);
    EXPECT_EQ(r.report->organisation, "Syddjurs Kommune");
    EXPECT_FALSE(r.report->period);
  }
  {
    REAL_OR_SKIP(r, "KL_rapport_det-naere-sundhedsvaesen_2012.pdf");
    ASSERT_TRUE(r.report);
    EXPECT_EQ(r.report->title, "Det nære sundhedsvæsen");
    // The colophon on the last page: "© KL 2012" / "Tekst: KL".
    EXPECT_EQ(r.report->organisation, "KL");
    EXPECT_FALSE(r.report->period);
  }
}

TEST(RealPdf, KlReportSections) {
  REAL_OR_SKIP(r, "KL_rapport_det-naere-sundhedsvaesen_2012.pdf");
  ASSERT_TRUE(r.report);
  std::vector<std::string> headings;
  for (const auto& s : r.report->sections) headings.push_back(s.heading);
  auto has = [&](const std::string& h) {
    return std::find(headings.begin(), headings.end(), h) != headings.end();
  };
  // Every chapter of the printed TOC is a section.
  ASSERT_GE(r.toc.size(), 15u);
  for (const auto& e : r.toc) EXPECT_TRUE(has(e.number + ". " + e.title)) << e.number << " " << e.title;
  // Headings wrapped over two lines are one heading, also with a side
  // column's heading between the lines.
  EXPECT_TRUE(has("Borgere med behov for genoptræning"));
  EXPECT_TRUE(has("5.2 Status og udviklingstendenser"));
  EXPECT_TRUE(has("7.2 Status og udviklingstendenser"));
  // A heading's second line read into the table row beside it (p. 89 after
  // a figure's caption, p. 102 the table's first row): no heading ends open
  // on a hyphen.
  EXPECT_TRUE(has("13.2 Status og udviklingstendenser"));
  EXPECT_TRUE(has("Skævvridning i udgiftsudviklingen – ingen penge til forebyggelse"));
  // A bold heading in the body's type wrapped over four lines of its narrow
  // column (p. 102).
  EXPECT_TRUE(has("Incitamenterne peger den forkerte vej – de understøtter mere aktivitet, ikke mere forebyggelse"));
  // A heading's second line below and left of a figure's caption beside it
  // is the heading's, not the caption's (p. 104).
  EXPECT_TRUE(has("Frigørelse af ressourcer i sygehusvæsenet"));
  for (const auto& h : headings) EXPECT_NE(h.back(), '-') << h;
  // Figure and table captions and their second lines are no sections.
  const auto& lex = analyze::Lexicon::For(Rules());
  for (const auto& h : headings) {
    EXPECT_FALSE(lex.header().IsCaption(h)) << h;
    EXPECT_FALSE(analyze::StartsLower(h)) << h;
  }
}

TEST(RealDocx, GlostrupTruncatedMinutes) {
  REAL_OR_SKIP(r, "glostrup_oekonomiudvalget_2025-11-19_truncated.docx");
  EXPECT_EQ(Name(r.kind), "minutes");
  ASSERT_TRUE(r.meeting);
  EXPECT_EQ(r.meeting->body, "Økonomiudvalget");
  EXPECT_EQ(r.meeting->date, "2025-11-19");
  EXPECT_EQ(r.meeting->start_time, "14:00");
  EXPECT_EQ(r.meeting->location, "Teams");
  ASSERT_TRUE(r.attendance);
  const std::vector<std::string> afbud{"Lars Thomsen", "Torben Martinsen"};
  EXPECT_EQ(r.attendance->absent, afbud);
  EXPECT_EQ(r.attendance->present.size(), 7u);
  for (const auto& p : r.attendance->present)
    EXPECT_TRUE(std::find(afbud.begin(), afbud.end(), p) == afbud.end()) << p;
  ASSERT_EQ(r.agenda_items.size(), 4u);
  const char* kCategories[] = {"approved", "none", "approved", "none"};
  for (size_t k = 0; k < 4; ++k) {
    const AgendaItem& it = r.agenda_items[k];
    SCOPED_TRACE(it.number);
    EXPECT_EQ(it.number, std::to_string(k + 1));
    ASSERT_TRUE(it.decision);
    EXPECT_EQ(Name(it.decision->category), kCategories[k]);
    // "Afbud: Torben Martinsen, Lars Thomsen" under each decision.
    std::vector<std::string> absent = it.absent;
    std::sort(absent.begin(), absent.end());
    EXPECT_EQ(absent, afbud);
    EXPECT_EQ(it.decision->text.find("Afbud"), std::string::npos);
  }
  EXPECT_EQ(r.agenda_items[0].case_number, "25/23642");
  EXPECT_EQ(r.agenda_items[2].case_number, "25/20079");
  EXPECT_EQ(r.agenda_items[3].public_, false);
  ASSERT_TRUE(r.agenda_items[2].recommendation);
  EXPECT_EQ(r.agenda_items[2].recommendation->by, "Ansættelsesudvalget");
  EXPECT_EQ(r.agenda_items[2].recommendation->clauses.size(), 2u);
  ASSERT_EQ(r.toc.size(), 4u);
  EXPECT_EQ(r.toc[3].public_, false);
}

TEST(RealDocx, ThemeMeetingNoteIsNotMinutes) {
  REAL_OR_SKIP(r, "syddjurs_bilag_opsamlingsnotat-temamoede-2012-09-20.docx");
  EXPECT_NE(Name(r.kind), "minutes");
  EXPECT_TRUE(r.agenda_items.empty());
}

// A note whose headings are bold paragraphs and bold bulleted lines in the
// body's type (the DOCX marks no heading) is a report with those sections.
TEST(RealDocx, ThemeMeetingNoteIsReportWithBoldHeadings) {
  REAL_OR_SKIP(r, "syddjurs_bilag_opsamlingsnotat-temamoede-2012-09-20.docx");
  EXPECT_EQ(Name(r.kind), "report");
  ASSERT_TRUE(r.report);
  EXPECT_EQ(r.report->title, "Kulturkommune 2017");
  std::vector<std::pair<int, std::string>> sections;
  for (const auto& s : r.report->sections) sections.emplace_back(s.level, s.heading);
  const std::vector<std::pair<int, std::string>> expected{
      {1, "Rammen for arbejdet"}, {1, "Perspektivering"}, {2, "God timing"}, {2, "Branding"},
      {2, "Identitet i kulturtilbud"}, {2, "Skab forbindelser og understøt netværk"},
      {2, "Kultur som planredskab"}, {2, "Tidskapsel"}};
  EXPECT_EQ(sections, expected);
}

TEST(RealPdf, CaseTableInventsNoItems) {
  REAL_OR_SKIP(r, "aarhus_sundhed-og-omsorg_sager-paa-vej_2025.pdf");
  EXPECT_TRUE(r.agenda_items.empty());
  EXPECT_NE(Name(r.kind), "minutes");
}

}  // namespace
}  // namespace referat
