// The ordered parallel batch. Every job thread (the caller is one of them)
// takes the next input, reads and extracts it, and then, unless another
// thread is emitting already, emits whatever is next in input order. No
// thread exists only to emit: on two cores a writer woken for every document
// preempts the extracting threads.
//
// A worker may run ahead of the item being emitted while the finished work
// waiting behind it stays within the window (items per job) and the byte
// budget. A small window stalls the cores behind one large document: with
// two items per job, two jobs used the CPU of 1.3 processes on a mixed batch.
#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/sha256.h"
#include "pipeline/extract_internal.h"
#include "referat/batch.h"

namespace referat {
namespace {

// What an item holds while it waits for its turn, roughly in bytes.
size_t Weight(const BatchItem& item) {
  size_t w = item.output.size();
  if (item.record) {
    w += item.record->text_length;
    if (item.record->text_content) w += item.record->text_content->size();
  }
  return w;
}

BatchItem Process(size_t index, const std::string& path, const BatchOptions& options) {
  BatchItem item;
  item.index = index;
  item.path = path;
  if (path != "-") {
    Result<FileStamp> st = StatInput(path);
    if (!st.ok()) {
      item.status = st.status();
      return item;
    }
    item.stamp = *st;
    if (options.unchanged && options.unchanged(path, *item.stamp)) {
      item.outcome = BatchItem::kUnchanged;
      return item;
    }
  }
  Result<InputFile> in = ReadInput(path, options.extract, item.stamp);
  if (!in.ok()) {
    item.status = in.status();
    return item;
  }
  item.sha256 = Sha256Hex(in->bytes);
  if (options.known_content && options.known_content(item.sha256)) {
    item.outcome = BatchItem::kKnownContent;
    return item;
  }
  Result<Record> r = pipeline::ExtractHashed(Input{path, in->bytes}, options.extract, item.sha256);
  if (!r.ok()) {
    item.status = r.status();
    return item;
  }
  item.outcome = BatchItem::kExtracted;
  item.record = std::move(*r);
  return item;
}

}  // namespace

size_t ExtractBatch(const std::vector<std::string>& paths, const BatchOptions& options,
                    const std::function<bool(BatchItem& item)>& emit) {
  const size_t n = paths.size();
  if (n == 0) return 0;
  int jobs = options.jobs > 0 ? options.jobs
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = static_cast<int>(std::min<size_t>(jobs, n));
  const size_t window = std::max<size_t>(2, options.window_per_job * static_cast<size_t>(jobs));

  struct Slot {
    bool done = false;
    size_t weight = 0;
    BatchItem item;
  };
  std::vector<Slot> ring(std::min(window, n));
  std::mutex mu;
  std::condition_variable cv;
  // All guarded by mu.
  size_t next = 0;     // the next input to take
  size_t emitted = 0;  // inputs emitted so far
  size_t pending = 0;  // Weight of the finished items waiting for emit
  bool writing = false;
  bool stop = false;
  int waiting = 0;

  auto cancelled = [&] { return options.cancel && options.cancel->load(std::memory_order_relaxed); };
  auto job = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        auto may_take = [&] {
          return stop || next >= n || cancelled() ||
                 next == emitted ||  // the one being waited for: never held back
                 (next < emitted + ring.size() && pending < options.max_pending_bytes);
        };
        if (!may_take()) {
          ++waiting;
          cv.wait(lock, may_take);
          --waiting;
        }
        if (stop || next >= n || cancelled()) return;
        i = next++;
      }
      BatchItem item = Process(i, paths[i], options);
      if (options.finish) options.finish(item);
      std::unique_lock<std::mutex> lock(mu);
      Slot& slot = ring[i % ring.size()];
      slot.weight = Weight(item);
      slot.item = std::move(item);
      slot.done = true;
      pending += slot.weight;
      if (writing) continue;  // the emitting thread sees this slot before it stops
      writing = true;
      while (!stop && emitted < next && ring[emitted % ring.size()].done) {
        Slot& s = ring[emitted % ring.size()];
        BatchItem out = std::move(s.item);
        pending -= s.weight;
        s = Slot{};
        lock.unlock();
        const bool go_on = emit(out);
        out = BatchItem{};  // freed outside the lock
        lock.lock();
        ++emitted;
        if (!go_on) stop = true;
        if (waiting) cv.notify_all();
      }
      writing = false;
      if (stop && waiting) cv.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(job);
  job();
  for (auto& t : threads) t.join();
  return emitted;
}

}  // namespace referat
