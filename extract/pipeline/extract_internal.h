// Pipeline entry points shared by extract.cc and batch.cc. Not public.
#ifndef REFERAT_PIPELINE_EXTRACT_INTERNAL_H_
#define REFERAT_PIPELINE_EXTRACT_INTERNAL_H_

#include <string>

#include "referat/extract.h"

namespace referat::pipeline {

// Extract() for bytes whose SHA-256 the caller has computed already (a
// batch hashes before deciding to extract; hashing twice costs a file's
// worth of CPU).
Result<Record> ExtractHashed(const Input& input, const ExtractOptions& options,
                             std::string sha256);

}  // namespace referat::pipeline

#endif  // REFERAT_PIPELINE_EXTRACT_INTERNAL_H_
