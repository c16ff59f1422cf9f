#include "lang/wordlist.h"

#include "lang/text.h"

namespace referat::lang {

WordList::WordList(const Rulebook& rules, std::string_view name, std::string_view tag) {
  for (const auto& row : rules.Table(name)) {
    if (row.empty() || row[0].empty()) continue;
    if (!tag.empty() && (row.size() < 2 || row[1] != tag)) continue;
    std::string e = FoldCase(row[0]);
    entries_.push_back(e);
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

}  // namespace referat::lang
