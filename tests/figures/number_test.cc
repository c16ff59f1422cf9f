// The Danish number reader (figures/number.cc): ICU da_DK NumberFormat for
// digits, ICU RBNF spellout for words, and the guards around them.
#include <gtest/gtest.h>
#include <unicode/numfmt.h>
#include <unicode/unistr.h>

#include <memory>
#include <random>
#include <string>

#include "figures/scanner.h"
#include "rules/rulebook.h"

namespace referat::figures {
namespace {

TEST(DanishNumber, Forms) {
  EXPECT_EQ(ParseDanishNumber("1.500.000,50"), 1500000.5);
  EXPECT_EQ(ParseDanishNumber("2.669"), 2669);
  EXPECT_EQ(ParseDanishNumber("14,8"), 14.8);
  EXPECT_EQ(ParseDanishNumber("1200"), 1200);
  EXPECT_EQ(ParseDanishNumber("0,5"), 0.5);
  EXPECT_EQ(ParseDanishNumber("2½"), 2.5);
  EXPECT_EQ(ParseDanishNumber("4.525.902"), 4525902);
}

// The value of an accepted number must be what ICU's da_DK NumberFormat
// (the reference for Danish numbers) reads from the same text. Generated:
// 1-13 digit integers, with and without thousands dots, with 0-3 decimals.
TEST(DanishNumber, ValuesAgreeWithIcuDaDk) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::NumberFormat> nf(icu::NumberFormat::createInstance(icu::Locale("da", "DK"), err));
  ASSERT_TRUE(U_SUCCESS(err));
  std::mt19937 rng(7);
  int checked = 0;
  for (int round = 0; round < 20000; ++round) {
    const int len = 1 + static_cast<int>(rng() % 13);
    std::string digits;
    for (int k = 0; k < len; ++k) digits.push_back(static_cast<char>('0' + rng() % 10));
    if (len > 1 && digits[0] == '0') digits[0] = '1';
    std::string text;
    const bool grouped = rng() % 2;
    for (int k = 0; k < len; ++k) {
      if (grouped && k > 0 && (len - k) % 3 == 0) text.push_back('.');
      text.push_back(digits[k]);
    }
    const int decimals = static_cast<int>(rng() % 4);
    if (decimals) {
      text.push_back(',');
      for (int k = 0; k < decimals; ++k) text.push_back(static_cast<char>('0' + rng() % 10));
    }
    auto ours = ParseDanishNumber(text);
    ASSERT_TRUE(ours) << text;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    icu::Formattable f;
    icu::ParsePosition pp(0);
    nf->parse(u, f, pp);
    ASSERT_EQ(pp.getIndex(), u.length()) << text;
    UErrorCode e2 = U_ZERO_ERROR;
    EXPECT_EQ(*ours, f.getDouble(e2)) << text;
    ++checked;
  }
  EXPECT_EQ(checked, 20000);
}

TEST(DanishNumber, RejectsOtherShapes) {
  EXPECT_FALSE(ParseDanishNumber("12.15"));     // a time, not 1215
  EXPECT_FALSE(ParseDanishNumber("1.5"));       // English decimal
  EXPECT_FALSE(ParseDanishNumber("00.01.00"));  // KLE number
  EXPECT_FALSE(ParseDanishNumber("24.10.2017"));
  EXPECT_FALSE(ParseDanishNumber("9-29"));
}

TEST(DanishNumber, EnglishStyleIsFlaggedNotRead) {
  bool english = false;
  EXPECT_FALSE(ParseDanishNumber("1,500,000.50", &english));
  EXPECT_TRUE(english);
  EXPECT_FALSE(ParseDanishNumber("1,500,000", &english));
  EXPECT_TRUE(english);
  EXPECT_FALSE(ParseDanishNumber("1,500.25", &english));
  EXPECT_TRUE(english);
  // One comma group is a Danish decimal.
  EXPECT_EQ(ParseDanishNumber("1,500", &english), 1.5);
  EXPECT_FALSE(english);
}

TEST(SpelledNumber, Rbnf) {
  EXPECT_EQ(ParseSpelledNumber("to"), 2);
  EXPECT_EQ(ParseSpelledNumber("tre"), 3);
  EXPECT_EQ(ParseSpelledNumber("fjorten"), 14);
  EXPECT_EQ(ParseSpelledNumber("fem tusinde"), 5000);
  EXPECT_EQ(ParseSpelledNumber("to hundrede og femogtyve"), 225);
  EXPECT_EQ(ParseSpelledNumber("Fem"), 5);
  EXPECT_FALSE(ParseSpelledNumber("kommuner"));
  EXPECT_FALSE(ParseSpelledNumber("to kommuner"));  // must consume all
}

// The scanner reads a one-word cardinal from a table built from ICU's
// spellout rules instead of ICU's lenient parser; both must agree on every
// word, and the table must hold the common forms.
TEST(SpelledNumber, TableAgreesWithRbnf) {
  auto lex = LexiconFor(Rules());
  ASSERT_GE(lex->cardinal_values.size(), 99u);
  for (const auto& [word, n] : lex->cardinal_values) {
    auto parsed = ParseSpelledNumber(word);
    ASSERT_TRUE(parsed) << word;
    EXPECT_EQ(*parsed, n) << word;
  }
  EXPECT_EQ(lex->cardinal_values.at("femogtyve"), 25);
  EXPECT_EQ(lex->cardinal_values.at("halvfems"), 90);
  EXPECT_EQ(lex->cardinal_values.at("et"), 1);
  EXPECT_EQ(lex->cardinal_values.count("hundrede"), 0u);  // "hundrede" alone is not in 1..99
}

TEST(NumShape, Groups) {
  NumShape s = ShapeOf(
      "20\xE2\x80\x93"
      "30");
  ASSERT_EQ(s.groups.size(), 2u);
  ASSERT_EQ(s.seps.size(), 1u);
  EXPECT_EQ(s.seps[0], char32_t{0x2013});
  EXPECT_EQ(s.Int(1), 30);
}

TEST(Tokens, NumbersWordsCodes) {
  std::string text = "kr. 1,5 mio. 00.01.00-A00-1-17 18-årige t.kr. 2015.docx 14,8%";
  std::vector<Token> t;
  Tokenize(*LexiconFor(Rules()), text, 0, text.size(), &t);
  ASSERT_GE(t.size(), 11u);
  EXPECT_EQ(t[0].kind, TokKind::kWord);
  EXPECT_EQ(t[0].key, "kr.");
  EXPECT_EQ(t[1].kind, TokKind::kNumber);
  EXPECT_EQ(t[1].key, "1,5");
  EXPECT_EQ(t[2].key, "mio.");
  EXPECT_EQ(t[3].kind, TokKind::kCode);
  EXPECT_EQ(t[4].kind, TokKind::kCode);
  EXPECT_EQ(t[5].key, "t.kr.");
  // A number glued to ".letters" stays a number, so that "4.december 2012"
  // reads as a date; the scanner passes over a file name ("2015.docx").
  EXPECT_EQ(t[6].kind, TokKind::kNumber);
  EXPECT_EQ(t[6].key, "2015");
  EXPECT_TRUE(t[7].IsPunct('.'));
  EXPECT_EQ(t[8].key, "docx");
  EXPECT_EQ(t[9].key, "14,8");
  EXPECT_TRUE(t[10].IsPunct('%'));
}

TEST(Tokens, FractionsAndGluedCodes) {
  std::string text =
      "2\xC2\xBD \xC3\xA5r, 2 \xC2\xBC mia. 70\xE2\x80\x99"
      "erne 3a";
  std::vector<Token> t;
  Tokenize(*LexiconFor(Rules()), text, 0, text.size(), &t);
  ASSERT_GE(t.size(), 7u);
  EXPECT_EQ(t[0].kind, TokKind::kNumber);
  EXPECT_EQ(t[0].key, "2\xC2\xBD");
  EXPECT_EQ(t[3].kind, TokKind::kNumber);
  EXPECT_EQ(t[3].key, "2 \xC2\xBC");  // a fraction after one space belongs to the number
  EXPECT_EQ(t[4].key, "mia.");
  EXPECT_EQ(t[5].kind, TokKind::kCode);  // "70’erne"
  EXPECT_EQ(t[6].kind, TokKind::kCode);  // "3a"
}

// Classify's slot filter only skips hash look-ups: every word of every class,
// bare and with a dot after it, and words in no class, get exactly the bits
// of a plain look-up in `classes` (and the lead-in prefixes).
TEST(Lexicon, ClassifyAgreesWithPlainLookups) {
  auto lex = LexiconFor(Rules());
  ASSERT_GT(lex->classes.size(), 50u);
  std::vector<std::string> words;
  for (const auto& [w, bits] : lex->classes) words.push_back(w);
  for (const auto& p : lex->leadin_prefixes) words.push_back(p + "erne");
  std::mt19937 rng(11);
  for (int k = 0; k < 5000; ++k) {  // random lower-case words, some with the classes' first bytes
    std::string w;
    const int len = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < len; ++i) w.push_back(static_cast<char>('a' + rng() % 26));
    words.push_back(w);
  }
  const auto expect = [&](const std::string& key, bool dot) {
    const auto bits = [&](std::string_view k) -> uint8_t {
      auto it = lex->classes.find(k);
      return it == lex->classes.end() ? 0 : it->second;
    };
    Token t;
    t.kind = TokKind::kWord;
    t.dot_after = dot;
    t.key = dot ? key + "." : key;
    uint8_t key_cls = bits(t.key), bare_cls = bits(t.bare_key());
    uint8_t c = static_cast<uint8_t>((key_cls | bare_cls) & kStarterWord);
    c |= bare_cls & (kLeadinWord | kPhraseWord);
    if (lex->IsLeadin(t.bare_key())) c |= kLeadinWord;
    std::vector<Token> one{t};
    lex->Classify(&one);
    EXPECT_EQ(one[0].cls, c) << t.key;
  };
  int checked = 0;
  for (const auto& w : words) {
    expect(w, false);
    expect(w, true);
    checked += 2;
  }
  EXPECT_GT(checked, 10000);
}

}  // namespace
}  // namespace referat::figures
