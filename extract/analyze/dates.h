// Dates and clock times for the analyzers: the language layer's one date
// reader (lang/dates.h), built with the Lexicon from the same rulebook.
#ifndef REFERAT_ANALYZE_DATES_H_
#define REFERAT_ANALYZE_DATES_H_

#include <optional>
#include <string_view>

#include "analyze/lexicon.h"
#include "lang/dates.h"

namespace referat::analyze {

using lang::DateHit;
using lang::TimeHit;
using lang::YearOf;

// lang::DateReader::FindDate and FindTime of the Lexicon's rules.
inline std::optional<DateHit> FindDate(const Lexicon& lex, std::string_view s, size_t from = 0,
                                       int default_year = 0) {
  return lex.dates().FindDate(s, from, default_year);
}
inline std::optional<TimeHit> FindTime(const Lexicon& lex, std::string_view s, bool bare) {
  return lex.dates().FindTime(s, bare);
}

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_DATES_H_
