#include "lang/wordlist.h"

#include <re2/re2.h>

#include "lang/text.h"

namespace referat::lang {
namespace {

// True when `tags` ("and|or") names `tag`.
bool HasTag(std::string_view tags, std::string_view tag) {
  size_t i = 0;
  while (i <= tags.size()) {
    size_t bar = tags.find('|', i);
    if (bar == std::string_view::npos) bar = tags.size();
    if (tags.substr(i, bar - i) == tag) return true;
    i = bar + 1;
  }
  return false;
}

}  // namespace

WordList::WordList(const Rulebook& rules, std::string_view name, std::string_view tag) {
  for (const auto& row : rules.Table(name)) {
    if (row.empty() || row[0].empty()) continue;
    if (!tag.empty() && (row.size() < 2 || !HasTag(tag, row[1]))) continue;
    entries_.push_back(row[0]);
    std::string e = FoldCase(row[0]);
    if (e.size() > 1 && e.back() == '*') {
      prefixes_.push_back(e.substr(0, e.size() - 1));
    } else if (e.size() > 1 && e.front() == '*') {
      suffixes_.push_back(e.substr(1));
    } else {
      whole_.insert(std::move(e));
    }
  }
}

bool WordList::Contains(std::string_view word) const { return ContainsFolded(FoldCase(word)); }

bool WordList::ContainsFolded(std::string_view w) const {
  if (whole_.count(std::string(w))) return true;
  for (const auto& p : prefixes_)
    if (w.size() > p.size() && w.compare(0, p.size(), p) == 0) return true;
  for (const auto& s : suffixes_)
    if (w.size() > s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0) return true;
  return false;
}

bool WordList::ContainsAsWritten(std::string_view word) const {
  for (const auto& e : entries_)
    if (e == word) return true;
  return false;
}

std::string ReAlternation(const std::vector<std::string>& entries) {
  std::string out;
  for (const auto& e : entries) {
    if (!out.empty()) out += '|';
    size_t i = 0;
    while (i < e.size()) {
      size_t sp = e.find(' ', i);
      if (sp == std::string::npos) sp = e.size();
      if (i > 0) out += "\\s+";
      out += RE2::QuoteMeta(e.substr(i, sp - i));
      i = sp;
      while (i < e.size() && e[i] == ' ') ++i;
    }
  }
  return out.empty() ? "[^\\x00-\\x{10FFFF}]" : out;
}

bool ConsumeLeadingWord(std::string_view* s, std::string_view word, bool upper_first) {
  if (s->size() <= word.size() || (*s)[word.size()] != ' ' || word.empty()) return false;
  if (s->compare(0, word.size(), word) != 0) {
    if (!upper_first) return false;
    std::string up = UpperFirst(word);
    if (up.size() != word.size() || s->compare(0, up.size(), up) != 0) return false;
  }
  s->remove_prefix(word.size() + 1);
  return true;
}

}  // namespace referat::lang
