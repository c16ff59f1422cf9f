#include "lang/text.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace referat::lang {
namespace {

UChar32 CodePointAt(std::string_view s, size_t i) {
  if (i >= s.size()) return -1;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, j, static_cast<int32_t>(s.size()), c);
  return c;
}

UChar32 CodePointBefore(std::string_view s, size_t i) {
  if (i == 0 || i > s.size()) return -1;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(p, 0, j, c);
  return c;
}

bool IsWordCp(UChar32 c) { return c >= 0 && (u_isalnum(c) || c == '_'); }

}  // namespace

std::string FoldCase(std::string_view s) {
  bool ascii = true;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::string out;
  if (ascii) {
    out.assign(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  u.toUTF8String(out);
  return out;
}

void AppendFoldedSlow(int32_t c, std::string* out) {
  c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out->append(buf, static_cast<size_t>(n));
}

bool StartsUpper(std::string_view s) {
  UChar32 c = CodePointAt(s, 0);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

bool StartsLower(std::string_view s) {
  UChar32 c = CodePointAt(s, 0);
  return c >= 0 && u_islower(c);
}

bool IsAllCaps(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  int letters = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    if (u_islower(c)) return false;
    if (u_isalpha(c)) ++letters;
  }
  return letters >= 2;
}

bool IsWordCharAt(std::string_view s, size_t i) { return IsWordCp(CodePointAt(s, i)); }
bool WordStartsAt(std::string_view s, size_t i) { return i == 0 || !IsWordCp(CodePointBefore(s, i)); }
bool WordEndsAt(std::string_view s, size_t i) { return i >= s.size() || !IsWordCp(CodePointAt(s, i)); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view TrimRight(std::string_view s, std::string_view chars) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' ||
                        chars.find(s.back()) != std::string_view::npos))
    s.remove_suffix(1);
  return s;
}

std::string_view TrimBoth(std::string_view s, std::string_view chars) {
  s = TrimRight(s, chars);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' ||
                        chars.find(s.front()) != std::string_view::npos))
    s.remove_prefix(1);
  return s;
}

int CountWordsUpTo(std::string_view s, int limit) {
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  int n = 0;
  size_t i = 0;
  for (;;) {
    while (i < s.size() && space(s[i])) ++i;
    if (i == s.size() || ++n > limit) return n;
    // The word's bytes; neither space byte is above ' ', so most bytes
    // take one comparison.
    while (i < s.size() && (static_cast<unsigned char>(s[i]) > ' ' || !space(s[i]))) ++i;
  }
}

bool EndsSentence(std::string_view s) {
  s = Trim(s);
  if (s.size() < 2) return false;
  char last = s.back();
  if (last != '.' && last != '!' && last != '?') return false;
  UChar32 before = CodePointBefore(s, s.size() - 1);
  return before >= 0 && (u_isalpha(before) || before == ')' || before == '"');
}

std::string Collapse(std::string_view s) {
  Joiner j;
  j.Add(s);
  return j.Take();
}

void Joiner::Add(std::string_view piece) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  // Text that is already collapsed (words with single ' ' between them, as
  // most block text is) is appended in one run: section texts are most of
  // a document, and a push_back per byte was most of the cost.
  bool pending = !out_.empty();
  size_t i = 0;
  while (i < piece.size()) {
    if (space(piece[i])) {
      pending = !out_.empty();
      ++i;
      continue;
    }
    size_t run = i + 1;
    while (run < piece.size()) {
      const char c = piece[run];
      // No space byte is above ' ': one comparison for most bytes.
      if (static_cast<unsigned char>(c) > ' ' || !space(c)) {
        ++run;
      } else if (c == ' ' && run + 1 < piece.size() && !space(piece[run + 1])) {
        run += 2;  // a single space between words stays as it is
      } else {
        break;
      }
    }
    if (pending) {
      out_.push_back(' ');
      pending = false;
    }
    out_.append(piece.data() + i, run - i);
    i = run;
  }
}

std::string Clip(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";
}

std::string UpperFirst(std::string_view s) {
  if (s.empty()) return std::string();
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  if (c < 0) return std::string(s);
  UChar32 up = u_toupper(c);
  std::string out;
  icu::UnicodeString(up).toUTF8String(out);
  out.append(s.substr(static_cast<size_t>(i)));
  return out;
}

}  // namespace referat::lang
