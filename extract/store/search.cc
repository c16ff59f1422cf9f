// Search: bm25-ranked hits from the stemmed FTS5 index, filtered by the
// plain columns. Agenda items are hits; so are documents that have no items
// (reports, letters), each by its best passage: the passages are rows of
// the same items_fts (negative rowids), so items and passages are ranked
// by one bm25 with one set of word frequencies, in one ordered list. A
// search reads the page's ids and scores, with the count when asked, in
// one read (ranked: one scan that keeps the best rows; unranked: the hits
// counted per document, then the items of the documents the page reaches),
// then the page's columns and snippets.
#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "analyze/text_util.h"
#include "referat/contract.h"
#include "store/case_number.h"
#include "store/passages.h"
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

// Whether an FTS5 expression has a prefix term: a '*' outside "strings".
bool HasPrefixTerm(std::string_view expr) {
  bool quoted = false;
  for (char c : expr) {
    if (c == '"') quoted = !quoted;
    else if (c == '*' && !quoted) return true;
  }
  return false;
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
  for (std::string_view word : store::NameWords(name)) {
    if (!q.empty()) q += ' ';
    q += '"';
    for (char c : word) {
      if (c == '"') q += '"';
      q += c;
    }
    q += '"';
  }
  return q;
}

namespace store {

std::vector<std::string_view> NameWords(std::string_view name) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == '\t' || name[i] == ',')) ++i;
    size_t j = i;
    while (j < name.size() && name[j] != ' ' && name[j] != '\t' && name[j] != ',') ++j;
    if (j > i) words.push_back(name.substr(i, j - i));
    i = j;
  }
  return words;
}

void IdSet::Assign(const std::vector<int64_t>& ids) {
  words_.clear();
  if (ids.empty()) return;
  const auto [lo, hi] = std::minmax_element(ids.begin(), ids.end());
  first_ = *lo;
  words_.assign(static_cast<size_t>((*hi - *lo) / 64 + 1), 0);
  for (int64_t id : ids) {
    const uint64_t k = static_cast<uint64_t>(id - first_);
    words_[k / 64] |= uint64_t{1} << (k % 64);
  }
}

std::vector<int64_t> IdSet::Ids(size_t most) const {
  std::vector<int64_t> out;
  for (size_t w = 0; w < words_.size() && out.size() < most; ++w)
    for (uint64_t bits = words_[w]; bits && out.size() < most; bits &= bits - 1)
      out.push_back(first_ + static_cast<int64_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(bits))));
  return out;
}

namespace {

// referat_in(SET, ID): 1 when ID is in the IdSet bound as SET, else 0.
void InSet(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* set = static_cast<const IdSet*>(sqlite3_value_pointer(argv[0], IdSet::kType));
  sqlite3_result_int(ctx, set && sqlite3_value_type(argv[1]) != SQLITE_NULL &&
                              set->Has(sqlite3_value_int64(argv[1])));
}

// The tokens unicode61 with `remove_diacritics 0` (names_fts's tokenizer)
// makes of `text`.
struct NameTokenizer {
  fts5_tokenizer methods{};
  Fts5Tokenizer* tok = nullptr;
  ~NameTokenizer() {
    if (tok) methods.xDelete(tok);
  }
  static int Collect(void* out, int, const char* token, int n, int, int) {
    static_cast<std::vector<std::string>*>(out)->emplace_back(token, static_cast<size_t>(n));
    return SQLITE_OK;
  }
  bool Tokens(std::string_view text, int flags, std::vector<std::string>* out) {
    out->clear();
    return methods.xTokenize(tok, out, flags, text.data(), static_cast<int>(text.size()),
                             Collect) == SQLITE_OK;
  }
};

Status OpenNameTokenizer(sqlite3* db, NameTokenizer* t) {
  fts5_api* api = nullptr;
  {
    Stmt st;
    if (Status s = st.Prepare(db, "SELECT fts5(?1)"); !s.ok()) return s;
    sqlite3_bind_pointer(st.get(), 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    st.Step();
  }
  void* context = nullptr;
  if (!api || api->xFindTokenizer(api, "unicode61", &context, &t->methods) != SQLITE_OK)
    return Status::Internal("the unicode61 tokenizer is missing");
  const char* args[] = {"remove_diacritics", "0"};
  if (t->methods.xCreate(context, args, 2, &t->tok) != SQLITE_OK)
    return Status::Internal("cannot create the unicode61 tokenizer");
  return Status::Ok();
}

// Whether `name`'s tokens hold each phrase's tokens in a row, as names_fts
// MATCH NameQuery(...) decides: every quoted word is a phrase, the phrases
// ANDed. FTS5 drops a phrase with no tokens (a lone '-') from an AND, and
// a query of such phrases only matches nothing.
bool NameMatches(const std::vector<std::string>& name,
                 const std::vector<std::vector<std::string>>& phrases) {
  bool any = false;
  for (const auto& phrase : phrases) {
    if (phrase.empty()) continue;
    any = true;
    if (phrase.size() > name.size()) return false;
    bool found = false;
    for (size_t at = 0; !found && at + phrase.size() <= name.size(); ++at)
      found = std::equal(phrase.begin(), phrase.end(), name.begin() + static_cast<ptrdiff_t>(at));
    if (!found) return false;
  }
  return any;
}

}  // namespace

int ItemDocuments::Of(int64_t id, int64_t* document) {
  constexpr int64_t kStepAhead = 64;
  if (!st_.prepared()) {
    if (Status s = st_.Prepare(db_,
                               "SELECT id, document_id FROM agenda_items INDEXED BY "
                               "agenda_items_id_document WHERE id >= ?1 ORDER BY id");
        !s.ok())
      return SQLITE_ERROR;
  }
  int rc = SQLITE_ROW;
  auto read = [&] {
    on_row_ = rc == SQLITE_ROW;
    if (on_row_) {
      at_ = st_.Int(0);
      document_ = st_.Int(1);
    }
  };
  if (!(on_row_ && at_ <= id && id - at_ <= kStepAhead)) {
    sqlite3_reset(st_.get());
    st_.Bind(1, id);
    rc = st_.Step();
    read();
  }
  while (on_row_ && at_ < id) {
    rc = st_.Step();
    read();
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return rc;
  if (!on_row_ || at_ != id) return SQLITE_DONE;
  *document = document_;
  return SQLITE_ROW;
}

namespace {

// referat_document(CURSOR, ID): the document of item ID, NULL when there
// is no such item.
void DocumentOf(sqlite3_context* ctx, int, sqlite3_value** argv) {
  auto* cursor = static_cast<ItemDocuments*>(sqlite3_value_pointer(argv[0], ItemDocuments::kType));
  if (!cursor || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  int64_t document = 0;
  const int rc = cursor->Of(sqlite3_value_int64(argv[1]), &document);
  if (rc == SQLITE_ROW) sqlite3_result_int64(ctx, document);
  else if (rc == SQLITE_DONE) sqlite3_result_null(ctx);
  else sqlite3_result_error_code(ctx, rc);
}

}  // namespace

Status RegisterSearchFunctions(sqlite3* db) {
  int rc = sqlite3_create_function_v2(db, "referat_in", 2, SQLITE_UTF8 | SQLITE_INNOCUOUS, nullptr,
                                      InSet, nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2(db, "referat_document", 2, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                    nullptr, DocumentOf, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : SqlError(db, rc, "search functions");
}

Status ReadAbsent(sqlite3* db, std::string_view name, AbsentSets* out) {
  NameTokenizer tokenizer;
  if (Status s = OpenNameTokenizer(db, &tokenizer); !s.ok()) return s;
  std::vector<std::vector<std::string>> phrases;
  for (std::string_view word : NameWords(name)) {
    phrases.emplace_back();
    if (!tokenizer.Tokens(word, FTS5_TOKENIZE_QUERY, &phrases.back()))
      return Status::Internal("tokenizing a name failed");
  }
  // The distinct names of the absent, one seek each (absences is keyed by
  // name), and the rows of those that match: a few hundred people in an
  // archive, each absent from many meetings.
  Stmt next, rows;
  if (Status s = next.Prepare(db,
                              "SELECT name FROM absences WHERE name > ?1 ORDER BY name LIMIT 1");
      !s.ok())
    return s;
  if (Status s = rows.Prepare(db,
                              "SELECT document_id, item_id FROM absences WHERE name = ?1");
      !s.ok())
    return s;
  std::vector<int64_t> documents, items;
  std::vector<std::string> tokens;
  std::string last;
  for (;;) {
    next.Reset();
    next.Bind(1, last);
    int rc = next.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return next.Error(rc);
    last = next.Text(0);
    if (!tokenizer.Tokens(last, FTS5_TOKENIZE_DOCUMENT, &tokens))
      return Status::Internal("tokenizing a name failed");
    if (!NameMatches(tokens, phrases)) continue;
    rows.Reset();
    rows.Bind(1, last);
    while ((rc = rows.Step()) == SQLITE_ROW) {
      const int64_t item = rows.Int(1);
      if (item == 0) documents.push_back(rows.Int(0));
      else items.push_back(item);
    }
    if (rc != SQLITE_DONE) return rows.Error(rc);
  }
  out->documents.Assign(documents);
  out->items.Assign(items);
  return Status::Ok();
}

}  // namespace store

namespace {

void BindNamed(Stmt& st, const char* name, const std::string& value) {
  int i = sqlite3_bind_parameter_index(st.get(), name);
  if (i > 0) st.Bind(i, value);
}

bool Ranked(const SearchQuery& q) { return q.text.find_first_not_of(" \t\r\n") != std::string::npos; }

// Whole documents are hits unless a filter needs an item.
bool WithDocuments(const SearchQuery& q) { return !q.decision && !q.case_number; }

// The conditions on the meeting, for `SELECT document_id FROM meetings
// WHERE 1 ...`; empty when no filter is on the meeting.
std::string MeetingConditions(const SearchQuery& q) {
  std::string w;
  // Contains, case folded for every letter (BESKÆFTIGELSESUDVALGET).
  if (q.body) w += " AND instr(referat_fold(body), :body) > 0";
  if (q.municipality) w += " AND instr(referat_fold(municipality), :municipality) > 0";
  if (q.council) w += " AND instr(referat_fold(council), :council) > 0";
  // An ISO date compares as text: date >= "2015" is the prefix comparison
  // substr(date, 1, 4) >= "2015", and substr(date, 1, n) <= TO is
  // date <= TO || '~' ('~' sorts after digits and '-'), so the
  // meetings_date index serves both.
  if (q.from) w += " AND date >= :from";
  if (q.to) w += " AND date <= :to || '~'";
  return w;
}

// What one search makes before its statements and binds into them: the
// --absent sets and the item-to-document cursor.
struct SearchState {
  explicit SearchState(sqlite3* db) : documents(db) {}
  std::optional<store::AbsentSets> absent;
  // The absent sets' ids as SQL lists when they are few (listed), so an
  // unranked search reads only those documents' and items' rows through
  // their indexes, as SQLite did from an IN (subquery) of a few rows.
  bool listed = false;
  std::string document_list, item_list;
  store::ItemDocuments documents;
};

Status MakeState(sqlite3* db, const SearchQuery& q, SearchState* state) {
  if (!q.absent) return Status::Ok();
  state->absent.emplace();
  if (Status s = store::ReadAbsent(db, *q.absent, &*state->absent); !s.ok()) return s;
  constexpr size_t kListed = 2000;
  const std::vector<int64_t> documents = state->absent->documents.Ids(kListed + 1);
  const std::vector<int64_t> items = state->absent->items.Ids(kListed + 1);
  if (documents.size() + items.size() > kListed) return Status::Ok();
  state->listed = true;
  for (int64_t id : documents)
    state->document_list += (state->document_list.empty() ? "" : ",") + std::to_string(id);
  for (int64_t id : items)
    state->item_list += (state->item_list.empty() ? "" : ",") + std::to_string(id);
  return Status::Ok();
}



// The filters as conditions on a hit's ids. Each is an uncorrelated
// subquery, a set SQLite builds once from an index (a few thousand
// meetings, the absent person's rows, one category), never a join per
// candidate: reading each matching item's or document's row (a document's
// row holds its whole contract JSON) is what made a broad query slow.
//
// `item` is the item id of the item arm (empty for the document arm).
// `doc` is the document id when the arm has it at hand; for the ranked item
// arm it is empty, and a condition on the document becomes one on the item
// ids of those documents (agenda_items_document covers it).
//
// With `state` whose absent sets are listed, an --absent filter also names
// their ids, so SQLite can read just those rows (the unranked arms).
std::string FilterSql(const SearchQuery& q, const std::string& item, const std::string& doc,
                      const SearchState* state = nullptr) {
  std::string w;
  auto on_documents = [&](const std::string& documents) {
    if (!doc.empty()) return doc + " IN (" + documents + ")";
    return item + " IN (SELECT id FROM agenda_items WHERE document_id IN (" + documents + "))";
  };
  if (const std::string m = MeetingConditions(q); !m.empty())
    w += " AND " + on_documents("SELECT document_id FROM meetings WHERE 1" + m);
  if (q.kind) w += " AND " + on_documents("SELECT id FROM documents WHERE kind = :kind");
  if (!item.empty() && q.decision)
    w += " AND " + item + " IN (SELECT item_id FROM decisions WHERE category = :decision)";
  if (!item.empty() && q.case_number)
    w += " AND " + item + " IN (SELECT item_id FROM cases WHERE case_key = :case)";
  if (q.absent) {
    // Absent from the meeting, or (items) from that item: the sets
    // ReadAbsent made, probed per candidate.
    const std::string from_meeting =
        !doc.empty() ? "referat_in(:absent_documents, " + doc + ")"
                     : item + " IN (SELECT id FROM agenda_items WHERE referat_in(:absent_documents, "
                              "document_id))";
    if (!item.empty())
      w += " AND (" + from_meeting + " OR referat_in(:absent_items, " + item + "))";
    else
      w += " AND " + from_meeting;
    if (state && state->listed && !doc.empty()) {
      w += " AND (" + doc + " IN (" + state->document_list + ")";
      w += item.empty() ? ")" : " OR " + item + " IN (" + state->item_list + "))";
    }
  }
  return w;
}

void BindSet(Stmt& st, const char* name, const store::IdSet* set) {
  if (int i = sqlite3_bind_parameter_index(st.get(), name); i > 0)
    sqlite3_bind_pointer(st.get(), i, const_cast<store::IdSet*>(set), store::IdSet::kType, nullptr);
}

void BindAll(Stmt& st, const SearchQuery& q, SearchState* state) {
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
  if (state && state->absent) {
    BindSet(st, ":absent_documents", &state->absent->documents);
    BindSet(st, ":absent_items", &state->absent->items);
  }
  if (int i = sqlite3_bind_parameter_index(st.get(), ":item_documents"); i > 0 && state)
    sqlite3_bind_pointer(st.get(), i, &state->documents, store::ItemDocuments::kType, nullptr);
  if (int i = sqlite3_bind_parameter_index(st.get(), ":limit"); i > 0) st.Bind(i, q.limit);
  if (int i = sqlite3_bind_parameter_index(st.get(), ":offset"); i > 0) st.Bind(i, q.offset);
}

// Our SQL is fixed; a plain SQL error comes from the user's query (FTS5
// syntax left after MatchExpression: an unbalanced quote, a bad NEAR).
Status QueryError(sqlite3* db, Stmt& st, int rc) {
  if ((rc & 0xff) == SQLITE_ERROR)
    return Status::Usage(std::string("bad search query: ") + sqlite3_errmsg(db) +
                         " (FTS5 syntax: close every \"double quote\")");
  return st.Error(rc);
}

Status Prepared(sqlite3* db, const std::string& sql, const SearchQuery& q, Stmt* st,
                SearchState* state = nullptr) {
  if (Status s = st->Prepare(db, sql); !s.ok()) return s;
  BindAll(*st, q, state);
  return Status::Ok();
}

// The hits of each arm, one row each: the item arm (doc = 0, id =
// agenda_items.id) and the document arm (doc = 1, id = documents.id), with
// their sort keys. Ranked, an arm reads its FTS index and, for a filter on
// the document, the candidate item's row (the unary + keeps SQLite from
// handing an id set to FTS5 as a rowid lookup per id); by date, the
// meeting's date and the item's position, which the covering index
// agenda_items_document holds. With `count_only` an arm yields a constant
// instead of its sort keys: counting needs no bm25 and no meeting's date.
std::string HitsSql(const SearchQuery& q, bool with_documents, bool count_only = false,
                    const SearchState* state = nullptr) {
  std::string sql;
  if (Ranked(q)) {
    // Weights: a word in the title counts most, then the decision, the
    // recommendation, and the body text.
    // A filter on the document (meeting, kind, absent from the meeting)
    // reads each candidate item's document_id: a set of item ids of every
    // such document would be built per query, all the items of the store
    // for a broad filter (--kind minutes).
    const bool on_document = !MeetingConditions(q).empty() || q.kind || q.absent;
    // Items are the positive rowids of items_fts; the negative ones are
    // passages (FTS5 takes the rowid range as part of the match).
    sql = std::string(count_only ? "SELECT 1 FROM items_fts"
                                 : "SELECT 0 AS doc, items_fts.rowid AS id, referat_bm25(items_fts, 4.0, "
                                   "1.5, 2.0, 1.0) AS score, NULL AS date, 0 AS did, 0 AS pos, "
                                   "0 AS part FROM items_fts") +
          " WHERE items_fts MATCH :q AND items_fts.rowid > 0" +
          FilterSql(q, "+items_fts.rowid",
                    on_document ? "referat_document(:item_documents, items_fts.rowid)" : "");
    // A document is ranked by its best passage (the part the match is
    // in), which FillPage reports. The LIMIT -1 keeps SQLite from folding
    // the subquery into the grouping, where bm25 cannot be called.
    const std::string passages =
        " FROM items_fts JOIN passages p ON p.id = -items_fts.rowid WHERE items_fts MATCH :q "
        "AND items_fts.rowid < 0" +
        FilterSql(q, "", "+p.document_id");
    if (with_documents && count_only)
      sql += " UNION ALL SELECT 1" + passages + " GROUP BY p.document_id";
    else if (with_documents)
      sql += " UNION ALL SELECT 1, document_id, min(score), NULL, 0, 0, passage FROM (SELECT "
             "p.document_id AS document_id, p.id AS passage, referat_bm25(items_fts, 4.0, 1.5, 2.0, "
             "1.0) AS score" +
             passages + " LIMIT -1) GROUP BY document_id";
  } else if (count_only) {
    sql = "SELECT 1 FROM agenda_items i WHERE 1" + FilterSql(q, "i.id", "i.document_id", state);
    if (with_documents)
      sql += " UNION ALL SELECT 1 FROM documents d WHERE NOT EXISTS (SELECT 1 FROM agenda_items "
             "x WHERE x.document_id = d.id)" +
             FilterSql(q, "", "d.id", state);
  } else {
    sql = "SELECT 0 AS doc, i.id AS id, 0.0 AS score, m.date AS date, i.document_id AS did, "
          "i.position AS pos FROM agenda_items i LEFT JOIN meetings m ON m.document_id = "
          "i.document_id WHERE 1" +
          FilterSql(q, "i.id", "i.document_id", state);
    if (with_documents)
      sql += " UNION ALL SELECT 1, d.id, 0.0, m.date, d.id, 0 FROM documents d LEFT JOIN "
             "meetings m ON m.document_id = d.id WHERE NOT EXISTS (SELECT 1 FROM agenda_items x "
             "WHERE x.document_id = d.id)" +
             FilterSql(q, "", "d.id", state);
  }
  return sql;
}

// Every ranked hit, unordered (Store::Find keeps the page).
std::string RankedRowsSql(const SearchQuery& q) {
  return "WITH hits AS (" + HitsSql(q, WithDocuments(q)) + ") SELECT doc, id, score, part FROM hits";
}

std::string CountSql(const SearchQuery& q, const SearchState* state) {
  return "SELECT count(*) FROM (" + HitsSql(q, WithDocuments(q), true, state) + ")";
}

// The unranked order, newest meeting first (undated last), then items
// before whole documents, then document id and the item's position, is an
// order of documents first: every item of a document shares its date and
// id. So the hits are counted per document (agenda_items_document covers
// the grouping; one meeting's date is read per document, not per item),
// the documents are sorted, and only the documents the page reaches are
// opened for their items. The sums give the exact total on the way.
std::string GroupsSql(const SearchQuery& q, const SearchState* state) {
  std::string sql =
      "SELECT g.doc, g.did, g.n FROM (SELECT 0 AS doc, i.document_id AS did, count(*) AS n FROM "
      "agenda_items i WHERE 1" +
      FilterSql(q, "i.id", "i.document_id", state) + " GROUP BY i.document_id";
  if (WithDocuments(q))
    sql += " UNION ALL SELECT 1, d.id, 1 FROM documents d WHERE NOT EXISTS (SELECT 1 FROM "
           "agenda_items x WHERE x.document_id = d.id)" +
           FilterSql(q, "", "d.id", state);
  return sql +
         ") g LEFT JOIN meetings m ON m.document_id = g.did ORDER BY m.date DESC, g.doc, g.did";
}

struct PageRow {
  bool doc;
  int64_t id;
  double score;
  int64_t passage = 0;  // a ranked document hit's best passage
};

Status CheckQuery(const SearchQuery& q) {
  if (q.limit <= 0) return Status::Usage("--limit must be at least 1");
  if (q.offset < 0) return Status::Usage("the offset must not be negative");
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

// The columns of a hit, shared by both arms: id, document_id, path,
// given_path, sha256, kind, body, municipality, date, document title, item
// number, item title, category, decision text, snippet, span_start,
// span_end, span_page.
SearchHit ReadHit(const Stmt& st) {
  SearchHit h;
  h.document_id = st.Int(1);
  h.path = st.Text(2);
  h.given_path = st.Text(3);
  h.sha256 = st.Text(4);
  h.kind = st.Text(5);
  h.body = st.OptText(6);
  h.municipality = st.OptText(7);
  h.date = st.OptText(8);
  h.document_title = st.OptText(9);
  h.item_number = st.OptText(10);
  if (h.item_number) h.item_id = st.Int(0);
  h.item_title = st.OptText(11);
  h.decision_category = st.OptText(12);
  h.decision_text = st.OptText(13);
  h.snippet = st.Text(14);
  if (!st.IsNull(15)) h.span = store::SpanAt(st, 15);
  return h;
}

// The span of a document hit's own snippet: where the body snippet of its
// best passage (the matches between \x01 and \x02, no ellipses) stands in
// that passage, which starts at `passage.start` of the text; its page is
// the page at its start by the values the contract places on pages
// (store/passages.h), else unknown. Empty when the match is not in the
// body (a title match) or the snippet cannot be placed.
std::optional<Span> SnippetSpan(const std::string& passage_text, const Span& passage,
                                const std::string& marked,
                                const std::optional<std::string>& json) {
  if (marked.find('\x01') == std::string::npos) return std::nullopt;
  std::string plain;
  plain.reserve(marked.size());
  for (char c : marked)
    if (c != '\x01' && c != '\x02') plain += c;
  const size_t at = passage_text.find(plain);
  if (plain.empty() || at == std::string::npos) return std::nullopt;
  Span span;
  span.start = passage.start + at;
  span.end = span.start + plain.size();
  span.page = 0;
  if (json) {
    const nlohmann::json j = nlohmann::json::parse(*json, nullptr, false);
    if (!j.is_discarded()) span.page = store::PageAt(store::PagedStarts(j), span.start);
  }
  if (span.page == 0 && span.start == passage.start) span.page = passage.page;
  return span;
}

// The hits of one page with their columns and snippets: a snippet is made
// for these rows only, since one of a long report reads its whole text.
Status FillPage(sqlite3* db, const SearchQuery& q, const std::vector<PageRow>& page,
                std::vector<SearchHit>* hits) {
  const bool ranked = Ranked(q);
  // The page's rows of items_fts are read by rowid (FTS5 matches each row
  // alone), not by a pass over every match, except for a prefix query:
  // FTS5 expands a prefix again for every rowid it is asked about, so
  // there one pass is cheaper.
  const bool by_rowid = ranked && !HasPrefixTerm(MatchExpression(q.text));
  // ReadHit's columns after the hit's id, to the document title. The given
  // path is that of the file documents.path names (a PRIMARY KEY lookup per
  // hit of the page); the key itself where no files row names it.
  static const std::string kHitColumns =
      "d.id, d.path, coalesce((SELECT f.given_path FROM files f WHERE f.path = d.path), "
      "d.path), d.sha256, d.kind, m.body, m.municipality, m.date, d.title, ";
  std::map<std::pair<bool, int64_t>, SearchHit> by_id;
  for (bool doc : {false, true}) {
    std::string ids, rowids;
    for (const PageRow& r : page)
      if (r.doc == doc) {
        const int64_t id = doc && ranked ? r.passage : r.id;
        ids += (ids.empty() ? "" : ",") + std::to_string(id);
        rowids += (rowids.empty() ? "" : ",") + std::to_string(doc ? -id : id);
      }
    if (ids.empty()) continue;
    std::string sql;
    if (!doc && by_rowid) {
      sql = "SELECT i.id, " + kHitColumns +
            "i.number, i.title, dc.category, dc.text, snippet(items_fts, -1, :open, "
            ":close, '…', 16), i.span_start, i.span_end, i.span_page FROM items_fts CROSS JOIN "
            "agenda_items i ON i.id = items_fts.rowid JOIN documents d ON d.id = i.document_id "
            "LEFT JOIN meetings m ON m.document_id = d.id LEFT JOIN decisions dc ON dc.item_id = "
            "i.id WHERE items_fts MATCH :q AND items_fts.rowid IN (" +
            rowids + ")";
    } else if (!doc) {
      sql = "SELECT i.id, " + kHitColumns + "i.number, i.title, dc.category, dc.text, " +
            std::string(ranked ? "snippet(items_fts, -1, :open, :close, '…', 16)"
                               : "substr(coalesce(dc.text, i.recommendation_text, ''), 1, 240)") +
            ", i.span_start, i.span_end, i.span_page FROM agenda_items i" +
            (ranked ? " JOIN items_fts ON items_fts.rowid = i.id AND items_fts MATCH :q" : "") +
            " JOIN documents d ON d.id = i.document_id LEFT JOIN meetings m ON m.document_id = "
            "d.id LEFT JOIN decisions dc ON dc.item_id = i.id WHERE i.id IN (" +
            ids + ")";
    } else if (ranked) {
      // The best passage: its span and page, its text, its body snippet
      // between control marks (they cannot occur in the normalized text)
      // and, for paged documents, the contract JSON that places the
      // snippet on its page.
      sql = "SELECT d.id, " + kHitColumns +
            "NULL, NULL, NULL, NULL, snippet(items_fts, -1, :open, :close, '…', 16), "
            "p.span_start, p.span_end, p.span_page, items_fts.body, snippet(items_fts, 3, "
            "char(1), char(2), '', 16), CASE WHEN d.pages IS NOT NULL THEN d.json END FROM "
            + std::string(by_rowid ? "items_fts CROSS JOIN passages p ON p.id = -items_fts.rowid "
                                     : "passages p JOIN items_fts ON items_fts.rowid = -p.id AND "
                                       "items_fts MATCH :q ") +
            "JOIN documents d ON d.id = p.document_id LEFT JOIN meetings m ON m.document_id = "
            "d.id WHERE " +
            (by_rowid ? "items_fts MATCH :q AND items_fts.rowid IN (" + rowids + ")"
                      : "p.id IN (" + ids + ")");
    } else {
      sql = "SELECT d.id, " + kHitColumns +
            "NULL, NULL, NULL, NULL, coalesce(d.title, ''), 0, d.text_length, CASE WHEN "
            "d.pages IS NOT NULL THEN 1 END FROM documents d LEFT JOIN meetings m ON "
            "m.document_id = d.id WHERE d.id IN (" +
            ids + ")";
    }
    Stmt st;
    if (Status s = Prepared(db, sql, q, &st); !s.ok()) return s;
    int rc = store::EachRow(st, [&](const Stmt& row) {
      SearchHit hit = ReadHit(row);
      if (doc && ranked && hit.span)
        if (std::optional<Span> own =
                SnippetSpan(row.Text(18), *hit.span, row.Text(19), row.OptText(20)))
          hit.span = own;
      by_id.emplace(std::make_pair(doc, row.Int(0)), std::move(hit));
    });
    if (rc != SQLITE_DONE) return QueryError(db, st, rc);
  }
  for (const PageRow& r : page) {
    auto it = by_id.find({r.doc, r.id});
    if (it == by_id.end()) continue;  // deleted by a writer between the two reads
    it->second.score = r.score;
    hits->push_back(std::move(it->second));
  }
  return Status::Ok();
}

// The page [offset, offset + limit) of the unranked order (GroupsSql), and
// with q.count the total, which the groups' sizes give.
Status UnrankedPage(sqlite3* db, const SearchQuery& q, SearchState* state,
                    std::vector<PageRow>* page, int64_t* total) {
  struct Slice {
    bool doc;
    int64_t did, skip, take;
  };
  std::vector<Slice> slices;
  const int64_t first = q.offset, end = first + q.limit;
  int64_t seen = 0;
  {
    Stmt st;
    if (Status s = Prepared(db, GroupsSql(q, state), q, &st, state); !s.ok()) return s;
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      const int64_t n = st.Int(2);
      if (seen + n > first && seen < end) {
        const int64_t skip = std::max<int64_t>(0, first - seen);
        slices.push_back({st.Int(0) != 0, st.Int(1), skip, std::min(n, end - seen) - skip});
      }
      seen += n;
      if (!q.count && seen >= end) break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return QueryError(db, st, rc);
  }
  if (q.count) *total = seen;
  // The items of the documents the page reaches, in position order; the
  // filters again, now on these documents' items only (the unary + keeps
  // SQLite from driving the read by a filter's id set).
  std::string dids;
  for (const Slice& sl : slices)
    if (!sl.doc) dids += (dids.empty() ? "" : ",") + std::to_string(sl.did);
  std::map<int64_t, std::vector<int64_t>> items;
  if (!dids.empty()) {
    Stmt st;
    if (Status s = Prepared(db,
                            "SELECT i.id, i.document_id FROM agenda_items i WHERE i.document_id "
                            "IN (" + dids + ")" + FilterSql(q, "+i.id", "i.document_id") +
                                " ORDER BY i.document_id, i.position",
                            q, &st, state);
        !s.ok())
      return s;
    int rc = store::EachRow(st, [&](const Stmt& row) { items[row.Int(1)].push_back(row.Int(0)); });
    if (rc != SQLITE_DONE) return QueryError(db, st, rc);
  }
  for (const Slice& sl : slices) {
    if (sl.doc) {
      page->push_back({true, sl.did, 0.0});
      continue;
    }
    // Fewer than counted only when a writer changed the document between the reads.
    const std::vector<int64_t>& ids = items[sl.did];
    for (int64_t k = sl.skip; k < sl.skip + sl.take && k < static_cast<int64_t>(ids.size()); ++k)
      page->push_back({false, ids[static_cast<size_t>(k)], 0.0});
  }
  return Status::Ok();
}

}  // namespace

Result<SearchResults> Store::Find(const SearchQuery& q) {
  if (Status s = CheckQuery(q); !s.ok()) return s;
  SearchState state(impl_->db);
  if (Status s = MakeState(impl_->db, q, &state); !s.ok()) return s;
  SearchResults out;
  std::vector<PageRow> page;
  if (!Ranked(q)) {
    if (Status s = UnrankedPage(impl_->db, q, &state, &page, &out.total); !s.ok())
      return s;
  } else {
    // Every hit is read once, unordered, and the page kept here (the best
    // offset + limit by score, then items before documents, then id): a
    // heap that a hit enters only when it beats the worst kept, cheaper
    // than SQL's sorter over the union of the two arms, and the count
    // comes on the way.
    Stmt st;
    if (Status s = Prepared(impl_->db, RankedRowsSql(q), q, &st, &state); !s.ok()) return s;
    const size_t keep = static_cast<size_t>(q.offset) + static_cast<size_t>(q.limit);
    auto before = [](const PageRow& a, const PageRow& b) {
      if (a.score != b.score) return a.score < b.score;
      if (a.doc != b.doc) return !a.doc;
      return a.id < b.id;
    };
    std::vector<PageRow> best;  // a max-heap by `before`: its front is the worst kept
    int64_t n = 0;
    int rc = store::EachRow(st, [&](const Stmt& row) {
      ++n;
      PageRow r{row.Int(0) != 0, row.Int(1), row.Real(2), row.Int(3)};
      if (best.size() < keep) {
        best.push_back(r);
        std::push_heap(best.begin(), best.end(), before);
      } else if (keep > 0 && before(r, best.front())) {
        std::pop_heap(best.begin(), best.end(), before);
        best.back() = r;
        std::push_heap(best.begin(), best.end(), before);
      }
    });
    if (rc != SQLITE_DONE) return QueryError(impl_->db, st, rc);
    std::sort_heap(best.begin(), best.end(), before);
    if (best.size() > static_cast<size_t>(q.offset))
      page.assign(best.begin() + q.offset, best.end());
    if (q.count) out.total = n;
  }
  if (Status s = FillPage(impl_->db, q, page, &out.hits); !s.ok()) return s;
  return out;
}

Result<std::vector<SearchHit>> Store::Search(const SearchQuery& q) {
  SearchQuery plain = q;
  plain.count = false;
  Result<SearchResults> r = Find(plain);
  if (!r.ok()) return r.status();
  return std::move(r->hits);
}

Result<std::vector<int64_t>> Store::FindItemIds(const SearchQuery& q) {
  if (Status s = CheckQuery(q); !s.ok()) return s;
  SearchQuery items = q;
  items.offset = 0;
  SearchState state(impl_->db);
  if (Status s = MakeState(impl_->db, q, &state); !s.ok()) return s;
  std::string sql = "WITH hits AS (" + HitsSql(items, false, false, &state) +
                    ") SELECT id FROM hits ORDER BY " +
                    (Ranked(q) ? "score, id" : "date DESC, did, pos") + " LIMIT :limit";
  Stmt st;
  if (Status s = Prepared(impl_->db, sql, items, &st, &state); !s.ok()) return s;
  std::vector<int64_t> ids;
  int rc = store::EachRow(st, [&](const Stmt& row) { ids.push_back(row.Int(0)); });
  if (rc != SQLITE_DONE) return QueryError(impl_->db, st, rc);
  return ids;
}

Result<int64_t> Store::CountHits(const SearchQuery& q) {
  if (Status s = CheckQuery(q); !s.ok()) return s;
  SearchState state(impl_->db);
  if (Status s = MakeState(impl_->db, q, &state); !s.ok()) return s;
  Stmt st;
  if (Status s = Prepared(impl_->db, CountSql(q, &state), q, &st, &state); !s.ok()) return s;
  int rc = st.Step();
  if (rc == SQLITE_ROW) return st.Int(0);
  return QueryError(impl_->db, st, rc);
}

sqlite3* Store::connection() const { return impl_->db; }

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
