// PDF reader: to be written (issue 4). Until then PDFs give a clear error.
#include "read/reader.h"

namespace referat {
Result<Document> ReadPdf(std::string_view, const ExtractOptions&) {
  return Status::UnsupportedFormat("the PDF reader is not built yet");
}
}  // namespace referat
