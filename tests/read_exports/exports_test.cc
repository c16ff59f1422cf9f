// The export readers on the real exports in ../shared/corpus/real (Greve's
// FirstAgenda JSON, Syddjurs's Acadre XML, three SBSYS packages), eDoc XML
// written here from the format's description, hostile shapes, and `referat
// verify` on the real pairs.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <set>

#include "read/docx_zip.h"
#include "read/exports/render.h"
#include "read/reader.h"
#include "rules/rulebook.h"
#include "referat/extract.h"
#include "referat/validate.h"
#include "test_util.h"

namespace referat {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::ReadFile;
using testing::SharedDir;

fs::path Real() { return SharedDir() / "corpus" / "real"; }

Result<Record> FromBytes(const std::string& bytes, const std::string& name = "test") {
  return Extract(Input{name, bytes}, ExtractOptions{});
}

json Valid(const Record& r) {
  std::string text = ToJson(r);
  auto problems = ValidateDocumentJson(text);
  EXPECT_TRUE(problems.empty()) << r.source.path << ": " << (problems.empty() ? "" : problems[0]);
  return json::parse(text);
}

// ---------------------------------------------------------------- sniffing

TEST(ExportSniff, RealExportsByRootShape) {
  EXPECT_EQ(SniffFormat(ReadFile(Real() / "syddjurs_puk_2013-06-20_acadre_referat.xml")),
            Format::kAcadreXml);
  for (const auto& e : fs::directory_iterator(Real() / "firstagenda-json"))
    if (e.path().extension() == ".json")
      EXPECT_EQ(SniffFormat(ReadFile(e.path())), Format::kFirstAgendaJson) << e.path();
  for (const auto& e : fs::directory_iterator(Real() / "sbsys"))
    EXPECT_EQ(SniffFormat(ReadFile(e.path())), Format::kSbsys) << e.path();
}

TEST(ExportSniff, OtherJsonAndXmlStayUnsupported) {
  EXPECT_EQ(SniffFormat("{\"a\": 1, \"Moede\": {}}"), Format::kUnknown);
  EXPECT_NE(SniffFormat("[{\"Dagsordenpunkter\": [], \"Moede\": {}}]"), Format::kFirstAgendaJson);
  EXPECT_EQ(SniffFormat("<?xml version=\"1.0\"?><root><x/></root>"), Format::kUnknown);
  EXPECT_EQ(SniffFormat("<?xml version=\"1.0\"?><Meeting><Title>x</Title></Meeting>"), Format::kUnknown);
  EXPECT_EQ(SniffFormat("<?xml version=\"1.0\"?><Publication><Foo/></Publication>"), Format::kUnknown);
  EXPECT_EQ(SniffFormat("<!-- c --><root><table name=\"agenda\"></table></root>"), Format::kAcadreXml);
  EXPECT_EQ(SniffFormat("<Meeting><Committee>U</Committee></Meeting>"), Format::kEdocXml);
  auto r = FromBytes("{\"Dagsordenpunkter\": 5, \"Moede\": {}}");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code_name(), "unsupported_format");
  auto x = FromBytes("<?xml version=\"1.0\"?><config><a/></config>");
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.status().code_name(), "unsupported_format");
}

// ------------------------------------------------------------- FirstAgenda

TEST(FirstAgenda, EveryGreveMeetingReadsSchemaValid) {
  size_t files = 0, items = 0, decisions = 0, absent = 0, municipality = 0;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(Real() / "firstagenda-json" / "greve")) paths.push_back(e.path());
  ASSERT_EQ(paths.size(), 172u);
  std::sort(paths.begin(), paths.end());
#if defined(__SANITIZE_ADDRESS__)
  // Under the sanitizers (about ten times slower) every eighth meeting: the
  // Release run reads them all, and these cover every committee's layout.
  constexpr size_t kStride = 8;
#else
  constexpr size_t kStride = 1;
#endif
  for (size_t k = 0; k < paths.size(); k += kStride) {
    const fs::path& p = paths[k];
    auto r = ExtractFile(p.string(), ExtractOptions{});
    ASSERT_TRUE(r.ok()) << p << ": " << r.status().ToString();
    EXPECT_EQ(r->source.format, "firstagenda_json");
    EXPECT_EQ(Name(r->kind), "minutes") << p;
    ASSERT_TRUE(r->meeting && r->meeting->date && r->meeting->body) << p;
    // The file name carries the meeting date.
    EXPECT_NE(p.filename().string().find(*r->meeting->date), std::string::npos) << p;
    Valid(*r);
    ++files;
    // The export names no municipality; the one its items name most is it
    // ("Greve Kommune har søgt …"), never another one they mention.
    if (r->meeting->municipality) {
      ++municipality;
      EXPECT_EQ(*r->meeting->municipality, "Greve Kommune") << p;
    }
    items += r->agenda_items.size();
    for (const auto& it : r->agenda_items) {
      decisions += it.decision.has_value();
      EXPECT_FALSE(it.number.empty());
      EXPECT_FALSE(it.title.empty());
    }
    if (r->attendance) absent += r->attendance->absent.size();
  }
  EXPECT_EQ(files, (172u + kStride - 1) / kStride);
  // The published set's own counts (json: len(Dagsordenpunkter) summed).
  EXPECT_GT(items, 2500u / kStride);
  // Every item of a concluded meeting but the signature sheets
  // ("Underskriftsark") and a few agenda-only items carries a decision.
  EXPECT_GT(decisions * 100, items * 90);
  EXPECT_GT(absent, 50u / kStride);
  // 150 of the 172; the rest name no municipality at all (three items).
  EXPECT_GT(municipality * 100, files * 75);
}

TEST(FirstAgenda, MeetingAttendanceAndItemsAsStated) {
  auto r = ExtractFile((Real() / "firstagenda-json" / "greve_plan-og-tryghedsudvalget_2025-03-25.json").string(),
                       ExtractOptions{});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  json j = Valid(*r);
  EXPECT_EQ(j["meeting"]["body"], "Plan- og Tryghedsudvalget");
  EXPECT_EQ(j["meeting"]["date"], "2025-03-25");
  EXPECT_EQ(j["meeting"]["start_time"], "16:00");
  EXPECT_EQ(j["meeting"]["location"], "Mødelokale 1");
  EXPECT_EQ(j["meeting"]["municipality"], "Greve Kommune");
  // ParticipationCancelled marks the two who sent apologies.
  EXPECT_EQ(j["attendance"]["absent"], json({"Conni Bergendorff", "Kenneth Jerkel"}));
  EXPECT_EQ(j["attendance"]["present"].size(), 5u);
  const json& items = j["agenda_items"];
  ASSERT_EQ(items.size(), 10u);
  EXPECT_EQ(items[3]["number"], "4");
  EXPECT_EQ(items[3]["title"], "Ukrainske flygtninge i Greve Kommune, status");
  EXPECT_EQ(items[3]["case_number"], "25-001957");
  EXPECT_EQ(items[3]["decision"]["category"], "noted");
  EXPECT_EQ(items[3]["attachments"][0]["title"], "Bilag 1. Orientering om fordeling af fordrevne fra Ukraine");
  // A closed item: its bare decision text is read as the decision.
  EXPECT_EQ(items[5]["public"], false);
  // The closed mark is cut off the title, as for every format.
  EXPECT_EQ(items[5]["title"], "Henvendelser til formanden");
  EXPECT_EQ(items[5]["decision"]["category"], "noted");
  // Spans point at the rendered text.
  std::string text = (*r).text_content.value_or("");
  auto with_text = ExtractOptions{};
  with_text.with_text = true;
  auto rt = ExtractFile((Real() / "firstagenda-json" / "greve_plan-og-tryghedsudvalget_2025-03-25.json").string(),
                        with_text);
  ASSERT_TRUE(rt.ok());
  const AgendaItem& it = rt->agenda_items[3];
  ASSERT_TRUE(it.decision);
  EXPECT_EQ(rt->text_content->substr(it.decision->span.start, 17), "Orienteringen ble");
  EXPECT_EQ(rt->text_content->substr(it.attachments[0].span->start, it.attachments[0].span->end - it.attachments[0].span->start),
            it.attachments[0].title);
}

// Greve's Byråd 13.3.2024: the participant list flags no one absent, but
// every one of the 28 decided items notes "Fraværende: Per Lund Sørensen";
// Linda Heegaard is noted under item 4 alone. He was away from the
// meeting; she from that item.
TEST(FirstAgenda, AbsentUnderEveryItemIsAbsentFromTheMeeting) {
  auto r = ExtractFile((Real() / "firstagenda-json" / "greve" / "greve_byrad-2022-2025_2024-03-13.json").string(),
                       ExtractOptions{});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // The body "Byråd" is the council itself: Greve's.
  ASSERT_TRUE(r->meeting);
  EXPECT_EQ(r->meeting->council.value_or("-"), "Greve Byråd");
  ASSERT_TRUE(r->attendance);
  EXPECT_EQ(r->attendance->absent, (std::vector<std::string>{"Per Lund Sørensen"}));
  const auto& present = r->attendance->present;
  EXPECT_EQ(std::count(present.begin(), present.end(), "Per Lund Sørensen"), 0);
  EXPECT_EQ(std::count(present.begin(), present.end(), "Linda Heegaard"), 1);
  ASSERT_GE(r->agenda_items.size(), 4u);
  EXPECT_EQ(r->agenda_items[3].absent, (std::vector<std::string>{"Linda Heegaard", "Per Lund Sørensen"}));
}

// Minutes that name no municipality (Glostrup's Økonomiudvalg 19.11.2025,
// "Center for Glostrup Ejendomme" aside) get it from the archive's file
// name, as a last resort; a path naming two municipalities, or a region,
// gives none, and the text's own evidence comes first.
TEST(MunicipalityOfPath, ArchiveFileAndFolderNames) {
  auto glostrup = ExtractFile((Real() / "glostrup_oekonomiudvalget_2025-11-19_truncated.docx").string(),
                              ExtractOptions{});
  ASSERT_TRUE(glostrup.ok());
  ASSERT_TRUE(glostrup->meeting);
  EXPECT_EQ(glostrup->meeting->municipality.value_or("-"), "Glostrup Kommune");
  auto region = ExtractFile((Real() / "sbsys" / "region-hovedstaden_sbsys_Publication553.zip").string(),
                            ExtractOptions{});
  ASSERT_TRUE(region.ok());
  ASSERT_TRUE(region->meeting);
  EXPECT_FALSE(region->meeting->municipality.has_value());
  const std::string bytes = ReadFile(Real() / "glostrup_oekonomiudvalget_2025-11-19_truncated.docx");
  auto muni = [&](const std::string& path) {
    auto r = FromBytes(bytes, path);
    EXPECT_TRUE(r.ok() && r->meeting) << path;
    return r.ok() && r->meeting ? r->meeting->municipality.value_or("-") : "?";
  };
  EXPECT_EQ(muni("arkiv/Hoeje-Taastrup/2025/oekonomiudvalget.docx"), "Høje-Taastrup Kommune");
  EXPECT_EQ(muni("arkiv/lyngby-taarbaek-kb-2025.docx"), "Lyngby-Taarbæk Kommune");
  EXPECT_EQ(muni("arkiv/Allerød/referat.docx"), "Allerød Kommune");
  EXPECT_EQ(muni("arkiv/greve_vs_koege/referat.docx"), "-");
  EXPECT_EQ(muni("referat-19-11-2025.docx"), "-");
}

TEST(FirstAgenda, HostileShapes) {
  std::string deep = "{\"Dagsordenpunkter\": [], \"Moede\": {\"x\": ";
  for (int i = 0; i < 100000; ++i) deep += "[";
  auto r = FromBytes(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code_name(), "too_large");
  auto bad = FromBytes("{\"Dagsordenpunkter\": [1, 2], \"Moede\": {}}");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code_name(), "unsupported_format");
  auto broken = FromBytes("{\"Dagsordenpunkter\": [], \"Moede\": {\"Dato\": ");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().code_name(), "corrupt");
  std::string many = "{\"Moede\": {\"Dato\": \"2024-01-01T10:00:00\"}, \"Dagsordenpunkter\": [";
  for (int i = 0; i < 100000; ++i) many += std::string(i ? "," : "") + "{\"Number\": \"" + std::to_string(i) + "\"}";
  many += "]}";
  auto big = FromBytes(many);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code_name(), "too_large");
}

// ------------------------------------------------------------------ Acadre

TEST(Acadre, SameItemsAndCaseNumbersAsItsDocx) {
  auto x = ExtractFile((Real() / "syddjurs_puk_2013-06-20_acadre_referat.xml").string(), ExtractOptions{});
  auto d = ExtractFile((Real() / "syddjurs_puk_2013-06-20_referat.docx").string(), ExtractOptions{});
  ASSERT_TRUE(x.ok()) << x.status().ToString();
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  json j = Valid(*x);
  EXPECT_EQ(j["source"]["format"], "acadre_xml");
  EXPECT_EQ(j["kind"], "minutes");
  ASSERT_EQ(x->agenda_items.size(), d->agenda_items.size());
  for (size_t i = 0; i < x->agenda_items.size(); ++i) {
    EXPECT_EQ(x->agenda_items[i].number, d->agenda_items[i].number);
    EXPECT_EQ(x->agenda_items[i].case_number, d->agenda_items[i].case_number);
    EXPECT_EQ(x->agenda_items[i].title, d->agenda_items[i].title);
  }
  EXPECT_EQ(x->agenda_items[0].number, "715");
  EXPECT_EQ(x->agenda_items[0].case_number, "12/27845");
  EXPECT_EQ(x->meeting->date, d->meeting->date);
  EXPECT_EQ(x->meeting->start_time, "10:30");
  EXPECT_EQ(x->meeting->end_time, "13:00");
  EXPECT_EQ(x->attendance->present.size(), 5u);
  // Of the three dated decisions, the meeting's own (20-06-2013) is taken.
  ASSERT_TRUE(x->agenda_items[0].decision);
  EXPECT_EQ(Name(x->agenda_items[0].decision->category), Name(d->agenda_items[0].decision->category));
  EXPECT_EQ(x->agenda_items[0].decision->text.rfind("Punktet blev drøftet", 0), 0u);
  EXPECT_EQ(x->agenda_items[0].attachments.size(), 3u);
}

// ------------------------------------------------------------------- SBSYS

TEST(Sbsys, PackagesReadWithItemsAndEnclosures) {
  auto a = ExtractFile((Real() / "sbsys" / "aarhus_sbsys_publication_2017.zip").string(), ExtractOptions{});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  json ja = Valid(*a);
  EXPECT_EQ(ja["source"]["format"], "sbsys_xml");
  EXPECT_EQ(ja["meeting"]["body"], "Mødesystemgruppen");
  EXPECT_EQ(ja["meeting"]["date"], "2016-10-06");
  // The package's "Number 0" wrappers for the minutes PDFs are not items.
  ASSERT_EQ(a->agenda_items.size(), 10u);
  EXPECT_EQ(a->agenda_items[1].number, "1.1");
  EXPECT_EQ(a->attendance->present.size(), 11u);

  auto b = ExtractFile((Real() / "sbsys" / "ballerup_sbsys_Publication32.zip").string(), ExtractOptions{});
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  Valid(*b);
  ASSERT_EQ(b->agenda_items.size(), 5u);
  ASSERT_EQ(b->agenda_items[2].attachments.size(), 1u);
  EXPECT_EQ(b->agenda_items[2].attachments[0].title,
            "Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud");
  EXPECT_TRUE(b->agenda_items[1].recommendation.has_value());

  auto h = ExtractFile((Real() / "sbsys" / "region-hovedstaden_sbsys_Publication553.zip").string(),
                       ExtractOptions{});
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  Valid(*h);
  ASSERT_EQ(h->agenda_items.size(), 4u);
  bool draft = false;
  for (const auto& w : h->warnings) draft = draft || w.code == "export_draft";
  EXPECT_TRUE(draft);
  EXPECT_EQ(h->agenda_items[0].attachments.size(), 6u);
}

// -------------------------------------------------------------------- eDoc

const char kEdoc[] = R"(<?xml version="1.0" encoding="utf-8"?>
<Meeting>
  <Committee>Social- og Sundhedsudvalget</Committee>
  <MeetingDate>04-12-2012 13:00:00</MeetingDate>
  <MeetingState>Godkendt</MeetingState>
  <MeetingAgendaTypes>
    <MeetingAgendaType>
      <AgendaType>Åben dagsorden</AgendaType>
      <PDFDocument>Åben dagsorden.pdf</PDFDocument>
      <MeetingAgendaItems>
        <MeetingAgendaItem>
          <AgendaItemNumber>1</AgendaItemNumber>
          <PDFDocument>1.pdf</PDFDocument>
          <Document><Title>Godkendelse af dagsorden&#x1;</Title><CaseLogicIdentifier>12/1234</CaseLogicIdentifier></Document>
        </MeetingAgendaItem>
        <MeetingAgendaItem>
          <AgendaItemNumber>2</AgendaItemNumber>
          <PDFDocument>2.pdf</PDFDocument>
          <Document><Title>Prioritering af midler til kronikerindsatser</Title><CaseLogicIdentifier>12/5678</CaseLogicIdentifier></Document>
        </MeetingAgendaItem>
      </MeetingAgendaItems>
    </MeetingAgendaType>
    <MeetingAgendaType>
      <AgendaType>Lukket dagsorden</AgendaType>
      <MeetingAgendaItems>
        <MeetingAgendaItem>
          <AgendaItemNumber>3</AgendaItemNumber>
          <Document><Title>Personsag</Title></Document>
        </MeetingAgendaItem>
      </MeetingAgendaItems>
    </MeetingAgendaType>
  </MeetingAgendaTypes>
</Meeting>
)";

TEST(Edoc, ReadsTheDescribedShape) {
  ASSERT_EQ(SniffFormat(kEdoc), Format::kEdocXml);
  auto r = FromBytes(kEdoc);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  json j = Valid(*r);
  EXPECT_EQ(j["source"]["format"], "edoc_xml");
  EXPECT_EQ(j["kind"], "agenda");
  EXPECT_EQ(j["meeting"]["body"], "Social- og Sundhedsudvalget");
  EXPECT_EQ(j["meeting"]["date"], "2012-12-04");
  EXPECT_EQ(j["meeting"]["start_time"], "13:00");
  ASSERT_EQ(r->agenda_items.size(), 3u);
  // The forbidden character reference is dropped with a warning; the rest
  // of the title is kept.
  EXPECT_EQ(r->agenda_items[0].title, "Godkendelse af dagsorden");
  bool warned = false;
  for (const auto& w : r->warnings) warned = warned || w.code == "invalid_xml_character";
  EXPECT_TRUE(warned);
  EXPECT_EQ(r->agenda_items[1].case_number, "12/5678");
  EXPECT_EQ(r->agenda_items[1].public_, true);
  EXPECT_EQ(r->agenda_items[2].public_, false);
  EXPECT_EQ(r->agenda_items[2].number, "3");
}

TEST(Edoc, AWrongShapeIsAnError) {
  auto replace = [](std::string s, const std::string& from, const std::string& to) {
    size_t p = s.find(from);
    EXPECT_NE(p, std::string::npos) << from;
    return s.replace(p, from.size(), to);
  };
  const std::string base = kEdoc;
  for (const std::string& bad : {
           replace(base, "<MeetingDate>04-12-2012 13:00:00</MeetingDate>", "<MeetingDate>snart</MeetingDate>"),
           replace(base, "<AgendaType>Lukket dagsorden</AgendaType>", "<AgendaType>Referat</AgendaType>"),
           replace(base, "<Title>Personsag</Title>", ""),
           replace(base, "<AgendaItemNumber>2</AgendaItemNumber>", ""),
           replace(replace(base, "<MeetingAgendaTypes>", "<Types>"), "</MeetingAgendaTypes>", "</Types>"),
       }) {
    auto r = FromBytes(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code_name(), "unsupported_format") << r.status().ToString();
  }
  // An entity bomb: refused before any expansion.
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE Meeting [<!ENTITY a \"aaaaaaaaaa\">"
                     "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                     "<Meeting><Committee>&c;</Committee><MeetingDate>04-12-2012</MeetingDate></Meeting>";
  auto r = FromBytes(bomb);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code_name(), "corrupt");
  // 100,000 items: over the item limit, refused before any is rendered.
  std::string many = "<Meeting><Committee>U</Committee><MeetingDate>04-12-2012</MeetingDate>"
                     "<MeetingAgendaTypes><MeetingAgendaType><AgendaType>Åben dagsorden</AgendaType>"
                     "<MeetingAgendaItems>";
  for (int i = 0; i < 100000; ++i) many += "<MeetingAgendaItem/>";
  many += "</MeetingAgendaItems></MeetingAgendaType></MeetingAgendaTypes></Meeting>";
  auto m = FromBytes(many);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code_name(), "too_large");
  // Deep nesting: the depth limit.
  std::string deep = "<Meeting><Committee>U</Committee>";
  for (int i = 0; i < 5000; ++i) deep += "<x>";
  auto d = FromBytes(deep);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code_name(), "too_large");
}

// ------------------------------------------------------------------ verify

struct CliRun {
  int status = -1;
  std::string out;
};

CliRun Cli(const std::string& args) {
  CliRun r;
  std::string cmd = std::string(REFERAT_CLI) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string Q(const fs::path& p) { return "'" + p.string() + "'"; }

TEST(Verify, SyddjursPdfAndDocxAgreeWithTheAcadreExport) {
  for (const char* doc : {"syddjurs_puk_2013-06-20_referat.pdf", "syddjurs_puk_2013-06-20_referat.docx"}) {
    CliRun r = Cli("verify --json " + Q(Real() / doc) + " --against " +
                Q(Real() / "syddjurs_puk_2013-06-20_acadre_referat.xml"));
    EXPECT_EQ(r.status, 0) << doc << "\n" << r.out;
    json j = json::parse(r.out);
    EXPECT_EQ(j["summary"]["agree"], true);
    EXPECT_EQ(j["summary"]["fields"]["items"]["agree"], 1);
    EXPECT_EQ(j["summary"]["fields"]["case_number"]["agree"], 1);
    EXPECT_EQ(j["summary"]["fields"]["decision_category"]["agree"], 1);
    EXPECT_EQ(j["summary"]["fields"]["date"]["agree"], 1);
    ASSERT_EQ(j["items"].size(), 1u);
    EXPECT_EQ(j["items"][0]["status"], "matched");
  }
}

TEST(Verify, AnotherMeetingsExportDisagrees) {
  CliRun r = Cli("verify " + Q(Real() / "syddjurs_puk_2013-06-20_referat.pdf") + " --against " +
              Q(Real() / "firstagenda-json" / "greve_kultur-og-fritidsudvalget_2024-02-07.json"));
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("DISAGREE"), std::string::npos);
}

TEST(Verify, ItemsWithAnotherNumberAreFoundByTitle) {
  // The Acadre export with the item renumbered: found by its title, the
  // number reported as a disagreement, the default tolerance still met.
  std::string xml = ReadFile(Real() / "syddjurs_puk_2013-06-20_acadre_referat.xml");
  const std::string from = "<field name=\"sort\">715</field>";
  size_t p = xml.find(from);
  ASSERT_NE(p, std::string::npos);
  xml.replace(p, from.size(), "<field name=\"sort\">1</field>");
  fs::path tmp = fs::temp_directory_path() / ("referat_renumbered_" + std::to_string(::getpid()) + ".xml");
  std::ofstream(tmp, std::ios::binary) << xml;
  CliRun r = Cli("verify --json " + Q(Real() / "syddjurs_puk_2013-06-20_referat.pdf") + " --against " + Q(tmp));
  fs::remove(tmp);
  EXPECT_EQ(r.status, 0) << r.out;
  json j = json::parse(r.out);
  EXPECT_EQ(j["items"][0]["status"], "matched_by_title");
  EXPECT_EQ(j["summary"]["fields"]["number"]["agree"], 0);
  EXPECT_EQ(j["summary"]["fields"]["items"]["agree"], 1);
}

TEST(Verify, UsageErrors) {
  EXPECT_EQ(Cli("verify " + Q(Real() / "syddjurs_puk_2013-06-20_referat.pdf")).status, 2);
  EXPECT_EQ(Cli("verify " + Q(Real() / "syddjurs_puk_2013-06-20_referat.pdf") + " --against " +
                Q(Real() / "syddjurs_puk_2013-06-20_acadre_referat.xml") + " --tolerance nonsense=2")
                .status,
            2);
  EXPECT_EQ(Cli("verify x.pdf --against /nonexistent/dir").status, 2);
}

TEST(Verify, PairsByDateAndBodyInADirectory) {
  fs::path dir = fs::temp_directory_path() / ("referat_verify_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(Real() / "syddjurs_puk_2013-06-20_acadre_referat.xml", dir / "a.xml",
                fs::copy_options::overwrite_existing);
  for (const auto& e : fs::directory_iterator(Real() / "firstagenda-json"))
    if (e.path().extension() == ".json")
      fs::copy_file(e.path(), dir / e.path().filename(), fs::copy_options::overwrite_existing);
  CliRun r = Cli("verify --json " + Q(Real() / "syddjurs_puk_2013-06-20_referat.pdf") + " --against " + Q(dir));
  EXPECT_EQ(r.status, 0) << r.out;
  json j = json::parse(r.out);
  EXPECT_NE(j["summary"]["export"].get<std::string>().find("a.xml"), std::string::npos);
  // A tolerance on a field that disagrees (open/closed is unknown in the
  // PDF's reading) makes the pair disagree.
  CliRun t = Cli("verify " + Q(Real() / "syddjurs_puk_2013-06-20_referat.pdf") + " --against " + Q(dir) +
              " --tolerance public");
  EXPECT_EQ(t.status, 1) << t.out;
  fs::remove_all(dir);
}

TEST(Store, APdfAndItsExportAreOneMeeting) {
  fs::path dir = fs::temp_directory_path() / ("referat_exports_store_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path db = dir / "a.db";
  CliRun in = Cli("ingest " + Q(Real() / "syddjurs_puk_2013-06-20_referat.pdf") + " " +
                  Q(Real() / "syddjurs_puk_2013-06-20_referat.docx") + " " +
                  Q(Real() / "syddjurs_puk_2013-06-20_acadre_referat.xml") + " " +
                  Q(Real() / "firstagenda-json" / "greve_kultur-og-fritidsudvalget_2024-02-07.json") +
                  " --db " + Q(db));
  ASSERT_EQ(in.status, 0) << in.out;
  CliRun st = Cli("stats --json --db " + Q(db));
  ASSERT_EQ(st.status, 0) << st.out;
  json j = json::parse(st.out);
  EXPECT_EQ(j["documents"], 4);
  EXPECT_EQ(j["meetings"], 4);
  // Syddjurs's PDF, DOCX and Acadre XML are one meeting; Greve's is another
  // with only its export.
  EXPECT_EQ(j["meetings_distinct"], 2);
  EXPECT_EQ(j["meetings_with_export"], 1);
  fs::remove_all(dir);
}

// The labels an export is rendered with (rules/export_labels.txt) are read
// back by the generic extractors: each must be a wording of the rule its
// extractor uses, or the rendered export loses that fact.
TEST(ExportLabels, AreWordingsTheExtractorsKnow) {
  auto fold = [](std::string s) {
    while (!s.empty() && s.back() == ':') s.pop_back();
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  auto known = [&](const std::string& file, const std::string& role, const std::string& label) {
    for (const auto& row : Rules().Table(file)) {
      const std::string& wording = role.empty() ? row[0] : row.size() >= 2 ? row[1] : row[0];
      if ((role.empty() || row[0] == role) && fold(wording) == fold(label)) return true;
    }
    return false;
  };
  const struct {
    const char* key;
    const char* file;
    const char* role;  // the rule's first field; "" when the file is a plain list
  } kRead[] = {
      {"date", "attendance_labels", "date"},     {"location", "attendance_labels", "location"},
      {"present", "attendance_labels", "present"}, {"absent", "attendance_labels", "absent"},
      {"case", "section_headings", "case"},      {"attachments", "section_headings", "attachments"},
      {"decision", "section_headings", "decision"}, {"item", "item_markers", ""},
  };
  for (const auto& r : kRead) {
    const std::string& label = exports::Label(r.key);
    ASSERT_FALSE(label.empty()) << r.key << " has no label in export_labels.txt";
    EXPECT_TRUE(known(r.file, r.role, label)) << r.key << " label \"" << label << "\" is not a "
                                              << r.role << " wording in " << r.file << ".txt";
  }
  EXPECT_FALSE(exports::Label("agenda").empty());
  EXPECT_FALSE(exports::Label("time").empty());
  EXPECT_EQ(exports::Labels("document_type").size(), 2u);
}

TEST(ExportAccess, OpenAndClosedValues) {
  EXPECT_EQ(exports::AccessOf("Åben", true), true);
  EXPECT_EQ(exports::AccessOf("ÅBENT", true), true);
  EXPECT_EQ(exports::AccessOf("Lukket", true), false);
  EXPECT_EQ(exports::AccessOf("Lukket dagsorden", true), std::nullopt);
  EXPECT_EQ(exports::AccessOf("Lukket dagsorden", false), false);
  EXPECT_EQ(exports::AccessOf("åben dagsorden", false), true);
  EXPECT_EQ(exports::AccessOf("Dagsorden", false), std::nullopt);
}

// The SBSYS package's PDF minutes against its publication.xml: items
// numbered in cells of their own ("1<TAB>First Agenda", "1.1 …") with
// "Oplæg:" / "Referat:" under them, the participants one per line in a
// table cell, and an export whose member list is the membership only.
TEST(Verify, SbsysPdfAgreesWithItsXml) {
  // The package reads from the bytes and options it is given: both outlive it.
  const std::string zip = ReadFile(Real() / "sbsys" / "aarhus_sbsys_publication_2017.zip");
  const ExtractOptions options;
  auto pkg = docx::ZipPackage::Open(zip, options);
  ASSERT_TRUE(pkg.ok());
  std::string pdf_name;
  for (const auto& n : (*pkg)->Names())
    if (n.find("bent.pdf") != std::string::npos && n.find("__MACOSX") == std::string::npos &&
        n.find("lukket") == std::string::npos)
      pdf_name = n;
  ASSERT_FALSE(pdf_name.empty());
  auto pdf = (*pkg)->Read(pdf_name);
  ASSERT_TRUE(pdf.ok());
  fs::path tmp = fs::temp_directory_path() / ("referat_sbsys_" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(tmp, std::ios::binary) << *pdf;
  CliRun r = Cli("verify " + Q(tmp) + " --against " + Q(Real() / "sbsys" / "aarhus_sbsys_publication_2017.zip") +
                 " --json");
  CliRun x = Cli("extract " + Q(tmp));
  fs::remove(tmp);
  EXPECT_EQ(r.status, 0) << r.out;
  ASSERT_EQ(x.status, 0) << x.out;
  json d = json::parse(x.out);
  EXPECT_EQ(d["meeting"]["body"], "Mødesystemgruppen");
  EXPECT_EQ(d["attendance"]["present"].size(), 10u) << d["attendance"].dump();
  EXPECT_EQ(d["attendance"]["absent"].size(), 0u) << d["attendance"].dump();
  EXPECT_EQ(d["agenda_items"].size(), 10u);
}

}  // namespace
}  // namespace referat
