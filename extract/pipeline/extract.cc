#include "referat/extract.h"

#include <new>

#include "referat/batch.h"

#include "analyze/lexicon.h"
#include "analyze/minutes.h"
#include "core/deadline.h"
#include "core/sha256.h"
#include "figures/figures.h"
#include "figures/scanner.h"
#include "lang/dates.h"
#include "pipeline/extract_internal.h"
#include "read/exports/export.h"
#include "read/exports/structure.h"
#include "read/reader.h"
#include "rules/rulebook.h"
#include "segment/segmenter.h"

namespace referat {

namespace {

// The reader stage; for an export, also what it states (`facts` set).
Result<Document> Read(std::string_view bytes, const ExtractOptions& options,
                      std::optional<exports::ExportFacts>* facts) {
  if (bytes.size() > options.max_input_bytes)
    return Status::TooLarge("input is " + std::to_string(bytes.size()) +
                            " bytes, over the limit of " +
                            std::to_string(options.max_input_bytes));
  Result<Document> doc = Status::Internal("no reader ran");
  const Format format = SniffFormat(bytes);
  if (exports::IsExportFormat(format)) {
    auto read = exports::ReadExport(format, bytes, options);
    if (!read.ok()) return read.status();
    if (facts) *facts = std::move(read->facts);
    doc = std::move(read->doc);
  }
  switch (format) {
    case Format::kText: doc = ReadText(bytes, false, options); break;
    case Format::kMarkdown: doc = ReadText(bytes, true, options); break;
    case Format::kPdf: doc = ReadPdf(bytes, options); break;
    case Format::kDocx: doc = ReadDocx(bytes, options); break;
    case Format::kHtml: doc = ReadHtml(bytes, options); break;
    case Format::kFirstAgendaJson:
    case Format::kAcadreXml:
    case Format::kSbsys:
    case Format::kEdocXml: break;  // read above
    case Format::kUnknown:
      if (DamagedZip(bytes))
        return Status::Corrupt("a zip archive without its central directory (truncated or damaged)");
      return Status::UnsupportedFormat(DescribeUnknown(bytes) +
                                       "; referat reads text, Markdown, PDF, DOCX, HTML and the "
                                       "FirstAgenda, Acadre, SBSYS and eDoc exports");
  }
  if (doc.ok() && doc->text.size() > options.max_text_bytes)
    return Status::TooLarge("normalized text is " + std::to_string(doc->text.size()) +
                            " bytes, over the limit of " + std::to_string(options.max_text_bytes));
  return doc;
}

}  // namespace

Result<Document> ReadDocument(std::string_view bytes, const ExtractOptions& options) {
  return Read(bytes, options, nullptr);
}

void PrepareExtract() {
  // The shared tables build once under their own locks (a mutex, call_once,
  // and a call_once per lazily compiled pattern), so an Extract() that needs
  // one while this runs waits for it instead of building a second copy. A
  // failure here is left for Extract() to report.
  try {
    const Rulebook& rules = Rules();
    analyze::Lexicon::For(rules);
    figures::LexiconFor(rules);
    PrepareSegmenter();
  } catch (const std::exception&) {
  }
}

Result<Record> Extract(const Input& input, const ExtractOptions& options) {
  return pipeline::ExtractHashed(input, options, std::string());
}

Result<Record> pipeline::ExtractHashed(const Input& input, const ExtractOptions& options,
                                       std::string sha256) {
  try {
    ScopedDeadline deadline(options.timeout_ms);
    std::optional<exports::ExportFacts> facts;
    Result<Document> read = Read(input.bytes, options, &facts);
    if (!read.ok()) return read.status();
    const Document& doc = *read;

    Record rec;
    rec.source.path = input.path;
    rec.source.sha256 = sha256.empty() ? Sha256Hex(input.bytes) : std::move(sha256);
    rec.source.format = doc.format;
    rec.source.bytes = input.bytes.size();
    if (doc.pages > 0) rec.source.pages = doc.pages;
    rec.source.title = doc.title;
    rec.source.created = doc.created;
    rec.source.ocr = doc.ocr;
    rec.warnings = doc.warnings;

    const Rulebook& rules = Rules();
    Segmentation seg = Segment(doc);
    lang::DocumentYearScope year_scope(doc.text);  // one scan for structure and figures
    if (facts) exports::ExtractExportStructure(doc, seg, rules, *facts, &rec);
    else ExtractStructure(doc, seg, rules, &rec);
    ExtractFigures(doc, seg, rules, &rec);
    if (DeadlineExpired())
      return Status::Timeout("extraction took longer than " + std::to_string(options.timeout_ms) +
                             " ms");

    rec.text_length = doc.text.size();
    if (options.with_text) rec.text_content = doc.text;
    return rec;
  } catch (const std::bad_alloc&) {
    return Status::TooLarge(input.path + ": out of memory while extracting");
  } catch (const std::exception& e) {
    return Status::Internal(std::string("unexpected error: ") + e.what());
  }
}

Result<Record> ExtractFile(const std::string& path, const ExtractOptions& options) {
  Result<InputFile> in = ReadInput(path, options);
  if (!in.ok()) return in.status();
  return Extract(Input{path, in->bytes}, options);
}

}  // namespace referat
