#include "store/rank.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace referat::store {
namespace {

// The FTS5 API of a connection, as the FTS5 documentation obtains it.
fts5_api* Fts5ApiOf(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

struct RankTable {
  sqlite3* db;
  const char* docsize;  // the FTS table's docsize table
};

// What one query computes once (bm25's IDF per phrase and the average row
// length) and the docsize cursor it keeps.
struct RankQuery {
  std::vector<double> idf, freq;
  double avgdl = 0;
  sqlite3_stmt* sizes = nullptr;  // SELECT id, sz FROM docsize WHERE id >= ?1
  bool on_row = false;            // `sizes` stands on a row
  sqlite3_int64 at = 0;           // the id of that row
  bool checked = false;           // the first row's length was compared with xColumnSize
  bool use_api = false;           // the docsize table did not give xColumnSize's value

  ~RankQuery() { sqlite3_finalize(sizes); }
};

void FreeQuery(void* p) { delete static_cast<RankQuery*>(p); }

int CountRow(const Fts5ExtensionApi*, Fts5Context*, void* n) {
  ++*static_cast<sqlite3_int64*>(n);
  return SQLITE_OK;
}

// The sum of the column sizes in a docsize record: one SQLite varint per column.
bool SumVarints(const unsigned char* p, int n, sqlite3_int64* sum) {
  sqlite3_int64 total = 0;
  int i = 0;
  while (i < n) {
    uint64_t v = 0;
    int k = 0;
    for (;; ++k) {
      if (i >= n) return false;
      const unsigned char c = p[i++];
      if (k == 8) {  // the ninth byte gives all 8 bits
        v = (v << 8) | c;
        break;
      }
      v = (v << 7) | (c & 0x7f);
      if (!(c & 0x80)) break;
    }
    total += static_cast<int32_t>(v);  // FTS5 reads column sizes as 32-bit ints
  }
  *sum = total;
  return true;
}

// The token count of row `id` from the docsize cursor: stepped forward when
// the row is ahead by a few ids (the rows of a MATCH come in rowid order),
// sought otherwise. False when the table has no row for it.
bool RowLength(RankQuery* q, sqlite3_int64 id, sqlite3_int64* length) {
  constexpr sqlite3_int64 kStepAhead = 64;
  if (!(q->on_row && q->at <= id && id - q->at <= kStepAhead)) {
    sqlite3_reset(q->sizes);
    sqlite3_bind_int64(q->sizes, 1, id);
    q->on_row = sqlite3_step(q->sizes) == SQLITE_ROW;
    if (q->on_row) q->at = sqlite3_column_int64(q->sizes, 0);
  }
  while (q->on_row && q->at < id) {
    q->on_row = sqlite3_step(q->sizes) == SQLITE_ROW;
    if (q->on_row) q->at = sqlite3_column_int64(q->sizes, 0);
  }
  if (!q->on_row || q->at != id) return false;
  return SumVarints(static_cast<const unsigned char*>(sqlite3_column_blob(q->sizes, 1)),
                    sqlite3_column_bytes(q->sizes, 1), length);
}

// The per-query data, made on the first row as bm25 makes it: the average
// row length over the table and each phrase's IDF from the number of rows
// that hold it.
int QueryData(const Fts5ExtensionApi* api, Fts5Context* fts, RankQuery** out) {
  auto* q = static_cast<RankQuery*>(api->xGetAuxdata(fts, 0));
  if (q) {
    *out = q;
    return SQLITE_OK;
  }
  auto fresh = std::make_unique<RankQuery>();
  const int phrases = api->xPhraseCount(fts);
  fresh->idf.assign(static_cast<size_t>(phrases), 0.0);
  fresh->freq.assign(static_cast<size_t>(phrases), 0.0);
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  fresh->avgdl = static_cast<double>(tokens) / static_cast<double>(rows);
  for (int i = 0; i < phrases; ++i) {
    sqlite3_int64 hits = 0;
    if ((rc = api->xQueryPhrase(fts, i, &hits, CountRow)) != SQLITE_OK) return rc;
    double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    fresh->idf[static_cast<size_t>(i)] = idf;
  }
  const auto* table = static_cast<const RankTable*>(api->xUserData(fts));
  const std::string sql =
      std::string("SELECT id, sz FROM \"") + table->docsize + "\" WHERE id >= ?1 ORDER BY id";
  if (sqlite3_prepare_v3(table->db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &fresh->sizes,
                         nullptr) != SQLITE_OK)
    fresh->use_api = true;  // no docsize table of that name: ask FTS5 per row
  q = fresh.release();
  if ((rc = api->xSetAuxdata(fts, q, FreeQuery)) != SQLITE_OK) return rc;  // q freed by FTS5
  *out = q;
  return SQLITE_OK;
}

void Bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
          sqlite3_value** argv) {
  const double k1 = 1.2;
  const double b = 0.75;
  RankQuery* q = nullptr;
  int rc = QueryData(api, fts, &q);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  // Each phrase's frequency, its instances weighted by their column, added
  // in position order as bm25 adds them.
  const int phrases = static_cast<int>(q->freq.size());
  for (int i = 0; i < phrases; ++i) {
    double f = 0.0;
    Fts5PhraseIter it;
    int col = 0, off = 0;
    for (api->xPhraseFirst(fts, i, &it, &col, &off); col >= 0; api->xPhraseNext(fts, &it, &col, &off))
      f += argc > col ? sqlite3_value_double(argv[col]) : 1.0;
    q->freq[static_cast<size_t>(i)] = f;
  }
  sqlite3_int64 length = 0;
  const sqlite3_int64 id = api->xRowid(fts);
  if (!q->use_api && !RowLength(q, id, &length)) q->use_api = true;
  if (!q->checked || q->use_api) {
    // Checked once per query against FTS5's own count, so a docsize table
    // of another shape, or the function called on another table, falls
    // back to the API for every row.
    int tokens = 0;
    if ((rc = api->xColumnSize(fts, -1, &tokens)) != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    if (!q->use_api && tokens != length) q->use_api = true;
    length = tokens;
    q->checked = true;
  }
  const double D = static_cast<double>(length);
  double score = 0.0;
  for (int i = 0; i < phrases; ++i) {
    const double f = q->freq[static_cast<size_t>(i)];
    score += q->idf[static_cast<size_t>(i)] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * D / q->avgdl)));
  }
  sqlite3_result_double(ctx, -1.0 * score);
}

}  // namespace

Status RegisterRank(sqlite3* db) {
  fts5_api* api = Fts5ApiOf(db);
  if (!api) return Status::Internal("this SQLite has no FTS5");
  // One per connection, freed with it.
  auto* table = new RankTable{db, "items_fts_docsize"};
  int rc = api->xCreateFunction(api, "referat_bm25", table, Bm25,
                                [](void* p) { delete static_cast<RankTable*>(p); });
  if (rc != SQLITE_OK) {
    delete table;
    return Status::Internal("cannot register referat_bm25");
  }
  return Status::Ok();
}

}  // namespace referat::store
