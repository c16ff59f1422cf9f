// The analyzers use the language layer's text helpers unqualified; this
// header brings them into referat::analyze (store/ includes it too).
#ifndef REFERAT_ANALYZE_TEXT_UTIL_H_
#define REFERAT_ANALYZE_TEXT_UTIL_H_

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

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_TEXT_UTIL_H_
