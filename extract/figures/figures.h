// Figures and targets: every quantity (money, percentages, counts, dates,
// periods, times, durations) normalized, and the goals a text sets.
#ifndef REFERAT_FIGURES_FIGURES_H_
#define REFERAT_FIGURES_FIGURES_H_

#include "referat/document.h"
#include "referat/record.h"
#include "rules/rulebook.h"
#include "segment/segmenter.h"

namespace referat {

// Fills record->figures and record->targets. REQUIRES: ExtractStructure has
// run (agenda item spans give `item`; meeting.date resolves year-less dates).
void ExtractFigures(const Document& doc, const Segmentation& seg, const Rulebook& rules,
                    Record* record);

}  // namespace referat

#endif  // REFERAT_FIGURES_FIGURES_H_
