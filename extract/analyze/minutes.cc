// ExtractStructure: the order of the structure extractors and the document's
// kind. The table of contents is read first (it tells which numbered lines
// are items and which items are closed), then the item starts (they end the
// header), then the header and attendance, then the items themselves (their
// decisions need the meeting date), and for documents without items the
// report fields.
#include "analyze/minutes.h"

#include <set>

#include "analyze/attendance.h"
#include "analyze/context.h"
#include "analyze/header.h"
#include "analyze/items.h"
#include "analyze/lexicon.h"
#include "analyze/report.h"
#include "analyze/text_util.h"
#include "analyze/toc.h"
#include "lang/dates.h"

namespace referat {
namespace {

using analyze::Context;

// Correspondence marks ("Kære", "Med venlig hilsen", "Fra:/Emne:") near the
// start or the end of the document.
bool LooksLikeLetter(const Context& ctx) {
  const size_t n = ctx.size();
  for (size_t i = 0; i < n; ++i) {
    if (i >= 15 && i + 10 < n) {
      i = n - 10;
      if (i >= n) break;
    }
    std::string_view t = ctx.text(i);
    if (analyze::AtMostWords(t, 12) && ctx.lex().header().HasLetterWord(t)) return true;
  }
  return false;
}

bool LooksLikeReport(const Context& ctx) {
  size_t tb = analyze::TitleBlock(ctx);
  if (tb != SIZE_MAX && ctx.lex().header().HasReportWord(ctx.text(tb))) return true;
  for (size_t i = 0; i < std::min<size_t>(ctx.size(), 6); ++i)
    if (analyze::AtMostWords(ctx.text(i), 12) && ctx.lex().header().HasReportWord(ctx.text(i))) return true;
  // A plan named by its title in a sentence of the opening ("Hvad gør
  // kommunen selv?" / "... I Klimaplan 2050 kan du se, hvilke tiltag,
  // kommunen som koncern sætter gang i ...", Randers Kommune, randers.dk 2021).
  for (size_t i = 0; i < std::min<size_t>(ctx.size(), 6); ++i)
    if (ctx.lex().header().NamesReport(ctx.text(i))) return true;
  // A document organised by headings (five or more, each over a paragraph
  // when the reader marked none: Syddjurs's opsamlingsnotat 2012, 6 kB).
  return ctx.doc().text.size() > 4000 && analyze::CountHeadings(ctx) >= 5;
}

}  // namespace

void ExtractStructure(const Document& doc, const Segmentation& seg, const Rulebook& rules,
                      Record* record) {
  ExtractStructure(doc, seg, analyze::Lexicon::For(rules), record);
}

namespace {

// A publishing system's code after every item's title: one capital letter in
// brackets ("Temamøde - Diger (B)", "Vejen kommunes årsregnskab 2017 (C)":
// Vejen Kommune's minutes pages, vejen.dk agendaId=1606431 and 1447677,
// where B items end at the committee and C items go on to the council). It
// says who decides, not whether the item is open, and is no part of the
// title. Only when every title of two or more ends in one: a party letter
// after a member's name ends one title, not all.
size_t TitleCodeStart(std::string_view title) {
  const size_t n = title.size();
  if (n < 5 || title[n - 1] != ')' || title[n - 3] != '(' || title[n - 4] != ' ') return std::string_view::npos;
  if (title[n - 2] < 'A' || title[n - 2] > 'Z') return std::string_view::npos;
  return n - 4;
}

template <typename T>
void WithoutTitleCodes(std::vector<T>* items) {
  if (items->size() < 2) return;
  for (const auto& it : *items)
    if (TitleCodeStart(it.title) == std::string_view::npos) return;
  for (auto& it : *items) it.title = std::string(lang::TrimRight(std::string_view(it.title).substr(0, TitleCodeStart(it.title)), " "));
}

}  // namespace

void ExtractStructure(const Document& doc, const Segmentation& seg, const analyze::Lexicon& lex,
                      Record* record) {
  // Two-digit years with no meeting date to go by take the document's own years.
  lang::DocumentYearScope year_scope(doc.text);
  Context ctx(doc, seg, lex, &record->warnings);

  analyze::Toc toc = analyze::ExtractToc(ctx);
  std::vector<analyze::ItemStart> starts = analyze::FindItemStarts(ctx, toc);
  // The first matter may share its block with the meeting's title
  // ("Sogneraadsmøde d. 22/4 -1927. I Anledning af …"): the header reads it.
  const size_t header_end = starts.empty() ? std::min<size_t>(ctx.size(), 60)
                                           : starts.front().block + (starts.front().after_title ? 1 : 0);
  analyze::HeaderResult header = analyze::ExtractHeader(ctx, header_end, toc);
  // A TOC of numbered items with item heads is a meeting's too (reports'
  // TOCs give no items, see FindItemStarts).
  const bool is_meeting = header.found || (!toc.empty() && !starts.empty());

  std::optional<std::string> date = header.found ? header.meeting.date : std::nullopt;
  record->agenda_items = analyze::ExtractItems(ctx, starts, toc, date);
  record->toc = toc.entries;
  WithoutTitleCodes(&record->agenda_items);
  WithoutTitleCodes(&record->toc);

  bool has_decision = false;
  for (const auto& it : record->agenda_items) has_decision = has_decision || it.decision.has_value();

  if (!record->agenda_items.empty()) {
    if (is_meeting) {
      const auto& type = header.meeting.document_type;
      // A protocol's lead-in ("Følgende Sager behandledes:") reports matters
      // treated: minutes, though no decision's wording is known.
      bool minutes = has_decision || (type && !ctx.lex().header().IsAgendaType(*type)) ||
                     analyze::AfterMattersLead(ctx, starts.front().block);
      record->kind = minutes ? DocumentKind::kMinutes : DocumentKind::kAgenda;
    } else {
      record->kind = DocumentKind::kAgendaItem;
    }
  } else if (header.found && (header.meeting.document_type || header.labelled ||
                               (header.meeting.body && header.meeting.date && !toc.empty()))) {
    // No type word, but a body, a date and the printed agenda list
    // ("Udvalg: Miljø- og Byudvalg" / "Dato: Tirsdag den 23. marts 2021" /
    // "Indholdsfortegnelse": Albertslund's pages, their items' text cut
    // off): a meeting's agenda. So do labels that give the date, the time
    // and the place ("Mødedato: 9. august 2010 Mødetidspunkt: 19:00 …
    // Mødelokale: …": a transcript's header page, docplayer.dk/2304710;
    // Esbjerg's Økonomiudvalget, docplayer.dk/25418556).
    record->kind = !header.meeting.document_type || ctx.lex().header().IsAgendaType(*header.meeting.document_type)
                       ? DocumentKind::kAgenda
                       : DocumentKind::kMinutes;
    ctx.Warn("no_agenda_items", "the document has a meeting header but no agenda item was recognised",
             header.meeting.span);
  } else if (!LooksLikeLetter(ctx) && LooksLikeReport(ctx)) {
    record->kind = DocumentKind::kReport;
  } else {
    record->kind = DocumentKind::kUnknown;
  }

  if (record->kind == DocumentKind::kMinutes || record->kind == DocumentKind::kAgenda) {
    record->meeting = header.meeting;
    if (!record->meeting->body && record->meeting->date)
      record->meeting->body = analyze::BodyFromDecisionHeadings(ctx, header_end, *record->meeting->date);
    if (record->meeting->body)
      record->meeting->body = analyze::WithoutElectionPeriod(std::move(*record->meeting->body));
    // "Borgerrepræsentationen" meets only in Copenhagen.
    if (record->meeting->body && !record->meeting->council && !record->meeting->municipality)
      if (auto only = ctx.lex().header().OnlyCouncilOf(*record->meeting->body)) {
        record->meeting->council = only->first;
        record->meeting->municipality = only->second;
      }
    if (!record->meeting->municipality) record->meeting->municipality = analyze::MunicipalityNotStated(ctx, *record->meeting);
    if (!record->meeting->municipality)
      record->meeting->municipality = analyze::MunicipalityOfPath(ctx, record->source.path);
    // The body is the council itself and the municipality is known: the
    // council is that body named with its town ("Byråd" in "Greve Kommune":
    // "Greve Byråd").
    if (record->meeting->body && !record->meeting->council && record->meeting->municipality)
      record->meeting->council =
          ctx.lex().header().CouncilOfBody(*record->meeting->body, *record->meeting->municipality);
    // "Mødet hævet kl. 17.30." after the items, or in the header's notes
    // (Odense's minutes: "Mødet hævet kl. 17.12" above the agenda), gives
    // the end time the header did not state.
    if (!record->meeting->end_time) {
      for (size_t i = 0; i < ctx.size(); ++i)
        if (auto t = analyze::MeetingEndTime(ctx, i)) {
          record->meeting->end_time = *t;
          break;
        }
    }
    record->attendance = analyze::ExtractAttendance(ctx, header_end, toc);
    if (!record->attendance && !starts.empty())
      record->attendance = analyze::ExtractAttendanceIn(ctx, starts[0].block,
                                                        starts.size() > 1 ? starts[1].block : ctx.size(), toc);
    analyze::AbsenteesFromItems(ctx, record->agenda_items, &record->attendance);
    analyze::AbsentFromEveryItem(record->agenda_items, &record->attendance);
    if (!starts.empty()) analyze::ItemAbsenteesFromHeaderNotes(ctx, starts[0].block, &record->agenda_items);
  }
  if (record->kind == DocumentKind::kReport) record->report = analyze::ExtractReport(ctx);

  // The TOC and the body should agree; closed items are often left out of
  // the published body, so only open ones are reported missing.
  std::set<std::string> numbers;
  for (const auto& it : record->agenda_items) numbers.insert(it.number);
  for (const auto& e : toc.entries) {
    bool found = numbers.count(e.number) > 0;
    if (!found && e.public_.value_or(true) && !record->agenda_items.empty())
      ctx.Warn("toc_item_missing", "item " + e.number + " (" + analyze::Clip(e.title, 80) +
                                       ") is in the table of contents but not in the body",
               e.span);
  }
  if (!toc.empty()) {
    for (const auto& it : record->agenda_items)
      if (!toc.Find(it.number))
        ctx.Warn("item_not_in_toc", "item " + it.number + " is not in the table of contents", it.span);
  }
}

}  // namespace referat
