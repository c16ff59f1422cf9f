// Unit tests of the small text helpers (analyze/text_util.h).
#include "analyze/text_util.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace referat::analyze
