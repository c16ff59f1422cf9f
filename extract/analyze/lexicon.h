// The rule tables (extract/rules/*.txt) compiled for the structure
// extractors, built once per Rulebook and then shared read-only by all
// threads. The wording is read by one matcher per concern, each from its
// own rule files (analyze/lexicon/): headings, item and case numbers,
// decisions and votes, attendance and names, bodies and the header; plus
// the small word classes of function_words.txt and the date reader of the
// language layer (lang/dates.h). No extractor compiles
// a pattern of its own at run time.
//
// Start-up is part of every `referat extract` process, so little is done up
// front: phrase lists are folded into PhraseLists (analyze/phrases.h) and
// matched in code; the RE2 patterns compile on first use, and most are only
// run when one of their phrases is there.
#ifndef REFERAT_ANALYZE_LEXICON_H_
#define REFERAT_ANALYZE_LEXICON_H_

#include "analyze/lexicon/attendance.h"
#include "analyze/lexicon/decisions.h"
#include "analyze/lexicon/header.h"
#include "analyze/lexicon/headings.h"
#include "analyze/lexicon/items.h"
#include "analyze/lexicon/words.h"
#include "lang/dates.h"
#include "rules/rulebook.h"

namespace referat::analyze {

class Lexicon {
 public:
  explicit Lexicon(const Rulebook& rules);
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The Lexicon for `rules`, compiled on first use and cached (keyed by the
  // rule texts, so a test's own Rulebook gets its own). Thread-safe.
  static const Lexicon& For(const Rulebook& rules);

  const Words& words() const { return words_; }
  const HeadingMatcher& headings() const { return headings_; }
  const ItemMatcher& items() const { return items_; }
  const DecisionMatcher& decisions() const { return decisions_; }
  const AttendanceMatcher& attendance() const { return attendance_; }
  const HeaderMatcher& header() const { return header_; }
  // Dates and times: the one date reader (lang/dates.h).
  const lang::DateReader& dates() const { return dates_; }

 private:
  // In this order: a matcher may use those before it.
  Words words_;
  ItemMatcher items_;
  HeaderMatcher header_;
  HeadingMatcher headings_;
  DecisionMatcher decisions_;
  AttendanceMatcher attendance_;
  lang::DateReader dates_;
};

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_LEXICON_H_
