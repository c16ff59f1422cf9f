#include <gtest/gtest.h>

#include "core/numbering.h"
#include "referat/document.h"
#include "referat/status.h"
#include "rules/rulebook.h"
#include "segment/segmenter.h"

namespace referat {
namespace {

TEST(Status, StableNames) {
  EXPECT_EQ(ErrorCodeName(ErrorCode::kNoText), "no_text");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kUnsupportedFormat), "unsupported_format");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kTooLarge), "too_large");
  EXPECT_EQ(Status::Corrupt("x").ToString(), "corrupt: x");
  Result<int> r = Status::Encrypted("pw");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kEncrypted);
}

TEST(NormalizeInline, CollapsesWhitespaceAndNfc) {
  EXPECT_EQ(NormalizeInline("  a \t b\xC2\xA0 c  "), "a b c");
  // "å" as a + combining ring becomes the precomposed U+00E5.
  EXPECT_EQ(NormalizeInline("Ba\xCC\x8A"), "B\xC3\xA5");
  // Soft hyphen and zero-width space vanish.
  EXPECT_EQ(NormalizeInline("Be\xC2\xADskæf\xE2\x80\x8Btigelse"), "Beskæftigelse");
  EXPECT_EQ(NormalizeInline(" \t "), "");
  // Invalid bytes never pass through.
  EXPECT_EQ(NormalizeInline("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
}

TEST(DocumentBuilder, LayoutInvariants) {
  DocumentBuilder b("txt");
  Block p;
  EXPECT_TRUE(b.Add("  Punkt  1. ", p));
  EXPECT_FALSE(b.Add("   ", p));
  EXPECT_TRUE(b.AddRow({"Tid", " Tirsdag ", ""}, p));
  Document d = std::move(b).Finish();
  EXPECT_EQ(d.text, "Punkt 1.\nTid\tTirsdag\t\n");
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.BlockText(d.blocks[0]), "Punkt 1.");
  EXPECT_EQ(d.blocks[1].kind, BlockKind::kTableRow);
  ASSERT_EQ(d.blocks[1].cells.size(), 3u);
  EXPECT_EQ(d.Slice(d.blocks[1].cells[1].start, d.blocks[1].cells[1].end), "Tirsdag");
}

TEST(DocumentBuilder, PageAt) {
  DocumentBuilder b("pdf");
  Block p;
  p.page = 1;
  (void)b.Add("one", p);
  p.page = 2;
  (void)b.Add("two", p);
  Document d = std::move(b).Finish();
  d.pages = 2;
  EXPECT_EQ(d.PageAt(0), 1);
  EXPECT_EQ(d.PageAt(4), 2);
  EXPECT_EQ(d.MakeSpan(5, 7).page, 2);
}

TEST(Rulebook, LinesAndTables) {
  Rulebook rb = Rulebook::FromTexts({{"x", "# comment\n\na\tb\t\tc\n  d  \n"}});
  ASSERT_EQ(rb.Lines("x").size(), 2u);
  auto t = rb.Table("x");
  ASSERT_EQ(t[0].size(), 3u);
  EXPECT_EQ(t[0][2], "c");
  EXPECT_TRUE(rb.Lines("missing").empty());
  EXPECT_EQ(Rules().Lines("municipalities").size(), 98u);
}

TEST(Segmenter, DanishAbbreviationsDoNotEndSentences) {
  DocumentBuilder b("txt");
  Block p;
  (void)b.Add(
      "Mødet den 24.10.2017 kl. 12.15 i salen. Der er bl.a. afsat ca. 1,5 mio. kr. jf. aftalen. "
      "Godkendt mhp. oversendelse til byrådet. Nyt punkt.",
      p);
  Document d = std::move(b).Finish();
  Segmentation s = Segment(d);
  ASSERT_EQ(s.sentences.size(), 4u);
  EXPECT_EQ(d.Slice(s.sentences[0].start, s.sentences[0].end),
            "Mødet den 24.10.2017 kl. 12.15 i salen.");
  EXPECT_EQ(d.Slice(s.sentences[3].start, s.sentences[3].end), "Nyt punkt.");
  EXPECT_EQ(s.SentenceAt(s.sentences[1].start + 3), 1);
}

// A date with its month capitalized (minutes before 1948 capitalize nouns;
// Region Hovedstaden's "den 16. August 2012") is no sentence end after the
// day; a number ending a sentence before another word still is.
TEST(Segmenter, ADayBeforeACapitalizedMonthEndsNoSentence) {
  DocumentBuilder b("txt");
  Block p;
  (void)b.Add("Mødet holdtes Mandag den 24. Oktober 1938 paa Raadhuset. Sagen udsattes til Punkt 4. Derefter Afstemning.",
              p);
  Document d = std::move(b).Finish();
  Segmentation s = Segment(d);
  ASSERT_EQ(s.sentences.size(), 3u);
  EXPECT_EQ(d.Slice(s.sentences[0].start, s.sentences[0].end),
            "Mødet holdtes Mandag den 24. Oktober 1938 paa Raadhuset.");
  EXPECT_EQ(d.Slice(s.sentences[2].start, s.sentences[2].end), "Derefter Afstemning.");
}

TEST(Segmenter, NeverCrossesBlocks) {
  DocumentBuilder b("txt");
  Block p;
  (void)b.Add("Beslutning:", p);
  (void)b.Add("Godkendt", p);
  Document d = std::move(b).Finish();
  EXPECT_EQ(Segment(d).sentences.size(), 2u);
}

}  // namespace
}  // namespace referat

namespace referat {
namespace {

TEST(RomanNumeral, IcuRulesBothCases) {
  EXPECT_EQ(RomanNumeral(1, false), "i");
  EXPECT_EQ(RomanNumeral(4, false), "iv");
  EXPECT_EQ(RomanNumeral(14, true), "XIV");
  EXPECT_EQ(RomanNumeral(1994, true), "MCMXCIV");
  EXPECT_EQ(RomanNumeral(3999, false), "mmmcmxcix");
  // Outside what Roman numerals write: decimal digits.
  EXPECT_EQ(RomanNumeral(0, false), "0");
  EXPECT_EQ(RomanNumeral(-3, true), "-3");
  EXPECT_EQ(RomanNumeral(4000, true), "4000");
}

}  // namespace
}  // namespace referat
