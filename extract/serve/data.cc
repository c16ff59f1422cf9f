// The pages' data: SQL over the documented tables (docs/store.md) and the
// contract JSON kept in documents.json.
#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <set>

#include "serve/pages.h"
#include "referat/store.h"

namespace referat::serve {
namespace {

// Snippet markers: control characters cannot occur in the normalized text,
// so the marks are found exactly and no user text is mistaken for one.
constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';

// The store's query for the search form's fields: one page, counted.
SearchQuery ToQuery(const SearchParams& p) {
  SearchQuery q;
  q.text = p.q;
  q.body = p.body;
  q.municipality = p.municipality;
  q.from = p.from;
  q.to = p.to;
  q.decision = p.decision;
  q.absent = p.absent;
  q.case_number = p.case_number;
  q.kind = p.kind;
  q.limit = p.per_page;
  q.offset = (p.page - 1) * p.per_page;
  q.count = true;
  q.highlight_open = std::string(1, kOpen);
  q.highlight_close = std::string(1, kClose);
  return q;
}

json OptJson(const std::optional<std::string>& v) { return v ? json(*v) : json(); }

// The document's path as the user named it at ingest (files.given_path of
// the file documents.path names; that path where no files row names it),
// for display beside the canonical d.path.
constexpr const char* kGivenPath =
    "coalesce((SELECT f.given_path FROM files f WHERE f.path = d.path), d.path) AS given_path";

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

}  // namespace

Result<json> SearchData(Store& store, const SearchParams& p) {
  const SearchQuery q = ToQuery(p);
  const bool ranked = q.text.find_first_not_of(" \t\r\n") != std::string::npos;
  Result<SearchResults> found = store.Find(q);
  if (!found.ok()) return found.status();
  json hits = json::array();
  for (const SearchHit& h : found->hits) {
    const bool item = h.item_id.has_value();
    json hit = {{"type", item ? "item" : "document"},
                {"item_id", item ? json(*h.item_id) : json()},
                {"document_id", h.document_id},
                {"path", h.path},
                {"given_path", h.given_path},
                {"kind", h.kind},
                {"body", OptJson(h.body)},
                {"municipality", OptJson(h.municipality)},
                {"date", OptJson(h.date)},
                {"number", OptJson(h.item_number)},
                {"title",
                 item ? OptJson(h.item_title) : json(h.document_title.value_or(h.given_path))},
                {"category", OptJson(h.decision_category)},
                {"snippet", h.snippet}};
    hit["span"] = h.span ? SpanJson(h.span->start, h.span->end,
                                    h.span->page > 0 ? json(h.span->page) : json())
                         : json();
    if (ranked) hit["score"] = h.score;
    SplitSnippet(&hit);
    hits.push_back(std::move(hit));
  }
  json query = {{"q", p.q}, {"page", p.page}, {"per_page", p.per_page}};
  for (const auto& f : kSearchFilters) query[f.name] = OptJson(p.*f.field);
  const int64_t total = found->total;
  const int64_t reachable = std::min<int64_t>(total, kMaxOffset + p.per_page);
  return json{{"query", query},
              {"total", total},
              {"pages", (reachable + p.per_page - 1) / p.per_page},
              {"hits", std::move(hits)}};
}

Result<json> FormChoices(Store& store) {
  sqlite3* db = store.connection();
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

Result<json> DocumentData(Store& store, int64_t id) {
  sqlite3* db = store.connection();
  Result<json> doc = Query(db,
                           "SELECT d.id AS document_id, d.path, " + std::string(kGivenPath) +
                               ", d.format, d.pages, d.kind, d.title, d.text_length, d.sha256 "
                               "FROM documents d WHERE d.id = :id",
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

Result<json> ItemData(Store& store, int64_t item_id) {
  sqlite3* db = store.connection();
  Result<json> rows = Query(db,
                            "SELECT i.id AS item_id, i.document_id, i.position, i.number, "
                            "i.title, i.case_number, m.id AS meeting_id, m.body, m.date, "
                            "m.municipality, d.path, " + std::string(kGivenPath) +
                                ", d.format, d.pages, d.kind FROM agenda_items i JOIN documents "
                                "d ON d.id = i.document_id LEFT JOIN meetings m ON m.document_id "
                                "= d.id WHERE i.id = :id",
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
  // The case's other appearances (as the case path finds them), for the
  // link to the case path.
  if (out["case_number"].is_string()) {
    Result<json> n = Query(db,
                           "SELECT count(*) AS n FROM cases c JOIN cases me ON me.case_key = "
                           "c.case_key AND me.municipality = c.municipality WHERE me.item_id = :id "
                           "AND c.item_id <> :id",
                           {{":id", item_id}});
    if (!n.ok()) return n.status();
    out["case_elsewhere"] = (*n)[0]["n"];
  }
  return out;
}

Result<json> CaseData(Store& store, int64_t item_id) {
  sqlite3* db = store.connection();
  Result<json> rows = Query(db,
                            "SELECT i.case_number, i.title, c.municipality FROM agenda_items i "
                            "LEFT JOIN cases c ON c.item_id = i.id WHERE i.id = :id",
                            {{":id", item_id}});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::NotFound("no agenda item " + std::to_string(item_id));
  const json& row = (*rows)[0];
  json out = {{"item_id", item_id}, {"case_number", row["case_number"]},
              {"title", row["title"]}, {"steps", json::array()}};
  if (!row["case_number"].is_string() || !row["municipality"].is_string()) return out;
  // The store's case path (docs/store.md, "Case paths"): the items sharing
  // the normalized case key within the item's municipality.
  Result<std::vector<CaseStep>> steps =
      store.CasePath(row["case_number"].get<std::string>(), row["municipality"].get<std::string>());
  if (!steps.ok()) return steps.status();
  for (const CaseStep& c : *steps)
    out["steps"].push_back({{"item_id", c.item_id},
                            {"number", c.item_number},
                            {"title", c.item_title},
                            {"case_number", c.case_number},
                            {"body", OptJson(c.body)},
                            {"date", OptJson(c.date)},
                            {"municipality", c.municipality.empty() ? json() : json(c.municipality)},
                            {"category", OptJson(c.decision_category)},
                            {"document_id", c.document_id},
                            {"span", SpanJson(c.span.start, c.span.end,
                                              c.span.page > 0 ? json(c.span.page) : json())}});
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

Result<json> FiguresData(Store& store, int64_t document_id, const SearchParams& p) {
  sqlite3* db = store.connection();
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
    SearchQuery q = ToQuery(p);
    q.offset = 0;
    q.limit = std::numeric_limits<int>::max();
    Result<std::vector<int64_t>> ids = store.FindItemIds(q);
    if (!ids.ok()) return ids.status();
    rows = Query(db,
                 cols + "WHERE i.id IN (SELECT value FROM json_each(:ids)) ORDER BY m.date, "
                        "f.document_id, f.id" + limit,
                 {{":ids", json(*ids).dump()}});
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
