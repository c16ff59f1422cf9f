// ReadPdf through poppler: small PDFs written by the test itself, the
// hostile files of tests/hardening/data, and (when ../shared is present) the
// real documents of ../shared/corpus/real.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "../test_util.h"
#include "core/deadline.h"
#include "read/reader.h"

namespace referat {
namespace {

// ----------------------------------------------------------- PDF writer

struct TextItem {
  float x, y;  // y from the top of an A4 page
  std::string text;  // UTF-8; Latin-1 characters only
  float size = 11;
  bool bold = false;
};

std::string Latin1Escaped(const std::string& utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size(); ++i) {
    unsigned char c = utf8[i];
    unsigned cp = c;
    if (c >= 0xC0 && i + 1 < utf8.size()) cp = ((c & 0x1F) << 6) | (utf8[++i] & 0x3F);
    if (cp == '(' || cp == ')' || cp == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", cp & 0xFF);
      out += buf;
    }
  }
  return out;
}

// A PDF with one page per entry of `pages` (Helvetica and Helvetica-Bold,
// WinAnsi), and an Info dictionary with `info` (raw PDF dictionary body).
std::string MakePdf(const std::vector<std::vector<TextItem>>& pages, const std::string& info = "") {
  std::vector<std::string> objs;  // object n is objs[n - 1]
  objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objs.push_back("");  // pages, filled in below
  objs.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objs.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  std::string kids;
  for (const auto& items : pages) {
    std::string content;
    for (const TextItem& t : items) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "BT /%s %.1f Tf %.2f %.2f Td (", t.bold ? "F2" : "F1", t.size,
                    t.x, 842 - t.y);
      content += buf + Latin1Escaped(t.text) + ") Tj ET\n";
    }
    objs.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                   "endstream");
    int content_id = static_cast<int>(objs.size());
    objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " +
                   std::to_string(content_id) +
                   " 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>");
    kids += std::to_string(objs.size()) + " 0 R ";
  }
  objs[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  int info_id = 0;
  if (!info.empty()) {
    objs.push_back("<< " + info + " >>");
    info_id = static_cast<int>(objs.size());
  }
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    out += buf;
  }
  out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R";
  if (info_id) out += " /Info " + std::to_string(info_id) + " 0 R";
  out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::vector<std::string> Texts(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.blocks) out.emplace_back(d.BlockText(b));
  return out;
}

// The invariants document.h promises, for any reader output.
void CheckLayout(const Document& d) {
  ASSERT_EQ(d.format, "pdf");
  ASSERT_GT(d.pages, 0);
  size_t pos = 0;
  for (const Block& b : d.blocks) {
    ASSERT_EQ(b.start, pos);
    ASSERT_LT(b.end, d.text.size());
    ASSERT_EQ(d.text[b.end], '\n');
    ASSERT_GE(b.page, 1);
    ASSERT_LE(b.page, d.pages);
    ASSERT_EQ(d.BlockText(b).find('\n'), std::string_view::npos);
    if (b.kind == BlockKind::kHeading) {
      ASSERT_GE(b.heading_level, 1);
      ASSERT_LE(b.heading_level, 6);
    }
    if (b.kind == BlockKind::kListItem) {
      ASSERT_FALSE(b.list_marker.empty());
    }
    if (b.kind == BlockKind::kTableRow) {
      ASSERT_FALSE(b.cells.empty());
    }
    pos = b.end + 1;
  }
  ASSERT_EQ(pos, d.text.size());
}

// ------------------------------------------------------ synthetic PDFs

TEST(PdfReaderTest, ReadsTextMetadataAndPages) {
  // Title as UTF-16BE with a byte-order mark: "Referat – Økonomiudvalget".
  std::string title = "<FEFF005200650066006500720061007400202013002000D8006B006F006E006F006D0069"
                      "0075006400760061006C006700650074>";
  std::string pdf =
      MakePdf({{{72, 80, "Referat", 20, true},
                {72, 120, "Mødet blev holdt på rådhuset, og alle medlemmer"},
                {72, 134, "var til stede under hele mødet."}},
               {{72, 80, "Beslutning:", 11, true}, {72, 100, "Godkendt."}}},
              "/Title " + title + " /CreationDate (D:20130620153540+02'00')");
  auto r = ReadPdf(pdf, ExtractOptions());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Document& d = *r;
  CheckLayout(d);
  EXPECT_EQ(d.pages, 2);
  ASSERT_TRUE(d.title.has_value());
  EXPECT_EQ(*d.title, "Referat – Økonomiudvalget");
  ASSERT_TRUE(d.created.has_value());
  EXPECT_EQ(*d.created, "2013-06-20T15:35:40+02:00");
  EXPECT_EQ(Texts(d), (std::vector<std::string>{
                          "Referat",
                          "Mødet blev holdt på rådhuset, og alle medlemmer var til stede under "
                          "hele mødet.",
                          "Beslutning:", "Godkendt."}));
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(d.blocks[2].kind, BlockKind::kHeading);
  EXPECT_EQ(d.blocks[2].page, 2);
  EXPECT_TRUE(d.blocks[2].bold);
  EXPECT_TRUE(d.warnings.empty());
}

TEST(PdfReaderTest, DateOnlyCreationDate) {
  std::string pdf = MakePdf({{{72, 80, "Tekst."}}}, "/CreationDate (D:20120302)");
  auto r = ReadPdf(pdf, ExtractOptions());
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->created.has_value());
  EXPECT_EQ(*r->created, "2012-03-02");
  EXPECT_FALSE(r->title.has_value());
}

TEST(PdfReaderTest, RunningFooterIsLeftOut) {
  std::vector<std::vector<TextItem>> pages;
  for (int p = 1; p <= 3; ++p)
    pages.push_back({{72, 60, "Økonomiudvalget, referat 12. maj 2014"},
                     {72, 300, "Punkt " + std::to_string(p) + ". Sagen blev drøftet."},
                     {280, 800, "Side " + std::to_string(p) + " af 3"}});
  auto r = ReadPdf(MakePdf(pages), ExtractOptions());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Texts(*r), (std::vector<std::string>{"Punkt 1. Sagen blev drøftet.",
                                                 "Punkt 2. Sagen blev drøftet.",
                                                 "Punkt 3. Sagen blev drøftet."}));
}

TEST(PdfReaderTest, PageWithoutTextIsNoTextAndSaysOcr) {
  auto r = ReadPdf(MakePdf({{}}), ExtractOptions());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNoText);
  EXPECT_NE(r.status().message().find("OCR"), std::string::npos);
}

TEST(PdfReaderTest, SomePagesWithoutTextGiveAWarning) {
  auto r = ReadPdf(MakePdf({{{72, 80, "Tekst."}}, {}}), ExtractOptions());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].code, "pages_without_text");
  EXPECT_NE(r->warnings[0].message.find("page 2"), std::string::npos);
}

TEST(PdfReaderTest, TooManyPages) {
  ExtractOptions o;
  o.max_pages = 2;
  auto r = ReadPdf(MakePdf({{{72, 80, "a"}}, {{72, 80, "b"}}, {{72, 80, "c"}}}), o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTooLarge);
}

TEST(PdfReaderTest, DeadlineGivesTimeout) {
  std::vector<std::vector<TextItem>> pages(600, {{72, 80, "Side med tekst."}});
  std::string pdf = MakePdf(pages);
  ScopedDeadline deadline(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto r = ReadPdf(pdf, ExtractOptions());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTimeout);
}

TEST(PdfReaderTest, DamagedXrefIsRepairedWithAWarning) {
  std::string pdf = MakePdf({{{72, 80, "Tekst der kan reddes."}}});
  size_t at = pdf.rfind("startxref\n");
  ASSERT_NE(at, std::string::npos);
  pdf = pdf.substr(0, at) + "startxref\n17\n%%EOF\n";  // points into nowhere
  auto r = ReadPdf(pdf, ExtractOptions());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Texts(*r), std::vector<std::string>{"Tekst der kan reddes."});
  bool repaired = false;
  for (const Warning& w : r->warnings) repaired = repaired || w.code == "pdf_repaired";
  EXPECT_TRUE(repaired);
}

TEST(PdfReaderTest, GarbageIsCorrupt) {
  for (std::string bytes : {std::string("%PDF-1.4\n"), std::string("%PDF-1.7\n1 0 obj << >>"),
                            std::string("%PDF-1.4\n") + std::string(5000, '\xff')}) {
    auto r = ReadPdf(bytes, ExtractOptions());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::kCorrupt) << r.status().ToString();
  }
}

TEST(PdfReaderTest, HostileFiles) {
  const auto dir = testing::SourceDir() / "tests/hardening/data";
  if (!std::filesystem::exists(dir / "good.pdf")) GTEST_SKIP() << "no hardening data";
  struct Case {
    const char* file;
    ErrorCode code;
  } cases[] = {{"good.pdf", ErrorCode::kOk},
               {"owner_only.pdf", ErrorCode::kOk},
               {"user_password.pdf", ErrorCode::kEncrypted},
               {"truncated.pdf", ErrorCode::kCorrupt},
               {"random_pdf_magic.pdf", ErrorCode::kCorrupt}};
  for (const Case& c : cases) {
    auto r = ReadPdf(testing::ReadFile(dir / c.file), ExtractOptions());
    EXPECT_EQ(r.status().code(), c.code) << c.file << ": " << r.status().ToString();
    if (r.ok()) CheckLayout(*r);
  }
}

// ------------------------------------------------------------ real PDFs

std::filesystem::path Real(const char* name) {
  return testing::SharedDir() / "corpus/real" / name;
}

#define REAL_OR_SKIP(var, name)                                               \
  const auto var##_path = Real(name);                                         \
  if (!std::filesystem::exists(var##_path)) GTEST_SKIP() << "absent: " << name; \
  const std::string var = testing::ReadFile(var##_path)

const Block* FindBlock(const Document& d, std::string_view text, size_t* index = nullptr) {
  for (size_t i = 0; i < d.blocks.size(); ++i)
    if (d.BlockText(d.blocks[i]) == text) {
      if (index) *index = i;
      return &d.blocks[i];
    }
  return nullptr;
}

TEST(PdfRealTest, LetterWithSideColumnReadsInOrder) {
  REAL_OR_SKIP(bytes, "ballerup_kmb-it-udvalget_2013-05-15_bilag1_KL-brev.pdf");
  auto r = ReadPdf(bytes, ExtractOptions());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Document& d = *r;
  CheckLayout(d);
  EXPECT_EQ(d.pages, 3);
  size_t title = 0, body = 0, side = 0;
  ASSERT_NE(FindBlock(d, "Tilslutning til monopolbruddet", &title), nullptr) << d.text;
  EXPECT_EQ(d.blocks[title].kind, BlockKind::kHeading);
  const std::string first =
      "KL udsendte den 6. november 2012 et brev til kommunerne, hvor KL bad alle kommuner om at "
      "tilslutte sig en række udbud, som skal gennemføres af KOMBIT på vegne af kommunerne. "
      "Udbuddene er nødvendige for at bryde KMD’s monopol på en række af kommunernes vigtige "
      "it-løsninger og skabe konkurrence på det kommunale it-marked.";
  ASSERT_NE(FindBlock(d, first, &body), nullptr) << d.text;
  ASSERT_NE(FindBlock(d, "Den 3. januar 2013", &side), nullptr) << d.text;
  EXPECT_LT(title, body);
  EXPECT_GT(side, body);
  // The side column comes after the whole body of page 1, not inside it.
  EXPECT_EQ(d.text.find("Weidekampsgade"), d.text.rfind("Weidekampsgade"));
  EXPECT_NE(d.text.find("fastholder det centrale kommunalpolitiske perspektiv"), std::string::npos);
  EXPECT_EQ(d.text.find("1/3"), std::string::npos);
}

TEST(PdfRealTest, SyddjursReferatMatchesItsStructure) {
  REAL_OR_SKIP(bytes, "syddjurs_puk_2013-06-20_referat.pdf");
  auto r = ReadPdf(bytes, ExtractOptions());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Document& d = *r;
  CheckLayout(d);
  EXPECT_EQ(d.pages, 5);
  // Running header, its page stamp and "N of 5" are out of the body.
  EXPECT_EQ(d.text.find("Referat For Udvalget"), std::string::npos);
  EXPECT_EQ(d.text.find("of 5"), std::string::npos);
  EXPECT_EQ(d.text.find("Side 2"), std::string::npos);

  const Block* b = FindBlock(d, "Sagsnr.:\t12/27845");
  ASSERT_NE(b, nullptr) << d.text;
  EXPECT_EQ(b->kind, BlockKind::kTableRow);
  for (const char* h : {"Resumé", "Sagsfremstilling", "Indstilling", "Bilag",
                        "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013"}) {
    const Block* hb = FindBlock(d, h);
    ASSERT_NE(hb, nullptr) << h;
    EXPECT_EQ(hb->kind, BlockKind::kHeading) << h;
  }
  size_t i = 0;
  ASSERT_NE(FindBlock(d, "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013", &i),
            nullptr);
  ASSERT_LT(i + 2, d.blocks.size());
  EXPECT_EQ(d.BlockText(d.blocks[i + 1]), "Punktet blev drøftet.");
  EXPECT_EQ(d.BlockText(d.blocks[i + 2]),
            "Sagen genoptages på det kommende ordinære møde i udvalget, hvor der vil foreligge et "
            "1. oplæg til strategi med udgangspunkt i udvalgets hidtidige drøftelser.");
  ASSERT_NE(FindBlock(d, "Indstilling", &i), nullptr);
  EXPECT_EQ(d.BlockText(d.blocks[i + 1]),
            "Direktøren indstiller, at Udvalget for Plan, udvikling og kultur påbegynder arbejdet "
            "med formulering af mål og handlinger for KULTURKOMMUNEN 2017.");
  // Bullets from a Symbol font.
  b = FindBlock(d, "Hvad vil du gerne have opnået i 2017?");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->kind, BlockKind::kListItem);
  EXPECT_EQ(b->list_marker, "\xE2\x80\xA2");
  // Members in two columns; attachments as rows.
  EXPECT_NE(FindBlock(d, "Jesper Mathiesen (A)\tOle Bjerregaard (V)"), nullptr);
  EXPECT_NE(FindBlock(d, "1\tÅben\tOpsamlingsnotat. Temamøde 20.09.2012\t222359/12"), nullptr);
}

TEST(PdfRealTest, KlReportLeavesHeadersAndFootersOut) {
  REAL_OR_SKIP(bytes, "KL_rapport_det-naere-sundhedsvaesen_2012.pdf");
  auto r = ReadPdf(bytes, ExtractOptions());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Document& d = *r;
  CheckLayout(d);
  EXPECT_EQ(d.pages, 108);
  // The printed page numbers (equal to the PDF's page numbers here, at the
  // top of each page) are not the first block of any page. (A chart axis
  // may still read "20" on page 20.)
  int last_page = 0;
  for (const Block& b : d.blocks) {
    if (b.page != last_page)
      EXPECT_NE(d.BlockText(b), std::to_string(b.page)) << "page number left in on p" << b.page;
    last_page = b.page;
  }
  const Block* forord = FindBlock(d, "1. Forord");
  ASSERT_NE(forord, nullptr);
  EXPECT_EQ(forord->kind, BlockKind::kHeading);
  EXPECT_EQ(forord->page, 3);
  // Three-column text: a paragraph running from the second column into the
  // third is one block, and hyphenated words are whole.
  EXPECT_NE(d.text.find("For det giver ikke mening at indlægge og behandle alle på specialiserede og "
                        "ofte fjerntliggende sygehuse."),
            std::string::npos);
  EXPECT_NE(d.text.find("halter danskernes folkesundhed fortsat langt efter"), std::string::npos);
}

TEST(PdfRealTest, AarhusCaseTableKeepsRowsAndWrappedCells) {
  REAL_OR_SKIP(bytes, "aarhus_sundhed-og-omsorg_sager-paa-vej_2025.pdf");
  auto r = ReadPdf(bytes, ExtractOptions());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Document& d = *r;
  CheckLayout(d);
  const Block* b = FindBlock(
      d,
      "Svar på forslag fra M om bevarelse af sygeplejeydelser og intern kompetenceudvikling i "
      "Sociale Forhold og Beskæftigelse (med MSB)\tSundhed og Forebyggelse\tVedtaget. Byrådet 25. "
      "juni");
  ASSERT_NE(b, nullptr) << d.text;
  EXPECT_EQ(b->kind, BlockKind::kTableRow);
  EXPECT_EQ(b->cells.size(), 3u);
  EXPECT_NE(FindBlock(d, "Implementering af ældrelov\tTaskforce\tVedtaget. Byrådet 10. juni"),
            nullptr);
  EXPECT_EQ(d.text.find("Side 1 af 4"), std::string::npos);
}

TEST(PdfRealTest, BallerupBudgetTable) {
  REAL_OR_SKIP(bytes, "ballerup_bilag_prioritering-af-midler-til-kronikerindsatser.pdf");
  auto r = ReadPdf(bytes, ExtractOptions());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Document& d = *r;
  CheckLayout(d);
  ASSERT_TRUE(d.title.has_value());
  EXPECT_EQ(*d.title, "Notat - Ballerup Kommune");
  EXPECT_NE(FindBlock(d, "b) Standardiserede træningsforløb for programmerne Diabetes, hjerte-kar "
                         "lænderyg og kræft\t720.000 kr."),
            nullptr)
      << d.text;
  EXPECT_NE(FindBlock(d, "I alt\t2.890.000 kr."), nullptr);
}

TEST(PdfRealTest, ScannedPdfIsNoTextWithoutOcr) {
  REAL_OR_SKIP(bytes, "region-hovedstaden_forretningsudvalget_2012-09-25_bilag1_scanned.pdf");
  ExtractOptions o;
  o.ocr = OcrMode::kNever;  // ocr_test.cc reads it with OCR
  auto r = ReadPdf(bytes, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNoText);
  EXPECT_NE(r.status().message().find("OCR"), std::string::npos);
}

std::vector<std::filesystem::path> RealPdfs() {
  std::vector<std::filesystem::path> out;
  const auto dir = testing::SharedDir() / "corpus/real";
  if (!std::filesystem::exists(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".pdf" && e.path().filename().string().find("scanned") ==
                                              std::string::npos)
      out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(PdfRealTest, EveryRealPdfKeepsTheLayoutAndIsDeterministic) {
  auto files = RealPdfs();
  if (files.empty()) GTEST_SKIP() << "no real corpus";
  for (const auto& f : files) {
    std::string bytes = testing::ReadFile(f);
    auto a = ReadPdf(bytes, ExtractOptions());
    ASSERT_TRUE(a.ok()) << f << ": " << a.status().ToString();
    CheckLayout(*a);
    auto b = ReadPdf(bytes, ExtractOptions());
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(a->text, b->text) << f;
    EXPECT_EQ(a->blocks.size(), b->blocks.size()) << f;
  }
}

TEST(PdfRealTest, ParallelReadsGiveTheSameResult) {
  auto files = RealPdfs();
  if (files.empty()) GTEST_SKIP() << "no real corpus";
  std::vector<std::string> bytes, expected;
  for (const auto& f : files) {
    bytes.push_back(testing::ReadFile(f));
    auto r = ReadPdf(bytes.back(), ExtractOptions());
    expected.push_back(r.ok() ? r->text : r.status().ToString());
  }
  constexpr int kThreads = 4;
  std::vector<std::vector<std::string>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 2; ++round)
        for (size_t k = 0; k < bytes.size(); ++k) {
          size_t i = (k + t) % bytes.size();  // each thread in its own order
          auto r = ReadPdf(bytes[i], ExtractOptions());
          got[t].push_back(std::to_string(i) + ":" + (r.ok() ? r->text : r.status().ToString()));
        }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t)
    for (const std::string& g : got[t]) {
      size_t colon = g.find(':');
      size_t i = std::stoul(g.substr(0, colon));
      EXPECT_EQ(g.substr(colon + 1), expected[i]) << files[i];
    }
}

}  // namespace
}  // namespace referat
