#include "store/sqlite.h"

namespace referat::store {

Status SqlError(sqlite3* db, int rc, std::string_view what) {
  std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string text = msg;
  if (!what.empty()) text += " (in: " + std::string(what.substr(0, 120)) + ")";
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corrupt(msg);
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
      return Status::Unreadable(msg);
    default:
      return Status::Internal(text);
  }
}

Status Exec(sqlite3* db, std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    sqlite3_free(err);
    return SqlError(db, rc, sql);
  }
  return Status::Ok();
}

Status Stmt::Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  db_ = db;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) return SqlError(db, rc, sql);
  return Status::Ok();
}

Status Stmt::Run() {
  int rc;
  while ((rc = Step()) == SQLITE_ROW) {
  }
  Status s = rc == SQLITE_DONE ? Status::Ok() : Error(rc);
  Reset();
  return s;
}

Result<int64_t> QueryInt(sqlite3* db, std::string_view sql) {
  Stmt st;
  if (Status s = st.Prepare(db, sql); !s.ok()) return s;
  int rc = st.Step();
  if (rc == SQLITE_ROW) return st.Int(0);
  if (rc == SQLITE_DONE) return int64_t{0};
  return st.Error(rc);
}

}  // namespace referat::store
