// The page model of the PDF layout (pdf_layout.h): a page's words grouped
// into lines and rows, and the reading-order units the orderer cuts them
// into, with the rules about lines that the orderer (pdf_order.cc) and the
// emitter (pdf_layout.cc) share. Internal to the PDF reader.
//
// Files of the layout, in the order a page goes through them:
//   pdf_lines.cc    words -> lines and rows (BuildLines); line predicates;
//                   page numbers, bullets, line-end hyphens
//   pdf_running.cc  running headers, footers and page numbers (MarkRunning)
//   pdf_order.cc    regions, columns and tables: reading order (OrderPage)
//   pdf_layout.cc   lines -> paragraphs, headings, list items, table rows
#ifndef REFERAT_READ_PDF_LINES_H_
#define REFERAT_READ_PDF_LINES_H_

#include <unicode/utf8.h>

#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "read/pdf_poppler.h"

namespace referat::pdf::layout {

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
// The width of a plain space (fonts set it at 0.22 to 0.28 em).
constexpr float kPlainSpace = 0.3f;
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
// A bold body-size block of kTitleMaxLines lines is a heading only up to
// this length (a narrow column's wrapped heading, not a bold paragraph).
constexpr size_t kNarrowHeadingMaxBytes = 120;
// Recursion depth of the region analysis (columns within columns).
constexpr int kMaxDepth = 3;

// ------------------------------------------------------------ text helpers

inline UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

inline UChar32 LastCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c;
}

inline std::string_view FirstWord(std::string_view s) {
  size_t e = s.find(' ');
  return e == std::string_view::npos ? s : s.substr(0, e);
}

inline std::string_view LastWord(std::string_view s) {
  size_t b = s.rfind(' ');
  return b == std::string_view::npos ? s : s.substr(b + 1);
}

inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

inline float SizeKey(float s) { return std::round(s * 2.0f) / 2.0f; }

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

// ------------------------------------------------------------ the steps

// Groups a page's words into rows and lines (left to right, rows top to
// bottom); `number` is the 1-based page number.
PageData BuildLines(const Page& page, int number);

// ------------------------------------------------------ line predicates

bool StartsUpperOrDigit(std::string_view s);
// A short line (at most four words) of capitalized words: a name or list
// entry; two such lines in a row are two entries (see pdf_lines.cc).
bool CapitalizedEntry(std::string_view s);
// Lower case at the start, looking past opening punctuation and a dash
// ("(se bilag)", "”kulturkommune”", "– ikke mindst").
bool StartsLower(std::string_view s);
// Ends in a clause's final punctuation (". : ; ! ? )").
bool EndsClause(std::string_view s);
// True when `next` opens a numbered item after `prev` (see pdf_lines.cc).
bool OpensItem(const Line& prev, const Line& next, float right);
// True when `next` is the wrapped continuation of `prev` in a column whose
// right edge is `right`.
bool IsWrap(const Line& prev, const Line& next, float right);
// True when `above` is a word broken without a hyphen at a table cell's
// edge, so `next` goes on the same word (see pdf_lines.cc).
bool IsForcedBreak(const Line& above, const Line& next, const std::pair<float, float>& ends);

}  // namespace referat::pdf::layout

#endif  // REFERAT_READ_PDF_LINES_H_
