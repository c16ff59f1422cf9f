// The structure extractors: kind, meeting header, attendance, table of
// contents, agenda items (number, title, public, case number, recommendation,
// decision and category, absentees, votes, dissents, attachments, sections,
// referrals) and, for reports, title and sections. They read only the
// Document and the rule tables; they know nothing about file formats.
#ifndef REFERAT_ANALYZE_MINUTES_H_
#define REFERAT_ANALYZE_MINUTES_H_

#include "referat/document.h"
#include "referat/record.h"
#include "rules/rulebook.h"
#include "segment/segmenter.h"

namespace referat {
namespace analyze {
class Lexicon;
}

// Fills kind, meeting, attendance, toc, agenda_items, report and appends to
// warnings. Leaves figures and targets alone.
void ExtractStructure(const Document& doc, const Segmentation& seg, const Rulebook& rules,
                      Record* record);
// The same with a given Lexicon (the one above uses Lexicon::For(rules)):
// lets a benchmark measure the pass with a Lexicon that has compiled
// nothing yet, as in a process that extracts one file.
void ExtractStructure(const Document& doc, const Segmentation& seg, const analyze::Lexicon& lex,
                      Record* record);

}  // namespace referat

#endif  // REFERAT_ANALYZE_MINUTES_H_
