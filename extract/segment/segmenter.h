// Sentence segmentation with ICU, plus a Danish abbreviation list
// (rules/abbreviations.txt) so that "kl. 12.15", "jf.", "bl.a.", "pct.",
// "ca.", "nr.", "f.eks." do not end a sentence. Sentences never cross a
// block boundary: a heading, a list item and a table row each end one.
#ifndef REFERAT_SEGMENT_SEGMENTER_H_
#define REFERAT_SEGMENT_SEGMENTER_H_

#include <cstddef>
#include <vector>

#include "referat/document.h"

namespace referat {

struct Sentence {
  size_t start = 0;  // byte offsets into Document::text
  size_t end = 0;    // trailing whitespace excluded
  size_t block = 0;  // index into Document::blocks
};

struct Segmentation {
  std::vector<Sentence> sentences;  // in text order, non-overlapping
  // Index of the sentence containing the byte offset, or -1. O(log n).
  long SentenceAt(size_t offset) const;
};

// Thread-safe; uses per-thread ICU break iterators built once.
Segmentation Segment(const Document& doc);

// Builds the process's sentence iterator (ICU's Danish rules and the
// abbreviation filter) now rather than on the first Segment(); each thread
// then clones it. Thread-safe; PrepareExtract() calls it.
void PrepareSegmenter();

}  // namespace referat

#endif  // REFERAT_SEGMENT_SEGMENTER_H_
