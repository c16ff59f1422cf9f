// What `extract` and `ingest` show while a batch runs, and how Ctrl-C stops
// one.
#ifndef REFERAT_CLI_PROGRESS_H_
#define REFERAT_CLI_PROGRESS_H_

#include <atomic>
#include <cstddef>
#include <string>

namespace referat::cli {

// Progress on stderr: a redrawn bar on a terminal, a plain line every 1000
// files otherwise (logs stay readable), nothing when quiet.
class Progress {
 public:
  Progress(const char* command, bool quiet);
  // After each file: `done` of `total` files, `seconds` since the start.
  void Update(size_t done, size_t total, double seconds);
  // Before any other line on stderr: ends the bar's line.
  void Interrupt();
  void Finish();

 private:
  std::string command_;
  bool quiet_;
  bool tty_;
  bool drawn_ = false;
  double last_draw_ = -1;
};

// "1:05" or "1:02:03".
std::string Duration(double seconds);

// Installs a SIGINT handler that sets the returned flag and restores the
// default action, so a first Ctrl-C lets a batch finish the files in hand
// (and the store their transactions) and a second one kills at once.
const std::atomic<bool>* CatchInterrupt();

// The line a batch stopped by Ctrl-C ends with.
inline constexpr const char* kInterrupted = "referat: interrupted; run again to resume\n";

// The exit status of a process stopped by SIGINT, as shells expect.
inline constexpr int kInterruptedExit = 130;

}  // namespace referat::cli

#endif  // REFERAT_CLI_PROGRESS_H_
