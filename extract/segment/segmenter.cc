#include "segment/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
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

#include "lang/dates.h"
#include "rules/rulebook.h"

namespace referat {
namespace {

// Builds the Danish sentence iterator once per thread: ICU's rules for "da"
// wrapped in a filter that suppresses breaks after the abbreviations in
// rules/abbreviations.txt (ICU's own suppression mechanism, in both the
// written case and with an initial capital).
std::unique_ptr<icu::BreakIterator> MakeIterator() {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale("da", "DK"), err));
  if (U_FAILURE(err) || !base) return nullptr;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> fb(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(err));
  if (U_FAILURE(err) || !fb) return base;
  for (const auto& a : Rules().Lines("abbreviations")) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(a);
    fb->suppressBreakAfter(u, err);
    err = U_ZERO_ERROR;
    icu::UnicodeString cap = u;
    cap.replace(0, 1, icu::UnicodeString(u, 0, 1).toUpper(icu::Locale("da")));
    fb->suppressBreakAfter(cap, err);
    err = U_ZERO_ERROR;
  }
  std::unique_ptr<icu::BreakIterator> filtered(fb->wrapIteratorWithFilter(base.release(), err));
  if (U_FAILURE(err)) return nullptr;
  return filtered;
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
    if (static_cast<int32_t>(cur) < n && DateSplit(text, start, start + cur, end)) continue;
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
