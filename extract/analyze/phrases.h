// Phrase lists of the rule tables, matched in code. Compiling the lists as
// regular expressions costs most of a small document's CPU time, and most
// lists are only matched at a known position, so they are matched here; the
// rules a rule author sees are in extract/rules/README.md ("How phrases
// match"). Precisely:
//
//   - a phrase is its words (the rule text split on spaces); between two
//     words any run of whitespace ([\t\n\f\r ]);
//   - letters compare by simple case folding (ICU u_foldCase): two code
//     points are equal when they fold to the same one;
//   - alternatives are tried longest phrase text first, then in byte order,
//     and the first that matches wins.
//
// These are the semantics of an RE2 alternation of the same phrases, which
// tests/analyze/lexicon_engines_test.cc holds this code to (the oracle in
// tests/analyze/lexicon_oracle.h). A list of a shape this code does not
// know (a "…" that is not the last word, a word with whitespace or invalid
// UTF-8 in it) is not supported(); the rules have none (the same test
// checks every phrase).
#ifndef REFERAT_ANALYZE_PHRASES_H_
#define REFERAT_ANALYZE_PHRASES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace referat::analyze {

// Markers in the folded code point sequences below (code points are >= 0).
inline constexpr int32_t kGap = -10;       // \s+ between two words
inline constexpr int32_t kWildcard = -11;  // a decision phrase's "*"

// RE2's \s in the rule patterns: [\t\n\f\r ].
inline bool IsReSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// The code point at s[i] (valid UTF-8) and its length in *len; -1 (and
// *len 1) for an invalid sequence or i >= s.size(), which no class matches.
int32_t DecodeAt(std::string_view s, size_t i, size_t* len);

// The simple case folding of a code point (what RE2's (?i) compares).
int32_t FoldCp(int32_t c);

// The patterns' letter class (?i)[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]: Latin letters of
// Basic Latin, Latin-1 and Latin Extended-A, and the three code points that
// case-fold into them (KELVIN SIGN, ANGSTROM SIGN, CAPITAL SHARP S).
// Checked against RE2 for every code point.
bool IsPatternLetter(int32_t c);

// True when the code point at s[i] is not a pattern letter (nor an ASCII
// digit when `digits`), or i == s.size(): what (?:[^A-Za-z…]|$) matched.
// *len is the code point's length (0 at the end).
bool NonLetterAt(std::string_view s, size_t i, bool digits, size_t* len);

class PhraseList {
 public:
  PhraseList() = default;
  // `phrases` as written in the rules. With `ellipsis`, a last word "…"
  // marks the phrase as open-ended (the caller matches what follows);
  // without it "…" is a literal word, as it was in the patterns. With
  // `fold` false, letters compare exactly (a pattern without (?i)).
  PhraseList(std::vector<std::string> phrases, bool ellipsis, bool fold = true);
  // Several lists in one, for a caller that tries lists in turn and takes
  // the first with a match (HeadingMatcher's roles): list k's
  // phrases, in its own alternation order, come after those of lists
  // 0..k-1 and have the tag k. EachTagged() then meets the phrases in the
  // order the loop over the lists would, but decodes and folds the text's
  // first code point once, not once a list.
  PhraseList(const std::vector<std::vector<std::string>>& lists, bool ellipsis);

  bool empty() const { return entries_.empty(); }
  // False for a list of a shape this code does not know (see above).
  bool supported() const { return supported_; }

  // Which phrases Each() tries: all, or only those whose text has a "…"
  // anywhere (a word of its own or glued to one), or only the others.
  enum class Only { kAll, kEllipsis, kPlain };

  // Calls f(end, open) for each phrase whose words match s at byte `pos`,
  // in alternation order: `end` is the byte after its last word, `open`
  // whether the phrase ended in "…". Stops and returns true as soon as f
  // returns true; false when no call did. REQUIRES: supported().
  template <typename F>
  bool Each(std::string_view s, size_t pos, F&& f, Only only = Only::kAll) const {
    return EachTagged(
        s, pos, [&](size_t end, bool open, uint32_t) { return f(end, open); }, only);
  }

  // Each(), calling f(end, open, tag) with the tag of the phrase's list
  // (0 for a list made of one); with `tag` other than kAllTags, only the
  // phrases of that list.
  static constexpr uint32_t kAllTags = UINT32_MAX;
  template <typename F>
  bool EachTagged(std::string_view s, size_t pos, F&& f, Only only = Only::kAll,
                  uint32_t tag = kAllTags) const {
    size_t len = 0;
    int32_t first = pos < s.size() ? DecodeAt(s, pos, &len) : -1;
    if (fold_) first = FoldCp(first);
    auto try_entry = [&](const Entry& e) {
      if (e.first != kAnyFirst && e.first != first) return false;
      if (only != Only::kAll && e.ellipsis != (only == Only::kEllipsis)) return false;
      if (tag != kAllTags && e.tag != tag) return false;
      size_t end = MatchWords(e, s, pos);
      return end != std::string_view::npos && f(end, e.open, e.tag);
    };
    if (!any_first_ && first >= 0 && first < 256) {
      // Only the phrases starting with `first` can match, and they are
      // listed in alternation order: Find() calls Each() at every position
      // of a text, and most code points start no phrase or a few.
      const auto c = static_cast<size_t>(first);
      for (uint32_t k = first_start_[c]; k < first_start_[c + 1]; ++k)
        if (try_entry(entries_[by_first_[k]])) return true;
      return false;
    }
    if (!any_first_ && !(first >= 256 && wide_first_)) return false;
    for (const Entry& e : entries_)
      if (try_entry(e)) return true;
    return false;
  }

  // True when some phrase occurs in `s` and f(end, open) returns true for
  // it, trying positions from the left. With `boundary`, a phrase must
  // start the text or follow a code point that is not a pattern letter
  // (what (?:^|[^A-Za-z…]) matched). *start is the phrase's start.
  // Used for the unanchored patterns.
  template <typename F>
  bool Find(std::string_view s, bool boundary, F&& f, size_t* start = nullptr) const {
    int32_t prev = -1;
    for (size_t i = 0; i <= s.size();) {
      if ((!boundary || i == 0 || (prev >= 0 && !IsPatternLetter(prev))) && Each(s, i, f)) {
        if (start) *start = i;
        return true;
      }
      if (i == s.size()) break;
      size_t len = 0;
      prev = DecodeAt(s, i, &len);
      i += len;
    }
    return false;
  }

 private:
  static constexpr int32_t kAnyFirst = -2;
  struct Entry {
    uint32_t begin = 0, end = 0;  // its code points in cps_
    bool open = false;            // ended in "…"
    bool ellipsis = false;        // the text has a "…"
    int32_t first = kAnyFirst;    // folded first code point
    uint32_t tag = 0;             // the index of its list
  };
  // Appends the entries of `phrases` (one list, tagged `tag`) in
  // alternation order; Group() then indexes all entries.
  void Add(std::vector<std::string> phrases, bool ellipsis, uint32_t tag);
  void Group();
  size_t MatchWords(const Entry& e, std::string_view s, size_t pos) const;

  std::vector<Entry> entries_;
  // All phrases' folded code points, kGap (\s+) between words: one
  // allocation for the list, not one per word.
  std::vector<int32_t> cps_;
  bool supported_ = true;
  bool fold_ = true;
  // The entries by first code point, for Each(): those starting with c
  // (below 256) are entries_[by_first_[k]] for k in [first_start_[c],
  // first_start_[c + 1]), in alternation order. wide_first_: some entry
  // starts with a code point of 256 or above; any_first_: some entry may
  // start with anything (a phrase of "…" alone), and Each() tries all.
  std::vector<uint32_t> by_first_;
  std::array<uint32_t, 257> first_start_{};
  bool wide_first_ = false;
  bool any_first_ = false;
};

// A decision phrase (decision_phrases.txt): words, and "*" for up to two
// words in between, matched at the start of a text as the pattern
// (?i)^(w1\s+w2\s+((?:\S+\s+){0,2}?)w3) did: the lazy wildcards take as few
// words as they can.
class WildcardPhrase {
 public:
  // Returns false (the phrase then matches nothing) for a shape
  // this code does not know.
  bool Parse(std::string_view phrase);
  int wildcards() const { return wildcards_; }
  // The folded first code point a text must start with to match, or -1
  // when the phrase may match any text (it starts with "*", or is empty).
  int32_t first() const { return !cps_.empty() && cps_[0] >= 0 ? cps_[0] : -1; }
  // Matches at the start of `s`: the byte after the phrase, and each
  // wildcard's bytes [first, second) in (*groups)[k]. npos if no match.
  size_t Match(std::string_view s, std::vector<std::pair<size_t, size_t>>* groups) const;

 private:
  size_t MatchFrom(std::string_view s, size_t pos, size_t i, size_t g,
                   std::vector<std::pair<size_t, size_t>>* groups) const;
  // Folded code points, kGap for \s+ and kWildcard for a "*".
  std::vector<int32_t> cps_;
  int wildcards_ = 0;
};

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_PHRASES_H_
