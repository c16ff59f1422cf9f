// One extracted record into the tables, as one transaction.
#include <algorithm>
#include <functional>
#include <vector>

#include "referat/extract.h"
#include "store/case_number.h"
#include "store/columns.h"
#include "store/passages.h"
#include "store/schema.h"
#include "store/store_impl.h"

namespace referat {

using store::Stmt;

struct WriteStatements {
  Stmt begin, commit, rollback;
  Stmt find_document, find_file, files_of_document, delete_document;
  Stmt delete_items_fts, delete_document_fts, delete_item_fts_row, delete_passages_fts;
  store::PassageWriter passages;
  Stmt insert_document, insert_meeting, insert_item, insert_decision, insert_attendance;
  Stmt insert_figure, insert_target, insert_item_fts, insert_document_fts, insert_case;
  Stmt fill_absences;
  Stmt upsert_file, respell_file, delete_error, upsert_error;
  Stmt repoint_document, all_files, delete_file, all_errors;
};

Store::Impl::Impl() = default;
Store::Impl::~Impl() {
  write.reset();  // statements first: a connection with live statements does not close
  if (db && !read_only) {
    // Leave the file in rollback-journal mode, with the WAL folded in, so a
    // copy on read-only media (a DVD, a read-only share) opens anywhere: a
    // WAL database needs a writable directory even to be read. This needs
    // the database to itself; with another connection open it fails at
    // once (no busy wait) and the file stays in WAL mode, which is still
    // consistent; the next writer sets WAL again either way.
    sqlite3_busy_timeout(db, 0);
    (void)store::Exec(db, "PRAGMA journal_mode = DELETE");
  }
  if (db) sqlite3_close_v2(db);
}

namespace {

// The searchable body of an item: its sections with their headings, or,
// when the extractor found no sections, the item's own slice of the text.
std::string ItemBody(const AgendaItem& item, const std::optional<std::string>& text) {
  std::string body;
  for (const auto& s : item.sections) {
    if (!body.empty()) body += "\n\n";
    if (s.heading) body += *s.heading + "\n";
    body += s.text;
  }
  if (body.empty() && text && item.span.start < item.span.end && item.span.end <= text->size())
    body = text->substr(item.span.start, item.span.end - item.span.start);
  return body;
}

std::string RecommendationText(const AgendaItem& item) {
  if (!item.recommendation) return "";
  const Recommendation& r = *item.recommendation;
  if (!r.text.empty()) return r.text;
  std::string out;
  for (const auto& c : r.clauses) out += (out.empty() ? "" : "\n") + c;
  return out;
}

// Runs the bound FTS insert `insert` for `rowid`. A row of that rowid can
// be there already when rows were deleted outside referat (plain sqlite3
// cannot delete from the stemmed FTS tables) and SQLite reused the id: the
// stale row is deleted and the insert made again.
Status InsertFts(Stmt& insert, int64_t rowid, Stmt& delete_row) {
  int rc = insert.Step();
  if (rc == SQLITE_DONE) {
    insert.Reset();
    return Status::Ok();
  }
  if ((rc & 0xff) != SQLITE_CONSTRAINT) {
    Status s = insert.Error(rc);
    insert.Reset();
    return s;
  }
  sqlite3_reset(insert.get());  // keeps the bindings for the retry
  delete_row.Bind(1, rowid);
  if (Status s = delete_row.Run(); !s.ok()) {
    insert.Reset();
    return s;
  }
  return insert.Run();
}

// An attendance row's span as (start, end, page) at i, i+1, i+2; page 0
// (not paged) is NULL, as in store/columns.h.
void BindSpan(Stmt& st, int i, const std::optional<Span>& span) {
  if (!span) {
    st.BindNull(i);
    st.BindNull(i + 1);
    st.BindNull(i + 2);
    return;
  }
  st.Bind(i, static_cast<uint64_t>(span->start));
  st.Bind(i + 1, static_cast<uint64_t>(span->end));
  if (span->page > 0) st.Bind(i + 2, span->page);
  else st.BindNull(i + 2);
}

// "INSERT INTO table (keys..., the columns of T) VALUES (?1, ...)": the
// row's own keys first, bound by the caller, then T's columns from the
// contract's field table (store/columns.h).
template <fields::Described T>
std::string InsertSql(const char* table, std::vector<std::string> keys) {
  for (auto& c : store::ColumnNames<T>()) keys.push_back(std::move(c));
  return std::string("INSERT INTO ") + table + " (" + store::ColumnList(keys) + ") VALUES (" +
         store::ParameterList(keys.size(), 1) + ")";
}

}  // namespace

Status Store::Impl::Prepare() {
  if (write) return Status::Ok();
  auto w = std::make_unique<WriteStatements>();
  // documents: the columns of the Record (source, kind, text length), then
  // what the store adds.
  const std::vector<std::string> document_columns = store::ColumnNames<Record>();
  const std::string insert_document =
      "INSERT INTO documents (" + store::ColumnList(document_columns) +
      ", warnings, generator_version, json) VALUES (" +
      store::ParameterList(document_columns.size() + 3, 1) + ")";
  const std::string insert_meeting = InsertSql<Meeting>("meetings", {"document_id"});
  const std::string insert_item =
      InsertSql<AgendaItem>("agenda_items", {"document_id", "meeting_id", "position"});
  const std::string insert_decision = InsertSql<Decision>("decisions", {"item_id", "document_id"});
  const std::string insert_figure = InsertSql<Figure>("figures", {"document_id"});
  const std::string insert_target = InsertSql<Target>("targets", {"document_id"});
  const std::string fill_absences = store::FillAbsencesSql("a.document_id = ?1");
  struct {
    Stmt* st;
    std::string_view sql;
  } all[] = {
      {&w->begin, "BEGIN IMMEDIATE"},
      {&w->commit, "COMMIT"},
      {&w->rollback, "ROLLBACK"},
      {&w->find_document, "SELECT id FROM documents WHERE sha256 = ?1"},
      {&w->find_file, "SELECT document_id FROM files WHERE path = ?1"},
      {&w->files_of_document, "SELECT count(*) FROM files WHERE document_id = ?1"},
      {&w->delete_document, "DELETE FROM documents WHERE id = ?1"},
      // The stemmed FTS rows of a document, deleted by referat before the
      // document (schema version 2 has no triggers for them).
      {&w->delete_items_fts,
       "DELETE FROM items_fts WHERE rowid IN "
       "(SELECT id FROM agenda_items WHERE document_id = ?1)"},
      {&w->delete_document_fts, "DELETE FROM documents_fts WHERE rowid = ?1"},
      {&w->delete_passages_fts,
       "DELETE FROM items_fts WHERE rowid IN "
       "(SELECT -id FROM passages WHERE document_id = ?1)"},
      {&w->delete_item_fts_row, "DELETE FROM items_fts WHERE rowid = ?1"},
      {&w->insert_document, insert_document},
      {&w->insert_meeting, insert_meeting},
      {&w->insert_item, insert_item},
      {&w->insert_decision, insert_decision},
      {&w->insert_attendance,
       "INSERT INTO attendance (document_id, meeting_id, item_id, status, name, role, "
       "span_start, span_end, span_page) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
      {&w->fill_absences, fill_absences},
      {&w->insert_figure, insert_figure},
      {&w->insert_target, insert_target},
      {&w->insert_item_fts,
       "INSERT INTO items_fts (rowid, title, recommendation, decision, body) "
       "VALUES (?1, ?2, ?3, ?4, ?5)"},
      {&w->insert_case,
       "INSERT INTO cases (item_id, document_id, municipality, case_key) "
       "VALUES (?1, ?2, ?3, ?4)"},
      {&w->insert_document_fts,
       "INSERT INTO documents_fts (rowid, title, body) VALUES (?1, ?2, ?3)"},
      {&w->upsert_file,
       "INSERT INTO files (path, size, mtime_ns, document_id, given_path) "
       "VALUES (?1, ?2, ?3, ?4, ?5) "
       "ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
       "document_id = excluded.document_id, given_path = excluded.given_path"},
      {&w->respell_file, "UPDATE files SET given_path = ?2 WHERE path = ?1"},
      {&w->delete_error, "DELETE FROM errors WHERE path = ?1"},
      // documents.path names a file that holds the content now: when its
      // path moved to other content or went away, another holder's path.
      {&w->repoint_document,
       "UPDATE documents SET path = (SELECT min(path) FROM files WHERE document_id = ?1) "
       "WHERE id = ?1 AND path NOT IN (SELECT path FROM files WHERE document_id = ?1) "
       "AND EXISTS (SELECT 1 FROM files WHERE document_id = ?1)"},
      {&w->all_files, "SELECT path, document_id FROM files ORDER BY path"},
      {&w->delete_file, "DELETE FROM files WHERE path = ?1"},
      {&w->all_errors, "SELECT path FROM errors ORDER BY path"},
      {&w->upsert_error,
       "INSERT INTO errors (path, code, message, size, mtime_ns) VALUES (?1, ?2, ?3, ?4, ?5) "
       "ON CONFLICT (path) DO UPDATE SET code = excluded.code, message = excluded.message, "
       "size = excluded.size, mtime_ns = excluded.mtime_ns"},
  };
  for (auto& [st, sql] : all)
    if (Status s = st->Prepare(db, sql); !s.ok()) return s;
  write = std::move(w);
  return Status::Ok();
}

// Runs `body` between BEGIN IMMEDIATE and COMMIT; rolls back on any error,
// so a document is stored whole or not at all.
template <typename F>
static Status InTransaction(WriteStatements& w, F&& body) {
  if (Status s = w.begin.Run(); !s.ok()) return s;
  Status s = body();
  if (s.ok()) s = w.commit.Run();
  if (!s.ok()) (void)w.rollback.Run();
  return s;
}

Status Store::Impl::InsertDocument(const Record& r, const std::optional<std::string>& text,
                                   int64_t* document_id) {
  WriteStatements& w = *write;
  // The stored JSON is exactly what `referat extract --jsonl` prints: no text.
  std::string json;
  if (r.text_content) {
    Record copy = r;
    copy.text_content.reset();
    json = ToJson(copy, false);
  } else {
    json = ToJson(r, false);
  }
  Stmt& d = w.insert_document;
  int next = store::BindColumns(d, 1, r);
  d.Bind(next, static_cast<int64_t>(r.warnings.size()));
  d.Bind(next + 1, kGeneratorVersion);
  d.Bind(next + 2, json);
  if (Status s = d.Run(); !s.ok()) return s;
  const int64_t doc = sqlite3_last_insert_rowid(db);
  *document_id = doc;

  std::optional<int64_t> meeting_id;
  if (r.meeting) {
    const Meeting& m = *r.meeting;
    Stmt& st = w.insert_meeting;
    st.Bind(1, doc);
    store::BindColumns(st, 2, m);
    if (Status s = st.Run(); !s.ok()) return s;
    meeting_id = sqlite3_last_insert_rowid(db);
  }

  auto attend = [&](std::optional<int64_t> item_id, const char* status, const std::string& name,
                    const std::optional<std::string>& role, const std::optional<Span>& span) {
    Stmt& st = w.insert_attendance;
    st.Bind(1, doc);
    st.Bind(2, meeting_id);
    st.Bind(3, item_id);
    st.Bind(4, status);
    st.Bind(5, name);
    st.Bind(6, role);
    BindSpan(st, 7, span);
    return st.Run();
  };
  if (r.attendance) {
    for (const auto& n : r.attendance->present)
      if (Status s = attend(std::nullopt, "present", n, std::nullopt, std::nullopt); !s.ok())
        return s;
    for (const auto& n : r.attendance->absent)
      if (Status s = attend(std::nullopt, "absent", n, std::nullopt, std::nullopt); !s.ok())
        return s;
    for (const auto& o : r.attendance->others)
      if (Status s = attend(std::nullopt, "other", o.name, o.role, o.span); !s.ok()) return s;
  }

  for (size_t i = 0; i < r.agenda_items.size(); ++i) {
    const AgendaItem& it = r.agenda_items[i];
    Stmt& st = w.insert_item;
    st.Bind(1, doc);
    st.Bind(2, meeting_id);
    st.Bind(3, static_cast<int64_t>(i));
    store::BindColumns(st, 4, it);
    if (Status s = st.Run(); !s.ok()) return s;
    const int64_t item_id = sqlite3_last_insert_rowid(db);
    if (it.decision) {
      Stmt& dc = w.insert_decision;
      dc.Bind(1, item_id);
      dc.Bind(2, doc);
      store::BindColumns(dc, 3, *it.decision);
      if (Status s = dc.Run(); !s.ok()) return s;
    }
    for (const auto& n : it.absent)
      if (Status s = attend(item_id, "absent", n, std::nullopt, std::nullopt); !s.ok()) return s;
    if (it.case_number) {
      if (std::string key = store::CaseKey(*it.case_number); !key.empty()) {
        Stmt& c = w.insert_case;
        c.Bind(1, item_id);
        c.Bind(2, doc);
        c.Bind(3, r.meeting && r.meeting->municipality ? *r.meeting->municipality
                                                       : std::string());
        c.Bind(4, key);
        if (Status s = c.Run(); !s.ok()) return s;
      }
    }
    Stmt& f = w.insert_item_fts;
    f.Bind(1, item_id);
    f.Bind(2, it.title);
    f.Bind(3, RecommendationText(it));
    f.Bind(4, it.decision ? it.decision->text : std::string());
    f.Bind(5, ItemBody(it, text));
    if (Status s = InsertFts(f, item_id, w.delete_item_fts_row); !s.ok()) return s;
  }

  // Documents without items (reports, letters, anything the structure
  // extractor could not split): the whole text in documents_fts, and the
  // passages search ranks and places hits by.
  if (r.agenda_items.empty()) {
    std::string title;
    if (r.report && r.report->title) title = *r.report->title;
    else if (r.source.title) title = *r.source.title;
    const std::string_view body = text ? std::string_view(*text) : std::string_view();
    Stmt& f = w.insert_document_fts;
    f.Bind(1, doc);
    f.Bind(2, title);
    f.Bind(3, body);
    if (Status s = InsertFts(f, doc, w.delete_document_fts); !s.ok()) return s;
    if (!body.empty())
      if (Status s = w.passages.Write(db, doc, title, body, nlohmann::json::parse(json)); !s.ok())
        return s;
  }

  for (const auto& fg : r.figures) {
    Stmt& st = w.insert_figure;
    st.Bind(1, doc);
    store::BindColumns(st, 2, fg);
    if (Status s = st.Run(); !s.ok()) return s;
  }
  for (const auto& t : r.targets) {
    Stmt& st = w.insert_target;
    st.Bind(1, doc);
    store::BindColumns(st, 2, t);
    if (Status s = st.Run(); !s.ok()) return s;
  }
  w.fill_absences.Bind(1, doc);
  return w.fill_absences.Run();
}

Status Store::Impl::DeleteDocument(int64_t document_id) {
  WriteStatements& w = *write;
  for (Stmt* st : {&w.delete_items_fts, &w.delete_document_fts, &w.delete_passages_fts,
                   &w.delete_document}) {
    st->Bind(1, document_id);
    if (Status s = st->Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

Status Store::Impl::Link(const std::string& path, const std::string& given_path,
                         const FileStamp& stamp, int64_t document_id, bool* replaced) {
  WriteStatements& w = *write;
  std::optional<int64_t> before;
  w.find_file.Bind(1, path);
  int rc = w.find_file.Step();
  if (rc == SQLITE_ROW) before = w.find_file.Int(0);
  Status s = rc == SQLITE_ROW || rc == SQLITE_DONE ? Status::Ok() : w.find_file.Error(rc);
  w.find_file.Reset();
  if (!s.ok()) return s;

  w.upsert_file.Bind(1, path);
  w.upsert_file.Bind(2, stamp.size);
  w.upsert_file.Bind(3, stamp.mtime_ns);
  w.upsert_file.Bind(4, document_id);
  w.upsert_file.Bind(5, given_path);
  if (s = w.upsert_file.Run(); !s.ok()) return s;

  *replaced = before && *before != document_id;
  if (*replaced) {
    // The path held other content before; that document goes (with all its
    // rows, by cascade) unless another path still holds it.
    w.files_of_document.Bind(1, *before);
    rc = w.files_of_document.Step();
    int64_t holders = rc == SQLITE_ROW ? w.files_of_document.Int(0) : -1;
    s = rc == SQLITE_ROW ? Status::Ok() : w.files_of_document.Error(rc);
    w.files_of_document.Reset();
    if (!s.ok()) return s;
    if (holders == 0) {
      if (s = DeleteDocument(*before); !s.ok()) return s;
    } else {
      w.repoint_document.Bind(1, *before);
      if (s = w.repoint_document.Run(); !s.ok()) return s;
    }
  }
  w.delete_error.Bind(1, path);
  return w.delete_error.Run();
}

Status Store::Impl::Prune(const std::function<bool(const std::string& path)>& gone,
                          PruneStats* stats) {
  if (Status s = Prepare(); !s.ok()) return s;
  WriteStatements& w = *write;
  return InTransaction(w, [&]() -> Status {
    std::vector<std::pair<std::string, int64_t>> files;
    int rc;
    while ((rc = w.all_files.Step()) == SQLITE_ROW)
      if (gone(w.all_files.Text(0))) files.emplace_back(w.all_files.Text(0), w.all_files.Int(1));
    Status s = rc == SQLITE_DONE ? Status::Ok() : w.all_files.Error(rc);
    w.all_files.Reset();
    if (!s.ok()) return s;
    std::vector<std::string> errors;
    while ((rc = w.all_errors.Step()) == SQLITE_ROW)
      if (gone(w.all_errors.Text(0))) errors.push_back(w.all_errors.Text(0));
    s = rc == SQLITE_DONE ? Status::Ok() : w.all_errors.Error(rc);
    w.all_errors.Reset();
    if (!s.ok()) return s;

    std::vector<int64_t> documents;
    for (const auto& [path, document_id] : files) {
      w.delete_file.Bind(1, path);
      if (s = w.delete_file.Run(); !s.ok()) return s;
      documents.push_back(document_id);
    }
    std::sort(documents.begin(), documents.end());
    documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
    for (int64_t id : documents) {
      w.files_of_document.Bind(1, id);
      rc = w.files_of_document.Step();
      int64_t holders = rc == SQLITE_ROW ? w.files_of_document.Int(0) : -1;
      s = rc == SQLITE_ROW ? Status::Ok() : w.files_of_document.Error(rc);
      w.files_of_document.Reset();
      if (!s.ok()) return s;
      if (holders == 0) {
        if (s = DeleteDocument(id); !s.ok()) return s;
        ++stats->documents;
      } else {
        w.repoint_document.Bind(1, id);
        if (s = w.repoint_document.Run(); !s.ok()) return s;
      }
    }
    for (const std::string& path : errors) {
      w.delete_error.Bind(1, path);
      if (s = w.delete_error.Run(); !s.ok()) return s;
    }
    stats->files = files.size();
    stats->errors = errors.size();
    return Status::Ok();
  });
}

Status Store::Impl::PutFile(const std::string& path, const std::string& given_path,
                            const FileStamp& stamp, const Record& record,
                            const std::optional<std::string>& text, PutOutcome* outcome) {
  if (Status s = Prepare(); !s.ok()) return s;
  WriteStatements& w = *write;
  return InTransaction(w, [&]() -> Status {
    w.find_document.Bind(1, record.source.sha256);
    int rc = w.find_document.Step();
    std::optional<int64_t> doc;
    if (rc == SQLITE_ROW) doc = w.find_document.Int(0);
    Status s = rc == SQLITE_ROW || rc == SQLITE_DONE ? Status::Ok() : w.find_document.Error(rc);
    w.find_document.Reset();
    if (!s.ok()) return s;
    const bool duplicate = doc.has_value();
    if (!duplicate) {
      int64_t id = 0;
      if (s = InsertDocument(record, text, &id); !s.ok()) return s;
      doc = id;
    }
    bool replaced = false;
    if (s = Link(path, given_path, stamp, *doc, &replaced); !s.ok()) return s;
    *outcome = duplicate ? PutOutcome::kDuplicate
               : replaced ? PutOutcome::kReplaced
                          : PutOutcome::kStored;
    return Status::Ok();
  });
}

Status Store::Impl::LinkFile(const std::string& path, const std::string& given_path,
                             const FileStamp& stamp, const std::string& sha256,
                             PutOutcome* outcome) {
  if (Status s = Prepare(); !s.ok()) return s;
  WriteStatements& w = *write;
  return InTransaction(w, [&]() -> Status {
    w.find_document.Bind(1, sha256);
    int rc = w.find_document.Step();
    std::optional<int64_t> doc;
    if (rc == SQLITE_ROW) doc = w.find_document.Int(0);
    Status s = rc == SQLITE_ROW || rc == SQLITE_DONE ? Status::Ok() : w.find_document.Error(rc);
    w.find_document.Reset();
    if (!s.ok()) return s;
    if (!doc) return Status::NotFound("no stored document has this content");
    bool replaced = false;
    if (s = Link(path, given_path, stamp, *doc, &replaced); !s.ok()) return s;
    *outcome = PutOutcome::kDuplicate;
    return Status::Ok();
  });
}

Status Store::Impl::RespellFile(const std::string& path, const std::string& given_path) {
  if (Status s = Prepare(); !s.ok()) return s;
  WriteStatements& w = *write;
  w.respell_file.Bind(1, path);
  w.respell_file.Bind(2, given_path);
  return w.respell_file.Run();
}

Status Store::Impl::PutError(const std::string& path, const std::optional<FileStamp>& stamp,
                             const Status& status) {
  if (Status s = Prepare(); !s.ok()) return s;
  WriteStatements& w = *write;
  return InTransaction(w, [&]() -> Status {
    Stmt& st = w.upsert_error;
    st.Bind(1, path);
    st.Bind(2, status.code_name());
    st.Bind(3, status.message());
    if (stamp) {
      st.Bind(4, stamp->size);
      st.Bind(5, stamp->mtime_ns);
    }
    return st.Run();
  });
}

}  // namespace referat
