// Store lifetime: open, configure, migrate, close.
#include <sys/stat.h>

#include <cstdio>
#include <string>
#include <string_view>

#include "analyze/text_util.h"
#include "referat/store.h"
#include "store/danish_tokenizer.h"
#include "store/rank.h"
#include "store/schema.h"
#include "store/store_impl.h"

namespace referat {

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  if (path.empty()) return Status::Usage("no database file given (--db FILE)");
  struct stat st;
  if (!options.create_if_missing && ::stat(path.c_str(), &st) != 0)
    return Status::NotFound("no such database file");
  if (options.read_only) {
    // A store on read-only media: a plain read-only open works when the
    // database is in rollback-journal mode (as ingest leaves it) or its WAL
    // index can be created; otherwise (a WAL store in a directory nobody
    // may write) it is opened as immutable, which needs no lock files.
    Result<std::unique_ptr<Impl>> impl = OpenConnection(path, options, false);
    if (!impl.ok()) impl = OpenConnection(path, options, true);
    if (!impl.ok()) return impl.status();
    return std::unique_ptr<Store>(new Store(std::move(*impl)));
  }
  Result<std::unique_ptr<Impl>> impl = OpenConnection(path, options, false);
  if (!impl.ok()) return impl.status();
  return std::unique_ptr<Store>(new Store(std::move(*impl)));
}

namespace {

// "file:" URI of `path` with the characters a URI gives meaning to escaped.
std::string FileUri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x21 || c >= 0x7f) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      uri += buf;
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri;
}

// referat_fold(text): Unicode case folding, for filters that compare
// case-insensitively beyond ASCII (SQLite's LIKE folds A-Z only, so
// BESKÆFTIGELSESUDVALGET missed Beskæftigelsesudvalget). NULL stays NULL.
void Fold(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const unsigned char* text = sqlite3_value_text(argv[0]);
  if (!text) {
    sqlite3_result_null(ctx);
    return;
  }
  std::string folded = analyze::FoldCase(
      std::string_view(reinterpret_cast<const char*>(text), sqlite3_value_bytes(argv[0])));
  sqlite3_result_text(ctx, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

Status RegisterFold(sqlite3* db) {
  int rc = sqlite3_create_function_v2(db, "referat_fold", 1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      nullptr, Fold, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : store::SqlError(db, rc, "referat_fold");
}

}  // namespace

Result<std::unique_ptr<Store::Impl>> Store::OpenConnection(const std::string& path,
                                                           const StoreOptions& options,
                                                           bool immutable) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->read_only = options.read_only;
  int flags = SQLITE_OPEN_NOMUTEX;
  if (options.read_only) flags |= SQLITE_OPEN_READONLY;
  else flags |= SQLITE_OPEN_READWRITE;
  if (options.create_if_missing && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  std::string name = path;
  if (immutable) {
    flags |= SQLITE_OPEN_URI;
    name = FileUri(path) + "?immutable=1";
  }
  int rc = sqlite3_open_v2(name.c_str(), &impl->db, flags, nullptr);
  if (rc != SQLITE_OK) return store::SqlError(impl->db, rc, "");
  sqlite3_extended_result_codes(impl->db, 1);
  if (Status s = store::RegisterDanishTokenizer(impl->db); !s.ok()) return s;
  if (Status s = RegisterFold(impl->db); !s.ok()) return s;
  if (Status s = store::RegisterRank(impl->db); !s.ok()) return s;
  if (Status s = store::RegisterSearchFunctions(impl->db); !s.ok()) return s;
  if (Status s = store::Configure(impl->db, options.read_only); !s.ok()) return s;
  if (options.read_only) {
    if (Status s = store::CheckVersion(impl->db); !s.ok()) return s;
  } else if (Status s = store::Migrate(impl->db); !s.ok()) {
    return s;
  }
  std::string notice;
  if (Status s = store::SyncTokenizer(impl->db, options.read_only, &notice); !s.ok()) return s;
  if (!notice.empty()) impl->notices.push_back(std::move(notice));
  return impl;
}

const std::vector<std::string>& Store::notices() const { return impl_->notices; }

int Store::schema_version() const {
  Result<int64_t> v = store::QueryInt(impl_->db, "PRAGMA user_version");
  return v.ok() ? static_cast<int>(*v) : -1;
}

Status Store::Put(const Record& record, const std::optional<std::string>& text) {
  PutOutcome outcome;
  FileStamp stamp{record.source.bytes, 0};
  return impl_->PutFile(record.source.path, record.source.path, stamp, record, text, &outcome);
}

}  // namespace referat
