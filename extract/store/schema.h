// The store's schema and its forward migrations. PRAGMA user_version holds
// the schema version; PRAGMA application_id marks the file as a referat
// store. docs/store.md documents every table and column.
#ifndef REFERAT_STORE_SCHEMA_H_
#define REFERAT_STORE_SCHEMA_H_

#include <sqlite3.h>

#include <string>

#include "referat/status.h"

namespace referat::store {

// "RFRT": set on every store, so a foreign SQLite file is refused rather
// than having tables added to it.
inline constexpr int kApplicationId = 0x52465254;

// Connection settings every store connection uses: WAL, foreign keys,
// synchronous=NORMAL (with WAL a crash of the process loses nothing that
// was committed; a power cut may lose the last transactions but never
// leaves a torn database), a busy timeout for readers beside a writer.
// A read-only connection changes nothing: it only checks the file.
Status Configure(sqlite3* db, bool read_only = false);

// For a read-only connection: refuses a newer schema version, and an older
// one (it would need a migration, which needs to write).
Status CheckVersion(sqlite3* db);

// Brings the schema from its current user_version to kStoreSchemaVersion,
// one transaction per version step. Refuses a newer version or a non-empty
// database that is not a referat store. Opening a current store is a no-op.
Status Migrate(sqlite3* db);

// The version of what the stemmed FTS tables were indexed with: the
// tokenizer's code (unicode61 and the Snowball Danish stemmer) and a hash
// of its stem exceptions (extract/rules/stem_exceptions.txt), which are
// data and change between releases. Recorded in store_info.tokenizer.
std::string TokenizerVersion();

// Compares store_info.tokenizer with TokenizerVersion(). Writable: when
// they differ and the store holds documents, rebuilds items_fts and
// documents_fts from their stored text in one transaction (a kill leaves
// the old index), records the version and says so in `notice`. Read-only:
// only says that the index is stale. `notice` stays empty when current.
Status SyncTokenizer(sqlite3* db, bool read_only, std::string* notice);

// The statement that fills `absences` (schema.cc, version 4) from
// attendance for the rows of attendance `a` that `where` picks:
// "a.document_id = ?1" at ingest, "1" when migrating.
inline std::string FillAbsencesSql(const std::string& where) {
  return "INSERT OR IGNORE INTO absences (name, document_id, item_id) SELECT a.name, "
         "a.document_id, coalesce(a.item_id, 0) FROM attendance a WHERE a.status = 'absent' AND "
         "(a.item_id IS NULL OR NOT EXISTS (SELECT 1 FROM attendance m WHERE m.document_id = "
         "a.document_id AND m.item_id IS NULL AND m.status = 'absent' AND m.name = a.name)) AND " +
         where;
}

}  // namespace referat::store

#endif  // REFERAT_STORE_SCHEMA_H_
