// Bodies and the document header: rules/bodies.txt, municipalities.txt,
// document_types.txt, report_labels.txt, report_captions.txt and
// function_words.txt's council words.
#ifndef REFERAT_ANALYZE_LEXICON_HEADER_H_
#define REFERAT_ANALYZE_LEXICON_HEADER_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/lexicon/detail.h"
#include "analyze/lexicon/words.h"
#include "analyze/phrases.h"

namespace referat::analyze {

class HeaderMatcher {
 public:
  HeaderMatcher(const Rulebook& rules, const Words& words);

  // Document type of a short line ("Referat", "Åben dagsorden"): type or "".
  std::string DocumentType(std::string_view line) const;
  // Report / letter words (rules/document_types.txt).
  bool HasReportWord(std::string_view s) const;
  bool HasLetterWord(std::string_view s) const;
  // A plan or report named by its title inside a line: a capitalised report
  // word, or a compound ending in one, then a year ("I Klimaplan 2050 kan du
  // se, hvilke tiltag ...", "Handleplan 2022-2025", "Strategi 2030").
  bool NamesReport(std::string_view s) const;
  // True when a meeting.document_type is an agenda's ("dagsorden").
  bool IsAgendaType(std::string_view type) const {
    for (const auto& t : agenda_types_)
      if (t == type) return true;
    return false;
  }
  // The meeting.document_type of an agenda and of minutes, for a document
  // that states none (rules/document_types.txt rows `agenda` and `minutes`).
  const std::string& AgendaTypeName() const {
    return agenda_types_.empty() ? minutes_type_ : agenda_types_.front();
  }
  const std::string& MinutesTypeName() const { return minutes_type_; }
  // "Årsrapport 2018": group 1 is the year a report covers.
  const RE2& annual_report() const { return *annual_report_; }
  // "2016-2019", "2017 til 2020" inside a line: groups 1 and 2.
  const RE2& year_range() const { return *year_range_; }
  // "2013", "2016-2019" as a whole line: groups 1 and 2 (empty for one year).
  const RE2& years() const { return *years_; }
  // Report cover labels (report_labels.txt): "organisation", "period" or "".
  std::string MatchReportLabel(std::string_view block, size_t* value_start) const;
  // A period_from label after the start of a line, after a space
  // ("Kvalitetsstandarder Hjørring Kommune Gældende fra 15. marts 2016"):
  // the label's start and where its value starts; false when there is none.
  bool FindPeriodFromLabel(std::string_view line, size_t* label_start, size_t* value_start) const;
  // A figure or table caption or a source note ("Figur 5.1. …", "Tabel 3 …",
  // "Kilde: …"; report_captions.txt).
  bool IsCaption(std::string_view line) const;
  // A plan's period named in a sentence: a period phrase of
  // report_labels.txt and two years ("Sundhedspolitikken udstikker retningen
  // ... i perioden 2021-2024"), or an end phrase and one year ("gælder til
  // 2014": `from` is 0). False when there is none.
  bool PeriodInSentence(std::string_view s, int* from, int* to) const;

  // A committee or board name as a whole line ("Beskæftigelsesudvalget",
  // "Udvalget for plan, udvikling og kultur (PUK)").
  bool IsBodyName(std::string_view line) const;
  // "Byrådets møde": group 1 is the body's name (a header line).
  const RE2& bodys_meeting() const { return *bodys_meeting_; }
  // "Aalborg Byråd": the town and the council word.
  bool FindCouncil(std::string_view s, re2::StringPiece* town, re2::StringPiece* word) const;
  // "Byrådet" or "Byrådet i Aalborg" as the whole of `s`: the town, if any.
  bool IsCouncilAlone(std::string_view s, re2::StringPiece* town) const;
  // A region's body ("Regionsrådet", "Regionsrådets forretningsudvalg";
  // bodies.txt `regional`): a region is no municipality.
  bool IsRegionalBody(std::string_view body) const;
  // The patterns FindCouncil and IsCouncilAlone run once their words are
  // there (the tests run them on every text).
  const RE2& council() const { return *council_; }
  const RE2& council_alone() const { return *council_alone_; }
  // "Aalborg Kommune": group 1 is the town.
  const RE2& municipality_phrase() const { return *municipality_phrase_; }
  // False when municipality_phrase() cannot match `s`: none of its words
  // (function_words.txt's council_word, as written) is in it.
  bool MayHaveMunicipalityPhrase(std::string_view s) const;
  // Official municipality for a town name ("Aalborg" -> "Aalborg Kommune").
  // A word of a file or folder name ("alleroed", "Greve", "hoeje-taastrup")
  // that names a municipality: its official name.
  std::optional<std::string> MunicipalityOfPathWord(std::string_view word) const;
  std::optional<std::string> MunicipalityOf(std::string_view town) const;
  // A council named alone that only one municipality has
  // ("Borgerrepræsentationen": bodies.txt's council_alone rows with a
  // council's full name and its town): {council, official municipality}.
  std::optional<std::pair<std::string, std::string>> OnlyCouncilOf(std::string_view name) const;
  // The council a body names when the body is the council itself, in a known
  // municipality: a council_alone word whose stem is a bodies.txt `council`
  // word, with the town of the municipality's official name ("Byrådet" or
  // "Byråd" in "Greve Kommune": "Greve Byråd"; "Kommunalbestyrelsen" in
  // "Syddjurs Kommune": "Syddjurs Kommunalbestyrelse"). Nothing for a
  // committee, for a council without a council word ("Sognerådet"), or for
  // an official name that does not open with its town and a space.
  std::optional<std::string> CouncilOfBody(std::string_view body, std::string_view municipality) const;
  // The body of a title that opens with a meeting's compound word and no
  // type word ("Bestyrelsesmøde den 6 / 2 1984": "Bestyrelsen"; bodies.txt
  // `meeting_title`), or "".
  std::string BodyOfMeetingTitle(std::string_view line) const;

 private:
  bool BodyNameCode(std::string_view line) const;

  const Words& words_;
  PhraseList doc_type_;
  std::map<std::string, std::string> doc_types_;  // folded phrase -> type
  std::vector<std::string> agenda_types_;
  std::string minutes_type_;
  PhraseList report_word_, letter_word_;
  LazyRE2 annual_report_, year_range_, years_, named_year_;
  PhraseList report_label_;
  PhraseList report_label_inline_;  // period_from labels: the date may follow after a space
  std::map<std::string, std::string> report_fields_;  // folded label -> field
  PhraseList caption_words_;  // what caption_ needs at the line's start
  LazyRE2 caption_;
  LazyRE2 period_sentence_, period_until_;

  // Body names: the names, suffixes and (as written) prefixes of bodies.txt.
  PhraseList body_names_, body_suffixes_, body_prefixes_;
  LazyRE2 bodys_meeting_;
  PhraseList council_words_;  // bodies.txt `council`: what council_ needs after a space
  LazyRE2 council_;
  PhraseList council_alone_words_;  // what council_alone_ needs at the start
  LazyRE2 council_alone_;
  std::vector<std::string> municipality_words_;  // for MayHaveMunicipalityPhrase
  LazyRE2 municipality_phrase_;
  std::map<std::string, std::string> municipalities_;  // folded town -> official
  std::map<std::string, std::string> towns_;  // official -> town, when the official name opens with it
  std::vector<std::string> councils_;  // bodies.txt `council` words as written
  std::map<std::string, std::string> municipality_path_words_;  // "alleroed" -> official
  std::vector<std::string> regional_words_;  // folded
  std::map<std::string, std::pair<std::string, std::string>> only_councils_;  // folded name -> council, town
  std::vector<std::pair<std::string, std::string>> meeting_titles_;  // folded compound -> body
};

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_LEXICON_HEADER_H_
