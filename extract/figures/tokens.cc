// The tokenizer of the figure pass: one left-to-right walk over a sentence's
// bytes. Digits with inner separators stay one token ("1.500.000,50",
// "24.10.2017", "9-29"), so that case numbers, dates and ranges are told
// apart by their whole shape, never by a piece of it.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "figures/scanner.h"

namespace referat::figures {
namespace {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The code point at byte i (and its length); U+FFFD-like -1 for bad bytes.
// ASCII, most of a Danish text's bytes, is decided inline; the rest goes to
// ICU's UTF-8 decoder.
UChar32 DecodeAt(std::string_view s, size_t i, size_t end, size_t* len) {
  int64_t k = static_cast<int64_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), k, static_cast<int64_t>(end), c);
  *len = static_cast<size_t>(k) - i;
  return c;
}

inline UChar32 CodePointAt(std::string_view s, size_t i, size_t end, size_t* len) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  return DecodeAt(s, i, end, len);
}

bool IsLetterSlow(UChar32 c) { return c > 0 && (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK); }

inline bool IsLetter(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return IsLetterSlow(c);
}

bool IsLetterAt(std::string_view s, size_t i, size_t end) {
  if (i >= end) return false;
  size_t len;
  return IsLetter(CodePointAt(s, i, end, &len));
}

bool IsSpace(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
         (c > 0x80 && u_isUWhiteSpace(c));
}

// Characters that are no token at all (soft hyphen, zero-width space/joiners).
bool IsIgnorable(UChar32 c) { return c == 0xAD || (c >= 0x200B && c <= 0x200D) || c == 0xFEFF; }

// Letters glued to a number that are a unit, so "1.000kr." still reads as
// 1.000 kr.; any other glued letters make the number a code ("3a", "24_10").
bool IsGluedUnit(const Lexicon& lex, std::string_view w) { return lex.glued_units.count(w) > 0; }

// ASCII first: most letters of Danish text are, and ICU's case tables cost
// a look-up per letter.
bool IsUpper(UChar32 c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c); }


}  // namespace

void Tokenize(const Lexicon& lex, std::string_view s, size_t start, size_t end, std::vector<Token>* out) {
  bool space = true;
  size_t i = start;
  while (i < end) {
    size_t len;
    UChar32 c = CodePointAt(s, i, end, &len);
    if (IsSpace(c)) {
      space = true;
      i += len;
      continue;
    }
    if (IsIgnorable(c)) {
      i += len;
      continue;
    }
    // Built in place: every path below makes exactly one token.
    Token& t = out->emplace_back();
    t.space_before = space;
    t.start = i;
    space = false;

    if (c >= '0' && c <= '9') {
      size_t j = i;
      while (j < end) {
        char b = s[j];
        if (IsDigit(b)) {
          ++j;
        } else if ((b == '.' || b == ',' || b == '-' || b == '/' || b == ':') && j + 1 < end &&
                   IsDigit(s[j + 1])) {
          ++j;
        } else if (s.compare(j, 3, "\xE2\x80\x93") == 0 && j + 3 < end && IsDigit(s[j + 3])) {
          j += 3;  // en dash inside a range: "20–30"
        } else {
          break;
        }
      }
      // A vulgar fraction, glued or after one space: "2½", "2 ¼ mia." (¼ ½ ¾).
      auto fraction = [&](size_t at) {
        return at + 2 <= end && static_cast<unsigned char>(s[at]) == 0xC2 &&
               (static_cast<unsigned char>(s[at + 1]) >= 0xBC &&
                static_cast<unsigned char>(s[at + 1]) <= 0xBE);
      };
      if (fraction(j)) {
        j += 2;
      } else if (j + 1 < end && s[j] == ' ' && fraction(j + 1) &&
                 (j + 3 >= end || !IsLetterAt(s, j + 3, end))) {
        j += 3;
      }
      t.kind = TokKind::kNumber;
      bool code = false;
      if (j < end && (IsLetterAt(s, j, end) || s[j] == '_')) {
        // Glued letters: a unit ("1.000kr.") or a code ("3a", "24_10").
        size_t k = j;
        std::string w;
        while (k < end && IsLetterAt(s, k, end)) {
          size_t l;
          lang::AppendFolded(CodePointAt(s, k, end, &l), &w);
          k += l;
        }
        bool more = k < end && (IsDigit(s[k]) || s[k] == '_' || IsLetterAt(s, k, end));
        code = !(IsGluedUnit(lex, w) && !more);
      } else if (s.compare(j, 3, "\xE2\x80\x99") == 0 || (j < end && s[j] == '\'')) {
        code = IsLetterAt(s, j + (s[j] == '\'' ? 1 : 3), end);  // "70’erne"
      } else if (j + 1 < end && (s[j] == '-' || s[j] == '_') &&
                 (IsLetterAt(s, j + 1, end) || s[j + 1] == '_')) {
        // "18-årige", "00.01.00-A00-1-17". ('/' and '.' are left alone:
        // "December 2017/januar 2018", "4.december 2012"; the scanner drops
        // "2015.docx".)
        code = true;
      }
      if (code) {
        t.kind = TokKind::kCode;
        while (j < end) {
          size_t l;
          UChar32 d = CodePointAt(s, j, end, &l);
          if (IsLetter(d) || (d >= '0' && d <= '9') || d == '_') {
            j += l;
          } else if ((d == '.' || d == '-' || d == '/' || d == '\'' || d == 0x2019) &&
                     j + l < end && (IsDigit(s[j + l]) || IsLetterAt(s, j + l, end))) {
            j += l;
          } else {
            break;
          }
        }
      }
      t.end = j;
      t.key.assign(s.substr(i, j - i));
      i = j;
      continue;
    }

    if (IsLetter(c)) {
      size_t j = i;
      int letters = 0, uppers = 0;
      bool first = true;
      size_t digits_at = 0, digits_key = 0;  // where a trailing digit run starts (bytes, key)
      bool in_digits = false;
      while (j < end) {
        size_t l;
        UChar32 d = CodePointAt(s, j, end, &l);
        if (IsLetter(d)) {
          const bool up = IsUpper(d);
          if (first) t.upper = up;
          first = false;
          ++letters;
          if (up) ++uppers;
          lang::AppendFolded(d, &t.key);
          j += l;
          in_digits = false;
        } else if (d >= '0' && d <= '9') {
          if (!in_digits) digits_at = j, digits_key = t.key.size();
          in_digits = true;
          t.has_digit = true;
          t.key.push_back(static_cast<char>(d));
          j += l;
        } else if ((d == '-' || d == '.' || d == '\'') && IsLetterAt(s, j + 1, end)) {
          t.key.push_back(static_cast<char>(d));  // "IGU-forløbet", "t.kr", "bl.a"
          j += 1;
          in_digits = false;
        } else if (IsIgnorable(d)) {
          j += l;
        } else {
          break;
        }
      }
      // A footnote mark glued to a lower-case word ("over 85 år1.", "de
      // seneste 5 år12"): the word ends before it and the digits are a number
      // of their own, glued to it (which the scanner drops). Codes keep their
      // digits: "LÆ265", "Q3", "H1N1".
      // (A letter before the digits: a byte >= 'a'; '-', '.' and '\'' are below.)
      if (in_digits && uppers == 0 && letters >= 2 && digits_key > 0 &&
          static_cast<unsigned char>(t.key[digits_key - 1]) >= 'a' &&
          t.key.find_first_of("0123456789") == digits_key) {
        j = digits_at;
        t.key.resize(digits_key);
        t.has_digit = false;
      }
      t.kind = TokKind::kWord;
      t.all_upper = letters >= 2 && uppers == letters;
      t.end = j;
      if (j < end && s[j] == '.') {
        t.dot_after = true;
        t.key.push_back('.');
        ++j;
      }
      i = j;
      continue;
    }

    t.kind = TokKind::kPunct;
    t.cp = c < 0 ? 0xFFFD : static_cast<char32_t>(c);
    t.end = i + len;
    i += len;
  }
}

}  // namespace referat::figures
