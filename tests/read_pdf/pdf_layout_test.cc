// The PDF layout logic on hand-made pages: no PDFs, no poppler.
#include "read/pdf_layout.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace referat::pdf {
namespace {

// Builds a page of words set in a fixed-width font: every character is
// 0.5 em wide and a space 0.25 em, which is close to real proportional text.
class PageMaker {
 public:
  PageMaker(float width = 595, float height = 842) {
    page_.width = width;
    page_.height = height;
    page_.fonts = {{"Arial", false, false}, {"Arial-Bold", true, false}};
  }

  // Sets `text` (words separated by spaces) from x on baseline y; returns
  // the x where it ends.
  float Text(float x, float y, std::string_view text, float size = 10, bool bold = false) {
    size_t i = 0;
    while (i < text.size()) {
      size_t e = text.find(' ', i);
      if (e == std::string_view::npos) e = text.size();
      if (e > i) {
        Word w;
        w.text = std::string(text.substr(i, e - i));
        float chars = 0;
        for (unsigned char c : w.text)
          if ((c & 0xC0) != 0x80) chars += 1;
        w.x0 = x;
        w.x1 = x + chars * 0.5f * size;
        w.y0 = y - 0.8f * size;
        w.y1 = y + 0.2f * size;
        w.baseline = y;
        w.font_size = size;
        w.font = bold ? 1 : 0;
        w.bold = bold;
        page_.words.push_back(std::move(w));
        x = page_.words.back().x1;
      }
      x += 0.25f * size;
      i = e + 1;
    }
    return x - 0.25f * size;
  }

  const Page& page() const { return page_; }

 private:
  Page page_;
};

Document Lay(const std::vector<Page>& pages) {
  Layout layout;
  for (size_t i = 0; i < pages.size(); ++i) layout.AddPage(pages[i], static_cast<int>(i) + 1);
  DocumentBuilder b("pdf");
  EXPECT_TRUE(layout.Finish(&b).ok());
  Document d = std::move(b).Finish();
  d.pages = static_cast<int>(pages.size());
  return d;
}

std::vector<std::string> Texts(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.blocks) out.emplace_back(d.BlockText(b));
  return out;
}

TEST(PdfLayoutTest, WrappedParagraphIsOneBlockAndGapsSeparate) {
  PageMaker m;
  // A 40-character measure: every line is full, so lines wrap.
  m.Text(72, 100, "Byrådet besluttede at sende sagen videre");
  m.Text(72, 112, "til behandling i økonomiudvalget med en");
  m.Text(72, 124, "anbefaling.");
  m.Text(72, 148, "Næste afsnit står for sig selv.");
  Document d = Lay({m.page()});
  ASSERT_EQ(d.blocks.size(), 2u) << d.text;
  EXPECT_EQ(d.BlockText(d.blocks[0]),
            "Byrådet besluttede at sende sagen videre til behandling i økonomiudvalget med en "
            "anbefaling.");
  EXPECT_EQ(d.BlockText(d.blocks[1]), "Næste afsnit står for sig selv.");
  EXPECT_EQ(d.blocks[0].page, 1);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kParagraph);
  EXPECT_TRUE(d.blocks[1].gap_before);
}

TEST(PdfLayoutTest, ShortLinesWithoutGapStaySeparate) {
  PageMaker m;
  // The paragraph above sets the right margin the short lines fall short of.
  m.Text(72, 76, "Arbejdet blev igangsat i udvalget med udgangspunkt i nedenstående");
  m.Text(72, 88, "tidsplan:");
  m.Text(72, 100, "Juni 2012: Definering og planlægning af projektet i udvalget");
  m.Text(72, 112, "Juni 2012: Kultur-kick");
  m.Text(72, 124, "Juli 2012: Kultur-postkort til byrådsmedlemmer");
  Document d = Lay({m.page()});
  EXPECT_EQ(Texts(d), (std::vector<std::string>{
                          "Arbejdet blev igangsat i udvalget med udgangspunkt i nedenstående "
                          "tidsplan:",
                          "Juni 2012: Definering og planlægning af projektet i udvalget",
                          "Juni 2012: Kultur-kick", "Juli 2012: Kultur-postkort til byrådsmedlemmer"}));
  EXPECT_FALSE(d.blocks[2].gap_before);
}

TEST(PdfLayoutTest, BoldHeadingStandsAloneAndGetsALevel) {
  PageMaker m;
  m.Text(72, 80, "Referat", 20, true);
  m.Text(72, 110, "Beslutning:", 10, true);
  m.Text(72, 122, "Indstillingen blev godkendt.");
  m.Text(72, 146, "Mere brødtekst, så brødtekstens størrelse er den almindelige.");
  Document d = Lay({m.page()});
  ASSERT_EQ(d.blocks.size(), 4u) << d.text;
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(d.blocks[0].heading_level, 1);
  EXPECT_EQ(d.BlockText(d.blocks[1]), "Beslutning:");
  EXPECT_EQ(d.blocks[1].kind, BlockKind::kHeading);
  EXPECT_EQ(d.blocks[1].heading_level, 2);
  EXPECT_TRUE(d.blocks[1].bold);
  EXPECT_EQ(d.BlockText(d.blocks[2]), "Indstillingen blev godkendt.");
  EXPECT_EQ(d.blocks[2].kind, BlockKind::kParagraph);
  EXPECT_FLOAT_EQ(d.blocks[2].font_size, 10);
}

// A bold heading in the body's type wrapped over four lines of a narrow
// column (KL, Det nære sundhedsvæsen 2012, p. 102: "Incitamenterne peger
// den / forkerte vej – de understøt- / ter mere aktivitet, ikke mere /
// forebyggelse") is a heading; a bold paragraph of four lines ending its
// sentence is not.
TEST(PdfLayoutTest, BoldHeadingOfFourNarrowLines) {
  PageMaker m;
  m.Text(72, 100, "Det er en grundlæggende", 9);
  m.Text(72, 111, "udfordring i finansieringen af", 9);
  m.Text(72, 122, "vores sundhedsvæsen i dag, at", 9);
  m.Text(72, 133, "finansieringen er aktivitets-", 9);
  m.Text(72, 144, "baseret for sygehusene.", 9);
  m.Text(72, 166, "Incitamenterne peger den", 9, true);
  m.Text(72, 177, "forkerte vej – de understøt-", 9, true);
  m.Text(72, 188, "ter mere aktivitet, ikke mere", 9, true);
  m.Text(72, 199, "forebyggelse", 9, true);
  m.Text(72, 221, "Kommunerne er rammestyrede. Det", 9);
  m.Text(72, 232, "betyder, at en øget indsats skal", 9);
  m.Text(72, 243, "finansieres af bloktilskuddet.", 9);
  m.Text(72, 265, "Det er derfor helt afgørende, at", 9, true);
  m.Text(72, 276, "der følger penge med opgaverne,", 9, true);
  m.Text(72, 287, "når de flytter fra sygehusene til", 9, true);
  m.Text(72, 298, "kommunerne.", 9, true);
  Document d = Lay({m.page()});
  std::vector<std::string> t = Texts(d);
  ASSERT_EQ(t.size(), 4u) << d.text;
  EXPECT_EQ(t[1], "Incitamenterne peger den forkerte vej – de understøtter mere aktivitet, ikke mere forebyggelse");
  EXPECT_EQ(d.blocks[1].kind, BlockKind::kHeading);
  EXPECT_EQ(d.blocks[3].kind, BlockKind::kParagraph);
}

// A heading in a narrow left column whose second line comes below the first
// line of a figure's caption set to its right (KL, Det nære sundhedsvæsen
// 2012, p. 104: "Frigørelse af ressourcer i" / "sygehusvæsenet" beside
// "Figur 15.1. Udviklingen i antal ambulante besøg på somatiske" /
// "sygehuse 2002-2009."): the second line goes back to the left column, it
// does not go on the caption.
TEST(PdfLayoutTest, HeadingLineLeftOfACaptionIsNoPartOfIt) {
  PageMaker m;
  m.Text(56.7f, 77.8f, "Frigørelse af ressourcer i", 9, true);
  m.Text(203.1f, 83.9f, "Figur 15.1. Udviklingen i antal ambulante besøg på somatiske", 8, true);
  m.Text(56.7f, 91.8f, "sygehusvæsenet", 9, true);
  m.Text(203.1f, 93.9f, "sygehuse 2002-2009.", 8, true);
  m.Text(56.7f, 105.7f, "Der bliver i dag løbende frigjort", 9);
  m.Text(56.7f, 119.7f, "ressourcer i sundhedsvæsenet", 9);
  m.Text(56.7f, 133.6f, "som følge af udviklingen i be-", 9);
  m.Text(56.7f, 147.6f, "handlingsindsatsen, bl.a. i form af", 9);
  m.Text(56.7f, 161.5f, "bedre muligheder for at behandle", 9);
  m.Text(56.7f, 175.5f, "ambulant og kortere liggetider.", 9);
  Document d = Lay({m.page()});
  for (const std::string& t : Texts(d))
    if (t.rfind("Figur", 0) == 0) EXPECT_EQ(t.find("sygehusvæsenet"), std::string::npos) << t;
}

TEST(PdfLayoutTest, TwoColumnsReadColumnByColumn) {
  PageMaker m;
  const char* left[] = {"venstre spalte linje en og", "så videre med linje to og",
                        "fortsat med linje tre og", "slutter med linje fire."};
  const char* right[] = {"højre spalte linje en og", "så videre med linje to og",
                         "fortsat med linje tre og", "slutter med linje fire."};
  for (int i = 0; i < 4; ++i) {
    m.Text(72, 100 + 12 * i, left[i]);
    m.Text(300, 100 + 12 * i, right[i]);
  }
  Document d = Lay({m.page()});
  ASSERT_EQ(d.blocks.size(), 2u) << d.text;
  EXPECT_EQ(d.BlockText(d.blocks[0]),
            "venstre spalte linje en og så videre med linje to og fortsat med linje tre og "
            "slutter med linje fire.");
  EXPECT_EQ(d.BlockText(d.blocks[1]).substr(0, 13), "højre spalte");
}

TEST(PdfLayoutTest, SideColumnBesideALetterBodyComesAfterTheBody) {
  PageMaker m;
  m.Text(72, 100, "Tilslutning til monopolbruddet", 13, true);
  m.Text(460, 100, "Den 3. januar 2013", 7);
  const char* body[] = {"KL udsendte den 6. november 2012 et brev til",
                        "kommunerne, hvor KL bad alle kommuner om at",
                        "tilslutte sig en række udbud, som skal gennem-",
                        "føres af KOMBIT på vegne af kommunerne."};
  const char* side[] = {"Weidekampsgade 10", "Postboks 3370", "", "www.kl.dk"};
  for (int i = 0; i < 4; ++i) {
    m.Text(72, 124 + 14 * i, body[i], 10);
    if (*side[i]) m.Text(460, 124 + 14 * i, side[i], 7);
  }
  Document d = Lay({m.page()});
  std::vector<std::string> t = Texts(d);
  ASSERT_GE(t.size(), 3u) << d.text;
  EXPECT_EQ(t[0], "Tilslutning til monopolbruddet");
  EXPECT_EQ(t[1],
            "KL udsendte den 6. november 2012 et brev til kommunerne, hvor KL bad alle kommuner "
            "om at tilslutte sig en række udbud, som skal gennemføres af KOMBIT på vegne af "
            "kommunerne.");
  EXPECT_EQ(t[2], "Den 3. januar 2013");
  EXPECT_NE(d.text.find("www.kl.dk"), std::string::npos);
}

TEST(PdfLayoutTest, TableRowsKeepCellsAndWrappedCells) {
  PageMaker m;
  m.Text(72, 100, "Sag", 10, true);
  m.Text(330, 100, "Afd.", 10, true);
  m.Text(430, 100, "Vedtaget", 10, true);
  // A row whose first and second cells wrap onto a second line.
  m.Text(72, 114, "Svar på forslag om bevarelse af pleje og");
  m.Text(330, 114, "Sundhed og");
  m.Text(430, 114, "Byrådet 25. juni");
  m.Text(72, 126, "kompetenceudvikling (med MSB)");
  m.Text(330, 126, "Forebyggelse");
  m.Text(72, 140, "Implementering af ældrelov");
  m.Text(330, 140, "Taskforce");
  m.Text(430, 140, "Byrådet 10. juni");
  Document d = Lay({m.page()});
  ASSERT_EQ(d.blocks.size(), 3u) << d.text;
  for (const Block& b : d.blocks) EXPECT_EQ(b.kind, BlockKind::kTableRow);
  EXPECT_EQ(d.BlockText(d.blocks[0]), "Sag\tAfd.\tVedtaget");
  EXPECT_EQ(d.BlockText(d.blocks[1]),
            "Svar på forslag om bevarelse af pleje og kompetenceudvikling (med MSB)\tSundhed og "
            "Forebyggelse\tByrådet 25. juni");
  ASSERT_EQ(d.blocks[1].cells.size(), 3u);
  EXPECT_EQ(d.Slice(d.blocks[1].cells[2].start, d.blocks[1].cells[2].end), "Byrådet 25. juni");
  EXPECT_EQ(d.BlockText(d.blocks[2]), "Implementering af ældrelov\tTaskforce\tByrådet 10. juni");
}

TEST(PdfLayoutTest, KeyValueLineIsATableRow) {
  PageMaker m;
  m.Text(72, 100, "Sagsnr.:", 10, true);
  m.Text(186, 100, "12/27845");
  m.Text(72, 112, "Sagen afgøres i:", 10, true);
  m.Text(186, 112, "Udvalget for plan, udvikling og kultur");
  m.Text(72, 136, "Resumé", 10, true);
  Document d = Lay({m.page()});
  ASSERT_EQ(d.blocks.size(), 3u) << d.text;
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kTableRow);
  EXPECT_EQ(d.BlockText(d.blocks[0]), "Sagsnr.:\t12/27845");
  EXPECT_EQ(d.BlockText(d.blocks[1]), "Sagen afgøres i:\tUdvalget for plan, udvikling og kultur");
  EXPECT_EQ(d.BlockText(d.blocks[2]), "Resumé");
  EXPECT_EQ(d.blocks[2].kind, BlockKind::kHeading);
}

TEST(PdfLayoutTest, BulletsBecomeListItemsWithoutTheBullet) {
  PageMaker m;
  m.Text(72, 100, "Byrådet arbejdede med disse spørgsmål:");
  m.Text(90, 114, "\xEF\x82\xB7");  // U+F0B7, a Symbol-font bullet
  m.Text(108, 114, "Hvad vil du gerne have opnået i 2017?");
  m.Text(90, 126, "\xE2\x80\xA2");  // •
  m.Text(108, 126, "Hvad vil det kræve? – og af hvem, og hvornår skal det");
  m.Text(108, 138, "være gennemført?");
  m.Text(90, 150, "\xE2\x80\x93");  // – set apart by a tab stop
  m.Text(108, 150, "Hvem får det betydning for?");
  Document d = Lay({m.page()});
  ASSERT_EQ(d.blocks.size(), 4u) << d.text;
  EXPECT_EQ(d.blocks[1].kind, BlockKind::kListItem);
  EXPECT_EQ(d.blocks[1].list_marker, "\xE2\x80\xA2");
  EXPECT_EQ(d.BlockText(d.blocks[1]), "Hvad vil du gerne have opnået i 2017?");
  EXPECT_EQ(d.BlockText(d.blocks[2]),
            "Hvad vil det kræve? – og af hvem, og hvornår skal det være gennemført?");
  EXPECT_EQ(d.blocks[3].kind, BlockKind::kListItem);
  EXPECT_EQ(d.blocks[3].list_marker, "\xE2\x80\x93");
}

TEST(PdfLayoutTest, DashInsideALineIsNotABullet) {
  PageMaker m;
  m.Text(72, 100, "Mange kommuner har oplevet markante stigninger");
  m.Text(72, 112, "– ikke mindst de kommuner, der har de laveste priser.");
  Document d = Lay({m.page()});
  ASSERT_EQ(d.blocks.size(), 1u) << d.text;
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kParagraph);
}

TEST(PdfLayoutTest, RunningHeadersFootersAndPageNumbersAreLeftOut) {
  std::vector<Page> pages;
  for (int p = 1; p <= 4; ++p) {
    PageMaker m;
    m.Text(200, 40, "Referat for Udvalget for plan, udvikling og kultur");
    m.Text(500, 40, "Side " + std::to_string(p));
    m.Text(72, 300, "Indhold på side nummer " + std::to_string(p) + " af referatet.");
    m.Text(280, 800, std::to_string(p) + " of 4");
    pages.push_back(m.page());
  }
  Document d = Lay(pages);
  ASSERT_EQ(d.blocks.size(), 4u) << d.text;
  for (int p = 0; p < 4; ++p) {
    EXPECT_EQ(d.blocks[p].page, p + 1);
    EXPECT_EQ(d.BlockText(d.blocks[p]),
              "Indhold på side nummer " + std::to_string(p + 1) + " af referatet.");
  }
}

TEST(PdfLayoutTest, ContentRepeatedOnlyOnceIsKept) {
  std::vector<Page> pages;
  for (int p = 1; p <= 4; ++p) {
    PageMaker m;
    if (p == 2) m.Text(72, 40, "Bilag til punkt 5");
    m.Text(72, 300, "Tekst.");
    pages.push_back(m.page());
  }
  Document d = Lay(pages);
  EXPECT_NE(d.text.find("Bilag til punkt 5"), std::string::npos);
}

TEST(PdfLayoutTest, DotLeadersSplitATocLine) {
  PageMaker m;
  m.Text(72, 100, "715.");
  m.Text(105, 100, "Kulturkommune 2017. Politiske fokusområder ......................2");
  Document d = Lay({m.page()});
  ASSERT_EQ(d.blocks.size(), 1u) << d.text;
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kTableRow);
  EXPECT_EQ(d.BlockText(d.blocks[0]), "715. Kulturkommune 2017. Politiske fokusområder\t2");
}

TEST(PdfLayoutTest, GlyphsSplitByAFontChangeRejoin) {
  PageMaker m;
  float x = m.Text(72, 100, "R");
  x = m.Text(x, 100, "å");
  x = m.Text(x, 100, "d");
  m.Text(x + 2.5f, 100, "og vejledning");
  Document d = Lay({m.page()});
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.BlockText(d.blocks[0]), "Råd og vejledning");
}

TEST(PdfLayoutTest, ParagraphContinuesOnTheNextPage) {
  PageMaker a, b;
  a.Text(72, 700, "Byrådet besluttede at sende sagen videre");
  a.Text(72, 712, "til behandling i økonomiudvalget med en");
  b.Text(72, 100, "anbefaling om at godkende.");
  Document d = Lay({a.page(), b.page()});
  ASSERT_EQ(d.blocks.size(), 1u) << d.text;
  EXPECT_EQ(d.blocks[0].page, 1);
}

TEST(PdfLayoutTest, Helpers) {
  std::string m;
  bool dash;
  EXPECT_TRUE(BulletMarker("\xEF\x82\xB7", &m, &dash));
  EXPECT_EQ(m, "\xE2\x80\xA2");
  EXPECT_FALSE(dash);
  EXPECT_TRUE(BulletMarker("-", &m, &dash));
  EXPECT_TRUE(dash);
  EXPECT_FALSE(BulletMarker("og", &m, &dash));

  EXPECT_TRUE(IsNumberMarker("1."));
  EXPECT_TRUE(IsNumberMarker("715."));
  EXPECT_TRUE(IsNumberMarker("a)"));
  EXPECT_TRUE(IsNumberMarker("(b)"));
  EXPECT_FALSE(IsNumberMarker("2013"));
  EXPECT_FALSE(IsNumberMarker("Punkt"));

  EXPECT_TRUE(IsPageNumberLine("Side 3 af 31", false));
  EXPECT_TRUE(IsPageNumberLine("side 3", false));
  EXPECT_TRUE(IsPageNumberLine("2 of 5", false));
  EXPECT_TRUE(IsPageNumberLine("1/3", false));
  EXPECT_TRUE(IsPageNumberLine("- 7 -", true));
  EXPECT_TRUE(IsPageNumberLine("12", true));
  EXPECT_FALSE(IsPageNumberLine("12", false));
  EXPECT_FALSE(IsPageNumberLine("Side 3 viser tallene", false));
  EXPECT_FALSE(IsPageNumberLine("2013", false));
}

TEST(PdfLayoutTest, LineEndHyphens) {
  auto join = [](std::string a, std::string_view b) {
    AppendLineText(&a, b);
    return a;
  };
  EXPECT_EQ(join("øget beskæf-", "tigelse i kommunen"), "øget beskæftigelse i kommunen");
  EXPECT_EQ(join("Familie-", "og Beskæftigelsesforvaltningen"), "Familie- og Beskæftigelsesforvaltningen");
  EXPECT_EQ(join("sundheds-", "eller ældreområdet"), "sundheds- eller ældreområdet");
  EXPECT_EQ(join("søgte EU-", "midler"), "søgte EU-midler");
  EXPECT_EQ(join("en 2030-", "fremskrivning"), "en 2030-fremskrivning");
  EXPECT_EQ(join("Social-", "Sundhed"), "Social-Sundhed");
  EXPECT_EQ(join("planen –", "og budgettet"), "planen – og budgettet");
  EXPECT_EQ(join("et brev", "til kommunerne"), "et brev til kommunerne");
  EXPECT_EQ(join("", "start"), "start");
  EXPECT_EQ(join("soft\xC2\xAD", "hyphen"), "softhyphen");
}

}  // namespace
}  // namespace referat::pdf
