#include "core/numbering.h"

#include <unicode/fieldpos.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <memory>

namespace referat {

std::string RomanNumeral(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  // RBNF objects are not safe for concurrent use: one per thread, built on
  // the thread's first list with Roman numbering.
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_NUMBERING_SYSTEM,
                                                          icu::Locale::getRoot(), status);
    return U_FAILURE(status) ? nullptr : std::move(f);
  }();
  if (!format) return std::to_string(n);
  static const icu::UnicodeString kLower(u"%roman-lower"), kUpper(u"%roman-upper");
  icu::UnicodeString out;
  icu::FieldPosition pos;
  UErrorCode status = U_ZERO_ERROR;
  format->format(static_cast<int32_t>(n), upper ? kUpper : kLower, out, pos, status);
  if (U_FAILURE(status) || out.isEmpty()) return std::to_string(n);
  std::string utf8;
  return out.toUTF8String(utf8);
}

}  // namespace referat
