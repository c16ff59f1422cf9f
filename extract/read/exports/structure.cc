#include "read/exports/structure.h"

#include "analyze/attendance.h"
#include "analyze/context.h"
#include "analyze/header.h"
#include "analyze/items.h"
#include "analyze/lexicon.h"
#include "analyze/toc.h"

namespace referat::exports {

void ExtractExportStructure(const Document& doc, const Segmentation& seg, const Rulebook& rules,
                            const ExportFacts& facts, Record* record) {
  analyze::Context ctx(doc, seg, analyze::Lexicon::For(rules), &record->warnings);
  const analyze::Toc toc;  // an export has no printed table of contents

  std::vector<analyze::ItemStart> starts;
  std::vector<const ItemFacts*> rendered;
  for (const ItemFacts& it : facts.items) {
    if (it.block == kNoBlock) continue;
    analyze::ItemStart st;
    st.block = st.title_block = it.block;
    st.number = it.number;
    st.title_start = it.title_start;
    st.title_end = it.title_end;
    starts.push_back(st);
    rendered.push_back(&it);
  }
  record->agenda_items = analyze::ExtractItems(ctx, starts, toc, facts.meeting.date);

  bool has_decision = false;
  for (size_t k = 0; k < record->agenda_items.size() && k < rendered.size(); ++k) {
    AgendaItem& out = record->agenda_items[k];
    const ItemFacts& in = *rendered[k];
    out.number = in.number;
    // The item extractor read the title from the export's own title text;
    // it differs only where it cut a closed item's mark ("Lukket: …"), as it
    // does for every format, so the PDF twin reads the same title.
    if (out.title.empty()) out.title = in.title;
    if (in.public_) out.public_ = in.public_;
    if (in.case_number) out.case_number = in.case_number;
    // The export's list of attachments is the list; the names are the
    // rendered "Bilag" lines.
    out.attachments.clear();
    for (const auto& a : in.attachments)
      if (a.block != kNoBlock) {
        const Block& b = doc.blocks[a.block];
        out.attachments.push_back({a.name, doc.MakeSpan(b.start, b.end)});
      }
    has_decision = has_decision || out.decision.has_value();
  }

  // The meeting: what the export states, plus what the header's text gives
  // that the export does not (council, municipality).
  const size_t header_end = starts.empty() ? doc.blocks.size() : starts.front().block;
  analyze::HeaderResult header = analyze::ExtractHeader(ctx, header_end, toc);
  Meeting m = facts.meeting;
  if (m.body) m.body = analyze::WithoutElectionPeriod(std::move(*m.body));
  if (!m.council) m.council = header.meeting.council;
  if (!m.municipality) m.municipality = header.meeting.municipality;
  if (!m.municipality) m.municipality = analyze::MunicipalityNotStated(ctx, m);
  if (!m.municipality) m.municipality = analyze::MunicipalityOfPath(ctx, record->source.path);
  // The body is the council itself ("Byråd", Greve's FirstAgenda exports):
  // the council is that body named with its town.
  if (m.body && !m.council && m.municipality) m.council = ctx.lex().header().CouncilOfBody(*m.body, *m.municipality);
  m.document_type = facts.document_type;
  if (!m.document_type)
    m.document_type = has_decision ? ctx.lex().header().MinutesTypeName() : ctx.lex().header().AgendaTypeName();
  if (facts.header_first != kNoBlock)
    m.span = ctx.BlockSpan(facts.header_first, facts.header_last);
  record->meeting = m;
  record->kind = has_decision || !ctx.lex().header().IsAgendaType(*m.document_type) ? DocumentKind::kMinutes : DocumentKind::kAgenda;

  if (!facts.present.empty() || !facts.absent.empty()) {
    Attendance a;
    a.present = facts.present;
    a.absent = facts.absent;
    size_t first = std::min(facts.present_block, facts.absent_block);
    size_t last = facts.absent_block != kNoBlock ? facts.absent_block : facts.present_block;
    if (first != kNoBlock) a.span = ctx.BlockSpan(first, last);
    record->attendance = a;
  }
  // The export's per-item notes may name one away from every item whom its
  // participant list does not flag (Greve Byråd 13.3.2024).
  analyze::AbsentFromEveryItem(record->agenda_items, &record->attendance);
}

}  // namespace referat::exports
