#include <gtest/gtest.h>

#include "read/reader.h"
#include "test_util.h"

namespace referat {
namespace {

Document Read(std::string_view s, bool md) {
  auto r = ReadText(s, md, ExtractOptions{});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : Document{};
}

TEST(Sniff, FromBytesNotNames) {
  EXPECT_EQ(SniffFormat("%PDF-1.7\n..."), Format::kPdf);
  EXPECT_EQ(SniffFormat(std::string("PK\x03\x04....word/document.xml", 26)), Format::kDocx);
  EXPECT_EQ(SniffFormat(std::string("PK\x03\x04....other.xml", 18)), Format::kUnknown);
  EXPECT_EQ(SniffFormat("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), Format::kUnknown);
  EXPECT_EQ(SniffFormat("<!DOCTYPE html><html><body>x</body></html>"), Format::kHtml);
  EXPECT_EQ(SniffFormat("Referat\n\nPunkt 1."), Format::kText);
  EXPECT_EQ(SniffFormat("**Punkt 1.**\n"), Format::kMarkdown);
  EXPECT_EQ(SniffFormat("## Sagsbeskrivelse\n"), Format::kMarkdown);
  // Inline emphasis alone makes Markdown (seed 004: 'at *"Tilskuddet ..."*');
  // an asterisk as a product or a lone mark does not.
  EXPECT_EQ(SniffFormat("skriver, at *\"Tilskuddet er begrundet.\"*\n"), Format::kMarkdown);
  EXPECT_EQ(SniffFormat("et _vigtigt_ punkt\n"), Format::kMarkdown);
  EXPECT_EQ(SniffFormat("13.000 kr. pr. deltager*225 deltagere\n"), Format::kText);
  EXPECT_EQ(SniffFormat("5 * 3 = 15 og 2 * 4\n"), Format::kText);
  EXPECT_EQ(SniffFormat("fil_navn_2017.docx\n"), Format::kText);
  EXPECT_EQ(SniffFormat(std::string("a\0b", 3)), Format::kUnknown);
  EXPECT_EQ(SniffFormat(""), Format::kUnknown);
  EXPECT_NE(DescribeUnknown("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").find("Word 97"), std::string::npos);
}

TEST(TextReader, MarkdownResidueIsStyleNotText) {
  Document d = Read("**Punkt 5.**\n\n*Beslutning:*\n\n## Sagsbeskrivelse\n\n- mange \\- flere\n", true);
  ASSERT_EQ(d.blocks.size(), 4u);
  EXPECT_EQ(d.BlockText(d.blocks[0]), "Punkt 5.");
  EXPECT_TRUE(d.blocks[0].bold);
  EXPECT_EQ(d.BlockText(d.blocks[1]), "Beslutning:");
  EXPECT_TRUE(d.blocks[1].italic);
  EXPECT_EQ(d.blocks[2].kind, BlockKind::kHeading);
  EXPECT_EQ(d.blocks[2].heading_level, 2);
  EXPECT_EQ(d.BlockText(d.blocks[2]), "Sagsbeskrivelse");
  EXPECT_EQ(d.blocks[3].kind, BlockKind::kListItem);
  EXPECT_EQ(d.BlockText(d.blocks[3]), "mange - flere");
  EXPECT_TRUE(d.blocks[1].gap_before);
}

TEST(TextReader, AsteriskAsMultiplicationSurvives) {
  Document d = Read("**x**\n(13.000 kr. pr. deltager*225 deltagere)\n", true);
  EXPECT_EQ(d.BlockText(d.blocks[1]), "(13.000 kr. pr. deltager*225 deltagere)");
}

TEST(TextReader, InlineEmphasis) {
  Document d = Read("**x**\n- *Mentorstøtte*: tillidsfuld relation\n", true);
  EXPECT_EQ(d.BlockText(d.blocks[1]), "Mentorstøtte: tillidsfuld relation");
}

TEST(TextReader, TabsMakeTableRows) {
  Document d = Read("Tid\tTirsdag 24. oktober 2017, kl. 12.15\nØvrige oplysninger\t\n", false);
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kTableRow);
  ASSERT_EQ(d.blocks[0].cells.size(), 2u);
  EXPECT_EQ(d.Slice(d.blocks[0].cells[0].start, d.blocks[0].cells[0].end), "Tid");
  EXPECT_EQ(d.blocks[1].cells.size(), 2u);
}

// docplayer.dk's transcripts (Kolding Byrådet 9.8.2010, docplayer.dk/2304710):
// a PDF page a line, its number first, the pages apart by an empty line.
// The numbers are the pages; an item's own number after them stays. Lines
// numbered so that are not pages (a short numbered list) keep their numbers.
TEST(TextReader, PageNumbersOpeningATranscriptsPageLines) {
  const std::string page1 = "1 Sidenr Protokol Mødedato: 9. august 2010 Mødetidspunkt: 19:00 Sluttidspunkt: 19:30 "
                            "Mødelokale: Fraværende: Byrådssalen Erik Lund, Søren Rasmussen, Bjarne Juel Møller, "
                            "Kjeld Kjeldsen GODKENDELSE AF FORSLAG TIL DAGSORDENEN: Godkendtes.";
  Document d = Read(page1 + "\n\n2 1. Samsam Abdikarim Suber Borle anmoder om at måtte udtræde\n", false);
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.BlockText(d.blocks[0]).substr(0, 6), "Sidenr");
  EXPECT_EQ(d.BlockText(d.blocks[1]).substr(0, 3), "1. ");
  EXPECT_EQ(d.blocks[1].page, 2);
  EXPECT_EQ(d.pages, 2);
  Document list = Read("1 Godkendelse af dagsorden\n\n2 Meddelelser\n", false);
  ASSERT_EQ(list.blocks.size(), 2u);
  EXPECT_EQ(list.BlockText(list.blocks[1]), "2 Meddelelser");
  EXPECT_EQ(list.pages, 0);
}

// Columns set with runs of spaces (typewritten protocols with the decision
// in the margin, text dumped with `pdftotext -layout`) are cells; single
// and double spaces, and indentation, are not.
TEST(TextReader, WideSpaceGapsMakeTableRows) {
  Document d = Read("Deltagere:         Jeppe Kirkegaard\n                   Tilde Ølholm\n"
                    "1. Vittrup Skole. Tilbud paa 80 Kr.                    Antoges.\n"
                    "Mødet  blev hævet.\n",
                    false);
  ASSERT_EQ(d.blocks.size(), 4u);
  ASSERT_EQ(d.blocks[0].kind, BlockKind::kTableRow);
  ASSERT_EQ(d.blocks[0].cells.size(), 2u);
  EXPECT_EQ(d.Slice(d.blocks[0].cells[1].start, d.blocks[0].cells[1].end), "Jeppe Kirkegaard");
  EXPECT_NE(d.blocks[1].kind, BlockKind::kTableRow);
  EXPECT_EQ(d.BlockText(d.blocks[1]), "Tilde Ølholm");
  ASSERT_EQ(d.blocks[2].kind, BlockKind::kTableRow);
  EXPECT_EQ(d.Slice(d.blocks[2].cells[1].start, d.blocks[2].cells[1].end), "Antoges.");
  EXPECT_NE(d.blocks[3].kind, BlockKind::kTableRow);
  // Markdown keeps its own meaning of spaces.
  Document md = Read("1. Vittrup Skole.        Antoges.\n", true);
  EXPECT_NE(md.blocks[0].kind, BlockKind::kTableRow);
}

TEST(TextReader, Latin1IsDetectedAndConverted) {
  Document d = Read("Beslutning i \xD8konomiudvalget: Godkendt. M\xF8" "det p\xE5 r\xE5" "dhuset.\n", false);
  EXPECT_EQ(d.BlockText(d.blocks[0]),
            "Beslutning i Økonomiudvalget: Godkendt. Mødet på rådhuset.");
  ASSERT_FALSE(d.warnings.empty());
  EXPECT_EQ(d.warnings[0].code, "legacy_encoding");
}

TEST(TextReader, InvalidUtf8IsReplacedWithWarning) {
  Document d = Read("Møde på rådhuset \xFF i Ærø og Århus.\n", false);
  EXPECT_NE(d.text.find("\xEF\xBF\xBD"), std::string::npos);
  ASSERT_FALSE(d.warnings.empty());
  EXPECT_EQ(d.warnings[0].code, "invalid_utf8");
}

TEST(TextReader, FormFeedsArePages) {
  Document d = Read("side et\n\fside to\n", false);
  EXPECT_EQ(d.pages, 2);
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[1].page, 2);
}

// pdftotext's dump of a paged document: a page's first or last line that
// is only its number ("1 of 13" above, "1" below; the Syddjurs culture
// policy of 2009) is page furniture; a number inside a page is text.
TEST(TextReader, PageNumberLinesAtPageEdgesAreFurniture) {
  Document d = Read("1 of 13\nPolitik\n\f2 of 13\nForord\nKultur giver puls.\n2024\nflere linjer\n1\n\f"
                    "Side 3 af 13\nVision\n",
                    false);
  std::vector<std::string> lines;
  for (const auto& b : d.blocks) lines.emplace_back(d.BlockText(b));
  EXPECT_EQ(lines, (std::vector<std::string>{"Politik", "Forord", "Kultur giver puls.", "2024", "flere linjer",
                                             "Vision"}));
  EXPECT_EQ(d.pages, 3);
  // The text itself keeps every byte.
  EXPECT_NE(d.text.find("1 of 13"), std::string::npos);
  // Without form feeds there are no pages and nothing is furniture.
  Document flat = Read("1\nPolitik\n", false);
  EXPECT_EQ(flat.blocks.size(), 2u);
}

TEST(TextReader, EmptyIsNoText) {
  auto r = ReadText("\n\n  \n", false, ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNoText);
}

}  // namespace
}  // namespace referat
