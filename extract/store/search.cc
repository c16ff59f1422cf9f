// Search: bm25-ranked hits from the stemmed FTS5 indexes, filtered by the
// plain columns. Agenda items are hits; so are whole documents that have no
// items (reports, letters), from documents_fts. The two lists are merged by
// bm25 score: both use the same tokenizer and weights scale, which is close
// enough to rank a report among items, though not a calibrated comparison.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "analyze/text_util.h"
#include "referat/contract.h"
#include "store/case_number.h"
#include "store/store_impl.h"

namespace referat {
namespace {

using store::Stmt;

// "2015", "2015-06" or "2015-06-30", with a month 01-12 and a day that
// month has ("2015-13" and "2015-02-30" are typos, not dates).
bool IsDatePrefix(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  if (s.size() == 4) return true;
  const int year = std::stoi(std::string(s.substr(0, 4)));
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int last = month == 2 && !leap ? 28 : kDays[month - 1];
  return day >= 1 && day <= last;
}

// FTS5 syntax a query may use as is: a bare word (letters, digits, '_',
// any non-ASCII byte), with a column filter "title:" and a prefix '*'.
bool IsBareTerm(std::string_view t) {
  if (size_t colon = t.find(':'); colon != std::string_view::npos) {
    const std::string_view col = t.substr(0, colon);
    if (col != "title" && col != "recommendation" && col != "decision" && col != "body")
      return false;
    t = t.substr(colon + 1);
  }
  if (!t.empty() && t.back() == '*') t.remove_suffix(1);
  if (t.empty()) return false;
  for (unsigned char c : t)
    if (!(c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
          (c >= 'A' && c <= 'Z')))
      return false;
  return true;
}

}  // namespace

// The FTS5 expression for what a user typed. Words, "phrases", OR, AND,
// NOT, NEAR, parentheses, prefix* and column: filters pass as they are;
// any other run of characters (COVID-19, 12/27845, kl., §, 2.500) becomes
// a quoted string, which the tokenizer splits like the indexed text, so a
// natural query is never a syntax error. An unbalanced quote stays one.
std::string MatchExpression(std::string_view text) {
  std::string out;
  size_t i = 0;
  const size_t n = text.size();
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < n) {
    if (space(text[i])) {
      ++i;
      continue;
    }
    if (!out.empty()) out += ' ';
    if (text[i] == '"') {  // a phrase: verbatim to its closing quote
      size_t end = text.find('"', i + 1);
      end = end == std::string_view::npos ? n : end + 1;
      while (end < n && !space(text[end]) && text[end] != ')') ++end;  // "phrase"* etc.
      out.append(text.substr(i, end - i));
      i = end;
      continue;
    }
    size_t j = i;
    while (j < n && !space(text[j]) && text[j] != '"') ++j;
    std::string_view tok = text.substr(i, j - i);
    i = j;
    // Parentheses around a term are grouping, kept outside any quotes.
    size_t open = 0;
    while (open < tok.size() && tok[open] == '(') ++open;
    size_t close = 0;
    while (close < tok.size() - open && tok[tok.size() - 1 - close] == ')') ++close;
    out.append(open, '(');
    std::string_view core = tok.substr(open, tok.size() - open - close);
    if (core.empty() || core == "OR" || core == "AND" || core == "NOT" || core == "NEAR" ||
        IsBareTerm(core)) {
      out.append(core);
    } else {
      std::string_view star;
      if (core.size() > 1 && core.back() == '*') {
        star = "*";
        core.remove_suffix(1);
      }
      out += '"';
      for (char c : core) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
      out.append(star);
    }
    out.append(close, ')');
  }
  return out;
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

namespace {

void BindNamed(Stmt& st, const char* name, const std::string& value) {
  int i = sqlite3_bind_parameter_index(st.get(), name);
  if (i > 0) st.Bind(i, value);
}

// The WHERE clauses of the filters. `items` is true for the item query.
std::string FilterSql(const SearchQuery& q, bool items) {
  std::string w;
  // Contains, case folded for every letter (BESKÆFTIGELSESUDVALGET).
  if (q.body) w += " AND instr(referat_fold(m.body), :body) > 0";
  if (q.municipality) w += " AND instr(referat_fold(m.municipality), :municipality) > 0";
  if (q.council) w += " AND instr(referat_fold(m.council), :council) > 0";
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

void BindAll(Stmt& st, const SearchQuery& q) {
  BindNamed(st, ":q", MatchExpression(q.text));
  BindNamed(st, ":open", q.highlight_open);
  BindNamed(st, ":close", q.highlight_close);
  if (q.body) BindNamed(st, ":body", analyze::FoldCase(*q.body));
  if (q.municipality) BindNamed(st, ":municipality", analyze::FoldCase(*q.municipality));
  if (q.council) BindNamed(st, ":council", analyze::FoldCase(*q.council));
  if (q.from) BindNamed(st, ":from", *q.from);
  if (q.to) BindNamed(st, ":to", *q.to);
  if (q.kind) BindNamed(st, ":kind", *q.kind);
  if (q.decision) BindNamed(st, ":decision", *q.decision);
  if (q.case_number) BindNamed(st, ":case", store::CaseKey(*q.case_number));
  if (q.absent) BindNamed(st, ":absent", NameQuery(*q.absent));
  int li = sqlite3_bind_parameter_index(st.get(), ":limit");
  if (li > 0) st.Bind(li, q.limit);
}

// Our SQL is fixed; a plain SQL error comes from the user's query (FTS5
// syntax left after MatchExpression: an unbalanced quote, a bad NEAR).
Status QueryError(sqlite3* db, Stmt& st, int rc) {
  if ((rc & 0xff) == SQLITE_ERROR)
    return Status::Usage(std::string("bad search query: ") + sqlite3_errmsg(db) +
                         " (FTS5 syntax: close every \"double quote\")");
  return st.Error(rc);
}

Status RunQuery(sqlite3* db, const std::string& sql, const SearchQuery& q,
                std::vector<SearchHit>* hits) {
  Stmt st;
  if (Status s = st.Prepare(db, sql); !s.ok()) return s;
  BindAll(st, q);
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
  return QueryError(db, st, rc);
}

Result<int64_t> RunCount(sqlite3* db, const std::string& sql, const SearchQuery& q) {
  Stmt st;
  if (Status s = st.Prepare(db, sql); !s.ok()) return s;
  BindAll(st, q);
  int rc = st.Step();
  if (rc == SQLITE_ROW) return st.Int(0);
  return QueryError(db, st, rc);
}

// The FROM ... WHERE of the item and the document queries.
struct QuerySql {
  bool ranked;
  std::string items, documents;  // documents empty: a filter needs an item
};

QuerySql BuildSql(const SearchQuery& q) {
  QuerySql out;
  out.ranked = q.text.find_first_not_of(" \t\r\n") != std::string::npos;
  const std::string item_joins =
      " JOIN documents d ON d.id = i.document_id"
      " LEFT JOIN meetings m ON m.document_id = d.id"
      " LEFT JOIN decisions dc ON dc.item_id = i.id";
  out.items = out.ranked ? " FROM items_fts JOIN agenda_items i ON i.id = items_fts.rowid" +
                               item_joins + " WHERE items_fts MATCH :q" + FilterSql(q, true)
                         : " FROM agenda_items i" + item_joins + " WHERE 1" + FilterSql(q, true);
  if (!q.decision && !q.case_number) {
    out.documents =
        out.ranked
            ? " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
              " LEFT JOIN meetings m ON m.document_id = d.id WHERE documents_fts MATCH :q" +
                  FilterSql(q, false)
            : " FROM documents d LEFT JOIN meetings m ON m.document_id = d.id"
              " WHERE NOT EXISTS (SELECT 1 FROM agenda_items x WHERE x.document_id = d.id)" +
                  FilterSql(q, false);
  }
  return out;
}

Status CheckQuery(const SearchQuery& q) {
  if (q.limit <= 0) return Status::Usage("--limit must be at least 1");
  if (q.from && !IsDatePrefix(*q.from))
    return Status::Usage("--from takes a date YYYY, YYYY-MM or YYYY-MM-DD, not '" + *q.from + "'");
  if (q.to && !IsDatePrefix(*q.to))
    return Status::Usage("--to takes a date YYYY, YYYY-MM or YYYY-MM-DD, not '" + *q.to + "'");
  if (q.decision && !FromName<DecisionCategory>(*q.decision))
    return Status::Usage("unknown decision category '" + *q.decision +
                         "'; one of: " + NameList<DecisionCategory>());
  if (q.kind && !FromName<DocumentKind>(*q.kind))
    return Status::Usage("unknown document kind '" + *q.kind + "'; one of: " + NameList<DocumentKind>());
  if (q.absent && NameQuery(*q.absent).empty()) return Status::Usage("--absent needs a name");
  return Status::Ok();
}

}  // namespace

Result<std::vector<SearchHit>> Store::Search(const SearchQuery& q) {
  if (Status s = CheckQuery(q); !s.ok()) return s;
  const QuerySql sql = BuildSql(q);
  const bool ranked = sql.ranked;
  const std::string item_cols =
      "SELECT d.path, d.sha256, d.kind, m.body, m.date, i.number, i.title, dc.category, "
      "dc.text, ";
  // Weights: a word in the title counts most, then the decision, the
  // recommendation, and the body text.
  const std::string item_rank = "bm25(items_fts, 4.0, 1.5, 2.0, 1.0)";
  std::string item_sql;
  if (ranked) {
    // The best `limit` items first, then a snippet for those only: SQLite
    // evaluates every result column of every match before it sorts, and a
    // snippet of each of 100,000 matching items cost seconds.
    item_sql = "WITH top AS (SELECT i.id AS id, " + item_rank + " AS score" + sql.items +
               " ORDER BY score, i.id LIMIT :limit) " + item_cols +
               "snippet(items_fts, -1, :open, :close, '…', 16), i.span_start, i.span_end, "
               "i.span_page, top.score FROM top"
               " JOIN items_fts ON items_fts.rowid = top.id AND items_fts MATCH :q"
               " JOIN agenda_items i ON i.id = top.id"
               " JOIN documents d ON d.id = i.document_id"
               " LEFT JOIN meetings m ON m.document_id = d.id"
               " LEFT JOIN decisions dc ON dc.item_id = i.id ORDER BY top.score, top.id";
  } else {
    item_sql = item_cols +
               "substr(coalesce(dc.text, i.recommendation_text, ''), 1, 240), i.span_start, "
               "i.span_end, i.span_page, 0.0" +
               sql.items + " ORDER BY m.date DESC, d.id, i.position LIMIT :limit";
  }
  std::vector<SearchHit> hits;
  if (Status s = RunQuery(impl_->db, item_sql, q, &hits); !s.ok()) return s;

  // Whole documents only when no filter needs an item.
  if (!sql.documents.empty()) {
    const std::string doc_cols =
        "SELECT d.path, d.sha256, d.kind, m.body, m.date, NULL, NULL, NULL, NULL, ";
    const std::string doc_span =
        ", 0, d.text_length, CASE WHEN d.pages IS NOT NULL THEN 1 END, ";
    const std::string doc_rank = "bm25(documents_fts, 4.0, 1.0)";
    std::string doc_sql;
    if (ranked) {
      doc_sql = "WITH top AS (SELECT d.id AS id, " + doc_rank + " AS score" + sql.documents +
                " ORDER BY score, d.id LIMIT :limit) " + doc_cols +
                "snippet(documents_fts, -1, :open, :close, '…', 16)" + doc_span +
                "top.score FROM top"
                " JOIN documents_fts ON documents_fts.rowid = top.id AND documents_fts MATCH :q"
                " JOIN documents d ON d.id = top.id"
                " LEFT JOIN meetings m ON m.document_id = d.id ORDER BY top.score, top.id";
    } else {
      doc_sql = doc_cols + "coalesce(d.title, '')" + doc_span + "0.0" + sql.documents +
                " ORDER BY m.date DESC, d.id LIMIT :limit";
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

Result<int64_t> Store::CountHits(const SearchQuery& q) {
  if (Status s = CheckQuery(q); !s.ok()) return s;
  const QuerySql sql = BuildSql(q);
  Result<int64_t> items = RunCount(impl_->db, "SELECT count(*)" + sql.items, q);
  if (!items.ok() || sql.documents.empty()) return items;
  Result<int64_t> docs = RunCount(impl_->db, "SELECT count(*)" + sql.documents, q);
  if (!docs.ok()) return docs;
  return *items + *docs;
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
