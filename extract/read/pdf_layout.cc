// Layout analysis of PDF pages on plain word boxes. See pdf_layout.h for
// what comes out; the comments here say how and why.
#include "read/pdf_layout.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/deadline.h"
#include "rules/rulebook.h"

namespace referat::pdf {
namespace {

// ------------------------------------------------------------- parameters
// All distances are in units of the font size of the words involved, so the
// same rules work for 7 pt footnotes and 20 pt titles.

// Words whose baselines differ by less than this share a row; a word much
// larger than a superscript opening the row by less than kScriptTolerance.
constexpr float kRowTolerance = 0.4f;
constexpr float kScriptTolerance = 0.6f;
// A gap between words of a row splits the row into separate lines
// ("fragments") when it is at least kSplitGap, or at least kSplitGapMin and
// kSplitGapRatio times the row's smallest gap (tables set with tab stops
// are sometimes only 0.8 em apart, justified text stretches spaces to
// ~0.6 em, but evenly across the whole line).
constexpr float kSplitGap = 1.2f;
constexpr float kSplitGapMin = 0.7f;
constexpr float kSplitGapRatio = 2.2f;
// Below this gap two words are one (poppler splits words where the font
// changes, e.g. a glyph taken from a fallback font inside a word).
constexpr float kJoinGap = 0.1f;
// A bullet or item number set apart by a tab stays with its text if the
// text follows within this distance.
constexpr float kMarkerGap = 6.0f;
// Header and footer zones: this fraction of the page height at top and bottom.
constexpr float kZone = 0.12f;
// A space is at least this wide when testing whether a word would have fitted.
constexpr float kSpace = 0.3f;
// Lines further apart than the usual line pitch of their font size times
// this (plus half a point) are separate paragraphs.
constexpr float kParagraphPitch = 1.25f;
// A line is nearly full when the space left at its end is at most this
// fraction of its column's width; then a next line starting in lower case
// goes on the same sentence even if its first word would have fitted.
constexpr float kNearlyFull = 0.25f;
// Without enough lines to learn the usual pitch: this many font sizes.
constexpr float kDefaultPitch = 1.6f;
// Headings: larger than the body text by this factor, or bold, and short.
constexpr float kHeadingSize = 1.15f;
constexpr int kHeadingMaxLines = 3;
// A title set larger than the body text may take a line more ("Politik /
// for / Kultur og Fritid - / Lokalt engagement.").
constexpr int kTitleMaxLines = 4;
constexpr size_t kHeadingMaxBytes = 200;
// Recursion depth of the region analysis (columns within columns).
constexpr int kMaxDepth = 3;

// ------------------------------------------------------------ text helpers

UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

UChar32 LastCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c;
}

std::string_view FirstWord(std::string_view s) {
  size_t e = s.find(' ');
  return e == std::string_view::npos ? s : s.substr(0, e);
}

std::string_view LastWord(std::string_view s) {
  size_t b = s.rfind(' ');
  return b == std::string_view::npos ? s : s.substr(b + 1);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

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

// ------------------------------------------------------------ page model

struct Line {
  std::string text;  // words joined by spaces, marker removed
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float base = 0;     // baseline
  float size = 0;     // dominant font size
  float first_w = 0;  // width of the first word of `text`
  float text_x0 = 0;  // left edge of `text` (right of a list marker)
  float right = 0;    // right edge of the column the line is read in
  bool bold = false;
  bool italic = false;
  // Weight at the ends of the text: a paragraph with a bold lead-in ("**Familie-
  // og Beskæftigelsesforvaltningen fremsender** til ...") changes weight
  // inside a line, which is not the end of a heading.
  bool bold_first = false, bold_last = false;
  bool mixed = false;  // both bold and regular words
  bool running = false;  // running header/footer or page number: not body
  std::string marker;    // list marker, when the line starts a list item
  int low_confidence = 0;  // OCR words the engine was unsure of
};

struct Row {
  std::vector<int> lines;  // left to right
};

struct Table {
  int cols = 0;
  std::vector<std::vector<std::vector<int>>> rows;  // row -> cell -> lines
};

struct Unit {
  bool is_table = false;
  std::vector<int> flow;  // lines top to bottom, when !is_table
  Table table;
};

struct PageData {
  int number = 0;
  float width = 0, height = 0;
  // Baselines of OCR words fall on whole pixels: two lines of one cell can
  // be a pixel or two further apart than the tightest pitch (0.36 pt a
  // pixel at 200 dpi). 0 for a text layer.
  float pitch_slack = 0;
  std::vector<Line> lines;
  std::vector<Row> rows;
  std::vector<Unit> units;
};

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

// ------------------------------------------------- running headers/footers

std::string DigitsMasked(std::string_view s) {
  std::string k(s);
  for (char& c : k)
    if (c >= '0' && c <= '9') c = '#';
  return k;
}

void MarkRunning(std::vector<PageData>& pages) {
  const int n = static_cast<int>(pages.size());
  struct Hit {
    int page;
    float y;
    Line* line;
  };
  std::map<std::string, std::vector<Hit>> groups;  // zone + masked text
  std::vector<char> bare;  // per line of a page: a bare number in a zone
  for (PageData& P : pages) {
    for (Line& L : P.lines) {
      bool top = P.height > 0 && L.y1 <= kZone * P.height;
      bool bottom = P.height > 0 && L.y0 >= (1 - kZone) * P.height;
      std::string full = L.marker.empty() ? L.text : L.marker + " " + L.text;
      if (IsPageNumberLine(full, false)) {
        L.running = true;
        continue;
      }
      // A bare number is decided below, by the company it keeps.
      if ((top || bottom) && IsPageNumberLine(full, true)) continue;
      if (!(top || bottom) || n < 2) continue;
      std::string key = top ? "T" : "B";
      key += DigitsMasked(full);
      groups[key].push_back({P.number, L.y0, &L});
    }
  }
  const int min_pages = std::max(2, static_cast<int>(std::ceil(0.3 * n)));
  for (auto& [key, hits] : groups) {
    if (static_cast<int>(hits.size()) < min_pages) continue;
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.y < b.y; });
    // For each hit, the distinct pages with a hit within 3 pt of its height.
    size_t lo = 0, hi = 0;
    for (size_t i = 0; i < hits.size(); ++i) {
      while (hits[lo].y < hits[i].y - 3) ++lo;
      while (hi < hits.size() && hits[hi].y <= hits[i].y + 3) ++hi;
      std::vector<int> pg;
      for (size_t k = lo; k < hi; ++k) pg.push_back(hits[k].page);
      std::sort(pg.begin(), pg.end());
      int distinct = static_cast<int>(std::unique(pg.begin(), pg.end()) - pg.begin());
      if (distinct >= min_pages) hits[i].line->running = true;
    }
    // Once confirmed, the same text in the same zone is running wherever it
    // sits: a page of another section may shift the header by a few points.
    if (std::any_of(hits.begin(), hits.end(), [](const Hit& h) { return h.line->running; }))
      for (Hit& h : hits) h.line->running = true;
  }
  // A bare number in the header or footer zone ("7", "- 7 -") is a page
  // number when it stands alone on its row or beside running text ("Referat
  // 3. maj    7"); beside body text it is a table's cell that the page
  // ends on ("7 | Orientering og oplæg - | 19").
  for (PageData& P : pages) {
    bare.assign(P.lines.size(), 0);
    for (size_t id = 0; id < P.lines.size(); ++id) {
      const Line& L = P.lines[id];
      if (L.running) continue;
      bool top = P.height > 0 && L.y1 <= kZone * P.height;
      bool bottom = P.height > 0 && L.y0 >= (1 - kZone) * P.height;
      std::string full = L.marker.empty() ? L.text : L.marker + " " + L.text;
      bare[id] = (top || bottom) && IsPageNumberLine(full, true);
    }
    for (const Row& r : P.rows) {
      bool body = false;
      for (int id : r.lines) body = body || (!bare[id] && !P.lines[id].running);
      if (!body)
        for (int id : r.lines)
          if (bare[id]) P.lines[id].running = true;
    }
  }
}

// ---------------------------------------------------------- reading order

// Font sizes compared in half points.
float SizeKey(float s) { return std::round(s * 2.0f) / 2.0f; }

struct Interval {
  float a, b;
};

// Merges `x` into the sorted, disjoint `iv`, fusing intervals closer than `gmin`.
void AddInterval(std::vector<Interval>* iv, Interval x, float gmin) {
  std::vector<Interval> out;
  out.reserve(iv->size() + 1);
  bool placed = false;
  for (const Interval& y : *iv) {
    if (y.b + gmin < x.a) {
      out.push_back(y);
    } else if (x.b + gmin < y.a) {
      if (!placed) {
        out.push_back(x);
        placed = true;
      }
      out.push_back(y);
    } else {
      x.a = std::min(x.a, y.a);
      x.b = std::max(x.b, y.b);
    }
  }
  if (!placed) out.push_back(x);
  *iv = std::move(out);
}

bool StartsUpperOrDigit(std::string_view s) {
  UChar32 c = FirstCodePoint(s);
  return c >= 0 && (u_isupper(c) || u_isdigit(c));
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

// A line that opens a numbered item: "a) Tekst", "1) Tekst", "2. Tekst";
// not "1. januar", a date wrapped onto a new line.
bool StartsItem(std::string_view text) {
  std::string_view w = FirstWord(text);
  if (!IsNumberMarker(w) || w.size() == text.size()) return false;
  if (w.back() == ')') return true;
  return StartsUpperOrDigit(text.substr(w.size() + 1));
}

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

class Orderer {
 public:
  explicit Orderer(PageData* P) : P_(*P) {
    std::vector<float> sizes;
    for (const Line& L : P_.lines)
      if (!L.running) sizes.push_back(L.size);
    float median = 10;
    if (!sizes.empty()) {
      std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
      median = sizes[sizes.size() / 2];
    }
    gmin_ = std::max(3.0f, 0.4f * median);
    starts_.assign(P_.lines.size(), 0);
  }

  void Run() {
    std::vector<Row> rows;
    for (const Row& r : P_.rows) {
      Row k;
      for (int id : r.lines)
        if (!P_.lines[id].running) k.lines.push_back(id);
      if (!k.lines.empty()) rows.push_back(std::move(k));
    }
    Region(rows, 0);
    FlushFlow();
    // A flow's lines wrap at the flow's right edge.
    for (Unit& u : P_.units) {
      if (u.is_table) continue;
      float right = 0;
      for (int id : u.flow) right = std::max(right, P_.lines[id].x1);
      for (int id : u.flow) P_.lines[id].right = right;
    }
  }

 private:
  void FlushFlow() {
    if (flow_.empty()) return;
    Unit u;
    u.flow = std::move(flow_);
    flow_.clear();
    P_.units.push_back(std::move(u));
  }

  std::vector<Interval> IntervalsOf(const Row& r) const {
    std::vector<Interval> iv;
    for (int id : r.lines) AddInterval(&iv, {P_.lines[id].x0, P_.lines[id].x1}, gmin_);
    return iv;
  }

  // Reads `rows` (top to bottom) into units.
  void Region(const std::vector<Row>& rows, int depth) {
    size_t i = 0;
    while (i < rows.size()) {
      std::vector<Interval> occ = IntervalsOf(rows[i]);
      if (occ.size() < 2 || depth >= kMaxDepth) {
        for (int id : rows[i].lines) flow_.push_back(id);
        ++i;
        continue;
      }
      // A region: the following rows as long as its gutters run through
      // all of them. A row that bridges a gutter ends the region (a
      // heading or figure across two of three columns), so columns are
      // never fused.
      size_t j = i + 1;
      while (j < rows.size()) {
        std::vector<Interval> cand = occ;
        for (int id : rows[j].lines) AddInterval(&cand, {P_.lines[id].x0, P_.lines[id].x1}, gmin_);
        if (cand.size() < 2 || cand.size() < occ.size()) break;
        occ = std::move(cand);
        ++j;
      }
      i = Section(rows, i, j, occ, depth);
    }
  }

  int ColumnOf(const std::vector<Interval>& occ, const Line& L) const {
    float c = 0.5f * (L.x0 + L.x1);
    for (size_t k = 0; k < occ.size(); ++k)
      if (c <= occ[k].b) return static_cast<int>(k);
    return static_cast<int>(occ.size()) - 1;
  }

  // Handles rows [i, j) of a region with columns `occ`; returns the index
  // of the first row it did not consume.
  size_t Section(const std::vector<Row>& rows, size_t i, size_t j,
                 const std::vector<Interval>& occ, int depth) {
    const int ncols = static_cast<int>(occ.size());
    std::vector<float> right(ncols, 0);
    for (size_t r = i; r < j; ++r)
      for (int id : rows[r].lines) {
        int c = ColumnOf(occ, P_.lines[id]);
        right[c] = std::max(right[c], P_.lines[id].x1);
      }
    // The pitch of wrapped lines: the smallest baseline step between
    // successive lines of one column. Rows of a table are often a little
    // further apart (cell padding), which tells a new row from the next
    // line of a cell.
    // Kept per column and font size: a list set smaller than the body
    // beside it has its own pitch.
    std::vector<int> last(ncols, -1);  // last line seen per column
    struct Pitch {
      int col;
      float size;
      float pitch;
    };
    std::vector<Pitch> pitches;
    auto pitch_of = [&](int c, float size) -> float* {
      for (Pitch& p : pitches)
        if (p.col == c && p.size == SizeKey(size)) return &p.pitch;
      pitches.push_back({c, SizeKey(size), 1e9f});
      return &pitches.back().pitch;
    };
    for (size_t r = i; r < j; ++r)
      for (int id : rows[r].lines) {
        const Line& L = P_.lines[id];
        int c = ColumnOf(occ, L);
        if (last[c] >= 0 && SizeKey(P_.lines[last[c]].size) == SizeKey(L.size)) {
          float d = L.base - P_.lines[last[c]].base;
          float* p = pitch_of(c, L.size);
          if (d > 0.5f * L.size) *p = std::min(*p, d);
        }
        last[c] = id;
      }
    // Which lines start something (are not the wrap of the line above in
    // their column)? Then: do the columns start their lines together? Of
    // the side-by-side pairs of lines where one starts something, a table
    // has both start (a new row); columns of running text start their
    // paragraphs independently.
    std::fill(last.begin(), last.end(), -1);
    std::vector<size_t> last_row(ncols, 0);
    std::vector<char>& starts = starts_;
    std::vector<char> cont_row(j - i, 0);  // every line of the row is a wrap of the row above
    int synced = 0, total = 0, both_wrap = 0;
    // Per column, with the column to its right: rows where both have a
    // line, and of those the rows where one line goes on a text and the
    // other starts something.
    std::vector<int> together(ncols, 0), one_wraps(ncols, 0);
    for (size_t r = i; r < j; ++r) {
      bool all_wrap = r > i;
      int prev_id = -1;
      for (int id : rows[r].lines) {
        int c = ColumnOf(occ, P_.lines[id]);
        // A capital after a full line is a wrap only at the tightest pitch
        // (Word varies the pitch a little between paragraphs, so a line
        // going on in lower case or after a hyphen is a wrap regardless).
        bool wrap = false;
        if (last[c] >= 0) {
          const Line& a = P_.lines[last[c]];
          const Line& b = P_.lines[id];
          wrap = IsWrap(a, b, right[c]) &&
                 (StartsLower(b.text) || EndsWith(a.text, "-") ||
                  b.base - a.base <= *pitch_of(c, b.size) * 1.02f + 0.2f + P_.pitch_slack);
        }
        starts[id] = !wrap;
        if (!wrap || last_row[c] + 1 != r) all_wrap = false;
        if (prev_id >= 0) {
          int pc = ColumnOf(occ, P_.lines[prev_id]);
          ++together[pc];
          if (starts[prev_id] != starts[id]) ++one_wraps[pc];
          if (starts[prev_id] || starts[id]) {
            ++total;
            if (starts[prev_id] && starts[id]) ++synced;
          } else {
            ++both_wrap;
          }
        }
        prev_id = id;
        last[c] = id;
        last_row[c] = r;
      }
      cont_row[r - i] = all_wrap;
    }
    // Side-by-side lines that both go on a wrapped text are the mark of
    // running text; a table has more rows starting together than that.
    // A single pair is no evidence, unless the region is one row. A row
    // with two lines in one column (text columns under a figure that spans
    // two of them, beside a third column running down the page) makes the
    // region columns of columns: each is read on its own, recursively.
    bool nested = false;
    for (size_t r = i; r < j && !nested; ++r) {
      int prev_col = -1;
      for (int id : rows[r].lines) {
        int c = ColumnOf(occ, P_.lines[id]);
        if (c == prev_col) nested = true;
        prev_col = c;
      }
    }
    // Two columns side by side whose lines mostly do not start together
    // run on their own: running text beside a table or a figure's labels.
    // Such a pair is a cut; the columns between cuts are read together.
    bool independent = false;
    std::vector<char> cut(ncols, 0);  // a cut after column c
    for (int c = 0; c < ncols; ++c)
      if (together[c] >= 3 && one_wraps[c] * 3 >= together[c] * 2) cut[c] = independent = true;
    const bool table = !nested && !independent &&
                       (j - i == 1 || (synced >= 2 && synced * 10 >= total * 6 && synced > both_wrap));
    if (!table) {
      // Text in columns: each column on its own, left to right (or each
      // group of columns between cuts).
      if (!independent) std::fill(cut.begin(), cut.end(), 1);
      FlushFlow();
      for (int c0 = 0; c0 < ncols;) {
        int c1 = c0;
        while (c1 + 1 < ncols && !cut[c1]) ++c1;
        std::vector<Row> sub;
        for (size_t r = i; r < j; ++r) {
          Row k;
          for (int id : rows[r].lines) {
            int c = ColumnOf(occ, P_.lines[id]);
            if (c >= c0 && c <= c1) k.lines.push_back(id);
          }
          if (!k.lines.empty()) sub.push_back(std::move(k));
        }
        Region(sub, depth + 1);
        FlushFlow();
        c0 = c1 + 1;
      }
      return j;
    }
    // A table. Its rows are told apart by cell padding where it has any:
    // the step from a row to the next ("row step", the smallest step onto
    // a row with two or more cells) is then larger than the line pitch of
    // a cell, and a line at the line pitch below a line of its column goes
    // on that cell, wherever its text would have fitted (a cell's right
    // edge is not known; a column's widest line may belong to another
    // table set in the same columns).
    auto base_of = [&](size_t r) { return P_.lines[rows[r].lines.front()].base; };
    float row_step = 1e9f;
    for (size_t r = i + 1; r < j; ++r)
      if (rows[r].lines.size() >= 2 && !cont_row[r - i])
        row_step = std::min(row_step, base_of(r) - base_of(r - 1));
    // The line pitch of cells at a size: the tightest of any column (a
    // column of one-line cells only knows the row step).
    auto cell_pitch = [&](float size) {
      float p = 1e9f;
      for (int c = 0; c < ncols; ++c) p = std::min(p, *pitch_of(c, size));
      return p;
    };
    auto padded = [&](const Line& L, int) {
      return row_step < 1e8f && row_step > cell_pitch(L.size) * 1.02f + 0.2f + 0.1f * L.size;
    };
    std::vector<int> above(ncols, -1);
    for (size_t r = i; r < j; ++r) {
      bool all_cont = r > i;
      for (int id : rows[r].lines) {
        const Line& L = P_.lines[id];
        int c = ColumnOf(occ, L);
        bool cont = false;
        if (above[c] >= 0 && padded(L, c) && L.marker.empty()) {
          const Line& a = P_.lines[above[c]];
          cont = L.base - a.base <= cell_pitch(L.size) * 1.02f + 0.2f &&
                 (std::fabs(L.x0 - a.x0) <= L.size || std::fabs(L.x0 - a.text_x0) <= L.size) &&
                 !OpensItem(a, L, right[c]);
        }
        all_cont = all_cont && cont;
      }
      if (all_cont) cont_row[r - i] = 1;
      std::fill(above.begin(), above.end(), -1);
      for (int id : rows[r].lines) above[ColumnOf(occ, P_.lines[id])] = id;
    }
    // It ends after its last row with two or more cells, plus the rows
    // that wrap on from there and rows one row step further down (a row
    // whose other cells are empty); what follows is left to the caller.
    size_t core_end = i;
    for (size_t r = i; r < j; ++r)
      if (rows[r].lines.size() >= 2) core_end = r;
    size_t end = core_end + 1;
    while (end < j) {
      const Line& L = P_.lines[rows[end].lines.front()];
      const int c = ColumnOf(occ, L);
      const bool next_row = !cont_row[end - i] && padded(L, c) &&
                            std::fabs(base_of(end) - base_of(end - 1) - row_step) <= 0.1f * L.size;
      if (!cont_row[end - i] && !next_row) break;
      ++end;
    }
    // A lone line between rows, further from both than the row step, is a
    // paragraph between two tables set in the same columns ("Lukket").
    auto between = [&](size_t r) {
      if (r == i || r + 1 >= end || rows[r].lines.size() != 1 || cont_row[r - i]) return false;
      const Line& L = P_.lines[rows[r].lines.front()];
      const float slack = row_step + 0.3f * L.size;
      return padded(L, ColumnOf(occ, L)) && base_of(r) - base_of(r - 1) > slack &&
             base_of(r + 1) - base_of(r) > slack;
    };
    FlushFlow();
    Unit u;
    u.is_table = true;
    u.table.cols = ncols;
    for (size_t r = i; r < end; ++r) {
      if (between(r)) {
        if (!u.table.rows.empty()) P_.units.push_back(std::move(u));
        u = Unit();
        u.is_table = true;
        u.table.cols = ncols;
        flow_ = rows[r].lines;
        FlushFlow();
        continue;
      }
      if (u.table.rows.empty() || !cont_row[r - i]) u.table.rows.emplace_back(ncols);
      auto& cells = u.table.rows.back();
      for (int id : rows[r].lines) {
        int c = ColumnOf(occ, P_.lines[id]);
        P_.lines[id].right = right[c];
        cells[c].push_back(id);
      }
    }
    if (!u.table.rows.empty()) P_.units.push_back(std::move(u));
    return end;
  }

  PageData& P_;
  float gmin_ = 3;
  std::vector<char> starts_;  // per line: starts a paragraph or cell (Section)
  std::vector<int> flow_;
};

// ------------------------------------------------------------ paragraphs

// The left edges of a table's columns, over all its lines.
std::vector<float> ColumnStarts(const PageData& P, const Table& t) {
  std::vector<float> x0(t.cols, 1e9f);
  for (const auto& row : t.rows)
    for (size_t c = 0; c < row.size(); ++c)
      for (int id : row[c]) x0[c] = std::min(x0[c], P.lines[id].x0);
  return x0;
}

// A table row cut by a page break: the page ended in a table (its columns'
// left edges `x0`) and `first`, the first unit of the next page, is a
// flow whose every line sits in one column c of that table, left-aligned
// with it and set in the size of the table's last row (`size`) ("Orientering og oplæg -" | page | "Opfølgende analyse af" ...).
// It is that cell going on when c is not the first column (body text
// starts at the left margin) or when the table goes on right after
// (`after`, with a column at the same place). Returns c, or -1.
int ContinuedCell(const PageData& P, const Unit& first, const Unit* after,
                  const std::vector<float>& x0, float size) {
  if (first.is_table || first.flow.empty() || x0.size() < 2) return -1;
  const Line& head = P.lines[first.flow.front()];
  const float tol = 0.8f * head.size;
  int c = -1;
  for (size_t k = 0; k < x0.size(); ++k)
    if (std::fabs(head.x0 - x0[k]) <= tol) c = static_cast<int>(k);
  if (c < 0) return -1;
  const float limit = c + 1 < static_cast<int>(x0.size()) ? x0[c + 1] : 1e9f;
  for (int id : first.flow) {
    const Line& L = P.lines[id];
    if (std::fabs(L.x0 - x0[c]) > tol || L.x1 > limit || !L.marker.empty() ||
        std::fabs(L.size - size) > 0.12f * size)
      return -1;
  }
  if (c > 0) return c;
  if (after == nullptr || !after->is_table || after->table.cols != static_cast<int>(x0.size()))
    return -1;
  std::vector<float> a0 = ColumnStarts(P, after->table);
  return std::fabs(a0[c] - x0[c]) <= tol ? c : -1;
}

struct Pending {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;
  std::vector<std::string> cells;
  int page = 0;
  float size = 0;
  bool bold = false;
  bool italic = false;
  bool gap_before = false;
  int lines = 0;
  std::string marker;
  int low_confidence = 0;
};

}  // namespace

// ------------------------------------------------------------ public helpers

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

// "Side 3 af 31", "side 3", "Page 2 of 9", "1/3", "2 of 5", "s. 4": the
// label and of-words from rules/page_number_labels.txt and page_number_of.txt.
std::string PageNumberPattern() {
  auto alternation = [](const std::vector<std::string>& words) {
    std::string alt;
    for (const std::string& w : words) alt += (alt.empty() ? "" : "|") + re2::RE2::QuoteMeta(w);
    return alt;
  };
  const std::string labels = alternation(Rules().Lines("page_number_labels"));
  const std::string of = alternation(Rules().Lines("page_number_of"));
  const std::string of_or_slash = of.empty() ? "/" : of + "|/";
  const std::string count = R"(\s*\d{1,4}(?:\s*(?:)" + of_or_slash + R"()\s*\d{1,4})?)";
  std::string re = R"((?i)(?:)";
  if (!labels.empty()) re += "(?:" + labels + ")" + count + "|";
  re += R"(\d{1,4}\s*(?:)" + of_or_slash + R"()\s*\d{1,4}))";
  return re;
}

bool IsPageNumberLine(std::string_view text, bool bare_ok) {
  static const re2::RE2 kLabelled(PageNumberPattern());
  // "7", "- 7 -", "– 7 –".
  static const re2::RE2 kBare(R"((?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?)");
  re2::StringPiece s(text.data(), text.size());
  if (re2::RE2::FullMatch(s, kLabelled)) return true;
  return bare_ok && re2::RE2::FullMatch(s, kBare);
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

// ------------------------------------------------------------ Layout

struct Layout::Impl {
  std::vector<PageData> pages;
  int with_text = 0;
  int ocr_pages = 0;
  std::vector<std::pair<size_t, int>> low_confidence;

  // Usual baseline pitch per font size (key: SizeKey), learnt from flows.
  std::map<float, float> pitch;
  float body_size = 0;

  float ParaPitch(float size) const {
    auto it = pitch.find(SizeKey(size));
    if (it == pitch.end()) return kDefaultPitch * size;
    return it->second * kParagraphPitch + 0.5f;
  }

  void LearnStyle();
  void Emit(std::vector<Pending>* out);
};

void Layout::Impl::LearnStyle() {
  std::map<float, std::map<int, int>> hist;  // size -> pitch*4 -> count
  std::map<float, size_t> chars;
  for (const PageData& P : pages) {
    for (const Unit& u : P.units) {
      if (u.is_table) {
        for (const auto& row : u.table.rows)
          for (const auto& cell : row)
            for (int id : cell) chars[SizeKey(P.lines[id].size)] += P.lines[id].text.size();
        continue;
      }
      for (size_t k = 0; k < u.flow.size(); ++k) {
        const Line& b = P.lines[u.flow[k]];
        chars[SizeKey(b.size)] += b.text.size();
        if (k == 0) continue;
        const Line& a = P.lines[u.flow[k - 1]];
        if (std::fabs(a.size - b.size) > 0.05f * b.size) continue;
        if (b.x0 > a.x1 || b.x1 < a.x0) continue;
        float d = b.base - a.base;
        if (d < 0.9f * b.size || d > 2.5f * b.size) continue;
        hist[SizeKey(b.size)][static_cast<int>(std::lround(d * 4))]++;
      }
    }
  }
  for (const auto& [size, h] : hist) {
    int best = 0, count = 0;
    for (const auto& [q, c] : h) {
      // OCR baselines fall on whole pixels (0.36 pt at 200 dpi), so one
      // pitch spreads over neighbouring quarter points: count the bins
      // within half a point together. A text layer's pitches are exact.
      int n = c;
      if (ocr_pages > 0)
        for (auto it = h.lower_bound(q - 2); it != h.end() && it->first <= q + 2; ++it)
          n += it->first == q ? 0 : it->second;
      if (n > count) {
        best = q;
        count = n;
      }
    }
    if (count >= 2) pitch[size] = best / 4.0f;
  }
  size_t most = 0;
  for (const auto& [size, n] : chars)
    if (n > most) {
      most = n;
      body_size = size;
    }
}

void Layout::Impl::Emit(std::vector<Pending>* out) {
  // The paragraph being built, and its last line.
  Pending cur;
  bool open = false;
  const Line* prev = nullptr;
  float block_x0 = 0;  // left edge of the block's text lines
  auto close = [&]() {
    std::string marker;
    bool dash_like;
    // A bullet with no text after it (an empty list item) says nothing.
    if (open && !cur.text.empty() && !BulletMarker(cur.text, &marker, &dash_like))
      out->push_back(std::move(cur));
    cur = Pending();
    open = false;
  };
  // A table that ends its page, where a cell cut by the page break goes on
  // at the top of the next (see ContinuedCell).
  int carry_page = -1;
  size_t carry_row = 0;
  std::vector<float> carry_x0;
  for (const PageData& P : pages) {
    for (size_t ui = 0; ui < P.units.size(); ++ui) {
      const Unit& u = P.units[ui];
      if (ui == 0 && carry_page == P.number - 1 && !u.is_table) {
        const Unit* after = ui + 1 < P.units.size() ? &P.units[ui + 1] : nullptr;
        int c = ContinuedCell(P, u, after, carry_x0, (*out)[carry_row].size);
        if (c >= 0) {
          std::string& cell = (*out)[carry_row].cells[c];
          for (int id : u.flow) AppendLineText(&cell, P.lines[id].text);
          carry_page = -1;
          continue;
        }
      }
      carry_page = -1;
      if (u.is_table) {
        close();
        prev = nullptr;
        // Per column, the right ends of its lines, to tell a column's real
        // text edge from the end of its longest line.
        std::vector<std::pair<float, float>> ends(u.table.cols, {-1e9f, -1e9f});
        for (const auto& row : u.table.rows)
          for (size_t c = 0; c < row.size(); ++c)
            for (int id : row[c]) {
              float x1 = P.lines[id].x1;
              auto& [first, second] = ends[c];
              if (x1 > first) {
                second = first;
                first = x1;
              } else if (x1 > second) {
                second = x1;
              }
            }
        for (const auto& row : u.table.rows) {
          Pending t;
          t.kind = BlockKind::kTableRow;
          t.page = P.number;
          t.gap_before = true;
          bool all_bold = true, any = false;
          for (size_t c = 0; c < row.size(); ++c) {
            const auto& cell = row[c];
            std::string text;
            const Line* above = nullptr;
            for (int id : cell) {
              const Line& L = P.lines[id];
              std::string part = L.marker.empty() ? L.text : L.marker + " " + L.text;
              if (above != nullptr && IsForcedBreak(*above, L, ends[c])) {
                text += part;
              } else {
                AppendLineText(&text, part);
              }
              above = &L;
              all_bold = all_bold && L.bold;
              t.low_confidence += L.low_confidence;
              if (!any) t.size = L.size;
              any = true;
            }
            t.cells.push_back(std::move(text));
          }
          t.bold = any && all_bold;
          out->push_back(std::move(t));
        }
        if (ui + 1 == P.units.size()) {
          carry_page = P.number;
          carry_row = out->size() - 1;
          carry_x0 = ColumnStarts(P, u.table);
        }
        continue;
      }
      for (size_t k = 0; k < u.flow.size(); ++k) {
        const Line& L = P.lines[u.flow[k]];
        const bool new_unit = k == 0;
        bool joins = false;
        bool gap = true;
        // The weight changes at a line break (a bold heading, then regular
        // text), not inside a line that mixes them.
        const bool same_weight =
            prev != nullptr && (L.bold == prev->bold || ((prev->mixed || L.mixed) &&
                                                         prev->bold_last == L.bold_first));
        if (open && prev != nullptr && L.marker.empty() && !OpensItem(*prev, L, prev->right) &&
            same_weight &&
            std::fabs(L.size - prev->size) <= 0.12f * std::max(L.size, prev->size)) {
          // Did `prev` end because the line was full? Its next word would
          // not have fitted; ragged-right setting (InDesign) breaks early,
          // so a line starting in lower case also goes on a sentence. One
          // word followed by a capital is a list of values.
          const bool geometric = prev->x1 + kSpace * prev->size + L.first_w > prev->right - 0.5f;
          const bool lower = StartsLower(L.text);
          const bool one_word = prev->text.find(' ') == std::string::npos;
          const bool nearly_full = prev->right - prev->x1 <= kNearlyFull * (prev->right - prev->x0);
          // The lines of a title set large and bold, often centred: one
          // heading ("Politik / for / Kultur og Fritid").
          const bool title = L.bold && L.size >= body_size * kHeadingSize && cur.lines < kTitleMaxLines &&
                             !EndsClause(prev->text);
          const bool wrapped = (geometric && (!one_word || lower)) ||
                               (lower && nearly_full && !new_unit) || (title && !new_unit);
          if (!new_unit) {
            float pitch_now = L.base - prev->base;
            gap = pitch_now > ParaPitch(L.size);
            bool overlap = L.x0 <= prev->x1 && L.x1 >= prev->x0;
            float tol = 0.8f * L.size;
            bool aligned;
            if (!cur.marker.empty()) {
              aligned = L.x0 >= block_x0 - tol && L.x0 <= prev->text_x0 + tol;
            } else {
              // Same left edge, or the first line was indented.
              aligned = std::fabs(L.x0 - prev->x0) <= tol || std::fabs(L.x0 - prev->text_x0) <= tol ||
                        (cur.lines == 1 && L.x0 < prev->x0);
            }
            joins = wrapped && !gap && pitch_now > 0.3f * L.size && overlap && (aligned || title);
          } else {
            // Across a column or page break: only an obviously unfinished
            // sentence continues ("... og" / "sam-" + "men ...").
            // An ordinal ends a line mid-sentence too ("fem områder: 1.
            // organisering, 2." / "medarbejdere, 3. ...").
            UChar32 last = LastCodePoint(prev->text);
            std::string_view last_word = LastWord(prev->text);
            const bool ordinal = last_word.size() >= 2 && last_word.size() <= 4 &&
                                 last_word.back() == '.' &&
                                 std::all_of(last_word.begin(), last_word.end() - 1,
                                             [](char c) { return c >= '0' && c <= '9'; });
            joins = wrapped && (StartsLower(L.text) &&
                                (last == '-' || last == ',' || last == ';' || u_islower(last) ||
                                 ordinal));
          }
        }
        if (joins) {
          AppendLineText(&cur.text, L.text);
          ++cur.lines;
          cur.low_confidence += L.low_confidence;
          cur.bold = cur.bold && L.bold;
          cur.italic = cur.italic && L.italic;
        } else {
          close();
          open = true;
          cur.page = P.number;
          cur.text = L.text;
          cur.size = L.size;
          cur.bold = L.bold;
          cur.italic = L.italic;
          cur.lines = 1;
          cur.low_confidence = L.low_confidence;
          cur.marker = L.marker;
          cur.kind = L.marker.empty() ? BlockKind::kParagraph : BlockKind::kListItem;
          cur.gap_before = gap || new_unit;
          block_x0 = L.x0;
        }
        prev = &L;
      }
    }
  }
  close();
}

Layout::Layout() : impl_(std::make_unique<Impl>()) {}
Layout::~Layout() = default;

void Layout::AddPage(const Page& page, int page_number) {
  impl_->pages.push_back(BuildLines(page, page_number));
  if (page.ocr) ++impl_->ocr_pages;
  if (!impl_->pages.back().lines.empty()) ++impl_->with_text;
}

int Layout::pages_with_text() const { return impl_->with_text; }

const std::vector<std::pair<size_t, int>>& Layout::low_confidence_blocks() const {
  return impl_->low_confidence;
}

Status Layout::Finish(DocumentBuilder* out) {
  Impl& m = *impl_;
  MarkRunning(m.pages);
  for (PageData& P : m.pages) {
    if (DeadlineExpired()) return Status::Timeout("the time limit passed while laying out pages");
    Orderer(&P).Run();
  }
  m.LearnStyle();
  std::vector<Pending> blocks;
  m.Emit(&blocks);

  // Heading levels: distinct heading sizes above the body size, largest
  // first; bold headings at body size come after them.
  std::vector<float> sizes;
  auto is_heading = [&](const Pending& b) {
    if (b.kind != BlockKind::kParagraph || b.text.size() > kHeadingMaxBytes) return false;
    const bool larger = b.size >= m.body_size * kHeadingSize;
    if (b.lines > (larger ? kTitleMaxLines : kHeadingMaxLines)) return false;
    return b.bold || larger;
  };
  for (const Pending& b : blocks)
    if (is_heading(b) && b.size >= m.body_size * kHeadingSize) sizes.push_back(SizeKey(b.size));
  std::sort(sizes.begin(), sizes.end(), std::greater<float>());
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());

  for (Pending& b : blocks) {
    Block proto;
    proto.kind = b.kind;
    proto.page = b.page;
    proto.bold = b.bold;
    proto.italic = b.italic;
    proto.font_size = b.size;
    proto.gap_before = b.gap_before;
    if (b.kind == BlockKind::kTableRow) {
      if (out->AddRow(b.cells, proto) && b.low_confidence > 0)
        m.low_confidence.emplace_back(out->doc().blocks.size() - 1, b.low_confidence);
      continue;
    }
    if (is_heading(b)) {
      proto.kind = BlockKind::kHeading;
      int level = static_cast<int>(sizes.size()) + 1;
      if (b.size >= m.body_size * kHeadingSize) {
        auto it = std::find(sizes.begin(), sizes.end(), SizeKey(b.size));
        level = static_cast<int>(it - sizes.begin()) + 1;
      }
      proto.heading_level = std::min(level, 6);
    }
    if (b.kind == BlockKind::kListItem) proto.list_marker = b.marker;
    if (out->Add(b.text, proto) && b.low_confidence > 0)
      m.low_confidence.emplace_back(out->doc().blocks.size() - 1, b.low_confidence);
  }
  return Status::Ok();
}

std::string Layout::Describe() const {
  std::string out;
  char buf[160];
  for (const PageData& P : impl_->pages) {
    std::snprintf(buf, sizeof buf, "=== page %d\n", P.number);
    out += buf;
    for (const Line& L : P.lines)
      if (L.running) out += "  running: " + L.text + "\n";
    for (const Unit& u : P.units) {
      auto line = [&](int id, const char* prefix) {
        const Line& L = P.lines[id];
        std::snprintf(buf, sizeof buf, "%s[%6.1f %6.1f %6.1f b%6.1f s%4.1f r%6.1f%s%s] ", prefix, L.x0,
                      L.x1, L.y0, L.base, L.size, L.right, L.bold ? " B" : "", L.italic ? " I" : "");
        out += buf;
        out += L.marker.empty() ? L.text : L.marker + " " + L.text;
        out += "\n";
      };
      if (u.is_table) {
        std::snprintf(buf, sizeof buf, "  TABLE %d cols\n", u.table.cols);
        out += buf;
        for (const auto& row : u.table.rows) {
          out += "    ROW\n";
          for (size_t c = 0; c < row.size(); ++c)
            for (int id : row[c]) line(id, c == 0 ? "      c0 " : "      c+ ");
        }
      } else {
        out += "  FLOW\n";
        for (int id : u.flow) line(id, "    ");
      }
    }
  }
  return out;
}

}  // namespace referat::pdf
