#include "segment/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

#include "lang/dates.h"
#include "lang/text.h"
#include "rules/rulebook.h"

namespace referat {
namespace {

// Builds the Danish sentence iterator once per thread: ICU's rules for "da".
// The abbreviations of rules/abbreviations.txt are kept from ending a
// sentence by AbbreviationSplit, which compares whole words. ICU's own filter
// (FilteredBreakIteratorBuilder) is not used: it matches the end of any
// word, so a one-letter abbreviation ("e.") would join "… 3 dage. Han …".
std::unique_ptr<icu::BreakIterator> MakeIterator() {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale("da", "DK"), err));
  if (U_FAILURE(err) || !base) return nullptr;
  return base;
}

// rules/abbreviations.txt, case-folded.
const std::unordered_set<std::string>& Abbreviations() {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> out;
    for (const auto& a : Rules().Lines("abbreviations")) out.insert(lang::FoldCase(a));
    return out;
  }();
  return set;
}

// The iterator is built once per process and cloned for each thread: a
// clone shares the compiled rules and the abbreviation filter, so a thread's
// first document does not rebuild them (PrepareExtract builds the original on
// its own thread while the first file is read).
const icu::BreakIterator* Prototype() {
  static const icu::BreakIterator* proto = MakeIterator().release();
  return proto;
}

icu::BreakIterator* ThreadIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    static std::mutex mu;  // clone() only reads the original; the lock keeps that a fact
    std::lock_guard<std::mutex> lock(mu);
    const icu::BreakIterator* proto = Prototype();
    return std::unique_ptr<icu::BreakIterator>(proto ? proto->clone() : nullptr);
  }();
  return it.get();
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// The month names of rules/months.txt: a date written with the month
// capitalized ("den 24. Oktober 1938", as minutes before 1948 capitalize
// nouns) is no sentence end after "24.".
const lang::MonthNames& Months() {
  static const lang::MonthNames months(Rules());
  return months;
}

// True when a break at `cut` follows an abbreviation of
// rules/abbreviations.txt as a whole word ("kl.", "jf.", "d. 5. maj",
// "f.eks.", "(pkt."), in any case.
bool AbbreviationSplit(const std::string& text, size_t begin, size_t cut) {
  size_t d = cut;
  while (d > begin && IsSpace(text[d - 1])) --d;
  if (d == begin || text[d - 1] != '.') return false;
  size_t w = d - 1;
  while (w > begin && !IsSpace(text[w - 1]) && text[w - 1] != '(' && text[w - 1] != '"') --w;
  if (d - w > 12) return false;
  const auto& abbr = Abbreviations();
  if (abbr.count(lang::FoldCase(std::string_view(text).substr(w, d - w)))) return true;
  // "1.okt. 2025": the abbreviation glued to a day's number; a single
  // letter glued to a number is a unit's ending, not an abbreviation
  // ("... 250 kt CO2e. Vi vil ..."); after a dot it still is one ("a.m.b.a.").
  size_t t = d - 1;
  while (t > w && (static_cast<unsigned char>(text[t - 1]) >= 0x80 || std::isalpha(static_cast<unsigned char>(text[t - 1]))))
    --t;
  return t > w && t < d - 1 &&
         (text[t - 1] == '.' || (std::isdigit(static_cast<unsigned char>(text[t - 1])) && t + 2 < d)) &&
         abbr.count(lang::FoldCase(std::string_view(text).substr(t, d - t))) > 0;
}

// True when a break at `cut` falls between a day's ordinal and a month
// name: "24." then "Oktober".
bool DateSplit(const std::string& text, size_t begin, size_t cut, size_t end) {
  size_t d = cut;
  while (d > begin && IsSpace(text[d - 1])) --d;
  if (d == begin || text[d - 1] != '.') return false;
  size_t digits = 0;
  while (d - 1 - digits > begin && digits < 3 && std::isdigit(static_cast<unsigned char>(text[d - 2 - digits])))
    ++digits;
  if (digits == 0 || digits > 2) return false;
  size_t w = cut;
  while (w < end && IsSpace(text[w])) ++w;
  size_t e = w;
  while (e < end && (static_cast<unsigned char>(text[e]) >= 0x80 || std::isalpha(static_cast<unsigned char>(text[e]))))
    ++e;
  return e > w && Months().Number(std::string_view(text).substr(w, e - w)) > 0;
}

// True for a code point after which Unicode's sentence rules (UAX #29, which
// ICU's rules implement) can break: ATerm, STerm and the paragraph
// separators. A range without one is a single sentence, so it needs no
// break iterator; about half the blocks of minutes (headings, table cells,
// names) are such ranges.
bool CanEndSentence(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_ATERM:
    case U_SB_STERM:
    case U_SB_SEP:
    case U_SB_CR:
    case U_SB_LF:
      return true;
    default:
      return false;
  }
}

bool MayHoldBreak(const std::string& text, size_t start, size_t end) {
  static const auto kAscii = [] {
    std::array<bool, 128> t{};
    for (UChar32 c = 0; c < 128; ++c) t[c] = CanEndSentence(c);
    return t;
  }();
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t i = start; i < end;) {
    if (s[i] < 0x80) {
      if (kAscii[s[i++]]) return true;
      continue;
    }
    int32_t j = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(s, j, static_cast<int32_t>(end), c);
    if (c >= 0 && CanEndSentence(c)) return true;
    i = static_cast<size_t>(j);
  }
  return false;
}

void SegmentRange(const std::string& text, size_t start, size_t end, size_t block,
                  icu::BreakIterator* it, std::vector<Sentence>* out) {
  auto push = [&](size_t a, size_t b) {
    while (a < b && IsSpace(text[a])) ++a;
    while (b > a && IsSpace(text[b - 1])) --b;
    if (a < b) out->push_back(Sentence{a, b, block});
  };
  if (!it || !MayHoldBreak(text, start, end)) {
    push(start, end);
    return;
  }
  // ICU iterates UTF-16 much faster than UTF-8 through a UText; breaks come
  // back as UTF-16 indexes and are mapped to byte offsets walking forward.
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data() + start, static_cast<int32_t>(end - start)));
  it->setText(u);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data() + start);
  const int32_t n = static_cast<int32_t>(end - start);
  int32_t byte = 0, unit = 0;  // the same position in UTF-8 bytes and UTF-16 units
  auto to_byte = [&](int32_t target) {
    while (unit < target && byte < n) {
      UChar32 c;
      U8_NEXT(s, byte, n, c);
      unit += (c >= 0x10000) ? 2 : 1;
    }
    return static_cast<size_t>(byte);
  };
  size_t prev = 0;
  it->first();
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    size_t cur = to_byte(b);
    if (static_cast<int32_t>(cur) < n &&
        (AbbreviationSplit(text, start, start + cur) || DateSplit(text, start, start + cur, end)))
      continue;
    push(start + prev, start + cur);
    prev = cur;
  }
}

}  // namespace

long Segmentation::SentenceAt(size_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](size_t off, const Sentence& s) { return off < s.start; });
  if (it == sentences.begin()) return -1;
  --it;
  if (offset >= it->end) return -1;
  return it - sentences.begin();
}

void PrepareSegmenter() { (void)Prototype(); }

Segmentation Segment(const Document& doc) {
  Segmentation seg;
  seg.sentences.reserve(doc.text.size() / 80 + 1);
  icu::BreakIterator* it = ThreadIterator();
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind == BlockKind::kTableRow && !b.cells.empty()) {
      for (const auto& c : b.cells) SegmentRange(doc.text, c.start, c.end, i, it, &seg.sentences);
    } else {
      SegmentRange(doc.text, b.start, b.end, i, it, &seg.sentences);
    }
  }
  // The iterator outlives `doc`: leave it on an empty text, not on freed memory.
  if (it) it->setText(icu::UnicodeString());
  return seg;
}

}  // namespace referat
