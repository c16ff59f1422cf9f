#include "analyze/context.h"

namespace referat::analyze {

Context::Context(const Document& doc, const Segmentation& seg, const Lexicon& lex,
                 std::vector<Warning>* warnings)
    : doc_(doc), seg_(seg), lex_(lex), warnings_(warnings) {
  headings_.resize(doc.blocks.size());
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    std::string_view t = text(i);
    HeadingHit h;
    if (t.size() <= 400) h = lex.headings().MatchHeading(t);
    if (h.role == Role::kNone && doc.blocks[i].kind == BlockKind::kHeading) {
      h.role = Role::kSection;
      h.heading_end = t.size();
      h.text_start = t.size();
      h.markup = true;
    }
    headings_[i] = h;
  }
}

std::string_view Context::cell(size_t i, size_t c) const {
  const Block& b = doc_.blocks[i];
  if (c >= b.cells.size()) return {};
  return doc_.Slice(b.cells[c].start, b.cells[c].end);
}

Span Context::BlockSpan(size_t first, size_t last) const {
  return doc_.MakeSpan(doc_.blocks[first].start, doc_.blocks[last].end);
}

void Context::Warn(std::string code, std::string message, std::optional<Span> span) const {
  warnings_->push_back(Warning{std::move(code), std::move(message), span});
}

}  // namespace referat::analyze
