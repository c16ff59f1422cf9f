// referat_bm25(items_fts, w...): FTS5's bm25 with the same formula, the
// same constants and the same order of arithmetic, so it gives the same
// double for every row, and so the same order of hits. It differs in how it
// reads a row's length in tokens: FTS5's bm25 asks xColumnSize, which runs
// one "SELECT sz FROM <table>_docsize WHERE id = ?" per row (a B-tree
// descent and a statement reset each); this one keeps one cursor over the
// docsize table open for the whole query and steps it forward, since FTS5
// returns the rows of a MATCH in rowid order. On a broad query (54,000 of
// 100,000 items) that was most of the time spent ranking.
#ifndef REFERAT_STORE_RANK_H_
#define REFERAT_STORE_RANK_H_

#include <sqlite3.h>

#include "referat/status.h"

namespace referat::store {

// Registers referat_bm25 on `db` (the FTS5 tables of a store; the function
// reads "<table>_docsize" of the table named by its first argument's
// table, which is passed as its user data: items_fts).
Status RegisterRank(sqlite3* db);

}  // namespace referat::store

#endif  // REFERAT_STORE_RANK_H_
