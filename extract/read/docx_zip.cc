#include "read/docx_zip.h"

#include <zip.h>

#include <algorithm>
#include <cstring>

namespace referat::docx {
namespace {

constexpr uint64_t kRatioCheckedAbove = 1ull << 20;  // ExtractOptions::max_zip_ratio applies above 1 MiB

uint16_t Le16(const char* p) {
  return static_cast<uint16_t>(static_cast<uint8_t>(p[0]) | (static_cast<uint8_t>(p[1]) << 8));
}
uint32_t Le32(const char* p) {
  return static_cast<uint32_t>(Le16(p)) | (static_cast<uint32_t>(Le16(p + 2)) << 16);
}
void Put16(std::string* s, uint16_t v) {
  s->push_back(static_cast<char>(v & 0xff));
  s->push_back(static_cast<char>(v >> 8));
}
void Put32(std::string* s, uint32_t v) {
  Put16(s, static_cast<uint16_t>(v & 0xffff));
  Put16(s, static_cast<uint16_t>(v >> 16));
}

std::string ZipErrorText(int code) {
  zip_error_t e;
  zip_error_init_with_code(&e, code);
  std::string s = zip_error_strerror(&e);
  zip_error_fini(&e);
  return s;
}

// Rebuilds a readable archive from the local file headers of `bytes`, whose
// central directory is missing. Walks the headers in order from offset 0 and
// stops at the first one that is damaged, cut off, or whose sizes are only in
// a trailing data descriptor (unknowable without inflating). Returns the
// intact prefix followed by a synthesized central directory and end record;
// `lost` receives the name of the entry the walk stopped at, if any.
std::string SynthesizeDirectory(std::string_view bytes, int max_entries, int* count,
                                std::vector<std::string>* lost, bool* too_many) {
  struct Entry {
    std::string_view header;  // the 26 bytes after the signature, up to the name
    std::string_view name;
    uint32_t offset;
  };
  std::vector<Entry> entries;
  size_t pos = 0;
  *too_many = false;
  while (pos + 30 <= bytes.size() && bytes.substr(pos, 4) == "PK\x03\x04") {
    const char* h = bytes.data() + pos;
    uint16_t flags = Le16(h + 6);
    uint16_t method = Le16(h + 8);
    uint32_t csize = Le32(h + 18);
    uint32_t usize = Le32(h + 22);
    uint16_t nlen = Le16(h + 26);
    uint16_t elen = Le16(h + 28);
    std::string_view name = bytes.substr(pos + 30, nlen);
    uint64_t data = pos + 30ull + nlen + elen;
    bool unknown_size = (flags & 0x08) && csize == 0 && usize == 0;
    bool zip64 = csize == 0xffffffffu || usize == 0xffffffffu;
    if (name.size() != nlen || unknown_size || zip64 || (method != 0 && method != 8) ||
        data + csize > bytes.size() || pos > 0xffffffffu) {
      lost->emplace_back(name);
      break;
    }
    if (static_cast<int>(entries.size()) >= max_entries || entries.size() >= 0xffff) {
      *too_many = true;
      break;
    }
    entries.push_back({bytes.substr(pos + 4, 26), name, static_cast<uint32_t>(pos)});
    pos = data + csize;
  }
  *count = static_cast<int>(entries.size());
  if (entries.empty()) return {};
  std::string out(bytes.substr(0, pos));
  const uint32_t cd_offset = static_cast<uint32_t>(out.size());
  for (const Entry& e : entries) {
    Put32(&out, 0x02014b50);
    Put16(&out, 20);                    // version made by
    out.append(e.header.substr(0, 22)); // version needed .. uncompressed size
    Put16(&out, static_cast<uint16_t>(e.name.size()));
    Put16(&out, 0);  // extra
    Put16(&out, 0);  // comment
    Put16(&out, 0);  // disk
    Put16(&out, 0);  // internal attributes
    Put32(&out, 0);  // external attributes
    Put32(&out, e.offset);
    out.append(e.name);
  }
  const uint32_t cd_size = static_cast<uint32_t>(out.size() - cd_offset);
  Put32(&out, 0x06054b50);
  Put16(&out, 0);
  Put16(&out, 0);
  Put16(&out, static_cast<uint16_t>(entries.size()));
  Put16(&out, static_cast<uint16_t>(entries.size()));
  Put32(&out, cd_size);
  Put32(&out, cd_offset);
  Put16(&out, 0);
  return out;
}

zip* OpenBuffer(std::string_view bytes, int* error_code) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    *error_code = zip_error_code_zip(&err);
    zip_error_fini(&err);
    return nullptr;
  }
  zip* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!za) {
    *error_code = zip_error_code_zip(&err);
    zip_source_free(src);
  }
  zip_error_fini(&err);
  return za;
}

}  // namespace

Result<std::unique_ptr<ZipPackage>> ZipPackage::Open(std::string_view bytes,
                                                     const ExtractOptions& options) {
  std::unique_ptr<ZipPackage> pkg(new ZipPackage());
  pkg->max_total_ = options.max_zip_uncompressed;
  int code = 0;
  pkg->zip_ = OpenBuffer(bytes, &code);
  if (!pkg->zip_) {
    const std::string why = ZipErrorText(code);
    if (bytes.substr(0, 4) != "PK\x03\x04")
      return Status::Corrupt("the zip container cannot be opened: " + why);
    int count = 0;
    bool too_many = false;
    pkg->synthesized_ =
        SynthesizeDirectory(bytes, options.max_zip_entries, &count, &pkg->lost_, &too_many);
    if (too_many)
      return Status::TooLarge("the zip holds more than " + std::to_string(options.max_zip_entries) +
                              " entries");
    if (count == 0)
      return Status::Corrupt("the zip container cannot be opened (" + why +
                             ") and no intact entry was found from its local headers");
    pkg->zip_ = OpenBuffer(pkg->synthesized_, &code);
    if (!pkg->zip_)
      return Status::Corrupt("the zip container cannot be opened (" + why +
                             "), nor rebuilt from its local headers: " + ZipErrorText(code));
    pkg->recovered_ = true;
  }

  // Limits, from the (possibly lying) directory, before inflating anything.
  zip_int64_t n = zip_get_num_entries(pkg->zip_, 0);
  if (n < 0) return Status::Corrupt("the zip directory cannot be read");
  if (n > options.max_zip_entries)
    return Status::TooLarge("the zip holds " + std::to_string(n) + " entries, over the limit of " +
                            std::to_string(options.max_zip_entries));
  pkg->entries_ = static_cast<int>(n);
  uint64_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(pkg->zip_, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
    if (!(st.valid & ZIP_STAT_SIZE)) continue;
    total += st.size;
    if (total > options.max_zip_uncompressed)
      return Status::TooLarge("the zip declares over " +
                              std::to_string(options.max_zip_uncompressed) +
                              " uncompressed bytes");
    if (st.size > kRatioCheckedAbove && (st.valid & ZIP_STAT_COMP_SIZE)) {
      // A declared compressed size of 0 for a large entry is an unbounded
      // ratio; the ratio is shown as an integer (a double past INT_MAX must
      // never be cast: fuzz_docx found that).
      double ratio = st.comp_size == 0 ? 1e300 : static_cast<double>(st.size) / st.comp_size;
      if (ratio > options.max_zip_ratio)
        return Status::TooLarge(std::string("zip entry ") + (st.name ? st.name : "?") +
                                " has compression ratio " +
                                (st.comp_size == 0 ? std::string("without bound")
                                                   : std::to_string(st.size / st.comp_size)) +
                                ", over the limit of " +
                                std::to_string(static_cast<long long>(options.max_zip_ratio)));
    }
  }
  return pkg;
}

ZipPackage::~ZipPackage() {
  if (zip_) zip_discard(zip_);
}

int64_t ZipPackage::Locate(std::string_view name) const {
  while (!name.empty() && name.front() == '/') name.remove_prefix(1);
  std::string n(name);
  return zip_name_locate(zip_, n.c_str(), ZIP_FL_NOCASE);
}

bool ZipPackage::Has(std::string_view name) const { return Locate(name) >= 0; }

std::vector<std::string> ZipPackage::Names() const {
  std::vector<std::string> out;
  zip_int64_t n = zip_get_num_entries(zip_, 0);
  for (zip_int64_t i = 0; i < n; ++i)
    if (const char* name = zip_get_name(zip_, static_cast<zip_uint64_t>(i), 0)) out.emplace_back(name);
  return out;
}

Result<std::string> ZipPackage::Read(std::string_view name) {
  int64_t idx = Locate(name);
  if (idx < 0) return Status::NotFound(std::string(name) + " is not in the package");
  zip_stat_t st;
  if (zip_stat_index(zip_, static_cast<zip_uint64_t>(idx), 0, &st) != 0)
    return Status::Corrupt(std::string(name) + ": cannot read its zip entry");
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    return Status::Encrypted(std::string(name) + " is encrypted in the zip");
  const uint64_t declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
  if (inflated_ + declared > max_total_)
    return Status::TooLarge("the zip inflates to over " + std::to_string(max_total_) + " bytes");
  zip_file_t* f = zip_fopen_index(zip_, static_cast<zip_uint64_t>(idx), 0);
  if (!f)
    return Status::Corrupt(std::string(name) + ": " + zip_strerror(zip_));
  std::string out;
  out.reserve(static_cast<size_t>(declared));
  char buf[1 << 16];
  Status status;
  while (true) {
    zip_int64_t got = zip_fread(f, buf, sizeof buf);
    if (got < 0) {
      status = Status::Corrupt(std::string(name) + ": " + zip_file_strerror(f));
      break;
    }
    if (got == 0) break;
    out.append(buf, static_cast<size_t>(got));
    // The hard cap on bytes actually inflated: the directory's size may lie.
    if (out.size() > declared) {
      status = Status::Corrupt(std::string(name) + " inflates to more bytes than its zip entry declares");
      break;
    }
    if (inflated_ + out.size() > max_total_) {
      status = Status::TooLarge("the zip inflates to over " + std::to_string(max_total_) + " bytes");
      break;
    }
  }
  zip_fclose(f);
  if (!status.ok()) return status;
  inflated_ += out.size();
  return out;
}

}  // namespace referat::docx
