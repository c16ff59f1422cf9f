// Dates and times as the text writes them: rules/months.txt and
// function_words.txt's `clock` and `range` words. analyze/dates.h reads them.
#ifndef REFERAT_ANALYZE_LEXICON_DATES_H_
#define REFERAT_ANALYZE_LEXICON_DATES_H_

#include <map>
#include <string>
#include <string_view>

#include "analyze/lexicon/detail.h"

namespace referat::analyze {

class DateMatcher {
 public:
  explicit DateMatcher(const Rulebook& rules);

  // "24.10.2017", "3/5-98": groups day, separator, month, separator, year.
  const RE2& numeric_date() const { return *numeric_date_; }
  // "24. oktober 2017", "3. okt.": groups day, month word, year (maybe empty).
  const RE2& text_date() const { return *text_date_; }
  // "2017-10-24": groups year, month, day.
  const RE2& iso_date() const { return *iso_date_; }
  // "kl. 16.00 - 18.30", "kl. 9:00": groups hour, minute, end hour, end minute.
  const RE2& time_range() const { return *time_range_; }
  // time_range() without the clock word.
  const RE2& bare_time() const { return *bare_time_; }
  // 1..12 for a month's name or abbreviation (with or without its '.'), 0 if unknown.
  int MonthNumber(std::string_view name) const;

 private:
  LazyRE2 numeric_date_;
  LazyRE2 text_date_;
  LazyRE2 iso_date_;
  LazyRE2 time_range_;
  LazyRE2 bare_time_;
  std::map<std::string, int> months_;  // folded name/abbreviation -> 1..12
};

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_LEXICON_DATES_H_
