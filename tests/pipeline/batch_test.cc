// ReadInput and ExtractBatch, the one way every command reads inputs and
// runs a batch: order, the stamp, the skip hooks, stopping, cancelling, and
// that a slow document does not hold the other workers back beyond the
// memory budget.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <thread>

#include "../test_util.h"
#include "referat/batch.h"
#include "referat/extract.h"

namespace referat {
namespace {

namespace fs = std::filesystem;

class BatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("referat_batch_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // The five seeds, each several times under its own name.
    std::vector<fs::path> seeds;
    for (const auto& e : fs::directory_iterator(testing::SourceDir() / "corpus" / "seeds"))
      if (e.path().extension() == ".txt") seeds.push_back(e.path());
    std::sort(seeds.begin(), seeds.end());
    for (int copy = 0; copy < 5; ++copy)
      for (size_t s = 0; s < seeds.size(); ++s) {
        fs::path p = dir_ / ("doc" + std::to_string(paths_.size()) + ".txt");
        fs::copy_file(seeds[s], p);
        paths_.push_back(p.string());
      }
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::vector<std::string> paths_;
};

// Makes document 0 slow: its finish hook sleeps 500 ms (with `enough`: up
// to 3 s, until that many others have finished), and `*finished_while_slow`
// counts the documents the other worker finishes meanwhile.
void SlowFirstDocument(BatchOptions* o, std::atomic<int>* finished_while_slow, int enough = 0) {
  auto running = std::make_shared<std::atomic<bool>>(false);
  o->finish = [=](BatchItem& item) {
    if (item.index == 0) {
      *running = true;
      if (enough > 0) {
        for (int i = 0; i < 300 && *finished_while_slow < enough; ++i)
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
      }
      *running = false;
    } else if (*running) {
      ++*finished_while_slow;
    }
  };
}

TEST_F(BatchTest, ReadInputKeepsTheBytesAndTheStamp) {
  struct stat st;
  ASSERT_EQ(::stat(paths_[0].c_str(), &st), 0);
  Result<InputFile> in = ReadInput(paths_[0], ExtractOptions{});
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  EXPECT_EQ(in->bytes, testing::ReadFile(paths_[0]));
  ASSERT_TRUE(in->stamp);
  EXPECT_EQ(in->stamp->size, static_cast<uint64_t>(st.st_size));
  EXPECT_EQ(in->stamp->inode, static_cast<uint64_t>(st.st_ino));
  EXPECT_EQ(in->stamp->mtime_ns, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec);
}

TEST_F(BatchTest, ReadInputErrorsHaveTheirCodes) {
  EXPECT_EQ(ReadInput((dir_ / "none").string(), {}).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(ReadInput(dir_.string(), {}).status().code(), ErrorCode::kUnreadable);
  ExtractOptions small;
  small.max_input_bytes = 10;
  EXPECT_EQ(ReadInput(paths_[0], small).status().code(), ErrorCode::kTooLarge);
}

// Whatever the number of jobs: every input once, in input order, and the
// same records.
TEST_F(BatchTest, OrderedWhateverTheJobs) {
  std::vector<std::string> one, three;
  for (int jobs : {1, 3}) {
    BatchOptions o;
    o.jobs = jobs;
    o.finish = [](BatchItem& item) {
      if (item.record) item.output = ToJson(*item.record, false);
    };
    std::vector<std::string>& out = jobs == 1 ? one : three;
    size_t expect = 0;
    size_t n = ExtractBatch(paths_, o, [&](BatchItem& item) {
      EXPECT_EQ(item.index, expect++);
      EXPECT_EQ(item.outcome, BatchItem::kExtracted) << item.status.ToString();
      out.push_back(item.output);
      return true;
    });
    EXPECT_EQ(n, paths_.size());
  }
  EXPECT_EQ(one, three);
  EXPECT_EQ(one.size(), paths_.size());
}

TEST_F(BatchTest, FailuresAndSkipsComeOutInTheirPlace) {
  std::vector<std::string> paths = {paths_[0], (dir_ / "missing.txt").string(), paths_[1],
                                    paths_[5]};  // paths_[5] has paths_[0]'s content
  const std::string first_sha = ExtractFile(paths_[0], ExtractOptions{})->source.sha256;
  BatchOptions o;
  o.jobs = 2;
  o.unchanged = [&](const std::string& path, const FileStamp&) { return path == paths_[1]; };
  o.known_content = [&](const std::string& sha) { return sha == first_sha; };
  std::vector<BatchItem::Outcome> got;
  ExtractBatch(paths, o, [&](BatchItem& item) {
    got.push_back(item.outcome);
    return true;
  });
  EXPECT_EQ(got, (std::vector<BatchItem::Outcome>{BatchItem::kKnownContent, BatchItem::kFailed,
                                                    BatchItem::kUnchanged,
                                                    BatchItem::kKnownContent}));
}

TEST_F(BatchTest, EmitFalseStops) {
  BatchOptions o;
  o.jobs = 2;
  size_t calls = 0;
  size_t n = ExtractBatch(paths_, o, [&](BatchItem&) { return ++calls < 3; });
  EXPECT_EQ(n, 3u);
  EXPECT_EQ(calls, 3u);
}

TEST_F(BatchTest, CancelFinishesWhatIsInHandInOrder) {
  BatchOptions o;
  o.jobs = 2;
  // What is in hand is bounded by the window, not by timing: with the
  // default (wide) window, a thread starved by a loaded machine may see the
  // cancel only after the workers finished all 25 small files.
  o.window_per_job = 2;
  std::atomic<bool> cancel{false};
  o.cancel = &cancel;
  size_t expect = 0;
  size_t n = ExtractBatch(paths_, o, [&](BatchItem& item) {
    EXPECT_EQ(item.index, expect++);
    if (item.index == 2) cancel = true;
    return true;
  });
  EXPECT_GE(n, 3u);
  EXPECT_LT(n, paths_.size());
  EXPECT_EQ(n, expect);
}

// The first document is slow (its finish hook sleeps). The other worker
// goes on with the rest of the batch meanwhile, beyond a window of
// two documents per job: the cores stay busy behind a large document.
TEST_F(BatchTest, ASlowDocumentDoesNotStallTheOtherWorker) {
  BatchOptions o;
  o.jobs = 2;
  std::atomic<int> finished_while_slow{0};
  SlowFirstDocument(&o, &finished_while_slow, 12);
  ExtractBatch(paths_, o, [](BatchItem&) { return true; });
  EXPECT_GE(finished_while_slow.load(), 12);
}

// ... but within the byte budget: with a budget of one byte, the other
// worker finishes one document and then waits for the slow one.
TEST_F(BatchTest, ThePendingBytesAreBounded) {
  BatchOptions o;
  o.jobs = 2;
  o.max_pending_bytes = 1;
  std::atomic<int> finished_while_slow{0};
  SlowFirstDocument(&o, &finished_while_slow);
  size_t n = ExtractBatch(paths_, o, [](BatchItem&) { return true; });
  EXPECT_EQ(n, paths_.size());
  EXPECT_LE(finished_while_slow.load(), 1);
}

// ... and within the window in items: with two per job (too few: the cores
// idle behind a large document), the other worker stops after three.
TEST_F(BatchTest, TheWindowBoundsTheItemsAhead) {
  BatchOptions o;
  o.jobs = 2;
  o.window_per_job = 2;
  std::atomic<int> finished_while_slow{0};
  SlowFirstDocument(&o, &finished_while_slow);
  EXPECT_EQ(ExtractBatch(paths_, o, [](BatchItem&) { return true; }), paths_.size());
  EXPECT_LE(finished_while_slow.load(), 3);
}

}  // namespace
}  // namespace referat
