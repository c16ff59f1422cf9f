// A closed word class read from a rule file ("function words", "unit
// words", "open/closed markers"): the code asks whether a word or phrase is
// in the class, the wording stays in extract/rules/NAME.txt.
//
// Entries are compared after Unicode case folding. An entry matches a word
// or phrase whole; an entry ending in '*' matches any word that starts with
// the rest ("udvalg*"), one starting with '*' any word that ends with it
// ("*udvalget"). With a tag, only the rows whose second field is the tag
// ("og<TAB>and") are read, "and|or" for either; the entry is always the
// first field.
//
// Thread safety: immutable after construction.
#ifndef REFERAT_LANG_WORDLIST_H_
#define REFERAT_LANG_WORDLIST_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "rules/rulebook.h"

namespace referat::lang {

class WordList {
 public:
  WordList() = default;
  // The entries of rules/NAME.txt (with `tag`: its rows tagged so).
  WordList(const Rulebook& rules, std::string_view name, std::string_view tag = {});

  // True when `word` (any case) is an entry, or matches a prefix or suffix
  // entry.
  bool Contains(std::string_view word) const;
  // The same for an already case-folded word (no allocation).
  bool ContainsFolded(std::string_view folded) const;

  // True when `word` is an entry exactly as written (case-sensitive).
  bool ContainsAsWritten(std::string_view word) const;

  // The entries as written in the file, in file order, for code that tries
  // them in turn or builds a pattern of them.
  const std::vector<std::string>& entries() const& { return entries_; }
  // On a temporary list, the entries by value, so that
  // `for (auto& w : WordList(...).entries())` does not dangle.
  std::vector<std::string> entries() && { return std::move(entries_); }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<std::string> entries_;
  std::unordered_set<std::string> whole_;
  std::vector<std::string> prefixes_, suffixes_;
};

// The entries as an RE2 alternation in file order (no group around it):
// each entry quoted, the spaces inside an entry as \s+. Matches nothing when
// there are no entries.
std::string ReAlternation(const std::vector<std::string>& entries);

// If `*s` starts with `word` and a space ("og Hansen"), removes both and
// returns true; with `upper_first`, the word may also start with a capital
// ("Og Hansen").
bool ConsumeLeadingWord(std::string_view* s, std::string_view word, bool upper_first = false);

}  // namespace referat::lang

#endif  // REFERAT_LANG_WORDLIST_H_
