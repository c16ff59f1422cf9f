// From positioned words (pdf_poppler.h's plain structs) to Document blocks:
// lines, columns and tables, reading order, paragraphs, headings, lists,
// running headers and footers, line-end hyphens. Knows nothing of poppler,
// so it is tested with hand-made pages (tests/read_pdf/pdf_layout_test.cc).
//
// What a block is (the contract with the extractors, see document.h):
//   * a paragraph: the lines of one paragraph joined with a space, so a
//     paragraph wrapped over several PDF lines is ONE block, as in the DOCX
//     and text readers. A paragraph ends at a vertical gap, a change of font
//     size or weight, a change of indentation, or a line that ends short
//     (the next line's first word would have fitted on it). A heading like
//     "Beslutning:" set in bold therefore stands alone, and the decision
//     text follows in its own block(s).
//   * a heading (kHeading): a block of at most three lines whose font is
//     larger than the body text or bold (four for a larger font: titles); level 1 for the largest size used
//     by headings, then down, bold body-size headings last (capped at 6).
//   * a list item (kListItem): a paragraph starting with a bullet ("•", "–"
//     set apart from the text, U+F0B7 from Symbol fonts ...); the bullet is
//     in list_marker ("•" for the round ones), not in the text. Numbered
//     items ("1.", "a)") stay paragraphs with the number in the text.
//   * a table row (kTableRow): words on one line standing in separate
//     columns (gaps wider than a word space, in columns that line up over
//     the rows of a region), with a cell per column; a cell wrapped over
//     several lines is one cell.
//
// Reading order: per page, rows of words are cut into regions at vertical
// whitespace ("gutters") that runs through consecutive rows. A region whose
// columns hold flowing text (newspaper columns, a letter's address column
// beside the body) is read column by column, left to right; a region whose
// columns start their lines together (a table) is read row by row.
//
// Running headers and footers: lines in the top or bottom 12% of the page
// that recur at the same height on enough pages (digits ignored, so "Side 3
// af 31" matches "Side 4 af 31"), and lines that are only a page number
// ("2", "- 2 -", "Side 2", "1/3", "2 of 5"), are left out of the body.
//
// Cost: one sort of the words per page, the rest linear in words and lines.
#ifndef REFERAT_READ_PDF_LAYOUT_H_
#define REFERAT_READ_PDF_LAYOUT_H_

#include "read/page_numbers.h"
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "read/pdf_poppler.h"
#include "referat/document.h"
#include "referat/status.h"

namespace referat::pdf {

class Layout {
 public:
  Layout();
  ~Layout();
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;

  // Adds the next page (1-based `page_number`, in order). The words are
  // grouped into lines at once; `page` may be reused by the caller after.
  void AddPage(const Page& page, int page_number);

  // Pages added so far that had at least one word.
  int pages_with_text() const;

  // Orders every page, leaves out running headers and footers and appends
  // the blocks to `out`. Polls the deadline per page (kTimeout).
  Status Finish(DocumentBuilder* out);

  // After Finish: the blocks (index into the builder's blocks) holding OCR
  // words marked low_confidence, with how many such words each holds.
  const std::vector<std::pair<size_t, int>>& low_confidence_blocks() const;

  // After Finish: the reading-order units per page (flows and tables with
  // their lines and boxes), for debugging by eye (tests/read_pdf/pdfdump).
  std::string Describe() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- Pieces exposed for unit tests.

// If `word` is a bullet glyph, the marker to record ("•" for round bullets
// including U+F0B7, else the glyph itself) and true. `dash_like` is set for
// "-", "–", "—", "o", "*", which are bullets only when set apart by a gap.
bool BulletMarker(std::string_view word, std::string* marker, bool* dash_like);

// A numbered-list or item marker standing alone: "1.", "12.", "715.", "a)",
// "1)", "(a)", "iv)".
bool IsNumberMarker(std::string_view word);

// read/page_numbers.h: a line that is only a page number.
using referat::IsPageNumberLine;

// Appends the next line's text to a paragraph's text, deciding what to do
// with a line-end hyphen: "beskæf-" + "tigelse" -> "beskæftigelse";
// "Familie-" + "og" -> "Familie- og"; "EU-" + "midler" -> "EU-midler";
// "2030-" + "fremskrivning" -> "2030-fremskrivning". Otherwise one space.
void AppendLineText(std::string* acc, std::string_view next);

}  // namespace referat::pdf

#endif  // REFERAT_READ_PDF_LAYOUT_H_
