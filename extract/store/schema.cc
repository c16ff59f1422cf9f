#include "store/schema.h"

#include <iterator>
#include <string>

#include "referat/store.h"
#include "core/sha256.h"
#include "store/case_number.h"
#include "store/danish_tokenizer.h"
#include "store/passages.h"
#include "store/sqlite.h"

namespace referat::store {
namespace {

// Version 1. Spans are three columns (span_start, span_end: UTF-8 byte
// offsets into the document's normalized text; span_page: 1-based or NULL).
// Every child row references documents(id) ON DELETE CASCADE, so deleting a
// document removes all it contributed; the FTS rows followed through
// triggers until version 2.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  format TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  pages INTEGER,
  title TEXT,
  created TEXT,
  kind TEXT NOT NULL,
  text_length INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  generator_version TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX documents_kind ON documents(kind);
CREATE INDEX documents_path ON documents(path);

CREATE TABLE files (
  path TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX files_document ON files(document_id);

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
  document_type TEXT,
  council TEXT,
  municipality TEXT,
  body TEXT,
  date TEXT,
  start_time TEXT,
  end_time TEXT,
  location TEXT,
  span_start INTEGER,
  span_end INTEGER,
  span_page INTEGER
);
CREATE INDEX meetings_body ON meetings(body);
CREATE INDEX meetings_date ON meetings(date);
CREATE INDEX meetings_municipality ON meetings(municipality);

CREATE TABLE agenda_items (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  public INTEGER,
  case_number TEXT,
  recommendation_by TEXT,
  recommendation_text TEXT,
  recommendation_clauses TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  span_page INTEGER
);
CREATE INDEX agenda_items_document ON agenda_items(document_id, position);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id);
CREATE INDEX agenda_items_case_number ON agenda_items(case_number);

CREATE TABLE decisions (
  item_id INTEGER PRIMARY KEY REFERENCES agenda_items(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  span_page INTEGER
);
CREATE INDEX decisions_category ON decisions(category);
CREATE INDEX decisions_document ON decisions(document_id);

CREATE TABLE attendance (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
  item_id INTEGER REFERENCES agenda_items(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'other')),
  name TEXT NOT NULL,
  role TEXT,
  span_start INTEGER,
  span_end INTEGER,
  span_page INTEGER
);
CREATE INDEX attendance_name ON attendance(name);
CREATE INDEX attendance_document ON attendance(document_id);
CREATE INDEX attendance_item ON attendance(item_id);

CREATE TABLE figures (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  item TEXT,
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  value REAL,
  min REAL,
  max REAL,
  unit TEXT,
  date TEXT,
  date_end TEXT,
  sentence TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  span_page INTEGER
);
CREATE INDEX figures_document ON figures(document_id);
CREATE INDEX figures_type ON figures(type, unit);

CREATE TABLE targets (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  item TEXT,
  text TEXT NOT NULL,
  metric TEXT,
  direction TEXT,
  value REAL,
  unit TEXT,
  placeholder INTEGER NOT NULL,
  deadline TEXT,
  baseline_value REAL,
  baseline_unit TEXT,
  baseline_date TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  span_page INTEGER
);
CREATE INDEX targets_document ON targets(document_id);

CREATE TABLE errors (
  path TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  size INTEGER,
  mtime_ns INTEGER
);
CREATE INDEX errors_code ON errors(code);

-- Full text, stemmed: one row per agenda item (rowid = agenda_items.id) and
-- one per document that has no agenda items (rowid = documents.id).
CREATE VIRTUAL TABLE items_fts USING fts5(title, recommendation, decision, body,
  tokenize = 'danish');
CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, tokenize = 'danish');
-- Person names, not stemmed (rowid = attendance.id). Plain unicode61, so any
-- SQLite with FTS5 can query it.
CREATE VIRTUAL TABLE names_fts USING fts5(name, tokenize = 'unicode61 remove_diacritics 0');

CREATE TRIGGER agenda_items_fts_delete AFTER DELETE ON agenda_items BEGIN
  DELETE FROM items_fts WHERE rowid = old.id;
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.id;
END;
CREATE TRIGGER attendance_names_insert AFTER INSERT ON attendance BEGIN
  INSERT INTO names_fts(rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER attendance_names_delete AFTER DELETE ON attendance BEGIN
  DELETE FROM names_fts WHERE rowid = old.id;
END;
)sql";

Status MigrateTo1(sqlite3* db) { return Exec(db, kSchemaV1); }

// Version 2: the stemmed FTS tables are kept in step by referat, not by
// triggers. A trigger that deletes from items_fts or documents_fts needs
// the danish tokenizer, so without it (plain sqlite3, Datasette) even
// DELETE FROM documents failed. names_fts uses unicode61, which every
// SQLite has, and keeps its triggers.
//
// And the `cases` table: one row per agenda item with a case number, keyed
// by the municipality and the normalized number (CaseKey), so an item is
// followed across bodies and meetings: udvalg -> Økonomiudvalget -> Byrådet.
// municipality is '' when the meeting names none.
constexpr const char* kSchemaV2 = R"sql(
DROP TRIGGER agenda_items_fts_delete;
DROP TRIGGER documents_fts_delete;

CREATE TABLE cases (
  item_id INTEGER PRIMARY KEY REFERENCES agenda_items(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  municipality TEXT NOT NULL,
  case_key TEXT NOT NULL
);
CREATE INDEX cases_key ON cases(case_key, municipality);
CREATE INDEX cases_document ON cases(document_id);
)sql";

Status MigrateTo2(sqlite3* db) {
  if (Status s = Exec(db, kSchemaV2); !s.ok()) return s;
  // The items a version 1 store holds.
  Stmt items, insert;
  if (Status s = items.Prepare(db,
                               "SELECT i.id, i.document_id, coalesce(m.municipality, ''), "
                               "i.case_number FROM agenda_items i LEFT JOIN meetings m ON "
                               "m.id = i.meeting_id WHERE i.case_number IS NOT NULL");
      !s.ok())
    return s;
  if (Status s = insert.Prepare(db,
                                "INSERT INTO cases (item_id, document_id, municipality, case_key) "
                                "VALUES (?1, ?2, ?3, ?4)");
      !s.ok())
    return s;
  int rc;
  while ((rc = items.Step()) == SQLITE_ROW) {
    std::string key = CaseKey(items.Text(3));
    if (key.empty()) continue;
    insert.Bind(1, items.Int(0));
    insert.Bind(2, items.Int(1));
    insert.Bind(3, items.Text(2));
    insert.Bind(4, key);
    if (Status s = insert.Run(); !s.ok()) return s;
  }
  return rc == SQLITE_DONE ? Status::Ok() : items.Error(rc);
}

// Version 3: passages, the parts a document without agenda items is
// searched by (store/passages.h): one row per passage with its span and
// page. A passage's text is a row of items_fts at rowid -passages.id (the
// document's title in the first passage only), so items and passages are
// ranked by one bm25 over one index (the same word frequencies and
// lengths); a table of their own would weigh a word by its frequency among
// the few reports. And store_info, which records the tokenizer version the
// stemmed tables were indexed with (TokenizerVersion).
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE passages (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  span_page INTEGER
);
CREATE INDEX passages_document ON passages(document_id, position);
CREATE TABLE store_info (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql";

Status MigrateTo3(sqlite3* db) {
  if (Status s = Exec(db, kSchemaV3); !s.ok()) return s;
  // The documents without items a version 2 store holds, with their text
  // (documents_fts keeps it) and the JSON that places sections on pages.
  Stmt docs;
  if (Status s = docs.Prepare(db,
                              "SELECT d.id, f.title, f.body, d.json FROM documents d JOIN "
                              "documents_fts f ON f.rowid = d.id ORDER BY d.id");
      !s.ok())
    return s;
  PassageWriter writer;
  int rc;
  while ((rc = docs.Step()) == SQLITE_ROW) {
    const nlohmann::json record = nlohmann::json::parse(docs.Text(3), nullptr, false);
    if (Status s = writer.Write(db, docs.Int(0), docs.Text(1), docs.Text(2),
                                record.is_discarded() ? nlohmann::json::object() : record);
        !s.ok())
      return s;
  }
  return rc == SQLITE_DONE ? Status::Ok() : docs.Error(rc);
}

// Version 4: what search filters read. `absences` holds who was absent, by
// name, as the ids an `--absent` filter needs: (name, document, 0) for the
// meeting, (name, document, item) for an item, the item rows left out
// where the person was absent from the whole meeting (minutes repeat the
// meeting's absent under every item, and the meeting's row lets every item
// through). The filter reads the matching names' rows from its key instead
// of finding them through names_fts and looking each up in attendance
// (100,000 lookups for a member absent from every meeting of a
// 100,000-item store). referat fills it with each document (FillAbsencesSql);
// deleting the document deletes its rows. agenda_items_id_document gives an
// item's document from a narrow index in id order, which a ranked search
// steps through with the hits of a MATCH (ItemDocuments in store_impl.h).
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE absences (
  name TEXT NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL,
  PRIMARY KEY (name, document_id, item_id)
) WITHOUT ROWID;
CREATE INDEX absences_document ON absences(document_id);
CREATE INDEX agenda_items_id_document ON agenda_items(id, document_id);
)sql";

Status MigrateTo4(sqlite3* db) {
  if (Status s = Exec(db, kSchemaV4); !s.ok()) return s;
  Stmt fill;
  if (Status s = fill.Prepare(db, FillAbsencesSql("1")); !s.ok()) return s;
  return fill.Run();
}

// Version 5: files.given_path, the path as the user named it (the
// argument as typed, joined with the file's place under it when it was a
// directory; a --paths-from line; a loaded record's source.path), for
// display: `archive/2019/x.pdf` where the key is `/home/…/archive/2019/x.pdf`.
// Like files.path it holds the file system's bytes. The table is made anew
// so the column is NOT NULL without a default (ALTER TABLE ADD COLUMN
// would need one); the files of an older store were named by their key.
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE files_v5 (
  path TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  given_path TEXT NOT NULL
);
INSERT INTO files_v5 (path, size, mtime_ns, document_id, given_path)
  SELECT path, size, mtime_ns, document_id, path FROM files ORDER BY rowid;
DROP TABLE files;
ALTER TABLE files_v5 RENAME TO files;
CREATE INDEX files_document ON files(document_id);
)sql";

Status MigrateTo5(sqlite3* db) { return Exec(db, kSchemaV5); }

// kMigrations[v] brings a database from version v to v + 1. A new schema
// version appends one function here and raises kStoreSchemaVersion; the
// test opens a database of every older version and checks the result.
using Migration = Status (*)(sqlite3*);
constexpr Migration kMigrations[] = {MigrateTo1, MigrateTo2, MigrateTo3, MigrateTo4,
                                     MigrateTo5};
static_assert(std::size(kMigrations) == kStoreSchemaVersion);

}  // namespace

Status Configure(sqlite3* db, bool read_only) {
  sqlite3_busy_timeout(db, 10000);
  // A search reads the same FTS and index pages again and again; SQLite's
  // default 2 MB cache sent a third of a broad query's time to pread() on
  // a 100,000-item store. The cache grows only as pages are read.
  if (Status s = Exec(db, "PRAGMA cache_size = -65536"); !s.ok()) return s;
  Result<int64_t> app = QueryInt(db, "PRAGMA application_id");
  if (!app.ok()) return app.status();
  // Read before any change, so a foreign file is left as it was.
  Result<int64_t> tables = QueryInt(db, "SELECT count(*) FROM sqlite_schema");
  if (!tables.ok()) return tables.status();
  if (*app != kApplicationId && *tables > 0)
    return Status::UnsupportedFormat("a SQLite database, but not a referat store");
  if (read_only) return Exec(db, "PRAGMA foreign_keys = ON");
  Stmt mode;
  if (Status s = mode.Prepare(db, "PRAGMA journal_mode = WAL"); !s.ok()) return s;
  int rc = mode.Step();
  if (rc != SQLITE_ROW) return mode.Error(rc);
  return Exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
}

Status CheckVersion(sqlite3* db) {
  Result<int64_t> version = QueryInt(db, "PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version > kStoreSchemaVersion)
    return Status::UnsupportedFormat(
        "store schema version " + std::to_string(*version) + " is newer than this referat " +
        "understands (" + std::to_string(kStoreSchemaVersion) + "); use a newer referat");
  if (*version == 0) return Status::UnsupportedFormat("an empty database, not a referat store");
  if (*version < kStoreSchemaVersion)
    return Status::UnsupportedFormat(
        "store schema version " + std::to_string(*version) + " needs migrating to " +
        std::to_string(kStoreSchemaVersion) +
        ": run `referat ingest --db FILE` (no inputs needed) once where it can be written");
  return Status::Ok();
}

std::string TokenizerVersion() {
  // Raise when the tokenizer's code changes what it makes of a word.
  constexpr int kTokenizerCode = 1;
  std::string rows;
  for (const auto& [word, stem] : DanishStemExceptions()) rows += word + '\t' + stem + '\n';
  return "danish " + std::to_string(kTokenizerCode) + ", exceptions " +
         Sha256Hex(rows).substr(0, 12);
}

namespace {

// store_info.tokenizer, or "" when not recorded (a store of version 2 or
// older, or a store nothing was indexed in yet).
Result<std::string> StoredTokenizer(sqlite3* db) {
  Stmt st;
  if (Status s = st.Prepare(db, "SELECT value FROM store_info WHERE key = 'tokenizer'"); !s.ok())
    return s;
  int rc = st.Step();
  if (rc == SQLITE_ROW) return st.Text(0);
  if (rc == SQLITE_DONE) return std::string();
  return st.Error(rc);
}

}  // namespace

Status SyncTokenizer(sqlite3* db, bool read_only, std::string* notice) {
  const std::string current = TokenizerVersion();
  Result<std::string> stored = StoredTokenizer(db);
  if (!stored.ok()) return stored.status();
  if (*stored == current) return Status::Ok();
  Result<int64_t> documents = QueryInt(db, "SELECT count(*) FROM documents");
  if (!documents.ok()) return documents.status();
  const std::string was = stored->empty() ? "an older referat's" : "'" + *stored + "'";
  if (read_only) {
    if (*documents > 0)
      *notice = "warning: the full-text index was made with " + was +
                " Danish stemming, this referat stems as '" + current +
                "'; searches may miss some inflections until `referat ingest` opens the store "
                "once and re-indexes it";
    return Status::Ok();
  }
  if (Status s = Exec(db, "BEGIN IMMEDIATE"); !s.ok()) return s;
  // Another process may have re-indexed between the read and the lock.
  Result<std::string> locked = StoredTokenizer(db);
  Status s = locked.ok() ? Status::Ok() : locked.status();
  if (s.ok() && *locked != current) {
    if (*documents > 0)
      s = Exec(db,
               "INSERT INTO items_fts(items_fts) VALUES ('rebuild'); "
               "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');");
    if (s.ok())
      s = Exec(db, "INSERT INTO store_info (key, value) VALUES ('tokenizer', '" + current +
                       "') ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (s.ok() && *documents > 0)
      *notice = "re-indexed the full text for '" + current + "' Danish stemming (it was made with " +
                was + ")";
  }
  if (s.ok()) s = Exec(db, "COMMIT");
  if (!s.ok()) {
    (void)Exec(db, "ROLLBACK");
    notice->clear();
    return Status(s.code(), "re-indexing the full text: " + s.message());
  }
  return Status::Ok();
}

Status Migrate(sqlite3* db) {
  for (;;) {
    Result<int64_t> version = QueryInt(db, "PRAGMA user_version");
    if (!version.ok()) return version.status();
    const int64_t v = *version;
    if (v > kStoreSchemaVersion)
      return Status::UnsupportedFormat(
          "store schema version " + std::to_string(v) + " is newer than this referat " +
          "understands (" + std::to_string(kStoreSchemaVersion) + "); use a newer referat");
    if (v == kStoreSchemaVersion) return Status::Ok();
    if (Status s = Exec(db, "BEGIN IMMEDIATE"); !s.ok()) return s;
    // Another process may have migrated between the read and the lock.
    Result<int64_t> locked = QueryInt(db, "PRAGMA user_version");
    Status s = locked.ok() ? Status::Ok() : locked.status();
    if (s.ok() && *locked != v) {
      if (s = Exec(db, "COMMIT"); !s.ok()) return s;
      continue;
    }
    if (s.ok()) s = kMigrations[v](db);
    if (s.ok())
      s = Exec(db, "PRAGMA user_version = " + std::to_string(v + 1) +
                       "; PRAGMA application_id = " + std::to_string(kApplicationId));
    if (s.ok()) s = Exec(db, "COMMIT");
    if (!s.ok()) {
      (void)Exec(db, "ROLLBACK");
      return Status(s.code(), "migrating the store to version " + std::to_string(v + 1) +
                                  ": " + s.message());
    }
  }
}

}  // namespace referat::store
