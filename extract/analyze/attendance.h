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

// Block `i` holds a sentence saying every member came ("Alle var mødt.",
// "Bestyrelsen samlet minus sekretæren …": function_words.txt `all_present`,
// its opening words before an `except` word); the person names after that
// word are added to `gone`, the span widened to the sentence (each may be null).
bool AllPresentNote(const Context& ctx, size_t i, size_t* span_start, size_t* span_end,
                    std::vector<std::string>* gone);
// The same over blocks [begin, end): the first item of minutes that record
// the attendance under it ("1. Godkendelse af dagsorden" / "Beslutning" /
// "Tilstede var:" and the names; Copenhagen's Økonomiudvalg).
std::optional<Attendance> ExtractAttendanceIn(const Context& ctx, size_t begin, size_t end, const Toc& toc);

// Minutes that record the absentees as an agenda item of their own ("1.
// Fraværende" with the names as its decision; Brønderslev's minutes): the
// names join the meeting's absent list, or make it when the header has
// none. An item whose decision is not a list of names adds nothing.
void AbsenteesFromItems(const Context& ctx, const std::vector<AgendaItem>& items,
                        std::optional<Attendance>* attendance);

// One noted absent under every item that records a decision was away from
// the whole meeting (Thisted's pages write "Fraværende i Thisted
// Kommunalbestyrelsen, 31. maj 2022:" and the names under each decision):
// the names join the meeting's absent list and leave its present list.
// Needs two such items; a name missing under any of them adds nothing, so
// one who came late or left early stays the item's alone.
void AbsentFromEveryItem(const std::vector<AgendaItem>& items, std::optional<Attendance>* attendance);

// An absence note before the first item that names an item ("Michael
// Olsen deltog ikke i forbindelse med behandlingen af punkt 1 pga.
// inhabilitet."; Odense's minutes; absence_phrases.txt's suffix_item): the
// names join that item's absent list, not the meeting's. Blocks [0, end).
void ItemAbsenteesFromHeaderNotes(const Context& ctx, size_t end, std::vector<AgendaItem>* items);

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_ATTENDANCE_H_
