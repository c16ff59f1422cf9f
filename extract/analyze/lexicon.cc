#include "analyze/lexicon.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <mutex>

#include "analyze/text_util.h"

namespace referat::analyze {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // "…"
// Letters are spelled out as Latin ranges (Basic, Latin-1, Extended-A)
// rather than \p{L}: Danish text needs no more, and a Unicode property class
// in every pattern made compiling the rules take a large part of a second.
// A word ends here: the next code point is not a letter or digit (consumed).
constexpr std::string_view kWordEnd = "(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ0-9]|$)";

std::unique_ptr<RE2> Compile(const std::string& pattern) {
  RE2::Options opt;
  opt.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, opt);
  // Rule entries are quoted, so only a bug here can make a bad pattern; an
  // unusable pattern must not take the process down: it matches nothing.
  if (!re->ok()) re = std::make_unique<RE2>("[^\\x00-\\x{10FFFF}]", opt);
  return re;
}

// A phrase as a pattern: words quoted, separated by \s+; "…" (if allowed)
// becomes `ellipsis`.
std::string PhrasePattern(std::string_view phrase, std::string_view ellipsis = {}) {
  std::string out;
  size_t pos = 0;
  bool first = true;
  while (pos < phrase.size()) {
    size_t sp = phrase.find(' ', pos);
    if (sp == std::string_view::npos) sp = phrase.size();
    std::string_view w = phrase.substr(pos, sp - pos);
    pos = sp + 1;
    if (w.empty()) continue;
    if (w == kEllipsis && !ellipsis.empty()) {
      out += ellipsis;
      first = false;
      continue;
    }
    if (!first) out += "\\s+";
    out += RE2::QuoteMeta(re2::StringPiece(w.data(), w.size()));
    first = false;
  }
  return out;
}

// Alternation of phrases, longest first so that "Pkt." beats "Pkt".
std::string Alternation(std::vector<std::string> phrases, std::string_view ellipsis = {}) {
  std::sort(phrases.begin(), phrases.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
  std::string out;
  for (const auto& p : phrases) {
    std::string pat = PhrasePattern(p, ellipsis);
    if (pat.empty()) continue;
    if (!out.empty()) out += '|';
    out += pat;
  }
  if (out.empty()) out = "[^\\x00-\\x{10FFFF}]";  // matches nothing
  return out;
}

// The rule tables, each split once (Rulebook::Table splits on every call).
class Tables {
 public:
  explicit Tables(const Rulebook& rules) : rules_(rules) {}
  const std::vector<std::vector<std::string>>& operator()(std::string_view name) {
    auto it = tables_.find(name);
    if (it == tables_.end()) it = tables_.emplace(std::string(name), rules_.Table(name)).first;
    return it->second;
  }

 private:
  const Rulebook& rules_;
  std::map<std::string, std::vector<std::vector<std::string>>, std::less<>> tables_;
};

std::vector<std::string> Column(Tables& tables, std::string_view file, std::string_view kind,
                                size_t field = 1) {
  std::vector<std::string> out;
  for (const auto& row : tables(file))
    if (row.size() > field && (kind.empty() || row[0] == kind)) out.push_back(row[field]);
  return out;
}

// The patterns' letter class and word end (see kWordEnd).
constexpr std::string_view kNotLetter = "(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]|$)";
constexpr std::string_view kLetterBefore = "(?:^|[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ])";

// "(?:[ ]*:[ \t]*|[ ]*\t[ \t]*|[ ]*$)" after a label at s[e]: where the
// value starts, or npos. The alternatives in the pattern's order; each
// repetition is greedy and never needs to give back.
size_t LabelEnd(std::string_view s, size_t e) {
  size_t q = e;
  while (q < s.size() && s[q] == ' ') ++q;
  if (q < s.size() && (s[q] == ':' || s[q] == '\t')) {
    ++q;
    while (q < s.size() && (s[q] == ' ' || s[q] == '\t')) ++q;
    return q;
  }
  return q == s.size() ? q : std::string_view::npos;
}

// True when s[a, b) is valid UTF-8 without a line break (what .* takes).
bool LineText(std::string_view s, size_t a, size_t b) {
  for (size_t i = a; i < b;) {
    size_t len = 0;
    if (DecodeAt(s, i, &len) < 0 || s[i] == '\n') return false;
    i += len;
  }
  return true;
}

// "(\S.*)$" at s[q]: a non-space code point, then valid UTF-8 without a
// line break up to the end.
bool RestOfLine(std::string_view s, size_t q) {
  return q < s.size() && !IsReSpace(s[q]) && LineText(s, q, s.size());
}

// "(?:\s*:[ \t]*|[ ]*\t[ \t]*)(\S.*)$" at s[p] (the inline heading's
// separator and text): where the text starts, or npos.
size_t InlineRest(std::string_view s, size_t p) {
  size_t q = p;
  while (q < s.size() && IsReSpace(s[q])) ++q;
  if (q < s.size() && s[q] == ':') {
    ++q;
    while (q < s.size() && (s[q] == ' ' || s[q] == '\t')) ++q;
    if (RestOfLine(s, q)) return q;
  }
  q = p;
  while (q < s.size() && s[q] == ' ') ++q;
  if (q < s.size() && s[q] == '\t') {
    ++q;
    while (q < s.size() && (s[q] == ' ' || s[q] == '\t')) ++q;
    if (RestOfLine(s, q)) return q;
  }
  return std::string_view::npos;
}

std::string Fingerprint(const Rulebook& rules) {
  std::string all;
  for (const auto& name : rules.Names()) {
    all += name;
    all += '\x01';
    for (const auto& l : rules.Lines(name)) {
      all += l;
      all += '\n';
    }
  }
  return all;
}

int DigitsToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

const RE2& LazyRE2::operator*() const {
  std::call_once(once_, [this] { re_ = Compile(pattern_); });
  return *re_;
}

const Lexicon& Lexicon::For(const Rulebook& rules) {
  // Cached by the rule texts themselves: a Rulebook rebuilt at the same
  // address with other texts (tests) gets its own Lexicon. Entries live for
  // the process; there are only ever a handful of distinct rulebooks.
  static std::mutex mu;
  static auto* cache = new std::map<std::string, std::unique_ptr<Lexicon>>();
  static const Rulebook* last_book = nullptr;
  static const Lexicon* last_lex = nullptr;
  static const Rulebook* process_book = &Rules();
  std::lock_guard<std::mutex> lock(mu);
  if (&rules == process_book && last_book == process_book && last_lex) return *last_lex;
  // The process-wide rulebook needs no fingerprint (concatenating every
  // rule text); a fingerprint never starts with a NUL.
  std::string key = &rules == process_book ? std::string("\0process", 8) : Fingerprint(rules);
  auto it = cache->find(key);
  if (it == cache->end()) it = cache->emplace(key, std::make_unique<Lexicon>(rules)).first;
  last_book = &rules;
  last_lex = it->second.get();
  return *it->second;
}

template <typename P>
void Lexicon::SetRule(PhraseRule* r, std::vector<std::string> phrases, bool ellipsis, P&& pattern) {
  r->list = PhraseList(std::move(phrases), ellipsis);
  r->code = engine_ == Engine::kCode && r->list.supported();
  if (!r->code) r->re.Set(pattern());
}

Lexicon::Gate Lexicon::MakeGate(std::vector<std::string> phrases) const {
  Gate g;
  if (engine_ != Engine::kCode) return g;
  g.list = PhraseList(std::move(phrases), false);
  g.on = g.list.supported();
  return g;
}

Lexicon::Lexicon(const Rulebook& rules, Engine engine) : engine_(engine) {
  Tables tables(rules);
  // --- the small word classes (function_words.txt)
  auto words = [&](std::string_view tag) { return lang::WordList(rules, "function_words", tag); };
  auto alt = [&](std::string_view tag) { return lang::ReAlternation(words(tag).entries()); };
  // An entry written with a final '.' is an abbreviation: the dot may be
  // left out and a space need not follow ("pkt.2", "pkt 2"); other entries
  // are words, followed by a space ("punkt 2").
  auto refs = [&](std::string_view tag) {
    std::string out;
    const lang::WordList list = words(tag);
    for (const auto& e : list.entries()) {
      if (!out.empty()) out += '|';
      if (e.size() > 1 && e.back() == '.')
        out += lang::ReAlternation({e.substr(0, e.size() - 1)}) + "\\.?\\s*";
      else
        out += lang::ReAlternation({e}) + "\\s+";
    }
    return out;
  };
  words_.and_ = words("and");
  words_.or_ = words("or");
  words_.also = words("also");
  words_.open_end = words("open_end");
  words_.vote_count = words("vote_count");
  words_.vote_tail = words("vote_tail");
  words_.vote_lead = words("vote_lead");
  words_.dissent_lead = words("dissent_lead");
  words_.none = words("none");
  words_.no_attachments = words("no_attachments");
  words_.negation = words("negation");
  words_.not_by = words("not_by");
  words_.party = words("party");
  words_.meeting = words("meeting");
  words_.that = words("that");
  const lang::WordList date_leads = words("date_lead");
  for (const auto& w : date_leads.entries()) {
    words_.date_leads.push_back(w + " ");
    if (w.size() > 1 && w.back() == '.') words_.date_leads.push_back(w);
  }
  clause_start_.Set("^(?:(?:\\d{1,2}|[a-zæøå])[.)][ \\t]*)?(?i:" + alt("that") + ")[ \\t]");
  for (const auto& w : words_.and_.entries()) words_.name_separators.push_back(" " + w + " ");
  for (const auto& w : words_.also.entries()) words_.name_separators.push_back(" " + w + " ");
  words_.name_separators.push_back(" & ");
  for (const auto& w : words_.or_.entries()) words_.name_separators.push_back(" " + w + " ");
  council_words_ = words("council_word").entries();
  for (const auto& w : words_.negation.entries()) negations_.push_back(" " + FoldCase(w) + " ");
  const std::string and_alt = alt("and");
  const std::string range_alt = alt("range");
  const std::string in_alt = alt("in");
  const std::string clock = refs("clock");
  bodys_meeting_.Set("^(\\S.*?)s\\s+(?i:" + alt("meeting") + ")$");
  clause_connector_.Set("(?i)[\\d\\s.,:)–-]*(?:(?:" + alt("clause_join") + ")[\\d\\s.,:)–-]*)*");
  // --- headings
  static const std::pair<std::string_view, Role> kRoles[] = {
      {"decision", Role::kDecision}, {"recommendation", Role::kRecommendation},
      {"attachments", Role::kAttachments}, {"case", Role::kCase},
      {"section", Role::kSection}, {"toc", Role::kToc},
      {"open", Role::kOpen}, {"closed", Role::kClosed}, {"end", Role::kEnd}};
  struct Forms {
    std::vector<std::string> exact, wild, all;
  };
  std::vector<Forms> forms;  // headings_[k]'s in [k]
  for (const auto& [name, role] : kRoles) {
    Forms f;
    for (const auto& h : Column(tables, "section_headings", name)) {
      (h.find(kEllipsis) != std::string::npos ? f.wild : f.exact).push_back(h);
      f.all.push_back(h);
    }
    if (f.all.empty()) continue;
    headings_.emplace_back().role = role;
    forms.push_back(std::move(f));
  }
  if (engine_ == Engine::kCode) {
    std::vector<std::vector<std::string>> lists;
    for (const Forms& f : forms) lists.push_back(f.all);
    heading_list_ = PhraseList(lists, true);
    headings_code_ = heading_list_.supported();
  }
  if (!headings_code_) {
    for (size_t k = 0; k < forms.size(); ++k) {
      HeadingRule& r = headings_[k];
      r.exact.Set("(?i)^(?:" + Alternation(forms[k].exact) + ")$");
      r.wildcard.Set("(?i)^(?:" + Alternation(forms[k].wild, "\\s+\\S.*") + ")$");
      r.inline_.Set("(?i)^(" + Alternation(forms[k].all, "\\s+[^:\\t]+?") +
                    ")(?:\\s*:[ \\t]*|[ ]*\\t[ \\t]*)(\\S.*)$");
    }
  }

  // --- items
  item_marker_gate_ = MakeGate(rules.Lines("item_markers"));
  item_marker_.Set("(?i)^(?:" + Alternation(rules.Lines("item_markers")) +
                         ")\\s*(?:" + refs("number") + ")?(\\d{1,4}(?:\\.\\d{1,3})*)([ \\t]*[.:)][ \\t]*|[ \\t]+[-–][ \\t]*|[ \\t]+|$)");
  numbered_line_.Set("^(\\d{1,4}(?:\\.\\d{1,3})*)(\\.|\\))?[ \\t]+(\\S.*)$");
  {
    std::string open_closed;
    for (const auto& row : tables("public_markers"))
      if (row.size() >= 3 && row[1] == "word") open_closed += row[2] + "\n";
    words_.open_closed = lang::WordList(Rulebook::FromTexts({{"w", open_closed}}), "w");
    attachment_lead_.Set("^\\d{1,3}[.)]?\\s+(?i:" + lang::ReAlternation(words_.open_closed.entries()) + ")\\s+");
  }
  for (const auto& row : tables("public_markers")) {
    if (row.size() < 3 || row[1] == "word") continue;
    PublicRule r;
    r.open = row[0] == "open";
    r.where = row[1] == "prefix" ? 0 : row[1] == "suffix" ? 1 : 2;
    r.folded = FoldCase(row[2]);
    public_rules_.push_back(std::move(r));
  }

  // --- case numbers: 2017-047330, 21-014482, 12/27845, EMN-2023-009832,
  // KLE 00.01.00-A00-1-17 (with or without the trailing parts).
  const std::string case_pat =
      "(?:[A-ZÆØÅ]{2,5}-\\d{2,4}-\\d{3,8}"
      "|\\d{2}\\.\\d{2}\\.\\d{2}-[A-ZÆØÅ]\\d{2}(?:-\\d{1,5}-\\d{2})?"
      "|(?:19|20)\\d{2}-\\d{3,8}"
      "|\\d{2}-\\d{4,8}"
      "|\\d{1,2}/\\d{3,8})";
  case_number_.Set("(" + case_pat + ")");
  case_number_whole_.Set("^" + case_pat + "$");

  // --- decision phrases
  int order = 0;
  for (const auto& row : tables("decision_phrases")) {
    if (row.size() < 2) continue;
    if (row[0] == "subject" || row[0] == "subject_suffix") continue;
    if (row[0] == "anywhere") {
      if (row.size() >= 3) anywhere_.emplace_back(FoldCase(row[2]), row[1]);
      continue;
    }
    Phrase& p = phrases_.emplace_back();
    p.category = row[0];
    p.order = order++;
    p.code = engine_ == Engine::kCode && p.words.Parse(row[1]);
    if (p.code) {
      p.wildcards = p.words.wildcards();
      p.first = p.words.first();
      continue;
    }
    std::string pat = "(?i)^(";
    bool prev_word = false;
    size_t pos = 0;
    const std::string& ph = row[1];
    while (pos < ph.size()) {
      size_t sp = ph.find(' ', pos);
      if (sp == std::string::npos) sp = ph.size();
      std::string_view w(ph.data() + pos, sp - pos);
      pos = sp + 1;
      if (w.empty()) continue;
      if (prev_word) pat += "\\s+";
      if (w == "*") {
        pat += "((?:\\S+\\s+){0,2}?)";
        ++p.wildcards;
        prev_word = false;
      } else {
        pat += RE2::QuoteMeta(re2::StringPiece(w.data(), w.size()));
        prev_word = true;
      }
    }
    // The word boundary after the phrase is checked in ClassifyDecision:
    // a Unicode class in each of some 250 patterns would dominate start-up.
    pat += ")";
    p.re.Set(pat);
  }
  {
    std::vector<std::string> subjects = Column(tables, "decision_phrases", "subject");
    SetRule(&subject_, subjects, false, [&] {
      return "(?i)^(?:" + Alternation(subjects) + ")" + std::string(kWordEnd);
    });
  }
  for (const auto& s : Column(tables, "decision_phrases", "subject_suffix"))
    subject_suffixes_.push_back(FoldCase(s));
  // "1.", "1)", "1. og 2.", "1.-3.", "1, 2 og 3:", "Ad 1:", "Ad pkt. 2)", "Pkt. 1:",
  // with lettered sub-clauses ("1. a) - c)", "1. a.-b.", "1.c.", "1A"); without
  // the closing mark only after "Ad" or as a range ("Ad 1 Orienteringen …",
  // "1-2 anbefales", "1 - 7 Økonomiudvalget …", "1 og 2, Godkendt.").
  {
    const std::string ad = "(?:" + refs("clause_ad") + ")?";
    const std::string ref = refs("clause_ref");
    const std::string pfx = ad + "(?:" + ref + "|" + refs("clause_ref_long") + ")?";
    const std::string range = "(?:\\s*(?:-|–|,|" + alt("clause_join") + ")\\s*\\d{1,2}\\s*[.):]?)*";
    const std::string letter = "[a-h][.)]?";
    const std::string letters =
        "(?:\\s*(?:" + letter + "\\s*(?:-|–|" + and_alt + "|,)\\s*)+" + letter + "|\\s*[a-h][.)])?";
    const std::string closed = pfx + "\\d{1,2}\\s*[.):]?" + range + "\\s*[.):]" + letters + "\\s*";
    const std::string ad_open = refs("clause_ad");
    const std::string open =
        "(?:(?:" + ad_open + ")(?:" + ref + ")?\\d{1,2}(?:\\s*(?:-|–|" + and_alt + ")\\s*\\d{1,2})?"
        "|(?:" + ref + ")?\\d{1,2}\\s*(?:-|–|" + and_alt + ")\\s*\\d{1,2}|\\d{1,2}[a-h])" +
        letters + "(?:\\s*,)?\\s+";
    clause_ref_.Set("(?i)^(?:" + closed + "|" + open + ")");
  }

  // --- absence
  {
    std::vector<std::string> prefix = Column(tables, "absence_phrases", "prefix");
    std::vector<std::string> bare = Column(tables, "absence_phrases", "prefix_bare");
    std::vector<std::string> suffix = Column(tables, "absence_phrases", "suffix");
    absence_[0] = PhraseList(prefix, false);
    absence_[1] = PhraseList(bare, false);
    absence_[2] = PhraseList(suffix, false);
    absence_code_ = engine_ == Engine::kCode && absence_[0].supported() &&
                    absence_[1].supported() && absence_[2].supported();
    if (!absence_code_) {
      absence_re_[0].Set("(?i)^(?:" + Alternation(prefix) + ")\\s*:\\s*(.*?)[\\s.]*$");
      absence_re_[1].Set("(?i)^(?:" + Alternation(bare) + ")\\s+(\\S.*?)[\\s.]*$");
      absence_re_[2].Set("(?i)^(.*?)\\s+(?:" + Alternation(suffix) + ")\\s*[.!]?\\s*$");
    }
  }

  // --- votes
  static const char* kSides[] = {"for", "against", "abstained"};
  std::vector<std::string> every_vote;
  for (int side = 0; side < 3; ++side) {
    std::vector<std::string> pre, suf;
    for (const auto& row : tables("vote_phrases")) {
      if (row.size() < 3 || row[0] != kSides[side]) continue;
      (row[1] == "prefix" ? pre : suf).push_back(row[2]);
      every_vote.push_back(row[2]);
    }
    // prefix: phrase, optional colon, then the list up to the next vote
    // phrase or the end of the sentence (the caller cuts it there).
    vote_prefix_[side].Set("(?i)(?:^|[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ])(" + Alternation(pre) + ")[ \\t]*:?[ \\t]*");
    vote_suffix_[side].Set("(?i)(?:^|[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ])(" + Alternation(suf) + ")" + std::string(kWordEnd));
  }
  any_vote_.Set("(?i)(?:^|[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ])(" + Alternation(every_vote) + ")" + std::string(kWordEnd));
  // A phrase after a non-letter, then a non-letter: the unanchored lists.
  auto word_pattern = [](const std::vector<std::string>& phrases) {
    return [&phrases] {
      return "(?i)" + std::string(kLetterBefore) + "(" + Alternation(phrases) + ")" +
             std::string(kWordEnd);
    };
  };
  SetRule(&any_vote_rule_, every_vote, false, word_pattern(every_vote));
  SetRule(&dissent_, rules.Lines("dissent_phrases"), false, word_pattern(rules.Lines("dissent_phrases")));

  // --- referrals
  SetRule(&referral_trigger_, rules.Lines("referral_phrases"), false,
          word_pattern(rules.Lines("referral_phrases")));
  SetRule(&recommendation_verb_, rules.Lines("recommendation_phrases"), false,
          word_pattern(rules.Lines("recommendation_phrases")));
  {
    std::vector<std::string> suffixes = Column(tables, "bodies", "suffix");
    std::vector<std::string> names = Column(tables, "bodies", "name");
    std::vector<std::string> prefixes = Column(tables, "bodies", "prefix");
    for (const auto& n : Column(tables, "bodies", "council_alone")) names.push_back(n);
    // Genitives of the bodies ("udvalgets", "byrådets", "magistratens") for
    // "<Udvalgets> beslutning den …" headings.
    for (const auto& x : suffixes) genitives_.push_back(FoldCase(x) + "s");
    for (const auto& x : names) genitives_.push_back(FoldCase(x) + "s");
    for (const auto& w : Column(tables, "section_headings", "decision_genitive")) {
      genitive_decision_words_.push_back(FoldCase(w));
      std::string lower = genitive_decision_words_.back(), cap = lower, upper = lower;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (!cap.empty()) cap[0] = upper[0];
      genitive_decision_forms_.push_back(" " + lower);
      genitive_decision_forms_.push_back(" " + cap);
      genitive_decision_forms_.push_back(" " + upper);
    }
    std::string suffix_alt = Alternation(suffixes);
    std::string body =
        "(?:(?i:" + Alternation(names) + ")|(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*\\s+(?:(?:" + and_alt + ")\\s+)?){0,3}?[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*(?i:" +
        suffix_alt + "))";
    referral_target_.Set(
        "(?:^|[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ])(?i:" + alt("referral_to") + ")\\s+(?:(?i:" + alt("referral_for") +
        ")\\s+(?:" + in_alt + ")\\s+)?(" +
        body + ")" + std::string(kWordEnd));
    body_names_ = PhraseList(names, false);
    body_suffixes_ = PhraseList(suffixes, false);
    body_prefixes_ = PhraseList(prefixes, false, /*fold=*/false);
    body_code_ = engine_ == Engine::kCode && body_names_.supported() && body_suffixes_.supported() &&
                 body_prefixes_.supported();
    if (!body_code_)
      body_name_.Set(
        "^(?:(?i:" + Alternation(names) + ")|(?:[A-ZÀ-ÖØ-Þ](?:[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*-,|[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*)\\s+(?:(?:" + and_alt + ")\\s+)?){0,4}?(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*)?(?i:" +
        suffix_alt + ")|(?:" + Alternation(prefixes) +
        ")\\s+[^.]{3,})(?:\\s*\\([^()]{1,20}\\))?$");
    std::vector<std::string> councils = Column(tables, "bodies", "council");
    council_gate_ = MakeGate(councils);
    council_alone_gate_ = MakeGate(Column(tables, "bodies", "council_alone"));
    council_.Set("([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+(?:[ -][A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+)?)\\s+((?i:" + Alternation(councils) +
                       "))(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]|$)");
    council_alone_.Set("(?i)^(?:" + Alternation(Column(tables, "bodies", "council_alone")) +
                             ")(?:\\s+(?:" + in_alt + ")\\s+([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+))?$");
  }
  for (const auto& row : tables("municipalities")) {
    if (row.size() < 2) continue;
    municipalities_[FoldCase(row[0])] = row[1];
    municipalities_[FoldCase(row[1])] = row[1];
  }
  // MayHaveMunicipalityPhrase() tests for the words of this pattern.
  municipality_phrase_.Set(
      "([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+(?:[ -][A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+)?)\\s+(?:" +
      lang::ReAlternation(council_words_) + ")(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]|$)");

  // --- header labels
  static const std::pair<std::string_view, Field> kFields[] = {
      {"date", Field::kDate},       {"start", Field::kStart},     {"end", Field::kEnd},
      {"location", Field::kLocation}, {"present", Field::kPresent}, {"members", Field::kMembers},
      {"absent", Field::kAbsent},   {"others", Field::kOthers},   {"referent", Field::kReferent},
      {"ignore", Field::kIgnore}};
  std::vector<std::string> labels;
  for (const auto& row : tables("attendance_labels")) {
    if (row.size() < 2) continue;
    for (const auto& [name, f] : kFields)
      if (row[0] == name) label_fields_[Collapse(FoldCase(row[1]))] = f;
    labels.push_back(row[1]);
  }
  SetRule(&label_, labels, false, [&] {
    return "(?i)^(" + Alternation(labels) + ")(?:[ ]*:[ \\t]*|[ ]*\\t[ \\t]*|[ ]*$)";
  });
  if (!label_.code) label_space_.Set("(?i)^(" + Alternation(labels) + ")[ ]+");

  // --- document types
  std::vector<std::string> type_words;
  for (const auto& row : tables("document_types")) {
    if (row.size() < 2) continue;
    if (row[0] == "agenda") agenda_types_.push_back(row[1]);
    if (row[0] == "minutes" && minutes_type_.empty()) minutes_type_ = row[1];
    if (row[0] != "report" && row[0] != "letter" && row[0] != "annual" && row[0] != "agenda" &&
        row[0] != "minutes") {
      doc_types_[Collapse(FoldCase(row[1]))] = row[0];
      type_words.push_back(row[1]);
    }
  }
  SetRule(&doc_type_, type_words, false, [&] {
    return "(?i)^(" + Alternation(type_words) + ")" + std::string(kNotLetter);
  });
  annual_report_.Set("(?i)(?:" + lang::ReAlternation(Column(tables, "document_types", "annual")) +
                     ")\\s+((?:19|20)\\d{2})(?:[^\\d]|$)");
  year_range_.Set("(?:^|[^\\d])((?:19|20)\\d{2})\\s*(?:-|–|" + range_alt +
                  ")\\s*((?:19|20)\\d{2})(?:[^\\d]|$)");
  years_.Set("((?:19|20)\\d{2})(?:\\s*(?:-|–|" + range_alt + ")\\s*((?:19|20)\\d{2}))?");
  {
    std::vector<std::string> report = Column(tables, "document_types", "report");
    std::vector<std::string> letter = Column(tables, "document_types", "letter");
    SetRule(&report_word_, report, false, [&] {
      return "(?i)(" + Alternation(report) + ")" + std::string(kNotLetter);
    });
    SetRule(&letter_word_, letter, false, [&] {
      return "(?i)" + std::string(kLetterBefore) + "(" + Alternation(letter) + ")" + std::string(kNotLetter);
    });
  }

  // --- report labels
  {
    std::vector<std::string> labels;
    for (const auto& row : tables("report_labels")) {
      if (row.size() < 2) continue;
      report_fields_[Collapse(FoldCase(row[1]))] = row[0];
      labels.push_back(row[1]);
    }
    SetRule(&report_label_, labels, false, [&] {
      return "(?i)^(" + Alternation(labels) + ")(?:[ ]*:[ \\t]*|[ ]*\\t[ \\t]*|[ ]*$)";
    });
  }

  // A caption word, then a number ("5.1", "3", "A") and the end of it, or a colon.
  caption_gate_ = MakeGate(rules.Lines("report_captions"));
  caption_.Set("(?i)^(?:" + Alternation(rules.Lines("report_captions")) +
                     ")(?:\\s*\\d{1,3}(?:\\.\\d{1,3})*[a-z]?[.:]?(?:\\s|$)|\\s*:)");

  // --- dates and times
  std::vector<std::string> month_words;
  for (const auto& row : tables("months")) {
    if (row.size() < 2) continue;
    int n = DigitsToInt(row[0]);
    if (n < 1 || n > 12) continue;
    month_words.push_back(row[1]);
    months_[FoldCase(row[1])] = n;
    if (row.size() >= 3) {
      size_t pos = 0;
      const std::string& ab = row[2];
      while (pos < ab.size()) {
        size_t sp = ab.find(' ', pos);
        if (sp == std::string::npos) sp = ab.size();
        std::string a = ab.substr(pos, sp - pos);
        pos = sp + 1;
        while (!a.empty() && a.back() == '.') a.pop_back();
        if (a.empty()) continue;
        months_[FoldCase(a)] = n;
        month_words.push_back(a);
      }
    }
  }
  numeric_date_.Set("(\\d{1,2})([./\\-])(\\d{1,2})([./\\-])(\\d{4}|\\d{2})");
  text_date_.Set("(\\d{1,2})\\.?\\s*((?i:" + Alternation(month_words) +
                       "))\\.?(?:,?\\s+(\\d{4}))?(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ0-9]|$)");
  iso_date_.Set("((?:19|20)\\d{2})-(\\d{2})-(\\d{2})");
  time_range_.Set("(?i)(?:" + clock + ")(\\d{1,2})[.:](\\d{2})(?:\\s*(?:-|–|" + range_alt + ")\\s*(?:" + clock +
                  ")?(\\d{1,2})[.:](\\d{2}))?");
  bare_time_.Set("(\\d{1,2})[.:](\\d{2})(?:\\s*(?:-|–|" + range_alt + ")\\s*(?:" + clock +
                 ")?(\\d{1,2})[.:](\\d{2}))?");

  // --- names
  for (const auto& r : Column(tables, "roles", "role")) roles_.insert(FoldCase(r));
  {
    std::vector<std::string> leadins = Column(tables, "roles", "leadin");
    SetRule(&leadin_, leadins, false,
            [&] { return "(?i)^(?:" + Alternation(leadins) + ")[\\s,:]+"; });
  }
  for (const auto& w : Column(tables, "name_stopwords", "word")) name_stopwords_.insert(FoldCase(w));
  for (const auto& w : Column(tables, "name_stopwords", "ending")) name_stop_endings_.push_back(FoldCase(w));
  for (const auto& w : Column(tables, "name_stopwords", "particle")) name_particles_.insert(w);
}

namespace {

// What follows a heading phrase ending at t[end] (`open`: it ended in "…")
// for each of the three forms; the per-role lists and the combined one
// (MatchHeading) ask the same questions.

// (?i)^(?:ALT)$
bool ExactEnd(std::string_view t, size_t end) { return end == t.size(); }

// (?i)^(?:ALT)$ with "…" as \s+\S.*: the rest after the words' spaces is
// one line. A "…" glued to a word ("Beslutning…") is a literal word.
bool WildcardEnd(std::string_view t, size_t end, bool open) {
  if (!open) return end == t.size();
  if (end >= t.size() || !IsReSpace(t[end])) return false;
  while (end < t.size() && IsReSpace(t[end])) ++end;
  return RestOfLine(t, end);
}

// "Heading: text" or "Heading<TAB>text" on one line, the heading a phrase
// of the list (with "…": some further words, up to the colon or TAB). The
// phrases are tried in list order; for "…" the longest run of spaces first,
// then the fewest code points after it (the shortest heading).
bool InlineEnd(std::string_view block, size_t end, bool open, size_t* head_end,
               size_t* rest_start) {
  if (!open) {
    size_t rest = InlineRest(block, end);
    if (rest == std::string_view::npos) return false;
    *head_end = end;
    *rest_start = rest;
    return true;
  }
  size_t run = end;
  while (run < block.size() && IsReSpace(block[run])) ++run;
  for (size_t spaces_end = run; spaces_end > end; --spaces_end) {
    for (size_t q = spaces_end; q < block.size();) {
      size_t len = 0;
      int32_t c = DecodeAt(block, q, &len);
      if (c < 0 || c == ':' || c == '\t') break;
      q += len;
      size_t rest = InlineRest(block, q);
      if (rest != std::string_view::npos) {
        *head_end = q;
        *rest_start = rest;
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool Lexicon::MatchForm(std::string_view t, uint32_t tag, uint32_t* k, bool wildcard) const {
  if (headings_code_)
    return heading_list_.EachTagged(
        t, 0,
        [&](size_t end, bool open, uint32_t hit) {
          if (!(wildcard ? WildcardEnd(t, end, open) : ExactEnd(t, end))) return false;
          *k = hit;
          return true;
        },
        wildcard ? PhraseList::Only::kEllipsis : PhraseList::Only::kPlain, tag);
  for (*k = tag == kAnyRole ? 0 : tag; *k < headings_.size(); ++*k) {
    const HeadingRule& h = headings_[*k];
    if (RE2::FullMatch(t, wildcard ? *h.wildcard : *h.exact)) return true;
    if (tag != kAnyRole) break;
  }
  return false;
}

bool Lexicon::MatchExact(std::string_view t, uint32_t tag, uint32_t* k) const {
  return MatchForm(t, tag, k, false);
}

bool Lexicon::MatchWildcard(std::string_view t, uint32_t tag, uint32_t* k) const {
  return MatchForm(t, tag, k, true);
}

bool Lexicon::MatchInline(std::string_view block, uint32_t* k, size_t* head_end,
                          size_t* rest_start) const {
  if (headings_code_)
    return heading_list_.EachTagged(block, 0, [&](size_t end, bool open, uint32_t hit) {
      if (!InlineEnd(block, end, open, head_end, rest_start)) return false;
      *k = hit;
      return true;
    });
  for (*k = 0; *k < headings_.size(); ++*k) {
    re2::StringPiece head, rest;
    if (RE2::FullMatch(block, *headings_[*k].inline_, &head, &rest)) {
      *head_end = head.size();
      *rest_start = static_cast<size_t>(rest.data() - block.data());
      return true;
    }
  }
  return false;
}

namespace {
// Where `needle` (folded, lower-case) is in `hay`, comparing ASCII letters
// without case and other bytes exactly; npos if nowhere. No folding of the
// whole text: this runs on every block (headings) or decision.
size_t FindCaseless(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() &&
           static_cast<char>(std::tolower(static_cast<unsigned char>(hay[i + k]))) == needle[k])
      ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}
}  // namespace

HeadingHit Lexicon::MatchHeading(std::string_view block) const {
  HeadingHit hit;
  std::string_view t = TrimRight(block, ":");
  if (t.empty() || t.size() > 200) return hit;
  uint32_t k = 0;
  if (MatchExact(t, kAnyRole, &k)) {
    hit.role = headings_[k].role;
    hit.heading_end = t.size();
    hit.text_start = block.size();
    return hit;
  }
  // "…" headings stand alone: not a table row ("Sagsnr. i ESDH:<TAB>25/23642")
  // and not "label: value" (read by the inline form below). The word count,
  // the dearest test, goes last.
  const bool ends_sentence = EndsSentence(t);
  int short_line = -1;  // AtMostWords(t, 14), computed once when asked
  auto is_short = [&] {
    if (short_line < 0) short_line = AtMostWords(t, 14) ? 1 : 0;
    return short_line == 1;
  };
  if (!ends_sentence && t.find('\t') == std::string_view::npos &&
      t.find(": ") == std::string_view::npos && is_short() &&
      MatchWildcard(t, kAnyRole, &k)) {
    hit.role = headings_[k].role;
    hit.heading_end = t.size();
    hit.text_start = block.size();
    hit.wildcard = true;
    return hit;
  }
  if (!ends_sentence && StartsUpper(t) && is_short() && (GenitiveDecision(t) || DatedBodyDecision(t))) {
    hit.role = Role::kDecision;
    hit.heading_end = t.size();
    hit.text_start = block.size();
    return hit;
  }
  if (block.find(':') == std::string_view::npos && block.find('\t') == std::string_view::npos)
    return hit;
  size_t head_end = 0, rest_start = 0;
  if (MatchInline(block, &k, &head_end, &rest_start)) {
    hit.role = headings_[k].role;
    hit.heading_end = head_end;
    hit.text_start = rest_start;
  }
  return hit;
}

// "Børne- og Skoleudvalgets beslutning den 12.03.2019", "Byrådets beslutning
// 24.10.2017 Punkt 5": a capitalised name of at most six words whose last
// word ends in a body's genitive, a decision word, then nothing or a date.
bool Lexicon::GenitiveDecision(std::string_view t) const {
  if (genitive_decision_words_.empty() || !StartsUpper(t)) return false;
  // Most blocks are no such heading: the word as written (lower, capitalised
  // or upper case) is looked for first, by memchr-fast finds.
  bool any = false;
  for (const auto& w : genitive_decision_forms_) any = any || t.find(w) != std::string_view::npos;
  if (!any) return false;
  const std::string f = FoldCase(t);
  for (const auto& w : genitive_decision_words_) {
    size_t at = f.find(" " + w);
    if (at == std::string::npos || !WordEndsAt(f, at + 1 + w.size())) continue;
    std::string_view name(f.data(), at);
    if (!AtMostWords(name, 6)) continue;
    size_t sp = name.rfind(' ');
    std::string_view last = sp == std::string_view::npos ? name : name.substr(sp + 1);
    bool genitive = false;
    for (const auto& g : genitives_)
      genitive = genitive || (last.size() >= g.size() && last.substr(last.size() - g.size()) == g);
    if (!genitive) continue;
    std::string_view after = Trim(std::string_view(f).substr(at + 1 + w.size()));
    return after.empty() || HasDigit(after);
  }
  return false;
}

// "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 44" (Roskilde's minutes): the
// body, the date of its meeting and maybe the item, over the body's decision.
bool Lexicon::DatedBodyDecision(std::string_view t) const {
  size_t comma = t.find(", ");
  if (comma == std::string_view::npos || !HasDigit(t.substr(comma))) return false;
  // "Klima-, Teknik- og Miljøudvalget, …": the comma after the name.
  while (comma != std::string_view::npos && comma > 0 && t[comma - 1] == '-') comma = t.find(", ", comma + 1);
  if (comma == std::string_view::npos || !IsBodyName(t.substr(0, comma))) return false;
  static const RE2 kDate("\\s*\\d{1,2}[-./]\\d{1,2}[-./](?:\\d{4}|\\d{2})\\s*(?:,\\s*(.*))?");
  re2::StringPiece item;
  if (!RE2::FullMatch(t.substr(comma + 1), kDate, &item)) return false;
  if (item.empty()) return true;
  std::string number;
  size_t title = 0;
  return MatchItemMarker(std::string_view(item.data(), item.size()), &number, &title) &&
         Trim(std::string_view(item.data(), item.size()).substr(title)).empty();
}

bool Lexicon::IsRoleLine(std::string_view line, Role role) const {
  std::string_view t = TrimRight(Trim(line), ".:");
  if (t.empty() || t.size() > 200) return false;
  uint32_t hit = 0;
  for (uint32_t k = 0; k < headings_.size(); ++k)
    if (headings_[k].role == role) return MatchExact(t, k, &hit) || MatchWildcard(t, k, &hit);
  return false;
}

bool Lexicon::MatchItemMarker(std::string_view block, std::string* number,
                              size_t* title_start) const {
  if (!item_marker_gate_.AtStart(block)) return false;
  re2::StringPiece num, sep;
  re2::StringPiece in(block);
  if (!RE2::Consume(&in, *item_marker_, &num, &sep)) return false;
  number->assign(num.data(), num.size());
  *title_start = static_cast<size_t>(in.data() - block.data());
  return true;
}

bool Lexicon::MatchNumberedLine(std::string_view block, bool loose, std::string* number,
                                size_t* title_start) const {
  // The pattern starts with a digit; most blocks do not, and RE2's set-up
  // for a match with groups costs more than this test.
  if (block.empty() || block[0] < '0' || block[0] > '9') return false;
  re2::StringPiece num, sep, title;
  if (!RE2::FullMatch(block, *numbered_line_, &num, &sep, &title)) return false;
  bool dotted = num.find('.') != re2::StringPiece::npos;
  if (sep.empty() && !dotted && !loose) return false;
  if (sep == ")" && !loose) return false;
  number->assign(num.data(), num.size());
  *title_start = static_cast<size_t>(title.data() - block.data());
  return true;
}

std::optional<bool> Lexicon::TitlePublic(std::string_view title, size_t* prefix_len) const {
  if (prefix_len) *prefix_len = 0;
  std::string f = FoldCase(Trim(title));
  for (const auto& r : public_rules_) {
    bool hit = false;
    if (r.where == 0) {
      hit = f.compare(0, r.folded.size(), r.folded) == 0 && WordEndsAt(f, r.folded.size());
      // The marker's bytes in the title itself (folding kept their length
      // when the folded title's start is the folded marker).
      std::string_view t = Trim(title);
      if (hit && prefix_len && FoldCase(t.substr(0, r.folded.size())) == r.folded) {
        size_t n = r.folded.size();
        while (n < t.size() && (t[n] == ' ' || t[n] == '\t')) ++n;
        if (n < t.size()) *prefix_len = static_cast<size_t>(t.data() - title.data()) + n;
      }
    } else if (r.where == 1) {
      hit = f.size() >= r.folded.size() &&
            f.compare(f.size() - r.folded.size(), r.folded.size(), r.folded) == 0;
    } else {
      size_t p = f.find(r.folded);
      hit = p != std::string::npos && WordStartsAt(f, p) && WordEndsAt(f, p + r.folded.size());
    }
    if (hit) return r.open;
  }
  return std::nullopt;
}

size_t Lexicon::FindCaseNumber(std::string_view s, size_t* len) const {
  re2::StringPiece in(s), m;
  while (RE2::FindAndConsume(&in, *case_number_, &m)) {
    size_t start = static_cast<size_t>(m.data() - s.data());
    size_t end = start + m.size();
    auto glue = [](char c) {
      return (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '.' || (c >= 'A' && c <= 'Z') ||
             (c >= 'a' && c <= 'z');
    };
    bool ok_before = start == 0 || !glue(s[start - 1]);
    // A trailing '.' ends a sentence and is fine; a digit or '-' glues on.
    bool ok_after = end >= s.size() || !glue(s[end]) ||
                    (s[end] == '.' && (end + 1 >= s.size() || s[end + 1] == ' '));
    if (ok_before && ok_after) {
      *len = m.size();
      return start;
    }
  }
  return std::string_view::npos;
}

bool Lexicon::IsCaseNumber(std::string_view s) const {
  return RE2::FullMatch(TrimRight(Trim(s), "."), *case_number_whole_);
}

size_t Lexicon::ClauseRefLength(std::string_view text) const {
  re2::StringPiece in(text);
  if (!RE2::Consume(&in, *clause_ref_)) return 0;
  return static_cast<size_t>(in.data() - text.data());
}

// (?i)^(?:ALT)(?:[^A-Za-z…0-9]|$), consumed: the bytes taken, or npos.
size_t Lexicon::SubjectLength(std::string_view s) const {
  if (!subject_.code) {
    re2::StringPiece in(s);
    if (!RE2::Consume(&in, *subject_.re)) return std::string_view::npos;
    return static_cast<size_t>(in.data() - s.data());
  }
  size_t taken = std::string_view::npos;
  subject_.list.Each(s, 0, [&](size_t end, bool) {
    size_t len = 0;
    if (!NonLetterAt(s, end, true, &len)) return false;
    taken = end + len;
    return true;
  });
  return taken;
}

bool Lexicon::IsDecisionSubject(std::string_view s) const {
  s = Trim(s);
  if (s.empty()) return false;
  size_t taken = SubjectLength(s);
  if (taken != std::string_view::npos && Trim(s.substr(taken)).empty()) return true;
  if (s.find(' ') != std::string_view::npos || !StartsUpper(s)) return false;
  std::string f = FoldCase(s);
  for (const auto& suf : subject_suffixes_)
    if (f.size() >= suf.size() && f.compare(f.size() - suf.size(), suf.size(), suf) == 0) return true;
  return false;
}

DecisionClass Lexicon::ClassifyDecision(std::string_view text) const {
  DecisionClass out{"other", 0};
  std::string_view t = Trim(text);
  // Leading quote or dash residue is not wording.
  size_t skip = ClauseRefLength(t);
  t.remove_prefix(skip);
  t = Trim(t);
  size_t base = static_cast<size_t>(t.data() - Trim(text).data());

  // Candidates: the text itself, then with leading subjects removed.
  std::vector<std::string_view> cands{t};
  std::string_view s = t;
  for (int round = 0; round < 3; ++round) {
    size_t cut = SubjectLength(s);
    if (cut == std::string_view::npos) {
      cut = 0;
      // "Klima-, Teknik- og Miljøudvalget": the words ending in '-' of a
      // coordinated name lead up to the one that ends in the suffix.
      size_t from = 0;
      if (StartsUpper(s)) {
        size_t q = 0;
        bool hyphen = false;
        for (;;) {
          size_t sp = s.find(' ', q);
          if (sp == std::string_view::npos) break;
          std::string_view w = TrimRight(s.substr(q, sp - q), ",");
          if (w.size() < 2 || (w.back() != '-')) break;
          hyphen = true;
          q = sp + 1;
        }
        if (hyphen) {
          // "Social- og Sundhedsudvalget": the conjunction after the hyphen.
          std::string_view rest = s.substr(q);
          for (const auto* list : {&words_.and_, &words_.or_})
            for (const auto& conj : list->entries())
              if (lang::ConsumeLeadingWord(&rest, conj)) q = s.size() - rest.size();
          if (rest.rfind("& ", 0) == 0) q += 2;
          from = q;
        }
      }
      size_t sp = s.find_first_of(" ,", from);
      std::string_view w = s.substr(from, sp == std::string_view::npos ? sp : sp - from);
      std::string fw = FoldCase(w);
      for (const auto& suf : subject_suffixes_) {
        if (fw.size() >= suf.size() && fw.compare(fw.size() - suf.size(), suf.size(), suf) == 0 &&
            StartsUpper(w)) {
          cut = from + w.size();
          break;
        }
      }
    }
    if (cut == 0) break;
    s = TrimBoth(s.substr(std::min(cut, s.size())), ",");
    if (s.empty()) break;
    cands.push_back(s);
  }

  const Phrase* best = nullptr;
  size_t best_end = 0;
  size_t best_len = 0;
  std::vector<std::pair<size_t, size_t>> groups;  // the wildcards' words, in c
  std::vector<re2::StringPiece> sub;
  for (std::string_view c : cands) {
    // A phrase that starts with a letter matches only a text starting with
    // it (folded as Match() folds it); skipping the others here spares
    // most of the ~270 calls of Match() per candidate. The loop and its
    // order stay as they were.
    size_t first_len = 0;
    const int32_t first = FoldCp(DecodeAt(c, 0, &first_len));
    for (const auto& p : phrases_) {
      if (p.first >= 0 && p.first != first) continue;
      size_t match_end = 0;  // the phrase is c[0, match_end)
      groups.clear();
      if (p.code) {
        match_end = p.words.Match(c, &groups);
        if (match_end == std::string_view::npos) continue;
      } else {
        const int n = 2 + p.wildcards;
        sub.assign(n, re2::StringPiece());
        if (!p.re->Match(c, 0, c.size(), RE2::ANCHOR_START, sub.data(), n)) continue;
        match_end = static_cast<size_t>(sub[1].data() + sub[1].size() - c.data());
        for (int g = 2; g < n; ++g) {
          size_t gs = static_cast<size_t>(sub[g].data() - c.data());
          groups.emplace_back(gs, gs + sub[g].size());
        }
      }
      if (!WordEndsAt(c, match_end)) continue;
      bool negated = false;
      for (const auto& [gs, ge] : groups) {
        std::string fw = " ";
        fw += FoldCase(c.substr(gs, ge - gs));
        fw += ' ';
        for (const auto& neg : negations_)
          if (fw.find(neg) != std::string::npos) negated = true;
      }
      if (negated) continue;
      size_t len = match_end;
      size_t end = static_cast<size_t>(c.data() - t.data()) + match_end;
      bool better = !best || len > best_len ||
                    (len == best_len && (p.wildcards < best->wildcards ||
                                         (p.wildcards == best->wildcards && p.order < best->order)));
      if (better) {
        best = &p;
        best_len = len;
        best_end = end;
      }
    }
  }
  if (best) {
    out.category = best->category;
    out.phrase_end = base + best_end;
  }
  if (!anywhere_.empty()) {
    const std::string_view f = t;
    auto word_byte = [&](size_t i) {  // a letter or digit (any non-ASCII byte counts)
      unsigned char c = static_cast<unsigned char>(f[i]);
      return std::isalnum(c) || c >= 0x80;
    };
    auto whole = [&](size_t at, size_t len) {
      return (at == 0 || !word_byte(at - 1)) && (at + len >= f.size() || !word_byte(at + len));
    };
    for (const auto& [phrase, category] : anywhere_) {
      size_t at = FindCaseless(f, phrase);
      while (at != std::string_view::npos && !whole(at, phrase.size()))
        at = FindCaseless(f, phrase, at + 1);
      if (at == std::string_view::npos) continue;
      out.category = category;
      break;
    }
  }
  return out;
}

// What the three absence patterns match, in code:
//   (?i)^(?:PREFIX)\s*:\s*(.*?)[\s.]*$
//   (?i)^(?:BARE)\s+(\S.*?)[\s.]*$
//   (?i)^(.*?)\s+(?:SUFFIX)\s*[.!]?\s*$
// The lazy group ends where the trailing run of spaces and dots starts (or
// at once, if that is before it) and may not cross a line break (`.`);
// each \s run before a phrase or after a colon is taken whole (what
// follows it is not a space). The suffix form's group is the shortest
// text before a phrase that ends the sentence.
bool Lexicon::AbsenceCode(std::string_view s, size_t* names_start, size_t* names_end) const {
  size_t tail = s.size();  // the trailing run of [\s.]
  while (tail > 0 && (IsReSpace(s[tail - 1]) || s[tail - 1] == '.')) --tail;
  size_t a = 0, b = 0;
  if (absence_[0].Each(s, 0, [&](size_t e, bool) {
        while (e < s.size() && IsReSpace(s[e])) ++e;
        if (e >= s.size() || s[e] != ':') return false;
        ++e;
        while (e < s.size() && IsReSpace(s[e])) ++e;
        a = e;
        b = std::max(e, tail);
        return LineText(s, a, b);
      })) {
    // "Afbud:" with nothing after it is a note without names.
    *names_start = a == b ? s.size() : a;
    *names_end = *names_start + (b - a);
    return true;
  }
  bool found = absence_[1].Each(s, 0, [&](size_t e, bool) {
    if (e >= s.size() || !IsReSpace(s[e])) return false;
    while (e < s.size() && IsReSpace(s[e])) ++e;
    size_t len = 0;
    if (e >= s.size() || DecodeAt(s, e, &len) < 0) return false;
    a = e;
    b = std::max(e + len, tail);
    return LineText(s, a, b);
  });
  if (!found) {
    auto sentence_end = [&](size_t e, bool) {
      while (e < s.size() && IsReSpace(s[e])) ++e;
      if (e < s.size() && (s[e] == '.' || s[e] == '!')) ++e;
      while (e < s.size() && IsReSpace(s[e])) ++e;
      return e == s.size();
    };
    for (size_t q = 0; q < s.size();) {
      if (IsReSpace(s[q])) {
        size_t p = q;
        while (p < s.size() && IsReSpace(s[p])) ++p;
        if (absence_[2].Each(s, p, sentence_end)) {
          found = true;
          a = 0;
          b = q;
          break;
        }
      }
      size_t len = 0;
      if (DecodeAt(s, q, &len) < 0 || s[q] == '\n') break;  // the group cannot take it
      q += len;
    }
  }
  if (!found) return false;
  *names_start = a;
  *names_end = b;
  return a != b;
}

bool Lexicon::MatchAbsence(std::string_view s, size_t* names_start, size_t* names_end) const {
  if (absence_code_) return AbsenceCode(s, names_start, names_end);
  re2::StringPiece names;
  if (RE2::FullMatch(s, *absence_re_[0], &names)) {
    // "Afbud:" with nothing after it is a note without names.
    *names_start = names.empty() ? s.size() : static_cast<size_t>(names.data() - s.data());
    *names_end = *names_start + names.size();
    return true;
  }
  if (RE2::FullMatch(s, *absence_re_[1], &names) || RE2::FullMatch(s, *absence_re_[2], &names)) {
    *names_start = static_cast<size_t>(names.data() - s.data());
    *names_end = *names_start + names.size();
    return !names.empty();
  }
  return false;
}

// (?i)(?:^|[^A-Za-z…])(ALT)(?:[^A-Za-z…0-9]|$), unanchored: the leftmost
// phrase's start and *len, or npos.
size_t Lexicon::FindWord(const PhraseRule& r, std::string_view s, size_t* len) const {
  if (!r.code) {
    re2::StringPiece m;
    if (!RE2::PartialMatch(s, *r.re, &m)) return std::string_view::npos;
    *len = m.size();
    return static_cast<size_t>(m.data() - s.data());
  }
  size_t start = 0, end = 0;
  auto word_end = [&](size_t e, bool) {
    size_t l = 0;
    if (!NonLetterAt(s, e, true, &l)) return false;
    end = e;
    return true;
  };
  if (!r.list.Find(s, true, word_end, &start)) return std::string_view::npos;
  *len = end - start;
  return start;
}

size_t Lexicon::FindDissent(std::string_view s, size_t* len) const { return FindWord(dissent_, s, len); }

bool Lexicon::HasVote(std::string_view s) const {
  size_t len = 0;
  return FindWord(any_vote_rule_, s, &len) != std::string_view::npos;
}

size_t Lexicon::FindReferralTrigger(std::string_view s) const {
  size_t len = 0;
  return FindWord(referral_trigger_, s, &len);
}

size_t Lexicon::FindRecommendationVerb(std::string_view s, size_t* len) const {
  return FindWord(recommendation_verb_, s, len);
}

// (?i)^(ALT)(?:[ ]*:[ \t]*|[ ]*\t[ \t]*|[ ]*$), consumed: the label's
// end and where the value starts.
bool Lexicon::MatchLabelRule(const PhraseRule& r, std::string_view block, size_t* label_end,
                             size_t* value_start) const {
  if (!r.code) {
    re2::StringPiece in(block), label;
    if (!RE2::Consume(&in, *r.re, &label)) return false;
    *label_end = label.size();
    *value_start = static_cast<size_t>(in.data() - block.data());
    return true;
  }
  return r.list.Each(block, 0, [&](size_t end, bool) {
    size_t v = LabelEnd(block, end);
    if (v == std::string_view::npos) return false;
    *label_end = end;
    *value_start = v;
    return true;
  });
}

LabelHit Lexicon::MatchLabel(std::string_view block, bool allow_space) const {
  LabelHit hit;
  size_t label_end = 0, value_start = 0;
  if (MatchLabelRule(label_, block, &label_end, &value_start)) {
    hit.label_end = label_end;
    hit.value_start = value_start;
  } else if (allow_space) {
    // (?i)^(ALT)[ ]+
    if (!label_.code) {
      re2::StringPiece in(block), label;
      if (!RE2::Consume(&in, *label_space_, &label)) return hit;
      label_end = label.size();
      value_start = static_cast<size_t>(in.data() - block.data());
    } else if (!label_.list.Each(block, 0, [&](size_t end, bool) {
                 if (end >= block.size() || block[end] != ' ') return false;
                 label_end = end;
                 value_start = block.find_first_not_of(' ', end);
                 if (value_start == std::string_view::npos) value_start = block.size();
                 return true;
               })) {
      return hit;
    }
    std::string_view rest = block.substr(value_start);
    // "Tid Tirsdag 24. oktober", "Afbud Mariann Nørgaard": only a value that
    // starts like a name, a weekday or a date.
    if (rest.empty() || !(StartsUpper(rest) || (rest[0] >= '0' && rest[0] <= '9'))) return hit;
    hit.label_end = label_end;
    hit.value_start = value_start;
  } else {
    return hit;
  }
  auto it = label_fields_.find(Collapse(FoldCase(block.substr(0, hit.label_end))));
  hit.field = it == label_fields_.end() ? Field::kIgnore : it->second;
  return hit;
}

std::string Lexicon::DocumentType(std::string_view line) const {
  // (?i)^(ALT)(?:[^A-Za-z…]|$)
  std::string_view t = Trim(line);
  size_t type_end = 0;
  if (!doc_type_.code) {
    re2::StringPiece m;
    if (!RE2::PartialMatch(t, *doc_type_.re, &m)) return "";
    type_end = m.size();
  } else if (!doc_type_.list.Each(t, 0, [&](size_t end, bool) {
               size_t len = 0;
               type_end = end;
               return NonLetterAt(t, end, false, &len);
             })) {
    return "";
  }
  auto it = doc_types_.find(Collapse(FoldCase(t.substr(0, type_end))));
  return it == doc_types_.end() ? "" : it->second;
}

std::string Lexicon::MatchReportLabel(std::string_view block, size_t* value_start) const {
  size_t label_end = 0;
  if (!MatchLabelRule(report_label_, block, &label_end, value_start)) return "";
  auto it = report_fields_.find(Collapse(FoldCase(block.substr(0, label_end))));
  return it == report_fields_.end() ? "" : it->second;
}

// (?i)(ALT)(?:[^A-Za-z…]|$) unanchored, or with `boundary`
// (?i)(?:^|[^A-Za-z…])(ALT)(?:[^A-Za-z…]|$).
bool Lexicon::HasWord(const PhraseRule& r, std::string_view s, bool boundary) const {
  if (!r.code) return RE2::PartialMatch(s, *r.re);
  return r.list.Find(s, boundary, [&](size_t end, bool) {
    size_t len = 0;
    return NonLetterAt(s, end, false, &len);
  });
}

bool Lexicon::HasReportWord(std::string_view s) const { return HasWord(report_word_, s, false); }
bool Lexicon::HasLetterWord(std::string_view s) const { return HasWord(letter_word_, s, true); }

bool Lexicon::IsCaption(std::string_view line) const {
  line = Trim(line);
  if (!caption_gate_.AtStart(line)) return false;
  return RE2::PartialMatch(line, *caption_);
}

namespace {

// [A-ZÀ-ÖØ-Þ] and [A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\-] (no (?i): exactly these).
bool IsCapital(int32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xDE);
}
bool IsNameChar(int32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x17F) || c == '-';
}

}  // namespace

// What the body-name pattern matches, in code:
//   ^(?:(?i:NAMES)
//      |(?:CAP NAMECHAR*\s+(?:og\s+)?){0,4}?(?:CAP NAMECHAR*)?(?i:SUFFIX)
//      |(?:PREFIX)\s+[^.]{3,})
//    (?:\s*\([^()]{1,20}\))?$
// A yes/no question, so each branch only has to find one way to match.
bool Lexicon::BodyNameCode(std::string_view line) const {
  const size_t n = line.size();
  // The optional "(PUK)" at the end: the text from q on matches it when q
  // is in [paren_from, paren_at] (spaces, then the parenthesis).
  size_t paren_from = std::string_view::npos, paren_at = std::string_view::npos;
  if (n > 0 && line[n - 1] == ')') {
    size_t open = line.rfind('(');
    if (open != std::string_view::npos && line.find(')', open) == n - 1) {
      size_t cps = 0;
      bool valid = true;
      for (size_t i = open + 1; i < n - 1 && valid; ++cps) {
        size_t len = 0;
        valid = DecodeAt(line, i, &len) >= 0;
        i += len;
      }
      if (valid && cps >= 1 && cps <= 20) {
        paren_at = open;
        paren_from = open;
        while (paren_from > 0 && IsReSpace(line[paren_from - 1])) --paren_from;
      }
    }
  }
  auto ends = [&](size_t q) {
    return q == n || (paren_at != std::string_view::npos && q >= paren_from && q <= paren_at);
  };
  auto ends_here = [&](size_t e, bool) { return ends(e); };

  if (body_names_.Each(line, 0, ends_here)) return true;

  // PREFIX \s+ [^.]{3,}: taking one space leaves the [^.] run the most room.
  if (body_prefixes_.Each(line, 0, [&](size_t e, bool) {
        if (e >= n || !IsReSpace(line[e])) return false;
        size_t three = e + 1;  // after three code points
        for (int k = 0; k < 3; ++k) {
          size_t len = 0;
          if (three >= n || DecodeAt(line, three, &len) < 0 || line[three] == '.') return false;
          three += len;
        }
        size_t stop = three;  // the first '.' (or invalid byte) from there
        while (stop < n && line[stop] != '.') {
          size_t len = 0;
          if (DecodeAt(line, stop, &len) < 0) break;
          stop += len;
        }
        if (stop == n) return true;
        return paren_at != std::string_view::npos &&
               std::max(three, paren_from) <= std::min(stop, paren_at);
      }))
    return true;

  // Up to four capitalised words (each maybe followed by "og"), then the
  // suffix, maybe inside a last capitalised word ("Økonomi|udvalget").
  auto suffix_at = [&](size_t p) { return body_suffixes_.Each(line, p, ends_here); };
  auto last_word = [&](size_t p) {
    if (suffix_at(p)) return true;
    size_t len = 0;
    if (p >= n || !IsCapital(DecodeAt(line, p, &len))) return false;
    for (size_t x = p + len;; x += len) {
      if (suffix_at(x)) return true;
      if (x >= n || !IsNameChar(DecodeAt(line, x, &len))) return false;
    }
  };
  auto words = [&](auto&& self, size_t p, int used) -> bool {
    if (last_word(p)) return true;
    if (used == 4) return false;
    size_t len = 0;
    if (p >= n || !IsCapital(DecodeAt(line, p, &len))) return false;
    size_t q = p + len;
    while (q < n && IsNameChar(DecodeAt(line, q, &len))) q += len;
    // "Klima-, Teknik- og Miljøudvalget": a comma after a word's hyphen.
    if (q < n && line[q] == ',' && line[q - 1] == '-') ++q;
    if (q >= n || !IsReSpace(line[q])) return false;
    while (q < n && IsReSpace(line[q])) ++q;
    if (self(self, q, used + 1)) return true;
    size_t conj = 0;
    for (const auto& w : words_.and_.entries())
      if (line.substr(q, w.size()) == w && q + w.size() < n && IsReSpace(line[q + w.size()])) {
        conj = w.size();
        break;
      }
    if (conj == 0) return false;
    q += conj;
    while (q < n && IsReSpace(line[q])) ++q;
    return self(self, q, used + 1);
  };
  return words(words, 0, 0);
}

bool Lexicon::IsBodyName(std::string_view line) const {
  line = Trim(line);
  if (!StartsUpper(line)) return false;
  if (body_code_) return BodyNameCode(line);
  return RE2::FullMatch(line, *body_name_);
}

bool Lexicon::FindCouncil(std::string_view s, re2::StringPiece* town,
                          re2::StringPiece* word) const {
  // The pattern is "Town\s+(?i:COUNCILS)…", unanchored.
  if (!council_gate_.AfterSpace(s)) return false;
  return RE2::PartialMatch(s, *council_, town, word);
}

bool Lexicon::IsCouncilAlone(std::string_view s, re2::StringPiece* town) const {
  // The pattern is "(?i)^(?:COUNCIL_ALONE)(?:\s+i\s+Town)?$".
  if (!council_alone_gate_.AtStart(s)) return false;
  return RE2::FullMatch(s, *council_alone_, town);
}

bool Lexicon::MayHaveMunicipalityPhrase(std::string_view s) const {
  if (engine_ != Engine::kCode) return true;
  for (const auto& w : council_words_)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

std::optional<std::string> Lexicon::MunicipalityOf(std::string_view town) const {
  auto it = municipalities_.find(FoldCase(Trim(town)));
  if (it == municipalities_.end()) return std::nullopt;
  return it->second;
}

int Lexicon::MonthNumber(std::string_view name) const {
  std::string f = FoldCase(TrimRight(name, "."));
  auto it = months_.find(f);
  return it == months_.end() ? 0 : it->second;
}

bool Lexicon::IsRoleWord(std::string_view word) const {
  return roles_.count(FoldCase(Trim(word))) > 0;
}

size_t Lexicon::LeadinLength(std::string_view s) const {
  // (?i)^(?:ALT)[\s,:]+
  if (!leadin_.code) {
    re2::StringPiece in(s);
    if (!RE2::Consume(&in, *leadin_.re)) return 0;
    return static_cast<size_t>(in.data() - s.data());
  }
  size_t taken = 0;
  leadin_.list.Each(s, 0, [&](size_t end, bool) {
    size_t q = end;
    while (q < s.size() && (IsReSpace(s[q]) || s[q] == ',' || s[q] == ':')) ++q;
    if (q == end) return false;
    taken = q;
    return true;
  });
  return taken;
}

bool Lexicon::IsNameStopword(std::string_view word) const {
  std::string f = FoldCase(TrimRight(word, ",;:"));
  if (name_stopwords_.count(f)) return true;
  for (const auto& e : name_stop_endings_)
    if (f.size() >= e.size() && f.compare(f.size() - e.size(), e.size(), e) == 0) return true;
  return false;
}

}  // namespace referat::analyze
