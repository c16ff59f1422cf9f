#include "analyze/phrases.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace referat::analyze {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // "…"

std::vector<std::string_view> SplitWords(std::string_view phrase) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < phrase.size()) {
    size_t sp = phrase.find(' ', pos);
    if (sp == std::string_view::npos) sp = phrase.size();
    if (sp > pos) out.push_back(phrase.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}

// Appends a word's folded code points; false when it has invalid UTF-8
// (RE2 would have refused the pattern) or whitespace (the words-then-\s+
// reading would not hold).
bool FoldWord(std::string_view w, bool fold, std::vector<int32_t>* out) {
  for (size_t i = 0; i < w.size();) {
    const auto b = static_cast<unsigned char>(w[i]);
    if (b < 0x80) {  // ASCII: no decoding, no ICU
      if (IsReSpace(w[i])) return false;
      out->push_back(fold && b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      ++i;
      continue;
    }
    size_t len = 0;
    int32_t c = DecodeAt(w, i, &len);
    if (c < 0) return false;
    out->push_back(fold ? FoldCp(c) : c);
    i += len;
  }
  return true;
}

// Matches one (folded, with `fold`) code point at s[*p], advancing *p.
inline bool MatchCp(int32_t want, bool fold, std::string_view s, size_t* p) {
  if (*p >= s.size()) return false;
  const auto b = static_cast<unsigned char>(s[*p]);
  if (b < 0x80) {
    if ((fold && b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b) != want) return false;
    ++*p;
    return true;
  }
  size_t len = 0;
  int32_t c = DecodeAt(s, *p, &len);
  if ((fold ? FoldCp(c) : c) != want) return false;
  *p += len;
  return true;
}

// \s+ at s[p]: the byte after the run, or npos when there is none.
size_t SkipSpaces(std::string_view s, size_t p) {
  if (p >= s.size() || !IsReSpace(s[p])) return std::string_view::npos;
  while (p < s.size() && IsReSpace(s[p])) ++p;
  return p;
}

}  // namespace

int32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  if (i >= s.size()) {
    *len = 1;
    return -1;
  }
  const auto c0 = static_cast<unsigned char>(s[i]);
  if (c0 < 0x80) {
    *len = 1;
    return c0;
  }
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, j, static_cast<int32_t>(s.size()), c);
  if (c < 0) {
    *len = 1;
    return -1;
  }
  *len = static_cast<size_t>(j) - i;
  return c;
}

int32_t FoldCp(int32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  return static_cast<int32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT));
}

bool IsPatternLetter(int32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x17F) || c == 0x212A || c == 0x212B ||
         c == 0x1E9E;
}

bool NonLetterAt(std::string_view s, size_t i, bool digits, size_t* len) {
  if (i >= s.size()) {
    *len = 0;
    return true;
  }
  int32_t c = DecodeAt(s, i, len);
  return c >= 0 && !IsPatternLetter(c) && !(digits && c >= '0' && c <= '9');
}

PhraseList::PhraseList(std::vector<std::string> phrases, bool ellipsis, bool fold) : fold_(fold) {
  Add(std::move(phrases), ellipsis, 0);
  Group();
}

PhraseList::PhraseList(const std::vector<std::vector<std::string>>& lists, bool ellipsis) {
  for (size_t k = 0; k < lists.size(); ++k) Add(lists[k], ellipsis, static_cast<uint32_t>(k));
  Group();
}

void PhraseList::Add(std::vector<std::string> phrases, bool ellipsis, uint32_t tag) {
  // The order of an RE2 alternation of the rules (lexicon/detail.h's
  // Alternation()): longest first, then bytes.
  std::sort(phrases.begin(), phrases.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
  entries_.reserve(entries_.size() + phrases.size());
  for (const auto& p : phrases) {
    std::vector<std::string_view> words = SplitWords(p);
    if (words.empty()) continue;  // an empty pattern: Alternation() skipped it
    Entry e;
    e.begin = static_cast<uint32_t>(cps_.size());
    e.ellipsis = p.find(kEllipsis) != std::string::npos;
    e.tag = tag;
    for (size_t k = 0; k < words.size(); ++k) {
      if (ellipsis && words[k] == kEllipsis) {
        if (k + 1 != words.size()) supported_ = false;
        e.open = true;
        continue;
      }
      if (k > 0) cps_.push_back(kGap);
      if (!FoldWord(words[k], fold_, &cps_)) supported_ = false;
    }
    e.end = static_cast<uint32_t>(cps_.size());
    if (e.end > e.begin) e.first = cps_[e.begin];
    entries_.push_back(e);
  }
}

void PhraseList::Group() {
  for (const Entry& e : entries_) {
    if (e.first < 0) any_first_ = true;  // kAnyFirst (or kGap in a list Each() may not use)
    else if (e.first < 256) ++first_start_[static_cast<size_t>(e.first) + 1];
    else wide_first_ = true;
  }
  // Group the entries below 256 by first code point (a counting sort, so
  // each group keeps the entries' order: the alternation order).
  for (size_t c = 0; c < 256; ++c) first_start_[c + 1] += first_start_[c];
  by_first_.resize(first_start_[256]);
  std::array<uint32_t, 256> next;
  std::copy(first_start_.begin(), first_start_.end() - 1, next.begin());
  for (size_t i = 0; i < entries_.size(); ++i) {
    const int32_t c = entries_[i].first;
    if (c >= 0 && c < 256) by_first_[next[static_cast<size_t>(c)]++] = static_cast<uint32_t>(i);
  }
}

size_t PhraseList::MatchWords(const Entry& e, std::string_view s, size_t pos) const {
  size_t p = pos;
  for (uint32_t i = e.begin; i < e.end; ++i) {
    if (cps_[i] == kGap) {
      if ((p = SkipSpaces(s, p)) == std::string_view::npos) return p;
    } else if (!MatchCp(cps_[i], fold_, s, &p)) {
      return std::string_view::npos;
    }
  }
  return p;
}

bool WildcardPhrase::Parse(std::string_view phrase) {
  cps_.clear();
  wildcards_ = 0;
  bool prev_word = false;  // the pattern has \s+ before anything after a word
  for (std::string_view w : SplitWords(phrase)) {
    if (prev_word) cps_.push_back(kGap);
    if (w == "*") {
      cps_.push_back(kWildcard);
      ++wildcards_;
      prev_word = false;
    } else {
      if (!FoldWord(w, true, &cps_)) return false;
      prev_word = true;
    }
  }
  return true;
}

size_t WildcardPhrase::Match(std::string_view s,
                             std::vector<std::pair<size_t, size_t>>* groups) const {
  groups->assign(static_cast<size_t>(wildcards_), {0, 0});
  return MatchFrom(s, 0, 0, 0, groups);
}

// A backtracking match that takes the first alternative that succeeds.
// Each \s+ takes its whole run of spaces: what follows it is a word (which
// starts with a non-space) or a wildcard's \S+, so a shorter run never
// matches. A wildcard tries zero words, then one, then two (lazy); each
// word is a whole run of non-spaces and the whole run of spaces after it.
size_t WildcardPhrase::MatchFrom(std::string_view s, size_t pos, size_t i, size_t g,
                                 std::vector<std::pair<size_t, size_t>>* groups) const {
  for (; i < cps_.size() && cps_[i] != kWildcard; ++i) {
    if (cps_[i] == kGap) {
      if ((pos = SkipSpaces(s, pos)) == std::string_view::npos) return pos;
    } else if (!MatchCp(cps_[i], true, s, &pos)) {
      return std::string_view::npos;
    }
  }
  if (i == cps_.size()) return pos;
  size_t p = pos;
  for (int words = 0; words <= 2; ++words) {
    if (words > 0) {
      size_t q = p;
      while (q < s.size() && !IsReSpace(s[q])) {
        size_t len = 0;
        if (DecodeAt(s, q, &len) < 0) break;
        q += len;
      }
      if (q == p || (q = SkipSpaces(s, q)) == std::string_view::npos) break;
      p = q;
    }
    (*groups)[g] = {pos, p};
    size_t end = MatchFrom(s, p, i + 1, g + 1, groups);
    if (end != std::string_view::npos) return end;
  }
  return std::string_view::npos;
}

}  // namespace referat::analyze
