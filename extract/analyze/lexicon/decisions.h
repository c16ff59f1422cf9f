// Decisions, votes and recommendations: rules/decision_phrases.txt,
// vote_phrases.txt, dissent_phrases.txt, referral_phrases.txt,
// recommendation_phrases.txt, and function_words.txt's clause words.
#ifndef REFERAT_ANALYZE_LEXICON_DECISIONS_H_
#define REFERAT_ANALYZE_LEXICON_DECISIONS_H_

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyze/lexicon/detail.h"
#include "analyze/lexicon/words.h"
#include "analyze/phrases.h"

namespace referat::analyze {

struct DecisionClass {
  std::string category;  // one of the contract's categories, or "other"
  size_t phrase_end = 0; // bytes of the text covered by the phrase (0 for other)
};

class DecisionMatcher {
 public:
  DecisionMatcher(const Rulebook& rules, const Words& words);

  // The category of a decision's wording (decision_phrases.txt): the
  // longest phrase at the text's start, after any clause reference ("1.")
  // and up to three leading subjects ("Udvalget", "Økonomiudvalget");
  // an `anywhere` phrase anywhere in the text decides over it.
  DecisionClass ClassifyDecision(std::string_view text) const;

  // One phrase's match at a candidate's start: its category and rank
  // (longer `len` first, then fewer wildcards, then the earlier row).
  struct PhraseHit {
    const std::string* category = nullptr;
    int order = 0;
    int wildcards = 0;
    size_t len = 0;  // bytes of the candidate the phrase covers
  };
  using SubjectFn = std::function<size_t(std::string_view)>;
  using PhraseFn = std::function<std::optional<PhraseHit>(std::string_view)>;
  // ClassifyDecision's reading with the two engine parts given: the length
  // of a leading `subject` phrase (npos for none) and the best phrase at a
  // candidate's start (word-bounded, not negated inside a wildcard). The
  // test oracle runs the same reading with its RE2 alternations.
  DecisionClass ClassifyWith(std::string_view text, const SubjectFn& subject_length,
                             const PhraseFn& phrase_at) const;
  // True when the whole of `s` is a decision's subject: "Udvalget",
  // "Byrådet", "Et enigt udvalg", "Økonomiudvalget" (decision_phrases.txt
  // `subject` and `subject_suffix`).
  bool IsDecisionSubject(std::string_view s) const;
  // Leading clause references "1.", "1. og 2.", "1.-3.", "Ad 1:" (bytes).
  size_t ClauseRefLength(std::string_view text) const;
  // What may stand between two clause numbers of one decision ("1. og 2.").
  const RE2& clause_connector() const { return *clause_connector_; }
  // A recommendation's clause: "At …", "1. at …", "a) At …".
  const RE2& clause_start() const { return *clause_start_; }
  // A clause's list mark and the spaces after it ("1. ", "a) "), and the
  // same with at least one space.
  const RE2& clause_mark() const { return *clause_mark_; }
  const RE2& clause_mark_spaced() const { return *clause_mark_spaced_; }
  // A numbered part of a decision: its number (group 1) after the start or
  // a space, comma or semicolon ("1. Godkendt. 2. Udsat.").
  const RE2& numbered_part() const { return *numbered_part_; }
  // A case history entry's date before its body and decision ("11/08/2025 ").
  const RE2& lead_date() const { return *lead_date_; }

  // Votes (vote_phrases.txt) of side 0 for, 1 against, 2 abstained: a
  // prefix phrase and an optional colon before the list ("For stemte: A"),
  // or a suffix phrase after it ("A stemte imod").
  const RE2& vote_prefix(int side) const { return *vote_prefix_[side]; }
  const RE2& vote_suffix(int side) const { return *vote_suffix_[side]; }
  // Any side's phrase (group 1).
  const RE2& any_vote() const { return *any_vote_; }
  // True when `s` has a vote phrase (any side); what any_vote() finds.
  bool HasVote(std::string_view s) const;
  // First dissent phrase in `s`: start, or npos.
  size_t FindDissent(std::string_view s, size_t* len) const;
  // First referral phrase in `s` ("oversendes til"): start, or npos.
  size_t FindReferralTrigger(std::string_view s) const;
  // "til Økonomiudvalget": group 1 is the body referred to.
  const RE2& referral_target() const { return *referral_target_; }
  // "… indstiller, at …": the first recommending verb's start and *len, or npos.
  size_t FindRecommendationVerb(std::string_view s, size_t* len) const;

 private:
  // Bytes of a `subject` phrase at the start of `s` and the one character
  // after it (not a letter or digit), or npos.
  size_t SubjectLength(std::string_view s) const;
  // Bytes of a leading "Name Name (A) " subject, or 0.
  static size_t PersonWithPartyLength(std::string_view s);
  // Bytes of a leading "Ole Kristensen " (two to four capitalised words)
  // or "MR " (a body's initials, two to four capitals) before a word in
  // lower case, or 0.
  // None of the words is a body ("Hundige Kunstgræsbane Byrådet godkendte
  // den …" is a heading run into a report of another decision).
  size_t NamedSubjectLength(std::string_view s) const;
  std::optional<PhraseHit> PhraseAt(std::string_view c) const;
  // A negation (or with `subordinates` a "that") among the words of `s`
  // ("ikke", "at"): the sentence's verb may not be the words after them.
  bool NegatesOrSubordinates(std::string_view s, bool subordinates) const;

  const Words& words_;
  struct Phrase {
    std::string category;
    WildcardPhrase words;
    int32_t first = -1;  // words.first()
    int wildcards = 0;
    int order = 0;
  };
  std::vector<Phrase> phrases_;
  // `anywhere` rows: a folded phrase found anywhere in the decision (on word
  // boundaries) decides over the leading wording ("Tilbagesendes … med
  // bemærkning, at byrådet … har vedtaget indstillingen").
  // folded phrase parts (split at " * ": up to two words between), category
  std::vector<std::pair<std::vector<std::string>, std::string>> anywhere_;
  PhraseList subject_;
  std::vector<std::string> subject_suffixes_;
  std::vector<std::string> negations_;  // " ikke ": folded, between spaces
  LazyRE2 clause_ref_;
  LazyRE2 clause_connector_;
  LazyRE2 clause_start_;
  LazyRE2 clause_mark_, clause_mark_spaced_, numbered_part_, lead_date_;

  LazyRE2 vote_prefix_[3];
  LazyRE2 vote_suffix_[3];
  LazyRE2 any_vote_;
  PhraseList any_vote_words_;
  PhraseList dissent_;
  PhraseList referral_trigger_;
  LazyRE2 referral_target_;
  PhraseList recommendation_verb_;
};

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_LEXICON_DECISIONS_H_
