// Store::Impl, shared by the files of the store. Not a public header.
#ifndef REFERAT_STORE_STORE_IMPL_H_
#define REFERAT_STORE_STORE_IMPL_H_

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "referat/batch.h"  // FileStamp: a file whose size and mtime equal its `files` row is unchanged
#include "referat/store.h"
#include "store/sqlite.h"

namespace referat {

namespace store {

// Steps `st` to its end, calling `row(st)` for each row; returns the last
// code (SQLITE_DONE when every row was read).
template <typename F>
int EachRow(Stmt& st, F&& row) {
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) row(static_cast<const Stmt&>(st));
  return rc;
}

// The span in columns `c` (span_start), c + 1 (span_end), c + 2 (span_page,
// NULL when the document has no pages).
inline Span SpanAt(const Stmt& st, int c) {
  Span s;
  s.start = static_cast<size_t>(st.Int(c));
  s.end = static_cast<size_t>(st.Int(c + 1));
  s.page = st.IsNull(c + 2) ? 0 : static_cast<int>(st.Int(c + 2));
  return s;
}

// A set of row ids that SQL probes with referat_in(:set, id), bound as a
// pointer (sqlite3_bind_pointer): one bit test per candidate, where an
// IN (subquery) set is a B-tree SQLite builds for each statement (90,000
// inserts for a member absent from every item of a 100,000-item store).
class IdSet {
 public:
  static constexpr const char* kType = "referat_idset";
  void Assign(const std::vector<int64_t>& ids);  // any order, duplicates allowed
  // The ids in ascending order, at most `most` of them.
  std::vector<int64_t> Ids(size_t most) const;
  bool Has(int64_t id) const {
    if (id < first_) return false;
    const uint64_t k = static_cast<uint64_t>(id - first_);
    return k / 64 < words_.size() && (words_[k / 64] >> (k % 64) & 1);
  }

 private:
  int64_t first_ = 0;
  std::vector<uint64_t> words_;
};

// The document of an agenda item, for SQL: referat_document(:cursor, id),
// bound as a pointer. The ranked hits of a MATCH come in rowid order, so
// one cursor over the narrow index agenda_items_id_document is stepped
// forward from one item to the next (a few ids ahead) or sought (further
// off, or back), where a join looks each candidate up in agenda_items, whose
// rows carry the items' texts (54,000 lookups for a broad query).
class ItemDocuments {
 public:
  static constexpr const char* kType = "referat_item_documents";
  explicit ItemDocuments(sqlite3* db) : db_(db) {}
  // SQLITE_ROW with *document set, SQLITE_DONE when no item has the id,
  // or an error code.
  int Of(int64_t id, int64_t* document);

 private:
  sqlite3* db_;
  Stmt st_;
  bool on_row_ = false;
  int64_t at_ = 0, document_ = 0;
};

// Registers referat_in(set, id) and referat_document(cursor, id) on `db`
// (search.cc).
Status RegisterSearchFunctions(sqlite3* db);

// What `--absent NAME` lets through: the documents whose meeting someone
// whose name matches was absent from, and the items they were absent from.
struct AbsentSets {
  IdSet documents, items;
};

// Reads the AbsentSets for NAME from the absences table: a name
// matches as names_fts MATCH NameQuery(NAME) would (every word of NAME a
// run of tokens of the name, unicode61 with diacritics kept).
Status ReadAbsent(sqlite3* db, std::string_view name, AbsentSets* out);

// The words of an --absent NAME (split at spaces, tabs and commas).
std::vector<std::string_view> NameWords(std::string_view name);

}  // namespace store

// What storing one file did (see IngestStats).
enum class PutOutcome { kStored, kReplaced, kDuplicate };

struct WriteStatements;  // write.cc

struct Store::Impl {
  sqlite3* db = nullptr;
  std::string path;
  bool read_only = false;
  std::unique_ptr<WriteStatements> write;  // prepared on first write
  std::vector<std::string> notices;        // Store::notices()

  Impl();
  ~Impl();

  // One transaction: stores `record` unless a document with its sha256 is
  // stored already, points files[path] at it with `stamp` and `given_path`
  // (the path as the user named it; files.given_path), deletes the
  // document the path held before if no other path holds it, and clears the
  // path's error. `text` is the normalized text (see Store::Put).
  Status PutFile(const std::string& path, const std::string& given_path, const FileStamp& stamp,
                 const Record& record, const std::optional<std::string>& text,
                 PutOutcome* outcome);

  // One transaction: points files[path] at the stored document with
  // `sha256` (content seen before, at this or another path).
  // Returns kNotFound when no document has that hash.
  Status LinkFile(const std::string& path, const std::string& given_path, const FileStamp& stamp,
                  const std::string& sha256, PutOutcome* outcome);

  // Sets files.given_path of the stored `path` (an unchanged file named
  // another way this time); one UPDATE, nothing else changes.
  Status RespellFile(const std::string& path, const std::string& given_path);

  // One transaction: records a failed file in `errors` (replacing an older
  // error for the path). The document the path held before, if any, stays.
  Status PutError(const std::string& path, const std::optional<FileStamp>& stamp,
                  const Status& status);

  // One transaction: removes the `files` and `errors` rows whose path is
  // `gone`, and the documents no file holds any more (see Store::Prune).
  Status Prune(const std::function<bool(const std::string& path)>& gone, PruneStats* stats);

 private:
  Status Prepare();
  // Inside an open transaction.
  Status InsertDocument(const Record& record, const std::optional<std::string>& text,
                        int64_t* document_id);
  Status Link(const std::string& path, const std::string& given_path, const FileStamp& stamp,
              int64_t document_id, bool* replaced);
  // Deletes a document with its FTS rows; the other rows go by cascade.
  Status DeleteDocument(int64_t document_id);
};

// Why the stored JSON of a documents row is unfit to export ("" if it is a
// JSON object with that sha256; with `schema`, a contract document).
// export.cc; used by Check too.
std::string DocumentJsonProblem(const std::string& sha256, const std::string& json,
                                bool schema);

}  // namespace referat

#endif  // REFERAT_STORE_STORE_IMPL_H_
