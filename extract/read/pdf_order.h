// Reading order of a PDF page: rows of lines are cut into regions at
// vertical whitespace ("gutters") that runs through consecutive rows; a
// region whose columns hold flowing text is read column by column, left to
// right, and one whose columns start their lines together (a table) row by
// row, its lines gathered into cells. Internal to the PDF reader; see
// pdf_lines.h.
#ifndef REFERAT_READ_PDF_ORDER_H_
#define REFERAT_READ_PDF_ORDER_H_

#include "read/pdf_lines.h"

namespace referat::pdf::layout {

// Fills page->units (flows and tables) from its rows, leaving out running
// lines, and sets each line's column edge (Line::right).
void OrderPage(PageData* page);

}  // namespace referat::pdf::layout

#endif  // REFERAT_READ_PDF_ORDER_H_
