// List numbers written as the source's list style shows them.
#ifndef REFERAT_CORE_NUMBERING_H_
#define REFERAT_CORE_NUMBERING_H_

#include <string>

namespace referat {

// `n` as a Roman numeral ("xiv", or "XIV" when `upper`), by ICU's
// rule-based number format (the root locale's %roman-lower/%roman-upper
// rules). Numbers ICU cannot write that way (0, negatives, past 3999...)
// come back as decimal digits. Thread-safe: one formatter per thread.
std::string RomanNumeral(int n, bool upper);

}  // namespace referat

#endif  // REFERAT_CORE_NUMBERING_H_
