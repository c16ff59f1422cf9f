// The reference the lexicon's phrase matchers are held to: every phrase list
// of the rules compiled as an RE2 alternation (phrases quoted, \s+ between
// words, longest first, (?i)), and each matcher's question asked of RE2 the
// way the code answers it. Only tests use it: the library matches in code
// (analyze/phrases.h) and never compiles these patterns.
#ifndef REFERAT_TESTS_ANALYZE_LEXICON_ORACLE_H_
#define REFERAT_TESTS_ANALYZE_LEXICON_ORACLE_H_

#include <re2/re2.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyze/lexicon.h"
#include "rules/rulebook.h"

namespace referat::testing {

class Re2Lexicon {
 public:
  // `code` answers the questions that are no phrase list (clause
  // references, a body's decision heading).
  Re2Lexicon(const Rulebook& rules, const analyze::Lexicon& code);

  analyze::HeadingHit MatchHeading(std::string_view block) const;
  bool IsRoleLine(std::string_view line, analyze::Role role) const;
  bool MatchItemMarker(std::string_view block, std::string* number, size_t* title_start) const;
  analyze::DecisionClass ClassifyDecision(std::string_view text) const;
  bool IsDecisionSubject(std::string_view s) const;
  bool MatchAbsence(std::string_view s, size_t* names_start, size_t* names_end) const;
  size_t FindDissent(std::string_view s, size_t* len) const { return FindWord(*dissent_, s, len); }
  size_t FindRecommendationVerb(std::string_view s, size_t* len) const {
    return FindWord(*recommendation_verb_, s, len);
  }
  bool HasVote(std::string_view s) const { return RE2::PartialMatch(s, *any_vote_); }
  size_t FindReferralTrigger(std::string_view s) const {
    size_t len = 0;
    return FindWord(*referral_trigger_, s, &len);
  }
  analyze::LabelHit MatchLabel(std::string_view block, bool allow_space) const;
  std::string MatchReportLabel(std::string_view block, size_t* value_start) const;
  std::string DocumentType(std::string_view line) const;
  bool HasReportWord(std::string_view s) const { return RE2::PartialMatch(s, *report_word_); }
  bool HasLetterWord(std::string_view s) const { return RE2::PartialMatch(s, *letter_word_); }
  bool IsCaption(std::string_view line) const;
  bool IsBodyName(std::string_view line) const;
  size_t LeadinLength(std::string_view s) const;
  bool FindCouncil(std::string_view s, re2::StringPiece* town, re2::StringPiece* word) const {
    return RE2::PartialMatch(s, code_.header().council(), town, word);
  }
  bool IsCouncilAlone(std::string_view s, re2::StringPiece* town) const {
    return RE2::FullMatch(s, code_.header().council_alone(), town);
  }
  const RE2& municipality_phrase() const { return code_.header().municipality_phrase(); }
  bool MayHaveMunicipalityPhrase(std::string_view) const { return true; }

 private:
  static size_t FindWord(const RE2& re, std::string_view s, size_t* len);
  size_t SubjectLength(std::string_view s) const;

  const analyze::Lexicon& code_;
  struct HeadingRule {
    analyze::Role role;
    std::unique_ptr<RE2> exact, wildcard, inline_;
  };
  std::vector<HeadingRule> headings_;
  std::unique_ptr<RE2> item_marker_;
  std::unique_ptr<RE2> dashed_marker_;
  struct Phrase {
    std::string category;
    std::unique_ptr<RE2> re;
    int wildcards = 0;
    int order = 0;
  };
  std::vector<Phrase> phrases_;
  std::unique_ptr<RE2> subject_;
  std::vector<std::string> subject_suffixes_, negations_;
  std::unique_ptr<RE2> absence_[6];
  std::unique_ptr<RE2> any_vote_, dissent_, referral_trigger_, recommendation_verb_;
  std::unique_ptr<RE2> label_, label_space_;
  std::unique_ptr<RE2> clock_value_;  // a value opening with a clock word ("kl. 20:00")
  std::map<std::string, analyze::Field> label_fields_;
  std::unique_ptr<RE2> report_label_;
  std::unique_ptr<RE2> report_label_inline_;
  std::map<std::string, std::string> report_fields_;
  std::unique_ptr<RE2> doc_type_;
  std::map<std::string, std::string> doc_types_;
  std::unique_ptr<RE2> report_word_, letter_word_, caption_, body_name_, leadin_;
};

}  // namespace referat::testing

#endif  // REFERAT_TESTS_ANALYZE_LEXICON_ORACLE_H_
