#include "progress.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>

namespace referat::cli {

std::string Duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

Progress::Progress(const char* command, bool quiet)
    : command_(command), quiet_(quiet), tty_(!quiet && ::isatty(STDERR_FILENO)) {}

void Progress::Update(size_t done, size_t total, double seconds) {
  if (quiet_) return;
  const double rate = seconds > 0 ? done / seconds : 0;
  const double eta = rate > 0 ? (total - done) / rate : 0;
  char line[160];
  if (tty_) {
    // Redraw at most ten times a second, and always at the end.
    if (done != total && seconds - last_draw_ < 0.1) return;
    last_draw_ = seconds;
    constexpr int kWidth = 30;
    int fill = total ? static_cast<int>(kWidth * done / total) : kWidth;
    std::string bar(fill, '#');
    bar.resize(kWidth, '.');
    std::snprintf(line, sizeof line, "\r\033[K[%s] %zu/%zu files  %.1f/s  ETA %s", bar.c_str(),
                  done, total, rate, Duration(eta).c_str());
    std::cerr << line << std::flush;
    drawn_ = true;
  } else if (done % 1000 == 0 && done != total) {
    std::snprintf(line, sizeof line, "referat: %s: %zu/%zu files, %.1f/s, ETA %s\n",
                  command_.c_str(), done, total, rate, Duration(eta).c_str());
    std::cerr << line << std::flush;
  }
}

void Progress::Interrupt() {
  if (drawn_) std::cerr << "\r\033[K";
  drawn_ = false;
}

void Progress::Finish() {
  if (drawn_) std::cerr << "\n";
  drawn_ = false;
}

namespace {
std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void OnInterrupt(int) {
  interrupted.store(true);
  std::signal(SIGINT, SIG_DFL);
}
}  // namespace

const std::atomic<bool>* CatchInterrupt() {
  std::signal(SIGINT, OnInterrupt);
  return &interrupted;
}

}  // namespace referat::cli
