// The `referat` command line. It uses only the public API in include/referat/.
#include <malloc.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "commands.h"
#include "progress.h"
#include "summary.h"
#include "referat/batch.h"
#include "referat/extract.h"
#include "referat/validate.h"

namespace referat::cli {
namespace fs = std::filesystem;

namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string out_dir;
  bool jsonl = false;
  bool with_text = false;
  bool summary = false;
  int jobs = 0;
  std::string paths_from;
  bool null_separated = false;
  std::string shard;
  std::string ocr = "auto";
};

// "OCR: 12/40 pages" on stderr while the scans of one file are read, when
// stderr is a terminal; redrawn at most every 200 ms.
class OcrProgress {
 public:
  void Update(int queued, int done) {
    queued_ += queued;
    done_ += done;
    const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now().time_since_epoch())
                            .count();
    int64_t last = last_ms_.load();
    if (now - last < 200 && done_.load() != queued_.load()) return;
    if (!last_ms_.compare_exchange_strong(last, now)) return;
    std::lock_guard<std::mutex> lock(mu_);
    std::fprintf(stderr, "\rOCR: %d/%d pages", done_.load(), queued_.load());
    std::fflush(stderr);
    drawn_ = true;
  }
  ~OcrProgress() {
    if (drawn_) std::fprintf(stderr, "\n");
  }

 private:
  std::atomic<int> queued_{0}, done_{0};
  std::atomic<int64_t> last_ms_{0};
  std::mutex mu_;
  bool drawn_ = false;
};

// Where `-o DIR` writes the JSON of `path`: DIR/<path without leading '/'
// and '..' parts>.json, so a walked archive keeps its folder layout.
fs::path OutputPath(const std::string& dir, const std::string& path) {
  fs::path rel;
  for (const auto& part : fs::path(path).relative_path()) {
    if (part == ".." || part == ".") continue;
    rel /= part;
  }
  if (rel.empty()) rel = "stdin";
  rel += ".json";
  return fs::path(dir) / rel;
}

int RunExtract(const ExtractArgs& a) {
  size_t skipped = 0;
  std::vector<std::string> paths = ExpandPaths(a.inputs, &skipped);
  if (!a.paths_from.empty()) {
    auto more = ReadPathList(a.paths_from, a.null_separated ? '\0' : '\n');
    paths.insert(paths.end(), more.begin(), more.end());
  }
  if (!a.shard.empty() && !ApplyShard(a.shard, &paths)) {
    std::cerr << "referat: --shard takes I/N with 0 <= I < N\n";
    return 2;
  }
  if (paths.empty()) {
    std::cerr << "referat: no input files\n";
    return 2;
  }
  // The rule tables compile on a second thread while the first files are
  // read; for one small file that hides most of the set-up in wall time.
  std::thread prepare(PrepareExtract);
  BatchOptions batch;
  batch.jobs = a.jobs;
  batch.extract.with_text = a.with_text;
  batch.extract.ocr =
      a.ocr == "never" ? OcrMode::kNever : a.ocr == "always" ? OcrMode::kAlways : OcrMode::kAuto;
  const size_t n = paths.size();
  // The file bar for a batch on a terminal (unless the JSON goes to the same
  // terminal); the OCR page count for one file.
  const bool json_on_tty = a.out_dir.empty() && !a.summary && isatty(STDOUT_FILENO);
  Progress progress("extract", n == 1 || json_on_tty || !isatty(STDERR_FILENO));
  OcrProgress ocr_progress;
  if (n == 1 && isatty(STDERR_FILENO))
    batch.extract.ocr_progress = [&ocr_progress](int queued, int done) {
      ocr_progress.Update(queued, done);
    };
  batch.cancel = CatchInterrupt();

  // A single document on stdout is pretty JSON; batches are JSONL unless -o.
  const bool one_line = a.jsonl || (n > 1 && a.out_dir.empty());
  // --summary prints the summary instead of the JSON, unless -o writes it.
  const bool want_json = !a.summary || !a.out_dir.empty();
  // JSON is rendered on the worker threads; only writing it is in order.
  batch.finish = [&](BatchItem& item) {
    if (item.outcome != BatchItem::kExtracted) return;
    if (want_json) item.output = ToJson(*item.record, !one_line);
    if (!a.summary) item.record.reset();
  };

  Summary summary;
  int failed = 0;
  const auto started = std::chrono::steady_clock::now();
  auto emit = [&](BatchItem& item) {
    if (item.outcome != BatchItem::kExtracted) {
      ++failed;
      progress.Interrupt();
      ReportFailure(item.path, item.status.code_name(), item.status.message());
      if (a.summary) summary.AddFailure(item.status);
    } else {
      if (a.summary) summary.Add(*item.record);
      if (!a.out_dir.empty()) {
        fs::path out = OutputPath(a.out_dir, item.path);
        item.output += "\n";
        if (Status w = WriteFileAtomically(out, item.output); !w.ok()) {
          ++failed;
          progress.Interrupt();
          ReportFailure(out.string(), w.code_name(), w.message());
        }
      } else if (!a.summary) {
        std::cout << item.output << "\n";
      }
    }
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    progress.Update(item.index + 1, n, took.count());
    return true;
  };
  const size_t done = ExtractBatch(paths, batch, emit);
  progress.Finish();
  prepare.join();
  std::cout.flush();
  if (a.summary) {
    summary.Print(std::cout);
    if (skipped)
      std::cout << "skipped:      " << skipped
                << " in directories (hidden, *.expected.json, dangling symlinks)\n";
  }
  if (done < n) {
    std::cerr << kInterrupted;
    return kInterruptedExit;
  }
  return failed ? 1 : 0;
}

int RunValidate(const std::vector<std::string>& files) {
  int bad = 0;
  ExtractOptions read;
  read.max_input_bytes = UINT64_MAX;  // JSONL of a whole archive may be large
  for (const auto& path : ExpandPaths(files)) {
    Result<InputFile> in = ReadInput(path, read);
    if (!in.ok()) {
      ReportFailure(path, in.status().code_name(), in.status().message());
      ++bad;
      continue;
    }
    std::string& text = in->bytes;
    // A .jsonl file is validated line by line.
    std::vector<std::string> docs;
    if (path.size() > 6 && path.substr(path.size() - 6) == ".jsonl") {
      std::istringstream lines(text);
      for (std::string l; std::getline(lines, l);)
        if (!l.empty()) docs.push_back(l);
    } else {
      docs.push_back(text);
    }
    bool ok = true;
    for (size_t i = 0; i < docs.size(); ++i) {
      for (const auto& p : ValidateDocumentJson(docs[i])) {
        ok = false;
        std::cerr << path << (docs.size() > 1 ? ":" + std::to_string(i + 1) : "") << ": " << p
                  << "\n";
      }
    }
    if (ok) std::cout << path << ": valid\n";
    else ++bad;
  }
  return bad ? 1 : 0;
}

}  // namespace

void RegisterExtract(CLI::App& app, Runners& runners) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Extract minutes, agendas and reports into contract JSON. One file gives pretty JSON on "
      "stdout; several give JSON lines, or one .json file each under -o DIR.");
  cmd->add_option("files", args->inputs,
                  "Files or directories ('-' reads stdin); directories are walked recursively, "
                  "skipping hidden entries, *.expected.json golden files and dangling symlinks "
                  "(--summary counts them)");
  cmd->add_option("-o,--out", args->out_dir, "Write DIR/<input path>.json for each input");
  cmd->add_flag("--jsonl", args->jsonl, "One JSON object per line on stdout");
  cmd->add_flag("--with-text", args->with_text, "Include text.content (the normalized text)");
  cmd->add_option("-j,--jobs", args->jobs, "Parallel extractions (default: all cores)")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--paths-from", args->paths_from,
                  "Also read newline-separated input paths from FILE ('-' for stdin)");
  cmd->add_flag("-0,--null", args->null_separated,
                "--paths-from names are separated by NUL bytes (find -print0)");
  cmd->add_option("--shard", args->shard,
                  "Keep only paths in shard I of N (I/N, by a stable hash of the path)");
  cmd->add_option("--ocr", args->ocr,
                  "OCR (Tesseract, Danish) of scanned PDF pages: auto (pages without a usable "
                  "text layer), never, always (ignore text layers)")
      ->check(CLI::IsMember({"auto", "never", "always"}));
  cmd->add_flag("--summary", args->summary,
                "Print a summary (documents, items, decisions by category) instead of JSON "
                "on stdout");
  runners[cmd] = [args] { return RunExtract(*args); };
}

void RegisterValidate(CLI::App& app, Runners& runners) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check JSON (or JSONL) files against schemas/document.schema.json");
  cmd->add_option("files", *files, "JSON or JSONL files ('-' reads stdin)")->required();
  runners[cmd] = [files] { return RunValidate(*files); };
}

}  // namespace referat::cli

int main(int argc, char** argv) {
  // A batch allocates and frees a document's worth of memory per file. By
  // default glibc hands the top of the heap back to the kernel after each
  // (and maps anything over 128 KiB separately), so the next file faults the
  // same pages in again: ~10,000 page faults and 10% of the CPU time over
  // 1,245 text files. Keeping freed memory up to 256 MiB (and allocating up
  // to 32 MiB from the heap) leaves the peak where it was: memory still
  // depends on the largest document, not on the number of files.
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  CLI::App app{"referat: Danish municipal minutes and reports into verifiable JSON"};
  app.set_version_flag("-V,--version", std::string(referat::kGeneratorName) + " " +
                                           referat::kGeneratorVersion);
  // `referat help` as well as --help.
  CLI::App* help = app.add_subcommand("help", "Print this help and exit");
  app.require_subcommand(1);
  referat::cli::Runners runners;
  runners[help] = [&app] {
    // app.help() would describe the selected subcommand ("help" itself).
    std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
    return 0;
  };
  referat::cli::RegisterExtract(app, runners);
  referat::cli::RegisterValidate(app, runners);
  referat::cli::RegisterStoreCommands(app, runners);
  referat::cli::RegisterVerify(app, runners);
  referat::cli::RegisterServe(app, runners);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  for (auto* sub : app.get_subcommands()) {
    auto it = runners.find(sub);
    if (it != runners.end()) return referat::cli::FinishStdout(it->second());
  }
  return 2;
}
