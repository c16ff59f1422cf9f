#include "core/deadline.h"

#include <chrono>

namespace referat {
namespace {
thread_local int64_t g_deadline_ns = 0;  // steady_clock ns; 0 = none
thread_local uint32_t g_calls = 0;
thread_local bool g_expired = false;

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

ScopedDeadline::ScopedDeadline(int64_t timeout_ms) : saved_(g_deadline_ns) {
  g_deadline_ns = timeout_ms > 0 ? NowNs() + timeout_ms * 1000000 : 0;
  g_expired = false;
  g_calls = 0;
}

ScopedDeadline::~ScopedDeadline() {
  g_deadline_ns = saved_;
  g_expired = false;
}

bool DeadlineExpired() {
  if (g_deadline_ns == 0) return false;
  if (g_expired) return true;
  if ((++g_calls & 255) != 0) return false;
  g_expired = NowNs() > g_deadline_ns;
  return g_expired;
}

void ExtendDeadline(int64_t ms) {
  if (g_deadline_ns == 0 || ms <= 0) return;
  g_deadline_ns += ms * 1000000;
  g_expired = NowNs() > g_deadline_ns;
}

}  // namespace referat
