#include "lang/dates.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "lang/text.h"
#include "lang/wordlist.h"

namespace referat::lang {
namespace {

// The endings of a written ordinal glued to a day's digits in protocols
// before 1900: "25de April", "1ste Juni", "3die August", "2den May", "12te".
const std::string kOrdinalEndings = "(?i:ste|den|die|de|te)";

bool DigitAt(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// A run of 1..max digits at s[*i] (advanced past it): its value, or -1.
int Digits(std::string_view s, size_t* i, size_t min, size_t max) {
  size_t j = *i;
  while (j < s.size() && j - *i < max && DigitAt(s, j)) ++j;
  if (j - *i < min || DigitAt(s, j)) return -1;
  int v = ToInt(s.substr(*i, j - *i));
  *i = j;
  return v;
}

std::string Hhmm(int h, int m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
  return buf;
}

// Glue characters before a number that make it part of something longer
// ("2017-015357", "1.500.000").
bool GluedBefore(std::string_view s, size_t i) {
  if (i == 0) return false;
  char c = s[i - 1];
  return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '/';
}

// Single words as a pattern's alternatives, longest first (so that "sept"
// is tried before "sep"), then in byte order.
std::string WordsAlternation(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string out;
  for (const auto& w : words) {
    if (w.empty()) continue;
    if (!out.empty()) out += '|';
    out += RE2::QuoteMeta(w);
  }
  return out.empty() ? "[^\\x00-\\x{10FFFF}]" : out;
}

// function_words.txt's `clock` words: an entry ending in '.' is an
// abbreviation whose dot may be left out and which need not be followed by
// a space ("kl.16", "kl 16"); other entries are followed by a space.
std::string ClockAlternation(const Rulebook& rules) {
  std::string out;
  const WordList list(rules, "function_words", "clock");
  for (const auto& e : list.entries()) {
    if (!out.empty()) out += '|';
    if (e.size() > 1 && e.back() == '.')
      out += ReAlternation({e.substr(0, e.size() - 1)}) + "\\.?\\s*";
    else
      out += ReAlternation({e}) + "\\s+";
  }
  return out;
}

}  // namespace

namespace {
// The innermost DocumentYearScope's text, and its EvidenceYear once a
// two-digit year asked for it (-1 before): most documents never do, and the
// scan is left to those that do.
thread_local const char* g_document_text = nullptr;
thread_local size_t g_document_size = 0;
thread_local int g_document_year = -1;

int DocumentYear() {
  if (g_document_text == nullptr) return 0;
  if (g_document_year < 0) g_document_year = EvidenceYear(std::string_view(g_document_text, g_document_size));
  return g_document_year;
}
}  // namespace

int EvidenceYear(std::string_view text) {
  // The first pages hold the document's title, entries and dates; a long
  // protocol book's later years are near enough for the nearest year.
  text = text.substr(0, kEvidenceBytes);
  // Counts per year 1800..2099; the first position of each for ties.
  int count[kLastYear - kFirstYear + 1] = {};
  size_t first[kLastYear - kFirstYear + 1];
  const size_t n = text.size();
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < n; ++i) {
    if (static_cast<unsigned>(p[i] - '0') > 9) continue;
    size_t j = i + 1;
    while (j < n && static_cast<unsigned>(p[j] - '0') <= 9) ++j;
    const bool glued_before = i > 0 && (p[i - 1] == '.' || p[i - 1] == ',');
    const bool glued_after = j + 1 < n && (p[j] == '.' || p[j] == ',') && static_cast<unsigned>(p[j + 1] - '0') <= 9;
    if (j - i == 4 && !glued_before && !glued_after) {
      const int y = ToInt(text.substr(i, 4));
      if (y >= kFirstYear && y <= kLastYear && count[y - kFirstYear]++ == 0) first[y - kFirstYear] = i;
    }
    i = j;
  }
  int best = 0;
  for (int k = 0; k <= kLastYear - kFirstYear; ++k)
    if (count[k] > 0 && (best == 0 || count[k] > count[best - kFirstYear] ||
                         (count[k] == count[best - kFirstYear] && first[k] < first[best - kFirstYear])))
      best = kFirstYear + k;
  return best;
}

DocumentYearScope::DocumentYearScope(std::string_view text)
    : prev_text_(g_document_text), prev_size_(g_document_size), prev_year_(g_document_year) {
  if (g_document_text != text.data() || g_document_size != text.size()) {
    g_document_text = text.data();
    g_document_size = text.size();
    g_document_year = -1;
  }
}

DocumentYearScope::~DocumentYearScope() {
  g_document_text = prev_text_;
  g_document_size = prev_size_;
  g_document_year = prev_year_;
}

int FullYear(int yy, int doc_year) {
  if (doc_year <= 0) {
    if (const int evidence = DocumentYear(); evidence > 0) {
      // The document's years are evidence of its time, not its day: the
      // nearest year of those two digits (the earlier on a tie).
      int best = 1800 + yy;
      for (int y = 1900 + yy; y <= kLastYear; y += 100)
        if (std::abs(y - evidence) < std::abs(best - evidence)) best = y;
      return best;
    }
  }
  if (doc_year <= 0) return yy < kTwoDigitPivot ? 2000 + yy : 1900 + yy;
  int y = doc_year / 100 * 100 + yy;
  if (y > doc_year + kTwoDigitYearsAhead) y -= 100;
  if (y <= doc_year + kTwoDigitYearsAhead - 100) y += 100;
  return y;
}

bool ValidDate(int y, int m, int d) {
  return y >= kFirstYear && y <= kLastYear && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[(m - 1) % 12];
}

long DaysFromCivil(int y, int m, int d) {
  // The days-from-civil algorithm (H. Hinnant): exact for the proleptic
  // Gregorian calendar.
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string IsoDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int YearOf(std::string_view iso) {
  if (iso.size() < 4) return 0;
  for (size_t i = 0; i < 4; ++i)
    if (!DigitAt(iso, i)) return 0;
  return ToInt(iso.substr(0, 4));
}

bool ReadNumericDate(std::string_view s, int doc_year, int* y, int* m, int* d) {
  size_t i = 0;
  const int first = Digits(s, &i, 1, 4);
  if (first < 0 || i >= s.size()) return false;
  const size_t first_len = i;
  const char sep = s[i];
  if (sep != '.' && sep != '-' && sep != '/') return false;
  ++i;
  const size_t second_at = i;
  const int second = Digits(s, &i, 1, 2);
  if (second < 0 || i >= s.size() || s[i] != sep) return false;
  const size_t second_len = i - second_at;
  ++i;
  const size_t third_at = i;
  const int third = Digits(s, &i, 2, 4);
  const size_t third_len = i - third_at;
  if (third < 0 || i != s.size()) return false;
  int yy = 0, mm = 0, dd = 0;
  if (first_len <= 2 && (third_len == 4 || third_len == 2)) {
    // No day or month, no year to work out ("00.01.00", a KLE number).
    if (first < 1 || first > 31 || second < 1 || second > 12) return false;
    dd = first, mm = second, yy = third_len == 4 ? third : FullYear(third, doc_year);
  } else if (sep == '-' && first_len == 4 && second_len == 2 && third_len == 2) {
    yy = first, mm = second, dd = third;
  } else {
    return false;
  }
  if (!ValidDate(yy, mm, dd)) return false;
  *y = yy, *m = mm, *d = dd;
  return true;
}

MonthNames::MonthNames(const Rulebook& rules) {
  for (const auto& row : rules.Table("months")) {
    if (row.size() < 2) continue;
    const int n = ToInt(row[0]);
    if (n < 1 || n > 12 || row[0].find_first_not_of("0123456789") != std::string::npos) continue;
    std::vector<std::string> written{row[1]};
    if (row.size() >= 3) {
      size_t pos = 0;
      const std::string& ab = row[2];
      while (pos < ab.size()) {
        size_t sp = ab.find(' ', pos);
        if (sp == std::string::npos) sp = ab.size();
        if (sp > pos) written.push_back(ab.substr(pos, sp - pos));
        pos = sp + 1;
      }
    }
    for (const auto& w : written) {
      std::string f = FoldCase(w);
      forms_.emplace_back(f, n);
      while (!f.empty() && f.back() == '.') f.pop_back();
      if (f.empty()) continue;
      months_[f] = n;
      std::string bare = w;
      while (!bare.empty() && bare.back() == '.') bare.pop_back();
      bare_words_.push_back(bare);
    }
  }
}

int MonthNames::Number(std::string_view word) const {
  auto it = months_.find(FoldCase(TrimRight(word, ".")));
  return it == months_.end() ? 0 : it->second;
}

const RE2& DateReader::Pattern::get() const {
  std::call_once(once_, [this] { re_ = std::make_unique<RE2>(pattern_); });
  return *re_;
}

DateReader::DateReader(const Rulebook& rules) : months_(rules) {
  const std::string range = ReAlternation(WordList(rules, "function_words", "range").entries());
  const std::string clock = ClockAlternation(rules);
  numeric_date_.Set("(\\d{1,2})([./\\-])(\\d{1,2})([./\\-])(\\d{4}|\\d{2})");
  // The day may carry the ordinal's ending of protocols before 1900 ("den
  // 25de April", "1ste Juni", "3die August", "2den May").
  // A two-digit year only before a clock word ("Bestyrelsesmøde den 14.
  // juni 82 kl. 19:30", NMJK 1982; "den 14 maj 84 kl. 19:30", NMJK 1984):
  // elsewhere two digits after a month are a count ("1. maj 25 deltagere").
  // Dashes between day, month and year as some systems print them
  // ("Onsdag den 15-maj-2002": Egebjerg Kommune 2002, docplayer.dk/2007834).
  text_date_.Set("(\\d{1,2})(?:\\.|" + kOrdinalEndings + ")?(?:\\s*|-)((?i:" + WordsAlternation(months_.bare_words()) +
                 "))\\.?(?:\\s+(\\d{2})\\s+(?i:" + clock + ")|(?:(?:,?\\s+|-)(\\d{4}))?(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ0-9]|$))");
  iso_date_.Set("((?:19|20)\\d{2})-(\\d{2})-(\\d{2})");
  // "April 3, 2019": the month first, as web publishing systems print a
  // date in their default format (Roskilde's minutes pages). The comma and
  // the four-digit year are required: "april 3 borgere" is no date.
  month_first_date_.Set("((?i:" + WordsAlternation(months_.bare_words()) + "))\\s+(\\d{1,2}),\\s+(\\d{4})");
  // "Aar 1919 d. 13. August", "Aar 1921 d. 9/2", "År 1959, den 24. marts":
  // a protocol's entry gives the year first.
  const std::string day_month = "(?i:den|d\\.)\\s*(\\d{1,2})(?:(?:\\.|" + kOrdinalEndings + ")?\\s*((?i:" +
                                WordsAlternation(months_.bare_words()) +
                                "))\\.?|/(\\d{1,2}))(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ0-9/]|$)";
  year_first_date_.Set("(?i:aar|år)\\s+((?:1[6-9]|20)\\d{2}),?\\s+" + day_month);
  // "1869. den 25de April afholdt Fodby Sogneraad et Extramøde" (Fodby
  // Sogneråd 1842-1870): the entry opens with the year and its dot.
  year_lead_date_.Set("^((?:1[6-9]|20)\\d{2})[.,]\\s+" + day_month);
  // Day and month with a slash, then a dash and the year, as typed minutes
  // write them ("7/7-1950": Gundsølille 1950), a typewriter's spaces around
  // the signs ("mandag den 22 / 4 - 85", "d. 12 / 8 – 1991": NMJK 1985,
  // 1991); or a space and a four-digit year ("Bestyrelsesmøde den 6 / 2
  // 1984").
  slash_dash_date_.Set("(\\d{1,2}) ?/ ?(\\d{1,2})(?: ?(?:-|–) ?(\\d{4}|\\d{2})| (\\d{4}))");
  // After "kl." a comma also parts hours and minutes ("Kl. 19,30" in
  // typewritten minutes); a bare "19,30" stays a number.
  time_range_.Set("(?i)(?:" + clock + ")(\\d{1,2})[.:,](\\d{2})(?:\\s*(?:-|–|" + range +
                  ")\\s*(?:" + clock + ")?(\\d{1,2})[.:,](\\d{2}))?");
  bare_time_.Set("(\\d{1,2})[.:](\\d{2})(?:\\s*(?:-|–|" + range + ")\\s*(?:" + clock +
                 ")?(\\d{1,2})[.:](\\d{2}))?");
}

std::optional<DateHit> DateReader::FindDate(std::string_view s, size_t from, int default_year) const {
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
    while (RE2::FindAndConsume(&in, numeric_date_.get(), &d, &s1, &m, &s2, &y)) {
      size_t start = static_cast<size_t>(d.data() - s.data());
      size_t end = static_cast<size_t>(y.data() + y.size() - s.data());
      if (GluedBefore(s, start) || DigitAt(s, end) ||
          (end < s.size() && (s[end] == '-' || s[end] == '/') && DigitAt(s, end + 1)))
        continue;
      int yy, mm, dd;
      if (!ReadNumericDate(s.substr(start, end - start), default_year, &yy, &mm, &dd)) continue;
      consider({IsoDate(yy, mm, dd), start, end});
      break;
    }
  }
  // Day/month-year: 7/7-1950, 1/7-24, 22 / 4 - 85, 6 / 2 1984. Not part of
  // a longer run ("1/1-31/12", "1/1-31.12.2024": a period's bounds).
  if (s.find('/', from) != std::string_view::npos) {
    re2::StringPiece in(s.data() + from, s.size() - from);
    re2::StringPiece d, m, y, y4;
    while (RE2::FindAndConsume(&in, slash_dash_date_.get(), &d, &m, &y, &y4)) {
      const re2::StringPiece& yp = y.empty() ? y4 : y;
      const size_t start = static_cast<size_t>(d.data() - s.data());
      const size_t end = static_cast<size_t>(yp.data() + yp.size() - s.data());
      if (GluedBefore(s, start) || DigitAt(s, end) ||
          (end < s.size() && (s[end] == '-' || s[end] == '/' || s[end] == '.' || s[end] == ',') &&
           DigitAt(s, end + 1)))
        continue;
      const int dd = ToInt(std::string_view(d.data(), d.size()));
      const int mm = ToInt(std::string_view(m.data(), m.size()));
      if (dd < 1 || dd > 31 || mm < 1 || mm > 12) continue;
      const int yy = yp.size() == 4 ? ToInt(std::string_view(yp.data(), yp.size()))
                                    : FullYear(ToInt(std::string_view(yp.data(), yp.size())), default_year);
      if (!ValidDate(yy, mm, dd)) continue;
      consider({IsoDate(yy, mm, dd), start, end});
      break;
    }
  }
  // ISO: 2017-10-24.
  {
    re2::StringPiece in(s.data() + from, s.size() - from);
    re2::StringPiece y, m, d;
    while (RE2::FindAndConsume(&in, iso_date_.get(), &y, &m, &d)) {
      size_t start = static_cast<size_t>(y.data() - s.data());
      size_t end = static_cast<size_t>(d.data() + d.size() - s.data());
      if (GluedBefore(s, start) || DigitAt(s, end)) continue;
      int yy, mm, dd;
      if (!ReadNumericDate(s.substr(start, end - start), default_year, &yy, &mm, &dd)) continue;
      consider({IsoDate(yy, mm, dd), start, end});
      break;
    }
  }
  // Text: 24. oktober 2017, 1. nov.
  {
    re2::StringPiece in(s.data() + from, s.size() - from);
    re2::StringPiece d, mon, y2, y;
    while (RE2::FindAndConsume(&in, text_date_.get(), &d, &mon, &y2, &y)) {
      size_t start = static_cast<size_t>(d.data() - s.data());
      if (GluedBefore(s, start)) continue;
      int month = months_.Number(std::string_view(mon.data(), mon.size()));
      if (!y2.empty()) y = y2;
      int year = y.empty() ? default_year
                 : y.size() == 2 ? FullYear(ToInt(std::string_view(y.data(), y.size())), default_year)
                                 : ToInt(std::string_view(y.data(), y.size()));
      const int day = ToInt(std::string_view(d.data(), d.size()));
      if (month == 0 || year == 0 || !ValidDate(year, month, day)) continue;
      size_t end = y.empty() ? static_cast<size_t>(mon.data() + mon.size() - s.data())
                             : static_cast<size_t>(y.data() + y.size() - s.data());
      if (y.empty() && end < s.size() && s[end] == '.') ++end;
      consider({IsoDate(year, month, day), start, end});
      break;
    }
  }
  // Year first ("Aar 1919 d. 13. August"): only where "ar " and a year's
  // first digit meet, which few lines have.
  bool year_word = false;  // "aar 1…", "år 2…", any case
  for (size_t p = s.find("r ", from); p != std::string_view::npos && !year_word; p = s.find("r ", p + 1)) {
    if (p < 1 || p + 2 >= s.size() || (s[p + 2] != '1' && s[p + 2] != '2')) continue;
    const char a = s[p - 1];
    // "aar"/"Aar" or "år"/"År" (UTF-8 C3 A5 / C3 85), not "har 12", "var 2".
    year_word = p >= 2 && (((a == 'a' || a == 'A') && (s[p - 2] == 'a' || s[p - 2] == 'A')) ||
                           (s[p - 2] == '\xC3' && (a == '\x85' || a == '\xA5')));
  }
  // "1869. den …": the year and its dot or comma open the text.
  const bool year_lead = from == 0 && s.size() > 6 && DigitAt(s, 0) && DigitAt(s, 1) && DigitAt(s, 2) &&
                         DigitAt(s, 3) && (s[4] == '.' || s[4] == ',') && s[5] == ' ';
  for (const Pattern* pat : {&year_first_date_, &year_lead_date_}) {
    if (pat == &year_first_date_ ? !year_word : !year_lead) continue;
    re2::StringPiece in(s.data() + from, s.size() - from);
    re2::StringPiece y, d, mon, mnum;
    while (RE2::FindAndConsume(&in, pat->get(), &y, &d, &mon, &mnum)) {
      const size_t start = static_cast<size_t>(y.data() - s.data());
      const re2::StringPiece& last = mon.empty() ? mnum : mon;
      const size_t end = static_cast<size_t>(last.data() + last.size() - s.data());
      const int month = mon.empty() ? ToInt(std::string_view(mnum.data(), mnum.size()))
                                    : months_.Number(std::string_view(mon.data(), mon.size()));
      const int year = ToInt(std::string_view(y.data(), y.size()));
      const int day = ToInt(std::string_view(d.data(), d.size()));
      if (month == 0 || !ValidDate(year, month, day)) continue;
      consider({IsoDate(year, month, day), start, end});
      break;
    }
  }
  // The month-first form has a comma right after the day's digits: most
  // texts have none, and the month alternation is a costly search.
  bool digit_comma = false;
  for (size_t k = from + 1; k < s.size() && !digit_comma; ++k)
    digit_comma = s[k] == ',' && s[k - 1] >= '0' && s[k - 1] <= '9';
  if (digit_comma) {
    re2::StringPiece in(s.data() + from, s.size() - from);
    re2::StringPiece mon, d, y;
    while (RE2::FindAndConsume(&in, month_first_date_.get(), &mon, &d, &y)) {
      const size_t start = static_cast<size_t>(mon.data() - s.data());
      const size_t end = static_cast<size_t>(y.data() + y.size() - s.data());
      // A month word glued to letters before it is part of another word.
      const unsigned char before = start > 0 ? static_cast<unsigned char>(s[start - 1]) : ' ';
      if (before >= 0x80 || std::isalnum(before) || DigitAt(s, end)) continue;
      const int month = months_.Number(std::string_view(mon.data(), mon.size()));
      const int year = ToInt(std::string_view(y.data(), y.size()));
      const int day = ToInt(std::string_view(d.data(), d.size()));
      if (month == 0 || !ValidDate(year, month, day)) continue;
      consider({IsoDate(year, month, day), start, end});
      break;
    }
  }
  return best;
}

std::optional<TimeHit> DateReader::FindTime(std::string_view s, bool bare) const {
  // Both patterns need digits (\d, ASCII only): no date to mask, no time.
  if (!HasDigit(s)) return std::nullopt;
  // Dates are masked first so "24.10.2017" never reads as 24:10.
  std::vector<std::pair<size_t, size_t>> dates;
  for (size_t from = 0; from < s.size();) {
    auto d = FindDate(s, from, 2000);
    if (!d) break;
    dates.emplace_back(d->start, d->end);
    from = d->end;
  }
  auto in_date = [&](size_t a, size_t b) {
    for (auto [ds, de] : dates)
      if (a < de && b > ds) return true;
    return false;
  };
  auto to_int = [](re2::StringPiece p) { return ToInt(std::string_view(p.data(), p.size())); };
  for (int pass = 0; pass < (bare ? 2 : 1); ++pass) {
    const RE2& re = pass == 0 ? time_range_.get() : bare_time_.get();
    re2::StringPiece in(s);
    re2::StringPiece h1, m1, h2, m2;
    while (RE2::FindAndConsume(&in, re, &h1, &m1, &h2, &m2)) {
      size_t start = static_cast<size_t>(h1.data() - s.data());
      size_t end = static_cast<size_t>((h2.empty() ? m1.data() + m1.size() : m2.data() + m2.size()) -
                                       s.data());
      if (in_date(start, end) || GluedBefore(s, start) || DigitAt(s, end)) continue;
      int a = to_int(h1), b = to_int(m1);
      if (a > 23 || b > 59) continue;
      TimeHit t;
      t.start_time = Hhmm(a, b);
      t.start = start;
      t.end = end;
      if (!h2.empty()) {
        int c = to_int(h2), d = to_int(m2);
        if (c <= 23 && d <= 59) t.end_time = Hhmm(c, d);
      }
      // The match of the clock-word pattern starts at the word; report from there.
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

}  // namespace referat::lang
