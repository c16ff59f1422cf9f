// Words to lines, the line predicates and the word-level helpers of the PDF
// layout. See pdf_lines.h.
#include "read/pdf_lines.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "read/pdf_layout.h"
#include "rules/rulebook.h"

namespace referat::pdf {
namespace layout {
namespace {

// The start of the first run of leader dots ("....", "…………", at least four
// dots' worth) in `w`, or npos; `*end` is set one past the run.
size_t LeaderStart(std::string_view w, size_t* end) {
  size_t i = 0;
  while (i < w.size()) {
    size_t j = i;
    int dots = 0;
    for (;;) {
      if (j < w.size() && w[j] == '.') {
        ++j;
        ++dots;
      } else if (w.substr(j, 3) == "\xE2\x80\xA6") {  // …
        j += 3;
        dots += 3;
      } else {
        break;
      }
    }
    if (dots >= 4) {
      *end = j;
      return i;
    }
    i = j == i ? i + 1 : j;
  }
  return std::string_view::npos;
}

// A piece of a word list while lines are formed: a word, or the part of a
// word on one side of a dot leader.
struct Tok {
  std::string_view text;
  float x0, x1;
  const Word* w;
  bool leader_after = false;  // a dot leader followed: force a line break
};

// --------------------------------------------------------------- lines

Line MakeLine(const std::vector<Tok>& toks, size_t b, size_t e, bool marker_joined) {
  Line L;
  L.x0 = toks[b].x0;
  L.x1 = toks[e - 1].x1;
  L.y0 = toks[b].w->y0;
  L.y1 = toks[b].w->y1;
  size_t first_text = b;
  std::string marker;
  bool dash_like = false;
  if (e - b >= 2 && BulletMarker(toks[b].text, &marker, &dash_like) &&
      (!dash_like || marker_joined)) {
    L.marker = marker;
    first_text = b + 1;
  }
  // Dominant size and style, weighted by bytes of text.
  std::vector<std::pair<float, size_t>> sizes;
  size_t total = 0, bold = 0, italic = 0;
  float best_base = toks[b].w->baseline;
  size_t best_len = 0;
  for (size_t k = b; k < e; ++k) {
    const Tok& t = toks[k];
    const Word& w = *t.w;
    L.low_confidence += w.low_confidence;
    L.y0 = std::min(L.y0, w.y0);
    L.y1 = std::max(L.y1, w.y1);
    size_t n = t.text.size();
    total += n;
    if (w.bold) bold += n;
    if (w.italic) italic += n;
    float s = std::round(w.font_size * 10.0f) / 10.0f;
    auto it = std::find_if(sizes.begin(), sizes.end(), [s](const auto& p) { return p.first == s; });
    if (it == sizes.end()) {
      sizes.emplace_back(s, n);
    } else {
      it->second += n;
    }
    if (n > best_len) {
      best_len = n;
      best_base = w.baseline;
    }
    if (k < first_text) continue;
    if (k == first_text) L.bold_first = w.bold;
    L.bold_last = w.bold;
    if (k > first_text) {
      const Tok& p = toks[k - 1];
      float fs = std::min(p.w->font_size, w.font_size);
      if (t.x0 - p.x1 >= kJoinGap * fs) L.text.push_back(' ');
    }
    L.text.append(t.text);
  }
  L.base = best_base;
  L.size = std::max_element(sizes.begin(), sizes.end(),
                            [](const auto& a, const auto& c) { return a.second < c.second; })
               ->first;
  L.bold = total > 0 && bold * 10 >= total * 6;
  L.mixed = bold > 0 && bold < total;
  L.italic = total > 0 && italic * 10 >= total * 6;
  L.text_x0 = toks[first_text].x0;
  // "1.  Tekst" / "a)  Tekst": wrapped lines hang at the text, not the number.
  if (first_text == b && e - b >= 2 && IsNumberMarker(toks[b].text)) L.text_x0 = toks[b + 1].x0;
  L.first_w = toks[first_text].x1 - toks[first_text].x0;
  if (!L.marker.empty()) L.first_w = std::min(L.first_w, toks[first_text].x1 - L.x0);
  return L;
}

// Splits one row of words (sorted left to right) into lines.
void RowToLines(const std::vector<const Word*>& words, PageData* page) {
  // Tokens: words, with dot leaders cut out ("Indhold ......... 3").
  std::vector<Tok> toks;
  toks.reserve(words.size() + 2);
  for (const Word* w : words) {
    std::string_view text = w->text;
    float x0 = w->x0, x1 = w->x1;
    size_t end;
    size_t lead = LeaderStart(text, &end);
    if (lead == std::string_view::npos) {
      toks.push_back({text, x0, x1, w});
      continue;
    }
    float per_byte = text.empty() ? 0 : (x1 - x0) / static_cast<float>(text.size());
    if (lead > 0) toks.push_back({text.substr(0, lead), x0, x0 + per_byte * lead, w});
    if (!toks.empty()) toks.back().leader_after = true;
    if (end < text.size()) toks.push_back({text.substr(end), x0 + per_byte * end, x1, w});
  }
  if (toks.empty()) return;

  // The row's smallest gap: the width of a plain space on this row.
  float min_gap = 1e9f;
  for (size_t k = 1; k < toks.size(); ++k) {
    float fs = std::min(toks[k - 1].w->font_size, toks[k].w->font_size);
    float g = toks[k].x0 - toks[k - 1].x1;
    if (g >= kJoinGap * fs) min_gap = std::min(min_gap, g);
  }
  // Two words have only the gap under test to compare with: measure it
  // against a plain space instead ("2<tab>GetOrganized" as "1<tab>First
  // Agenda" above it).
  if (toks.size() == 2) min_gap = std::min(min_gap, kPlainSpace * std::min(toks[0].w->font_size, toks[1].w->font_size));
  // Cut points.
  std::vector<size_t> cuts;  // index of the first token of each piece
  cuts.push_back(0);
  for (size_t k = 1; k < toks.size(); ++k) {
    float fs = std::min(toks[k - 1].w->font_size, toks[k].w->font_size);
    float g = toks[k].x0 - toks[k - 1].x1;
    bool split = toks[k - 1].leader_after || g >= kSplitGap * fs ||
                 (g >= kSplitGapMin * fs && g >= kSplitGapRatio * min_gap);
    if (split) cuts.push_back(k);
  }
  cuts.push_back(toks.size());
  // Markers set apart by a tab stay with their text: "•   Tekst", "1.   Forord".
  for (size_t c = 0; c + 1 < cuts.size();) {
    size_t b = cuts[c], e = cuts[c + 1];
    bool joined = false;
    if (e - b == 1 && c + 2 < cuts.size() && !toks[b].leader_after) {
      std::string marker;
      bool dash_like;
      const Tok& t = toks[b];
      if ((BulletMarker(t.text, &marker, &dash_like) || IsNumberMarker(t.text)) &&
          toks[e].x0 - t.x1 <= kMarkerGap * t.w->font_size) {
        page->lines.push_back(MakeLine(toks, b, cuts[c + 2], true));
        c += 2;
        joined = true;
      }
    }
    if (!joined) {
      page->lines.push_back(MakeLine(toks, b, e, false));
      ++c;
    }
  }
}

}  // namespace

PageData BuildLines(const Page& page, int number) {
  PageData P;
  P.number = number;
  P.width = page.width;
  P.height = page.height;
  if (page.ocr) P.pitch_slack = 0.75f;
  std::vector<const Word*> ws;
  ws.reserve(page.words.size());
  for (const Word& w : page.words) {
    if (w.text.empty() || !(w.font_size > 0) || !(w.x1 >= w.x0)) continue;
    if (P.width > 0 && (w.x1 < 0 || w.x0 > P.width || w.y1 < 0 || w.y0 > P.height)) continue;
    ws.push_back(&w);
  }
  std::sort(ws.begin(), ws.end(), [](const Word* a, const Word* b) {
    if (a->baseline != b->baseline) return a->baseline < b->baseline;
    return a->x0 < b->x0;
  });
  std::vector<const Word*> row;
  auto finish_row = [&]() {
    if (row.empty()) return;
    std::sort(row.begin(), row.end(), [](const Word* a, const Word* b) { return a->x0 < b->x0; });
    // Text drawn twice at (almost) the same place is one word ("fake bold").
    std::vector<const Word*> dedup;
    dedup.reserve(row.size());
    for (const Word* w : row) {
      if (!dedup.empty()) {
        const Word* p = dedup.back();
        if (p->text == w->text && std::fabs(p->x0 - w->x0) < 0.3f * w->font_size) continue;
      }
      dedup.push_back(w);
    }
    int first = static_cast<int>(P.lines.size());
    RowToLines(dedup, &P);
    Row r;
    for (int i = first; i < static_cast<int>(P.lines.size()); ++i) r.lines.push_back(i);
    if (!r.lines.empty()) P.rows.push_back(std::move(r));
    row.clear();
  };
  float ref_base = 0, ref_size = 0;
  for (const Word* w : ws) {
    // A superscript (a footnote mark, "m2") is raised by up to half the
    // size of the text it belongs to, so it sorts before that text and
    // opens the row: a larger word below it may be further down. Not the
    // other way round: a small word below larger text is a caption or a
    // note of another column, not a subscript of the row.
    const bool raised_ref = ref_size <= 0.8f * w->font_size;
    const float tol = raised_ref ? kScriptTolerance * w->font_size
                                 : kRowTolerance * std::max(w->font_size, ref_size);
    if (!row.empty() && w->baseline - ref_base > tol) finish_row();
    if (row.empty()) {
      ref_base = w->baseline;
      ref_size = w->font_size;
    }
    row.push_back(w);
  }
  finish_row();
  return P;
}

bool StartsUpperOrDigit(std::string_view s) {
  UChar32 c = FirstCodePoint(s);
  return c >= 0 && (u_isupper(c) || u_isdigit(c));
}

// A short line of capitalized words, nothing else: a name ("Kasper Bang
// Nielsen", "Anne-Mette Ravn") or a title cased entry. Danish sets only
// names and the first word of a sentence with a capital, so two such lines
// one under the other are entries of a list, not a sentence wrapped.
bool CapitalizedEntry(std::string_view s) {
  int words = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t e = s.find(' ', i);
    if (e == std::string_view::npos) e = s.size();
    std::string_view w = s.substr(i, e - i);
    if (++words > 4 || !u_isupper(FirstCodePoint(w))) return false;
    for (char c : w)
      if ((c >= '0' && c <= '9') || c == ',' || c == ':' || c == ';') return false;
    i = e;
  }
  return words >= 1 && s.back() != '-';
}

// Lower case at the start, looking past opening punctuation and a dash
// ("(se bilag)", "”kulturkommune”", "– ikke mindst").
bool StartsLower(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    if (c == ' ' || u_charType(c) == U_DASH_PUNCTUATION || u_charType(c) == U_START_PUNCTUATION ||
        u_charType(c) == U_INITIAL_PUNCTUATION || c == '"' || c == 0x201D)
      continue;
    return u_islower(c);
  }
  return false;
}

bool EndsClause(std::string_view s) {
  UChar32 c = LastCodePoint(s);
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == ')';
}

namespace {

// A line that opens a numbered item: "a) Tekst", "1) Tekst", "2. Tekst";
// not "1. januar", a date wrapped onto a new line.
bool StartsItem(std::string_view text) {
  std::string_view w = FirstWord(text);
  if (!IsNumberMarker(w) || w.size() == text.size()) return false;
  if (w.back() == ')') return true;
  return StartsUpperOrDigit(text.substr(w.size() + 1));
}

}  // namespace

// True when `next` opens a numbered item after `prev`, a line of a column
// whose right edge is `right`. A number that starts a line after a line that
// was full and stopped mid-sentence is the sentence going on ("... til 3.
// kvartal" / "2017. 45% ..."), not an item: a list's items end their text
// first, and their numbers would have fitted on a short last line.
bool OpensItem(const Line& prev, const Line& next, float right) {
  if (!StartsItem(next.text)) return false;
  std::string_view w = FirstWord(next.text);
  if (w.back() != '.' || !u_isdigit(FirstCodePoint(w))) return true;
  for (char c : w)
    if (c != '.' && (c < '0' || c > '9')) return true;
  UChar32 last = LastCodePoint(prev.text);
  if (!(u_isalnum(last) || last == ',' || last == '-' || last == 0x2013)) return true;
  return prev.x1 + kSpace * prev.size + next.first_w <= right - 0.5f;
}

// True when `next` is the wrapped continuation of `prev` in a column whose
// right edge is `right`: directly below, same size, and its first word
// would not have fitted at the end of `prev`.
bool IsWrap(const Line& prev, const Line& next, float right) {
  float size = std::max(prev.size, next.size);
  if (std::fabs(prev.size - next.size) > 0.12f * size) return false;
  float pitch = next.base - prev.base;
  if (pitch <= 0.3f * size || pitch > kDefaultPitch * size) return false;
  if (next.x0 > prev.x1 || next.x1 < prev.x0) return false;
  // Wrapped lines share their left edge (or hang at a marker's text).
  if (std::fabs(next.x0 - prev.x0) > size && std::fabs(next.x0 - prev.text_x0) > size) return false;
  if (!next.marker.empty() || OpensItem(prev, next, right)) return false;
  // A sentence going on, unless `prev` ended far short of the edge.
  if (StartsLower(next.text) && right - prev.x1 <= kNearlyFull * (right - prev.x0)) return true;
  if (prev.x1 + kSpace * prev.size + next.first_w <= right - 0.5f) return false;
  if (EndsClause(prev.text) && StartsUpperOrDigit(next.text)) return false;
  if (CapitalizedEntry(prev.text) && CapitalizedEntry(next.text)) return false;
  // One word on a line that did not wrap text ("1", "Åben", "12/27845" in
  // a narrow table column) is a list of values, not a wrapped sentence.
  if (prev.text.find(' ') == std::string::npos && !StartsLower(next.text)) return false;
  return true;
}

// True when `above` is a word too long for its table cell that the writer
// broke without a hyphen ("Beskæftigelsesforvaltni" / "ngen"), so `next`
// goes on the same word. The line is one word ending in a letter that fills
// the column to within one character of its text edge, the edge is real
// (another line of the column reaches it
// too: the longest line alone would always "fill" it; `ends` holds the two
// largest right ends of the column's lines), and `next` goes on
// in lower case at once.
bool IsForcedBreak(const Line& above, const Line& next, const std::pair<float, float>& ends) {
  if (!above.marker.empty() || above.text.find(' ') != std::string::npos) return false;
  if (!u_isalpha(LastCodePoint(above.text)) || !u_islower(FirstCodePoint(next.text))) return false;
  int chars = 0;
  for (unsigned char ch : above.text)
    if ((ch & 0xC0) != 0x80) ++chars;
  if (chars < 2) return false;
  const float char_w = (above.x1 - above.x0) / static_cast<float>(chars);
  if (above.right - above.x1 >= char_w) return false;
  // The furthest right end of the column's other lines.
  const float other = above.x1 >= ends.first ? ends.second : ends.first;
  return other >= above.x1 - char_w;
}

}  // namespace layout

// ------------------------------------------------------------ public helpers

using layout::EndsWith;
using layout::FirstWord;
using layout::LastCodePoint;
using layout::LastWord;
using layout::StartsUpperOrDigit;


bool BulletMarker(std::string_view w, std::string* marker, bool* dash_like) {
  static const std::pair<std::string_view, std::string_view> kRound[] = {
      {"\xE2\x80\xA2", "\xE2\x80\xA2"},  // • U+2022
      {"\xE2\x97\x8F", "\xE2\x80\xA2"},  // ● U+25CF
      {"\xEF\x82\xB7", "\xE2\x80\xA2"},  //  U+F0B7 (Symbol font bullet)
      {"\xC2\xB7", "\xE2\x80\xA2"},      // · U+00B7
      {"\xE2\x88\x99", "\xE2\x80\xA2"},  // ∙ U+2219
  };
  static const std::string_view kOther[] = {
      "\xE2\x96\xAA",  // ▪ U+25AA
      "\xE2\x96\xA0",  // ■ U+25A0
      "\xE2\x97\xA6",  // ◦ U+25E6
      "\xE2\x97\x8B",  // ○ U+25CB
      "\xE2\x96\xBA",  // ► U+25BA
      "\xE2\x96\xB8",  // ▸ U+25B8
      "\xE2\x9E\xA2",  // ➢ U+27A2
      "\xE2\x9C\x93",  // ✓ U+2713
      "\xEF\x82\xA7",  //  U+F0A7 (Wingdings square)
      "\xEF\x83\x98",  //  U+F0D8 (Wingdings arrow)
      "\xEF\x82\xA8",  //  U+F0A8
      "\xEF\x81\xB6",  //  U+F076 (Wingdings diamond)
      "\xEF\x83\xBC",  //  U+F0FC (Wingdings check)
  };
  static const std::string_view kDash[] = {"-", "\xE2\x80\x93", "\xE2\x80\x94", "o", "*",
                                           "\xE2\x88\x92"};
  for (const auto& [glyph, m] : kRound)
    if (w == glyph) {
      *marker = std::string(m);
      *dash_like = false;
      return true;
    }
  for (std::string_view g : kOther)
    if (w == g) {
      *marker = std::string(g);
      *dash_like = false;
      return true;
    }
  for (std::string_view g : kDash)
    if (w == g) {
      *marker = std::string(g);
      *dash_like = true;
      return true;
    }
  return false;
}

bool IsNumberMarker(std::string_view w) {
  static const re2::RE2 kRe(R"((?:\d{1,4}(?:\.\d{1,3})*[.)]|[a-zA-Z][.)]|\(\w{1,4}\)|[ivxIVX]{1,5}[.)]))");
  return w.size() <= 12 && re2::RE2::FullMatch(re2::StringPiece(w.data(), w.size()), kRe);
}


void AppendLineText(std::string* acc, std::string_view next) {
  if (next.empty()) return;
  if (acc->empty()) {
    acc->append(next);
    return;
  }
  if (EndsWith(*acc, "\xC2\xAD")) {  // soft hyphen: always a break hyphen
    acc->resize(acc->size() - 2);
    acc->append(next);
    return;
  }
  size_t hyphen_len = 0;
  if (EndsWith(*acc, "-")) hyphen_len = 1;
  else if (EndsWith(*acc, "\xE2\x80\x90")) hyphen_len = 3;  // ‐ U+2010
  if (hyphen_len == 0) {
    acc->push_back(' ');
    acc->append(next);
    return;
  }
  std::string_view before = LastWord(*acc);
  before.remove_suffix(hyphen_len);
  std::string_view after = FirstWord(next);
  if (before.empty() || after.empty()) {  // a free-standing dash
    acc->push_back(' ');
    acc->append(next);
    return;
  }
  // "Familie- og Beskæftigelsesforvaltningen": an elided compound part.
  static const std::vector<std::string>& kConjunctions = Rules().Lines("hyphen_conjunctions");
  for (std::string_view c : kConjunctions)
    if (after == c || (after.size() == c.size() + 1 && after.substr(0, c.size()) == c &&
                       (after.back() == ',' || after.back() == ';'))) {
      acc->push_back(' ');
      acc->append(next);
      return;
    }
  // A real hyphen: "EU-midler", "2030-fremskrivning", "KL-Brev".
  bool keep = StartsUpperOrDigit(after);
  int upper = 0, lower = 0;
  bool letter_last = u_isalpha(LastCodePoint(before));
  const auto* p = reinterpret_cast<const uint8_t*>(before.data());
  int32_t i = 0, n = static_cast<int32_t>(before.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (u_isdigit(c)) keep = true;
    if (u_isupper(c)) ++upper;
    if (u_islower(c)) ++lower;
  }
  if (upper >= 2 && upper >= lower) keep = true;  // acronym: "EU-", "KMD-", "IT-"
  if (!letter_last) keep = true;
  if (!keep) acc->resize(acc->size() - hyphen_len);
  acc->append(next);
}

}  // namespace referat::pdf
