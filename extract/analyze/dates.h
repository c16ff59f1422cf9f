// Danish dates and clock times as they appear in meeting headers, decision
// headings and referrals: "24.10.2017", "06.11.17", "19-11-2025",
// "24. oktober 2017", "Tirsdag d. 27. august 2025", "2017-10-24";
// "kl. 12.15 - 15.15", "kl. 16:00". Two-digit years: lang::FullYear.
#ifndef REFERAT_ANALYZE_DATES_H_
#define REFERAT_ANALYZE_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "analyze/lexicon.h"

namespace referat::analyze {

struct DateHit {
  std::string iso;  // YYYY-MM-DD
  size_t start = 0;  // byte range of the date in the searched text
  size_t end = 0;
};

struct TimeHit {
  std::string start_time;  // HH:MM
  std::optional<std::string> end_time;
  size_t start = 0;
  size_t end = 0;
};

// The first valid date in `s` at or after `from`. A date without a year
// ("1. november") takes `default_year` (the document's year) when given,
// else is skipped; a two-digit year is placed near it (lang::FullYear).
std::optional<DateHit> FindDate(const Lexicon& lex, std::string_view s, size_t from = 0,
                                int default_year = 0);

// The first "kl. HH.MM[ - HH.MM]" in `s`; with `bare`, also a time without
// "kl." ("14:00", "16.30-18.00"), skipping anything inside a date.
std::optional<TimeHit> FindTime(const Lexicon& lex, std::string_view s, bool bare);

// "2017-10-24" -> 2017, or 0.
int YearOf(std::string_view iso);

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_DATES_H_
