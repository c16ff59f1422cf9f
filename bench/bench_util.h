// Helpers shared by the benchmarks.
#ifndef REFERAT_BENCH_BENCH_UTIL_H_
#define REFERAT_BENCH_BENCH_UTIL_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace referat::bench {

// The whole file as bytes; empty if it cannot be read (each benchmark then
// fails its count check or skips).
inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace referat::bench

#endif  // REFERAT_BENCH_BENCH_UTIL_H_
