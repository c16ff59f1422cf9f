// Helpers for the analyze tests: read bytes as the pipeline does (format
// sniffed from the bytes), segment, and run only the structure extractors.
#ifndef REFERAT_TESTS_ANALYZE_ANALYZE_TEST_UTIL_H_
#define REFERAT_TESTS_ANALYZE_ANALYZE_TEST_UTIL_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "analyze/minutes.h"
#include "read/reader.h"
#include "referat/options.h"
#include "referat/record.h"
#include "rules/rulebook.h"
#include "segment/segmenter.h"
#include "test_util.h"

namespace referat::testing {

inline Result<Document> ReadAny(std::string_view bytes) {
  ExtractOptions opt;
  switch (SniffFormat(bytes)) {
    case Format::kText: return ReadText(bytes, false, opt);
    case Format::kMarkdown: return ReadText(bytes, true, opt);
    case Format::kPdf: return ReadPdf(bytes, opt);
    case Format::kDocx: return ReadDocx(bytes, opt);
    case Format::kHtml: return ReadHtml(bytes, opt);
    default: break;  // the structured exports and unknown bytes
  }
  return Status::UnsupportedFormat("unknown format");
}

inline Record Structure(const Document& doc) {
  Record rec;
  rec.warnings = doc.warnings;
  Segmentation seg = Segment(doc);
  ExtractStructure(doc, seg, Rules(), &rec);
  rec.text_length = doc.text.size();
  return rec;
}

inline Result<Record> StructureOfBytes(std::string_view bytes) {
  auto doc = ReadAny(bytes);
  if (!doc.ok()) return doc.status();
  return Structure(*doc);
}

inline Result<Record> StructureOfFile(const std::filesystem::path& p) {
  return StructureOfBytes(ReadFile(p));
}

}  // namespace referat::testing

#endif  // REFERAT_TESTS_ANALYZE_ANALYZE_TEST_UTIL_H_
