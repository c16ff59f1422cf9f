// Store lifetime: open, configure, migrate, close.
#include <sys/stat.h>

#include "referat/store.h"
#include "store/danish_tokenizer.h"
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
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr);
  if (rc != SQLITE_OK) return store::SqlError(impl->db, rc, "");
  sqlite3_extended_result_codes(impl->db, 1);
  if (Status s = store::RegisterDanishTokenizer(impl->db); !s.ok()) return s;
  if (Status s = store::Configure(impl->db); !s.ok()) return s;
  if (Status s = store::Migrate(impl->db); !s.ok()) return s;
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

int Store::schema_version() const {
  Result<int64_t> v = store::QueryInt(impl_->db, "PRAGMA user_version");
  return v.ok() ? static_cast<int>(*v) : -1;
}

Status Store::Put(const Record& record, const std::optional<std::string>& text) {
  PutOutcome outcome;
  FileStamp stamp{record.source.bytes, 0};
  return impl_->PutFile(record.source.path, stamp, record, text, &outcome);
}

}  // namespace referat
