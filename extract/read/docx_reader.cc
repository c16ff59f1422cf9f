// DOCX reader: to be written (issue 4). Until then DOCX files give a clear error.
#include "read/reader.h"

namespace referat {
Result<Document> ReadDocx(std::string_view, const ExtractOptions&) {
  return Status::UnsupportedFormat("the DOCX reader is not built yet");
}
}  // namespace referat
