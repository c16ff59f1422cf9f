// The per-document wall-time limit (ExtractOptions::timeout_ms). Extract()
// arms a deadline for the calling thread; long loops in readers and
// extractors poll DeadlineExpired() (cheap: one clock read every 256 calls)
// and give up with Status::Timeout. Thread-local, so parallel extractions
// each have their own.
#ifndef REFERAT_CORE_DEADLINE_H_
#define REFERAT_CORE_DEADLINE_H_

#include <cstdint>

namespace referat {

// Arms the deadline for this thread for its lifetime; 0 ms disarms.
class ScopedDeadline {
 public:
  explicit ScopedDeadline(int64_t timeout_ms);
  ~ScopedDeadline();
  ScopedDeadline(const ScopedDeadline&) = delete;
  ScopedDeadline& operator=(const ScopedDeadline&) = delete;

 private:
  int64_t saved_;
};

// True once this thread's armed deadline has passed.
bool DeadlineExpired();

// Moves this thread's armed deadline `ms` later (nothing when none is
// armed): the PDF reader gives back the time spent in OCR, which has its
// own per-page limit.
void ExtendDeadline(int64_t ms);

}  // namespace referat

#endif  // REFERAT_CORE_DEADLINE_H_
