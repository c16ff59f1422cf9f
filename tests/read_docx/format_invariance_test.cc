// The boundary test of the architecture: the same meeting as text, DOCX,
// HTML or PDF gives the same Document blocks and the same JSON apart from
// `source`, `text` and spans.
//
// corpus/formats/NAME.{docx,html,pdf} are made from corpus/seeds/NAME.txt by
// tools/make_formats (pandoc, LibreOffice); each is compared with its seed:
//   - block texts, in order (pages aside);
//   - the Record's JSON with every "span", "source", "text" and "warnings"
//     key deleted.
// The PDF cases are instantiated apart (FormatInvariancePdf) since they also
// test the PDF reader's line and paragraph assembly.
//
// SyddjursReferat: the real DOCX and PDF of one meeting must give the same
// items, decisions and members, and those must match the meeting's Acadre
// ESDH export beside them (the truth).
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "referat/extract.h"
#include "read_docx/docx_builder.h"
#include "test_util.h"

namespace referat {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using testing::ReadFile;
using testing::SharedDir;
using testing::SourceDir;

struct Case {
  std::string name;    // seed stem
  std::string format;  // docx, html, pdf
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name << "." << c.format; }

std::vector<Case> Cases(bool pdf) {
  std::vector<Case> out;
  for (const auto& e : fs::directory_iterator(SourceDir() / "corpus/seeds")) {
    if (e.path().extension() != ".txt") continue;
    std::string stem = e.path().stem().string();
    for (const char* f : {"docx", "html", "pdf"}) {
      if ((std::string(f) == "pdf") != pdf) continue;
      if (fs::exists(SourceDir() / "corpus/formats" / (stem + "." + f))) out.push_back({stem, f});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Case& a, const Case& b) { return a.name + a.format < b.name + b.format; });
  return out;
}

std::vector<std::string> BlockTexts(const std::string& path) {
  std::vector<std::string> out;
  auto doc = ReadDocument(ReadFile(path), ExtractOptions{});
  EXPECT_TRUE(doc.ok()) << path << ": " << doc.status().ToString();
  if (!doc.ok()) return out;
  for (const Block& b : doc->blocks) out.emplace_back(doc->BlockText(b));
  return out;
}

// Deletes the keys that legitimately differ between formats, at any depth.
void Strip(json* j) {
  if (j->is_object()) {
    for (const char* k : {"span", "source", "text", "warnings"}) j->erase(k);
    for (auto& [key, value] : j->items()) Strip(&value);
  } else if (j->is_array()) {
    for (auto& v : *j) Strip(&v);
  }
}

json StrippedRecord(const std::string& path) {
  auto r = ExtractFile(path, ExtractOptions{});
  EXPECT_TRUE(r.ok()) << path << ": " << r.status().ToString();
  if (!r.ok()) return json();
  json j = json::parse(ToJson(*r));
  Strip(&j);
  return j;
}

void Diff(const json& a, const json& b, const std::string& at, std::vector<std::string>* out) {
  if (out->size() >= 30) return;
  if (a.type() != b.type()) {
    out->push_back(at + ": " + a.dump().substr(0, 160) + " vs " + b.dump().substr(0, 160));
  } else if (a.is_object()) {
    for (auto it = a.begin(); it != a.end(); ++it) {
      if (!b.contains(it.key())) out->push_back(at + "/" + it.key() + ": missing");
      else Diff(it.value(), b[it.key()], at + "/" + it.key(), out);
    }
    for (auto it = b.begin(); it != b.end(); ++it)
      if (!a.contains(it.key())) out->push_back(at + "/" + it.key() + ": unexpected");
  } else if (a.is_array()) {
    if (a.size() != b.size())
      out->push_back(at + ": " + std::to_string(a.size()) + " vs " + std::to_string(b.size()) +
                     " elements");
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
      Diff(a[i], b[i], at + "/" + std::to_string(i), out);
  } else if (a != b) {
    out->push_back(at + ": " + a.dump().substr(0, 160) + " vs " + b.dump().substr(0, 160));
  }
}

std::string Paths(const Case& c, std::string* seed, std::string* other) {
  *seed = (SourceDir() / "corpus/seeds" / (c.name + ".txt")).string();
  *other = (SourceDir() / "corpus/formats" / (c.name + "." + c.format)).string();
  return c.name + "." + c.format;
}

// Per block of the seed: is there a blank line before it?
std::vector<bool> SeedGaps(const std::string& path) {
  std::vector<bool> out;
  auto doc = ReadDocument(ReadFile(path), ExtractOptions{});
  if (doc.ok())
    for (const Block& b : doc->blocks) out.push_back(b.gap_before);
  return out;
}

// A PDF does not show where a paragraph ends when its last line is full and
// the next paragraph follows without space: the seed's lines without a blank
// line between them ("Følgende kommuner ... forsøgside:" / "Vesthimmerland,
// Thisted ...") are set so by make_formats, and read back as one paragraph
// exactly when the first line is full. So a PDF block may join a run of
// seed blocks with no blank line before them (never split one). Returns how
// many seed blocks got[gi] covers from want[wi], or 0.
size_t JoinedRun(const std::vector<std::string>& want, const std::vector<bool>& gaps, size_t wi,
                 const std::string& got) {
  std::string acc = want[wi];
  for (size_t k = wi + 1; k < want.size() && k < gaps.size() && !gaps[k]; ++k) {
    if (acc.size() >= got.size() || got.compare(0, acc.size(), acc) != 0) return 0;
    acc += " " + want[k];
    if (acc == got) return k - wi + 1;
  }
  return 0;
}

// Pages of a file's blocks.
std::vector<int> BlockPages(const std::string& path) {
  std::vector<int> out;
  auto doc = ReadDocument(ReadFile(path), ExtractOptions{});
  if (doc.ok())
    for (const Block& b : doc->blocks) out.push_back(b.page);
  return out;
}

// Nor does a PDF show whether a paragraph goes on at the top of the next
// page when the page ends on a full line that ends a sentence; the reader
// goes on only with an unfinished sentence. And a line-end hyphen between
// lower-case letters reads as a hyphenation ("brush-" / "up" -> "brushup").
std::string WithoutInnerHyphens(std::string s) {
  std::string out;
  for (size_t k = 0; k < s.size(); ++k) {
    bool inner = s[k] == '-' && k > 0 && k + 1 < s.size() && std::islower(static_cast<unsigned char>(s[k - 1])) &&
                 std::islower(static_cast<unsigned char>(s[k + 1]));
    if (!inner) out.push_back(s[k]);
  }
  return out;
}

void ExpectSameBlocks(const Case& c) {
  std::string seed, other;
  std::string label = Paths(c, &seed, &other);
  std::vector<std::string> want = BlockTexts(seed), got = BlockTexts(other);
  if (c.format == "pdf") {
    // Rejoin PDF blocks split at a page break after a sentence's end when
    // the seed has them as one block.
    std::vector<int> pages = BlockPages(other);
    std::vector<std::string> joined;
    for (size_t gi = 0; gi < got.size(); ++gi) {
      const std::string& g = got[gi];
      bool page_break = !joined.empty() && gi < pages.size() && gi > 0 && pages[gi] == pages[gi - 1] + 1;
      char last = joined.empty() || joined.back().empty() ? 0 : joined.back().back();
      if (page_break && (last == '.' || last == '!' || last == '?')) {
        std::string cand = joined.back() + " " + g;
        if (std::find(want.begin(), want.end(), cand) != want.end()) {
          joined.back() = cand;
          continue;
        }
      }
      joined.push_back(g);
    }
    got = std::move(joined);
    for (auto* v : {&want, &got})
      for (std::string& t : *v) t = WithoutInnerHyphens(t);
    // Fold the seed's runs that the PDF cannot tell apart into one block.
    std::vector<bool> gaps = SeedGaps(seed);
    std::vector<std::string> folded;
    size_t wi = 0;
    for (size_t gi = 0; wi < want.size(); ++gi) {
      size_t n = gi < got.size() && want[wi] != got[gi] ? JoinedRun(want, gaps, wi, got[gi]) : 0;
      folded.push_back(n > 0 ? got[gi] : want[wi]);
      wi += n > 0 ? n : 1;
    }
    want = std::move(folded);
  }
  size_t i = 0;
  while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
  if (i == want.size() && i == got.size()) return;
  ADD_FAILURE() << label << ": block " << i << " of " << want.size() << " (seed) / " << got.size()
                << " differs:\n  seed:   " << (i < want.size() ? want[i] : "<end>")
                << "\n  " << c.format << ": " << (i < got.size() ? got[i] : "<end>");
}

void ExpectSameRecord(const Case& c) {
  std::string seed, other;
  std::string label = Paths(c, &seed, &other);
  std::vector<std::string> diffs;
  Diff(StrippedRecord(seed), StrippedRecord(other), "", &diffs);
  if (diffs.empty()) return;
  std::string msg;
  for (const auto& d : diffs) msg += "\n  " + d;
  ADD_FAILURE() << label << ": the JSON differs from the seed's (seed vs " << c.format << "):" << msg;
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  return "s" + info.param.name + "_" + info.param.format;
}

class FormatInvariance : public ::testing::TestWithParam<Case> {};
TEST_P(FormatInvariance, SameBlockTexts) { ExpectSameBlocks(GetParam()); }
TEST_P(FormatInvariance, SameRecord) { ExpectSameRecord(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Seeds, FormatInvariance, ::testing::ValuesIn(Cases(false)), CaseName);

class FormatInvariancePdf : public ::testing::TestWithParam<Case> {};
TEST_P(FormatInvariancePdf, SameBlockTexts) { ExpectSameBlocks(GetParam()); }
TEST_P(FormatInvariancePdf, SameRecord) { ExpectSameRecord(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Seeds, FormatInvariancePdf, ::testing::ValuesIn(Cases(true)), CaseName);

TEST(FormatCorpus, EverySeedHasItsThreeFormats) {
  for (const auto& e : fs::directory_iterator(SourceDir() / "corpus/seeds")) {
    if (e.path().extension() != ".txt") continue;
    for (const char* f : {"docx", "html", "pdf"}) {
      fs::path p = SourceDir() / "corpus/formats" / (e.path().stem().string() + "." + f);
      EXPECT_TRUE(fs::exists(p)) << p << " missing: run tools/make_formats";
      fs::path golden = p;
      golden.replace_extension(".expected.json");
      EXPECT_FALSE(fs::exists(golden)) << golden << ": golden files belong beside corpus/seeds only";
    }
  }
}

// ------------------------------------------------------- Syddjurs referat

std::string Collapse(const std::string& s) { return NormalizeInline(s); }

// The Acadre export: item numbers, titles, case numbers, and the meeting's
// members with their absent flag.
struct Acadre {
  struct Item {
    std::string number, title, case_number;
  };
  std::vector<Item> items;
  std::vector<std::string> present, absent;
};

std::string Field(xmlNodePtr table, const char* name) {
  for (xmlNodePtr f = table->children; f; f = f->next) {
    if (f->type != XML_ELEMENT_NODE || xmlStrcmp(f->name, BAD_CAST "fields") != 0) continue;
    for (xmlNodePtr g = f->children; g; g = g->next) {
      if (g->type != XML_ELEMENT_NODE) continue;
      xmlChar* n = xmlGetProp(g, BAD_CAST "name");
      bool hit = n && xmlStrcmp(n, BAD_CAST name) == 0;
      xmlFree(n);
      if (hit) {
        xmlChar* c = xmlNodeGetContent(g);
        std::string s = c ? reinterpret_cast<const char*>(c) : "";
        xmlFree(c);
        return Collapse(s);
      }
    }
  }
  return {};
}

std::string TableName(xmlNodePtr n) {
  if (n->type != XML_ELEMENT_NODE || xmlStrcmp(n->name, BAD_CAST "table") != 0) return {};
  xmlChar* v = xmlGetProp(n, BAD_CAST "name");
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

void Walk(xmlNodePtr n, Acadre* a, const std::string& parent) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    std::string t = TableName(c);
    if (t == "agendaitemparents") {
      std::string number = Field(c, "sort");
      for (xmlNodePtr k = c->children; k; k = k->next)
        if (TableName(k) == "agendaitem")
          a->items.push_back({number, Field(k, "name"), Field(k, "caseno")});
    } else if (t == "member" && parent == "meetmember") {
      // The contract's names are person names only: "Jesper Mathiesen (A)"
      // is "Jesper Mathiesen".
      std::string name = Field(c, "name");
      size_t paren = name.rfind(" (");
      if (paren != std::string::npos && name.back() == ')') name.erase(paren);
      (Field(c, "absent") == "1" ? a->absent : a->present).push_back(name);
    }
    if (c->type == XML_ELEMENT_NODE) Walk(c, a, t.empty() ? parent : t);
  }
}

std::vector<std::string> Names(const json& list) {
  std::vector<std::string> out;
  if (list.is_array())
    for (const auto& v : list) out.push_back(v.is_string() ? v.get<std::string>() : v.value("name", ""));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(SyddjursReferat, DocxAndPdfGiveTheMeetingOfTheAcadreExport) {
  fs::path dir = SharedDir() / "corpus/real";
  fs::path xml = dir / "syddjurs_puk_2013-06-20_acadre_referat.xml";
  if (!fs::exists(xml)) GTEST_SKIP() << "shared corpus absent";
  Acadre truth;
  {
    std::string bytes = ReadFile(xml);
    xmlDocPtr doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    ASSERT_NE(doc, nullptr);
    Walk(xmlDocGetRootElement(doc), &truth, "");
    xmlFreeDoc(doc);
  }
  ASSERT_EQ(truth.items.size(), 1u);
  ASSERT_EQ(truth.present.size(), 5u);

  json records[2];
  const char* files[2] = {"syddjurs_puk_2013-06-20_referat.docx", "syddjurs_puk_2013-06-20_referat.pdf"};
  for (int i = 0; i < 2; ++i) {
    SCOPED_TRACE(files[i]);
    auto r = ExtractFile((dir / files[i]).string(), ExtractOptions{});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    records[i] = json::parse(ToJson(*r));
    const json& rec = records[i];
    ASSERT_TRUE(rec.contains("agenda_items"));
    const json& items = rec["agenda_items"];
    ASSERT_EQ(items.size(), truth.items.size());
    EXPECT_EQ(items[0].value("number", ""), truth.items[0].number);
    EXPECT_EQ(items[0].value("title", ""), truth.items[0].title);
    EXPECT_EQ(items[0].value("case_number", ""), truth.items[0].case_number);
    ASSERT_TRUE(rec["attendance"].is_object());
    std::vector<std::string> present = truth.present;
    std::sort(present.begin(), present.end());
    EXPECT_EQ(Names(rec["attendance"]["present"]), present);
    EXPECT_EQ(Names(rec["attendance"]["absent"]), std::vector<std::string>{});
    EXPECT_TRUE(items[0]["decision"].is_object()) << "no decision read";
  }
  // Both ways the same items (with their decisions) and members; the order
  // of members follows the layout (two columns), so it is not compared.
  for (json& r : records) {
    Strip(&r);
    for (const char* k : {"present", "absent"})
      if (r["attendance"][k].is_array()) std::sort(r["attendance"][k].begin(), r["attendance"][k].end());
  }
  std::vector<std::string> diffs;
  Diff(records[0]["agenda_items"], records[1]["agenda_items"], "/agenda_items", &diffs);
  Diff(records[0]["attendance"], records[1]["attendance"], "/attendance", &diffs);
  std::string msg;
  for (const auto& d : diffs) msg += "\n  " + d;
  EXPECT_TRUE(diffs.empty()) << "DOCX vs PDF:" << msg;
}

// A header whose labels and values are a table ("Tid", "Sted", "Til stede"
// with one member a paragraph, "Afbud", "Øvrige deltagere"), as DOCX and
// HTML minutes set it: the same meeting, attendance and items as the text
// that gives each label a line.
json RecordOf(const std::string& bytes) {
  auto r = Extract(Input{"mem", bytes}, ExtractOptions{});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return json();
  json j = json::parse(ToJson(*r));
  Strip(&j);
  j.erase("toc");
  return j;
}

TEST(HeaderTable, DocxAndHtmlReadAsTheirText) {
  const std::string items =
      "1. Godkendelse af dagsorden\nSagsnr.: 24/1234\nBeslutning:\nGodkendt.\n\n"
      "2. Budgetopfølgning\nSagsnr.: 24/2222\nBeslutning:\nTaget til efterretning.\n";
  const std::string text =
      "Referat\nØkonomiudvalget\nTid: Mandag den 4. marts 2024 kl. 16.00\nSted: Mødelokale 2\n"
      "Til stede: Anne Hansen, Bo Berg, Carl Dahl\nAfbud: Dorte Lund\n\n" + items;
  auto p = [](const std::string& t) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + t + "</w:t></w:r></w:p>";
  };
  auto row = [](const std::string& a, const std::string& b) {
    return "<w:tr><w:tc>" + a + "</w:tc><w:tc>" + b + "</w:tc></w:tr>";
  };
  std::string body = p("Referat") + p("Økonomiudvalget") + "<w:tbl>" +
                     row(p("Tid"), p("Mandag den 4. marts 2024 kl. 16.00")) + row(p("Sted"), p("Mødelokale 2")) +
                     row(p("Til stede"), p("Anne Hansen") + p("Bo Berg") + p("Carl Dahl")) +
                     row(p("Afbud"), p("Dorte Lund")) + "</w:tbl>";
  for (size_t from = 0; from < items.size();) {
    size_t nl = items.find('\n', from);
    body += p(items.substr(from, nl - from));
    from = nl + 1;
  }
  const std::string docx = testing::MakeZip({
      {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
      {"word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>"}});
  std::string html =
      "<html><body><p>Referat</p><p>Økonomiudvalget</p><table>"
      "<tr><td>Tid</td><td>Mandag den 4. marts 2024 kl. 16.00</td></tr>"
      "<tr><td>Sted</td><td>Mødelokale 2</td></tr>"
      "<tr><td>Til stede</td><td><p>Anne Hansen</p><p>Bo Berg</p><p>Carl Dahl</p></td></tr>"
      "<tr><td>Afbud</td><td>Dorte Lund</td></tr></table>";
  for (size_t from = 0; from < items.size();) {
    size_t nl = items.find('\n', from);
    if (nl > from) html += "<p>" + items.substr(from, nl - from) + "</p>";
    from = nl + 1;
  }
  html += "</body></html>";
  const json want = RecordOf(text);
  ASSERT_EQ(want["attendance"]["present"], json({"Anne Hansen", "Bo Berg", "Carl Dahl"}));
  ASSERT_EQ(want["agenda_items"].size(), 2u);
  for (const auto& [name, bytes] : {std::pair<std::string, std::string>{"docx", docx}, {"html", html}}) {
    json got = RecordOf(bytes);
    std::vector<std::string> diffs;
    for (const char* k : {"kind", "meeting", "attendance", "agenda_items"})
      Diff(want[k], got[k], std::string("/") + k, &diffs);
    std::string msg;
    for (const auto& d : diffs) msg += "\n  " + d;
    EXPECT_TRUE(diffs.empty()) << name << " vs text:" << msg;
  }
}

}  // namespace
}  // namespace referat
