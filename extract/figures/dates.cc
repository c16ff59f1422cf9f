// Dates, periods and times as Danish minutes write them:
//
//   dates    "24.10.2017", "06.11.17", "24-10-2017", "3/3/2015", "2015-03-03",
//            "24. oktober 2017", "Tirsdag 24. oktober 2017", "fredag d. 3 september 2014",
//            "tredje marts 2015", "ultimo 2018" (2018-12-31), "primo 2014"
//            (2014-01-01), "medio 2019" (2019-07-01: the middle of the year, as
//            a day, like ultimo and primo), "udgangen af 2017"
//   periods  "maj 2015", "3. kvartal 2017", "fjerde kvartal 2018", "1. halvår 2018",
//            "efteråret 2016", "2016-2019", "2017/18", and any two dates joined by
//            "til", a dash or "/": "1. februar 2015 til 30. september 2016"
//   times    "kl. 12.15", "kl. 16:00", "12:15", "kl. 12.15 - 15.15"
//
// A day and month without a year ("1. november", "den 3. december") is
// resolved with the meeting's date (Meeting::date): of the meeting's year and
// the years either side, the one that puts the day nearest the meeting ("den
// 3. december" in minutes of 15 January 2018 is 2017-12-03), and when a
// weekday is written, the nearest whose weekday matches ("tirsdag den 5.
// december" is 2017 in minutes of 2018). Without a meeting date the figure's
// date stays null. In a range the year-less end takes the other end's year
// ("20. september til 30. oktober 2017"). A numeric date is read by the
// language layer's one reader (lang::ReadNumericDate: two-digit years near
// the meeting's year when it is known), the month names are its MonthNames;
// what this file adds is the token walk, the periods and the relative words.
#include <cstdio>
#include <cstdlib>

#include "figures/scanner.h"

namespace referat::figures {
namespace {

bool IsPlainInt(const Token& t, size_t max_digits) {
  if (t.kind != TokKind::kNumber || t.key.empty() || t.key.size() > max_digits) return false;
  for (char c : t.key)
    if (c < '0' || c > '9') return false;
  return true;
}

int Before(const Ymd& a, const Ymd& b) {  // <0, 0, >0 like a comparison
  if (a.y != b.y) return a.y - b.y;
  if (a.m != b.m) return a.m - b.m;
  return a.d - b.d;
}

bool ValidDay(int y, int m, int d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y == 0 ? 2000 : y, m);
}

}  // namespace

int Scanner::FullYear(int yy, size_t digits) const {
  return digits == 4 ? yy : lang::FullYear(yy, meeting_.y);
}

int Scanner::ResolveYear(int m, int d, int weekday) const {
  if (meeting_.y == 0) return 0;
  const long at =
      DaysFromCivil(meeting_.y, meeting_.m ? meeting_.m : 7, meeting_.d ? meeting_.d : 1);
  int best = 0;
  long best_dist = 0;
  for (int y = meeting_.y - 1; y <= meeting_.y + 1; ++y) {
    if (d > DaysInMonth(y, m)) continue;  // 29 February
    long day = DaysFromCivil(y, m, d);
    // 1970-01-01 was a Thursday (4).
    if (weekday && ((day % 7 + 7 + 3) % 7) + 1 != weekday) continue;
    long dist = day > at ? day - at : at - day;
    if (!best || dist < best_dist) best = y, best_dist = dist;
  }
  // A weekday that fits none of the three years: the nearest year anyway.
  return best || !weekday ? best : ResolveYear(m, d, 0);
}

// True when a two-digit number at `i`, after a day and month, is no count:
// nothing follows it in the sentence but punctuation or a word that no
// count takes as its noun ("om", "i", "til": figures_count_words.txt stops).
bool Scanner::ShortYearFollows(size_t i) const {
  if (!Has(i + 1)) return true;
  const Token& n = T(i + 1);
  if (n.kind != TokKind::kWord) return n.kind != TokKind::kNumber;
  // "den 14 maj 84 kl. 19:30" (NMJK bestyrelsesmøde 16.4.1984, nmjk.dk):
  // a clock time after the year.
  if (lex_.clock_words.count(n.key) || lex_.clock_words.count(n.bare_key())) return true;
  auto it = lex_.count_words.find(n.key);
  return it != lex_.count_words.end() && it->second == CountRole::kStop;
}

bool Scanner::Year(size_t i, int* y) const {
  if (!Has(i) || !IsPlainInt(T(i), 4) || T(i).key.size() != 4) return false;
  int v = std::atoi(T(i).key.c_str());
  if (v < 1900 || v > 2099) return false;
  *y = v;
  return true;
}

// The year of a full date, after its day and month: from lang::kFirstYear
// ("8 Novbr. 1845" in a parish board's protocol, Krummerup-Fuglebjerg
// Sogneforstanderskab 1841-1858); a year alone stays 1900-2099 (Year).
bool Scanner::FullDateYear(size_t i, int* y) const {
  if (!Has(i) || !IsPlainInt(T(i), 4) || T(i).key.size() != 4) return false;
  int v = std::atoi(T(i).key.c_str());
  if (v < lang::kFirstYear || v > lang::kLastYear) return false;
  *y = v;
  return true;
}

// "24. oktober [2017]", "3 september 2014", "tredje marts 2015", "1. nov.".
bool Scanner::DayMonth(size_t i, Ymd* out, size_t* next) {
  if (!Has(i + 1)) return false;
  int day = 0;
  size_t j = i;
  if (IsPlainInt(T(i), 2)) {
    day = std::atoi(T(i).key.c_str());
    ++j;
    if (T(j).IsPunct('.') && !T(j).space_before) ++j;
  } else if (T(i).kind == TokKind::kWord) {
    auto it = lex_.ordinal_words.find(T(i).bare_key());
    if (it == lex_.ordinal_words.end() || T(i).dot_after) return false;
    day = it->second;
    ++j;
  } else {
    return false;
  }
  if (!Has(j)) return false;
  bool dot;
  int m = lex_.Month(T(j), &dot);
  if (!m || day < 1 || day > 31) return false;
  end_byte_ = dot ? T(j).dot_end() : T(j).end;
  ++j;
  int y = 0;
  if (Year(j, &y) || FullDateYear(j, &y)) {
    end_byte_ = T(j).end;
    ++j;
  } else if (Has(j) && T(j).space_before && IsPlainInt(T(j), 2) && T(j).key.size() == 2 && ShortYearFollows(j)) {
    // "5. Jan 21", "1. Marts 21." (protocols write the year's last two
    // digits); not "1. marts 21 borgere", a count.
    y = FullYear(std::atoi(T(j).key.c_str()), 2);
    end_byte_ = T(j).end;
    ++j;
  }
  if (!ValidDay(y, m, day)) return false;
  *out = Ymd{y, m, day};
  *next = j;
  return true;
}

// "maj 2015", "December 2017": the month as a period.
bool Scanner::MonthYear(size_t i, Ymd* from, Ymd* to, size_t* next) {
  if (!Has(i + 1)) return false;
  bool dot;
  int m = lex_.Month(T(i), &dot);
  int y;
  if (!m || !Year(i + 1, &y)) return false;
  *from = Ymd{y, m, 1};
  *to = Ymd{y, m, DaysInMonth(y, m)};
  end_byte_ = T(i + 1).end;
  *next = i + 2;
  return true;
}

bool Scanner::SimpleDate(size_t i, Ymd* from, Ymd* to, bool* period, size_t* next) {
  const Token& t = T(i);
  *period = false;
  weekday_ = 0;
  // A weekday first: "Tirsdag 24. oktober 2017", "fredag d. 3 september 2014".
  if (t.kind == TokKind::kWord) {
    auto wd = lex_.weekdays.find(t.bare_key());
    if (wd != lex_.weekdays.end()) {
      size_t j = i + 1;
      if (Has(j) && T(j).IsPunct(',')) ++j;
      if (Has(j) && lex_.date_leads.count(T(j).key)) ++j;
      if (!Has(j) || !DayMonth(j, from, next)) return false;
      *to = *from;
      weekday_ = wd->second;
      return true;
    }
  }
  if (DayMonth(i, from, next)) {
    *to = *from;
    return true;
  }
  if (t.kind == TokKind::kNumber) {
    NumShape sh = ShapeOf(t.key);
    // Numeric dates: d.m.yyyy, d.m.yy, d-m-yyyy, d/m/yyyy, yyyy-mm-dd.
    if (sh.seps.size() == 2 && sh.seps[0] == sh.seps[1] && sh.frac == 0 &&
        (sh.seps[0] == '.' || sh.seps[0] == '-' || sh.seps[0] == '/')) {
      const char sep = static_cast<char>(sh.seps[0]);
      const std::string digits = std::string(sh.groups[0]) + sep + std::string(sh.groups[1]) + sep +
                                 std::string(sh.groups[2]);
      int y = 0, m = 0, d = 0;
      if (lang::ReadNumericDate(digits, meeting_.y, &y, &m, &d)) {
        *from = *to = Ymd{y, m, d};
        end_byte_ = t.end;
        *next = i + 1;
        return true;
      }
      return false;
    }
    // Day/month, a dash and the year, as typed minutes write them:
    // "7/7-1950" (Gundsølille 1950), "1/7-2024" (Sjelle Byvarme 2024).
    if ((sh.Is({'/', '-'}) || sh.Is({'/', 0x2013})) && sh.groups[0].size() <= 2 && sh.groups[1].size() <= 2 &&
        (sh.groups[2].size() == 2 || sh.groups[2].size() == 4) && sh.frac == 0) {
      const int y = FullYear(sh.Int(2), sh.groups[2].size());
      if (!lang::ValidDate(y, sh.Int(1), sh.Int(0))) return false;
      *from = *to = Ymd{y, sh.Int(1), sh.Int(0)};
      end_byte_ = t.end;
      *next = i + 1;
      return true;
    }
    // The same with a typewriter's spaces around the signs: "den 6 / 2
    // 1984", "mandag den 22 / 4 - 85", "d. 12 / 8 – 1991" (NMJK
    // bestyrelsesmøder 1984-1991, nmjk.dk).
    if (IsPlainInt(t, 2) && Has(i + 2) && T(i + 1).IsPunct('/') && T(i + 1).space_before &&
        IsPlainInt(T(i + 2), 2) && T(i + 2).space_before) {
      size_t yi = i + 3;
      if (Has(yi) && IsDash(T(yi)) && T(yi).space_before) ++yi;
      if (Has(yi) && IsPlainInt(T(yi), 4) && T(yi).space_before &&
          (T(yi).key.size() == 4 || (T(yi).key.size() == 2 && yi == i + 4))) {
        const int d = std::atoi(t.key.c_str()), m = std::atoi(T(i + 2).key.c_str());
        const int y = FullYear(std::atoi(T(yi).key.c_str()), T(yi).key.size());
        if (lang::ValidDate(y, m, d) && !(Has(yi + 1) && !T(yi + 1).space_before && T(yi + 1).kind == TokKind::kNumber)) {
          *from = *to = Ymd{y, m, d};
          end_byte_ = T(yi).end;
          *next = yi + 1;
          return true;
        }
      }
      // "mandag den 15 / 4 og den 29 / 4": after "den", the meeting's year.
      const bool den = i > 0 && (lex_.date_leads.count(T(i - 1).key) || lex_.date_leads.count(T(i - 1).bare_key()));
      const int d = std::atoi(t.key.c_str()), m = std::atoi(T(i + 2).key.c_str());
      if (den && yi == i + 3 && !(Has(yi) && T(yi).kind == TokKind::kNumber) && ValidDay(0, m, d)) {
        *from = *to = Ymd{0, m, d};
        end_byte_ = T(i + 2).end;
        *next = i + 3;
        return true;
      }
    }
    // Day/month and a year after a space: "17/6 06", "13/7 2011" (legal
    // references); "den 17/6" alone takes the meeting's year.
    if (sh.Is({'/'}) && sh.groups[0].size() <= 2 && sh.groups[1].size() <= 2 && sh.frac == 0) {
      int d = sh.Int(0), m = sh.Int(1), y = 0;
      size_t after = i + 1;
      if (Has(i + 1) && T(i + 1).space_before && IsPlainInt(T(i + 1), 4) &&
          (T(i + 1).key.size() == 2 || T(i + 1).key.size() == 4)) {
        y = FullYear(std::atoi(T(i + 1).key.c_str()), T(i + 1).key.size());
        if (y < lang::kFirstYear || y > lang::kLastYear)
          y = 0;
        else
          after = i + 2;
      }
      bool den = i > 0 && (lex_.date_leads.count(T(i - 1).key) || lex_.date_leads.count(T(i - 1).bare_key()));
      if ((y || den) && ValidDay(y, m, d)) {
        *from = *to = Ymd{y, m, d};
        end_byte_ = T(after - 1).end;
        *next = after;
        return true;
      }
      return false;
    }
    // Year ranges: "2016-2019", "2017/18", "2017/2018".
    if (sh.seps.size() == 1 && sh.frac == 0 &&
        (sh.seps[0] == '-' || sh.seps[0] == 0x2013 || sh.seps[0] == '/') &&
        sh.groups[0].size() == 4 && (sh.groups[1].size() == 4 || sh.groups[1].size() == 2)) {
      int a = sh.Int(0);
      int b = sh.groups[1].size() == 4 ? sh.Int(1) : (a / 100) * 100 + sh.Int(1);
      if (a >= 1900 && a <= 2099 && b > a && b <= 2099) {
        *from = Ymd{a, 1, 1};
        *to = Ymd{b, 12, 31};
        *period = true;
        end_byte_ = t.end;
        *next = i + 1;
        return true;
      }
      return false;
    }
  }
  // Quarters and halves: "3. kvartal 2017", "fjerde kvartal 2018", "Q3 2017",
  // "2. kvt. 2018", "1. halvår 2018".
  {
    int n = 0;
    size_t j = i;
    if (IsPlainInt(t, 1) && Has(i + 1) && T(i + 1).IsPunct('.') && !T(i + 1).space_before) {
      n = t.key[0] - '0';
      j = i + 2;
    } else if (t.kind == TokKind::kWord && !t.dot_after) {
      auto it = lex_.ordinal_words.find(t.key);
      if (it != lex_.ordinal_words.end()) n = it->second, j = i + 1;
      if (t.has_digit && t.key.size() == 2 && t.key[0] == 'q' && t.key[1] >= '1' &&
          t.key[1] <= '4') {
        int y;
        if (Year(i + 1, &y)) {
          int q = t.key[1] - '0';
          *from = Ymd{y, 3 * q - 2, 1};
          *to = Ymd{y, 3 * q, DaysInMonth(y, 3 * q)};
          *period = true;
          end_byte_ = T(i + 1).end;
          *next = i + 2;
          return true;
        }
      }
    }
    if (n > 0 && Has(j + 1) && T(j).kind == TokKind::kWord) {
      auto it = lex_.date_words.find(T(j).key);
      if (it == lex_.date_words.end()) it = lex_.date_words.find(T(j).bare_key());
      int y;
      if (it != lex_.date_words.end() && it->second.second.empty() && Year(j + 1, &y)) {
        int months = 0;
        if (it->second.role == DateWordRole::kQuarter && n <= 4) months = 3;
        if (it->second.role == DateWordRole::kHalf && n <= 2) months = 6;
        if (months) {
          *from = Ymd{y, months * (n - 1) + 1, 1};
          *to = Ymd{y, months * n, DaysInMonth(y, months * n)};
          *period = true;
          end_byte_ = T(j + 1).end;
          *next = j + 2;
          return true;
        }
      }
    }
  }
  if (t.kind != TokKind::kWord) return false;
  // "ultimo 2018", "primo 2014", "medio 2019", "udgangen af 2017", "ultimo maj 2018",
  // and seasons "efteråret 2016".
  auto it = lex_.date_words.find(t.key);
  if (it == lex_.date_words.end() && t.dot_after)
    it = lex_.date_words.find(t.bare_key());
  if (it != lex_.date_words.end()) {
    const DateWord& w = it->second;
    size_t j = i + 1;
    if (!w.second.empty()) {
      if (!Has(j) || !T(j).IsWord(w.second)) return false;
      ++j;
    }
    int y;
    Ymd a, b;
    size_t after;
    switch (w.role) {
      case DateWordRole::kEnd:
      case DateWordRole::kStart:
      case DateWordRole::kMiddle:
        if (Year(j, &y)) {
          a = w.role == DateWordRole::kEnd     ? Ymd{y, 12, 31}
              : w.role == DateWordRole::kStart ? Ymd{y, 1, 1}
                                               : Ymd{y, 7, 1};
          end_byte_ = T(j).end;
          after = j + 1;
        } else if (MonthYear(j, &a, &b, &after)) {
          if (w.role == DateWordRole::kEnd)
            a = b;
          else if (w.role == DateWordRole::kMiddle)
            a.d = 15;
        } else {
          return false;
        }
        *from = *to = a;
        *next = after;
        return true;
      case DateWordRole::kSpring:
      case DateWordRole::kSummer:
      case DateWordRole::kAutumn: {
        if (!Year(j, &y)) return false;
        int m0 = w.role == DateWordRole::kSpring ? 3 : w.role == DateWordRole::kSummer ? 6 : 9;
        *from = Ymd{y, m0, 1};
        *to = Ymd{y, m0 + 2, DaysInMonth(y, m0 + 2)};
        *period = true;
        end_byte_ = T(j).end;
        *next = j + 1;
        return true;
      }
      default:
        return false;
    }
  }
  if (MonthYear(i, from, to, next)) {
    *period = true;
    return true;
  }
  return false;
}

bool Scanner::TryDate(size_t i, Found* f) {
  const Token& t = T(i);
  if (t.kind == TokKind::kPunct || t.kind == TokKind::kCode) return false;
  if (t.kind == TokKind::kWord && !(t.cls & kStarterWord)) return false;
  Ymd from, to;
  bool period = false;
  size_t next;
  size_t end;
  int y;
  bool bare_year = false;
  if (SimpleDate(i, &from, &to, &period, &next)) {
    end = end_byte_;
  } else if (IsPlainInt(t, 2) && !(i > 0 && lex_.IsReference(T(i - 1))) && Has(i + 3) && T(i + 1).IsPunct('.') && !T(i + 1).space_before &&
             (T(i + 2).IsWordIn(lex_.and_words) || T(i + 2).IsPunct(',')) &&
             SimpleDate(i + 3, &from, &to, &period, &next) && !period && Before(from, to) == 0) {
    // "den 4. og 5. januar 2017": the first day takes the month and year of
    // the date after it; that date is read on its own next.
    const int d = std::atoi(t.key.c_str());
    if (d < 1 || d > 31 || d >= from.d) return false;
    from.d = to.d = d;
    if (from.y == 0) from.y = to.y = ResolveYear(from.m, from.d, 0);
    f->tb = i;
    f->te = i + 2;
    f->start = t.start;
    f->end = T(i + 1).end;
    f->type = "date";
    if (from.y) f->date = IsoDate(from.y, from.m, from.d);
    return true;
  } else if (Year(i, &y)) {
    // A bare year starts a period only when a dated end follows:
    // "2016 til sommeren 2020", "2016 - 2019".
    from = Ymd{y, 1, 1};
    to = Ymd{y, 12, 31};
    period = bare_year = true;
    next = i + 1;
    end = t.end;
  } else {
    return false;
  }
  // A range: "A til B", "A - B", "A – B", "A/B"; "mellem A og B".
  auto after_between = [&] {
    bool dot_unused = false;
    return i > 0 && lex_.Prefix(T(i - 1), &dot_unused) == PrefixRole::kBetween;
  };
  if (Has(next + 1) && (T(next).IsWordIn(lex_.range_words) || IsDash(T(next)) || T(next).IsPunct('/') ||
                        (T(next).IsWordIn(lex_.and_words) && after_between()))) {
    Ymd b_from, b_to;
    bool b_period;
    size_t b_next;
    bool ok = SimpleDate(next + 1, &b_from, &b_to, &b_period, &b_next);
    size_t b_end = end_byte_;
    if (!ok && bare_year && Year(next + 1, &y)) {
      b_from = Ymd{y, 1, 1};
      b_to = Ymd{y, 12, 31};
      b_next = next + 2;
      b_end = T(next + 1).end;
      ok = true;
    }
    if (ok && bare_year && b_from.y == 0) ok = false;
    if (ok) {
      Ymd a = from, b = b_to;
      if (a.y == 0 && b.y != 0) {
        a.y = b_from.y;
        if (Before(a, b_from) > 0) --a.y;
      } else if (b.y == 0 && a.y != 0) {
        b.y = a.y;
        if (Before(b, a) < 0) ++b.y;
      }
      // Both ends without a year ("15. december til 20. januar"): a period
      // whose years the meeting's date gives below (the end may be in the next).
      bool yearless = a.y == 0 && b.y == 0 && !bare_year && (a.m != b.m || a.d != b.d);
      if (yearless || (a.y != 0 && b.y != 0 && Before(a, b) < 0)) {
        from = a;
        to = b;
        period = true;
        next = b_next;
        end = b_end;
        bare_year = false;
      }
    }
  }
  if (bare_year) return false;  // a year alone is read as a quantity
  if (from.y == 0) {
    // Both ends without a year ("1. november", "20. september til 30. oktober").
    const int weekday = Before(from, to) == 0 ? weekday_ : 0;
    from.y = ResolveYear(from.m, from.d, weekday);
    if (from.y) to.y = Before(Ymd{from.y, to.m, to.d}, from) < 0 ? from.y + 1 : from.y;
  }
  f->tb = i;
  f->te = next;
  f->start = t.start;
  f->end = end;
  if (period || Before(from, to) != 0) {
    f->type = "period";
    if (from.y) f->date = IsoDate(from.y, from.m, from.d);
    if (to.y) f->date_end = IsoDate(to.y, to.m, to.d);
  } else {
    f->type = "date";
    if (from.y) f->date = IsoDate(from.y, from.m, from.d);
  }
  return true;
}

// "19,30" after "kl.": hours and minutes parted by a comma, as
// typewritten minutes write them (only after a clock word; alone it is a
// decimal number).
bool Scanner::CommaClock(size_t i, double* hours) const {
  if (!Has(i) || T(i).kind != TokKind::kNumber) return false;
  const std::string& k = T(i).key;
  const size_t comma = k.find(',');
  if (comma == std::string::npos || comma == 0 || comma > 2 || k.size() != comma + 3) return false;
  for (size_t c = 0; c < k.size(); ++c)
    if (c != comma && (k[c] < '0' || k[c] > '9')) return false;
  const int h = std::atoi(k.substr(0, comma).c_str()), m = std::atoi(k.substr(comma + 1).c_str());
  if (h > 24 || m > 59 || (h == 24 && m > 0)) return false;
  *hours = h + m / 60.0;
  return true;
}

bool Scanner::ClockTime(size_t i, double* hours) const {
  if (!Has(i) || T(i).kind != TokKind::kNumber) return false;
  NumShape sh = ShapeOf(T(i).key);
  if (sh.frac != 0) return false;
  if (sh.seps.empty()) return false;
  if (sh.seps.size() != 1 || (sh.seps[0] != '.' && sh.seps[0] != ':')) return false;
  if (sh.groups[0].size() > 2 || sh.groups[1].size() != 2) return false;
  int h = sh.Int(0), m = sh.Int(1);
  if (h > 24 || m > 59 || (h == 24 && m > 0)) return false;
  *hours = h + m / 60.0;
  return true;
}

bool Scanner::TryTime(size_t i, Found* f) {
  const Token& t = T(i);
  size_t j;
  double h1;
  if (t.kind == TokKind::kWord) {
    if (!lex_.clock_words.count(t.key) && !lex_.clock_words.count(t.bare_key())) return false;
    j = i + 1;
    if (Has(j) && T(j).kind == TokKind::kNumber) {
      // "kl. 7-23", "kl. 8.30-16": a range in one token.
      NumShape sh = ShapeOf(T(j).key);
      size_t dash = T(j).key.find('-');
      if (sh.seps.size() >= 1 && dash != std::string::npos && sh.frac == 0) {
        std::string_view a = std::string_view(T(j).key).substr(0, dash);
        std::string_view b = std::string_view(T(j).key).substr(dash + 1);
        auto clock = [](std::string_view x, double* h) {
          NumShape s = ShapeOf(x);
          if (s.groups.empty() || s.groups[0].size() > 2) return false;
          if (s.seps.empty()) {
            *h = s.Int(0);
            return *h <= 24;
          }
          if (s.seps.size() != 1 || (s.seps[0] != '.' && s.seps[0] != ':') ||
              s.groups[1].size() != 2)
            return false;
          *h = s.Int(0) + s.Int(1) / 60.0;
          return s.Int(0) <= 24 && s.Int(1) < 60;
        };
        double h2;
        if (clock(a, &h1) && clock(b, &h2) && h2 > h1) {
          f->type = "time";
          f->unit.emplace("h");
          f->min = h1;
          f->max = h2;
          f->tb = i;
          f->te = j + 1;
          f->start = t.start;
          f->end = T(j).end;
          return true;
        }
      }
    }
    if (!ClockTime(j, &h1) && !CommaClock(j, &h1)) {
      // "kl. 16" (whole hours).
      if (!Has(j) || !IsPlainInt(T(j), 2)) return false;
      h1 = std::atoi(T(j).key.c_str());
      if (h1 > 24) return false;
    }
  } else if (t.kind == TokKind::kNumber && t.key.find(':') != std::string::npos) {
    j = i;
    if (!ClockTime(j, &h1)) return false;
  } else {
    return false;
  }
  size_t next = j + 1;
  size_t end = T(j).end;
  f->type = "time";
  f->unit.emplace("h");  // (emplace: GCC 12 warns falsely on operator= here)
  double h2;
  // The end may be a whole hour too: "fra kl. 10 til 12".
  auto end_clock = [&](size_t q, double* h) {
    if (ClockTime(q, h)) return true;
    if (!Has(q) || !IsPlainInt(T(q), 2)) return false;
    *h = std::atoi(T(q).key.c_str());
    // Not "kl. 10 til 12. maj" (a date) nor "kl. 10 - 12 deltagere".
    if (Has(q + 1) && T(q + 1).IsPunct('.') && !T(q + 1).space_before && Has(q + 2)) return false;
    return *h <= 24;
  };
  if (Has(next + 1) && (IsDash(T(next)) || T(next).IsWordIn(lex_.range_words)) && end_clock(next + 1, &h2) &&
      h2 > h1) {
    f->min = h1;
    f->max = h2;
    end = T(next + 1).end;
    next += 2;
  } else {
    f->value = h1;
  }
  f->tb = i;
  f->te = next;
  f->start = t.start;
  f->end = end;
  return true;
}

}  // namespace referat::figures
