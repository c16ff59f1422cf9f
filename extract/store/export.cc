// Export: the stored contract JSON as JSONL, every table as CSV, and
// agenda-item documents as OpenSearch / Elasticsearch bulk NDJSON.
#include <filesystem>
#include <fstream>
#include <cstdint>
#include <map>
#include <string_view>

#include <nlohmann/json.hpp>

#include "referat/validate.h"
#include "store/store_impl.h"

namespace referat {
namespace {

using J = nlohmann::ordered_json;
using store::Stmt;

// Paths are stored as the bytes the file system gave (an old Latin-1 name
// is not UTF-8); JSON shows such bytes as U+FFFD, as `referat extract`
// does in source.path, instead of throwing.
std::string Dump(const J& j) { return j.dump(-1, ' ', false, J::error_handler_t::replace); }

// The tables in CSV export, in dependency order. documents.json is left
// out of documents.csv (it is the JSONL export); everything else is there.
constexpr const char* kCsvTables[] = {"documents", "files",     "meetings", "attendance",
                                      "agenda_items", "decisions", "figures", "targets",
                                      "errors"};

// True if `s` is well-formed UTF-8 (no overlongs, surrogates or code
// points past U+10FFFF). A damaged page shows up as bytes that are not.
bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
    else return false;
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      const unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    i += len;
  }
  return true;
}

// The first column of the current row holding text that is not UTF-8, or
// -1; columns where `bytes` is true (paths) may hold any bytes.
int BadTextColumn(const Stmt& st, int first, int last, const std::vector<bool>& bytes = {}) {
  for (int c = first; c < last; ++c)
    if (!(static_cast<size_t>(c) < bytes.size() && bytes[c]) &&
        sqlite3_column_type(st.get(), c) == SQLITE_TEXT && !ValidUtf8(st.Text(c)))
      return c;
  return -1;
}

// A sha256 column as ingest writes it: lowercase hex (a damaged page
// shows other bytes).
bool IsSha256(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

// Why the stored JSON of documents row (sha256, json) is unfit to export,
// or "" when it is one JSON object naming that content. With `schema`, it
// must also be a contract document (referat check; export leaves that out
// because the schema check costs more than the export itself).
std::string DocumentJsonProblem(const std::string& sha256, const std::string& json,
                                bool schema) {
  if (!ValidUtf8(json)) return "json is not UTF-8";
  J j = J::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return "json does not parse";
  const J* src = j.contains("source") ? &j["source"] : nullptr;
  if (!src || !src->is_object() || !src->contains("sha256") || (*src)["sha256"] != sha256)
    return "json names another sha256 than the row";
  if (schema) {
    std::vector<std::string> problems = ValidateDocumentJson(json);
    if (!problems.empty()) return "json fails the schema: " + problems.front();
  }
  return "";
}

namespace {

// RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled.
void CsvField(std::ostream& out, std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << v;
    return;
  }
  out << '"';
  for (char c : v) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

Status ExportCsvTable(sqlite3* db, const std::string& table, const std::filesystem::path& file,
                      const Store::BadRowFn& bad, int64_t* skipped) {
  Stmt st;
  std::string sql = "SELECT * FROM " + table;
  if (table == "documents") {
    // Every column but json, in the table's order.
    Stmt info;
    if (Status s = info.Prepare(db, "SELECT name FROM pragma_table_info('documents') "
                                    "WHERE name <> 'json' ORDER BY cid");
        !s.ok())
      return s;
    std::string columns;
    int rc;
    while ((rc = info.Step()) == SQLITE_ROW)
      (columns.empty() ? columns : columns += ", ") += info.Text(0);
    if (rc != SQLITE_DONE) return info.Error(rc);
    sql = "SELECT " + columns + " FROM documents";
  }
  sql += table == "files" || table == "errors" ? " ORDER BY path" : " ORDER BY rowid";
  if (Status s = st.Prepare(db, sql); !s.ok()) return s;
  // Written beside the target and renamed at the end, so a full disk never
  // leaves a truncated TABLE.csv that looks whole.
  std::filesystem::path tmp = file;
  tmp += ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) return Status::WriteFailed("cannot write " + tmp.string());
  auto fail = [&](Status s) {
    out.close();
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    return s;
  };
  const int n = st.Columns();
  // The path columns (documents.path, files.path and given_path,
  // errors.path) hold the file system's bytes, which need not be UTF-8;
  // every other text column must be.
  std::vector<bool> byte_paths(n);
  for (int c = 0; c < n; ++c) {
    if (c) out << ',';
    CsvField(out, st.ColumnName(c));
    byte_paths[c] = st.ColumnName(c) == "path" || st.ColumnName(c) == "given_path";
  }
  out << "\r\n";
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    if (int c = BadTextColumn(st, 0, n, byte_paths); c >= 0) {
      ++*skipped;
      if (bad) bad(table, sqlite3_column_int64(st.get(), 0), st.ColumnName(c) + " is not UTF-8");
      continue;
    }
    for (int c = 0; c < n; ++c) {
      if (c) out << ',';
      if (!st.IsNull(c)) CsvField(out, st.Text(c));
    }
    out << "\r\n";
  }
  if (rc != SQLITE_DONE) return fail(st.Error(rc));
  out.close();
  if (!out) return fail(Status::WriteFailed("cannot write " + file.string()));
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec) return fail(Status::WriteFailed("cannot write " + file.string() + ": " + ec.message()));
  return Status::Ok();
}

// The OpenSearch documents: one per agenda item, one per document without
// items. This table is both the export and the mapping: each field's name,
// its mapping type, and its value in the item query and in the document
// query (nullptr: not in a document's entry).
// files.given_path of the file documents.path names, or that path.
constexpr const char* kGivenPathSql =
    "coalesce((SELECT gf.given_path FROM files gf WHERE gf.path = d.path), d.path)";

enum class Os {
  kKeyword,
  kDanish,       // Danish text
  kKeywordText,  // exact keyword for sorting and aggregations, plus Danish text
  kDate,
  kBoolean,      // from a 0/1 column
  kNames,        // the names of attendance rows with the status in `item` (not a column)
  kSpan,         // three columns: start, end, page
};
struct OsField {
  const char* name;
  Os type;
  const char* item;
  const char* document;
};
constexpr OsField kOpenSearchFields[] = {
    {"sha256", Os::kKeyword, "d.sha256", "d.sha256"},
    {"path", Os::kKeyword, "d.path", "d.path"},
    // The path as the user named it at ingest, of the file `path` names.
    {"given_path", Os::kKeyword, kGivenPathSql, kGivenPathSql},
    {"kind", Os::kKeyword, "d.kind", "d.kind"},
    {"format", Os::kKeyword, "d.format", "d.format"},
    {"municipality", Os::kKeyword, "m.municipality", "m.municipality"},
    {"council", Os::kKeyword, "m.council", "m.council"},
    {"body", Os::kKeywordText, "m.body", "m.body"},
    {"date", Os::kDate, "m.date", "m.date"},
    {"document_type", Os::kKeyword, "m.document_type", "m.document_type"},
    {"item_number", Os::kKeyword, "i.number", "NULL"},
    {"title", Os::kDanish, "i.title", "coalesce(nullif(f.title, ''), d.title)"},
    {"public", Os::kBoolean, "i.public", nullptr},
    {"case_number", Os::kKeyword, "i.case_number", nullptr},
    {"recommendation_by", Os::kKeyword, "i.recommendation_by", nullptr},
    {"recommendation", Os::kDanish, "i.recommendation_text", nullptr},
    {"decision_category", Os::kKeyword, "dc.category", nullptr},
    {"decision", Os::kDanish, "dc.text", nullptr},
    {"absent", Os::kNames, "absent", nullptr},
    {"present", Os::kNames, "present", nullptr},
    {"text", Os::kDanish, "f.body", "f.body"},
    {"span", Os::kSpan, "i.span_start, i.span_end, i.span_page",
     "0, d.text_length, CASE WHEN d.pages IS NULL THEN NULL ELSE 1 END"},
};
// The first two columns of both queries are the document's and the row's
// id; the fields' columns follow, sha256, path and given_path first.
constexpr int kFirstField = 2;

// "d.sha256, d.path, ...": the fields' columns for the item or the
// document query.
std::string OsColumns(bool item) {
  std::string out;
  for (const OsField& f : kOpenSearchFields) {
    const char* sql = item ? f.item : f.document;
    if (!sql || f.type == Os::kNames) continue;
    (out.empty() ? out : out += ", ") += sql;
  }
  return out;
}

// The names of one status attendance rows of the meeting or of item ?2,
// each once: a member absent from the meeting and from the item too is
// one absentee.
Status NamesOf(Stmt& st, int64_t document_id, int64_t item_id, const char* status, J* out) {
  st.Bind(1, document_id);
  st.Bind(2, item_id);
  st.Bind(3, status);
  *out = J::array();
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) out->push_back(st.Text(0));
  Status s = rc == SQLITE_DONE ? Status::Ok() : st.Error(rc);
  st.Reset();
  return s;
}

// One OpenSearch document from the current row of `st`.
Status OsDocument(const Stmt& st, bool item, Stmt& names, J* doc) {
  int c = kFirstField;
  for (const OsField& f : kOpenSearchFields) {
    if (!(item ? f.item : f.document)) continue;
    J& v = (*doc)[f.name];
    switch (f.type) {
      case Os::kNames:
        if (Status s = NamesOf(names, st.Int(0), st.Int(1), f.item, &v); !s.ok()) return s;
        break;
      case Os::kBoolean:
        v = st.IsNull(c) ? J(nullptr) : J(st.Int(c) != 0);
        ++c;
        break;
      case Os::kSpan:
        v["start"] = st.Int(c);
        v["end"] = st.Int(c + 1);
        v["page"] = st.IsNull(c + 2) ? J(nullptr) : J(st.Int(c + 2));
        c += 3;
        break;
      default:
        v = st.IsNull(c) ? J(nullptr) : J(st.Text(c));
        ++c;
    }
  }
  return Status::Ok();
}

Status ExportOpenSearch(sqlite3* db, std::ostream& out, const std::string& index,
                        const Store::BadRowFn& bad, int64_t* skipped) {
  Stmt names;
  if (Status s = names.Prepare(db,
                               "SELECT name FROM attendance WHERE document_id = ?1 AND "
                               "status = ?3 AND (item_id IS NULL OR item_id = ?2) "
                               "GROUP BY name ORDER BY min(id)");
      !s.ok())
    return s;
  auto action = [&](const std::string& id) {
    J a;
    a["index"]["_index"] = index;
    a["index"]["_id"] = id;
    out << Dump(a) << '\n';
  };
  // The sha256 is checked for its shape; the paths (the file system's
  // bytes) may be any; every other text column must be UTF-8.
  auto damaged = [](const Stmt& st) {
    int badc = BadTextColumn(st, kFirstField + 3, st.Columns());
    if (badc < 0 && !IsSha256(st.Text(kFirstField))) badc = kFirstField;
    return badc;
  };
  Stmt items;
  if (Status s = items.Prepare(
          db, "SELECT d.id, i.id, " + OsColumns(true) +
                  " FROM agenda_items i "
                  "JOIN documents d ON d.id = i.document_id "
                  "LEFT JOIN meetings m ON m.document_id = d.id "
                  "LEFT JOIN decisions dc ON dc.item_id = i.id "
                  "LEFT JOIN items_fts f ON f.rowid = i.id ORDER BY d.id, i.position");
      !s.ok())
    return s;
  int rc;
  int64_t last_doc = -1;
  std::map<std::string, int> seen;  // item numbers within the document
  while ((rc = items.Step()) == SQLITE_ROW) {
    const int64_t doc_id = items.Int(0);
    if (int badc = damaged(items); badc >= 0) {
      ++*skipped;
      if (bad) bad("agenda_items", items.Int(1), items.ColumnName(badc) + " is damaged");
      continue;
    }
    if (doc_id != last_doc) seen.clear();
    last_doc = doc_id;
    J doc;
    if (Status s = OsDocument(items, true, names, &doc); !s.ok()) return s;
    // _id is sha256/number; a number printed twice in one document (it
    // happens in the wild) gets "~2", "~3" so no item overwrites another.
    const std::string number = doc["item_number"].get<std::string>();
    int n = ++seen[number];
    action(doc["sha256"].get<std::string>() + "/" + number +
           (n > 1 ? "~" + std::to_string(n) : ""));
    out << Dump(doc) << '\n';
  }
  if (rc != SQLITE_DONE) return items.Error(rc);

  Stmt docs;
  if (Status s = docs.Prepare(
          db, "SELECT d.id, NULL, " + OsColumns(false) +
                  " FROM documents d LEFT JOIN meetings m ON m.document_id = d.id "
                  "LEFT JOIN documents_fts f ON f.rowid = d.id "
                  "WHERE NOT EXISTS (SELECT 1 FROM agenda_items x WHERE x.document_id = d.id) "
                  "ORDER BY d.id");
      !s.ok())
    return s;
  while ((rc = docs.Step()) == SQLITE_ROW) {
    if (int badc = damaged(docs); badc >= 0) {
      ++*skipped;
      if (bad) bad("documents", docs.Int(0), docs.ColumnName(badc) + " is damaged");
      continue;
    }
    J doc;
    if (Status s = OsDocument(docs, false, names, &doc); !s.ok()) return s;
    action(doc["sha256"].get<std::string>());
    out << Dump(doc) << '\n';
  }
  if (rc != SQLITE_DONE) return docs.Error(rc);
  return Status::Ok();
}

}  // namespace

Status Store::Export(ExportFormat format, std::ostream& out, const std::string& dir,
                     const std::string& index, const BadRowFn& on_bad_row) {
  int64_t skipped = 0;
  sqlite3* db = impl_->db;
  // One read transaction, so an export is one consistent snapshot even while
  // another process ingests.
  if (Status s = store::Exec(db, "BEGIN"); !s.ok()) return s;
  Status result;
  switch (format) {
    case ExportFormat::kJsonl: {
      Stmt st;
      result = st.Prepare(db, "SELECT id, sha256, json FROM documents ORDER BY id");
      if (!result.ok()) break;
      int rc;
      while ((rc = st.Step()) == SQLITE_ROW) {
        const std::string json = st.Text(2);
        if (std::string problem = DocumentJsonProblem(st.Text(1), json, false); !problem.empty()) {
          ++skipped;
          if (on_bad_row) on_bad_row("documents", st.Int(0), problem);
          continue;
        }
        out << json << '\n';
      }
      if (rc != SQLITE_DONE) result = st.Error(rc);
      break;
    }
    case ExportFormat::kCsv: {
      if (dir.empty()) {
        result = Status::Usage("CSV export writes one file per table: give a directory (-o DIR)");
        break;
      }
      std::error_code ec;
      std::filesystem::create_directories(dir, ec);
      if (ec) {
        result = Status::WriteFailed("cannot create " + dir + ": " + ec.message());
        break;
      }
      for (const char* table : kCsvTables) {
        result = ExportCsvTable(db, table, std::filesystem::path(dir) / (std::string(table) + ".csv"),
                                on_bad_row, &skipped);
        if (!result.ok()) break;
      }
      break;
    }
    case ExportFormat::kOpenSearch:
      result = ExportOpenSearch(db, out, index, on_bad_row, &skipped);
      break;
  }
  (void)store::Exec(db, "COMMIT");
  if (result.ok()) {
    out.flush();
    if (!out) result = Status::WriteFailed("cannot write the export");
  }
  if (result.ok() && skipped > 0)
    result = Status::Corrupt(std::to_string(skipped) +
                             " damaged rows skipped; run referat check --db for the file");
  return result;
}

std::string Store::OpenSearchMapping() {
  const J keyword = {{"type", "keyword"}};
  const J danish = {{"type", "text"}, {"analyzer", "danish"}};
  J props;
  for (const OsField& f : kOpenSearchFields) {
    J& p = props[f.name];
    switch (f.type) {
      case Os::kKeyword:
      case Os::kNames: p = keyword; break;
      case Os::kDanish: p = danish; break;
      case Os::kKeywordText: p = {{"type", "keyword"}, {"fields", {{"text", danish}}}}; break;
      case Os::kDate: p = {{"type", "date"}, {"format", "strict_date"}}; break;
      case Os::kBoolean: p = {{"type", "boolean"}}; break;
      case Os::kSpan:
        p = {{"properties",
              {{"start", {{"type", "long"}}},
               {"end", {{"type", "long"}}},
               {"page", {{"type", "integer"}}}}}};
        break;
    }
  }
  J mapping;
  mapping["mappings"]["dynamic"] = "strict";
  mapping["mappings"]["properties"] = std::move(props);
  return mapping.dump(2);
}

}  // namespace referat
