// The store's stem exceptions: rules/stem_exceptions.txt from the rulebook
// (so REFERAT_RULES_DIR can try a new row without a rebuild).
#include "rules/rulebook.h"
#include "store/danish_tokenizer.h"

namespace referat::store {

const StemExceptions& DanishStemExceptions() {
  static const StemExceptions* rows = [] {
    StemExceptions out;
    for (const auto& row : Rules().Table("stem_exceptions"))
      if (row.size() >= 2 && !row[0].empty() && !row[1].empty()) out.emplace_back(row[0], row[1]);
    return new StemExceptions(SortStemExceptions(std::move(out)));
  }();
  return *rows;
}

}  // namespace referat::store
