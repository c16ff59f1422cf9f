#include "analyze/dates.h"

#include <cstdio>
#include <vector>

#include "analyze/text_util.h"
#include "lang/dates.h"

namespace referat::analyze {
namespace {

int ToInt(re2::StringPiece s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool ValidDate(int y, int m, int d) {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= lang::DaysInMonth(y, m);
}

std::string Iso(int y, int m, int d) { return lang::IsoDate(y, m, d); }

std::string Hhmm(int h, int m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
  return buf;
}

bool DigitAt(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// Glue characters before a number that make it part of something longer
// ("2017-015357", "1.500.000").
bool GluedBefore(std::string_view s, size_t i) {
  if (i == 0) return false;
  char c = s[i - 1];
  return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '/';
}

}  // namespace

int YearOf(std::string_view iso) {
  if (iso.size() < 4) return 0;
  int y = 0;
  for (int i = 0; i < 4; ++i) {
    if (!DigitAt(iso, i)) return 0;
    y = y * 10 + (iso[i] - '0');
  }
  return y;
}

std::optional<DateHit> FindDate(const Lexicon& lex, std::string_view s, size_t from,
                                int default_year) {
  // Each form starts with a digit (\d, ASCII only); most lines searched
  // have none, and three RE2 searches cost far more than this scan.
  if (from > s.size() || !HasDigit(s.substr(from))) return std::nullopt;
  std::optional<DateHit> best;
  auto consider = [&](DateHit h) {
    if (!best || h.start < best->start) best = std::move(h);
  };
  // Numeric: 24.10.2017, 06.11.17, 19-11-2025.
  {
    re2::StringPiece in(s.data() + from, s.size() - from);
    re2::StringPiece d, s1, m, s2, y;
    while (RE2::FindAndConsume(&in, lex.dates().numeric_date(), &d, &s1, &m, &s2, &y)) {
      size_t start = static_cast<size_t>(d.data() - s.data());
      size_t end = static_cast<size_t>(y.data() + y.size() - s.data());
      if (s1 != s2 || GluedBefore(s, start) || DigitAt(s, end) ||
          (end < s.size() && (s[end] == '-' || s[end] == '/') && DigitAt(s, end + 1)))
        continue;
      int year = ToInt(y);
      // The document's year, when given, places a two-digit year.
      if (y.size() == 2) year = lang::FullYear(year, default_year);
      if (!ValidDate(year, ToInt(m), ToInt(d))) continue;
      consider({Iso(year, ToInt(m), ToInt(d)), start, end});
      break;
    }
  }
  // ISO: 2017-10-24.
  {
    re2::StringPiece in(s.data() + from, s.size() - from);
    re2::StringPiece y, m, d;
    while (RE2::FindAndConsume(&in, lex.dates().iso_date(), &y, &m, &d)) {
      size_t start = static_cast<size_t>(y.data() - s.data());
      size_t end = static_cast<size_t>(d.data() + d.size() - s.data());
      if (GluedBefore(s, start) || DigitAt(s, end)) continue;
      if (!ValidDate(ToInt(y), ToInt(m), ToInt(d))) continue;
      consider({Iso(ToInt(y), ToInt(m), ToInt(d)), start, end});
      break;
    }
  }
  // Text: 24. oktober 2017, 1. nov.
  {
    re2::StringPiece in(s.data() + from, s.size() - from);
    re2::StringPiece d, mon, y;
    while (RE2::FindAndConsume(&in, lex.dates().text_date(), &d, &mon, &y)) {
      size_t start = static_cast<size_t>(d.data() - s.data());
      if (GluedBefore(s, start)) continue;
      int month = lex.dates().MonthNumber(std::string_view(mon.data(), mon.size()));
      int year = y.empty() ? default_year : ToInt(y);
      if (month == 0 || year == 0 || !ValidDate(year, month, ToInt(d))) continue;
      size_t end = y.empty() ? static_cast<size_t>(mon.data() + mon.size() - s.data())
                             : static_cast<size_t>(y.data() + y.size() - s.data());
      if (y.empty() && end < s.size() && s[end] == '.') ++end;
      consider({Iso(year, month, ToInt(d)), start, end});
      break;
    }
  }
  return best;
}

std::optional<TimeHit> FindTime(const Lexicon& lex, std::string_view s, bool bare) {
  // Both patterns need digits (\d, ASCII only): no date to mask, no time.
  if (!HasDigit(s)) return std::nullopt;
  // Dates are masked first so "24.10.2017" never reads as 24:10.
  std::vector<std::pair<size_t, size_t>> dates;
  for (size_t from = 0; from < s.size();) {
    auto d = FindDate(lex, s, from, 2000);
    if (!d) break;
    dates.emplace_back(d->start, d->end);
    from = d->end;
  }
  auto in_date = [&](size_t a, size_t b) {
    for (auto [ds, de] : dates)
      if (a < de && b > ds) return true;
    return false;
  };
  for (int pass = 0; pass < (bare ? 2 : 1); ++pass) {
    const RE2& re = pass == 0 ? lex.dates().time_range() : lex.dates().bare_time();
    re2::StringPiece in(s);
    re2::StringPiece h1, m1, h2, m2;
    while (RE2::FindAndConsume(&in, re, &h1, &m1, &h2, &m2)) {
      size_t start = static_cast<size_t>(h1.data() - s.data());
      size_t end = static_cast<size_t>((h2.empty() ? m1.data() + m1.size() : m2.data() + m2.size()) -
                                       s.data());
      if (in_date(start, end) || GluedBefore(s, start) || DigitAt(s, end)) continue;
      int a = ToInt(h1), b = ToInt(m1);
      if (a > 23 || b > 59) continue;
      TimeHit t;
      t.start_time = Hhmm(a, b);
      t.start = start;
      t.end = end;
      if (!h2.empty()) {
        int c = ToInt(h2), d = ToInt(m2);
        if (c <= 23 && d <= 59) t.end_time = Hhmm(c, d);
      }
      // The match of the "kl." pattern starts at "kl."; report from there.
      if (pass == 0) {
        size_t k = start;
        while (k > 0 && s[k - 1] != 'k' && s[k - 1] != 'K' && start - k < 5) --k;
        if (k > 0) t.start = k - 1;
      }
      return t;
    }
  }
  return std::nullopt;
}

}  // namespace referat::analyze
