// The bad-input suite (issue 6): every hostile or broken file gives its exact
// code, nothing on stdout for an error, within bounds on wall time and peak
// memory; a batch mixing bad and good files extracts all the good ones.
// Files: tests/hardening/data/ (made by tools/make_hostile), outcomes:
// tests/hardening/expected.tsv. Runs the real `referat` binary as a child.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../test_util.h"

namespace referat {
namespace {
namespace fs = std::filesystem;
using referat::testing::ReadFile;
using referat::testing::SourceDir;

// Sanitized builds are several times slower and use shadow memory.
constexpr int kScale = REFERAT_SANITIZED ? 4 : 1;
constexpr double kMaxSeconds = 20.0 * kScale;
constexpr long kMaxRssKb = 400L * 1024 * kScale;

struct CliRun {
  int exit_code = -1;
  std::string out, err;
  double seconds = 0;
  long max_rss_kb = 0;
};

CliRun RunCli(const std::vector<std::string>& args) {
  fs::path dir = fs::temp_directory_path() / ("referat_hard_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path out = dir / "stdout", err = dir / "stderr";
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    int fo = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int fe = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fo, 1);
    ::dup2(fe, 2);
    std::vector<char*> argv;
    std::string bin = REFERAT_CLI;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  CliRun r;
  int status = 0;
  struct rusage ru {};
  ::wait4(pid, &status, 0, &ru);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.max_rss_kb = ru.ru_maxrss;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  fs::remove_all(dir);
  return r;
}

struct Case {
  std::string file;
  std::string expect;
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.file << " -> " << c.expect; }

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  std::istringstream in(ReadFile(SourceDir() / "tests/hardening/expected.tsv"));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    cases.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return cases;
}

void CheckOutcome(const CliRun& r, const std::string& path, const std::string& expect) {
  EXPECT_LT(r.seconds, kMaxSeconds) << path;
  EXPECT_LT(r.max_rss_kb, kMaxRssKb) << path << ": peak RSS " << r.max_rss_kb << " KiB";
  if (expect == "ok") {
    EXPECT_EQ(r.exit_code, 0) << path << ": " << r.err;
    auto j = nlohmann::json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << path << ": stdout is not JSON";
  } else {
    EXPECT_EQ(r.exit_code, 1) << path;
    EXPECT_EQ(r.out, "") << path << ": an error must print nothing on stdout";
    std::string want = "referat: " + path + ": " + expect + ": ";
    EXPECT_EQ(r.err.substr(0, want.size()), want) << "stderr was: " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
}

class BadInput : public ::testing::TestWithParam<Case> {};

TEST_P(BadInput, ExactCodeWithinBounds) {
  std::string path = (SourceDir() / "tests/hardening/data" / GetParam().file).string();
  CheckOutcome(RunCli({"extract", path}), path, GetParam().expect);
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  std::string n = info.param.file;
  for (auto& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Data, BadInput, ::testing::ValuesIn(LoadCases()), CaseName);

TEST(BadInputPaths, DirectoryIsUnreadable) {
  // A directory named on the command line is walked; an empty one has no
  // inputs (usage error). The library reports a directory as unreadable.
  fs::path dir = fs::temp_directory_path() / "referat_empty_dir";
  fs::create_directories(dir);
  CliRun r = RunCli({"extract", dir.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  fs::remove_all(dir);
}

TEST(BadInputPaths, MissingPathIsNotFound) {
  std::string p = "/nonexistent/referat/minutes.pdf";
  CheckOutcome(RunCli({"extract", p}), p, "not_found");
}

TEST(BadInputPaths, TwentyMegabyteSingleLine) {
  fs::path p = fs::temp_directory_path() / "referat_long_line.txt";
  {
    std::ofstream f(p, std::ios::binary);
    // Minutes prose without a single line break, with a figure every
    // ~150 bytes (denser than real minutes): the shape attacks line-based
    // code, the content every extractor.
    std::string chunk =
        "Beslutning: Udvalget godkendte indstillingen om at afs\xC3\xA6tte 1.500.000 kr. til "
        "projektet, som forvaltningen har beskrevet i sagsfremstillingen og bilaget. ";
    for (size_t n = 0; n < (20u << 20); n += chunk.size()) f << chunk;
    f << "\n";
  }
  CheckOutcome(RunCli({"extract", p.string()}), p.string(), "ok");
  fs::remove(p);
}

TEST(Batch, BadFilesNeverCostTheGoodOnes) {
  fs::path data = SourceDir() / "tests/hardening/data";
  std::vector<std::string> args = {"extract", "--jsonl", "--jobs", "2"};
  std::vector<std::string> good, bad;
  for (const auto& c : LoadCases()) {
    (c.expect == "ok" ? good : bad).push_back((data / c.file).string());
    args.push_back((data / c.file).string());
  }
  args.push_back(SourceDir() / "corpus/seeds/001_915c6acca0debb9d.txt");
  good.push_back(args.back());
  CliRun r = RunCli(args);
  EXPECT_EQ(r.exit_code, 1);
  // One JSON line per good file, in input order; one stderr line per bad one.
  std::istringstream out(r.out);
  size_t lines = 0;
  for (std::string l; std::getline(out, l);) {
    auto j = nlohmann::json::parse(l, nullptr, false);
    ASSERT_FALSE(j.is_discarded());
    ASSERT_LT(lines, good.size());
    EXPECT_EQ(j["source"]["path"], good[lines]);
    ++lines;
  }
  EXPECT_EQ(lines, good.size());
  EXPECT_EQ(static_cast<size_t>(std::count(r.err.begin(), r.err.end(), '\n')), bad.size()) << r.err;
}

}  // namespace
}  // namespace referat
