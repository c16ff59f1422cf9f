// An agenda item's recommendation (indstilling): who recommends, the text,
// and its "at …" clauses. Read from an "Indstilling" section, or else from
// the item's opening text ("Familie- og Beskæftigelsesforvaltningen
// indstiller, at Beskæftigelsesudvalget godkender" followed by "At …" lines).
#ifndef REFERAT_ANALYZE_RECOMMENDATION_H_
#define REFERAT_ANALYZE_RECOMMENDATION_H_

#include <optional>
#include <vector>

#include "analyze/context.h"
#include "analyze/sections.h"
#include "referat/record.h"

namespace referat::analyze {

std::optional<Recommendation> ExtractRecommendation(const Context& ctx,
                                                    const std::vector<SectionDraft>& sections);

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_RECOMMENDATION_H_
