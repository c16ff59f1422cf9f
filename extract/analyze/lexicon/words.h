// The small word classes the analyzers try in their own places
// (rules/function_words.txt, one member per class; what each class is for
// is said there), and the open/closed words of rules/public_markers.txt.
#ifndef REFERAT_ANALYZE_LEXICON_WORDS_H_
#define REFERAT_ANALYZE_LEXICON_WORDS_H_

#include <string>
#include <vector>

#include "lang/wordlist.h"
#include "rules/rulebook.h"

namespace referat::analyze {

struct Words {
  explicit Words(const Rulebook& rules);

  lang::WordList and_, or_, also, open_end, vote_count, vote_tail, vote_lead, vote_reason, vote_group, dissent_lead, none,
      no_attachments, negation, not_by, party, meeting, meeting_in, that, place_lead, in_, room, town_hall, period_from, clause_ref,
      matters_lead, agenda_lead, item_scope, conclusion, navigation, ditto, all_present, except_, clock;
  // Before a referral's date, tried in this order: "den ", "d. ", "d."
  // (date_lead; an entry ending in '.' also without the space).
  std::vector<std::string> date_leads;
  // The open/closed words of an attachment list or table row ("1 Åben
  // Notat"): rules/public_markers.txt's `word` rows.
  lang::WordList open_closed;
  lang::WordList closed;  // the `closed` ones of open_closed
  // The first words of the all_present entries, lower case and with a
  // capital first letter: a sentence opening with none of them is no such
  // note (a cheap test before folding).
  std::vector<std::string> all_present_first;
  // Between two names in a list, tried in this order: " og ", " samt ",
  // " & ", " eller " (and, also, "&", or).
  std::vector<std::string> name_separators;
};

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_LEXICON_WORDS_H_
