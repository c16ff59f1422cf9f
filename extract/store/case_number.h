// Case numbers as a key: one case printed in different hands ("24-000603",
// "24 - 000603", "24–000603", "emn-2025-010561", "12/27845.") gets one key,
// so an agenda item can be followed from committee to Økonomiudvalget to
// Byrådet (the `cases` table). Every Danish form the extractor finds
// (17-2017-…, EMN-2025-010561, 12/27845, 00.01.00-A00-1-17, 24-000603)
// keeps its digits, letters and separators; only the printing varies.
#ifndef REFERAT_STORE_CASE_NUMBER_H_
#define REFERAT_STORE_CASE_NUMBER_H_

#include <string>
#include <string_view>

namespace referat::store {

// The key of a printed case number: white space (also no-break and thin
// spaces) removed, Unicode dashes and minus as '-', ASCII letters upper
// case, trailing '.', ',', ';' and ':' dropped. Leading zeros are kept:
// "24-603" and "24-000603" may be different systems' numbers. Empty when
// nothing is left.
std::string CaseKey(std::string_view printed);

}  // namespace referat::store

#endif  // REFERAT_STORE_CASE_NUMBER_H_
