// The word tables of the figure pass, from rules/figures_*.txt,
// rules/targets_*.txt, rules/months.txt and rules/weekdays.txt, plus the
// spelled-out Danish numbers ICU's spellout rules produce.
#include <unicode/rbnf.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "figures/scanner.h"

namespace referat::figures {
namespace {

const icu::Locale& Danish() {
  static const icu::Locale* da = new icu::Locale("da");
  return *da;
}

// A rule word as the tokenizer keys the text's words (lang::AppendFolded).
std::string Lower(std::string_view s) { return lang::FoldCase(s); }

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Adds the words ICU's Danish spellout rules write for `n` in `ruleset`
// (soft hyphens removed) to *words, or maps them to n in *ordinals; a
// one-word cardinal is also mapped to n in *cardinals.
void AddSpellout(icu::RuleBasedNumberFormat& rbnf, int64_t n, const icu::UnicodeString& ruleset,
                 WordSet* words, WordMap<int>* ordinals, WordMap<int>* cardinals = nullptr) {
  icu::UnicodeString out;
  icu::FieldPosition fp;
  UErrorCode err = U_ZERO_ERROR;
  rbnf.format(n, ruleset, out, fp, err);
  if (U_FAILURE(err)) return;
  static const icu::UnicodeString kSoftHyphen(static_cast<UChar>(0xAD));
  out.findAndReplace(kSoftHyphen, icu::UnicodeString());
  std::string utf8;
  out.toUTF8String(utf8);
  utf8 = Lower(utf8);
  if (ordinals) {
    if (utf8.find(' ') == std::string::npos) ordinals->emplace(utf8, static_cast<int>(n));
    return;
  }
  if (cardinals && utf8.find(' ') == std::string::npos) cardinals->emplace(utf8, static_cast<int>(n));
  for (auto& w : SplitSpaces(utf8)) words->insert(w);
}

std::unique_ptr<Lexicon> Build(const Rulebook& rules) {
  auto lex = std::make_unique<Lexicon>();
  {
    const std::pair<const char*, WordSet*> kClasses[] = {
        {"and", &lex->and_words},         {"or", &lex->or_words},
        {"range", &lex->range_words},     {"from", &lex->from_words},
        {"clock", &lex->clock_words},     {"hundreds", &lex->hundreds_words},
        {"article", &lex->articles},      {"glued_unit", &lex->glued_units},
        {"metric_edge", &lex->metric_edges}, {"level_lead", &lex->level_leads},
        {"in", &lex->in_words},           {"that", &lex->that_words},
        {"of", &lex->of_words},           {"date_lead", &lex->date_leads},
        {"point", &lex->point_words}};
    for (const auto& row : rules.Table("figures_words"))
      if (row.size() >= 2)
        for (const auto& [tag, set] : kClasses)
          if (row[1] == tag) set->insert(Lower(row[0]));
  }
  for (const auto& row : rules.Table("figures_units")) {
    if (row.size() < 2) continue;
    UnitEntry e;
    const std::string& kind = row[1];
    if (kind == "currency") {
      e.kind = UnitKind::kCurrency;
      if (row.size() > 2) e.name = row[2];
    } else if (kind == "scale" && row.size() > 2) {
      e.kind = UnitKind::kScale;
      e.factor = std::strtod(row[2].c_str(), nullptr);
    } else if (kind == "scale_currency" && row.size() > 2) {
      e.kind = UnitKind::kScaleCurrency;
      auto parts = SplitSpaces(row[2]);
      e.factor = std::strtod(parts.empty() ? "1" : parts[0].c_str(), nullptr);
      e.name = parts.size() > 1 ? parts[1] : "DKK";
    } else if (kind == "percent") {
      e.kind = UnitKind::kPercent;
    } else if (kind == "points") {
      e.kind = UnitKind::kPoints;
    } else if (kind == "duration" && row.size() > 2) {
      e.kind = UnitKind::kDuration;
      e.name = row[2];
    } else if (kind == "measure" && row.size() > 2) {
      e.kind = UnitKind::kMeasure;
      auto parts = SplitSpaces(row[2]);
      if (parts.size() < 2) continue;
      e.factor = std::strtod(parts[0].c_str(), nullptr);
      e.name = parts[1];
    } else if (kind == "gas" && row.size() > 2) {
      e.kind = UnitKind::kGas;
      e.name = row[2];
    } else {
      continue;
    }
    lex->units.emplace(Lower(row[0]), e);
  }
  for (const auto& row : rules.Table("figures_prefixes")) {
    if (row.size() < 2) continue;
    PrefixRole r;
    if (row[1] == "approx")
      r = PrefixRole::kApprox;
    else if (row[1] == "minus")
      r = PrefixRole::kMinus;
    else if (row[1] == "between")
      r = PrefixRole::kBetween;
    else if (row[1] == "rate") {
      lex->rate_words.insert(Lower(row[0]));
      continue;
    } else
      continue;
    lex->prefixes.emplace(Lower(row[0]), r);
  }
  for (const auto& row : rules.Table("figures_reference_words")) {
    if (row.empty()) continue;
    const std::string& w = row[0];
    if (w.size() > 1 && w[0] == '-') {
      lex->reference_suffixes.push_back(Lower(w.substr(1)));
      continue;
    }
    lex->references.insert(Lower(w));
    if (row.size() > 1 && row[1] == "label") lex->reference_labels.insert(Lower(w));
  }
  for (const auto& row : rules.Table("figures_count_words")) {
    if (row.size() < 2) continue;
    CountRole r;
    if (row[1] == "stop")
      r = CountRole::kStop;
    else if (row[1] == "modifier")
      r = CountRole::kModifier;
    else if (row[1] == "noun")
      r = CountRole::kNoun;
    else if (row[1] == "partitive")
      r = CountRole::kPartitive;
    else if (row[1] == "determiner")
      r = CountRole::kDeterminer;
    else if (row[1] == "label")
      r = CountRole::kLabel;
    else if (row[1] == "genitive")
      r = CountRole::kModifier;  // suffixes only
    else
      continue;
    if (row[0].size() > 1 && row[0][0] == '-') {
      // A genitive suffix is a modifier suffix too: "to af kommunens plejecentre".
      if (r == CountRole::kModifier) lex->modifier_suffixes.push_back(Lower(row[0].substr(1)));
      if (row[1] == "genitive") lex->genitive_suffixes.push_back(Lower(row[0].substr(1)));
      continue;
    }
    lex->count_words.emplace(Lower(row[0]), r);
  }
  for (const auto& row : rules.Table("figures_date_words")) {
    if (row.size() < 2) continue;
    static const std::pair<const char*, DateWordRole> kRoles[] = {
        {"end", DateWordRole::kEnd},         {"start", DateWordRole::kStart},
        {"middle", DateWordRole::kMiddle},   {"spring", DateWordRole::kSpring},
        {"summer", DateWordRole::kSummer},   {"autumn", DateWordRole::kAutumn},
        {"quarter", DateWordRole::kQuarter}, {"half", DateWordRole::kHalf}};
    auto words = SplitSpaces(Lower(row[0]));
    if (words.empty() || words.size() > 2) continue;
    for (const auto& [name, role] : kRoles) {
      if (row[1] != name) continue;
      DateWord w;
      w.role = role;
      if (words.size() == 2) w.second = words[1];
      lex->date_words.emplace(words[0], w);
    }
  }
  const lang::MonthNames month_names(rules);
  for (const auto& [form, m] : month_names.forms()) lex->months.emplace(form, m);
  // weekdays.txt lists Monday first.
  int weekday = 0;
  for (const auto& line : rules.Lines("weekdays")) lex->weekdays.emplace(Lower(line), ++weekday);

  // Spelled-out numbers: the words ICU's Danish spellout rules write.
  UErrorCode err = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat rbnf(icu::URBNF_SPELLOUT, Danish(), err);
  if (U_SUCCESS(err)) {
    for (const char* name : {"%spellout-cardinal-common", "%spellout-cardinal-neuter"}) {
      const icu::UnicodeString rs(name, -1, US_INV);
      for (int64_t n = 1; n < 100; ++n)
        AddSpellout(rbnf, n, rs, &lex->number_words, nullptr, &lex->cardinal_values);
      for (int64_t n : {int64_t{100}, int64_t{200}, int64_t{1000}, int64_t{2000}, int64_t{1000000},
                        int64_t{2000000}, int64_t{1000000000}, int64_t{2000000000}})
        AddSpellout(rbnf, n, rs, &lex->number_words, nullptr);
    }
    for (const char* name : {"%spellout-ordinal-common", "%spellout-ordinal-neuter"}) {
      const icu::UnicodeString rs(name, -1, US_INV);
      for (int64_t n = 1; n <= 31; ++n) AddSpellout(rbnf, n, rs, nullptr, &lex->ordinal_words);
    }
  }
  for (const auto& row : rules.Table("figures_ordinal_words")) {
    if (row.size() < 2) continue;
    int v = std::atoi(row[1].c_str());
    if (v >= 1 && v <= 31) lex->ordinal_words[Lower(row[0])] = v;
  }

  // Words that can start something the scanner reads.
  auto& st = lex->starters;
  for (const auto& w : lex->weekdays) st.insert(w.first);
  for (const auto& [w, m] : lex->months) st.insert(w);
  for (const auto& [w, v] : lex->ordinal_words) st.insert(w);
  for (const auto& [w, d] : lex->date_words) st.insert(w);
  for (const auto& [w, r] : lex->prefixes) st.insert(w);
  for (const auto& w : lex->number_words) st.insert(w);
  for (const auto& [w, u] : lex->units)
    if (u.kind == UnitKind::kCurrency) st.insert(w);
  for (const auto& w : lex->clock_words) st.insert(w);
  for (const char* w : {"q1", "q2", "q3", "q4"}) st.insert(w);

  // Targets.
  for (const auto& line : rules.Lines("targets_leadins")) {
    std::string w = Lower(line);
    if (!w.empty() && w.back() == '*')
      lex->leadin_prefixes.push_back(w.substr(0, w.size() - 1));
    else
      lex->leadins.insert(w);
  }
  for (const auto& row : rules.Table("targets_phrases")) {
    if (row.size() < 2) continue;
    TargetPhrase p;
    p.words = SplitSpaces(Lower(row[0]));
    if (p.words.empty()) continue;
    if (row[1] == "trigger")
      p.kind = TargetPhraseKind::kTrigger;
    else if (row[1] == "weak")
      p.kind = TargetPhraseKind::kWeak;
    else if (row[1] == "modal")
      p.kind = TargetPhraseKind::kModal;
    else if (row[1] == "direction")
      p.kind = TargetPhraseKind::kDirection;
    else if (row[1] == "deadline")
      p.kind = TargetPhraseKind::kDeadline;
    else if (row[1] == "baseline")
      p.kind = TargetPhraseKind::kBaseline;
    else if (row[1] == "compare")
      p.kind = TargetPhraseKind::kCompare;
    else if (row[1] == "met")
      p.kind = TargetPhraseKind::kMet;
    else
      continue;
    if (row.size() > 2 && row[2] != "-") p.direction = row[2];
    lex->target_phrases.push_back(std::move(p));
  }
  std::stable_sort(
      lex->target_phrases.begin(), lex->target_phrases.end(),
      [](const TargetPhrase& a, const TargetPhrase& b) { return a.words.size() > b.words.size(); });
  for (size_t k = 0; k < lex->target_phrases.size(); ++k)
    lex->target_phrase_index[lex->target_phrases[k].words[0]].push_back(k);

  for (const auto& w : lex->starters) lex->classes[w] |= kStarterWord;
  for (const auto& w : lex->leadins) lex->classes[w] |= kLeadinWord;
  for (const auto& [w, v] : lex->target_phrase_index) lex->classes[w] |= kPhraseWord;
  for (const auto& [w, v] : lex->classes) lex->class_slots.set(Lexicon::ClassSlot(w));
  for (const auto& p : lex->leadin_prefixes) {
    if (p.size() < 2)
      lex->leadin_prefix_starts.set();  // a one-byte prefix: any start may match
    else
      lex->leadin_prefix_starts.set(Lexicon::PrefixStart(p));
  }
  return lex;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

const UnitEntry* Lexicon::Unit(const Token& t, bool* used_dot) const {
  if (t.kind == TokKind::kPunct) {
    *used_dot = false;
    std::string k;
    if (t.cp == '%')
      k = "%";
    else if (t.cp == 0x20AC)
      k = "\xE2\x82\xAC";
    else
      return nullptr;
    auto it = units.find(k);
    return it == units.end() ? nullptr : &it->second;
  }
  if (t.kind != TokKind::kWord) return nullptr;
  if (t.dot_after) {
    auto it = units.find(t.key);
    if (it != units.end()) {
      *used_dot = true;
      return &it->second;
    }
  }
  auto it = units.find(t.bare_key());
  *used_dot = false;
  return it == units.end() ? nullptr : &it->second;
}

std::optional<PrefixRole> Lexicon::Prefix(const Token& t, bool* used_dot) const {
  if (t.kind != TokKind::kWord) return std::nullopt;
  if (t.dot_after) {
    auto it = prefixes.find(t.key);
    if (it != prefixes.end()) {
      *used_dot = true;
      return it->second;
    }
  }
  auto it = prefixes.find(t.bare_key());
  *used_dot = false;
  if (it == prefixes.end()) return std::nullopt;
  return it->second;
}

std::optional<CountRole> Lexicon::Count(const Token& t) const {
  if (t.kind != TokKind::kWord) return std::nullopt;
  auto it = count_words.find(t.key);
  if (it == count_words.end() && t.dot_after) it = count_words.find(t.bare_key());
  if (it == count_words.end()) return std::nullopt;
  return it->second;
}

int Lexicon::Month(const Token& t, bool* used_dot) const {
  if (t.kind != TokKind::kWord) return 0;
  if (t.dot_after) {
    auto it = months.find(t.key);
    if (it != months.end()) {
      *used_dot = true;
      return it->second;
    }
  }
  *used_dot = false;
  auto it = months.find(t.bare_key());
  return it == months.end() ? 0 : it->second;
}

bool Lexicon::IsReference(const Token& t) const {
  if (t.kind == TokKind::kPunct) return t.cp == 0xA7;  // §
  if (t.kind != TokKind::kWord) return false;
  if (references.count(t.key) || references.count(t.bare_key())) return true;
  if (t.upper)
    for (const auto& s : reference_suffixes)
      if (EndsWith(t.bare_key(), s) || t.bare_key() == s) return true;
  return false;
}

bool Lexicon::IsReferenceLabel(const Token& t) const {
  return t.kind == TokKind::kWord &&
         (reference_labels.count(t.key) || reference_labels.count(t.bare_key()));
}

bool Lexicon::HasModifierSuffix(std::string_view key) const {
  for (const auto& s : modifier_suffixes)
    if (EndsWith(key, s)) return true;
  return false;
}

bool Lexicon::HasGenitiveSuffix(std::string_view key) const {
  for (const auto& s : genitive_suffixes)
    if (key.size() > s.size() + 1 && EndsWith(key, s)) return true;
  return false;
}

bool Lexicon::IsLeadin(std::string_view key) const {
  if (leadins.count(key)) return true;
  for (const auto& p : leadin_prefixes)
    if (key.size() >= p.size() && key.compare(0, p.size(), p) == 0) return true;
  return false;
}

void Lexicon::Classify(std::vector<Token>* toks) const {
  for (Token& t : *toks) {
    if (t.kind != TokKind::kWord) continue;
    const auto lookup = [&](std::string_view k) -> uint8_t {
      if (!class_slots.test(ClassSlot(k))) return 0;
      auto it = classes.find(k);
      return it == classes.end() ? 0 : it->second;
    };
    uint8_t key_cls = lookup(t.key);
    uint8_t bare_cls = t.dot_after ? lookup(t.bare_key()) : key_cls;
    uint8_t c = static_cast<uint8_t>((key_cls | bare_cls) & kStarterWord);
    c |= bare_cls & (kLeadinWord | kPhraseWord);
    std::string_view k = t.bare_key();
    if (!(c & kLeadinWord) && leadin_prefix_starts.test(PrefixStart(k))) {
      for (const auto& p : leadin_prefixes)
        if (k.size() >= p.size() && k.compare(0, p.size(), p) == 0) {
          c |= kLeadinWord;
          break;
        }
    }
    t.cls = c;
  }
}

std::shared_ptr<const Lexicon> LexiconFor(const Rulebook& rules) {
  if (&rules == &Rules()) {
    static std::shared_ptr<const Lexicon> shared;
    static std::once_flag once;
    std::call_once(once, [&] { shared = Build(rules); });
    return shared;
  }
  return Build(rules);
}

}  // namespace referat::figures
