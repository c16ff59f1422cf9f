// Subcommand registration for the `referat` CLI. Each Register* adds its
// subcommand to the app and a runner that returns the process exit status
// (0 all well, 1 some inputs failed, 2 usage error).
#ifndef REFERAT_CLI_COMMANDS_H_
#define REFERAT_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "referat/status.h"

namespace referat::cli {

using Runners = std::map<CLI::App*, std::function<int()>>;

void RegisterExtract(CLI::App& app, Runners& runners);
void RegisterValidate(CLI::App& app, Runners& runners);
// ingest, search, stats, export (store_commands.cc).
void RegisterStoreCommands(CLI::App& app, Runners& runners);
// verify (verify.cc).
void RegisterVerify(CLI::App& app, Runners& runners);
// serve (serve_command.cc).
void RegisterServe(CLI::App& app, Runners& runners);

// Expands the inputs into a file list: files as given, directories walked
// recursively (sorted, following no symlinked directories). The walk skips
// hidden entries, our own *.expected.json golden files and dangling
// symlinks without a message, and counts them in `skipped`. "-" stays "-".
// A path that does not exist is kept, so the extractor reports not_found.
std::vector<std::string> ExpandPaths(const std::vector<std::string>& inputs,
                                     size_t* skipped = nullptr);

// Reads paths from `source` ("-" for stdin), one per line, or separated by
// NUL bytes with `separator` '\0' (names may then hold newlines).
std::vector<std::string> ReadPathList(const std::string& source, char separator = '\n');

// Keeps the paths whose stable hash (FNV-1a 64 of the path bytes) modulo n
// equals i. `spec` is "I/N" with 0 <= I < N. Returns false on a bad spec.
bool ApplyShard(const std::string& spec, std::vector<std::string>* paths);

// Prints "referat: PATH: CODE: message" to stderr.
void ReportFailure(const std::string& path, std::string_view code, const std::string& message);

// Writes `data` to `target` through a temporary file beside it and a
// rename, so a failed write (a full disk) never leaves a partial file under
// the target's name. Creates missing parent directories. A failure is a
// kWriteFailed status.
Status WriteFileAtomically(const std::filesystem::path& target, std::string_view data);

// Flushes stdout and checks that everything written to it arrived (a full
// disk, /dev/full, a closed pipe). On a failure prints
// "referat: standard output: write_failed: ..." and returns 1 if `rc` was 0.
int FinishStdout(int rc);

}  // namespace referat::cli

#endif  // REFERAT_CLI_COMMANDS_H_
