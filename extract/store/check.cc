// `referat check --db`: is the file sound? SQLite's own integrity check,
// the foreign keys, each FTS index against its stored content, FTS rows
// whose item or document is gone, and each document's stored JSON.
#include "store/danish_tokenizer.h"
#include "store/store_impl.h"

namespace referat {

using store::Stmt;

Result<Store::CheckReport> Store::Check() {
  sqlite3* db = impl_->db;
  CheckReport report;
  std::vector<std::string>& problems = report.problems;
  // Runs a query whose rows are problems (the first column, as text);
  // `ok_row` is a row that means "no problem" (integrity_check's "ok").
  auto rows = [&](const std::string& label, const char* sql, const char* ok_row) -> Status {
    Stmt st;
    if (Status s = st.Prepare(db, sql); !s.ok()) {
      problems.push_back(label + ": " + s.message());
      return Status::Ok();
    }
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      std::string v = st.Text(0);
      if (ok_row && v == ok_row) continue;
      problems.push_back(label + ": " + v);
    }
    if (rc != SQLITE_DONE) problems.push_back(label + ": " + st.Error(rc).message());
    return Status::Ok();
  };
  (void)rows("integrity_check", "PRAGMA integrity_check(100)", "ok");
  (void)rows("foreign_key_check",
             "SELECT \"table\" || ' row ' || rowid || ' references a missing ' || parent "
             "FROM pragma_foreign_key_check",
             nullptr);
  // FTS5's own check compares each index with the content it stores. It is
  // spelled as an INSERT and, though it writes nothing, SQLite refuses it
  // on a read-only connection; so it runs on a second, writable connection
  // that changes no setting (not even the journal mode), when the file can
  // be opened for writing at all.
  sqlite3* rw = db;
  if (impl_->read_only) {
    rw = nullptr;
    if (sqlite3_open_v2(impl_->path.c_str(), &rw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK ||
        !store::RegisterDanishTokenizer(rw).ok() ||
        store::Exec(rw, "SELECT count(*) FROM sqlite_schema").code() != ErrorCode::kOk ||
        sqlite3_db_readonly(rw, "main") != 0) {  // SQLite opens a protected file read-only
      sqlite3_close_v2(rw);
      rw = nullptr;
    }
    if (rw) sqlite3_busy_timeout(rw, 10000);
  }
  if (rw) {
    for (const char* t : {"items_fts", "documents_fts", "names_fts"}) {
      std::string sql =
          std::string("INSERT INTO ") + t + "(" + t + ") VALUES ('integrity-check')";
      if (Status s = store::Exec(rw, sql); !s.ok())
        problems.push_back(std::string(t) + ": " + s.message());
    }
    if (rw != db) sqlite3_close_v2(rw);
  } else {
    report.notes.push_back(
        "the full-text indexes were not compared with their content: that check needs a "
        "writable file (it writes nothing); copy the store somewhere writable to run it");
  }
  (void)rows("items_fts",
             "SELECT 'row ' || rowid || ' has no agenda item' FROM items_fts "
             "WHERE rowid > 0 AND rowid NOT IN (SELECT id FROM agenda_items) UNION ALL "
             "SELECT 'row ' || rowid || ' has no passage' FROM items_fts "
             "WHERE rowid < 0 AND -rowid NOT IN (SELECT id FROM passages)",
             nullptr);
  (void)rows("documents_fts",
             "SELECT 'row ' || rowid || ' has no document' FROM documents_fts "
             "WHERE rowid NOT IN (SELECT id FROM documents)",
             nullptr);
  (void)rows("names_fts",
             "SELECT 'row ' || rowid || ' has no attendance row' FROM names_fts "
             "WHERE rowid NOT IN (SELECT id FROM attendance)",
             nullptr);
  Stmt docs;
  if (Status s = docs.Prepare(db, "SELECT id, sha256, json FROM documents ORDER BY id"); !s.ok())
    return s;
  int rc;
  while ((rc = docs.Step()) == SQLITE_ROW) {
    std::string p = DocumentJsonProblem(docs.Text(1), docs.Text(2), true);
    if (!p.empty()) problems.push_back("documents row " + std::to_string(docs.Int(0)) + ": " + p);
  }
  if (rc != SQLITE_DONE) problems.push_back("documents: " + docs.Error(rc).message());
  return report;
}

}  // namespace referat
