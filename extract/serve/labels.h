// The pages' wording, from extract/serve/labels.da.tsv (compiled in).
#ifndef REFERAT_SERVE_LABELS_H_
#define REFERAT_SERVE_LABELS_H_

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

namespace referat::serve {

// The text of `key` with {1}, {2}, ... replaced by `args` (not escaped:
// the caller escapes for HTML). A key the file lacks gives "⟦key⟧", so a
// missing label is visible on the page and in the tests.
std::string L(std::string_view key, std::initializer_list<std::string_view> args = {});

// Every label, parsed from `tsv` (KEY<TAB>TEXT lines; '#' comments). For
// the tests.
std::map<std::string, std::string, std::less<>> ParseLabels(std::string_view tsv);

// The embedded labels.da.tsv (generated labels_data.cc).
extern const char* const kLabelsTsv;

}  // namespace referat::serve

#endif  // REFERAT_SERVE_LABELS_H_
