// Store::Impl, shared by the files of the store. Not a public header.
#ifndef REFERAT_STORE_STORE_IMPL_H_
#define REFERAT_STORE_STORE_IMPL_H_

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

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
  // stored already, points files[path] at it with `stamp`, deletes the
  // document the path held before if no other path holds it, and clears the
  // path's error. `text` is the normalized text (see Store::Put).
  Status PutFile(const std::string& path, const FileStamp& stamp, const Record& record,
                 const std::optional<std::string>& text, PutOutcome* outcome);

  // One transaction: points files[path] at the stored document with
  // `sha256` (content seen before, at this or another path).
  // Returns kNotFound when no document has that hash.
  Status LinkFile(const std::string& path, const FileStamp& stamp, const std::string& sha256,
                  PutOutcome* outcome);

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
  Status Link(const std::string& path, const FileStamp& stamp, int64_t document_id,
              bool* replaced);
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
