// Reports (plans, annual reports, policies, evaluations, notes): title,
// organisation and period when stated, and the sections the reader marked
// as headings. Never agenda items.
#ifndef REFERAT_ANALYZE_REPORT_H_
#define REFERAT_ANALYZE_REPORT_H_

#include "analyze/context.h"
#include "referat/record.h"

namespace referat::analyze {

// The index of the block that is the document's title, or SIZE_MAX: the
// largest type on the first page when the reader knows font sizes, else the
// first heading, else the first bold line, else the first short line.
size_t TitleBlock(const Context& ctx);

// The headings a report's sections would open at: the reader's headings;
// without any, bold short lines over a paragraph; in plain text, short
// lines standing alone over a paragraph.
size_t CountHeadings(const Context& ctx);

Report ExtractReport(const Context& ctx);

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_REPORT_H_
