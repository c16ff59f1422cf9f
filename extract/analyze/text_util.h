// The analyzers use the language layer's text helpers unqualified; this
// header brings them into referat::analyze (store/ includes it too).
#ifndef REFERAT_ANALYZE_TEXT_UTIL_H_
#define REFERAT_ANALYZE_TEXT_UTIL_H_

#include <optional>
#include <string>
#include <string_view>

#include "lang/text.h"

namespace referat::analyze {

using lang::AtMostWords;
using lang::Clip;
using lang::Collapse;
using lang::CountWordsUpTo;
using lang::EndsSentence;
using lang::FoldCase;
using lang::HasDigit;
using lang::IsAllCaps;
using lang::IsWordCharAt;
using lang::Joiner;
using lang::StartsLower;
using lang::StartsUpper;
using lang::Trim;
using lang::TrimBoth;
using lang::TrimRight;
using lang::UpperFirst;
using lang::WordEndsAt;
using lang::WordStartsAt;

// "5", "5.", "10.1": an item number as printed (in a table cell, a TOC
// row); returns it without the final dot.
inline std::optional<std::string> NumberCell(std::string_view s) {
  s = Trim(s);
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.empty() || s.size() > 9 || s.front() == '.') return std::nullopt;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || c == '.')) return std::nullopt;
  return std::string(s);
}

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_TEXT_UTIL_H_
