// The one date reader: the calendar, the rule for two-digit years, the month
// names (rules/months.txt), whole numeric dates, and the search for dates and
// clock times in a line of text. The analyzers (headers, decision headings,
// referrals) search lines with DateReader; the figure pass reads its tokens
// with ReadNumericDate and MonthNames and adds the periods and the relative
// words of figures (figures/dates.cc).
//
//   dates  "24.10.2017", "06.11.17", "19-11-2025", "3/3/2015", "2017-10-24",
//          "24. oktober 2017", "3. dec. 2014", "1. november" (the document's
//          year)
//   times  "kl. 12.15 - 15.15", "kl. 16:00", and with `bare` "14:00",
//          "16.30-18.00"
//
// Thread safety: immutable after construction (patterns compile on first
// use, once).
#ifndef REFERAT_LANG_DATES_H_
#define REFERAT_LANG_DATES_H_

#include <re2/re2.h>

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/rulebook.h"

namespace referat::lang {

// Two-digit years ("24.10.98", "06.11.17"). With the document's own year
// known (the meeting's), the year is the one of the hundred that end
// kTwoDigitYearsAhead years after it: in minutes of 1998 "98" is 1998 and
// "25" is 1925; in minutes of 2017 "18" is 2018 and "38" is 1938. The years
// ahead are allowed because minutes name dates to come (the next meeting,
// a deadline, "senest 31.12.20"). Without a document year (the meeting's
// own date in its header) a fixed pivot, never the clock: 00-69 are 2000-2069,
// 50-99 are 1950-1999.
//
// Without the meeting's date the document's own four-digit years are the
// next best evidence (DocumentYearScope): a protocol of 1956 that writes "d.
// 3/4-56" and "24.10.56" names 1956 elsewhere, and its "56" is 1956, not
// 2056: the nearest year of those two digits to the year the document names
// most (evidence of its time, not its day, so no window ahead). Only where the document names no year does the fixed pivot decide:
// 00-49 are 2000-2049, 50-99 are 1950-1999 (typed minutes from 1950 on;
// minutes of today name no year after 2049 in two digits).
inline constexpr int kTwoDigitYearsAhead = 20;
inline constexpr int kTwoDigitPivot = 50;
// `yy` (0..99) as a full year; `doc_year` 0 when unknown (then the year of
// the innermost DocumentYearScope, then the pivot).
int FullYear(int yy, int doc_year);

// The year a document's four-digit years (1800-2099, not part of a longer
// number) in its first kEvidenceBytes name most often, the first named on a
// tie; 0 when none.
inline constexpr size_t kEvidenceBytes = 8192;
int EvidenceYear(std::string_view text);

// For the calls of FullYear on this thread while it lives: a document's
// EvidenceYear as the year of two-digit years with no year given, scanned
// the first time one asks. An outer scope of the same document is kept
// (nested extractors scan at most once).
class DocumentYearScope {
 public:
  explicit DocumentYearScope(std::string_view text);
  ~DocumentYearScope();
  DocumentYearScope(const DocumentYearScope&) = delete;
  DocumentYearScope& operator=(const DocumentYearScope&) = delete;

 private:
  const char* prev_text_;
  size_t prev_size_;
  int prev_year_;
};

// The years a full date (day, month and year) may have: minutes of today and
// the protocols archives index, parish councils' from 1841 on ("Aar 1855, den
// 1ste Juni", Fodby Sogneforstanderskab). A bare year stays 1900-2099 where
// numbers are read (figures/): "1850" alone is a count or an amount.
inline constexpr int kFirstYear = 1800;
inline constexpr int kLastYear = 2099;
// True for a real day of the calendar in [kFirstYear, kLastYear].
bool ValidDate(int y, int m, int d);

int DaysInMonth(int y, int m);
// Days since 1970-01-01 of a proleptic Gregorian date.
long DaysFromCivil(int y, int m, int d);
// "YYYY-MM-DD".
std::string IsoDate(int y, int m, int d);
// "2017-10-24" -> 2017, or 0.
int YearOf(std::string_view iso);

// The whole of `s` as a numeric date: day, month and year with the same
// separator twice ('.', '-' or '/'; day and month of one or two digits, the
// year of four or two, placed by FullYear near `doc_year`), or ISO
// "YYYY-MM-DD". False for anything else or a day the calendar lacks.
bool ReadNumericDate(std::string_view s, int doc_year, int* y, int* m, int* d);

// rules/months.txt: each month's name and abbreviations.
class MonthNames {
 public:
  explicit MonthNames(const Rulebook& rules);
  // 1..12 for a name or abbreviation in any case, with or without its
  // final '.'; 0 if none.
  int Number(std::string_view word) const;
  // Every form as written in the file (folded; an abbreviation's '.' kept),
  // with its month.
  const std::vector<std::pair<std::string, int>>& forms() const { return forms_; }
  // The names and abbreviations without their '.' (for a pattern).
  const std::vector<std::string>& bare_words() const { return bare_words_; }

 private:
  std::vector<std::pair<std::string, int>> forms_;
  std::vector<std::string> bare_words_;
  std::map<std::string, int, std::less<>> months_;  // folded, no final '.'
};

struct DateHit {
  std::string iso;   // YYYY-MM-DD
  size_t start = 0;  // byte range of the date in the searched text
  size_t end = 0;
};

struct TimeHit {
  std::string start_time;  // HH:MM
  std::optional<std::string> end_time;
  size_t start = 0;
  size_t end = 0;
};

class DateReader {
 public:
  // rules/months.txt, and function_words.txt's `clock` ("kl.") and `range`
  // ("til") words.
  explicit DateReader(const Rulebook& rules);
  DateReader(const DateReader&) = delete;
  DateReader& operator=(const DateReader&) = delete;

  // The first valid date in `s` at or after `from`. A date without a year
  // ("1. november") takes `default_year` (the document's year) when given,
  // else is skipped; a two-digit year is placed near it (FullYear).
  std::optional<DateHit> FindDate(std::string_view s, size_t from = 0, int default_year = 0) const;
  // The first "kl. HH.MM[ - HH.MM]" in `s`; with `bare`, also a time without
  // "kl." ("14:00", "16.30-18.00"), skipping anything inside a date.
  std::optional<TimeHit> FindTime(std::string_view s, bool bare) const;
  const MonthNames& months() const { return months_; }

 private:
  // A pattern compiled on first use: most processes read few dates.
  class Pattern {
   public:
    void Set(std::string p) { pattern_ = std::move(p); }
    const RE2& get() const;

   private:
    std::string pattern_;
    mutable std::once_flag once_;
    mutable std::unique_ptr<RE2> re_;
  };

  MonthNames months_;
  Pattern numeric_date_;  // groups day, separator, month, separator, year
  Pattern text_date_;     // groups day, month word, year (maybe empty)
  Pattern iso_date_;      // groups year, month, day
  Pattern month_first_date_;  // groups month word, day, year
  Pattern year_first_date_;   // groups year, day, month word or number
  Pattern year_lead_date_;    // the same, the year opening the line ("1869. den 25de April")
  Pattern slash_dash_date_;   // groups day, month, year ("7/7-1950", "22 / 4 - 85", "6 / 2 1984")
  Pattern time_range_;    // groups hour, minute, end hour, end minute
  Pattern bare_time_;     // time_range_ without the clock word
};

}  // namespace referat::lang

#endif  // REFERAT_LANG_DATES_H_
