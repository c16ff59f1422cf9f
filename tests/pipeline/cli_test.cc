// `referat extract` and `ingest` as batch commands, run as child processes:
// what a directory walk skips, NUL-separated path lists, the progress bar on
// a terminal, Ctrl-C, and that a mistyped path creates no store.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <sqlite3.h>

#include "../test_util.h"

namespace referat {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int status = -1;  // exit status, or -signal
  std::string out, err;
};

class BatchCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("referat_batch_cli_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    seed_ = testing::ReadFile(testing::SourceDir() / "corpus" / "seeds" / "004_70c404be14eab3ab.txt");
  }
  void TearDown() override { fs::remove_all(dir_); }

  pid_t Start(const std::vector<std::string>& args, const fs::path& cwd = {}) {
    std::vector<std::string> argv_s = {REFERAT_CLI};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    pid_t pid = ::fork();
    if (pid == 0) {
      std::vector<char*> argv;
      for (auto& a : argv_s) argv.push_back(a.data());
      argv.push_back(nullptr);
      int in = ::open("/dev/null", O_RDONLY);
      int o = ::open((dir_ / "stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int e = ::open((dir_ / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(in, 0);
      ::dup2(o, 1);
      ::dup2(e, 2);
      if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    return pid;
  }
  CliRun Wait(pid_t pid) {
    CliRun r;
    int st = 0;
    ::waitpid(pid, &st, 0);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st);
    r.out = testing::ReadFile(dir_ / "stdout");
    r.err = testing::ReadFile(dir_ / "stderr");
    return r;
  }
  CliRun Cli(const std::vector<std::string>& args, const fs::path& cwd = {}) {
    return Wait(Start(args, cwd));
  }

  // `n` small minutes, each different (so none is a duplicate of another).
  fs::path Documents(int n, int repeat = 1) {
    fs::path docs = dir_ / "docs";
    fs::create_directories(docs);
    for (int i = 0; i < n; ++i) {
      std::ofstream f(docs / ("m" + std::to_string(1000 + i) + ".txt"));
      for (int k = 0; k < repeat; ++k) f << seed_ << "\n";
      f << "Nr. " << i << "\n";
    }
    return docs;
  }

  fs::path dir_;
  std::string seed_;
};

TEST_F(BatchCliTest, IngestOfAMissingPathCreatesNoStore) {
  fs::path db = dir_ / "archive.db";
  CliRun r = Cli({"ingest", (dir_ / "nonexistent").string(), "--db", db.string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("nonexistent: not_found"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(db));
}

// Hidden entries, golden files and dangling symlinks are skipped without a
// message, and counted.
TEST_F(BatchCliTest, DirectoryWalkSkipsQuietlyAndCounts) {
  fs::path docs = Documents(2);
  std::ofstream(docs / ".hidden.txt") << seed_;
  fs::create_directories(docs / ".git");
  std::ofstream(docs / ".git" / "x.txt") << seed_;
  std::ofstream(docs / "m1000.expected.json") << "{}";
  fs::create_symlink(dir_ / "gone.txt", docs / "dangling.txt");

  CliRun x = Cli({"extract", docs.string(), "--summary"});
  EXPECT_EQ(x.status, 0) << x.err;
  EXPECT_EQ(x.err, "");
  EXPECT_NE(x.out.find("documents:    2 extracted, 0 failed"), std::string::npos) << x.out;
  EXPECT_NE(x.out.find("skipped:      4 in directories"), std::string::npos) << x.out;

  CliRun i = Cli({"ingest", docs.string(), "--db", (dir_ / "a.db").string()});
  EXPECT_EQ(i.status, 0) << i.err;
  EXPECT_NE(i.err.find("2 files: 2 extracted"), std::string::npos) << i.err;
  EXPECT_NE(i.err.find("4 skipped in directories"), std::string::npos) << i.err;
  EXPECT_EQ(i.err.find("dangling"), std::string::npos) << i.err;
}

// -0: names separated by NUL bytes, so a name may hold a newline.
TEST_F(BatchCliTest, PathsFromWithNulSeparators) {
  fs::path odd = dir_ / "two\nlines.txt";
  std::ofstream(odd) << seed_;
  fs::path plain = dir_ / "plain.txt";
  std::ofstream(plain) << seed_ << "\n";
  {
    std::ofstream list(dir_ / "list", std::ios::binary);
    list << odd.string() << '\0' << plain.string() << '\0';
  }
  CliRun r = Cli({"extract", "--jsonl", "--paths-from", (dir_ / "list").string(), "-0"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.err;
  // Without -0 the list is one line that names no file.
  CliRun lines = Cli({"extract", "--jsonl", "--paths-from", (dir_ / "list").string()});
  EXPECT_EQ(lines.status, 1);
}

// On a terminal `extract` draws the same bar as `ingest`.
TEST_F(BatchCliTest, ExtractShowsTheProgressBarOnATerminal) {
  fs::path docs = Documents(3);
  for (const char* command : {"extract", "ingest"}) {
    std::vector<std::string> argv_s = {REFERAT_CLI, command, docs.string()};
    if (std::string(command) == "extract") argv_s.insert(argv_s.end(), {"-o", (dir_ / "out").string()});
    else argv_s.insert(argv_s.end(), {"--db", (dir_ / "t.db").string()});
    int master = -1;
    pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      std::vector<char*> argv;
      for (auto& a : argv_s) argv.push_back(a.data());
      argv.push_back(nullptr);
      int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 1);  // stdout off the terminal; stderr stays on it
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    std::string tty;
    char buf[4096];
    for (ssize_t got; (got = ::read(master, buf, sizeof buf)) > 0;) tty.append(buf, got);
    int st = 0;
    ::waitpid(pid, &st, 0);
    ::close(master);
    EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << command << ": " << tty;
    EXPECT_NE(tty.find("[##############################] 3/3 files"), std::string::npos)
        << command << ": " << tty;
  }
}

// Ctrl-C: the files in hand are finished, the command says how to go on
// and exits 130; the next run completes the work.
TEST_F(BatchCliTest, CtrlCStopsAndARerunResumes) {
  const int n = 200;
  fs::path docs = Documents(n, 4);
  for (const char* command : {"extract", "ingest"}) {
    const bool extract = std::string(command) == "extract";
    std::vector<std::string> args = {command, docs.string(), "--jobs", "1"};
    fs::path out = dir_ / "out", db = dir_ / "c.db";
    if (extract) args.insert(args.end(), {"-o", out.string()});
    else args.insert(args.end(), {"--db", db.string(), "--quiet"});
    pid_t pid = Start(args);
    // Interrupt once the batch is under way: the first output is there.
    const fs::path first = extract ? out / fs::relative(docs / "m1000.txt.json", "/") : db;
    for (int i = 0; i < 5000 && !fs::exists(first); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ::kill(pid, SIGINT);
    CliRun r = Wait(pid);
    ASSERT_EQ(r.status, 130) << command << " finished before the signal (or failed): " << r.err;
    EXPECT_NE(r.err.find("referat: interrupted; run again to resume\n"), std::string::npos)
        << command << ": " << r.err;
    if (extract) {
      size_t written = 0;
      for (const auto& e : fs::recursive_directory_iterator(dir_ / "out"))
        written += e.is_regular_file() && e.path().extension() == ".json";
      EXPECT_GT(written, 0u);
      EXPECT_LT(written, static_cast<size_t>(n));
    }
    CliRun again = Cli(args);
    EXPECT_EQ(again.status, 0) << command << ": " << again.err;
  }
}

// Issue 15, defect 5: the store follows the disk. Each test fails on a
// store that keeps paths as typed and has no prune.
class StorePathsTest : public BatchCliTest {
 protected:
  // A note without agenda items: the whole text is one searchable document.
  static std::string Note(const std::string& word) {
    return "Notat\n\nDette notat handler om " + word + " i Glostrup.\n";
  }
  int64_t Count(const std::string& sql) {
    sqlite3* h = nullptr;
    int64_t v = -1;
    if (sqlite3_open_v2(db_.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
          sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
      sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return v;
  }
  // The paths `referat search WORD --json` shows, one per hit.
  std::vector<std::string> HitPaths(const std::string& word) {
    CliRun r = Cli({"search", word, "--db", db_.string(), "--json"});
    std::vector<std::string> out;
    const std::string key = "{\"source\":{\"path\":\"";
    for (size_t at = 0; (at = r.out.find(key, at)) != std::string::npos;) {
      at += key.size();
      out.push_back(r.out.substr(at, r.out.find('"', at) - at));
    }
    return out;
  }
  fs::path db_ = fs::temp_directory_path() / ("referat_paths_" + std::to_string(::getpid()) + ".db");
  void TearDown() override {
    fs::remove(db_);
    BatchCliTest::TearDown();
  }
};

TEST_F(StorePathsTest, OneFileNamedThreeWaysIsOneRow) {
  std::ofstream(dir_ / "names.txt") << Note("kvarkbroer");
  CliRun r = Cli({"ingest", "names.txt", "./names.txt", (dir_ / "names.txt").string(), "--db",
                  db_.string(), "--quiet"},
                 dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Count("SELECT count(*) FROM files"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM files WHERE path = '" + (dir_ / "names.txt").string() + "'"), 1);
}

TEST_F(StorePathsTest, ARenamedFileIsFoundUnderItsNewName) {
  fs::path docs = dir_ / "docs";
  fs::create_directories(docs);
  std::ofstream(docs / "old.txt") << Note("kvarkbroer");
  ASSERT_EQ(Cli({"ingest", docs.string(), "--db", db_.string(), "--quiet"}).status, 0);
  fs::rename(docs / "old.txt", docs / "new.txt");
  CliRun r = Cli({"ingest", docs.string(), "--db", db_.string(), "--prune"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("prune: 1 files gone"), std::string::npos) << r.err;
  EXPECT_EQ(HitPaths("kvarkbroer"), std::vector<std::string>{(docs / "new.txt").string()});
  EXPECT_EQ(Count("SELECT count(*) FROM files"), 1);
}

TEST_F(StorePathsTest, ADeletedFileNoLongerTurnsUp) {
  fs::path docs = dir_ / "docs";
  fs::create_directories(docs);
  std::ofstream(docs / "gone.txt") << Note("kvarkbroer");
  std::ofstream(docs / "stays.txt") << Note("pladsvarme");
  ASSERT_EQ(Cli({"ingest", docs.string(), "--db", db_.string(), "--quiet"}).status, 0);
  ASSERT_EQ(HitPaths("kvarkbroer").size(), 1u);
  fs::remove(docs / "gone.txt");
  CliRun r = Cli({"prune", "--db", db_.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(HitPaths("kvarkbroer").empty());
  EXPECT_EQ(HitPaths("pladsvarme").size(), 1u);
  EXPECT_EQ(Count("SELECT count(*) FROM documents"), 1);
}

// a.txt and its copy c.txt hold one document; a.txt then changes. The old
// text is still stored (c.txt holds it) and must be shown under c.txt.
TEST_F(StorePathsTest, AChangedFilesOldTextIsNotShownUnderItsName) {
  fs::path docs = dir_ / "docs";
  fs::create_directories(docs);
  std::ofstream(docs / "a.txt") << Note("kvarkbroer");
  std::ofstream(docs / "c.txt") << Note("kvarkbroer");
  ASSERT_EQ(Cli({"ingest", docs.string(), "--db", db_.string(), "--quiet"}).status, 0);
  std::ofstream(docs / "a.txt") << Note("pladsvarme");
  ASSERT_EQ(Cli({"ingest", docs.string(), "--db", db_.string(), "--quiet"}).status, 0);
  EXPECT_EQ(HitPaths("kvarkbroer"), std::vector<std::string>{(docs / "c.txt").string()});
  EXPECT_EQ(HitPaths("pladsvarme"), std::vector<std::string>{(docs / "a.txt").string()});
}

}  // namespace
}  // namespace referat
