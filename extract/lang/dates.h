// The calendar and the one rule for two-digit years, shared by the date
// readers of the analyzers (analyze/dates.cc: headers, decision headings,
// referrals) and of the figures (figures/dates.cc).
#ifndef REFERAT_LANG_DATES_H_
#define REFERAT_LANG_DATES_H_

#include <string>

namespace referat::lang {

// Two-digit years ("24.10.98", "06.11.17"). With the document's own year
// known (the meeting's), the year is the one of the hundred that end
// kTwoDigitYearsAhead years after it: in minutes of 1998 "98" is 1998 and
// "25" is 1925; in minutes of 2017 "18" is 2018 and "38" is 1938. The years
// ahead are allowed because minutes name dates to come (the next meeting,
// a deadline, "senest 31.12.20"). Without a document year (the meeting's
// own date in its header) a fixed pivot, never the clock: 00-69 are 2000-2069,
// 70-99 are 1970-1999.
inline constexpr int kTwoDigitYearsAhead = 20;
inline constexpr int kTwoDigitPivot = 70;
// `yy` (0..99) as a full year; `doc_year` 0 when unknown.
int FullYear(int yy, int doc_year);

int DaysInMonth(int y, int m);
// Days since 1970-01-01 of a proleptic Gregorian date.
long DaysFromCivil(int y, int m, int d);
// "YYYY-MM-DD".
std::string IsoDate(int y, int m, int d);

}  // namespace referat::lang

#endif  // REFERAT_LANG_DATES_H_
