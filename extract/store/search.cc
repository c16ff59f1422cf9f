// Search: bm25-ranked hits from the stemmed FTS5 indexes, filtered by the
// plain columns. Agenda items are hits; so are whole documents that have no
// items (reports, letters), from documents_fts. The two lists are merged by
// bm25 score: both use the same tokenizer and weights scale, which is close
// enough to rank a report among items, though not a calibrated comparison.
#include <algorithm>
#include <array>
#include <string_view>

#include "store/case_number.h"
#include "store/store_impl.h"

namespace referat {
namespace {

using store::Stmt;

constexpr std::array<std::string_view, 11> kCategories = {
    "approved",  "approved_with_changes", "recommended", "noted", "discussed", "rejected",
    "postponed", "referred",              "withdrawn",   "none",  "other"};

// "2015", "2015-06" or "2015-06-30".
bool IsDatePrefix(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

// LIKE pattern matching `s` anywhere, with % _ and \ taken literally.
std::string ContainsPattern(std::string_view s) {
  std::string p = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

// An FTS5 query over names_fts: every word of `name` must occur in the
// name, in any order ("Nørgaard" and "Nørgaard Mariann" both find
// "Mariann Nørgaard"). Each word is a quoted string, so no word is syntax.
std::string NameQuery(std::string_view name) {
  std::string q;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == '\t' || name[i] == ',')) ++i;
    size_t j = i;
    while (j < name.size() && name[j] != ' ' && name[j] != '\t' && name[j] != ',') ++j;
    if (j > i) {
      if (!q.empty()) q += ' ';
      q += '"';
      for (char c : name.substr(i, j - i)) {
        if (c == '"') q += '"';
        q += c;
      }
      q += '"';
    }
    i = j;
  }
  return q;
}

void BindNamed(Stmt& st, const char* name, const std::string& value) {
  int i = sqlite3_bind_parameter_index(st.get(), name);
  if (i > 0) st.Bind(i, value);
}

// The WHERE clauses of the filters. `items` is true for the item query.
std::string FilterSql(const SearchQuery& q, bool items) {
  std::string w;
  if (q.body) w += " AND m.body LIKE :body ESCAPE '\\'";
  if (q.from) w += " AND substr(m.date, 1, length(:from)) >= :from";
  if (q.to) w += " AND substr(m.date, 1, length(:to)) <= :to";
  if (q.kind) w += " AND d.kind = :kind";
  if (items && q.decision) w += " AND dc.category = :decision";
  if (items && q.case_number)
    w += " AND i.id IN (SELECT item_id FROM cases WHERE case_key = :case)";
  if (q.absent) {
    w += " AND EXISTS (SELECT 1 FROM attendance a WHERE a.document_id = d.id"
         " AND a.status = 'absent'";
    w += items ? " AND (a.item_id IS NULL OR a.item_id = i.id)" : " AND a.item_id IS NULL";
    w += " AND a.id IN (SELECT rowid FROM names_fts WHERE names_fts MATCH :absent))";
  }
  return w;
}

Status RunQuery(sqlite3* db, const std::string& sql, const SearchQuery& q,
                std::vector<SearchHit>* hits) {
  Stmt st;
  if (Status s = st.Prepare(db, sql); !s.ok()) return s;
  BindNamed(st, ":q", q.text);
  BindNamed(st, ":open", q.highlight_open);
  BindNamed(st, ":close", q.highlight_close);
  if (q.body) BindNamed(st, ":body", ContainsPattern(*q.body));
  if (q.from) BindNamed(st, ":from", *q.from);
  if (q.to) BindNamed(st, ":to", *q.to);
  if (q.kind) BindNamed(st, ":kind", *q.kind);
  if (q.decision) BindNamed(st, ":decision", *q.decision);
  if (q.case_number) BindNamed(st, ":case", store::CaseKey(*q.case_number));
  if (q.absent) BindNamed(st, ":absent", NameQuery(*q.absent));
  int li = sqlite3_bind_parameter_index(st.get(), ":limit");
  if (li > 0) st.Bind(li, q.limit);
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    SearchHit h;
    h.path = st.Text(0);
    h.sha256 = st.Text(1);
    h.kind = st.Text(2);
    h.body = st.OptText(3);
    h.date = st.OptText(4);
    h.item_number = st.OptText(5);
    h.item_title = st.OptText(6);
    h.decision_category = st.OptText(7);
    h.decision_text = st.OptText(8);
    h.snippet = st.Text(9);
    if (!st.IsNull(10)) {
      Span span;
      span.start = static_cast<size_t>(st.Int(10));
      span.end = static_cast<size_t>(st.Int(11));
      span.page = st.IsNull(12) ? 0 : static_cast<int>(st.Int(12));
      h.span = span;
    }
    h.score = st.Real(13);
    hits->push_back(std::move(h));
  }
  if (rc == SQLITE_DONE) return Status::Ok();
  // Our SQL is fixed; a plain SQL error here comes from the user's query
  // (FTS5 syntax, an unknown column filter).
  if ((rc & 0xff) == SQLITE_ERROR)
    return Status::Usage(std::string("bad search query: ") + sqlite3_errmsg(db) +
                         " (FTS5 syntax: put words with - or other punctuation in \"double "
                         "quotes\")");
  return st.Error(rc);
}

}  // namespace

Result<std::vector<SearchHit>> Store::Search(const SearchQuery& q) {
  if (q.limit <= 0) return Status::Usage("--limit must be at least 1");
  if (q.from && !IsDatePrefix(*q.from))
    return Status::Usage("--from takes YYYY, YYYY-MM or YYYY-MM-DD");
  if (q.to && !IsDatePrefix(*q.to)) return Status::Usage("--to takes YYYY, YYYY-MM or YYYY-MM-DD");
  if (q.decision &&
      std::find(kCategories.begin(), kCategories.end(), *q.decision) == kCategories.end()) {
    std::string all;
    for (auto c : kCategories) all += (all.empty() ? "" : ", ") + std::string(c);
    return Status::Usage("unknown decision category '" + *q.decision + "'; one of: " + all);
  }
  if (q.absent && NameQuery(*q.absent).empty()) return Status::Usage("--absent needs a name");

  const bool ranked = q.text.find_first_not_of(" \t\r\n") != std::string::npos;
  const std::string item_cols =
      "SELECT d.path, d.sha256, d.kind, m.body, m.date, i.number, i.title, dc.category, "
      "dc.text, ";
  const std::string item_joins =
      " JOIN documents d ON d.id = i.document_id"
      " LEFT JOIN meetings m ON m.document_id = d.id"
      " LEFT JOIN decisions dc ON dc.item_id = i.id";
  // Weights: a word in the title counts most, then the decision, the
  // recommendation, and the body text.
  const std::string item_rank = "bm25(items_fts, 4.0, 1.5, 2.0, 1.0)";
  std::string item_sql;
  if (ranked) {
    item_sql = item_cols +
               "snippet(items_fts, -1, :open, :close, '…', 16), i.span_start, i.span_end, "
               "i.span_page, " +
               item_rank + " FROM items_fts JOIN agenda_items i ON i.id = items_fts.rowid" +
               item_joins + " WHERE items_fts MATCH :q" + FilterSql(q, true) + " ORDER BY " +
               item_rank + " LIMIT :limit";
  } else {
    item_sql = item_cols +
               "substr(coalesce(dc.text, i.recommendation_text, ''), 1, 240), i.span_start, "
               "i.span_end, i.span_page, 0.0 FROM agenda_items i" +
               item_joins + " WHERE 1" + FilterSql(q, true) +
               " ORDER BY m.date DESC, d.id, i.position LIMIT :limit";
  }
  std::vector<SearchHit> hits;
  if (Status s = RunQuery(impl_->db, item_sql, q, &hits); !s.ok()) return s;

  // Whole documents only when no filter needs an item.
  if (!q.decision && !q.case_number) {
    const std::string doc_cols =
        "SELECT d.path, d.sha256, d.kind, m.body, m.date, NULL, NULL, NULL, NULL, ";
    const std::string doc_span =
        ", 0, d.text_length, CASE WHEN d.pages IS NOT NULL THEN 1 END, ";
    const std::string doc_rank = "bm25(documents_fts, 4.0, 1.0)";
    std::string doc_sql;
    if (ranked) {
      doc_sql = doc_cols + "snippet(documents_fts, -1, :open, :close, '…', 16)" + doc_span +
                doc_rank +
                " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
                " LEFT JOIN meetings m ON m.document_id = d.id WHERE documents_fts MATCH :q" +
                FilterSql(q, false) + " ORDER BY " + doc_rank + " LIMIT :limit";
    } else {
      doc_sql = doc_cols + "coalesce(d.title, '')" + doc_span +
                "0.0 FROM documents d LEFT JOIN meetings m ON m.document_id = d.id"
                " WHERE NOT EXISTS (SELECT 1 FROM agenda_items x WHERE x.document_id = d.id)" +
                FilterSql(q, false) + " ORDER BY m.date DESC, d.id LIMIT :limit";
    }
    std::vector<SearchHit> docs;
    if (Status s = RunQuery(impl_->db, doc_sql, q, &docs); !s.ok()) return s;
    // Merge: by score when ranked, else newest first; stable, items first on ties.
    hits.insert(hits.end(), std::make_move_iterator(docs.begin()),
                std::make_move_iterator(docs.end()));
    if (ranked) {
      std::stable_sort(hits.begin(), hits.end(),
                       [](const SearchHit& a, const SearchHit& b) { return a.score < b.score; });
    } else {
      std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
        return a.date.value_or("") > b.date.value_or("");
      });
    }
    if (hits.size() > static_cast<size_t>(q.limit)) hits.resize(q.limit);
  }
  return hits;
}

Result<StoreStats> Store::Stats() {
  StoreStats out;
  struct {
    int64_t* field;
    const char* sql;
  } counts[] = {
      {&out.documents, "SELECT count(*) FROM documents"},
      {&out.meetings, "SELECT count(*) FROM meetings"},
      {&out.attendance, "SELECT count(*) FROM attendance"},
      {&out.agenda_items, "SELECT count(*) FROM agenda_items"},
      {&out.decisions, "SELECT count(*) FROM decisions"},
      {&out.figures, "SELECT count(*) FROM figures"},
      {&out.targets, "SELECT count(*) FROM targets"},
      {&out.errors, "SELECT count(*) FROM errors"},
  };
  for (auto& [field, sql] : counts) {
    Result<int64_t> v = store::QueryInt(impl_->db, sql);
    if (!v.ok()) return v.status();
    *field = *v;
  }
  // Linking a document and the export of the same meeting: same date and
  // body. Computed here, not stored, so re-ingesting either side needs no
  // bookkeeping; the meetings_date index serves the grouping.
  static constexpr const char* kMeetingKeys =
      "SELECT m.date, lower(m.body) AS body,"
      " max(d.format IN ('firstagenda_json','acadre_xml','sbsys_xml','edoc_xml')) AS export,"
      " max(d.format NOT IN ('firstagenda_json','acadre_xml','sbsys_xml','edoc_xml')) AS other"
      " FROM meetings m JOIN documents d ON d.id = m.document_id"
      " WHERE m.date IS NOT NULL AND m.body IS NOT NULL GROUP BY m.date, lower(m.body)";
  for (auto& [field, sql] : {std::pair<int64_t*, std::string>{
                                 &out.meetings_distinct,
                                 std::string("SELECT (SELECT count(*) FROM (") + kMeetingKeys +
                                     ")) + (SELECT count(*) FROM meetings WHERE date IS NULL OR "
                                     "body IS NULL)"},
                             {&out.meetings_with_export,
                              std::string("SELECT count(*) FROM (") + kMeetingKeys +
                                  ") WHERE export AND other"}}) {
    Result<int64_t> v = store::QueryInt(impl_->db, sql);
    if (!v.ok()) return v.status();
    *field = *v;
  }
  auto groups = [&](const char* sql, std::vector<std::pair<std::string, int64_t>>* into) {
    Stmt st;
    if (Status s = st.Prepare(impl_->db, sql); !s.ok()) return s;
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) into->emplace_back(st.Text(0), st.Int(1));
    return rc == SQLITE_DONE ? Status::Ok() : st.Error(rc);
  };
  if (Status s = groups("SELECT category, count(*) FROM decisions GROUP BY category ORDER BY 1",
                        &out.decisions_by_category);
      !s.ok())
    return s;
  if (Status s = groups("SELECT kind, count(*) FROM documents GROUP BY kind ORDER BY 1",
                        &out.documents_by_kind);
      !s.ok())
    return s;
  return out;
}

}  // namespace referat
