// The reader stage: bytes to Document. One reader per format; each knows its
// format and nothing about minutes. See referat/document.h for the layout
// every reader must produce.
#ifndef REFERAT_READ_READER_H_
#define REFERAT_READ_READER_H_

#include <string>
#include <string_view>

#include "referat/document.h"
#include "referat/options.h"
#include "referat/status.h"

namespace referat {

enum class Format { kUnknown, kText, kMarkdown, kPdf, kDocx, kHtml };

// The format from the bytes alone (magic numbers and content), never the name.
// Zip containers are kDocx only when they hold word/document.xml; other zips
// and OLE2 (Word 97 .doc) are kUnknown. Plain text becomes kMarkdown when it
// carries Markdown markup (**bold**, # headings), else kText.
Format SniffFormat(std::string_view bytes);
std::string_view FormatName(Format f);  // "txt", "md", "pdf", "docx", "html"

// For kUnknown: a sentence saying what the bytes look like ("a Word 97-2003
// .doc file", "binary data", "an empty file"), for the unsupported_format message.
std::string DescribeUnknown(std::string_view bytes);

// Each reader. REQUIRES: bytes.size() <= options.max_input_bytes.
Result<Document> ReadText(std::string_view bytes, bool markdown, const ExtractOptions& options);
Result<Document> ReadPdf(std::string_view bytes, const ExtractOptions& options);
Result<Document> ReadDocx(std::string_view bytes, const ExtractOptions& options);
Result<Document> ReadHtml(std::string_view bytes, const ExtractOptions& options);

}  // namespace referat

#endif  // REFERAT_READ_READER_H_
