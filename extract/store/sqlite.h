// Thin RAII helpers over the SQLite C API, used by every file of the store.
// They add no policy: statements are prepared once and reset between uses,
// and every SQLite error code becomes a referat Status with the message
// SQLite gave.
#ifndef REFERAT_STORE_SQLITE_H_
#define REFERAT_STORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "referat/status.h"

namespace referat::store {

// A Status for a failed SQLite call: kCorrupt for a damaged or non-database
// file, kUnreadable for I/O, permission and locking trouble, kInternal else.
Status SqlError(sqlite3* db, int rc, std::string_view what);

// Runs one or more statements that return no rows.
Status Exec(sqlite3* db, std::string_view sql);

// A prepared statement. Bind indexes are 1-based, column indexes 0-based.
class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept {
    std::swap(db_, o.db_);
    std::swap(stmt_, o.stmt_);
    return *this;
  }

  // Prepares `sql` (one statement) on `db`.
  Status Prepare(sqlite3* db, std::string_view sql);
  bool prepared() const { return stmt_ != nullptr; }

  void BindNull(int i) { sqlite3_bind_null(stmt_, i); }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, int v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, uint64_t v) { sqlite3_bind_int64(stmt_, i, static_cast<int64_t>(v)); }
  void Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  void Bind(int i, bool v) { sqlite3_bind_int64(stmt_, i, v ? 1 : 0); }
  // The text is copied (SQLITE_TRANSIENT): callers may pass temporaries.
  void Bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, const std::string& v) { Bind(i, std::string_view(v)); }
  void Bind(int i, const char* v) { Bind(i, std::string_view(v)); }
  template <typename T>
  void Bind(int i, const std::optional<T>& v) {
    if (v) Bind(i, *v);
    else BindNull(i);
  }

  // SQLITE_ROW, SQLITE_DONE, or an error code (see Error()).
  int Step() { return sqlite3_step(stmt_); }
  // Steps to completion expecting no rows, then resets. Returns the error, if any.
  Status Run();
  // Resets for the next use and clears the bindings.
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Status Error(int rc) const { return SqlError(db_, rc, sqlite3_sql(stmt_)); }

  bool IsNull(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  int64_t Int(int c) const { return sqlite3_column_int64(stmt_, c); }
  double Real(int c) const { return sqlite3_column_double(stmt_, c); }
  std::string Text(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    return p ? std::string(p, sqlite3_column_bytes(stmt_, c)) : std::string();
  }
  std::optional<std::string> OptText(int c) const {
    if (IsNull(c)) return std::nullopt;
    return Text(c);
  }
  int Columns() const { return sqlite3_column_count(stmt_); }
  std::string ColumnName(int c) const { return sqlite3_column_name(stmt_, c); }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs a query that returns one integer (e.g. a count or a pragma).
Result<int64_t> QueryInt(sqlite3* db, std::string_view sql);

}  // namespace referat::store

#endif  // REFERAT_STORE_SQLITE_H_
