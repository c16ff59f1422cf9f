// What every structure extractor shares for one document: the Document, its
// sentences, the compiled rules and, computed once per block, what heading
// (if any) the block is. Lives for one ExtractStructure call.
#ifndef REFERAT_ANALYZE_CONTEXT_H_
#define REFERAT_ANALYZE_CONTEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyze/lexicon.h"
#include "referat/document.h"
#include "segment/segmenter.h"

namespace referat::analyze {

class Context {
 public:
  Context(const Document& doc, const Segmentation& seg, const Lexicon& lex,
          std::vector<Warning>* warnings);

  const Document& doc() const { return doc_; }
  const Segmentation& seg() const { return seg_; }
  const Lexicon& lex() const { return lex_; }
  size_t size() const { return doc_.blocks.size(); }
  const Block& block(size_t i) const { return doc_.blocks[i]; }
  std::string_view text(size_t i) const { return doc_.BlockText(doc_.blocks[i]); }
  // The heading the block is, by the rules or by its markup (a kHeading
  // block the rules do not know is Role::kSection).
  const HeadingHit& heading(size_t i) const { return headings_[i]; }
  bool IsTableRow(size_t i) const { return doc_.blocks[i].kind == BlockKind::kTableRow; }
  // The text of cell `c` of a table row (empty when out of range).
  std::string_view cell(size_t i, size_t c) const;

  // Span over blocks [first, last] (inclusive), or over a byte range.
  Span BlockSpan(size_t first, size_t last) const;
  Span MakeSpan(size_t start, size_t end) const { return doc_.MakeSpan(start, end); }
  // Byte offset of a view into the document text.
  size_t Offset(std::string_view v) const { return static_cast<size_t>(v.data() - doc_.text.data()); }

  void Warn(std::string code, std::string message, std::optional<Span> span) const;

 private:
  const Document& doc_;
  const Segmentation& seg_;
  const Lexicon& lex_;
  std::vector<Warning>* warnings_;
  std::vector<HeadingHit> headings_;
};

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_CONTEXT_H_
