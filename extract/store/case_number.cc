#include "store/case_number.h"

namespace referat::store {

std::string CaseKey(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
      out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : static_cast<char>(c);
      continue;
    }
    // Two- and three-byte spaces and dashes; anything else is kept as is.
    std::string_view rest = s.substr(i);
    auto starts = [&](std::string_view p) { return rest.substr(0, p.size()) == p; };
    if (starts("\xC2\xA0")) {  // no-break space
      i += 2;
      continue;
    }
    if (starts("\xE2\x80") && rest.size() >= 3) {
      const unsigned char d = rest[2];
      if (d >= 0x80 && d <= 0x8A) {  // U+2000..U+200A spaces
        i += 3;
        continue;
      }
      if (d == 0xAF) {  // U+202F narrow no-break space
        i += 3;
        continue;
      }
      if (d >= 0x90 && d <= 0x95) {  // U+2010..U+2015 hyphens and dashes
        out += '-';
        i += 3;
        continue;
      }
    }
    if (starts("\xE2\x88\x92")) {  // U+2212 minus
      out += '-';
      i += 3;
      continue;
    }
    out += static_cast<char>(c);
    ++i;
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ',' || out.back() == ';' ||
                          out.back() == ':'))
    out.pop_back();
  return out;
}

}  // namespace referat::store
