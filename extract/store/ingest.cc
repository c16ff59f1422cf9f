// Ingest: many files into the store. Worker threads read, hash and extract;
// the calling thread is the one writer and owns the connection. Files are
// written in input order (so document ids do not depend on --jobs), each as
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
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/sha256.h"
#include "referat/extract.h"
#include "store/from_json.h"
#include "store/store_impl.h"

namespace referat {
namespace {

// What a worker found out about one path.
struct Job {
  enum Kind { kUnchanged, kKnownContent, kExtracted, kFailed } kind = kFailed;
  std::optional<FileStamp> stamp;
  std::string sha256;
  std::optional<Record> record;
  std::optional<std::string> text;
  Status status;
  bool ready = false;
};

struct Known {
  std::unordered_map<std::string, FileStamp> files;  // path -> stamp
  std::unordered_set<std::string> contents;          // sha256 of stored documents
};

// Reads the file the way ExtractFile does (same checks, same error codes),
// but keeps the bytes so they can be hashed before deciding to extract.
Job Process(const std::string& path, const Known* known, const ExtractOptions& extract) {
  Job job;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    job.status = errno == ENOENT || errno == ENOTDIR ? Status::NotFound("no such file")
                                                     : Status::Unreadable(std::strerror(errno));
    return job;
  }
  if (S_ISDIR(st.st_mode)) {
    job.status = Status::Unreadable("is a directory");
    return job;
  }
  if (!S_ISREG(st.st_mode)) {
    job.status = Status::Unreadable("not a regular file");
    return job;
  }
  FileStamp stamp{static_cast<uint64_t>(st.st_size),
                  static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
  job.stamp = stamp;
  if (known) {
    auto it = known->files.find(path);
    if (it != known->files.end() && it->second.size == stamp.size &&
        it->second.mtime_ns == stamp.mtime_ns) {
      job.kind = Job::kUnchanged;
      return job;
    }
  }
  if (stamp.size > extract.max_input_bytes) {
    job.status = Status::TooLarge("file is " + std::to_string(stamp.size) +
                                  " bytes, over the limit of " +
                                  std::to_string(extract.max_input_bytes));
    return job;
  }
  std::string bytes;
  {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
      job.status = Status::Unreadable(std::strerror(errno));
      return job;
    }
    bytes.resize(stamp.size);
    size_t got = bytes.empty() ? 0 : std::fread(bytes.data(), 1, bytes.size(), f);
    bool err = std::ferror(f);
    std::fclose(f);
    if (err) {
      job.status = Status::Unreadable("read error");
      return job;
    }
    bytes.resize(got);
  }
  job.sha256 = Sha256Hex(bytes);
  if (known && known->contents.count(job.sha256)) {
    job.kind = Job::kKnownContent;
    return job;
  }
  ExtractOptions opts = extract;
  opts.with_text = true;  // for the searchable body; never stored in the JSON
  Result<Record> r = Extract(Input{path, bytes}, opts);
  if (!r.ok()) {
    job.status = r.status();
    return job;
  }
  job.kind = Job::kExtracted;
  job.text = std::move(r->text_content);
  r->text_content.reset();
  job.record = std::move(*r);
  return job;
}

Status LoadKnown(sqlite3* db, Known* known) {
  store::Stmt files;
  if (Status s = files.Prepare(db, "SELECT path, size, mtime_ns FROM files"); !s.ok()) return s;
  int rc;
  while ((rc = files.Step()) == SQLITE_ROW)
    known->files[files.Text(0)] =
        FileStamp{static_cast<uint64_t>(files.Int(1)), files.Int(2)};
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
  int jobs = options.jobs > 0 ? options.jobs
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = static_cast<int>(std::min<size_t>(jobs, n));
  // Finished jobs wait in a ring of `window` slots for the writer, which
  // bounds memory whatever the archive size, and lets workers run ahead of
  // a slow write by a few documents.
  const size_t window = static_cast<size_t>(jobs) * 4;
  std::vector<Job> ring(window);
  std::mutex mu;
  std::condition_variable ready_cv, space_cv;
  size_t next = 0, written = 0;
  bool stop = false;

  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        space_cv.wait(lock, [&] { return stop || next >= n || next < written + window; });
        if (stop || next >= n) return;
        i = next++;
      }
      Job job = Process(paths[i], &known, options.extract);
      job.ready = true;
      {
        std::lock_guard<std::mutex> lock(mu);
        ring[i % window] = std::move(job);
      }
      ready_cv.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);

  Status failure;
  for (size_t i = 0; i < n && failure.ok(); ++i) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mu);
      ready_cv.wait(lock, [&] { return ring[i % window].ready; });
      job = std::move(ring[i % window]);
      ring[i % window] = Job{};
      written = i + 1;
    }
    space_cv.notify_all();
    const std::string& path = paths[i];
    PutOutcome outcome = PutOutcome::kStored;
    if (job.kind == Job::kKnownContent) {
      Status s = impl_->LinkFile(path, *job.stamp, job.sha256, &outcome);
      // The content was stored when the run began but has been replaced
      // since (its only path changed earlier in this run): extract it here.
      if (s.code() == ErrorCode::kNotFound) job = Process(path, nullptr, options.extract);
      else if (!s.ok()) failure = s;
    }
    switch (job.kind) {
      case Job::kUnchanged:
        ++stats.unchanged;
        break;
      case Job::kKnownContent:
        ++stats.duplicates;
        break;
      case Job::kExtracted:
        failure = impl_->PutFile(path, *job.stamp, *job.record, job.text, &outcome);
        if (failure.ok()) {
          if (outcome == PutOutcome::kDuplicate) {
            ++stats.duplicates;
          } else {
            ++stats.extracted;
            if (outcome == PutOutcome::kReplaced) ++stats.replaced;
          }
        }
        break;
      case Job::kFailed:
        failure = impl_->PutError(path, job.stamp, job.status);
        if (failure.ok()) {
          ++stats.failed;
          if (options.on_failure) options.on_failure(path, job.status);
        }
        break;
    }
    if (failure.ok() && options.on_progress) {
      std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
      options.on_progress(IngestProgress{i + 1, n, elapsed.count()});
    }
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    stop = true;
  }
  space_cv.notify_all();
  for (auto& t : threads) t.join();
  if (!failure.ok()) return failure;
  (void)store::Exec(impl_->db, "PRAGMA optimize");
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
      if (Status s = impl_->PutFile(r->source.path, stamp, *r, text, &outcome); !s.ok()) return s;
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
