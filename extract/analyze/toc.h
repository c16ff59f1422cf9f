// The table of contents as printed: "Indholdsfortegnelse", then one entry per
// line or table row ("5<TAB>Orientering om …<TAB>14", "715. Kulturkommune
// 2017 ......2"), grouped under "Åben" / "Lukket" which set `public`.
#ifndef REFERAT_ANALYZE_TOC_H_
#define REFERAT_ANALYZE_TOC_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyze/context.h"
#include "referat/record.h"

namespace referat::analyze {

struct Toc {
  std::vector<TocEntry> entries;
  size_t begin = 0;  // blocks [begin, end) are the TOC (heading included); empty if none
  size_t end = 0;
  // The list followed a sentence ending in an agenda's lead-in ("Der var
  // fremlagt følgende dagsorden.", function_words.txt agenda_lead): its
  // numbers coming again below, in order, are the items.
  bool led = false;

  bool empty() const { return entries.empty(); }
  // The entry with this number, or null. O(log n).
  const TocEntry* Find(const std::string& number) const;
  void Add(TocEntry e);

 private:
  std::map<std::string, size_t> index_;  // number -> position in entries
};

Toc ExtractToc(const Context& ctx);

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_TOC_H_
