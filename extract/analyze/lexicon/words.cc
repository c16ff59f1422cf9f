#include "analyze/lexicon/words.h"

#include <algorithm>

#include "lang/text.h"

namespace referat::analyze {

Words::Words(const Rulebook& rules) {
  auto words = [&](std::string_view tag) { return lang::WordList(rules, "function_words", tag); };
  and_ = words("and");
  or_ = words("or");
  also = words("also");
  open_end = words("open_end");
  vote_count = words("vote_count");
  vote_tail = words("vote_tail");
  vote_lead = words("vote_lead");
  vote_reason = words("vote_reason");
  vote_group = words("vote_group");
  dissent_lead = words("dissent_lead");
  none = words("none");
  no_attachments = words("no_attachments");
  negation = words("negation");
  not_by = words("not_by");
  party = words("party");
  meeting = words("meeting");
  meeting_in = words("meeting_in");
  place_lead = words("place_lead");
  in_ = words("in");
  room = words("room");
  town_hall = words("town_hall");
  navigation = words("navigation");
  period_from = words("period_from");
  matters_lead = words("matters_lead");
  agenda_lead = words("agenda_lead");
  ditto = words("ditto");
  all_present = words("all_present");
  except_ = words("except");
  for (const auto& e : all_present.entries()) {
    const std::string first = e.substr(0, e.find(' '));
    for (const std::string& w : {first, lang::UpperFirst(first)})
      if (std::find(all_present_first.begin(), all_present_first.end(), w) == all_present_first.end())
        all_present_first.push_back(w);
  }
  clock = words("clock");
  item_scope = words("item_scope");
  conclusion = words("conclusion");
  clause_ref = words("clause_ref");
  that = words("that");
  for (const auto& w : words("date_lead").entries()) {
    date_leads.push_back(w + " ");
    if (w.size() > 1 && w.back() == '.') date_leads.push_back(w);
  }
  for (const auto& w : and_.entries()) name_separators.push_back(" " + w + " ");
  for (const auto& w : also.entries()) name_separators.push_back(" " + w + " ");
  name_separators.push_back(" & ");
  for (const auto& w : or_.entries()) name_separators.push_back(" " + w + " ");
  std::string open_closed_words, closed_words;
  for (const auto& row : rules.Table("public_markers"))
    if (row.size() >= 3 && row[1] == "word") {
      open_closed_words += row[2] + "\n";
      if (row[0] == "closed") closed_words += row[2] + "\n";
    }
  open_closed = lang::WordList(Rulebook::FromTexts({{"w", open_closed_words}}), "w");
  closed = lang::WordList(Rulebook::FromTexts({{"w", closed_words}}), "w");
}

}  // namespace referat::analyze
