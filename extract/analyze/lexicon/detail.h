// What the lexicon's modules share and nothing else uses: the rule tables
// split once, the RE2 patterns compiled on first use, and the small
// scanners the phrase matchers check a phrase's surroundings with.
#ifndef REFERAT_ANALYZE_LEXICON_DETAIL_H_
#define REFERAT_ANALYZE_LEXICON_DETAIL_H_

#include <re2/re2.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/phrases.h"
#include "rules/rulebook.h"

namespace referat::analyze {

// An RE2 pattern compiled on first use (std::call_once, so a matcher can be
// shared by threads). A process that extracts one small document uses a
// fraction of the patterns; compiling all of them up front was most of such
// a process's CPU time. A pattern that does not compile (only a bug can make
// one: rule entries are quoted) matches nothing.
class LazyRE2 {
 public:
  LazyRE2() = default;
  LazyRE2(const LazyRE2&) = delete;
  LazyRE2& operator=(const LazyRE2&) = delete;
  // REQUIRES: called once, before any use, by the owner's constructor.
  void Set(std::string pattern) { pattern_ = std::move(pattern); }
  const RE2& operator*() const;
  const RE2* operator->() const { return &**this; }

 private:
  std::string pattern_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

namespace lexicon_detail {

inline constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // "…"
// Letters are spelled out as Latin ranges (Basic, Latin-1, Extended-A)
// rather than \p{L}: Danish text needs no more, and a Unicode property class
// in every pattern made compiling the rules take a large part of a second.
// A word ends here: the next code point is not a letter or digit (consumed).
inline constexpr std::string_view kWordEnd = "(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ0-9]|$)";
inline constexpr std::string_view kNotLetter = "(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]|$)";
inline constexpr std::string_view kLetterBefore = "(?:^|[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ])";

// A phrase list as a pattern: words quoted, \s+ between them, longest
// phrase first so that "Pkt." is tried before "Pkt"; "…" (if `ellipsis` is
// given) becomes `ellipsis`. Matches nothing when the list is empty.
std::string Alternation(std::vector<std::string> phrases, std::string_view ellipsis = {});

// The rule tables, each split once (Rulebook::Table splits on every call).
class Tables {
 public:
  explicit Tables(const Rulebook& rules) : rules_(rules) {}
  const std::vector<std::vector<std::string>>& operator()(std::string_view name);
  const Rulebook& rules() const { return rules_; }

 private:
  const Rulebook& rules_;
  std::map<std::string, std::vector<std::vector<std::string>>, std::less<>> tables_;
};

// Field `field` of the rows of `file` whose first field is `kind` (all rows
// when `kind` is empty).
std::vector<std::string> Column(Tables& tables, std::string_view file, std::string_view kind,
                                size_t field = 1);

// After a label ending at s[e]: spaces, then a colon or a TAB and the spaces
// and TABs after it, or spaces to the end of the text. Where the value
// starts, or npos when no label ends at e.
size_t LabelEnd(std::string_view s, size_t e);

// True when s[a, b) is valid UTF-8 without a line break.
bool LineText(std::string_view s, size_t a, size_t b);

// From s[q] to the end: a non-space, then the rest of one line.
bool RestOfLine(std::string_view s, size_t q);

// Where `needle` (folded, lower-case) is in `hay`, comparing ASCII letters
// without case and other bytes exactly; npos if nowhere.
size_t FindCaseless(std::string_view hay, std::string_view needle, size_t from = 0);

int DigitsToInt(std::string_view s);

// The leftmost phrase of `list` in `s` that stands as a whole word (no
// letter before it, no letter or digit after it): its start and *len, or
// npos.
size_t FindWord(const PhraseList& list, std::string_view s, size_t* len);
// True when a phrase of `list` is in `s` with no letter after it; with
// `boundary`, also none before it.
bool HasWord(const PhraseList& list, std::string_view s, bool boundary);
// A label phrase of `list` at the start of `block`, then a colon or TAB, or
// nothing more: the label's end and where the value starts.
bool MatchLabelPhrase(const PhraseList& list, std::string_view block, size_t* label_end,
                      size_t* value_start);

// function_words.txt's class `tag` as a pattern: its entries in file order.
std::string WordAlternation(const Rulebook& rules, std::string_view tag);
// The same for a class of references ("pkt.", "punkt", "kl."): an entry
// written with a final '.' is an abbreviation, whose dot may be left out and
// which need not be followed by a space ("pkt.2", "pkt 2"); other entries
// are words, followed by a space ("punkt 2").
std::string RefAlternation(const Rulebook& rules, std::string_view tag);

}  // namespace lexicon_detail
}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_LEXICON_DETAIL_H_
