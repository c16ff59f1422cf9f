// HTML reader: to be written (issue 4). Until then HTML files give a clear error.
#include "read/reader.h"

namespace referat {
Result<Document> ReadHtml(std::string_view, const ExtractOptions&) {
  return Status::UnsupportedFormat("the HTML reader is not built yet");
}
}  // namespace referat
