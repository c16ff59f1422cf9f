// Attendance and names: rules/attendance_labels.txt, absence_phrases.txt,
// roles.txt and name_stopwords.txt.
#ifndef REFERAT_ANALYZE_LEXICON_ATTENDANCE_H_
#define REFERAT_ANALYZE_LEXICON_ATTENDANCE_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/lexicon/detail.h"
#include "analyze/phrases.h"
#include "lang/wordlist.h"

namespace referat::analyze {

// Attendance and header labels (rules/attendance_labels.txt).
enum class Field { kNone, kDate, kStart, kEnd, kLocation, kPresent, kMembers, kAbsent, kOthers, kReferent, kBody, kIgnore };

struct LabelHit {
  Field field = Field::kNone;
  size_t label_end = 0;    // bytes of the label
  size_t value_start = 0;  // where the value starts; == size if none on this line
};

class AttendanceMatcher {
 public:
  explicit AttendanceMatcher(const Rulebook& rules);

  // A label at the block's start: "Dato: 24. oktober", "Afbud<TAB>A, B",
  // "Deltagere" alone; with `allow_space` also "Afbud Mette Frederiksen"
  // (a label, spaces, then a value that starts with a capital or a digit).
  LabelHit MatchLabel(std::string_view block, bool allow_space) const;
  // "Afbud: A, B" -> names part; "A og B var fraværende." -> names part;
  // "Afbud:" alone -> true with an empty names part.
  bool MatchAbsence(std::string_view s, size_t* names_start, size_t* names_end) const;

  // The substitute who came in a member's place: "Istedet mødte Michael
  // Olsen." / "…, og Peter Steffensen deltog i stedet." / "X deltog i
  // stedet for Y" -> the substitute's names part (substitute_phrases.txt).
  bool MatchSubstitute(std::string_view s, size_t* names_start, size_t* names_end) const;

  bool IsRoleWord(std::string_view word) const;
  // Bytes of a leading lead-in phrase ("Desuden deltager "), or 0.
  size_t LeadinLength(std::string_view s) const;
  bool IsNameStopword(std::string_view word) const;
  // A lower-case word inside a name ("van", "der", "la"): as written.
  bool IsNameParticle(std::string_view word) const { return name_particles_.count(std::string(word)) > 0; }
  // A given name written short inside a name ("Chr." in "Peder Chr.
  // Kirkegaard"): as written, with its dot.
  bool IsNameAbbreviation(std::string_view word) const {
    return name_abbreviations_.count(std::string(word)) > 0;
  }

 private:
  PhraseList label_;
  std::map<std::string, Field> label_fields_;  // folded label -> field
  // absence_phrases.txt's prefix, prefix_bare, suffix, suffix_item,
  // reason, prefix_open and substitute phrases.
  PhraseList absence_[7];
  PhraseList came_[2];  // substitute_phrases.txt's after and before phrases
  std::set<std::string> roles_;  // folded
  PhraseList leadin_;
  std::set<std::string> name_stopwords_;        // folded
  std::vector<std::string> name_stop_endings_;  // folded
  std::set<std::string> name_particles_;
  std::set<std::string> name_abbreviations_;
  lang::WordList clock_;  // function_words.txt `clock`: "kl."
};

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_LEXICON_ATTENDANCE_H_
