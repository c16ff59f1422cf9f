// Unit tests of the small text helpers (analyze/text_util.h).
#include "analyze/text_util.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <random>
#include <string>

namespace referat::analyze {
namespace {

// All words of `s`, the plain way: runs of characters other than space and
// tab.
int AllWords(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] != ' ' && s[i] != '\t' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) ++n;
  return n;
}

TEST(CountWordsUpTo, ExactUpToTheLimit) {
  EXPECT_EQ(CountWordsUpTo("", 5), 0);
  EXPECT_EQ(CountWordsUpTo(" \t ", 5), 0);
  EXPECT_EQ(CountWordsUpTo("Beslutning", 5), 1);
  EXPECT_EQ(CountWordsUpTo("  Mødet  hævet\tkl. 17.30. ", 5), 4);
  EXPECT_EQ(CountWordsUpTo("a b c d e", 5), 5);
  // Other whitespace is part of a word, as it always was.
  EXPECT_EQ(CountWordsUpTo("a\nb", 5), 1);
}

TEST(CountWordsUpTo, StopsOneWordPastTheLimit) {
  EXPECT_EQ(CountWordsUpTo("a b c d e f", 5), 6);
  EXPECT_EQ(CountWordsUpTo("a b c d e f g h i j", 5), 6);
  EXPECT_EQ(CountWordsUpTo("a b", 0), 1);
  EXPECT_EQ(CountWordsUpTo("", 0), 0);
}

TEST(AtMostWords, Boundaries) {
  EXPECT_TRUE(AtMostWords("", 0));
  EXPECT_FALSE(AtMostWords("a", 0));
  EXPECT_TRUE(AtMostWords("Mødet hævet kl. 17.30.", 4));
  EXPECT_FALSE(AtMostWords("Mødet hævet kl. 17.30.", 3));
  EXPECT_TRUE(AtMostWords("\tMødet   hævet\t", 2));
}

// The bounded count agrees with a full count on texts of spaces, tabs and
// letters, for every limit around the true count.
TEST(CountWordsUpTo, AgreesWithAFullCount) {
  std::mt19937 rng(7);
  const char kChars[] = {' ', '\t', 'a', 'b', '.'};
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 40, ' ');
    for (char& c : s) c = kChars[rng() % sizeof(kChars)];
    const int all = AllWords(s);
    for (int limit = 0; limit <= all + 2; ++limit) {
      ASSERT_EQ(CountWordsUpTo(s, limit), std::min(all, limit + 1)) << '"' << s << "\" limit " << limit;
      ASSERT_EQ(AtMostWords(s, limit), all <= limit) << '"' << s << "\" limit " << limit;
    }
  }
}

TEST(Joiner, CollapsesSpacesBetweenAndInsidePieces) {
  Joiner j;
  j.Add("  Byrådet \t godkendte\n");
  j.Add("indstillingen.");
  j.Add(" \r\n ");
  j.Add("Sagen\r\nafsluttes. ");
  EXPECT_EQ(j.str(), "Byrådet godkendte indstillingen. Sagen afsluttes.");
  EXPECT_EQ(Collapse("\t a  b \t"), "a b");
  EXPECT_EQ(Collapse(" \t\n"), "");
  // Pieces are separate words even without spaces of their own.
  Joiner k;
  k.Add("a");
  k.Add("b");
  EXPECT_EQ(k.Take(), "a b");
}

// The joiner gives what joining byte by byte gives: a piece's spaces, tabs
// and line breaks become one space between words, none at either end.
TEST(Joiner, AgreesWithBytewiseJoin) {
  std::mt19937 rng(11);
  const char kChars[] = {' ', '\t', '\n', '\r', 'a', 'b', ',', '\f'};
  for (int round = 0; round < 2000; ++round) {
    Joiner j;
    std::string want;
    bool any = false;  // a word has been written
    for (int piece = rng() % 4; piece >= 0; --piece) {
      std::string s(rng() % 20, ' ');
      for (char& c : s) c = kChars[rng() % sizeof(kChars)];
      j.Add(s);
      bool gap = any;  // a new piece starts a new word
      for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          gap = any;
          continue;
        }
        if (gap) want += ' ';
        gap = false;
        want += c;
        any = true;
      }
    }
    ASSERT_EQ(j.str(), want);
  }
}

// FindDate, FindTime and MeetingEndTime skip texts without a digit: only
// ASCII digits count, as only they match RE2's \d.
TEST(AnalyzeTextUtil, HasDigitIsRe2Digit) {
  const RE2 digit("\\d");
  for (std::string_view s :
       {"", "Mødet hævet", "kl. 9", "0", "x9y", "\u0663", "\uFF19", "\u00B2", "\u2070", "/:"}) {
    EXPECT_EQ(HasDigit(s), RE2::PartialMatch(s, digit)) << s;
  }
}

}  // namespace
}  // namespace referat::analyze
