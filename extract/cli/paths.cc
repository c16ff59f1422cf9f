#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.h"

namespace referat::cli {
namespace fs = std::filesystem;

namespace {
bool Skip(const fs::path& p) {
  std::string name = p.filename().string();
  if (!name.empty() && name[0] == '.') return true;
  const std::string suffix = ".expected.json";
  return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

std::vector<std::string> ExpandPaths(const std::vector<std::string>& inputs, size_t* skipped) {
  std::vector<std::string> out;
  size_t skips = 0;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (Skip(it->path())) {
          ++skips;
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) found.push_back(it->path().string());
        else if (it->is_symlink(ec) && !fs::exists(it->path(), ec)) ++skips;  // dangling
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(in);
    }
  }
  if (skipped) *skipped += skips;
  return out;
}

std::vector<std::string> ReadPathList(const std::string& source, char separator) {
  std::vector<std::string> out;
  std::ifstream file;
  std::istream* in = &std::cin;
  if (source != "-") {
    file.open(source, std::ios::binary);
    in = &file;
  }
  std::string line;
  while (std::getline(*in, line, separator)) {
    if (separator == '\n' && !line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

bool ApplyShard(const std::string& spec, std::vector<std::string>* paths) {
  size_t slash = spec.find('/');
  if (slash == std::string::npos) return false;
  uint64_t i = 0, n = 0;
  try {
    i = std::stoull(spec.substr(0, slash));
    n = std::stoull(spec.substr(slash + 1));
  } catch (...) {
    return false;
  }
  if (n == 0 || i >= n) return false;
  std::vector<std::string> kept;
  for (auto& p : *paths) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : p) {
      h ^= c;
      h *= 1099511628211ull;
    }
    if (h % n == i) kept.push_back(std::move(p));
  }
  *paths = std::move(kept);
  return true;
}

void ReportFailure(const std::string& path, std::string_view code, const std::string& message) {
  std::string line = "referat: " + path + ": " + std::string(code) + ": " + message + "\n";
  std::cerr << line << std::flush;
}

Status WriteFileAtomically(const fs::path& target, std::string_view data) {
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) return Status::WriteFailed("cannot create " + target.parent_path().string() + ": " +
                                     ec.message());
  // Beside the target, so the rename stays on one file system.
  fs::path tmp = target;
  tmp += ".tmp" + std::to_string(::getpid());
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return Status::WriteFailed(std::string("cannot write: ") + std::strerror(errno));
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  int err = ok ? 0 : errno;
  if (std::fflush(f) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (std::fclose(f) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (ok && std::rename(tmp.c_str(), target.c_str()) != 0) {
    ok = false;
    err = errno;
  }
  if (!ok) {
    fs::remove(tmp, ec);
    return Status::WriteFailed(std::string("cannot write: ") + std::strerror(err));
  }
  return Status::Ok();
}

int FinishStdout(int rc) {
  errno = 0;
  std::cout.flush();
  const bool failed = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout);
  if (!failed) return rc;
  const int err = errno;
  ReportFailure("standard output", "write_failed",
                err ? std::strerror(err) : "the output could not be written");
  return rc == 0 ? 1 : rc;
}

}  // namespace referat::cli
