// Options for one extraction. Plain data with documented defaults; every limit
// exists so that a hostile or broken file ends in `too_large` or `timeout`
// instead of an out-of-memory kill or a hang, and the rest of a batch goes on.
#ifndef REFERAT_OPTIONS_H_
#define REFERAT_OPTIONS_H_

#include <cstdint>
#include <string>

namespace referat {

struct ExtractOptions {
  // If true, the Record keeps the normalized text and JSON output carries
  // `text.content`. Off by default: archives rarely want a second copy.
  bool with_text = false;

  // Largest input file accepted. The biggest real minutes PDFs with their
  // attachments run to tens of MB; 256 MiB leaves room and still fits in RAM.
  uint64_t max_input_bytes = 256ull << 20;

  // Most pages read from a paged document. 5,000 pages is far beyond any
  // minutes or report; past it the document is refused, not truncated.
  int max_pages = 5000;

  // Total uncompressed bytes a DOCX (zip) may declare. Checked before
  // inflating, against the central directory; text-heavy DOCX are < 50 MB.
  uint64_t max_zip_uncompressed = 512ull << 20;

  // Highest compression ratio accepted for a zip entry larger than 1 MiB.
  // XML compresses 10-30x; a zip bomb compresses 1000x or more.
  double max_zip_ratio = 200.0;

  // Most entries in a zip container. Real DOCX hold under 100.
  int max_zip_entries = 10000;

  // Deepest XML element nesting accepted (DOCX, HTML). Word nests tables a
  // few levels deep; 50,000-deep nesting is an attack on recursive code.
  int max_xml_depth = 256;

  // Largest normalized text kept for one document, in bytes.
  uint64_t max_text_bytes = 64ull << 20;

  // Wall-time limit per document in milliseconds; past it: `timeout`.
  // 0 disables. The 108-page KL report takes well under a second.
  int64_t timeout_ms = 60000;
};

}  // namespace referat

#endif  // REFERAT_OPTIONS_H_
