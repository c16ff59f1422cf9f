// An agenda item's decision: the verbatim text after "Beslutning", its
// category (rules/decision_phrases.txt), and what the decision records
// besides: absentees ("Mariann Nørgaard var fraværende.", "Afbud: …"), votes,
// dissents ("… tog forbehold") and referrals ("… oversendelse til behandling
// i Magistraten den 06.11.17 og i byrådet den 13.11.17.").
#ifndef REFERAT_ANALYZE_DECISION_H_
#define REFERAT_ANALYZE_DECISION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/context.h"
#include "analyze/sections.h"
#include "referat/record.h"

namespace referat::analyze {

struct DecisionParts {
  std::optional<Decision> decision;
  std::vector<std::string> absent;
  std::optional<Votes> votes;
  std::vector<Dissent> dissents;
  std::vector<Referral> referrals;
};

// Reads a decision section. `default_year` completes dates without a year
// (the meeting's year; 0 when unknown). Warns unknown_decision_phrase and
// mixed_decision.
// `rec`, when given, is the item's recommendation: a decision of unknown
// wording under a recommendation that only takes a matter to notice is
// noted (see ParseDecision).
DecisionParts ParseDecision(const Context& ctx, const SectionDraft& section, int default_year,
                            const Recommendation* rec = nullptr);

// True when `sentence` is an absence note; the names it gives are appended
// (repeats included; see DedupeNames).
bool AbsenceNote(const Lexicon& lex, std::string_view sentence, std::vector<std::string>* names);
// True when `sentence` names a substitute who came in a member's place
// ("Istedet mødte Michael Olsen.", "X deltog i stedet for Y"); the
// substitutes' names are appended.
bool SubstituteNote(const Lexicon& lex, std::string_view sentence, std::vector<std::string>* names);
// A list of names ended by a substitute's clause after a dash, comma or
// semicolon ("Evan Lynnerup (V) - Marianne Kiærulff (V) mødte som
// stedfortræder."): the list's length without the clause, the
// substitutes appended to `came`; or npos.
size_t ListBeforeSubstitute(const Lexicon& lex, std::string_view list, std::vector<std::string>* came);
// Removes repeated names, keeping the first of each. O(n log n).
void DedupeNames(std::vector<std::string>* names);

// The category of a decision text, merging numbered parts ("1. Godkendt.
// 2. Godkendt med den ændring, at …"). `mixed` is set when the parts'
// categories cannot be merged (the result is then the first part's);
// `part_categories`, when given, receives each part's category.
std::string CategorizeDecision(const Lexicon& lex, std::string_view text, bool* mixed,
                               std::vector<std::string>* part_categories = nullptr);

// Votes, dissents and referrals in one sentence (a byte range of the
// document text). Exposed for tests. `tally`, when given, receives two
// stated counts whose sides the decision's verb decides ("tiltrådt med 34
// stemmer imod 15": the count before the phrase first).
void ReadVotes(const Context& ctx, size_t start, size_t end, std::optional<Votes>* votes,
               std::optional<std::pair<int, int>>* tally = nullptr);
void ReadDissent(const Context& ctx, size_t start, size_t end, std::vector<Dissent>* out);
void ReadReferrals(const Context& ctx, size_t start, size_t end, int default_year,
                   std::vector<Referral>* out);

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_DECISION_H_
