// Attendance for the whole meeting: Til stede / Medlemmer / Deltagere
// (present), Afbud / Fraværende (absent), Øvrige deltagere (others, with
// their roles as written), read from labelled fields before the first item.
#ifndef REFERAT_ANALYZE_ATTENDANCE_H_
#define REFERAT_ANALYZE_ATTENDANCE_H_

#include <optional>

#include "analyze/context.h"
#include "analyze/toc.h"
#include "referat/record.h"

namespace referat::analyze {

// Reads blocks [0, end), skipping the TOC. nullopt when no attendance field
// is present.
std::optional<Attendance> ExtractAttendance(const Context& ctx, size_t end, const Toc& toc);

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_ATTENDANCE_H_
