// Ingest: many files into the store through ExtractBatch: worker threads
// read, hash and extract, and the store is written by one of them at a time,
// in input order (so document ids do not depend on --jobs), each file as
// one transaction, so a kill at any moment leaves every document stored
// whole or not at all, and a second run stores the rest.
//
// What is read again (decided for archives that are re-run nightly):
//   1. A path whose size and mtime equal the `files` row is unchanged: not
//      read at all. (A file rewritten with the same size within the same
//      mtime tick is missed; archives do not do that, and `rm` of the db or a
//      touch forces a re-read.)
//   2. Otherwise the bytes are read and hashed. Content already stored (at
//      this path after a touch, or at another path: a copy) is linked to the
//      path without extracting it.
//   3. Otherwise the file is extracted and stored; if the path held other
//      content before, that record is replaced (deleted by cascade unless
//      another path still holds it).
// Failed files are retried on every run: they are few, and a newer referat
// may read them.
//
// Each file is keyed by its canonical path and keeps the path as given
// (files.given_path, for display): an unchanged file named another way
// this time ("archive/x.pdf", then "./archive/x.pdf") is not read, only its
// given_path updated.
#include <algorithm>
#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unordered_map>
#include <unordered_set>

#include "referat/batch.h"
#include "referat/extract.h"
#include "store/from_json.h"
#include "store/store_impl.h"

namespace referat {
namespace {

// The path the store keeps for `path`: absolute, "." and ".." resolved
// lexically, so one file named three ways ("a.pdf", "./a.pdf", an absolute
// path) is one row. Symlinks are not resolved: an archive reached through
// a link keeps the names the archivist uses.
std::string CanonicalPath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  if (ec) return path;
  std::string out = abs.lexically_normal().string();
  // "dir/" normalizes to "dir/"; a file's path never ends in a separator.
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

// A stored file. The extraction workers read `stamp` (batch.unchanged);
// only the writing thread, one at a time, reads and sets `given_path`.
struct KnownFile {
  FileStamp stamp;
  std::string given_path;
};

struct Known {
  std::unordered_map<std::string, KnownFile> files;  // path -> stored file
  std::unordered_set<std::string> contents;          // sha256 of stored documents
};

Status LoadKnown(sqlite3* db, Known* known) {
  store::Stmt files;
  if (Status s = files.Prepare(db, "SELECT path, size, mtime_ns, given_path FROM files"); !s.ok())
    return s;
  int rc;
  while ((rc = files.Step()) == SQLITE_ROW)
    known->files[files.Text(0)] =
        KnownFile{FileStamp{static_cast<uint64_t>(files.Int(1)), files.Int(2)}, files.Text(3)};
  if (rc != SQLITE_DONE) return files.Error(rc);
  store::Stmt docs;
  if (Status s = docs.Prepare(db, "SELECT sha256 FROM documents"); !s.ok()) return s;
  while ((rc = docs.Step()) == SQLITE_ROW) known->contents.insert(docs.Text(0));
  if (rc != SQLITE_DONE) return docs.Error(rc);
  return Status::Ok();
}

}  // namespace

Result<IngestStats> Store::Ingest(const std::vector<std::string>& paths,
                                  const IngestOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  Known known;
  if (Status s = LoadKnown(impl_->db, &known); !s.ok()) return s;

  const size_t n = paths.size();
  IngestStats stats;
  stats.files = n;
  if (n == 0) return stats;
  std::vector<std::string> canonical;
  canonical.reserve(n);
  for (const std::string& p : paths) canonical.push_back(CanonicalPath(p));

  BatchOptions batch;
  batch.jobs = options.jobs;
  batch.extract = options.extract;
  batch.extract.with_text = true;  // for the searchable body; never stored in the JSON
  batch.cancel = options.cancel;
  batch.unchanged = [&known](const std::string& path, const FileStamp& stamp) {
    auto it = known.files.find(path);
    return it != known.files.end() && it->second.stamp.size == stamp.size &&
           it->second.stamp.mtime_ns == stamp.mtime_ns;
  };
  batch.known_content = [&known](const std::string& sha256) {
    return known.contents.count(sha256) > 0;
  };

  Status failure;
  auto store_one = [&](BatchItem& item) -> bool {
    const std::string& path = item.path;
    const std::string& given = paths[item.index];
    PutOutcome outcome = PutOutcome::kStored;
    if (item.outcome == BatchItem::kKnownContent) {
      Status s = impl_->LinkFile(path, given, *item.stamp, item.sha256, &outcome);
      if (s.code() == ErrorCode::kNotFound) {
        // The content was stored when the run began but has been replaced
        // since (its only path changed earlier in this run): extract it here.
        BatchOptions again = batch;
        again.known_content = nullptr;
        again.unchanged = nullptr;
        again.jobs = 1;
        ExtractBatch({path}, again, [&item](BatchItem& fresh) {
          fresh.index = item.index;
          item = std::move(fresh);
          return true;
        });
      } else if (!s.ok()) {
        failure = s;
      }
    }
    if (!failure.ok()) return false;
    switch (item.outcome) {
      case BatchItem::kUnchanged: {
        ++stats.unchanged;
        // Named another way than last time: only the spelling is stored.
        auto it = known.files.find(path);
        if (it != known.files.end() && it->second.given_path != given) {
          failure = impl_->RespellFile(path, given);
          if (failure.ok()) it->second.given_path = given;
        }
        break;
      }
      case BatchItem::kKnownContent:
        ++stats.duplicates;
        break;
      case BatchItem::kExtracted: {
        std::optional<std::string> text = std::move(item.record->text_content);
        item.record->text_content.reset();
        failure = impl_->PutFile(path, given, *item.stamp, *item.record, text, &outcome);
        if (failure.ok()) {
          if (outcome == PutOutcome::kDuplicate) {
            ++stats.duplicates;
          } else {
            ++stats.extracted;
            if (outcome == PutOutcome::kReplaced) ++stats.replaced;
          }
        }
        break;
      }
      case BatchItem::kFailed:
        failure = impl_->PutError(path, item.stamp, item.status);
        if (failure.ok()) {
          ++stats.failed;
          if (options.on_failure) options.on_failure(paths[item.index], item.status);
        }
        break;
    }
    if (!failure.ok()) return false;
    if (options.on_progress) {
      std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
      options.on_progress(IngestProgress{item.index + 1, n, elapsed.count()});
    }
    return true;
  };
  const size_t done = ExtractBatch(canonical, batch, store_one);
  stats.interrupted = failure.ok() && done < n;
  if (!failure.ok()) return failure;
  (void)store::Exec(impl_->db, "PRAGMA optimize");
  return stats;
}

Result<PruneStats> Store::Prune() {
  PruneStats stats;
  auto gone = [](const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
  };
  if (Status s = impl_->Prune(gone, &stats); !s.ok()) return s;
  return stats;
}

Result<IngestStats> Store::IngestJsonl(const std::vector<std::string>& files,
                                       const IngestOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  IngestStats stats;
  for (const std::string& name : files) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (name != "-") {
      file.open(name, std::ios::binary);
      if (!file) return Status::NotFound(name + ": cannot open");
      in = &file;
    }
    size_t line_no = 0;
    for (std::string line; std::getline(*in, line);) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      ++stats.files;
      Result<Record> r = store::RecordFromJson(line);
      if (!r.ok()) {
        ++stats.failed;
        if (options.on_failure) options.on_failure(name + ":" + std::to_string(line_no), r.status());
        continue;
      }
      std::optional<std::string> text = std::move(r->text_content);
      r->text_content.reset();
      // No file on this machine to stat: the stamp is the size and mtime 0,
      // so a later ingest of the same path from disk hashes the file and,
      // finding the content stored, only links it.
      const FileStamp stamp{r->source.bytes, 0};
      PutOutcome outcome = PutOutcome::kStored;
      // The record's own path is both the key and the spelling.
      if (Status s = impl_->PutFile(r->source.path, r->source.path, stamp, *r, text, &outcome);
          !s.ok())
        return s;
      if (outcome == PutOutcome::kDuplicate) {
        ++stats.duplicates;
      } else {
        ++stats.extracted;
        if (outcome == PutOutcome::kReplaced) ++stats.replaced;
      }
      if (options.on_progress) {
        std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
        options.on_progress(IngestProgress{stats.files, 0, elapsed.count()});
      }
    }
    if (in->bad()) return Status::Unreadable(name + ": read error");
  }
  (void)store::Exec(impl_->db, "PRAGMA optimize");
  return stats;
}

}  // namespace referat
