// The publishing systems' own exports of a meeting: FirstAgenda's JSON,
// Acadre's agenda XML, SBSYS's publication package and eDoc's
// AgendaPublishing XML.
//
// Each reader does two things. It renders the export into an ordinary
// Document (a header, the attendance lines, then per item a heading
// "N. Title", "Sagsnr.: …", each field under its caption as a heading, HTML
// fields through the HTML reader, and "Bilag" with the attachment names), so
// spans, sentences, figures, targets and search work on an export as on any
// document. And it keeps what the export states as data (ExportFacts), with
// the block each value was rendered into, so the record takes the meeting,
// attendance, item numbers, titles, case numbers, open/closed and
// attachments from the source system instead of re-reading them from text.
// Sections, recommendations and decisions (with their categories) are read
// from the rendered items by the same extractors as every other format.
//
// Shape is checked strictly: a JSON or XML that is routed here by the
// sniffer but lacks the export's required elements is `unsupported_format`,
// never a half-read record.
#ifndef REFERAT_READ_EXPORTS_EXPORT_H_
#define REFERAT_READ_EXPORTS_EXPORT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "read/reader.h"
#include "referat/document.h"
#include "referat/options.h"
#include "referat/record.h"
#include "referat/status.h"

namespace referat::exports {

inline constexpr size_t kNoBlock = SIZE_MAX;

struct ItemFacts {
  std::string number;
  std::string title;
  std::optional<bool> public_;
  std::optional<std::string> case_number;
  size_t block = kNoBlock;  // the item's heading block "N. Title"
  size_t title_start = 0;   // the title's byte range in the document text
  size_t title_end = 0;
  size_t case_block = kNoBlock;
  struct Named {
    std::string name;
    size_t block = kNoBlock;
  };
  std::vector<Named> attachments;
};

struct ExportFacts {
  // "referat" or "dagsorden" when the export says so; else the record's kind
  // follows from whether decisions were found.
  std::optional<std::string> document_type;
  Meeting meeting;  // span unset; see header_first/last
  size_t header_first = kNoBlock, header_last = kNoBlock;
  std::vector<std::string> present, absent;
  size_t present_block = kNoBlock, absent_block = kNoBlock;
  std::vector<ItemFacts> items;
};

struct ExportDocument {
  Document doc;
  ExportFacts facts;
};

bool IsExportFormat(Format f);

// Reads `bytes` (sniffed as `f`, one of the export formats).
Result<ExportDocument> ReadExport(Format f, std::string_view bytes, const ExtractOptions& options);

Result<ExportDocument> ReadFirstAgenda(std::string_view bytes, const ExtractOptions& options);
Result<ExportDocument> ReadAcadre(std::string_view bytes, const ExtractOptions& options);
// A publication package (zip) or its publication XML alone.
Result<ExportDocument> ReadSbsys(std::string_view bytes, const ExtractOptions& options);
Result<ExportDocument> ReadEdoc(std::string_view bytes, const ExtractOptions& options);

// Most agenda items one export may hold. Real meetings have tens; the
// largest city-council agendas stay under 200. Past this the export is
// refused as too_large rather than rendered.
inline constexpr size_t kMaxExportItems = 5000;

}  // namespace referat::exports

#endif  // REFERAT_READ_EXPORTS_EXPORT_H_
