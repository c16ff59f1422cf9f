// Extracts each file named on the command line and prints its contract JSON
// as one line, through the installed library's public API only.
#include <iostream>

#include "referat/batch.h"
#include "referat/extract.h"
#include "referat/store.h"

int main(int argc, char** argv) {
  std::vector<std::string> paths(argv + 1, argv + argc);
  referat::BatchOptions options;
  int failed = 0;
  referat::ExtractBatch(paths, options, [&](referat::BatchItem& item) {
    if (item.outcome == referat::BatchItem::kExtracted) {
      std::cout << referat::ToJson(*item.record, false) << "\n";
    } else {
      std::cerr << item.path << ": " << item.status.ToString() << "\n";
      ++failed;
    }
    return true;
  });
  // The store's API is there too; its FTS5 expression for a query:
  std::cerr << referat::MatchExpression("integration") << "\n";
  return failed ? 1 : 0;
}
