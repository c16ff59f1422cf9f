#include "store/passages.h"

#include <algorithm>

namespace referat::store {
namespace {

void Collect(const nlohmann::json& j, std::vector<std::pair<size_t, int>>* out) {
  if (j.is_object()) {
    auto span = j.find("span");
    if (span != j.end() && span->is_object()) {
      auto start = span->find("start");
      auto page = span->find("page");
      if (start != span->end() && start->is_number_unsigned() && page != span->end() &&
          page->is_number_integer() && page->get<int>() > 0)
        out->emplace_back(start->get<size_t>(), page->get<int>());
    }
    for (const auto& [key, value] : j.items())
      if (value.is_structured()) Collect(value, out);
  } else if (j.is_array()) {
    for (const auto& value : j) Collect(value, out);
  }
}

// Where to end a passage that starts at `start` and may run to `limit`:
// after the last line break in its second half, else after the last space
// there, else at a UTF-8 boundary.
size_t CutAt(std::string_view text, size_t start, size_t limit) {
  const size_t half = start + (limit - start) / 2;
  for (char c : {'\n', ' '}) {
    size_t at = text.rfind(c, limit - 1);
    if (at != std::string_view::npos && at >= half) return at + 1;
  }
  size_t at = limit;
  while (at > start + 1 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f") == std::string_view::npos;
}

}  // namespace

std::vector<std::pair<size_t, int>> PagedStarts(const nlohmann::json& j) {
  std::vector<std::pair<size_t, int>> out;
  Collect(j, &out);
  std::sort(out.begin(), out.end());
  return out;
}

int PageAt(const std::vector<std::pair<size_t, int>>& starts, size_t at) {
  // The first value starting at or after `at`, and the last before it.
  auto after = std::lower_bound(starts.begin(), starts.end(), std::make_pair(at, 0));
  if (after != starts.end() && after->first == at) return after->second;
  if (after == starts.begin() || after == starts.end()) return 0;
  const int before = std::prev(after)->second;
  return before == after->second ? before : 0;
}

std::vector<Passage> SplitPassages(std::string_view text, const nlohmann::json& record) {
  std::vector<size_t> cuts = {0};
  if (auto report = record.find("report"); report != record.end() && report->is_object())
    if (auto sections = report->find("sections");
        sections != report->end() && sections->is_array())
      for (const auto& s : *sections)
        if (s.is_object() && s.contains("span") && s["span"].is_object() &&
            s["span"].value("start", nlohmann::json()).is_number_unsigned()) {
          const size_t at = s["span"]["start"].get<size_t>();
          if (at < text.size()) cuts.push_back(at);
        }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  cuts.push_back(text.size());
  const std::vector<std::pair<size_t, int>> pages = PagedStarts(record);
  std::vector<Passage> out;
  for (size_t k = 0; k + 1 < cuts.size(); ++k) {
    for (size_t start = cuts[k]; start < cuts[k + 1];) {
      size_t end = cuts[k + 1];
      if (end - start > kMaxPassageBytes) end = CutAt(text, start, start + kMaxPassageBytes);
      if (!Blank(text.substr(start, end - start)))
        out.push_back({start, end, PageAt(pages, start)});
      start = end;
    }
  }
  return out;
}

Status PassageWriter::Write(sqlite3* db, int64_t document_id, std::string_view title,
                            std::string_view text, const nlohmann::json& record) {
  if (!insert_.prepared()) {
    if (Status s = insert_.Prepare(db,
                                   "INSERT INTO passages (document_id, position, span_start, "
                                   "span_end, span_page) VALUES (?1, ?2, ?3, ?4, ?5)");
        !s.ok())
      return s;
    if (Status s = insert_fts_.Prepare(
            db, "INSERT INTO items_fts (rowid, title, body) VALUES (-?1, ?2, ?3)");
        !s.ok())
      return s;
    if (Status s = delete_fts_row_.Prepare(db, "DELETE FROM items_fts WHERE rowid = -?1");
        !s.ok())
      return s;
  }
  const std::vector<Passage> passages = SplitPassages(text, record);
  for (size_t k = 0; k < passages.size(); ++k) {
    const Passage& p = passages[k];
    insert_.Bind(1, document_id);
    insert_.Bind(2, static_cast<int64_t>(k));
    insert_.Bind(3, static_cast<uint64_t>(p.start));
    insert_.Bind(4, static_cast<uint64_t>(p.end));
    if (p.page > 0) insert_.Bind(5, p.page);
    else insert_.BindNull(5);
    if (Status s = insert_.Run(); !s.ok()) return s;
    const int64_t id = sqlite3_last_insert_rowid(db);
    insert_fts_.Bind(1, id);
    insert_fts_.Bind(2, k == 0 ? title : std::string_view());
    insert_fts_.Bind(3, text.substr(p.start, p.end - p.start));
    int rc = insert_fts_.Step();
    if ((rc & 0xff) == SQLITE_CONSTRAINT) {
      // A stale row of a passage deleted outside referat (plain sqlite3
      // cannot delete from the stemmed tables) holds the reused rowid.
      sqlite3_reset(insert_fts_.get());
      delete_fts_row_.Bind(1, id);
      if (Status s = delete_fts_row_.Run(); !s.ok()) {
        insert_fts_.Reset();
        return s;
      }
      rc = insert_fts_.Step();
    }
    Status s = rc == SQLITE_DONE ? Status::Ok() : insert_fts_.Error(rc);
    insert_fts_.Reset();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace referat::store
