#include "lang/dates.h"

#include <cstdio>

namespace referat::lang {

int FullYear(int yy, int doc_year) {
  if (doc_year <= 0) return yy < kTwoDigitPivot ? 2000 + yy : 1900 + yy;
  int y = doc_year / 100 * 100 + yy;
  if (y > doc_year + kTwoDigitYearsAhead) y -= 100;
  if (y <= doc_year + kTwoDigitYearsAhead - 100) y += 100;
  return y;
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

}  // namespace referat::lang
