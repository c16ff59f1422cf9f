// Helpers shared by the test suites.
#ifndef REFERAT_TESTS_TEST_UTIL_H_
#define REFERAT_TESTS_TEST_UTIL_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace referat::testing {

inline std::filesystem::path SourceDir() { return REFERAT_SOURCE_DIR; }
// ../shared beside the clone (CI has it there).
inline std::filesystem::path SharedDir() { return SourceDir().parent_path() / "shared"; }

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace referat::testing

#endif  // REFERAT_TESTS_TEST_UTIL_H_
