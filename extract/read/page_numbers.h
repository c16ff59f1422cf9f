// Page numbers as lines of their own ("Side 3 af 31", "Page 2 of 9",
// "1/3", "2 of 5", "s. 4", and with `bare_ok` "7" or "- 7 -"): page
// furniture that the PDF reader drops from the header and footer zones and
// the text reader from a page's first and last line. The label and of-words
// are rules/page_number_labels.txt and page_number_of.txt.
#ifndef REFERAT_READ_PAGE_NUMBERS_H_
#define REFERAT_READ_PAGE_NUMBERS_H_

#include <string_view>

namespace referat {

// True for a line that is only a page number. `bare_ok` admits a bare
// number ("7", "- 7 -"), which counts only where a page's furniture stands.
bool IsPageNumberLine(std::string_view text, bool bare_ok);

}  // namespace referat

#endif  // REFERAT_READ_PAGE_NUMBERS_H_
