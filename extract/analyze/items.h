// Agenda items: where each starts ("Punkt 5." + title line, "Punkt 1:
// Title", "5. Title" when the TOC or the item's own head confirms it), and
// what each holds: number, title, public, case number, sections,
// recommendation, decision (decision.h), absentees, attachments.
#ifndef REFERAT_ANALYZE_ITEMS_H_
#define REFERAT_ANALYZE_ITEMS_H_

#include <optional>
#include <string>
#include <vector>

#include "analyze/context.h"
#include "analyze/toc.h"
#include "referat/record.h"

namespace referat::analyze {

struct ItemStart {
  size_t block = 0;         // the block with the number
  std::string number;       // as printed, without the trailing dot
  size_t title_block = 0;   // the block holding the title (== block when inline)
  size_t title_start = 0;   // byte range of the title in the document text
  size_t title_end = 0;
  bool margin = false;      // a table row with the decision in its last cell (a protocol's margin)
  bool case_head = false;   // `block` is the item's case label line (items without numbers or titles)
  bool after_title = false; // `block` opens with the meeting's title, the item after it (typed protocols)
};

// True when one of the three blocks before `b` ends with a protocol's
// lead-in to its matters and a colon ("Følgende Sager behandledes:",
// function_words.txt matters_lead), alone or at the end of the entry's
// line: the numbers after it are items, and the document is minutes.
bool AfterMattersLead(const Context& ctx, size_t b);
// The same, by the lead-in's words only (not those present, absent or all
// present).
bool AfterMattersLeadWords(const Context& ctx, size_t b);

// Finds the item starts in document order. Lines with an item marker
// ("Punkt 5.") win; without any, numbered lines are items only when the TOC
// lists the number or the next lines read like an item's head (case number,
// Beslutning, Indstilling), and numbers must increase. Numbered lines inside
// an item ("1. Hvad kendetegner …") are therefore not items; after a
// protocol's lead-in (AfterMattersLead) the run 1, 2, 3 … is items.
std::vector<ItemStart> FindItemStarts(const Context& ctx, const Toc& toc);

// Parses every item. `meeting_date` picks the decision when an item records
// several ("Beslutning i … den 10-04-2013", "… den 20-06-2013").
std::vector<AgendaItem> ExtractItems(const Context& ctx, const std::vector<ItemStart>& starts,
                                     const Toc& toc, const std::optional<std::string>& meeting_date);

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_ITEMS_H_
