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

// The last four are the publishing systems' own exports of a meeting, told
// apart from other JSON, XML and zips by their root shape (see sniff.cc):
// FirstAgenda's meeting JSON, Acadre's agenda XML, an SBSYS publication
// package (a zip holding PublicationNN.xml, or that XML alone) and eDoc's
// AgendaPublishing XML. They are read by read/exports/.
enum class Format {
  kUnknown, kText, kMarkdown, kPdf, kDocx, kHtml,
  kFirstAgendaJson, kAcadreXml, kSbsys, kEdocXml
};

// The format from the bytes alone (magic numbers and content), never the name.
// Zip containers are kDocx only when they hold word/document.xml; other zips
// and OLE2 (Word 97 .doc) are kUnknown. Plain text becomes kMarkdown when it
// carries Markdown markup (**bold**, # headings), else kText.
Format SniffFormat(std::string_view bytes);
// "txt", "md", "pdf", "docx", "html", "firstagenda_json", "acadre_xml",
// "sbsys_xml", "edoc_xml" (source.format in the contract).
std::string_view FormatName(Format f);

// For kUnknown: a sentence saying what the bytes look like ("a Word 97-2003
// .doc file", "binary data", "an empty file"), for the unsupported_format message.
std::string DescribeUnknown(std::string_view bytes);
// True for bytes that start like a zip archive but have no end of central
// directory record where a zip must have one (its last 65,557 bytes): a
// truncated or damaged archive, `corrupt` whatever it was meant to hold.
bool DamagedZip(std::string_view bytes);

// Each reader. REQUIRES: bytes.size() <= options.max_input_bytes.
Result<Document> ReadText(std::string_view bytes, bool markdown, const ExtractOptions& options);
Result<Document> ReadPdf(std::string_view bytes, const ExtractOptions& options);
Result<Document> ReadDocx(std::string_view bytes, const ExtractOptions& options);
Result<Document> ReadHtml(std::string_view bytes, const ExtractOptions& options);

// Appends the blocks of an HTML fragment (UTF-8, already decoded: a field of
// a structured export such as FirstAgenda's Felter[].Html or SBSYS's field
// CDATA) to `builder`, read exactly as ReadHtml reads a page's body. Returns
// too_large / timeout as ReadHtml does; an empty fragment adds nothing.
Status AppendHtmlFragment(std::string_view html, DocumentBuilder* builder,
                          const ExtractOptions& options);

}  // namespace referat

#endif  // REFERAT_READ_READER_H_
