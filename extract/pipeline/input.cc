#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>

#include "referat/batch.h"

namespace referat {

Result<FileStamp> StatInput(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return Status::NotFound("no such file");
    return Status::Unreadable(std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::Unreadable("is a directory");
  if (!S_ISREG(st.st_mode)) return Status::Unreadable("not a regular file");
  FileStamp stamp;
  stamp.size = static_cast<uint64_t>(st.st_size);
  stamp.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  stamp.device = static_cast<uint64_t>(st.st_dev);
  stamp.inode = static_cast<uint64_t>(st.st_ino);
  return stamp;
}

Result<InputFile> ReadInput(const std::string& path, const ExtractOptions& options,
                            const std::optional<FileStamp>& known) {
  InputFile in;
  in.path = path;
  if (path == "-") {
    in.bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (in.bytes.size() > options.max_input_bytes)
      return Status::TooLarge("standard input is over the limit of " +
                              std::to_string(options.max_input_bytes) + " bytes");
    return in;
  }
  if (known) {
    in.stamp = known;
  } else {
    Result<FileStamp> st = StatInput(path);
    if (!st.ok()) return st.status();
    in.stamp = *st;
  }
  if (in.stamp->size > options.max_input_bytes)
    return Status::TooLarge("file is " + std::to_string(in.stamp->size) +
                            " bytes, over the limit of " +
                            std::to_string(options.max_input_bytes));
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::Unreadable(std::strerror(errno));
  in.bytes.resize(static_cast<size_t>(in.stamp->size));
  size_t got = in.bytes.empty() ? 0 : std::fread(in.bytes.data(), 1, in.bytes.size(), f);
  bool err = std::ferror(f);
  std::fclose(f);
  if (err) return Status::Unreadable("read error");
  in.bytes.resize(got);
  return in;
}

}  // namespace referat
