// Running headers, footers and page numbers of the PDF layout: lines in
// the top or bottom zone of the page that recur on enough pages, and lines
// that are only a page number, are marked `running` and left out of the
// body. Internal to the PDF reader; see pdf_lines.h.
#ifndef REFERAT_READ_PDF_RUNNING_H_
#define REFERAT_READ_PDF_RUNNING_H_

#include <vector>

#include "read/pdf_lines.h"

namespace referat::pdf::layout {

// Sets Line::running on every page's running lines.
void MarkRunning(std::vector<PageData>& pages);

}  // namespace referat::pdf::layout

#endif  // REFERAT_READ_PDF_RUNNING_H_
