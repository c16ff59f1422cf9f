// An agenda item's body split at its sub-headings, before the sections are
// turned into contract objects. Shared by items.cc (which builds them) and
// decision.cc / recommendation.cc (which read them).
#ifndef REFERAT_ANALYZE_SECTIONS_H_
#define REFERAT_ANALYZE_SECTIONS_H_

#include <optional>
#include <string>
#include <vector>

#include "analyze/lexicon.h"

namespace referat::analyze {

// A contiguous byte range of the document text that belongs to a section:
// a whole block, or the part of a heading line after "Heading:".
struct Piece {
  size_t block = 0;
  size_t start = 0;
  size_t end = 0;
  bool whole_block = true;
};

struct SectionDraft {
  std::optional<std::string> heading;  // verbatim, without the trailing ':'
  Role role = Role::kNone;             // kNone for the text before the first heading
  size_t head_block = SIZE_MAX;        // the heading's block, or SIZE_MAX
  std::vector<Piece> pieces;
};

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_SECTIONS_H_
