// Main interface: start here. One document in, one Record out.
//
//   referat::ExtractOptions opts;
//   auto r = referat::ExtractFile("minutes.pdf", opts);
//   if (!r.ok()) { std::cerr << r.status().ToString(); }
//   else std::cout << referat::ToJson(*r);
//
// Thread safety: Extract and ExtractFile may be called concurrently from any
// number of threads; the rule tables are loaded once and then only read.
// No exception crosses this API: every failure is a Status with a stable code.
#ifndef REFERAT_EXTRACT_H_
#define REFERAT_EXTRACT_H_

#include <string>
#include <string_view>

#include "referat/document.h"
#include "referat/options.h"
#include "referat/record.h"
#include "referat/status.h"

namespace referat {

// The generator name and version written into every record.
inline constexpr const char* kGeneratorName = "referat";
inline constexpr const char* kGeneratorVersion = "0.1.0";

struct Input {
  // Shown in messages and written to source.path, as given ("-" for stdin).
  std::string path;
  // The whole file. The format is sniffed from these bytes, never from the name.
  std::string_view bytes;
};

// Reads, segments and extracts one document.
Result<Record> Extract(const Input& input, const ExtractOptions& options);

// Reads the file at `path` with ReadInput (referat/batch.h: max_input_bytes
// is checked before reading) and extracts it. "-" reads standard input.
// For many files, ExtractBatch.
Result<Record> ExtractFile(const std::string& path, const ExtractOptions& options);

// Builds the extractors' shared tables (the rule files, the word tables of
// the structure and figure passes, ICU's sentence iterator) now instead of
// inside the first Extract(). Optional and thread-safe: a caller can run it
// on a second thread while the first file is being read. Patterns compile on
// first use and are not built here: compiling the usual ones ahead costs a
// small file more CPU than it saves in wall time.
void PrepareExtract();

// Only the reader stage: bytes to Document (format sniffed from the bytes).
Result<Document> ReadDocument(std::string_view bytes, const ExtractOptions& options);

// Contract JSON for a record. `pretty` indents by two spaces; otherwise one
// line (for JSONL). Deterministic: the same Record gives the same bytes.
std::string ToJson(const Record& record, bool pretty = true);

}  // namespace referat

#endif  // REFERAT_EXTRACT_H_
