// Passages: a document without agenda items (a report, a letter) is
// searched by parts, so a hit is ranked by the part that matches and points
// at that part's place and page, not at the whole text. The parts follow
// the report's sections (every heading starts one) and are cut further
// where a section is long, at a line break where there is one.
#ifndef REFERAT_STORE_PASSAGES_H_
#define REFERAT_STORE_PASSAGES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "referat/status.h"
#include "store/sqlite.h"

namespace referat::store {

// A passage: bytes [start, end) of the normalized text and the page it
// starts on (0 when the source is not paged or the page is not known).
struct Passage {
  size_t start = 0, end = 0;
  int page = 0;
};

// A passage is at most this many bytes (a section of a few paragraphs):
// long enough for bm25 to weigh a word against its neighbours, short enough
// that the passage's place says where the match is.
inline constexpr size_t kMaxPassageBytes = 2000;

// The passages of `text`, in order, covering it (passages of white space
// alone are left out). `record` is the document's contract JSON: its
// report sections give the cuts; every value placed on a page (sections,
// figures, targets, warnings) gives the pages: a passage's page is the page
// of a value that starts where it does, or of the values on both sides of
// its start when they agree.
std::vector<Passage> SplitPassages(std::string_view text, const nlohmann::json& record);

// (start, page) of every object with a span that has a page in `j`, sorted.
std::vector<std::pair<size_t, int>> PagedStarts(const nlohmann::json& j);

// The page at byte `at` by those starts (0 when they do not settle it).
int PageAt(const std::vector<std::pair<size_t, int>>& starts, size_t at);

// Writes the passages of one document and their items_fts rows (rowid
// -passages.id; the title in the first passage's row), inside the caller's
// transaction.
class PassageWriter {
 public:
  Status Write(sqlite3* db, int64_t document_id, std::string_view title, std::string_view text,
               const nlohmann::json& record);

 private:
  Stmt insert_, insert_fts_, delete_fts_row_;
};

}  // namespace referat::store

#endif  // REFERAT_STORE_PASSAGES_H_
