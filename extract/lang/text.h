// Text helpers of the language layer: case fold, trims, word boundaries,
// word counts. All work on UTF-8 views; nothing here allocates per byte.
#ifndef REFERAT_LANG_TEXT_H_
#define REFERAT_LANG_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace referat::lang {

// Unicode full case folding (ICU), for comparing words case-insensitively:
// "ÅBEN" and "Åben" fold to the same string.
std::string FoldCase(std::string_view s);

// FoldCase one code point at a time, for a scanner that builds a word's
// key as it walks the text: appends the simple case folding of `c` as
// UTF-8. The same as FoldCase of the word for every letter but the few whose
// full folding is several letters ("ß" -> "ss"), which no rule word has
// (tests/figures checks the figures' rule words).
void AppendFoldedSlow(int32_t c, std::string* out);  // c >= 0x80
inline void AppendFolded(int32_t c, std::string* out) {
  if (c < 0x80) {  // ASCII (and a decoder's -1, kept as one byte)
    out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
    return;
  }
  AppendFoldedSlow(c, out);
}

// True when the first code point is an uppercase (or titlecase) letter.
bool StartsUpper(std::string_view s);
// True when the first code point is a lowercase letter.
bool StartsLower(std::string_view s);
// True when `s` has at least two letters and none of them is lowercase.
bool IsAllCaps(std::string_view s);
// True for a letter or digit code point starting at s[i] (UTF-8).
bool IsWordCharAt(std::string_view s, size_t i);
// True when position `i` (a byte offset) is not inside a word: i is 0 or
// the code point before it is neither letter nor digit.
bool WordStartsAt(std::string_view s, size_t i);
// True when position `i` ends a word: i == size or s[i..] starts with a
// code point that is neither letter nor digit.
bool WordEndsAt(std::string_view s, size_t i);

// Trims ASCII spaces and tabs.
std::string_view Trim(std::string_view s);
// Trims spaces, tabs and any of `chars` from the end.
std::string_view TrimRight(std::string_view s, std::string_view chars);
// Trims spaces, tabs and any of `chars` from both ends.
std::string_view TrimBoth(std::string_view s, std::string_view chars);
// Number of words (runs of characters other than space and tab), counted
// no further than `limit` + 1: exact up to `limit`, `limit` + 1 for any text
// with more. Callers only compare with a small limit, and blocks can be whole
// pages of text; this stops reading after the word that passes the limit.
int CountWordsUpTo(std::string_view s, int limit);
// True when `s` has at most `n` words (CountWordsUpTo(s, n) <= n).
inline bool AtMostWords(std::string_view s, int n) { return CountWordsUpTo(s, n) <= n; }
// True when `s` has an ASCII digit (what RE2's \d matches).
inline bool HasDigit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}
// True when the text ends a sentence: a final '.', '!' or '?' after a
// letter (not an abbreviation-like "nr." is not distinguished).
bool EndsSentence(std::string_view s);

// Copies `s` with tabs and runs of spaces turned into single spaces and both
// ends trimmed (block texts are already collapsed except for table tabs).
std::string Collapse(std::string_view s);

// Appends pieces separated by single spaces, collapsing as it goes.
// Linear in the total length.
class Joiner {
 public:
  void Add(std::string_view piece);
  bool empty() const { return out_.empty(); }
  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// At most `max` bytes of `s`, cut at a code point boundary, with "…" added
// when cut (for warning messages).
std::string Clip(std::string_view s, size_t max);

// Uppercases the first code point ("byrådet" -> "Byrådet").
std::string UpperFirst(std::string_view s);

}  // namespace referat::lang

#endif  // REFERAT_LANG_TEXT_H_
