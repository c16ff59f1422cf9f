// Helpers shared by the benchmarks: the test suites' helpers (reading a
// whole file, the source and ../shared directories), under the name the
// benchmarks use.
#ifndef REFERAT_BENCH_BENCH_UTIL_H_
#define REFERAT_BENCH_BENCH_UTIL_H_

#include "test_util.h"

namespace referat::bench {

// The whole file as bytes; empty if it cannot be read (each benchmark then
// fails its count check or skips).
inline std::string Slurp(const std::filesystem::path& p) { return referat::testing::ReadFile(p); }

}  // namespace referat::bench

#endif  // REFERAT_BENCH_BENCH_UTIL_H_
