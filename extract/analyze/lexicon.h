// The rule tables (extract/rules/*.txt) compiled for the structure
// extractors, built once per Rulebook and then shared read-only by all
// threads. Each extractor asks the Lexicon; no extractor compiles a pattern
// of its own at run time.
//
// Start-up is part of every `referat extract` process, so little is done up
// front: the phrase lists are folded into PhraseLists (analyze/phrases.h)
// and matched in code; the remaining RE2 patterns compile on first use
// (LazyRE2), and most are only run when one of their phrases is there.
#ifndef REFERAT_ANALYZE_LEXICON_H_
#define REFERAT_ANALYZE_LEXICON_H_

#include <re2/re2.h>

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/phrases.h"
#include "lang/wordlist.h"
#include "rules/rulebook.h"

namespace referat::analyze {

// What a heading line means (rules/section_headings.txt).
enum class Role {
  kNone,
  kDecision,
  kRecommendation,
  kAttachments,
  kCase,
  kSection,
  kToc,
  kOpen,
  kClosed,
  kEnd,
};

struct HeadingHit {
  Role role = Role::kNone;
  size_t heading_end = 0;  // bytes of the block that form the heading (no ':')
  size_t text_start = 0;   // where text on the same line starts; == size if none
  bool markup = false;     // a heading only by the reader's markup (kHeading), not the rules
  bool wildcard = false;   // matched a "…" rule ("Beslutning …"), not a whole heading
};

// Attendance and header labels (rules/attendance_labels.txt).
enum class Field { kNone, kDate, kStart, kEnd, kLocation, kPresent, kMembers, kAbsent, kOthers, kReferent, kIgnore };

struct LabelHit {
  Field field = Field::kNone;
  size_t label_end = 0;    // bytes of the label
  size_t value_start = 0;  // where the value starts; == size if none on this line
};

// An RE2 pattern compiled on first use (std::call_once, so the Lexicon can
// be shared by threads). A process that extracts one small document uses a
// fraction of the rules' patterns; compiling all of them up front was most
// of such a process's CPU time. A pattern that does not compile (only a bug
// can make one: rule entries are quoted) matches nothing.
class LazyRE2 {
 public:
  LazyRE2() = default;
  LazyRE2(const LazyRE2&) = delete;
  LazyRE2& operator=(const LazyRE2&) = delete;
  // REQUIRES: called once, before any use, by the Lexicon's constructor.
  void Set(std::string pattern) { pattern_ = std::move(pattern); }
  const RE2& operator*() const;
  const RE2* operator->() const { return &**this; }

 private:
  std::string pattern_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

struct DecisionClass {
  std::string category;  // one of the contract's categories, or "other"
  size_t phrase_end = 0; // bytes of the text covered by the phrase (0 for other)
};

class Lexicon {
 public:
  // How the phrase lists are matched: kCode by PhraseList (the default),
  // kRe2 by RE2 alternations of the same phrases, the reference that
  // tests/analyze/lexicon_engines_test.cc holds kCode to.
  enum class Engine { kCode, kRe2 };
  explicit Lexicon(const Rulebook& rules, Engine engine = Engine::kCode);
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The Lexicon for `rules`, compiled on first use and cached (keyed by the
  // rule texts, so a test's own Rulebook gets its own). Thread-safe.
  static const Lexicon& For(const Rulebook& rules);

  // --- headings
  // A block that is a heading (whole line, or "Heading: text").
  HeadingHit MatchHeading(std::string_view block) const;
  // True when the whole `line` is one of `role`'s headings, even when it
  // ends a sentence ("Mødet hævet kl. 17.30." for kEnd).
  bool IsRoleLine(std::string_view line, Role role) const;

  // --- agenda items
  // "Punkt 5.", "Pkt. 3 - Eventuelt": number and where the title starts.
  bool MatchItemMarker(std::string_view block, std::string* number, size_t* title_start) const;
  // "5. Title", "10.1 Title" (dot required unless `loose`): number, title start.
  bool MatchNumberedLine(std::string_view block, bool loose, std::string* number,
                         size_t* title_start) const;
  // Public marker in a title: true open, false closed, nullopt none. A
  // prefix marker ("Lukket: ", "Lukket punkt - ") is no part of the title:
  // `prefix_len`, when given, receives its length with the spaces after it
  // (0 for other markers).
  std::optional<bool> TitlePublic(std::string_view title, size_t* prefix_len = nullptr) const;

  // --- case numbers
  // The first case number in `s` (at a word start), or npos.
  size_t FindCaseNumber(std::string_view s, size_t* len) const;
  // True when the whole of `s` (trimmed) is one case number.
  bool IsCaseNumber(std::string_view s) const;

  // --- decisions
  DecisionClass ClassifyDecision(std::string_view text) const;
  // True when the whole of `s` is a decision's subject: "Udvalget",
  // "Byrådet", "Et enigt udvalg", "Økonomiudvalget" (decision_phrases.txt
  // `subject` and `subject_suffix`).
  bool IsDecisionSubject(std::string_view s) const;
  // Leading clause references "1.", "1. og 2.", "1.-3.", "Ad 1:" (bytes).
  size_t ClauseRefLength(std::string_view text) const;

  // --- absence, votes, dissents, referrals
  // "Afbud: A, B" -> names part; "A og B var fraværende." -> names part;
  // "Afbud:" alone -> true with an empty names part.
  bool MatchAbsence(std::string_view s, size_t* names_start, size_t* names_end) const;
  const RE2& vote_prefix(int side) const { return *vote_prefix_[side]; }
  const RE2& vote_suffix(int side) const { return *vote_suffix_[side]; }
  const RE2& any_vote() const { return *any_vote_; }
  // True when `s` has a vote phrase (any side); what any_vote() finds.
  bool HasVote(std::string_view s) const;
  // First dissent phrase in `s`: start, or npos.
  size_t FindDissent(std::string_view s, size_t* len) const;
  // First referral phrase in `s` ("oversendes til"): start, or npos.
  size_t FindReferralTrigger(std::string_view s) const;
  const RE2& referral_target() const { return *referral_target_; }
  // "… indstiller, at …": the first recommending verb's start and *len, or npos.
  size_t FindRecommendationVerb(std::string_view s, size_t* len) const;

  // --- header
  LabelHit MatchLabel(std::string_view block, bool allow_space) const;
  // Document type of a short line ("Referat", "Åben dagsorden"): type or "".
  std::string DocumentType(std::string_view line) const;
  // Report / letter words (rules/document_types.txt).
  bool HasReportWord(std::string_view s) const;
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
  // A figure or table caption or a source note ("Figur 5.1. …", "Tabel 3 …",
  // "Kilde: …"; report_captions.txt).
  bool IsCaption(std::string_view line) const;
  bool HasLetterWord(std::string_view s) const;
  // "Aalborg Byråd" -> council text range; town via MunicipalityOf.
  const RE2& council() const { return *council_; }
  const RE2& council_alone() const { return *council_alone_; }
  // RE2::PartialMatch(s, council(), town, word), run only when `s` has
  // one of the council words ("Byråd") the pattern needs.
  bool FindCouncil(std::string_view s, re2::StringPiece* town, re2::StringPiece* word) const;
  // RE2::FullMatch(s, council_alone(), town), run only when `s` starts
  // with one of its words ("Byrådet").
  bool IsCouncilAlone(std::string_view s, re2::StringPiece* town) const;
  // False when municipality_phrase() cannot match `s`: none of its words
  // (function_words.txt's council_word; case-sensitive) is in it.
  // Always true with Engine::kRe2 (tests compare).
  bool MayHaveMunicipalityPhrase(std::string_view s) const;
  // A committee or board name as a whole line ("Beskæftigelsesudvalget",
  // "Udvalget for plan, udvikling og kultur (PUK)").
  bool IsBodyName(std::string_view line) const;
  // Official municipality for a town name ("Aalborg" -> "Aalborg Kommune").
  std::optional<std::string> MunicipalityOf(std::string_view town) const;
  const RE2& municipality_phrase() const { return *municipality_phrase_; }

  // Report cover labels (report_labels.txt): "organisation", "period" or "".
  std::string MatchReportLabel(std::string_view block, size_t* value_start) const;

  // --- dates and times (months.txt)
  const RE2& numeric_date() const { return *numeric_date_; }
  const RE2& text_date() const { return *text_date_; }
  const RE2& iso_date() const { return *iso_date_; }
  const RE2& time_range() const { return *time_range_; }
  const RE2& bare_time() const { return *bare_time_; }
  int MonthNumber(std::string_view name) const;  // 0 if unknown

  // --- names
  bool IsRoleWord(std::string_view word) const;
  // Bytes of a leading lead-in phrase ("Desuden deltager "), or 0.
  size_t LeadinLength(std::string_view s) const;
  bool IsNameStopword(std::string_view word) const;
  // A lower-case word inside a name ("van", "der", "la"): case-sensitive.
  bool IsNameParticle(std::string_view word) const { return name_particles_.count(std::string(word)) > 0; }

  // The small word classes the analyzers try in their own places
  // (rules/function_words.txt, one member per class; what each class is
  // for is said there).
  struct Words {
    lang::WordList and_, or_, also, open_end, vote_count, vote_tail, vote_lead, dissent_lead, none,
        no_attachments, negation, not_by, party, meeting, that;
    // Before a referral's date, tried in this order: "den ", "d. ", "d."
    // (date_lead; an entry ending in '.' also without the space).
    std::vector<std::string> date_leads;
    // The open/closed words of an attachment list or table row ("1 Åben
    // Notat"): rules/public_markers.txt's `word` rows, folded.
    lang::WordList open_closed;
    // Between two names in a list, tried in this order: " og ", " samt ",
    // " & ", " eller " (and, also, "&", or).
    std::vector<std::string> name_separators;
  };
  const Words& words() const { return words_; }
  // "Byrådets møde": group 1 is the body's name (a header line).
  const RE2& bodys_meeting() const { return *bodys_meeting_; }
  // "1 Åben " before an attachment's title.
  const RE2& attachment_lead() const { return *attachment_lead_; }
  // A recommendation's clause: "At …", "1. at …", "a) At …".
  const RE2& clause_start() const { return *clause_start_; }
  // What may stand between two clause numbers of one decision ("1. og 2.").
  const RE2& clause_connector() const { return *clause_connector_; }

 private:
  // A phrase list matched in code, or by its RE2 pattern when `code` is
  // false (Engine::kRe2, or a list PhraseList does not support).
  struct PhraseRule {
    PhraseList list;
    LazyRE2 re;
    bool code = false;
  };
  // Sets `r` from `phrases`; `pattern` makes the RE2 pattern, called only
  // when the pattern is needed.
  template <typename P>
  void SetRule(PhraseRule* r, std::vector<std::string> phrases, bool ellipsis, P&& pattern);
  // A phrase list that only gates an RE2 pattern: when none of its phrases
  // is where the pattern needs one, the pattern cannot match and is not run
  // (nor compiled). Off (lets everything through) with Engine::kRe2 or a
  // list PhraseList does not support.
  struct Gate {
    PhraseList list;
    bool on = false;
    bool AtStart(std::string_view s) const {
      return !on || list.Each(s, 0, [](size_t, bool) { return true; });
    }
    bool Anywhere(std::string_view s) const {
      return !on || list.Find(s, false, [](size_t, bool) { return true; });
    }
    // Right after a run of \s (a pattern's "\s+(?:ALT)"): a phrase starts
    // with a non-space, so only the ends of the runs need trying, and a
    // short line has a few, where Anywhere() tries every code point.
    bool AfterSpace(std::string_view s) const {
      if (!on) return true;
      for (size_t i = 1; i < s.size(); ++i)
        if (IsReSpace(s[i - 1]) && !IsReSpace(s[i]) &&
            list.Each(s, i, [](size_t, bool) { return true; }))
          return true;
      return false;
    }
  };
  Gate MakeGate(std::vector<std::string> phrases) const;

  Engine engine_;

  struct HeadingRule {
    Role role;
    // The three forms' patterns, when !headings_code_.
    LazyRE2 exact;
    LazyRE2 wildcard;
    LazyRE2 inline_;
  };
  // The heading forms of role headings_[tag], or with kAnyRole of the
  // first role (in headings_ order) that has one, whose index is then *k.
  static constexpr uint32_t kAnyRole = PhraseList::kAllTags;
  bool MatchExact(std::string_view t, uint32_t tag, uint32_t* k) const;
  bool MatchWildcard(std::string_view t, uint32_t tag, uint32_t* k) const;
  // Both of the above: the wildcard form ("…") or the exact one.
  bool MatchForm(std::string_view t, uint32_t tag, uint32_t* k, bool wildcard) const;
  bool MatchInline(std::string_view block, uint32_t* k, size_t* head_end,
                   size_t* rest_start) const;
  std::deque<HeadingRule> headings_;  // deque: LazyRE2 does not move
  // All roles' headings, for all three forms (whole lines are the phrases
  // without "…", whole lines with "…", and "Heading: text" all), in one
  // list: headings_[k]'s with the tag k, after those of the roles before
  // it. A text is decoded once for all roles, and the first hit is the
  // first role's. Matched in code when `headings_code_`, else by the rules'
  // patterns.
  PhraseList heading_list_;
  bool headings_code_ = false;

  size_t SubjectLength(std::string_view s) const;
  size_t FindWord(const PhraseRule& r, std::string_view s, size_t* len) const;
  bool HasWord(const PhraseRule& r, std::string_view s, bool boundary) const;
  bool MatchLabelRule(const PhraseRule& r, std::string_view block, size_t* label_end,
                      size_t* value_start) const;

  Gate item_marker_gate_;
  LazyRE2 item_marker_;
  LazyRE2 numbered_line_;
  LazyRE2 case_number_;
  LazyRE2 case_number_whole_;

  struct PublicRule {
    bool open;
    int where;  // 0 prefix, 1 suffix, 2 anywhere
    std::string folded;
  };
  std::vector<PublicRule> public_rules_;

  struct Phrase {
    std::string category;
    WildcardPhrase words;  // when `code`
    bool code = false;
    int32_t first = -1;  // words.first() when `code`, else -1 (any text)
    LazyRE2 re;
    int wildcards = 0;
    int order = 0;
  };
  std::deque<Phrase> phrases_;
  // `anywhere` rows: a folded phrase found anywhere in the decision (on word
  // boundaries) decides over the leading wording ("Tilbagesendes … med
  // bemærkning, at byrådet … har vedtaget indstillingen").
  std::vector<std::pair<std::string, std::string>> anywhere_;  // folded phrase, category
  // "<Body's> beslutning …" headings: folded body genitives and decision words.
  std::vector<std::string> genitives_, genitive_decision_words_;
  std::vector<std::string> genitive_decision_forms_;  // " beslutning", " Beslutning", " BESLUTNING"
  bool GenitiveDecision(std::string_view t) const;
  bool DatedBodyDecision(std::string_view t) const;
  PhraseRule subject_;
  std::vector<std::string> subject_suffixes_;
  LazyRE2 clause_ref_;

  // Absence notes: the prefix, prefix_bare and suffix phrases, matched in
  // code when `absence_code_`, else by the patterns.
  PhraseList absence_[3];
  bool absence_code_ = false;
  LazyRE2 absence_re_[3];
  bool AbsenceCode(std::string_view s, size_t* names_start, size_t* names_end) const;
  LazyRE2 vote_prefix_[3];
  LazyRE2 vote_suffix_[3];
  LazyRE2 any_vote_;
  PhraseRule any_vote_rule_;
  PhraseRule dissent_;
  PhraseRule referral_trigger_;
  LazyRE2 referral_target_;
  PhraseRule recommendation_verb_;

  PhraseRule label_;
  LazyRE2 label_space_;  // when !label_.code; else label_.list
  std::map<std::string, Field> label_fields_;  // folded label -> field

  PhraseRule doc_type_;
  std::map<std::string, std::string> doc_types_;  // folded phrase -> type
  PhraseRule report_word_;
  PhraseRule letter_word_;

  LazyRE2 council_;
  Gate council_gate_;  // the council words
  LazyRE2 council_alone_;
  Gate council_alone_gate_;
  // Body names: the names, suffixes and (case-sensitive) prefixes of
  // bodies.txt when `body_code_`, else the pattern.
  PhraseList body_names_, body_suffixes_, body_prefixes_;
  bool body_code_ = false;
  LazyRE2 body_name_;
  bool BodyNameCode(std::string_view line) const;
  std::map<std::string, std::string> municipalities_;  // folded town -> official
  LazyRE2 municipality_phrase_;

  PhraseRule report_label_;
  Gate caption_gate_;
  LazyRE2 caption_;
  std::map<std::string, std::string> report_fields_;  // folded label -> field

  LazyRE2 numeric_date_;
  LazyRE2 text_date_;
  LazyRE2 iso_date_;
  LazyRE2 time_range_;
  LazyRE2 bare_time_;
  std::map<std::string, int> months_;  // folded name/abbreviation -> 1..12

  std::set<std::string> roles_;  // folded
  PhraseRule leadin_;
  std::set<std::string> name_stopwords_;  // folded
  std::vector<std::string> name_stop_endings_;  // folded
  std::set<std::string> name_particles_;

  Words words_;
  std::vector<std::string> council_words_;  // for MayHaveMunicipalityPhrase
  std::vector<std::string> negations_;      // " ikke ": folded, between spaces
  LazyRE2 bodys_meeting_;
  LazyRE2 attachment_lead_;
  LazyRE2 clause_connector_;
  LazyRE2 clause_start_;
  std::vector<std::string> agenda_types_;
  std::string minutes_type_;
  LazyRE2 annual_report_, year_range_, years_;
};

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_LEXICON_H_
