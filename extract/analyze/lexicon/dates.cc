#include "analyze/lexicon/dates.h"

#include <vector>

#include "analyze/text_util.h"

namespace referat::analyze {

using namespace lexicon_detail;

DateMatcher::DateMatcher(const Rulebook& rules) {
  std::vector<std::string> month_words;
  for (const auto& row : rules.Table("months")) {
    if (row.size() < 2) continue;
    int n = DigitsToInt(row[0]);
    if (n < 1 || n > 12) continue;
    month_words.push_back(row[1]);
    months_[FoldCase(row[1])] = n;
    if (row.size() >= 3) {
      size_t pos = 0;
      const std::string& ab = row[2];
      while (pos < ab.size()) {
        size_t sp = ab.find(' ', pos);
        if (sp == std::string::npos) sp = ab.size();
        std::string a = ab.substr(pos, sp - pos);
        pos = sp + 1;
        while (!a.empty() && a.back() == '.') a.pop_back();
        if (a.empty()) continue;
        months_[FoldCase(a)] = n;
        month_words.push_back(a);
      }
    }
  }
  const std::string range_alt = WordAlternation(rules, "range");
  const std::string clock = RefAlternation(rules, "clock");
  numeric_date_.Set("(\\d{1,2})([./\\-])(\\d{1,2})([./\\-])(\\d{4}|\\d{2})");
  text_date_.Set("(\\d{1,2})\\.?\\s*((?i:" + Alternation(month_words) +
                 "))\\.?(?:,?\\s+(\\d{4}))?(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ0-9]|$)");
  iso_date_.Set("((?:19|20)\\d{2})-(\\d{2})-(\\d{2})");
  time_range_.Set("(?i)(?:" + clock + ")(\\d{1,2})[.:](\\d{2})(?:\\s*(?:-|–|" + range_alt +
                  ")\\s*(?:" + clock + ")?(\\d{1,2})[.:](\\d{2}))?");
  bare_time_.Set("(\\d{1,2})[.:](\\d{2})(?:\\s*(?:-|–|" + range_alt + ")\\s*(?:" + clock +
                 ")?(\\d{1,2})[.:](\\d{2}))?");
}

int DateMatcher::MonthNumber(std::string_view name) const {
  std::string f = FoldCase(TrimRight(name, "."));
  auto it = months_.find(f);
  return it == months_.end() ? 0 : it->second;
}

}  // namespace referat::analyze
