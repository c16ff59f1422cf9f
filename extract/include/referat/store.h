// The embedded store: a whole archive in one SQLite file, searchable in
// Danish (issue 5). The schema is documented in docs/store.md.
//
//   auto store = referat::Store::Open("archive.db", {.create_if_missing = true});
//   if (!store.ok()) { std::cerr << store.status().ToString(); return; }
//   referat::IngestOptions opts;
//   auto stats = (*store)->Ingest({"minutes/a.pdf", "minutes/b.docx"}, opts);
//   referat::SearchQuery q;
//   q.text = "integration";           // FTS5 syntax; stemmed like the index
//   q.absent = "Mariann Nørgaard";
//   auto hits = (*store)->Search(q);
//
// Thread safety: a Store is one SQLite connection and must be used by one
// thread at a time. Ingest runs its own extraction workers internally, and
// they write to the connection one at a time. Several processes may
// read one database while one process writes it (WAL mode).
//
// No exception crosses this API: every failure is a Status.
#ifndef REFERAT_STORE_H_
#define REFERAT_STORE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "referat/options.h"
#include "referat/record.h"
#include "referat/status.h"

struct sqlite3;

namespace referat {

// The schema version this build writes (PRAGMA user_version). Older
// databases are migrated forward on Open; newer ones are refused.
inline constexpr int kStoreSchemaVersion = 5;

struct StoreOptions {
  // If true, a missing database file is created. Search, stats and export
  // open with false so that a typo in --db is an error, not an empty result.
  bool create_if_missing = false;
  // Open for reading only (search, stats, export, check): works on a store
  // on read-only media or in a directory the user cannot write. A store of
  // an older schema version must be opened writable once to migrate it.
  bool read_only = false;
};

// Progress of one Ingest call, reported after each input file.
struct IngestProgress {
  size_t done = 0;   // files handled (any outcome)
  size_t total = 0;  // files given
  double elapsed_seconds = 0;
};

struct IngestOptions {
  // Extraction threads, the caller's included (ExtractBatch); 0 means one
  // per core. They take turns writing, one at a time, in input order.
  int jobs = 0;
  ExtractOptions extract;
  // Called by the writing thread after each file, in input order; keep it cheap.
  std::function<void(const IngestProgress&)> on_progress;
  // Called by the writing thread for each failed file, after the failure is
  // recorded in the `errors` table.
  std::function<void(const std::string& path, const Status& status)> on_failure;
  // Set (e.g. from a SIGINT handler) to stop: the files being extracted are
  // finished and stored, the rest are left for the next run.
  const std::atomic<bool>* cancel = nullptr;
};

// What one Ingest call did, by file.
struct IngestStats {
  size_t files = 0;       // paths given
  size_t extracted = 0;   // new content: extracted and stored
  size_t replaced = 0;    // of `extracted`: a changed file replaced an older record
  size_t unchanged = 0;   // path, size and mtime as stored: not even read
  size_t duplicates = 0;  // read and hashed, but that content is stored already
  size_t failed = 0;      // recorded in `errors`
  bool interrupted = false;  // `cancel` stopped the run before every file was handled
};

// What one Prune call removed.
struct PruneStats {
  size_t files = 0;      // `files` rows whose file is gone
  size_t documents = 0;  // documents no file holds any more (with all their rows)
  size_t errors = 0;     // `errors` rows whose file is gone
};

struct SearchQuery {
  // FTS5 query syntax (words, "phrases", OR, NOT, prefix*, column:word).
  // Anything else (COVID-19, 12/27845, kl. 10) is quoted automatically
  // (MatchExpression). Words are stemmed with the Danish stemmer like the
  // index. Empty: list by the filters alone.
  std::string text;
  std::optional<std::string> body;        // meeting body contains this (case folded)
  std::optional<std::string> municipality;  // meetings.municipality contains this (case folded)
  std::optional<std::string> council;     // meetings.council contains this (case folded)
  std::optional<std::string> from;        // meeting date >= this ISO date or prefix ("2015")
  std::optional<std::string> to;          // meeting date <= this ISO date or prefix
  std::optional<std::string> decision;    // decision category, e.g. "approved"
  std::optional<std::string> absent;      // a person absent from the meeting or the item
  std::optional<std::string> case_number; // compared normalized (see CasePath)
  std::optional<std::string> kind;        // documents.kind: minutes, agenda, report, ...
  int limit = 20;
  // Hits to skip before the first returned (paging): a page is the hits
  // [offset, offset + limit) of the one ordered list.
  int offset = 0;
  // Find also counts every hit (SearchResults::total), in the read that
  // finds the page.
  bool count = false;
  // Markers around matched words in `snippet`.
  std::string highlight_open = "[";
  std::string highlight_close = "]";
};

// One hit: an agenda item, or a document without items (reports, letters;
// found by its best passage when there is a query), in which case the item
// and decision fields are empty.
struct SearchHit {
  int64_t document_id = 0;            // documents.id
  std::optional<int64_t> item_id;     // agenda_items.id; empty for a document hit
  std::string path;                   // documents.path: a file holding it, canonical
  // That file's files.given_path, the path as the user named it (for
  // display); `path` when no files row names it.
  std::string given_path;
  std::string sha256;
  std::string kind;
  std::optional<std::string> body;
  std::optional<std::string> municipality;
  std::optional<std::string> date;
  std::optional<std::string> document_title;  // documents.title
  std::optional<std::string> item_number;
  std::optional<std::string> item_title;
  std::optional<std::string> decision_category;
  std::optional<std::string> decision_text;
  std::string snippet;
  // The item's span; for a document hit, its snippet's own span in the text
  // (with the page when the values the record places on pages bracket it
  // on one page), or the whole text when the match is not in the text.
  std::optional<Span> span;
  double score = 0;          // bm25: lower is better; 0 without a query
};

// One page of hits and, when SearchQuery::count is set, how many there are.
struct SearchResults {
  std::vector<SearchHit> hits;
  int64_t total = -1;  // every hit of the query; -1 when not counted
};

// One agenda item on a case's path (Store::CasePath).
struct CaseStep {
  std::string municipality;  // "" when the meeting names none
  std::optional<std::string> date;
  std::optional<std::string> body;
  std::string item_number;
  std::string item_title;
  std::string case_number;  // as printed in this document
  std::optional<std::string> decision_category;
  std::optional<std::string> decision_text;
  std::string path;        // as SearchHit::path
  std::string given_path;  // as SearchHit::given_path
  std::string sha256;
  Span span;  // the item's
  int64_t item_id = 0;      // agenda_items.id
  int64_t document_id = 0;  // documents.id
};

struct StoreStats {
  int64_t documents = 0;
  int64_t meetings = 0;
  int64_t attendance = 0;
  int64_t agenda_items = 0;
  int64_t decisions = 0;
  int64_t figures = 0;
  int64_t targets = 0;
  int64_t errors = 0;
  // A meeting held as several documents (its PDF and the publishing
  // system's export, or a DOCX and a PDF) is one meeting: meetings rows
  // with the same date and body (case-insensitive) are linked. `meetings`
  // counts rows; `meetings_distinct` counts meetings; `meetings_with_export`
  // those that have both an export (firstagenda_json, acadre_xml, sbsys_xml,
  // edoc_xml) and another document.
  int64_t meetings_distinct = 0;
  int64_t meetings_with_export = 0;
  std::vector<std::pair<std::string, int64_t>> decisions_by_category;  // sorted by category
  std::vector<std::pair<std::string, int64_t>> documents_by_kind;      // sorted by kind
};

enum class ExportFormat { kJsonl, kCsv, kOpenSearch };

// The FTS5 expression Search matches for what a user typed (search.cc).
std::string MatchExpression(std::string_view text);
// The FTS5 expression over names_fts for `--absent NAME`: every word of
// `name` must occur in the name, in any order (search.cc).
std::string NameQuery(std::string_view name);

class Store {
 public:
  // Opens (or with create_if_missing creates) the database, registers the
  // Danish tokenizer on the connection and migrates the schema forward.
  // Refuses a database written by a newer schema, or a SQLite file that is
  // not a referat store.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Extracts and stores the files at `paths` (files, not directories; see
  // docs/store.md for the skip rules). Each document is one transaction.
  // Paths are stored canonical: absolute, with "." and ".." resolved
  // lexically (symlinks are kept as named), so "a.pdf", "./a.pdf" and
  // "/archive/a.pdf" are one file; on_failure gets the path as given, and
  // files.given_path keeps it for display (the last spelling: an unchanged
  // file named another way is not read again, only its given_path updated).
  // Returns an error only when the database itself fails; file failures are
  // counted in IngestStats::failed and recorded in `errors`.
  Result<IngestStats> Ingest(const std::vector<std::string>& paths, const IngestOptions& options);

  // Removes, in one transaction, what the store holds for files that are
  // gone from the disk (stat(2) says the path does not exist): their
  // `files` and `errors` rows, and each document no remaining file holds.
  // A document still held by another path is shown under that path. Paths
  // loaded by IngestJsonl from other machines are removed too when they do
  // not exist here; prune on the machine that holds the files.
  Result<PruneStats> Prune();

  // Loads contract JSON made elsewhere (`referat extract --jsonl
  // --with-text`, e.g. the shards of a cluster run), one document per line,
  // from each of `files` ("-" is standard input). Each line is validated
  // against the schema and stored as one transaction through the same path
  // as Ingest, under its source.path: a line whose content is stored
  // already only links its path, so a re-run or an overlapping shard is a
  // no-op, and a kill at any moment leaves whole documents. Lines that fail
  // go to `on_failure` as "FILE:LINE" and count in `failed` (they are not
  // files, so not in `errors`). A file that cannot be read is an error.
  Result<IngestStats> IngestJsonl(const std::vector<std::string>& files,
                                  const IngestOptions& options);

  // Stores one extracted record as one transaction, replacing the record
  // stored for record.source.path (key and given_path) if its content differs. `text`, when
  // given, is the normalized text: it fills an item's searchable body when
  // the item has no sections, and a document's when it has no items.
  // Used by Ingest; public for importers and tests.
  Status Put(const Record& record, const std::optional<std::string>& text = std::nullopt);

  // bm25-ranked hits (best first), or with an empty query all matches of the
  // filters, newest meeting first. Items and whole documents form one
  // ordered list (ties: items first, then by id), of which `offset` and
  // `limit` take a page. An FTS5 syntax error, an unknown category or kind
  // and a malformed date are kUsage statuses.
  Result<SearchResults> Find(const SearchQuery& query);
  // Find's hits alone.
  Result<std::vector<SearchHit>> Search(const SearchQuery& query);
  // The ids of the agenda items the query finds (no whole documents), in
  // Find's order, at most query.limit of them, without snippets.
  Result<std::vector<int64_t>> FindItemIds(const SearchQuery& query);

  // How many hits Search would return without a limit (items and whole
  // documents), for "20 of 67" and --count.
  Result<int64_t> CountHits(const SearchQuery& query);

  Result<StoreStats> Stats();

  // Every agenda item with the case number `number` (compared normalized:
  // white space, dash forms and letter case do not matter), oldest meeting
  // first, within `municipality` when given, else grouped by municipality:
  // the path of a case from committee to Økonomiudvalget to Byrådet.
  Result<std::vector<CaseStep>> CasePath(const std::string& number,
                                         const std::optional<std::string>& municipality = {});

  // kJsonl and kOpenSearch write to `out`; kCsv writes one TABLE.csv per
  // table into directory `dir` (created if needed). `index` names the
  // OpenSearch index in the bulk action lines.
  //
  // What is read is validated: a documents row whose JSON does not parse,
  // does not match the contract schema or names another sha256, and any
  // row with text that is not UTF-8 (a damaged file), is passed to
  // `on_bad_row` (table, rowid, problem) and skipped; the export then goes
  // on and returns kCorrupt at the end.
  using BadRowFn = std::function<void(const std::string& table, int64_t rowid,
                                      const std::string& problem)>;
  Status Export(ExportFormat format, std::ostream& out, const std::string& dir = "",
                const std::string& index = "referat", const BadRowFn& on_bad_row = {});

  // Checks the whole file: PRAGMA integrity_check, foreign keys, each FTS
  // index against its content, FTS rows without their item or document, and
  // every stored document's JSON against the schema. `problems` is empty
  // when the store is sound; `notes` say what could not be checked (FTS5's
  // index check needs a writable file, though it writes nothing).
  struct CheckReport {
    std::vector<std::string> problems;
    std::vector<std::string> notes;
  };
  Result<CheckReport> Check();

  // An OpenSearch / Elasticsearch index body (settings and mappings) for the
  // documents Export(kOpenSearch) writes: text fields use the built-in
  // "danish" analyzer, filter fields are keywords or dates.
  static std::string OpenSearchMapping();

  int schema_version() const;

  // What opening the store found worth telling (each one line, without the
  // file name): the full-text indexes rebuilt because they were made with
  // another version of the Danish stemmer or its exceptions (a writable
  // open), or, read-only, that they were and searches may miss
  // inflections until `referat ingest` opens the store once.
  const std::vector<std::string>& notices() const;

  // The store's SQLite connection, for read-only SQL over the documented
  // tables (docs/store.md) by programs that show a store (`referat serve`).
  // The danish tokenizer and referat_fold() are registered on it. Owned by
  // the Store, under the same one-thread-at-a-time rule.
  sqlite3* connection() const;

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  static Result<std::unique_ptr<Impl>> OpenConnection(const std::string& path,
                                                      const StoreOptions& options,
                                                      bool immutable);
  std::unique_ptr<Impl> impl_;
};

}  // namespace referat

#endif  // REFERAT_STORE_H_
