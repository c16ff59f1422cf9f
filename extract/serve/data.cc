// The pages' data: SQL over the documented tables (docs/store.md) and the
// contract JSON kept in documents.json.
#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "serve/pages.h"
#include "referat/store.h"
#include "store/case_number.h"

namespace referat::serve {
namespace {

// Snippet markers: control characters cannot occur in the normalized text,
// so the marks are found exactly and no user text is mistaken for one.
constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';

// LIKE pattern matching `s` anywhere, with % _ and \ taken literally.
std::string ContainsPattern(std::string_view s) {
  std::string p = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

bool Ranked(const SearchParams& p) { return p.q.find_first_not_of(" \t\r\n") != std::string::npos; }

// WHERE clauses of the filters; `items` for the agenda-item arm.
std::string FilterSql(const SearchParams& p, bool items) {
  std::string w;
  if (p.body) w += " AND m.body LIKE :body ESCAPE '\\'";
  if (p.municipality) w += " AND m.municipality LIKE :mun ESCAPE '\\'";
  if (p.from) w += " AND substr(m.date, 1, length(:from)) >= :from";
  if (p.to) w += " AND substr(m.date, 1, length(:to)) <= :to";
  if (p.kind) w += " AND d.kind = :kind";
  if (items && p.decision) w += " AND dc.category = :decision";
  if (items && p.case_number)
    w += p.case_key ? " AND i.id IN (SELECT item_id FROM cases WHERE case_key = :case)"
                    : " AND i.case_number = :case";
  if (p.absent) {
    // Absent from the meeting, or (items) from that item. Uncorrelated
    // subqueries: SQLite builds each set once instead of probing the
    // attendance table for every candidate row.
    const std::string named =
        " AND a.status = 'absent' AND a.id IN (SELECT rowid FROM names_fts WHERE names_fts MATCH "
        ":absent)";
    const std::string meeting =
        "(SELECT a.document_id FROM attendance a WHERE a.item_id IS NULL" + named + ")";
    if (items)
      w += " AND (i.document_id IN " + meeting +
           " OR i.id IN (SELECT a.item_id FROM attendance a WHERE a.item_id IS NOT NULL" + named +
           "))";
    else
      w += " AND d.id IN " + meeting;
  }
  return w;
}

std::vector<Param> FilterParams(const SearchParams& p) {
  std::vector<Param> v;
  v.push_back({":q", p.q});
  v.push_back({":open", std::string(1, kOpen)});
  v.push_back({":close", std::string(1, kClose)});
  if (p.body) v.push_back({":body", ContainsPattern(*p.body)});
  if (p.municipality) v.push_back({":mun", ContainsPattern(*p.municipality)});
  if (p.from) v.push_back({":from", *p.from});
  if (p.to) v.push_back({":to", *p.to});
  if (p.kind) v.push_back({":kind", *p.kind});
  if (p.decision) v.push_back({":decision", *p.decision});
  if (p.case_number) v.push_back({":case", p.case_key ? store::CaseKey(*p.case_number) : *p.case_number});
  if (p.absent) v.push_back({":absent", referat::NameQuery(*p.absent)});
  return v;
}

// Whole documents (reports, letters: no agenda items) are hits too, unless
// a filter needs an item.
bool WithDocuments(const SearchParams& p) { return !p.decision && !p.case_number; }

const char* kItemJoins =
    " JOIN documents d ON d.id = i.document_id"
    " LEFT JOIN meetings m ON m.document_id = d.id"
    " LEFT JOIN decisions dc ON dc.item_id = i.id";

// The snippet with its markers taken out: plain text plus the byte ranges
// that matched, so neither JSON readers nor the HTML see marker characters.
void SplitSnippet(json* hit) {
  std::string raw = (*hit)["snippet"].is_string() ? (*hit)["snippet"].get<std::string>() : "";
  std::string text;
  json marks = json::array();
  size_t open = 0;
  for (char c : raw) {
    if (c == kOpen) {
      open = text.size();
    } else if (c == kClose) {
      marks.push_back({open, text.size()});
    } else {
      text += c;
    }
  }
  (*hit)["snippet"] = text;
  (*hit)["marks"] = marks;
}

// The contract JSON of one document (documents.json).
Result<json> DocumentJson(sqlite3* db, int64_t document_id) {
  Result<json> rows =
      Query(db, "SELECT json FROM documents WHERE id = :id", {{":id", document_id}});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::NotFound("no document " + std::to_string(document_id));
  try {
    return json::parse((*rows)[0]["json"].get<std::string>());
  } catch (const json::exception& e) {
    return Status::Corrupt(std::string("documents.json does not parse: ") + e.what());
  }
}

// A case number compared across bodies: case and spaces ignored.
std::string NormalizeCase(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

Result<json> SearchData(sqlite3* db, const SearchParams& p) {
  const bool ranked = Ranked(p);
  const bool docs = WithDocuments(p);
  std::string items, documents, items_count, documents_count;
  const std::string item_cols =
      "SELECT 'item' AS type, i.id AS item_id, d.id AS document_id, d.path AS path, "
      "d.kind AS kind, m.body AS body, m.municipality AS municipality, m.date AS date, "
      "i.number AS number, i.title AS title, dc.category AS category, ";
  const std::string doc_cols =
      "SELECT 'document', NULL, d.id, d.path, d.kind, m.body, m.municipality, m.date, NULL, "
      "coalesce(d.title, d.path), NULL, ";
  if (ranked) {
    const std::string rank = "bm25(items_fts, 4.0, 1.5, 2.0, 1.0)";
    items = item_cols +
            "NULL AS snippet, i.span_start AS "
            "span_start, i.span_end AS span_end, i.span_page AS span_page, " +
            rank + " AS score, i.position AS pos FROM items_fts JOIN agenda_items i ON i.id = "
                   "items_fts.rowid" +
            kItemJoins + " WHERE items_fts MATCH :q" + FilterSql(p, true);
    items_count = "SELECT count(*) FROM items_fts JOIN agenda_items i ON i.id = items_fts.rowid" +
                  std::string(kItemJoins) + " WHERE items_fts MATCH :q" + FilterSql(p, true);
    documents = doc_cols +
                "NULL, 0, d.text_length, CASE "
                "WHEN d.pages IS NOT NULL THEN 1 END, bm25(documents_fts, 4.0, 1.0), 0 FROM "
                "documents_fts JOIN documents d ON d.id = documents_fts.rowid LEFT JOIN meetings "
                "m ON m.document_id = d.id WHERE documents_fts MATCH :q" +
                FilterSql(p, false);
    documents_count =
        "SELECT count(*) FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid LEFT "
        "JOIN meetings m ON m.document_id = d.id WHERE documents_fts MATCH :q" +
        FilterSql(p, false);
  } else {
    items = item_cols +
            "substr(coalesce(dc.text, i.recommendation_text, ''), 1, 240) AS snippet, "
            "i.span_start AS span_start, i.span_end AS span_end, i.span_page AS span_page, 0.0 "
            "AS score, i.position AS pos FROM agenda_items i" +
            kItemJoins + " WHERE 1" + FilterSql(p, true);
    items_count = "SELECT count(*) FROM agenda_items i" + std::string(kItemJoins) + " WHERE 1" +
                  FilterSql(p, true);
    const std::string no_items =
        " WHERE NOT EXISTS (SELECT 1 FROM agenda_items x WHERE x.document_id = d.id)";
    documents = doc_cols +
                "'', 0, d.text_length, CASE WHEN d.pages IS NOT NULL THEN 1 END, 0.0, 0 FROM "
                "documents d LEFT JOIN meetings m ON m.document_id = d.id" +
                no_items + FilterSql(p, false);
    documents_count = "SELECT count(*) FROM documents d LEFT JOIN meetings m ON m.document_id = d.id" +
                      no_items + FilterSql(p, false);
  }
  // One ordered list over both arms, so paging is exact: by bm25 (lower is
  // better) with a query, else newest meeting first; ties by document order.
  std::string sql = items;
  if (docs) sql += " UNION ALL " + documents;
  sql += ranked ? " ORDER BY score, document_id, pos" : " ORDER BY date DESC, document_id, pos";
  sql += " LIMIT :limit OFFSET :offset";
  // Counted up to kMaxCount: a broad query on a large archive should not
  // pay for counting every match ("over 10000" is enough to say: refine).
  auto capped = [](const std::string& count) {
    const std::string head = "SELECT count(*) FROM ";
    return "SELECT count(*) FROM (SELECT 1 FROM " + count.substr(head.size()) + " LIMIT :cap)";
  };
  std::string count_sql = "SELECT (" + capped(items_count) + ")";
  if (docs) count_sql += " + (" + capped(documents_count) + ")";
  count_sql += " AS n";

  std::vector<Param> params = FilterParams(p);
  params.push_back({":limit", p.per_page});
  params.push_back({":offset", static_cast<int64_t>(p.page - 1) * p.per_page});
  params.push_back({":cap", kMaxCount + 1});
  Result<json> hits = Query(db, sql, params);
  if (!hits.ok()) return hits.status();
  Result<json> count = Query(db, count_sql, params);
  if (!count.ok()) return count.status();
  // Snippets only for the page's rows: in the ordered query SQLite would
  // compute one for every match before sorting, and a snippet of a long
  // report reads its whole text.
  if (ranked && !hits->empty()) {
    for (const char* type : {"item", "document"}) {
      std::string ids;
      for (const json& h : *hits)
        if (h["type"] == type)
          ids += (ids.empty() ? "" : ",") + std::to_string(h[std::string(type) + "_id"].get<int64_t>());
      if (ids.empty()) continue;
      const std::string table = std::string(type) == "item" ? "items_fts" : "documents_fts";
      Result<json> snips = Query(db,
                                 "SELECT rowid AS id, snippet(" + table +
                                     ", -1, :open, :close, '…', 16) AS snippet FROM " + table +
                                     " WHERE " + table + " MATCH :q AND rowid IN (" + ids + ")",
                                 params);
      if (!snips.ok()) return snips.status();
      std::map<int64_t, std::string> by_id;
      for (const json& r : *snips) by_id[r["id"].get<int64_t>()] = r["snippet"].get<std::string>();
      for (json& h : *hits)
        if (h["type"] == type) h["snippet"] = by_id[h[std::string(type) + "_id"].get<int64_t>()];
    }
  }
  for (json& h : *hits) {
    SplitSnippet(&h);
    h.erase("pos");
    if (!ranked) h.erase("score");
  }
  const int64_t counted = (*count)[0]["n"].get<int64_t>();
  const bool capped_total = counted > kMaxCount;
  const int64_t total = std::min<int64_t>(counted, kMaxCount);
  json query = {{"q", p.q}, {"page", p.page}, {"per_page", p.per_page}};
  auto opt = [&](const char* k, const std::optional<std::string>& v) {
    query[k] = v ? json(*v) : json();
  };
  opt("body", p.body);
  opt("municipality", p.municipality);
  opt("from", p.from);
  opt("to", p.to);
  opt("decision", p.decision);
  opt("absent", p.absent);
  opt("case", p.case_number);
  opt("kind", p.kind);
  const int64_t reachable = std::min<int64_t>(total, kMaxOffset + p.per_page);
  return json{{"query", query},
              {"total", total},
              {"total_is_lower_bound", capped_total},
              {"pages", (reachable + p.per_page - 1) / p.per_page},
              {"hits", std::move(*hits)}};
}

Result<json> FormChoices(sqlite3* db) {
  json out;
  const std::array<std::pair<const char*, const char*>, 3> lists = {{
      {"bodies", "SELECT DISTINCT body AS v FROM meetings WHERE body IS NOT NULL ORDER BY 1 LIMIT 500"},
      {"municipalities",
       "SELECT DISTINCT municipality AS v FROM meetings WHERE municipality IS NOT NULL ORDER BY 1 "
       "LIMIT 200"},
      {"kinds", "SELECT DISTINCT kind AS v FROM documents ORDER BY 1"},
  }};
  for (const auto& [key, sql] : lists) {
    Result<json> rows = Query(db, sql);
    if (!rows.ok()) return rows.status();
    json vals = json::array();
    for (const json& r : *rows) vals.push_back(r["v"]);
    out[key] = vals;
  }
  return out;
}

Result<json> DocumentData(sqlite3* db, int64_t id) {
  Result<json> doc = Query(db,
                           "SELECT d.id AS document_id, d.path, d.format, d.pages, d.kind, d.title, "
                           "d.text_length, d.sha256 FROM documents d WHERE d.id = :id",
                           {{":id", id}});
  if (!doc.ok()) return doc.status();
  if (doc->empty()) return Status::NotFound("no document " + std::to_string(id));
  json out = (*doc)[0];
  Result<json> meeting =
      Query(db,
            "SELECT id AS meeting_id, document_type, council, municipality, body, date, "
            "start_time, end_time, location, span_start, span_end, span_page FROM meetings "
            "WHERE document_id = :id",
            {{":id", id}});
  if (!meeting.ok()) return meeting.status();
  out["meeting"] = meeting->empty() ? json() : (*meeting)[0];
  Result<json> attendance =
      Query(db,
            "SELECT a.status, a.name, a.role, a.item_id, i.number AS item_number, a.span_start, "
            "a.span_end, a.span_page FROM attendance a LEFT JOIN agenda_items i ON i.id = "
            "a.item_id WHERE a.document_id = :id ORDER BY a.id",
            {{":id", id}});
  if (!attendance.ok()) return attendance.status();
  // The attendance block's span (contract: attendance.span) for the names
  // that have none of their own.
  Result<json> contract = DocumentJson(db, id);
  if (!contract.ok()) return contract.status();
  json att_span;
  if ((*contract).contains("attendance") && (*contract)["attendance"].is_object())
    att_span = (*contract)["attendance"].value("span", json());
  for (json& a : *attendance)
    if (a["span"].is_null()) a["span"] = att_span;
  out["attendance"] = std::move(*attendance);
  Result<json> items = Query(db,
                             "SELECT i.id AS item_id, i.number, i.title, i.case_number, "
                             "i.public, dc.category, i.span_start, i.span_end, i.span_page FROM "
                             "agenda_items i LEFT JOIN decisions dc ON dc.item_id = i.id WHERE "
                             "i.document_id = :id ORDER BY i.position",
                             {{":id", id}});
  if (!items.ok()) return items.status();
  out["items"] = std::move(*items);
  return out;
}

Result<json> ItemData(sqlite3* db, int64_t item_id) {
  Result<json> rows = Query(db,
                            "SELECT i.id AS item_id, i.document_id, i.position, i.number, "
                            "i.title, i.case_number, m.id AS meeting_id, m.body, m.date, "
                            "m.municipality, d.path, d.format, d.pages, d.kind FROM agenda_items "
                            "i JOIN documents d ON d.id = i.document_id LEFT JOIN meetings m ON "
                            "m.document_id = d.id WHERE i.id = :id",
                            {{":id", item_id}});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::NotFound("no agenda item " + std::to_string(item_id));
  json out = (*rows)[0];
  const int64_t doc_id = out["document_id"].get<int64_t>();
  Result<json> contract = DocumentJson(db, doc_id);
  if (!contract.ok()) return contract.status();
  const size_t pos = out["position"].get<size_t>();
  const json& items = (*contract)["agenda_items"];
  if (!items.is_array() || pos >= items.size())
    return Status::Corrupt("documents.json lacks agenda item " + std::to_string(pos));
  const json& item = items[pos];
  // The contract's own objects, each with its span (HACKING.md: every
  // sub-object carries one), so every value links to its evidence.
  for (const char* k : {"public", "recommendation", "decision", "absent", "votes", "dissents",
                        "attachments", "referrals", "span"})
    out[k] = item.value(k, json());
  out["sections"] = json::array();
  if (item.contains("sections") && item["sections"].is_array())
    for (const json& s : item["sections"])
      out["sections"].push_back({{"heading", s.value("heading", json())}, {"span", s.value("span", json())}});
  json figures = json::array(), targets = json::array();
  const json number = out["number"];
  for (const char* k : {"figures", "targets"}) {
    json& into = std::string(k) == "figures" ? figures : targets;
    if (!contract->contains(k) || !(*contract)[k].is_array()) continue;
    for (const json& f : (*contract)[k])
      if (f.value("item", json()) == number && !number.is_null()) into.push_back(f);
  }
  out["figures"] = figures;
  out["targets"] = targets;
  // The case's other appearances, for the link to the case path.
  if (out["case_number"].is_string()) {
    Result<json> n = Query(db,
                           "SELECT count(*) AS n FROM agenda_items WHERE case_number = :c AND id "
                           "<> :id",
                           {{":c", out["case_number"]}, {":id", item_id}});
    if (!n.ok()) return n.status();
    out["case_elsewhere"] = (*n)[0]["n"];
  }
  return out;
}

Result<json> CaseData(sqlite3* db, int64_t item_id) {
  Result<json> rows = Query(db, "SELECT case_number, title FROM agenda_items WHERE id = :id",
                            {{":id", item_id}});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::NotFound("no agenda item " + std::to_string(item_id));
  json out = {{"item_id", item_id}, {"case_number", (*rows)[0]["case_number"]},
              {"title", (*rows)[0]["title"]}, {"source", "none"}, {"steps", json::array()}};
  if (!out["case_number"].is_string()) return out;
  const std::string number = out["case_number"].get<std::string>();
  // A `cases` table (case links across bodies), when the store has one;
  // else the items printing the same case number (case and spaces ignored).
  Result<json> has_cases = Query(
      db, "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'cases'");
  if (!has_cases.ok()) return has_cases.status();
  const std::string cols =
      "SELECT i.id AS item_id, i.number, i.title, i.case_number, m.body, m.date, "
      "m.municipality, dc.category, d.id AS document_id, i.span_start, i.span_end, i.span_page "
      "FROM agenda_items i JOIN documents d ON d.id = i.document_id LEFT JOIN meetings m ON "
      "m.document_id = d.id LEFT JOIN decisions dc ON dc.item_id = i.id ";
  Result<json> steps = json::array();
  if ((*has_cases)[0]["n"].get<int64_t>() > 0) {
    // The store's case links (docs/store.md, "Case paths"): items sharing
    // the normalized case key within one municipality. Probed by column, so
    // a store without them falls back to the printed number below.
    Result<json> info = Query(db, "SELECT name FROM pragma_table_info('cases')");
    if (!info.ok()) return info.status();
    std::set<std::string> names;
    for (const json& c : *info) names.insert(c["name"].get<std::string>());
    if (names.count("item_id") && names.count("case_key") && names.count("municipality")) {
      steps = Query(db,
                    cols + "WHERE i.id IN (SELECT c.item_id FROM cases c JOIN cases me ON "
                           "me.case_key = c.case_key AND me.municipality = c.municipality "
                           "WHERE me.item_id = :id) ORDER BY m.date, d.id, i.position LIMIT 500",
                    {{":id", item_id}});
      out["source"] = "cases";
    }
  }
  if (out["source"] == "none") {
    steps = Query(db,
                  cols + "WHERE replace(replace(lower(i.case_number), ' ', ''), char(9), '') = :c "
                         "ORDER BY m.date, d.id, i.position LIMIT 500",
                  {{":c", NormalizeCase(number)}});
    out["source"] = "case_number";
  }
  if (!steps.ok()) return steps.status();
  out["steps"] = std::move(*steps);
  // Stated onward paths ("oversendes til Byrådet den …") of each step.
  std::map<int64_t, json> contracts;  // each document parsed once
  for (json& s : out["steps"]) {
    const int64_t doc = s["document_id"].get<int64_t>();
    if (!contracts.count(doc)) {
      Result<json> c = DocumentJson(db, doc);
      contracts[doc] = c.ok() ? std::move(*c) : json::object();
    }
    const json& c = contracts[doc];
    if (!c.contains("agenda_items") || !c["agenda_items"].is_array()) continue;
    for (const json& it : c["agenda_items"])
      if (it.value("number", json()) == s["number"]) {
        s["referrals"] = it.value("referrals", json::array());
        break;
      }
  }
  return out;
}

Result<json> FiguresData(sqlite3* db, int64_t document_id, const SearchParams& p) {
  const std::string cols =
      "SELECT f.document_id, f.item, f.type, f.text, f.value, f.min, f.max, f.unit, f.date, "
      "f.date_end, f.span_start, f.span_end, f.span_page, m.body, m.date AS meeting_date, "
      "i.id AS item_id, i.title AS item_title FROM figures f JOIN documents d ON d.id = "
      "f.document_id LEFT JOIN meetings m ON m.document_id = d.id LEFT JOIN agenda_items i ON "
      "i.document_id = f.document_id AND i.number = f.item ";
  const std::string limit = " LIMIT " + std::to_string(kMaxFigureRows + 1);
  Result<json> rows = json::array();
  json scope;
  if (document_id > 0) {
    rows = Query(db, cols + "WHERE f.document_id = :doc ORDER BY f.id" + limit,
                 {{":doc", document_id}});
    scope = {{"document_id", document_id}};
  } else {
    // The figures of the items the search finds (all of them, not one page).
    std::string items;
    if (Ranked(p)) {
      items = "SELECT i.id FROM items_fts JOIN agenda_items i ON i.id = items_fts.rowid" +
              std::string(kItemJoins) + " WHERE items_fts MATCH :q" + FilterSql(p, true);
    } else {
      items = "SELECT i.id FROM agenda_items i" + std::string(kItemJoins) + " WHERE 1" +
              FilterSql(p, true);
    }
    rows = Query(db,
                 cols + "WHERE i.id IN (" + items + ") ORDER BY m.date, f.document_id, f.id" +
                     limit,
                 FilterParams(p));
    scope = {{"search", SearchQueryString(p, false)}};
  }
  if (!rows.ok()) return rows.status();
  bool truncated = rows->size() > static_cast<size_t>(kMaxFigureRows);
  if (truncated) rows->erase(rows->end() - 1);
  // Series: one metric (type and unit) over several meetings, for a chart.
  std::map<std::pair<std::string, std::string>, std::map<std::string, std::vector<double>>> by;
  for (const json& f : *rows) {
    if (!f["value"].is_number() || !f["meeting_date"].is_string() || !f["unit"].is_string())
      continue;
    by[{f["type"].get<std::string>(), f["unit"].get<std::string>()}]
      [f["meeting_date"].get<std::string>()]
          .push_back(f["value"].get<double>());
  }
  json series = json::array();
  for (const auto& [key, dates] : by) {
    if (dates.size() < 3) continue;  // a line needs a few meetings
    json points = json::array();
    for (const auto& [date, values] : dates) {
      double sum = 0;
      for (double v : values) sum += v;
      points.push_back({{"date", date}, {"sum", sum}, {"count", values.size()}});
    }
    series.push_back({{"type", key.first}, {"unit", key.second}, {"points", points}});
  }
  return json{{"scope", scope}, {"truncated", truncated}, {"figures", std::move(*rows)},
              {"series", series}};
}

}  // namespace referat::serve
