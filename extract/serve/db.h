// Read-only access to the store for the server: a pool of read-only Stores
// (one SQLite connection each, the Danish tokenizer registered on it), one
// borrowed per request in flight.
#ifndef REFERAT_SERVE_DB_H_
#define REFERAT_SERVE_DB_H_

#include <sqlite3.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "referat/status.h"
#include "referat/store.h"

namespace referat::serve {

using nlohmann::json;

class Pool;

// One store borrowed from the pool for the length of a request.
class Conn {
 public:
  Conn(Pool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
  ~Conn();
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;
  Store& store() const { return *store_; }
  sqlite3* get() const { return store_->connection(); }

 private:
  Pool* pool_;
  std::unique_ptr<Store> store_;
};

class Pool {
 public:
  // Opens one store to check the file is a referat store of this version.
  static Result<std::unique_ptr<Pool>> Open(const std::string& path, int max_connections);
  // Waits while all stores are busy.
  Result<std::unique_ptr<Conn>> Acquire();
  void Release(std::unique_ptr<Store> store);

 private:
  Pool() = default;
  Result<std::unique_ptr<Store>> OpenOne();
  std::string path_;
  int max_ = 1;
  int open_ = 0;
  std::vector<std::unique_ptr<Store>> idle_;
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
// span_end, span_page become one "span" (SpanJson).
Result<json> Query(sqlite3* db, std::string_view sql, const std::vector<Param>& params = {});

// The contract's span object {start, end, page} (page null when the
// document has no pages), or null when `start` is null.
json SpanJson(const json& start, const json& end, const json& page);

}  // namespace referat::serve

#endif  // REFERAT_SERVE_DB_H_
