// Internals of the figure pass, shared by its files:
//
//   tokens.cc   sentence text -> Tokens (numbers, words, punctuation, codes)
//   lexicon.cc  rules/figures_*.txt + ICU spellout -> the word tables
//   number.cc   Danish numbers (shape rules, ICU RBNF) and quantities: amounts,
//               percentages, percentage points, counts, durations, years
//   dates.cc    dates, periods and times
//   figures.cc  the pass over all sentences, the filters, ExtractFigures
//   targets.cc  targets, built on the figures of each statement
//
// One pass: each sentence is tokenized once, and at each token the Scanner
// tries a date, a time and a quantity, in that order, taking the first that
// matches and going on after it. Word look-ups are hash-table look-ups on the
// lower-cased word, so the cost is linear in the text.
#ifndef REFERAT_FIGURES_SCANNER_H_
#define REFERAT_FIGURES_SCANNER_H_

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lang/dates.h"
#include "lang/text.h"
#include "referat/document.h"
#include "referat/record.h"
#include "rules/rulebook.h"
#include "segment/segmenter.h"

namespace referat::figures {

// A calendar day; year, month or day 0 when not given.
struct Ymd {
  int y = 0, m = 0, d = 0;
};

// ---------------------------------------------------------------- tokens.cc

enum class TokKind : uint8_t {
  kNumber,  // digits with inner separators: "2.669", "14,8", "24.10.2017", "9-29", "2½"
  kWord,    // letters (and inner '-', '.', digits): "kr.", "t.kr.", "IGU-forløbet", "LÆ265"
  kPunct,   // one code point: "%", "§", "-", "–", "(", ":", ...
  kCode,    // a number glued to letters or '_': "00.01.00-A00-1-17", "18-årige", "24_10"
};

struct Token {
  TokKind kind = TokKind::kPunct;
  bool space_before = false;  // whitespace or the sentence start before it
  bool dot_after = false;     // kWord: a '.' follows at once (kept in `key`, not in [start,end))
  bool upper = false;         // kWord: the first letter is upper case
  bool all_upper = false;     // kWord: two or more letters, all upper case
  bool has_digit = false;     // kWord: contains digits ("LÆ265", "Q3")
  char32_t cp = 0;            // kPunct: the code point
  size_t start = 0;           // byte offsets into Document::text
  size_t end = 0;
  uint8_t cls = 0;            // kWord: WordClass bits, set by Lexicon::Classify (0 before)
  std::string key;  // kWord: lower case, plus "." when dot_after; kNumber: the digits as written
  // End offset including the abbreviation dot.
  size_t dot_end() const { return end + (dot_after ? 1 : 0); }
  // The key without the trailing dot.
  std::string_view bare_key() const {
    return dot_after ? std::string_view(key).substr(0, key.size() - 1) : std::string_view(key);
  }
  bool IsPunct(char32_t c) const { return kind == TokKind::kPunct && cp == c; }
  bool IsWord(std::string_view w) const {
    return kind == TokKind::kWord && (key == w || bare_key() == w);
  }
  // IsWord() for any word of `words` (a WordSet, below).
  template <typename Set>
  bool IsWordIn(const Set& words) const {
    return kind == TokKind::kWord && (words.count(key) || words.count(bare_key()));
  }
};

// Tokenizes text[start, end) (one sentence), appending to *out.
struct Lexicon;
void Tokenize(const Lexicon& lex, std::string_view text, size_t start, size_t end, std::vector<Token>* out);

// True for '-', en dash and em dash.
inline bool IsDash(const Token& t) {
  return t.kind == TokKind::kPunct && (t.cp == '-' || t.cp == 0x2013 || t.cp == 0x2014);
}

// --------------------------------------------------------------- lexicon.cc

// kMeasure: a physical unit ("t", "kt": factor and the unit written, "t"),
// read only before a kGas word ("CO2e": its name), giving "t CO2e".
enum class UnitKind : uint8_t { kCurrency, kScale, kScaleCurrency, kPercent, kPoints, kDuration, kMeasure, kGas };
struct UnitEntry {
  UnitKind kind = UnitKind::kCurrency;
  double factor = 1;
  std::string name;  // ISO currency code or duration unit ("months")
};

enum class PrefixRole : uint8_t { kApprox, kMinus, kBetween };
enum class CountRole : uint8_t { kStop, kModifier, kNoun, kPartitive, kDeterminer, kLabel };
enum class DateWordRole : uint8_t {
  kEnd,
  kStart,
  kMiddle,
  kSpring,
  kSummer,
  kAutumn,
  kQuarter,
  kHalf
};
struct DateWord {
  DateWordRole role = DateWordRole::kEnd;
  std::string second;  // the second word of a two-word phrase ("af"), else empty
};

enum class TargetPhraseKind : uint8_t { kTrigger, kWeak, kModal, kDirection, kDeadline, kBaseline, kCompare, kMet };
struct TargetPhrase {
  std::vector<std::string> words;  // lower case
  TargetPhraseKind kind = TargetPhraseKind::kTrigger;
  std::string direction;  // increase, decrease, reach, maintain, or empty
};

// What a word can be to the figure pass, found with one look-up per word
// token (Lexicon::Classify) instead of one per table.
enum WordClass : uint8_t {
  kStarterWord = 1,  // can start a date, time or quantity (Lexicon::starters)
  kLeadinWord = 2,   // a target lead-in ("målsætning", "resultatmål*"), by the bare key
  kPhraseWord = 4,   // the first word of a target phrase, by the bare key
};

// Hash tables keyed by words that are looked up with a string_view (a
// token's key or bare key) without building a std::string for it.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <class V>
using WordMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

// The word tables of the figure pass. Built once per Rulebook and then only
// read, so one Lexicon is shared by all threads.
struct Lexicon {
  WordMap<UnitEntry> units;
  WordMap<PrefixRole> prefixes;
  WordSet rate_words;  // "pr.": a round number after it is a rate's base
  WordSet references;
  WordSet reference_labels;  // "delmål": a year after it stays a year
  std::vector<std::string> reference_suffixes;  // "vej", "gade"
  WordMap<CountRole> count_words;
  std::vector<std::string> modifier_suffixes;            // "ske", "ende"
  std::vector<std::string> genitive_suffixes;            // "ens": an owner, never the counted noun
  WordMap<DateWord> date_words;  // keyed by the first word
  WordMap<int> months;           // "marts", "mar.", "mar" -> 3
  WordMap<int> weekdays;         // "tirsdag" -> 2 (Monday is 1)
  WordSet number_words;          // spelled-out cardinals
  WordMap<int> cardinal_values;  // one-word cardinals: "femogtyve" -> 25
  WordMap<int> ordinal_words;    // "tredje" -> 3 (1..31)
  // The small word classes of figures_words.txt, by class (what each is
  // for is said there).
  WordSet and_words, or_words, range_words, from_words, clock_words, hundreds_words, articles,
      glued_units, metric_edges, level_leads, in_words, that_words, of_words, date_leads, point_words;
  // Every word that can start a date, time or quantity: one look-up lets the
  // scanner pass over all other words.
  WordSet starters;

  // Targets (targets_*.txt).
  WordSet leadins;                           // whole words
  std::vector<std::string> leadin_prefixes;  // "resultatmål" from "resultatmål*"
  std::vector<TargetPhrase> target_phrases;  // longest first
  // Indices into target_phrases by first word.
  WordMap<std::vector<size_t>> target_phrase_index;

  // Looks a word token up in `units`: with its dot first ("kr."), then
  // without ("kr"). *used_dot says whether the dot belongs to the unit.
  const UnitEntry* Unit(const Token& t, bool* used_dot) const;
  std::optional<PrefixRole> Prefix(const Token& t, bool* used_dot) const;
  std::optional<CountRole> Count(const Token& t) const;
  int Month(const Token& t, bool* used_dot) const;  // 0 if none
  bool IsReference(const Token& t) const;
  bool IsReferenceLabel(const Token& t) const;
  bool HasModifierSuffix(std::string_view key) const;
  bool HasGenitiveSuffix(std::string_view key) const;
  bool IsLeadin(std::string_view key) const;
  bool IsStarter(const Token& t) const {
    return starters.count(t.key) || (t.dot_after && starters.count(t.bare_key()));
  }
  // Sets Token::cls of every word token: the same answers as IsStarter(t),
  // IsLeadin(t.bare_key()) and target_phrase_index.count(t.bare_key()), from
  // one look-up in `classes` (two for a word with a dot after it).
  void Classify(std::vector<Token>* toks) const;
  // word -> WordClass bits: kStarterWord for every starter, kLeadinWord and
  // kPhraseWord as listed (the lead-in prefixes are checked in Classify).
  WordMap<uint8_t> classes;
  // Says "not in `classes`" for most words without hashing them: one bit per
  // ClassSlot (length, first two and last byte) of every key of `classes`.
  // Most word tokens of a text are in no class, and the hash look-up was
  // the figure pass's largest single cost.
  std::bitset<1 << 16> class_slots;
  // One bit per first two bytes of the lead-in prefixes.
  std::bitset<1 << 16> leadin_prefix_starts;
  static size_t ClassSlot(std::string_view k) {
    const auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(k[i])); };
    uint32_t h = static_cast<uint32_t>(k.size()) * 0x9E3779B1u;
    if (!k.empty()) h ^= b(0) * 0x85EBCA77u ^ b(k.size() - 1) * 0xC2B2AE3Du;
    if (k.size() > 1) h ^= b(1) * 0x27D4EB2Fu;
    return (h ^ (h >> 15)) & 0xFFFF;
  }
  static size_t PrefixStart(std::string_view k) {
    return k.size() < 2 ? 0 : (static_cast<unsigned char>(k[0]) << 8) | static_cast<unsigned char>(k[1]);
  }
};

// The lexicon for `rules`. For the process-wide Rules() it is built once and
// cached; for any other Rulebook (tests) it is built on every call, since a
// Rulebook has no identity that outlives it.
std::shared_ptr<const Lexicon> LexiconFor(const Rulebook& rules);

// ---------------------------------------------------------------- number.cc

// Reads a number written the Danish way: "2669", "2.669", "1.500.000,50",
// "14,8", "2½". Thousands groups must have three digits. Returns nullopt for
// anything else; *english is set when the text is clearly an English-style
// number ("1,500,000.50", "1,500,000"), which must not be read as 1.5.
// The shape decides; the value is then read by std::from_chars (no locale,
// no per-thread parser to build).
std::optional<double> ParseDanishNumber(std::string_view s, bool* english = nullptr);

// Reads spelled-out Danish cardinals with ICU's RBNF spellout rules
// ("to", "fjorten", "fem tusinde", "to hundrede og femogtyve"). The whole
// text must be consumed. One RBNF object per thread.
std::optional<double> ParseSpelledNumber(std::string_view s);

// The shape of a number token's text: its digit groups and separators.
struct NumShape {
  std::vector<std::string_view> groups;  // digit runs
  std::vector<char32_t> seps;  // separators between them ('.', ',', '-', 0x2013, '/', ':')
  double frac = 0;             // a trailing ¼, ½ or ¾ (0.25, 0.5, 0.75), else 0
  size_t frac_at = std::string_view::npos;  // where the fraction (and its space) starts
  bool Is(std::initializer_list<char32_t> pattern) const;
  int Int(size_t i) const;  // the value of groups[i] (< 10 digits)
};
NumShape ShapeOf(std::string_view s);

// ----------------------------------------------------------- shared results

// One figure found in a sentence, before the filters. Offsets are absolute.
struct Found {
  std::string type;
  size_t tb = 0, te = 0;      // tokens [tb, te)
  size_t start = 0, end = 0;  // bytes
  std::optional<double> value, min, max;
  std::optional<std::string> unit, date, date_end;
  bool bare = false;  // a plain number: no unit, noun, scale or prefix
  double scale = 1;   // the factor of a scale word read ("mio." 1000000), else 1
  bool drop = false;  // removed by a filter
};

using lang::DaysFromCivil;
using lang::DaysInMonth;
using lang::IsoDate;

// The scanner over one sentence's tokens. Not thread-safe; one per call.
class Scanner {
 public:
  // meeting: resolves dates written without a year (y == 0 when unknown).
  Scanner(const Lexicon& lex, std::string_view text, Ymd meeting)
      : lex_(lex), text_(text), meeting_(meeting) {}

  // Finds the figures in text[start, end), appending to *out.
  void Scan(size_t start, size_t end, std::vector<Found>* out);
  const std::vector<Token>& tokens() const { return toks_; }

  // English-style numbers seen ("1,500,000.50"): their byte ranges.
  const std::vector<std::pair<size_t, size_t>>& english_numbers() const { return english_; }

 private:
  // dates.cc
  bool TryDate(size_t i, Found* f);
  bool TryTime(size_t i, Found* f);
  // Parses one date or period (no ranges) at i: sets *from, *to (equal for a
  // day), *period and *next (the token after it).
  bool SimpleDate(size_t i, Ymd* from, Ymd* to, bool* period, size_t* next);
  bool DayMonth(size_t i, Ymd* out, size_t* next);
  bool MonthYear(size_t i, Ymd* from, Ymd* to, size_t* next);
  bool Year(size_t i, int* y) const;
  // A four-digit year after a date's day and month, from lang::kFirstYear.
  bool FullDateYear(size_t i, int* y) const;
  bool ClockTime(size_t i, double* hours) const;
  bool CommaClock(size_t i, double* hours) const;
  bool ShortYearFollows(size_t i) const;
  // The year for a day and month written without one: of the years around
  // the meeting's, the one that puts the day nearest the meeting, among
  // those that fit a written weekday (1 = Monday .. 7) when there is one.
  int ResolveYear(int m, int d, int weekday) const;
  // A written year of `digits` digits as a full year (lang::FullYear).
  int FullYear(int yy, size_t digits) const;

  // number.cc
  bool TryQuantity(size_t i, Found* f);
  // Reads a number (digits or spelled-out words) at i.
  bool NumberAt(size_t i, double* value, double* max, bool* range, bool* spelled, size_t* next);
  // The counted noun after token i, or -1.
  long CountedNoun(size_t i) const;
  bool NounCandidate(size_t i) const;
  bool ModifierLike(size_t i) const;

  const Token& T(size_t i) const { return toks_[i]; }
  bool Has(size_t i) const { return i < toks_.size(); }
  std::string_view Text(size_t a, size_t b) const { return text_.substr(a, b - a); }

  const Lexicon& lex_;
  std::string_view text_;
  Ymd meeting_;
  std::vector<Token> toks_;
  size_t end_byte_ = 0;  // set by the date parsers: where the last one ended
  int weekday_ = 0;      // set by SimpleDate: the weekday written (1-7), else 0
  std::vector<std::pair<size_t, size_t>> english_;
};

// --------------------------------------------------------------- targets.cc

// Finds the target statements and fills record->targets. It is fed every
// sentence's tokens during the figure pass (so the text is tokenized once)
// and builds the targets at the end, from the figures already in *record.
class TargetFinder {
 public:
  TargetFinder(const Document& doc, const Segmentation& seg, const Lexicon& lex, int meeting_year);
  // REQUIRES: sentences in order; toks are the sentence's tokens.
  void OnSentence(size_t sentence, const std::vector<Token>& toks);
  // Appends the targets to record->targets. REQUIRES: record->figures filled.
  void Finish(Record* record);

 private:
  bool LevelFollows(const std::vector<Token>& toks, size_t i) const;
  struct Flags {
    bool leadin = false;   // holds a lead-in word
    bool trigger = false;  // holds a trigger phrase, or a weak one and a modal
    bool label = false;    // starts "Målsætning 1"
    bool modal = false;    // holds a modal verb ("skal", "bør")
    size_t cut = 0;        // where the statement ends, if before the sentence's end
  };
  const Document& doc_;
  const Segmentation& seg_;
  const Lexicon& lex_;
  int meeting_year_;
  std::vector<Flags> flags_;  // per sentence
};

}  // namespace referat::figures

#endif  // REFERAT_FIGURES_SCANNER_H_
