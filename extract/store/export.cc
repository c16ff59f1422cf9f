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

// The first column of the current row holding text that is not UTF-8, or -1.
int BadTextColumn(const Stmt& st, int first, int last) {
  for (int c = first; c < last; ++c)
    if (sqlite3_column_type(st.get(), c) == SQLITE_TEXT && !ValidUtf8(st.Text(c))) return c;
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
  if (table == "documents")
    sql = "SELECT id, sha256, path, format, bytes, pages, title, created, kind, text_length, "
          "warnings, generator_version FROM documents";
  // files and errors hold paths as the file system's bytes, which need not
  // be UTF-8; every other text column must be.
  const bool byte_paths = table == "files" || table == "errors";
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
  for (int c = 0; c < n; ++c) {
    if (c) out << ',';
    CsvField(out, st.ColumnName(c));
  }
  out << "\r\n";
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    if (int c = BadTextColumn(st, byte_paths ? 1 : 0, n); c >= 0) {
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

J OptText(const Stmt& st, int c) { return st.IsNull(c) ? J(nullptr) : J(st.Text(c)); }

Status NamesOf(Stmt& st, int64_t document_id, int64_t item_id, J* out) {
  st.Bind(1, document_id);
  st.Bind(2, item_id);
  *out = J::array();
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) out->push_back(st.Text(0));
  Status s = rc == SQLITE_DONE ? Status::Ok() : st.Error(rc);
  st.Reset();
  return s;
}

Status ExportOpenSearch(sqlite3* db, std::ostream& out, const std::string& index,
                        const Store::BadRowFn& bad, int64_t* skipped) {
  // Names absent from the meeting or from this item; present at the meeting.
  Stmt absent, present;
  if (Status s = absent.Prepare(db,
                                "SELECT name FROM attendance WHERE document_id = ?1 AND "
                                "status = 'absent' AND (item_id IS NULL OR item_id = ?2) "
                                "ORDER BY id");
      !s.ok())
    return s;
  if (Status s = present.Prepare(db,
                                 "SELECT name FROM attendance WHERE document_id = ?1 AND "
                                 "status = 'present' AND ?2 IS NOT NULL ORDER BY id");
      !s.ok())
    return s;
  auto meeting_fields = [](const Stmt& st, J& doc) {
    doc["sha256"] = st.Text(1);
    doc["path"] = st.Text(2);
    doc["kind"] = st.Text(3);
    doc["format"] = st.Text(4);
    doc["municipality"] = OptText(st, 5);
    doc["council"] = OptText(st, 6);
    doc["body"] = OptText(st, 7);
    doc["date"] = OptText(st, 8);
    doc["document_type"] = OptText(st, 9);
  };
  auto action = [&](const std::string& id) {
    J a;
    a["index"]["_index"] = index;
    a["index"]["_id"] = id;
    out << Dump(a) << '\n';
  };
  const std::string common =
      "SELECT d.id, d.sha256, d.path, d.kind, d.format, m.municipality, m.council, m.body, "
      "m.date, m.document_type, ";
  Stmt items;
  if (Status s = items.Prepare(
          db, common +
                  "i.id, i.number, i.title, i.public, i.case_number, i.recommendation_by, "
                  "i.recommendation_text, dc.category, dc.text, f.body, i.span_start, "
                  "i.span_end, i.span_page FROM agenda_items i "
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
    // Path (2) is the file system's bytes and may be any; the rest must be text.
    int badc = BadTextColumn(items, 3, items.Columns());
    if (badc < 0 && !IsSha256(items.Text(1))) badc = 1;
    if (badc >= 0) {
      ++*skipped;
      if (bad) bad("agenda_items", items.Int(10), items.ColumnName(badc) + " is damaged");
      continue;
    }
    if (doc_id != last_doc) seen.clear();
    last_doc = doc_id;
    J doc;
    meeting_fields(items, doc);
    const std::string number = items.Text(11);
    doc["item_number"] = number;
    doc["title"] = items.Text(12);
    doc["public"] = items.IsNull(13) ? J(nullptr) : J(items.Int(13) != 0);
    doc["case_number"] = OptText(items, 14);
    doc["recommendation_by"] = OptText(items, 15);
    doc["recommendation"] = OptText(items, 16);
    doc["decision_category"] = OptText(items, 17);
    doc["decision"] = OptText(items, 18);
    J names;
    if (Status s = NamesOf(absent, doc_id, items.Int(10), &names); !s.ok()) return s;
    doc["absent"] = std::move(names);
    if (Status s = NamesOf(present, doc_id, items.Int(10), &names); !s.ok()) return s;
    doc["present"] = std::move(names);
    doc["text"] = OptText(items, 19);
    J span;
    span["start"] = items.Int(20);
    span["end"] = items.Int(21);
    span["page"] = items.IsNull(22) ? J(nullptr) : J(items.Int(22));
    doc["span"] = std::move(span);
    // _id is sha256/number; a number printed twice in one document (it
    // happens in the wild) gets "~2", "~3" so no item overwrites another.
    int n = ++seen[number];
    action(doc["sha256"].get<std::string>() + "/" + number +
           (n > 1 ? "~" + std::to_string(n) : ""));
    out << Dump(doc) << '\n';
  }
  if (rc != SQLITE_DONE) return items.Error(rc);

  Stmt docs;
  if (Status s = docs.Prepare(
          db, common +
                  "coalesce(nullif(f.title, ''), d.title), f.body, d.text_length, d.pages "
                  "FROM documents d LEFT JOIN meetings m ON m.document_id = d.id "
                  "LEFT JOIN documents_fts f ON f.rowid = d.id "
                  "WHERE NOT EXISTS (SELECT 1 FROM agenda_items x WHERE x.document_id = d.id) "
                  "ORDER BY d.id");
      !s.ok())
    return s;
  while ((rc = docs.Step()) == SQLITE_ROW) {
    int badc = BadTextColumn(docs, 3, docs.Columns());
    if (badc < 0 && !IsSha256(docs.Text(1))) badc = 1;
    if (badc >= 0) {
      ++*skipped;
      if (bad) bad("documents", docs.Int(0), docs.ColumnName(badc) + " is damaged");
      continue;
    }
    J doc;
    meeting_fields(docs, doc);
    doc["item_number"] = nullptr;
    doc["title"] = OptText(docs, 10);
    doc["text"] = OptText(docs, 11);
    J span;
    span["start"] = 0;
    span["end"] = docs.Int(12);
    span["page"] = docs.IsNull(13) ? J(nullptr) : J(1);
    doc["span"] = std::move(span);
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
  J keyword = {{"type", "keyword"}};
  J danish = {{"type", "text"}, {"analyzer", "danish"}};
  // Titles and bodies: Danish text, plus an exact keyword for sorting and
  // aggregations on the body name.
  J body = {{"type", "keyword"}, {"fields", {{"text", danish}}}};
  J props;
  props["sha256"] = keyword;
  props["path"] = keyword;
  props["kind"] = keyword;
  props["format"] = keyword;
  props["municipality"] = keyword;
  props["council"] = keyword;
  props["body"] = body;
  props["date"] = {{"type", "date"}, {"format", "strict_date"}};
  props["document_type"] = keyword;
  props["item_number"] = keyword;
  props["title"] = danish;
  props["public"] = {{"type", "boolean"}};
  props["case_number"] = keyword;
  props["recommendation_by"] = keyword;
  props["recommendation"] = danish;
  props["decision_category"] = keyword;
  props["decision"] = danish;
  props["absent"] = keyword;
  props["present"] = keyword;
  props["text"] = danish;
  props["span"] = {{"properties",
                    {{"start", {{"type", "long"}}},
                     {"end", {{"type", "long"}}},
                     {"page", {{"type", "integer"}}}}}};
  J mapping;
  mapping["mappings"]["dynamic"] = "strict";
  mapping["mappings"]["properties"] = std::move(props);
  return mapping.dump(2);
}

}  // namespace referat
