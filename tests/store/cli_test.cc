// `referat ingest|search|stats|export` end to end, run as a child process on
// the corpus (corpus/ and, when present, ../shared/corpus/real/ read in
// place) and on 1000 generated documents killed with SIGKILL mid-ingest.
// Expected counts come from extracting the same files with the library, so
// the tests stay true as extraction improves.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "../test_util.h"
#include "referat/extract.h"
#include "referat/store.h"
#include "store/danish_tokenizer.h"

namespace referat {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path TempDir(const std::string& name) {
  fs::path d = fs::temp_directory_path() /
               ("referat_cli_test_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

struct CliRun {
  int status = -1;
  std::string out, err;
};

// Starts the CLI with `args`; stdout and stderr go to files in `dir`,
// stdin comes from `stdin_file` (or /dev/null). Returns the child's pid.
pid_t Spawn(const std::vector<std::string>& args, const fs::path& dir,
            const std::string& stdin_file = "/dev/null") {
  std::vector<std::string> argv_s = {REFERAT_CLI};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::string out = (dir / "stdout").string(), err = (dir / "stderr").string();
  pid_t pid = ::fork();
  if (pid == 0) {
    int in = ::open(stdin_file.c_str(), O_RDONLY);
    int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(in, 0);
    ::dup2(o, 1);
    ::dup2(e, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

CliRun Wait(pid_t pid, const fs::path& dir) {
  CliRun r;
  int st = 0;
  ::waitpid(pid, &st, 0);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st);
  r.out = testing::ReadFile(dir / "stdout");
  r.err = testing::ReadFile(dir / "stderr");
  return r;
}

CliRun Cli(const std::vector<std::string>& args, const fs::path& dir,
        const std::string& stdin_file = "/dev/null") {
  return Wait(Spawn(args, dir, stdin_file), dir);
}

// A read-only look at the database, as a researcher's tool would take.
int64_t Count(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(h);
    return -1;
  }
  sqlite3_busy_timeout(h, 2000);
  // The stemmed FTS tables need the tokenizer even to be counted.
  if (!store::RegisterDanishTokenizer(h).ok()) return -2;
  sqlite3_stmt* st = nullptr;
  int64_t v = -1;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

std::string IntegrityCheck(const fs::path& db) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  if (!store::RegisterDanishTokenizer(h).ok()) return "no tokenizer";
  sqlite3_stmt* st = nullptr;
  std::string v;
  if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK)
    while (sqlite3_step(st) == SQLITE_ROW)
      v += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  else
    v = sqlite3_errmsg(h);
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

// The files `referat ingest DIR` walks: regular files, sorted, no hidden
// entries, no golden *.expected.json.
std::vector<std::string> Walk(const fs::path& dir) {
  std::vector<std::string> out;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
       ++it) {
    std::string name = it->path().filename().string();
    bool golden = name.size() > 14 && name.substr(name.size() - 14) == ".expected.json";
    if (name[0] == '.' || golden) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// What the store should hold for `paths`, from the library.
struct Expected {
  std::map<std::string, std::string> json_by_sha;  // first path wins, as in ingest
  std::map<std::string, Record> by_sha;
  std::map<std::string, std::string> failures;  // path -> code
  int64_t meetings = 0, attendance = 0, items = 0, decisions = 0, figures = 0, targets = 0,
          itemless = 0;
  std::map<std::string, int64_t> categories;
};

Expected Expect(const std::vector<std::string>& paths) {
  Expected e;
  ExtractOptions opts;
  for (const auto& p : paths) {
    auto r = ExtractFile(p, opts);
    if (!r.ok()) {
      e.failures[p] = std::string(r.status().code_name());
      continue;
    }
    if (e.by_sha.count(r->source.sha256)) continue;
    const Record& rec = *r;
    e.json_by_sha[rec.source.sha256] = ToJson(rec, false);
    e.meetings += rec.meeting.has_value();
    if (rec.attendance)
      e.attendance += rec.attendance->present.size() + rec.attendance->absent.size() +
                      rec.attendance->others.size();
    e.items += rec.agenda_items.size();
    e.itemless += rec.agenda_items.empty();
    for (const auto& it : rec.agenda_items) {
      e.attendance += it.absent.size();
      if (it.decision) {
        ++e.decisions;
        ++e.categories[it.decision->category];
      }
    }
    e.figures += rec.figures.size();
    e.targets += rec.targets.size();
    e.by_sha.emplace(rec.source.sha256, *r);
  }
  return e;
}

std::vector<json> JsonLines(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(json::parse(l));
  return out;
}

class CorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = TempDir("corpus");
    db_ = dir_ / "archive.db";
    bad_ = dir_ / "bad.doc";
    // An OLE2 header: a Word 97 file, which referat does not read.
    std::ofstream(bad_, std::ios::binary)
        << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(600, '\0');
    inputs_ = {(testing::SourceDir() / "corpus").string()};
    paths_ = Walk(inputs_[0]);
    fs::path real = testing::SharedDir() / "corpus" / "real";
    if (fs::exists(real)) {
      inputs_.push_back(real.string());
      auto more = Walk(real);
      paths_.insert(paths_.end(), more.begin(), more.end());
    }
    inputs_.push_back(bad_.string());
    paths_.push_back(bad_.string());
    expected_ = new Expected(Expect(paths_));
    std::vector<std::string> args = {"ingest", "--db", db_.string(), "--jobs", "2"};
    args.insert(args.end(), inputs_.begin(), inputs_.end());
    first_ = new CliRun(Cli(args, dir_));
  }
  static void TearDownTestSuite() {
    delete expected_;
    delete first_;
    fs::remove_all(dir_);
  }

  static json Stats() {
    CliRun r = Cli({"stats", "--db", db_.string(), "--json"}, dir_);
    EXPECT_EQ(r.status, 0) << r.err;
    return json::parse(r.out);
  }
  // Hits of a CLI search with no limit worth the name.
  static std::vector<json> Search(std::vector<std::string> args) {
    std::vector<std::string> all = {"search", "--db", db_.string(), "--json", "--limit",
                                    "100000"};
    all.insert(all.end(), args.begin(), args.end());
    CliRun r = Cli(all, dir_);
    EXPECT_EQ(r.status, 0) << r.err;
    return JsonLines(r.out);
  }

  static inline fs::path dir_, db_, bad_;
  static inline std::vector<std::string> inputs_, paths_;
  static inline Expected* expected_ = nullptr;
  static inline CliRun* first_ = nullptr;
};

TEST_F(CorpusTest, IngestStoresWhatTheLibraryExtracts) {
  const Expected& e = *expected_;
  EXPECT_EQ(first_->status, e.failures.empty() ? 0 : 1) << first_->err;
  json s = Stats();
  EXPECT_EQ(s["documents"], e.by_sha.size());
  EXPECT_EQ(s["meetings"], e.meetings);
  EXPECT_EQ(s["attendance"], e.attendance);
  EXPECT_EQ(s["agenda_items"], e.items);
  EXPECT_EQ(s["decisions"], e.decisions);
  EXPECT_EQ(s["figures"], e.figures);
  EXPECT_EQ(s["targets"], e.targets);
  EXPECT_EQ(s["errors"], e.failures.size());
  for (const auto& [cat, n] : e.categories) EXPECT_EQ(s["decisions_by_category"][cat], n) << cat;
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM items_fts"), e.items);
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM documents_fts"), e.itemless);
  EXPECT_EQ(IntegrityCheck(db_), "ok");
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

TEST_F(CorpusTest, FailuresAreRecordedAndReported) {
  const Expected& e = *expected_;
  ASSERT_TRUE(e.failures.count(bad_.string()));
  for (const auto& [path, code] : e.failures) {
    EXPECT_NE(first_->err.find("referat: " + path + ": " + code + ": "), std::string::npos)
        << path;
    EXPECT_EQ(Count(db_, "SELECT count(*) FROM errors WHERE code = '" + code + "' AND path = '" +
                             path + "'"),
              1)
        << path;
  }
  EXPECT_NE(first_->err.find(std::to_string(e.failures.size()) + " failed"), std::string::npos);
}

TEST_F(CorpusTest, SearchFindsInflectedFormsThroughTheStemmer) {
  std::set<std::string> paths;
  for (const json& h : Search({"integrationsområde"})) {
    for (const char* k : {"source", "meeting", "item", "decision", "snippet", "span"})
      EXPECT_TRUE(h.contains(k)) << k;
    paths.insert(h["source"]["path"].get<std::string>());
    // The marked word is an inflected form, as written (either case).
    const std::string snippet = h["snippet"];
    EXPECT_TRUE(snippet.find("[Integrationsområde") != std::string::npos ||
                snippet.find("[integrationsområde") != std::string::npos)
        << snippet;
  }
  std::string seeds = (testing::SourceDir() / "corpus" / "seeds").string();
  EXPECT_TRUE(paths.count(seeds + "/000_ceeb01207f6c7132.txt"));
  EXPECT_TRUE(paths.count(seeds + "/001_915c6acca0debb9d.txt"));

  // The readable table, and a query syntax error.
  CliRun table = Cli({"search", "integrationsområde", "--db", db_.string()}, dir_);
  EXPECT_EQ(table.status, 0);
  EXPECT_NE(table.out.find("001_915c6acca0debb9d.txt"), std::string::npos);
  CliRun bad = Cli({"search", "\"unbalanced", "--db", db_.string()}, dir_);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("bad search query"), std::string::npos) << bad.err;
  CliRun bad_category = Cli({"search", "--decision", "maybe", "--db", db_.string()}, dir_);
  EXPECT_EQ(bad_category.status, 2);
}

// Each filter on its own, without a query: the hits are exactly the items
// (and item-less documents) of the extracted records that pass it.
TEST_F(CorpusTest, FiltersAgreeWithTheRecords) {
  using Pred = std::function<bool(const Record&, const AgendaItem*)>;
  auto expect = [&](const std::vector<std::string>& args, const Pred& keep) {
    int64_t n = 0;
    for (const auto& [sha, r] : expected_->by_sha) {
      for (const auto& it : r.agenda_items) n += keep(r, &it);
      if (r.agenda_items.empty()) n += keep(r, nullptr);
    }
    EXPECT_EQ(static_cast<int64_t>(Search(args).size()), n) << args[0] << " " << args[1];
  };
  std::set<std::string> kinds, bodies, dates, categories, cases;
  for (const auto& [sha, r] : expected_->by_sha) {
    kinds.insert(r.kind);
    if (r.meeting && r.meeting->body) bodies.insert(*r.meeting->body);
    if (r.meeting && r.meeting->date) dates.insert(*r.meeting->date);
    for (const auto& it : r.agenda_items) {
      if (it.decision) categories.insert(it.decision->category);
      if (it.case_number) cases.insert(*it.case_number);
    }
  }
  ASSERT_FALSE(kinds.empty());
  for (const auto& k : kinds) expect({"--kind", k}, [&](const Record& r, auto*) { return r.kind == k; });
  for (const auto& b : bodies)
    expect({"--body", b}, [&](const Record& r, auto*) {
      return r.meeting && r.meeting->body && r.meeting->body->find(b) != std::string::npos;
    });
  for (const auto& d : dates) {
    expect({"--from", d}, [&](const Record& r, auto*) {
      return r.meeting && r.meeting->date && *r.meeting->date >= d;
    });
    expect({"--to", d}, [&](const Record& r, auto*) {
      return r.meeting && r.meeting->date && *r.meeting->date <= d;
    });
  }
  for (const auto& c : categories)
    expect({"--decision", c}, [&](const Record&, const AgendaItem* it) {
      return it && it->decision && it->decision->category == c;
    });
  for (const auto& c : cases)
    expect({"--case", c}, [&](const Record&, const AgendaItem* it) {
      return it && it->case_number == c;
    });
}

TEST_F(CorpusTest, ReingestIsANoOp) {
  json before = Stats();
  std::vector<std::string> args = {"ingest", "--db", db_.string()};
  args.insert(args.end(), inputs_.begin(), inputs_.end());
  CliRun again = Cli(args, dir_);
  EXPECT_EQ(again.status, first_->status);
  const size_t ok_files = paths_.size() - expected_->failures.size();
  EXPECT_NE(again.err.find(": 0 extracted (0 replaced), " + std::to_string(ok_files) +
                           " unchanged, 0 duplicates"),
            std::string::npos)
      << again.err;
  EXPECT_EQ(Stats(), before);
}

TEST_F(CorpusTest, ExportsMatchTheDatabase) {
  fs::path out = dir_ / "export";
  fs::create_directories(out);
  CliRun jsonl = Cli({"export", "--db", db_.string(), "--format", "jsonl", "-o",
                   (out / "all.jsonl").string()},
                  dir_);
  ASSERT_EQ(jsonl.status, 0) << jsonl.err;
  std::istringstream lines(testing::ReadFile(out / "all.jsonl"));
  size_t n = 0;
  for (std::string l; std::getline(lines, l); ++n) {
    std::string sha = json::parse(l)["source"]["sha256"];
    ASSERT_TRUE(expected_->json_by_sha.count(sha));
    // Byte for byte what extract --jsonl gives; on a difference, name the fields.
    const std::string& want = expected_->json_by_sha.at(sha);
    if (l != want) {
      json got_j = json::parse(l), want_j = json::parse(want);
      std::string fields;
      for (auto& [k, v] : got_j.items())
        if (v != want_j[k]) fields += " " + k;
      ADD_FAILURE() << got_j["source"]["path"] << " differs in:" << fields;
      std::ofstream(dir_ / "got.json") << got_j.dump(1);
      std::ofstream(dir_ / "want.json") << want_j.dump(1);
    }
  }
  EXPECT_EQ(n, expected_->by_sha.size());

  CliRun csv = Cli({"export", "--db", db_.string(), "--format", "csv", "-o", (out / "csv").string()},
                dir_);
  ASSERT_EQ(csv.status, 0) << csv.err;
  for (const char* table : {"documents", "agenda_items", "errors", "figures"}) {
    std::string text = testing::ReadFile(out / "csv" / (std::string(table) + ".csv"));
    int64_t records = 0;
    bool quoted = false;
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      if (text[i] == '"') quoted = !quoted;
      else if (!quoted && text[i] == '\r' && text[i + 1] == '\n') ++records;
    }
    EXPECT_EQ(records - 1, Count(db_, std::string("SELECT count(*) FROM ") + table)) << table;
  }

  CliRun bulk = Cli({"export", "--db", db_.string(), "--format", "opensearch"}, dir_);
  ASSERT_EQ(bulk.status, 0) << bulk.err;
  auto bl = JsonLines(bulk.out);
  ASSERT_EQ(bl.size() % 2, 0u);
  EXPECT_EQ(static_cast<int64_t>(bl.size() / 2), expected_->items + expected_->itemless);
  std::set<std::string> ids;
  for (size_t i = 0; i < bl.size(); i += 2) ids.insert(bl[i]["index"]["_id"].get<std::string>());
  EXPECT_EQ(ids.size(), bl.size() / 2);  // no document overwrites another

  CliRun mapping = Cli({"export", "--mapping"}, dir_);
  ASSERT_EQ(mapping.status, 0);
  EXPECT_EQ(json::parse(mapping.out)["mappings"]["properties"]["text"]["analyzer"], "danish");
}

TEST_F(CorpusTest, PathsFromStdinAndShardsPartitionTheInput) {
  fs::path list = dir_ / "paths.txt";
  {
    std::ofstream f(list);
    for (const auto& p : paths_) f << p << "\n";
  }
  int64_t total = 0;
  for (const char* shard : {"0/2", "1/2"}) {
    fs::path db = dir_ / (std::string("shard") + shard[0] + ".db");
    CliRun r = Cli({"ingest", "--db", db.string(), "--paths-from", "-", "--shard", shard, "--quiet"},
                dir_, list.string());
    EXPECT_NE(r.status, 2) << r.err;
    int64_t files = Count(db, "SELECT count(*) FROM files");
    int64_t errors = Count(db, "SELECT count(*) FROM errors");
    EXPECT_GT(files + errors, 0) << shard;  // a 2-way split of ~20 paths leaves both non-empty
    total += files + errors;
  }
  EXPECT_EQ(total, static_cast<int64_t>(paths_.size()));
  CliRun bad = Cli({"ingest", "--db", (dir_ / "x.db").string(), "--shard", "2/2", inputs_[0]}, dir_);
  EXPECT_EQ(bad.status, 2);
}

// 1000 small distinct documents: seed 000 (one agenda item, 4.6 kB) with
// its case number varied and a numbered line added.
std::vector<std::string> Generate(const fs::path& dir) {
  std::string seed =
      testing::ReadFile(testing::SourceDir() / "corpus" / "seeds" / "000_ceeb01207f6c7132.txt");
  std::vector<std::string> paths;
  for (int i = 0; i < 1000; ++i) {
    std::string text = seed;
    char case_number[16];
    std::snprintf(case_number, sizeof case_number, "20%02d-%06d", 10 + i % 15, 47330 + i);
    for (size_t at; (at = text.find("2017-047330")) != std::string::npos;)
      text.replace(at, 11, case_number);
    text += "\nDokument nummer " + std::to_string(1000 + i) + ".\n";
    char name[32];
    std::snprintf(name, sizeof name, "m%04d.txt", i);
    std::ofstream(dir / name, std::ios::binary) << text;
    paths.push_back((dir / name).string());
  }
  return paths;
}

TEST(KillTest, SigkillMidIngestLeavesAConsistentStoreAndARerunCompletesIt) {
  fs::path dir = TempDir("kill");
  fs::path docs = dir / "docs";
  fs::create_directories(docs);
  std::vector<std::string> paths = Generate(docs);
  Expected e = Expect(paths);
  ASSERT_EQ(e.by_sha.size(), 1000u);
  ASSERT_TRUE(e.failures.empty());
  fs::path db = dir / "kill.db";

  pid_t pid = Spawn({"ingest", docs.string(), "--db", db.string(), "--jobs", "1", "--quiet"}, dir);
  int64_t landed = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    landed = fs::exists(db) ? Count(db, "SELECT count(*) FROM documents") : -1;
    if (landed >= 200) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  CliRun killed = Wait(pid, dir);
  ASSERT_EQ(killed.status, -SIGKILL) << "the ingest ended before the kill: " << killed.err;

  landed = Count(db, "SELECT count(*) FROM documents");
  ASSERT_GT(landed, 0);
  ASSERT_LT(landed, 1000) << "the ingest finished before the kill";
  std::cout << "killed with " << landed << " of 1000 documents stored\n";
  EXPECT_EQ(IntegrityCheck(db), "ok");
  EXPECT_EQ(Count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  // Every landed document is whole: its files row, its FTS row, its items.
  EXPECT_EQ(Count(db, "SELECT count(*) FROM files"), landed);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM items_fts"),
            Count(db, "SELECT count(*) FROM agenda_items"));
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents_fts"),
            Count(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                      "(SELECT 1 FROM agenda_items i WHERE i.document_id = d.id)"));
  int64_t landed_items = 0;
  {
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, "SELECT sha256 FROM documents", -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW)
      landed_items += e.by_sha.at(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)))
                          .agenda_items.size();
    sqlite3_finalize(st);
    sqlite3_close(h);
  }
  EXPECT_EQ(Count(db, "SELECT count(*) FROM agenda_items"), landed_items);

  CliRun resumed = Cli({"ingest", docs.string(), "--db", db.string(), "--jobs", "2"}, dir);
  EXPECT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("1000 files: " + std::to_string(1000 - landed) +
                             " extracted (0 replaced), " + std::to_string(landed) + " unchanged"),
            std::string::npos)
      << resumed.err;
  EXPECT_EQ(IntegrityCheck(db), "ok");
  EXPECT_EQ(Count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), 1000);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM files"), 1000);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM errors"), 0);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM agenda_items"), e.items);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM decisions"), e.decisions);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM figures"), e.figures);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM targets"), e.targets);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM items_fts"), e.items);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents_fts"), e.itemless);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace referat
