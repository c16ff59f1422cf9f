// Reading inputs and extracting many of them: the one way every command
// (`referat extract`, `ingest`, `verify`) and Store::Ingest read a file and
// run a batch.
//
//   referat::BatchOptions opts;
//   opts.jobs = 2;
//   referat::ExtractBatch(paths, opts, [](referat::BatchItem& item) {
//     if (item.outcome == referat::BatchItem::kExtracted) Use(*item.record);
//     return true;  // false stops the batch
//   });
#ifndef REFERAT_BATCH_H_
#define REFERAT_BATCH_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "referat/options.h"
#include "referat/record.h"
#include "referat/status.h"

namespace referat {

// What stat(2) says of a file: enough to tell a re-run that it is unchanged
// (size and mtime) and which file it is (device and inode).
struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t device = 0;
  uint64_t inode = 0;
};

// One input: its name as given, its bytes, and its stamp (none for "-").
struct InputFile {
  std::string path;
  std::string bytes;
  std::optional<FileStamp> stamp;
};

// The stamp of a regular file; not_found, or unreadable for a directory, a
// device or a file stat(2) refuses.
Result<FileStamp> StatInput(const std::string& path);

// Reads a whole regular file ("-": standard input), refusing one over
// options.max_input_bytes before reading it (too_large). `stamp`, when the
// caller has stat'ed the file already, saves the second stat.
Result<InputFile> ReadInput(const std::string& path, const ExtractOptions& options,
                            const std::optional<FileStamp>& stamp = std::nullopt);

// One input's outcome in a batch.
struct BatchItem {
  enum Outcome {
    kExtracted,     // `record` holds the record (unless `finish` took it)
    kFailed,        // `status` says why
    kUnchanged,     // BatchOptions::unchanged said so: not read
    kKnownContent,  // BatchOptions::known_content said so: read and hashed, not extracted
  };
  size_t index = 0;  // position in the batch's input list
  std::string path;
  Outcome outcome = kFailed;
  Status status;
  std::optional<FileStamp> stamp;  // when the file could be stat'ed
  std::string sha256;              // of the bytes, when they were read
  std::optional<Record> record;
  // Free for `finish` to fill on the worker (e.g. the record's JSON), so
  // that work runs in parallel rather than in the ordered `emit`.
  std::string output;
};

struct BatchOptions {
  // Worker threads, the calling thread included; 0 means one per core.
  int jobs = 0;
  ExtractOptions extract;
  // Called on a worker after stat, before reading: true skips the file as
  // kUnchanged. Called concurrently from several threads.
  std::function<bool(const std::string& path, const FileStamp& stamp)> unchanged;
  // Called on a worker with the SHA-256 of the bytes, before extracting:
  // true skips extraction (kKnownContent). Called concurrently.
  std::function<bool(const std::string& sha256)> known_content;
  // Called on the worker after each item (any outcome), concurrently, before
  // the item waits for its turn in `emit`: the place for per-item work that
  // should use all the threads (rendering JSON, dropping what `emit` does
  // not need).
  std::function<void(BatchItem& item)> finish;
  // Set (e.g. from a signal handler) to stop taking new inputs; the items
  // already being extracted are finished and emitted.
  const std::atomic<bool>* cancel = nullptr;
  // How much finished work may wait behind a slow document for its turn in
  // `emit`, in items per job and in bytes (the size of `output` and of the
  // record's text). A worker never waits while the items behind the slow
  // one are small, so the cores stay busy; memory stays bounded by these
  // limits and the largest document, whatever the number of inputs.
  size_t window_per_job = 32;
  size_t max_pending_bytes = 256ull << 20;
};

// Reads (ReadInput) and extracts every path on `jobs` threads and calls
// `emit` for each, in input order and never concurrently, on whichever
// worker thread is free: the output is the same whatever the number of jobs.
// `emit` returns false to stop the batch (e.g. the database failed).
// Returns how many items were emitted: paths.size() unless stopped or
// cancelled.
size_t ExtractBatch(const std::vector<std::string>& paths, const BatchOptions& options,
                    const std::function<bool(BatchItem& item)>& emit);

}  // namespace referat

#endif  // REFERAT_BATCH_H_
