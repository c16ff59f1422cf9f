// The DOCX container: a zip archive read with libzip from memory, with the
// zip-bomb limits of ExtractOptions checked against the central directory
// BEFORE anything is inflated, and a hard cap on the bytes actually inflated
// (a central directory can lie about sizes).
//
// A zip whose central directory is missing (a partial download) is recovered
// when its local file headers are intact: the entries whose local header
// gives sizes and whose data lies wholly inside the file are indexed by a
// synthesized central directory, and libzip reads them as usual (so inflate
// and CRC checks are libzip's, and the same limits apply).
#ifndef REFERAT_READ_DOCX_ZIP_H_
#define REFERAT_READ_DOCX_ZIP_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "referat/options.h"
#include "referat/status.h"

struct zip;

namespace referat::docx {

class ZipPackage {
 public:
  // Opens `bytes` (which must outlive the package). Fails with `corrupt` when
  // neither the central directory nor any local header can be read, with
  // `too_large` when a limit is exceeded, `encrypted` for encrypted entries.
  static Result<std::unique_ptr<ZipPackage>> Open(std::string_view bytes,
                                                  const ExtractOptions& options);
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  // True when a part with this name exists (OOXML part names are
  // case-insensitive; a leading '/' is ignored).
  bool Has(std::string_view name) const;
  // The whole part. Status `not_found` if absent; `too_large` once the bytes
  // inflated by this package exceed max_zip_uncompressed; `corrupt` when the
  // entry inflates to more bytes than declared or fails its CRC.
  Result<std::string> Read(std::string_view name);

  // True when the central directory was missing and the entries were
  // recovered from local headers.
  bool recovered() const { return recovered_; }
  // Names of entries found in local headers but cut off (recovery only).
  const std::vector<std::string>& lost_entries() const { return lost_; }
  int entry_count() const { return entries_; }
  // Every entry's name, in the directory's order (for packages whose part
  // names vary, such as SBSYS's PublicationNN.xml).
  std::vector<std::string> Names() const;

 private:
  ZipPackage() = default;
  int64_t Locate(std::string_view name) const;

  zip* zip_ = nullptr;
  std::string synthesized_;  // the recovered archive, when recovered_
  bool recovered_ = false;
  std::vector<std::string> lost_;
  int entries_ = 0;
  uint64_t inflated_ = 0;
  uint64_t max_total_ = 0;
};

}  // namespace referat::docx

#endif  // REFERAT_READ_DOCX_ZIP_H_
