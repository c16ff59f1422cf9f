// The meeting header: document type, council, municipality, body, date,
// start and end time, location. Read from the blocks before the first agenda
// item, as labelled fields ("Tid<TAB>Tirsdag 24. oktober 2017, kl. 12.15",
// "Mødedato Onsdag d. 27. august 2025 kl. 16:00", "Sted: …") or as the
// unlabelled lines of a cover page ("Mødet den 24.10.2017 kl. 12.15 - 15.15"
// followed by the place).
#ifndef REFERAT_ANALYZE_HEADER_H_
#define REFERAT_ANALYZE_HEADER_H_

#include "analyze/context.h"
#include "analyze/toc.h"
#include "referat/record.h"

namespace referat::analyze {

struct HeaderResult {
  Meeting meeting;
  // True when the blocks read like a meeting's header: a document type or a
  // body, together with a meeting date (or a type together with a body).
  bool found = false;
  // True when labels gave the date, the place and the time or those
  // present ("Mødedato: 9. august 2010 Mødetidspunkt: 19:00 … Mødelokale:
  // …"; "Dato: … Mødested: … Onsdag den 15-maj-2002 Kommunalbestyrelsens
  // mødelokaler … Mødedeltagere: Arne Ebsen, …", Egebjerg 2002, whose
  // times lost their digits): a meeting's header even where no agenda item
  // was recognised.
  bool labelled = false;
};

// Reads blocks [0, end), skipping the TOC.
HeaderResult ExtractHeader(const Context& ctx, size_t end, const Toc& toc);

// Reads the value of a labelled field starting at block `i`: the rest of the
// line, or the following lines up to the next label, heading or gap
// (`multi_line`). Returns byte ranges into the document text; *last is the
// last block used.
std::vector<std::pair<size_t, size_t>> LabelValue(const Context& ctx, size_t i, const LabelHit& hit,
                                                  size_t end, bool multi_line, size_t* last);

// A header flattened into one line, as docplayer.dk's transcripts print a
// PDF page: labelled fields one after the other, each label ending the
// previous label's value ("Mødedato: 12. august 2014 Mødested: Gl. Rådhus,
// Byrådssalen Mødetidspunkt: 16:00 Mødet hævet: Deltagere: …", Skive's
// Økonomiudvalg), or a run of labels with their values after them in the
// same order ("Mødested: Deltagere: Borgmesterens mødelokale Johnny Søtrup
// (V), …", Esbjerg's Økonomiudvalget 6.10.2014). One entry per label of
// block `i` (none unless it holds two labels or more, each with its colon),
// with the byte range of its value in the document text (empty when the
// label has none). A label before another with nothing between has no
// value of its own; a run's values are dealt out by their form: a date to
// the date's label (which waits for one over later labels), a clock time
// to a time's label, a place up to the first person's name to the place's
// label, the names to the run's first attendance label.
struct InlineField {
  Field field = Field::kNone;
  size_t label_start = 0;  // byte offsets in the document text
  size_t start = 0, end = 0;  // the value
};
std::vector<InlineField> InlineLabels(const Context& ctx, size_t i, size_t* prefix_end);

// The body without an election period at its end: "Økonomiudvalget
// 2018-2021" (Frederikshavn's minutes), "Byråd 2022-2025" (Greve's
// FirstAgenda export) are the committee and council of every term.
std::string WithoutElectionPeriod(std::string body);

// The time of a line that closes the meeting, "Mødet hævet kl. 17.30." or
// "Mødet sluttede 18:05" (a short line: an `end` heading of
// section_headings.txt with a time); nullopt for any other block. Such a
// line also ends the last agenda item.
std::optional<std::string> MeetingEndTime(const Context& ctx, size_t i);

// The body that met, read from the decision headings of blocks [from, end)
// that name it with the meeting's date ("Kultur- og Idrætsudvalget,
// 03-04-2019, pkt. 44", "Beslutning Teknik- og Miljøudvalget den
// 11-08-2021", "Børne- og Skoleudvalgets beslutning den 12.03.2019"): for
// minutes whose header does not name it. Headings with another date are a
// case's history, not this meeting. The body most headings name wins.
std::optional<std::string> BodyFromDecisionHeadings(const Context& ctx, size_t from, const std::string& date);

// The municipality of minutes whose header names none (FirstAgenda's JSON
// export states only the committee and the room), in this order:
// - the one the text names most ("Greve Kommune har søgt …"), named at
//   least three times and more than twice as often as any other (a letter
//   between two municipalities names both);
// - the town after the postcode of the meeting's place ("Tapperiet, Sdr.
//   Badevej 1, 4600 Køge", Køge's minutes). Only then: a committee may meet
//   in a neighbouring town (Greve's Skole-, Børne- og Ungeudvalget at "EUC
//   Sjælland, Campusbuen 25, 4600 Køge", 10.9.2024);
// - without a postcode, a town hall in the place ("M 5 - Vejen Rådhus") or
//   a place ending in a municipality's name ("Mødested: Hvidovre").
std::optional<std::string> MunicipalityNotStated(const Context& ctx, const Meeting& meeting);

// The last resort, when the text names none: the file's path, as archives
// name their files and folders ("alleroed_tepm_2018-03-06.txt",
// "Greve/2024/…", "hoeje-taastrup-byraad.pdf"): the one municipality its
// words name (municipalities.txt, the name or its ASCII spelling), or none
// when they name two.
std::optional<std::string> MunicipalityOfPath(const Context& ctx, std::string_view path);

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_HEADER_H_
