// The "danish" FTS5 tokenizer as a loadable SQLite extension, so a store's
// stemmed full-text tables (items_fts, documents_fts) can be queried
// without referat: `.load /path/to/referat_danish` in the sqlite3 shell,
// `datasette --load-extension=/path/to/referat_danish.so`, Python's
// `conn.load_extension(...)`. The tokenizer is the same code referat
// registers on its own connections (danish_tokenizer.cc, compiled again
// here against sqlite3ext.h), so a query stems exactly as the index did.
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "store/danish_tokenizer.h"

namespace {

int Init(sqlite3* db, char** error, const sqlite3_api_routines* api) {
  SQLITE_EXTENSION_INIT2(api);
  referat::Status s = referat::store::RegisterDanishTokenizer(db);
  if (s.ok()) return SQLITE_OK;
  if (error) *error = sqlite3_mprintf("referat_danish: %s", s.message().c_str());
  return SQLITE_ERROR;
}

}  // namespace

// SQLite derives the entry point from the file name (referat_danish.so ->
// sqlite3_referatdanish_init); the generic name serves a renamed file.
extern "C" __attribute__((visibility("default"))) int sqlite3_referatdanish_init(
    sqlite3* db, char** error, const sqlite3_api_routines* api) {
  return Init(db, error, api);
}
extern "C" __attribute__((visibility("default"))) int sqlite3_extension_init(
    sqlite3* db, char** error, const sqlite3_api_routines* api) {
  return Init(db, error, api);
}
