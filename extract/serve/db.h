// Read-only access to the store for the server: a pool of SQLite
// connections, each opened with SQLITE_OPEN_READONLY and the store's Danish
// tokenizer registered (the FTS tables can only be queried through it).
#ifndef REFERAT_SERVE_DB_H_
#define REFERAT_SERVE_DB_H_

#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "referat/status.h"

namespace referat::serve {

using nlohmann::json;

class Pool;

// One connection borrowed from the pool for the length of a request.
class Conn {
 public:
  Conn(Pool* pool, sqlite3* db) : pool_(pool), db_(db) {}
  ~Conn();
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;
  sqlite3* get() const { return db_; }

 private:
  Pool* pool_;
  sqlite3* db_;
};

class Pool {
 public:
  // Opens one connection to check the file is a referat store.
  static Result<std::unique_ptr<Pool>> Open(const std::string& path, int max_connections);
  ~Pool();
  // Waits while all connections are busy.
  Result<std::unique_ptr<Conn>> Acquire();
  void Release(sqlite3* db);

 private:
  Pool() = default;
  Result<sqlite3*> OpenOne();
  std::string path_;
  int max_ = 1;
  int open_ = 0;
  std::vector<sqlite3*> idle_;
  std::mutex mu_;
  std::condition_variable cv_;
};

// A value bound to a named parameter (":name").
struct Param {
  std::string name;
  json value;  // string, integer, float or null
};

// Runs `sql` and returns its rows as JSON objects keyed by column name
// (integers, reals, text and null as such). Three columns span_start,
// span_end, span_page become one "span": {start, end, page} (page null when
// not paged), the contract's shape. A SQL error from the FTS5 query syntax
// is kUsage with SQLite's message.
Result<json> Query(sqlite3* db, std::string_view sql, const std::vector<Param>& params = {});

}  // namespace referat::serve

#endif  // REFERAT_SERVE_DB_H_
