// DOCX reader: each WordprocessingML feature the reader interprets, on a
// small package built in the test, plus the real DOCX files in
// ../shared/corpus/real (skipped when absent).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/deadline.h"
#include "docx_builder.h"
#include "read/reader.h"
#include "test_util.h"

namespace referat {
namespace {

using testing::MakeDocx;
using testing::MakeZip;
using testing::P;
using testing::R;

Document Read(const std::string& bytes, const ExtractOptions& options = {}) {
  auto r = ReadDocx(bytes, options);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : Document{};
}

std::vector<std::string> Texts(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.blocks) out.emplace_back(d.BlockText(b));
  return out;
}

bool HasWarning(const Document& d, const std::string& code) {
  for (const Warning& w : d.warnings)
    if (w.code == code) return true;
  return false;
}

const std::string kHeadingStyles =
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Overskrift1\"><w:name w:val=\"heading 1\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Punkt\"><w:name w:val=\"Punktoverskrift\"/>"
    "<w:basedOn w:val=\"Overskrift2\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Overskrift2\"><w:name w:val=\"heading 2\"/>"
    "<w:basedOn w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Fed\"><w:name w:val=\"Fed tekst\"/>"
    "<w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"Strk\"><w:name w:val=\"Strong\"/><w:rPr><w:b/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/></w:style>";

TEST(DocxReader, ParagraphsRunsAndLineBreaks) {
  Document d = Read(MakeDocx(
      "<w:p><w:r><w:t>Udvalget for </w:t></w:r><w:r><w:t>plan</w:t></w:r>"
      "<w:r><w:br/><w:t>Mødested</w:t><w:cr/><w:t>Rådhuset</w:t></w:r></w:p>" +
      P("Anden") + "<w:p/>" + P("e") + "<w:p><w:r><w:t>CO2</w:t><w:noBreakHyphen/><w:t>ud</w:t>"
      "<w:softHyphen/><w:t>ledning</w:t></w:r></w:p>"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Udvalget for plan", "Mødested", "Rådhuset",
                                                "Anden", "e", "CO2-udledning"}));
  EXPECT_EQ(d.format, "docx");
  EXPECT_TRUE(d.blocks[0].gap_before);
  EXPECT_FALSE(d.blocks[1].gap_before);  // a line break, not a new paragraph
  EXPECT_TRUE(d.blocks[3].gap_before);
  EXPECT_EQ(d.pages, 0);
  EXPECT_EQ(d.blocks[0].page, 0);
}

TEST(DocxReader, HeadingsFromStylesNamesAndOutlineLevels) {
  Document d = Read(MakeDocx(P("Dagsorden", "<w:pStyle w:val=\"Overskrift1\"/>") +
                                 P("Punkt 1", "<w:pStyle w:val=\"Punkt\"/>") +
                                 P("Niveau tre", "<w:outlineLvl w:val=\"2\"/>") +
                                 P("Brødtekst", "<w:pStyle w:val=\"Overskrift1\"/><w:outlineLvl w:val=\"9\"/>"),
                             kHeadingStyles));
  ASSERT_EQ(d.blocks.size(), 4u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(d.blocks[0].heading_level, 1);
  EXPECT_TRUE(d.blocks[0].bold);  // bold from the style
  EXPECT_EQ(d.blocks[1].heading_level, 2);  // basedOn "heading 2"
  EXPECT_EQ(d.blocks[2].heading_level, 3);
  EXPECT_EQ(d.blocks[3].kind, BlockKind::kParagraph);
}

TEST(DocxReader, HeadingStyleIdsReadAsNamesWithoutStylesPart) {
  Document d = Read(MakeDocx(P("1. Godkendelse", "<w:pStyle w:val=\"Overskrift1\"/>") +
                             P("Sagsfremstilling", "<w:pStyle w:val=\"Heading2\"/>")));
  EXPECT_EQ(d.blocks[0].heading_level, 1);
  EXPECT_EQ(d.blocks[1].heading_level, 2);
}

TEST(DocxReader, WholeParagraphBoldAndItalic) {
  Document d = Read(MakeDocx(
      P("Beslutning:", "", "<w:b/>") + "<w:p>" + R("Halvt ", "<w:b/>") + R("fed") + "</w:p>" +
          P("Fed via stil", "<w:pStyle w:val=\"Fed\"/>") +
          P("Ikke fed", "<w:pStyle w:val=\"Fed\"/>", "<w:b w:val=\"0\"/>") +
          "<w:p>" + R("Stærk", "<w:rStyle w:val=\"Strk\"/>") + R(" ") + R("tekst", "<w:b/>") + "</w:p>" +
          P("Kursiv", "", "<w:i/>"),
      kHeadingStyles));
  ASSERT_EQ(d.blocks.size(), 6u);
  EXPECT_TRUE(d.blocks[0].bold);
  EXPECT_FALSE(d.blocks[1].bold);
  EXPECT_TRUE(d.blocks[2].bold);
  EXPECT_FLOAT_EQ(d.blocks[2].font_size, 14.0f);
  EXPECT_FALSE(d.blocks[3].bold);
  EXPECT_TRUE(d.blocks[4].bold);  // spaces do not count
  EXPECT_TRUE(d.blocks[5].italic);
}

const std::string kNumbering =
    // 1: decimal "%1." with a lowerLetter "%2)" second level
    "<w:abstractNum w:abstractNumId=\"1\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/></w:lvl>"
    "</w:abstractNum>"
    // 2: bullets (Symbol font)
    "<w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
    "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl></w:abstractNum>"
    // 3: "At 1)" Danish indstilling style, upperRoman second level
    "<w:abstractNum w:abstractNumId=\"3\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"At %1)\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\"/></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"3\"/></w:num>"
    // 4: the same definition as 1, restarted (Word's "Restart numbering")
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
    // 5: the same definition as 1, continuing it
    "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"1\"/></w:num>";

std::string Num(int id, int lvl) {
  return "<w:numPr><w:ilvl w:val=\"" + std::to_string(lvl) + "\"/><w:numId w:val=\"" +
         std::to_string(id) + "\"/></w:numPr>";
}

TEST(DocxReader, ListNumberingResolved) {
  Document d = Read(MakeDocx(
      P("Første", Num(1, 0)) + P("Under a", Num(1, 1)) + P("Under b", Num(1, 1)) +
          P("Anden", Num(1, 0)) + P("Under igen", Num(1, 1)) + P("Punkt", Num(2, 0)) +
          P("godkendes", Num(3, 0)) + P("romertal", Num(3, 1)) + P("forkastes", Num(3, 0)) +
          P("forfra", Num(4, 0)) + P("fortsat", Num(5, 0)) + P("ikke nummereret", Num(0, 0)),
      "", kNumbering));
  EXPECT_EQ(Texts(d),
            (std::vector<std::string>{"1. Første", "a) Under a", "b) Under b", "2. Anden",
                                      "a) Under igen", "Punkt", "At 1) godkendes", "1.I romertal",
                                      "At 2) forkastes", "1. forfra", "2. fortsat",
                                      "ikke nummereret"}));
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kListItem);
  EXPECT_EQ(d.blocks[0].list_marker, "1.");
  EXPECT_EQ(d.blocks[1].list_marker, "a)");
  EXPECT_EQ(d.blocks[1].list_level, 1);
  EXPECT_EQ(d.blocks[5].list_marker, "•");  // bullet: marker only, not in the text
  EXPECT_EQ(d.blocks[6].list_marker, "At 1)");
  EXPECT_EQ(d.blocks[11].kind, BlockKind::kParagraph);
}

TEST(DocxReader, TypedBulletsAndNumbersBeforeATab) {
  Document d = Read(MakeDocx(P("\xE2\x80\xA2</w:t><w:tab/><w:t>punkt") + P("1.</w:t><w:tab/><w:t>spørgsmål") +
                             P("- tankestreg")));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"punkt", "1. spørgsmål", "tankestreg"}));
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kListItem);
  EXPECT_EQ(d.blocks[1].list_marker, "1.");
  EXPECT_EQ(d.blocks[2].kind, BlockKind::kListItem);
}

TEST(DocxReader, TabsMakeLabelValueRowsButSpacesInHeadings) {
  Document d = Read(MakeDocx(
      P("Sagsnr.:</w:t><w:tab/><w:tab/><w:t>12/27845") +
          P("715.</w:t><w:tab/><w:t>Kulturkommune 2017", "<w:pStyle w:val=\"Overskrift1\"/>") +
          P("Punkt nr.</w:t><w:tab/><w:t xml:space=\"preserve\">  </w:t><w:tab/><w:t>Side") +
          "<w:p><w:r><w:tab/><w:t>indrykket</w:t></w:r></w:p>",
      kHeadingStyles));
  ASSERT_EQ(d.blocks.size(), 4u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kTableRow);
  EXPECT_EQ(d.BlockText(d.blocks[0]), "Sagsnr.:\t12/27845");
  EXPECT_EQ(d.blocks[0].cells.size(), 2u);
  EXPECT_EQ(d.BlockText(d.blocks[1]), "715. Kulturkommune 2017");
  EXPECT_EQ(d.BlockText(d.blocks[2]), "Punkt nr.\tSide");
  EXPECT_EQ(d.BlockText(d.blocks[3]), "indrykket");
  EXPECT_EQ(d.blocks[3].kind, BlockKind::kParagraph);
}

std::string Field(const std::string& instr, const std::string& result_runs) {
  return "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\">" +
         instr + "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
         result_runs + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
}

TEST(DocxReader, TocEntriesKeepPageNumbersInTheirOwnCell) {
  // A TOC field spanning paragraphs, entries with PAGEREF fields (the
  // Syddjurs layout), one entry without a tab before its page number.
  std::string body =
      "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> TOC \\o \"1-1\" "
      "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>" + R("715.") + "<w:r><w:tab/></w:r>" +
      R("Kulturkommune 2017. Politiske fokusområder") + "<w:r><w:tab/></w:r>" +
      Field(" PAGEREF _Toc359504416 \\h ", R("2")) + "</w:p>"
      "<w:p>" + R("716. Eventuelt") + Field(" PAGEREF _Toc2 \\h ", R("14")) + "</w:p>"
      "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>" +
      "<w:p>" + R("Se side ") + Field(" PAGEREF _Toc2 \\h ", R("14")) + R(" og side ") +
      "<w:fldSimple w:instr=\" PAGE \">" + R("3") + "</w:fldSimple></w:p>" +
      P("715. Kulturkommune 2017. Politiske fokusområder", "<w:pStyle w:val=\"Overskrift1\"/>");
  Document d = Read(MakeDocx(body, kHeadingStyles));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{
                          "715.\tKulturkommune 2017. Politiske fokusområder\t2",
                          "716. Eventuelt\t14", "Se side og side",
                          "715. Kulturkommune 2017. Politiske fokusområder"}));
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kTableRow);
  EXPECT_EQ(d.blocks[1].kind, BlockKind::kTableRow);
}

TEST(DocxReader, FieldInstructionsAreNeverText) {
  Document d = Read(MakeDocx(
      "<w:p>" + R("Mødet ") + Field(" MERGEFIELD Dato \\* MERGEFORMAT ", R("20. juni 2013")) +
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>HYPERLINK \"x\"</w:instrText>"
      "</w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +  // a field without a result
      "<w:fldSimple w:instr=\" PAGEREF x \">" + R("9") + "</w:fldSimple>" + R(" kl. 10") + "</w:p>"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Mødet 20. juni 2013 kl. 10"}));
}

TEST(DocxReader, TrackedChangesReadAsAccepted) {
  Document d = Read(MakeDocx(
      "<w:p>" + R("Indstillingen ") +
      "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>blev ikke</w:delText></w:r></w:del>"
      "<w:ins w:id=\"2\" w:author=\"x\">" + R("blev") + "</w:ins>" + R(" godkendt") +
      "<w:moveFrom w:id=\"3\" w:author=\"x\">" + R(" flyttet") + "</w:moveFrom>"
      "<w:moveTo w:id=\"4\" w:author=\"x\">" + R(".") + "</w:moveTo></w:p>"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Indstillingen blev godkendt."}));
}

TEST(DocxReader, AlternateContentSdtSmartTagsAndTextBoxesReadOnce) {
  std::string textbox = "<w:txbxContent>" + P("Tekstboks") + "</w:txbxContent>";
  Document d = Read(MakeDocx(
      "<w:p>" + R("Før ") +
      "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>" +
      textbox + "</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
      "<v:textbox>" + textbox + "</v:textbox></v:shape></w:pict></mc:Fallback>"
      "</mc:AlternateContent></w:r>" + R("efter") + "</w:p>"
      "<w:sdt><w:sdtPr><w:alias w:val=\"Titel\"/><w:placeholder><w:docPart w:val=\"x\"/></w:placeholder>"
      "</w:sdtPr><w:sdtContent>" + P("Indhold") + "</w:sdtContent></w:sdt>"
      "<w:p><w:smartTag w:uri=\"x\" w:element=\"date\"><w:smartTagPr/>" + R("20. juni") +
      "</w:smartTag><w:customXml w:element=\"y\">" + R(" 2013") + "</w:customXml>"
      "<w:hyperlink r:id=\"rId9\">" + R(" (link)") + "</w:hyperlink></w:p>"
      "<w:p>" + R("skjult", "<w:vanish/>") + R("synlig") + "</w:p>"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Tekstboks", "Før efter", "Indhold",
                                                "20. juni 2013 (link)", "synlig"}));
}

TEST(DocxReader, AltChunkIsAWarning) {
  Document d = Read(MakeDocx(P("Tekst") + "<w:altChunk r:id=\"rId5\"/>"));
  EXPECT_TRUE(HasWarning(d, "altchunk_skipped"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Tekst"}));
}

std::string Tc(const std::string& content, const std::string& tcpr = "") {
  return "<w:tc>" + (tcpr.empty() ? "" : "<w:tcPr>" + tcpr + "</w:tcPr>") + content + "</w:tc>";
}

TEST(DocxReader, TablesSpansMergesAndNesting) {
  std::string nested = "<w:tbl><w:tr>" + Tc(P("Jesper Mathiesen (A)")) + "</w:tr><w:tr>" +
                       Tc(P("Ole Bollesen (A)")) + "</w:tr></w:tbl>";
  std::string body =
      "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
      "<w:tr>" + Tc(P("715. Titel over hele bredden"), "<w:gridSpan w:val=\"3\"/>") + "</w:tr>"
      "<w:tr>" + Tc(P("Nr."), "<w:vMerge w:val=\"restart\"/>") + Tc(P("Sag")) + Tc(P("Side")) + "</w:tr>"
      "<w:tr>" + Tc(P("fortsat"), "<w:vMerge/>") + Tc(P("Dagsorden") + P("og referat")) + Tc(P("1")) + "</w:tr>"
      "<w:tr>" + Tc(P("Grundtilskud"), "<w:gridSpan w:val=\"2\"/>") + Tc(P("3.000.000 kr.")) + "</w:tr>"
      "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + Tc(P("I alt")) + Tc(P("5")) + "</w:tr>"
      "<w:tr>" + Tc(P("")) + Tc(P("Referat")) + Tc(P("")) + "</w:tr>"
      "</w:tbl>"
      "<w:tbl><w:tr>" + Tc(nested) + Tc(P("Ole Bjerregaard (V)")) + "</w:tr></w:tbl>";
  Document d = Read(MakeDocx(body));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{
                          "715. Titel over hele bredden", "Nr.\tSag\tSide",
                          "\tDagsorden og referat\t1", "Grundtilskud\t\t3.000.000 kr.",
                          "\tI alt\t5", "Referat", "Jesper Mathiesen (A)", "Ole Bollesen (A)",
                          "Ole Bjerregaard (V)"}));
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(d.blocks[1].kind, BlockKind::kTableRow);
  EXPECT_EQ(d.blocks[1].cells.size(), 3u);
  EXPECT_TRUE(d.blocks[1].gap_before);
  EXPECT_FALSE(d.blocks[2].gap_before);
}

TEST(DocxReader, ExplicitPageBreaksOnly) {
  Document none = Read(MakeDocx(P("a") + "<w:p><w:r><w:lastRenderedPageBreak/><w:t>b</w:t></w:r></w:p>"));
  EXPECT_EQ(none.pages, 0);
  EXPECT_EQ(none.blocks[1].page, 0);

  Document d = Read(MakeDocx(
      P("side 1") + "<w:p><w:r><w:t>stadig 1</w:t><w:br w:type=\"page\"/><w:t>side 2</w:t></w:r></w:p>" +
      "<w:p><w:pPr><w:sectPr><w:type w:val=\"nextPage\"/></w:sectPr></w:pPr>" + R("sidst på 2") + "</w:p>" +
      "<w:p><w:pPr><w:sectPr><w:type w:val=\"continuous\"/></w:sectPr></w:pPr>" + R("side 3") + "</w:p>" +
      P("stadig 3") + P("side 4", "<w:pageBreakBefore/>") +
      "<w:sectPr><w:type w:val=\"continuous\"/></w:sectPr>"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"side 1", "stadig 1", "side 2", "sidst på 2",
                                                "side 3", "stadig 3", "side 4"}));
  std::vector<int> pages;
  for (const Block& b : d.blocks) pages.push_back(b.page);
  // The section ending with "sidst på 2" is followed by a continuous one:
  // no break there; "side 3" starts a section whose successor is continuous too.
  EXPECT_EQ(pages, (std::vector<int>{1, 1, 2, 2, 2, 2, 3}));
  EXPECT_EQ(d.pages, 3);
}

TEST(DocxReader, SectionBreakStartsANewPage) {
  Document d = Read(MakeDocx("<w:p><w:pPr><w:sectPr/></w:pPr>" + R("forside") + "</w:p>" +
                             P("indhold") + "<w:sectPr/>"));
  EXPECT_EQ(d.pages, 2);
  EXPECT_EQ(d.blocks[1].page, 2);
}

TEST(DocxReader, CorePropertiesTitleAndCreated) {
  Document d = Read(MakeDocx(
      P("x"), "", "",
      {{"docProps/core.xml",
        "<?xml version=\"1.0\"?><cp:coreProperties "
        "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
        "<dc:title> Referat  PUK </dc:title><dcterms:created>2013-06-20T13:11:00Z</dcterms:created>"
        "</cp:coreProperties>"}}));
  EXPECT_EQ(d.title.value_or(""), "Referat PUK");
  EXPECT_EQ(d.created.value_or(""), "2013-06-20T13:11:00Z");
}

TEST(DocxReader, HeadersFootersFootnotesCommentsStayOut) {
  auto part = [](const char* root, const char* text) {
    return std::string("<?xml version=\"1.0\"?><w:") + root + " " + testing::kWNs + ">" + P(text) +
           "</w:" + root + ">";
  };
  Document d = Read(MakeDocx(
      "<w:p>" + R("Brødtekst") + "<w:r><w:footnoteReference w:id=\"1\"/></w:r>"
      "<w:commentRangeStart w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>",
      "", "",
      {{"word/header1.xml", part("hdr", "Sidehoved")},
       {"word/footer1.xml", part("ftr", "Side 1 af 3")},
       {"word/footnotes.xml", part("footnotes", "Fodnote")},
       {"word/comments.xml", part("comments", "Kommentar")}}));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Brødtekst"}));
}

// ------------------------------------------------------------------ errors

TEST(DocxReader, NotAZipIsCorrupt) {
  auto r = ReadDocx("PK\x03\x04 this is not a zip at all word/document.xml", ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kCorrupt);
}

TEST(DocxReader, ZipWithoutDocumentIsCorrupt) {
  auto r = ReadDocx(MakeZip({{"word/other.xml", "<x/>"}}), ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kCorrupt);
}

TEST(DocxReader, MalformedXmlIsCorrupt) {
  std::string bytes = MakeZip({{"word/document.xml", "<w:document><w:body><w:p>"
                                                     "<w:r><w:t>x</w:r></w:body>"}});
  auto r = ReadDocx(bytes, ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kCorrupt);
}

TEST(DocxReader, DoctypeIsRefused) {
  // The billion-laughs shape: entities are never expanded, and a DTD is refused.
  std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
      "<w:document " + std::string(testing::kWNs) + "><w:body>" + P("&b;") + "</w:body></w:document>";
  auto r = ReadDocx(MakeZip({{"word/document.xml", xml}}), ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kCorrupt);
}

TEST(DocxReader, ExternalEntitiesAreNotLoaded) {
  std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<w:document " + std::string(testing::kWNs) + "><w:body>" + P("&x;") + "</w:body></w:document>";
  auto r = ReadDocx(MakeZip({{"word/document.xml", xml}}), ExtractOptions{});
  if (r.ok()) EXPECT_EQ(r->text.find("root:"), std::string::npos);
}

TEST(DocxReader, DeepNestingIsTooLarge) {
  std::string body;
  for (int i = 0; i < 300; ++i) body += "<w:sdt><w:sdtContent>";
  body += P("dybt");
  for (int i = 0; i < 300; ++i) body += "</w:sdtContent></w:sdt>";
  auto r = ReadDocx(MakeDocx(body), ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTooLarge);

  ExtractOptions small;
  small.max_xml_depth = 20;
  std::string ten;
  for (int i = 0; i < 10; ++i) ten += "<w:sdt><w:sdtContent>";
  ten += P("x");
  for (int i = 0; i < 10; ++i) ten += "</w:sdtContent></w:sdt>";
  auto s = ReadDocx(MakeDocx(ten), small);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kTooLarge);
}

TEST(DocxReader, ZipBombLimitsCheckedBeforeInflating) {
  // 4 MiB of one repeated paragraph compresses far beyond 200:1.
  std::string para = P("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  std::string body;
  while (body.size() < (4u << 20)) body += para;
  auto r = ReadDocx(MakeDocx(body), ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTooLarge);
  EXPECT_NE(r.status().message().find("ratio"), std::string::npos);

  ExtractOptions few;
  few.max_zip_entries = 2;
  auto e = ReadDocx(MakeDocx(P("x")), few);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), ErrorCode::kTooLarge);

  ExtractOptions small;
  small.max_zip_uncompressed = 100;
  auto u = ReadDocx(MakeDocx(P("x")), small);
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.status().code(), ErrorCode::kTooLarge);
}

TEST(DocxReader, LyingDirectoryCannotInflateMore) {
  // Rewrite the central directory's uncompressed size of document.xml to a
  // small number: the inflate must stop at the declared size.
  std::string bytes = MakeDocx(P("Dette er en længere tekst end den erklærede størrelse"));
  size_t cd = bytes.find("PK\x01\x02");
  bool patched = false;
  while (cd != std::string::npos) {
    uint16_t nlen = static_cast<uint8_t>(bytes[cd + 28]) | (static_cast<uint8_t>(bytes[cd + 29]) << 8);
    if (bytes.compare(cd + 46, nlen, "word/document.xml") == 0) {
      bytes[cd + 24] = 10;
      bytes[cd + 25] = bytes[cd + 26] = bytes[cd + 27] = 0;
      patched = true;
    }
    cd = bytes.find("PK\x01\x02", cd + 4);
  }
  ASSERT_TRUE(patched);
  auto r = ReadDocx(bytes, ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().code() == ErrorCode::kCorrupt || r.status().code() == ErrorCode::kTooLarge)
      << r.status().ToString();
}

TEST(DocxReader, DeadlineIsPolled) {
  std::string body;
  for (int i = 0; i < 5000; ++i) body += P("afsnit " + std::to_string(i));
  std::string bytes = MakeDocx(body);
  ScopedDeadline deadline(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto r = ReadDocx(bytes, ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTimeout);
}

TEST(DocxReader, ThousandsOfOpenFieldsStayLinear) {
  // A hostile shape: 50,000 field begins never ended, each followed by text.
  std::string runs;
  for (int i = 0; i < 50000; ++i)
    runs += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:fldChar "
            "w:fldCharType=\"separate\"/></w:r>" + R("x");
  ExtractOptions options;
  options.max_zip_ratio = 1e9;  // the repetition compresses like a bomb
  auto start = std::chrono::steady_clock::now();
  auto r = ReadDocx(MakeDocx("<w:p>" + runs + "</w:p>"), options);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(DocxReader, TruncatedPackagesNeverCrash) {
  std::string body;
  for (int i = 0; i < 40; ++i) body += P("Punkt " + std::to_string(i) + " på dagsordenen");
  std::string bytes = MakeDocx(body, kHeadingStyles, kNumbering);
  for (size_t cut = 0; cut < bytes.size(); cut += 37) {
    auto r = ReadDocx(std::string_view(bytes).substr(0, cut), ExtractOptions{});
    if (!r.ok()) {
      EXPECT_TRUE(r.status().code() == ErrorCode::kCorrupt || r.status().code() == ErrorCode::kNoText)
          << cut << ": " << r.status().ToString();
    }
  }
}

TEST(DocxReader, CentralDirectoryMissingRecoversIntactEntries) {
  std::string bytes = MakeDocx(P("Referat", "<w:pStyle w:val=\"Overskrift1\"/>") + P("Godkendt."),
                               kHeadingStyles);
  bytes.resize(bytes.find("PK\x01\x02"));  // drop the central directory and end record
  Document d = Read(bytes);
  EXPECT_TRUE(HasWarning(d, "zip_recovered"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Referat", "Godkendt."}));
  EXPECT_EQ(d.blocks[0].heading_level, 1);
}

// ------------------------------------------------------------- real files

std::string Real(const char* name) {
  auto p = testing::SharedDir() / "corpus/real" / name;
  if (!std::filesystem::exists(p)) return {};
  return testing::ReadFile(p);
}

TEST(DocxRealFiles, SyddjursTocHasNoGluedPageNumbers) {
  std::string bytes = Real("syddjurs_puk_2013-06-20_referat.docx");
  if (bytes.empty()) GTEST_SKIP() << "shared corpus absent";
  Document d = Read(bytes);
  bool toc_row = false, heading = false;
  for (const Block& b : d.blocks) {
    std::string_view t = d.BlockText(b);
    if (t == "715.\tKulturkommune 2017. Politiske fokusområder\t2") toc_row = true;
    if (b.kind == BlockKind::kHeading && t == "715. Kulturkommune 2017. Politiske fokusområder")
      heading = true;
    EXPECT_EQ(t.find("fokusområder2"), std::string_view::npos);
    EXPECT_EQ(t.find("PAGEREF"), std::string_view::npos);
    EXPECT_EQ(t.find("TOC \\o"), std::string_view::npos);
  }
  EXPECT_TRUE(toc_row);
  EXPECT_TRUE(heading);
  EXPECT_EQ(d.created.value_or(""), "2013-06-20T13:11:00Z");
  // The members, each a block of its own (nested layout tables unwrapped).
  auto texts = Texts(d);
  for (const char* m : {"Jesper Mathiesen (A)", "Ole Bollesen (A)", "Niels Viderø (A)",
                        "Ole Bjerregaard (V)", "Steen Fris (C)"})
    EXPECT_NE(std::find(texts.begin(), texts.end(), m), texts.end()) << m;
  EXPECT_GE(d.pages, 3);  // cover, TOC and item sections start new pages
}

TEST(DocxRealFiles, GlostrupTruncatedIsRecovered) {
  std::string bytes = Real("glostrup_oekonomiudvalget_2025-11-19_truncated.docx");
  if (bytes.empty()) GTEST_SKIP() << "shared corpus absent";
  Document d = Read(bytes);
  EXPECT_TRUE(HasWarning(d, "zip_recovered"));
  int headings = 0;
  for (const Block& b : d.blocks)
    if (b.kind == BlockKind::kHeading && b.heading_level == 1) ++headings;
  EXPECT_GE(headings, 5);  // Indholdsfortegnelse, four items, Underskriftsside
  auto texts = Texts(d);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "1. Godkendelse af dagsordenen"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "1.\tGodkendelse af dagsordenen\t2"), texts.end());
}

TEST(DocxRealFiles, SyddjursNoteBulletsAndNumbers) {
  std::string bytes = Real("syddjurs_bilag_opsamlingsnotat-temamoede-2012-09-20.docx");
  if (bytes.empty()) GTEST_SKIP() << "shared corpus absent";
  Document d = Read(bytes);
  int bullets = 0;
  bool numbered = false;
  for (const Block& b : d.blocks) {
    if (b.kind != BlockKind::kListItem) continue;
    if (b.list_marker == "•") ++bullets;
    if (b.list_marker == "1." && d.BlockText(b) == "1. Hvad er en kulturkommune?") numbered = true;
  }
  EXPECT_GE(bullets, 15);
  EXPECT_TRUE(numbered);
}

}  // namespace
}  // namespace referat
