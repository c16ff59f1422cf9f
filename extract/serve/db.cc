#include "serve/db.h"

namespace referat::serve {

Conn::~Conn() { pool_->Release(std::move(store_)); }

Result<std::unique_ptr<Pool>> Pool::Open(const std::string& path, int max_connections) {
  std::unique_ptr<Pool> pool(new Pool());
  pool->path_ = path;
  pool->max_ = max_connections < 1 ? 1 : max_connections;
  Result<std::unique_ptr<Store>> first = pool->OpenOne();
  if (!first.ok()) return first.status();
  pool->open_ = 1;
  pool->idle_.push_back(std::move(*first));
  return pool;
}

// Read-only: the server never changes the archive, and may run beside an
// ingest writing to it (WAL).
Result<std::unique_ptr<Store>> Pool::OpenOne() {
  return Store::Open(path_, StoreOptions{.read_only = true});
}

Result<std::unique_ptr<Conn>> Pool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    if (!idle_.empty()) {
      std::unique_ptr<Store> store = std::move(idle_.back());
      idle_.pop_back();
      return std::make_unique<Conn>(this, std::move(store));
    }
    if (open_ < max_) {
      ++open_;
      lock.unlock();
      Result<std::unique_ptr<Store>> store = OpenOne();
      if (!store.ok()) {
        std::lock_guard<std::mutex> relock(mu_);
        --open_;
        return store.status();
      }
      return std::make_unique<Conn>(this, std::move(*store));
    }
    cv_.wait(lock);
  }
}

void Pool::Release(std::unique_ptr<Store> store) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(store));
  }
  cv_.notify_one();
}

json SpanJson(const json& start, const json& end, const json& page) {
  if (start.is_null()) return json();
  return json{{"start", start}, {"end", end}, {"page", page}};
}

Result<json> Query(sqlite3* db, std::string_view sql, const std::vector<Param>& params) {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st, nullptr);
  if (rc != SQLITE_OK) {
    Status s = Status::Internal(std::string("SQL: ") + sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return s;
  }
  for (const Param& p : params) {
    int i = sqlite3_bind_parameter_index(st, p.name.c_str());
    if (i <= 0) continue;
    if (p.value.is_string()) {
      const std::string& v = p.value.get_ref<const std::string&>();
      sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    } else if (p.value.is_number_integer()) {
      sqlite3_bind_int64(st, i, p.value.get<int64_t>());
    } else if (p.value.is_number()) {
      sqlite3_bind_double(st, i, p.value.get<double>());
    } else {
      sqlite3_bind_null(st, i);
    }
  }
  json rows = json::array();
  const int n = sqlite3_column_count(st);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    json row = json::object();
    json span;
    for (int c = 0; c < n; ++c) {
      std::string_view name = sqlite3_column_name(st, c);
      json v;
      switch (sqlite3_column_type(st, c)) {
        case SQLITE_INTEGER: v = sqlite3_column_int64(st, c); break;
        case SQLITE_FLOAT: v = sqlite3_column_double(st, c); break;
        case SQLITE_NULL: break;
        default: {
          const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
          v = std::string(t ? t : "", sqlite3_column_bytes(st, c));
        }
      }
      if (name == "span_start") span["start"] = v;
      else if (name == "span_end") span["end"] = v;
      else if (name == "span_page") span["page"] = v;
      else row[std::string(name)] = std::move(v);
    }
    if (!span.is_null()) row["span"] = SpanJson(span["start"], span["end"], span["page"]);
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) {
    // Our SQL is fixed; a plain error here is the user's FTS5 query.
    Status s = (rc & 0xff) == SQLITE_ERROR
                   ? Status::Usage(std::string("bad search query: ") + sqlite3_errmsg(db))
                   : Status::Internal(std::string("SQL: ") + sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return s;
  }
  sqlite3_finalize(st);
  return rows;
}

}  // namespace referat::serve
