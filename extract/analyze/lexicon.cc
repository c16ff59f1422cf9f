#include "analyze/lexicon.h"

#include <algorithm>
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

std::vector<std::string> Column(const Rulebook& rules, std::string_view file, std::string_view kind,
                                size_t field = 1) {
  std::vector<std::string> out;
  for (const auto& row : rules.Table(file))
    if (row.size() > field && (kind.empty() || row[0] == kind)) out.push_back(row[field]);
  return out;
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
  std::string key = Fingerprint(rules);
  auto it = cache->find(key);
  if (it == cache->end()) it = cache->emplace(key, std::make_unique<Lexicon>(rules)).first;
  last_book = &rules;
  last_lex = it->second.get();
  return *it->second;
}

Lexicon::Lexicon(const Rulebook& rules) {
  // --- headings
  static const std::pair<std::string_view, Role> kRoles[] = {
      {"decision", Role::kDecision}, {"recommendation", Role::kRecommendation},
      {"attachments", Role::kAttachments}, {"case", Role::kCase},
      {"section", Role::kSection}, {"toc", Role::kToc},
      {"open", Role::kOpen}, {"closed", Role::kClosed}, {"end", Role::kEnd}};
  for (const auto& [name, role] : kRoles) {
    std::vector<std::string> exact, wild, all;
    for (const auto& h : Column(rules, "section_headings", name)) {
      (h.find(kEllipsis) != std::string::npos ? wild : exact).push_back(h);
      all.push_back(h);
    }
    if (all.empty()) continue;
    HeadingRule& r = headings_.emplace_back();
    r.role = role;
    r.exact.Set("(?i)^(?:" + Alternation(exact) + ")$");
    r.wildcard.Set("(?i)^(?:" + Alternation(wild, "\\s+\\S.*") + ")$");
    r.inline_.Set("(?i)^(" + Alternation(all, "\\s+[^:\\t]+?") +
                        ")(?:\\s*:[ \\t]*|[ ]*\\t[ \\t]*)(\\S.*)$");
  }

  // --- items
  item_marker_.Set("(?i)^(?:" + Alternation(rules.Lines("item_markers")) +
                         ")\\s*(?:nr\\.?\\s*)?(\\d{1,4}(?:\\.\\d{1,3})*)([ \\t]*[.:)][ \\t]*|[ \\t]+[-–][ \\t]*|[ \\t]+|$)");
  numbered_line_.Set("^(\\d{1,4}(?:\\.\\d{1,3})*)(\\.|\\))?[ \\t]+(\\S.*)$");
  for (const auto& row : rules.Table("public_markers")) {
    if (row.size() < 3) continue;
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
  for (const auto& row : rules.Table("decision_phrases")) {
    if (row.size() < 2) continue;
    if (row[0] == "subject" || row[0] == "subject_suffix") continue;
    Phrase& p = phrases_.emplace_back();
    p.category = row[0];
    p.order = order++;
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
  subject_.Set("(?i)^(?:" + Alternation(Column(rules, "decision_phrases", "subject")) + ")" +
                     std::string(kWordEnd));
  for (const auto& s : Column(rules, "decision_phrases", "subject_suffix"))
    subject_suffixes_.push_back(FoldCase(s));
  // "1.", "1)", "1. og 2.", "1.-3.", "1, 2 og 3:", "Ad 1:", "Ad pkt. 2)", "Pkt. 1:"
  clause_ref_.Set(
      "(?i)^(?:(?:ad\\s+)?(?:pkt\\.?\\s*|punkt\\s+|indstillingens\\s+punkt\\s+)?"
      "\\d{1,2}\\s*[.):]?(?:\\s*(?:-|–|,|og|til)\\s*\\d{1,2}\\s*[.):]?)*\\s*[.):]\\s*)");

  // --- absence
  absence_prefix_.Set("(?i)^(?:" + Alternation(Column(rules, "absence_phrases", "prefix")) +
                            ")\\s*:\\s*(.*?)[\\s.]*$");
  absence_bare_.Set("(?i)^(?:" + Alternation(Column(rules, "absence_phrases", "prefix_bare")) +
                          ")\\s+(\\S.*?)[\\s.]*$");
  absence_suffix_.Set("(?i)^(.*?)\\s+(?:" +
                            Alternation(Column(rules, "absence_phrases", "suffix")) +
                            ")\\s*[.!]?\\s*$");

  // --- votes
  static const char* kSides[] = {"for", "against", "abstained"};
  std::vector<std::string> every_vote;
  for (int side = 0; side < 3; ++side) {
    std::vector<std::string> pre, suf;
    for (const auto& row : rules.Table("vote_phrases")) {
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
  dissent_.Set("(?i)(?:^|[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ])(" + Alternation(rules.Lines("dissent_phrases")) + ")" +
                     std::string(kWordEnd));

  // --- referrals
  referral_trigger_.Set("(?i)(?:^|[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ])(" + Alternation(rules.Lines("referral_phrases")) +
                              ")" + std::string(kWordEnd));
  recommendation_verb_.Set("(?i)(?:^|[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ])(" + Alternation(rules.Lines("recommendation_phrases")) +
                                 ")" + std::string(kWordEnd));
  {
    std::vector<std::string> suffixes = Column(rules, "bodies", "suffix");
    std::vector<std::string> names = Column(rules, "bodies", "name");
    for (const auto& n : Column(rules, "bodies", "council_alone")) names.push_back(n);
    std::string suffix_alt = Alternation(suffixes);
    std::string body =
        "(?:(?i:" + Alternation(names) + ")|(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*\\s+(?:og\\s+)?){0,3}?[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*(?i:" +
        suffix_alt + "))";
    referral_target_.Set(
        "(?:^|[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ])(?i:i|til|for|og)\\s+(?:(?i:behandling|videre\\s+behandling|endelig\\s+"
        "behandling|godkendelse|endelig\\s+godkendelse|orientering)\\s+i\\s+)?(" +
        body + ")" + std::string(kWordEnd));
    body_name_.Set(
        "^(?:(?i:" + Alternation(names) + ")|(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*\\s+(?:og\\s+)?){0,4}?(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*)?(?i:" +
        suffix_alt + ")|(?:" + Alternation(Column(rules, "bodies", "prefix")) +
        ")\\s+[^.]{3,})(?:\\s*\\([^()]{1,20}\\))?$");
    std::vector<std::string> councils = Column(rules, "bodies", "council");
    council_.Set("([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+(?:[ -][A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+)?)\\s+((?i:" + Alternation(councils) +
                       "))(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]|$)");
    council_alone_.Set("(?i)^(?:" + Alternation(Column(rules, "bodies", "council_alone")) +
                             ")(?:\\s+i\\s+([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+))?$");
  }
  for (const auto& row : rules.Table("municipalities")) {
    if (row.size() < 2) continue;
    municipalities_[FoldCase(row[0])] = row[1];
    municipalities_[FoldCase(row[1])] = row[1];
  }
  municipality_phrase_.Set(
      "([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+(?:[ -][A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+)?)\\s+(?:Kommunes?|KOMMUNE|Regionskommune)(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]|$)");

  // --- header labels
  static const std::pair<std::string_view, Field> kFields[] = {
      {"date", Field::kDate},       {"start", Field::kStart},     {"end", Field::kEnd},
      {"location", Field::kLocation}, {"present", Field::kPresent}, {"members", Field::kMembers},
      {"absent", Field::kAbsent},   {"others", Field::kOthers},   {"referent", Field::kReferent},
      {"ignore", Field::kIgnore}};
  std::vector<std::string> labels;
  for (const auto& row : rules.Table("attendance_labels")) {
    if (row.size() < 2) continue;
    for (const auto& [name, f] : kFields)
      if (row[0] == name) label_fields_[Collapse(FoldCase(row[1]))] = f;
    labels.push_back(row[1]);
  }
  std::string label_alt = Alternation(labels);
  label_.Set("(?i)^(" + label_alt + ")(?:[ ]*:[ \\t]*|[ ]*\\t[ \\t]*|[ ]*$)");
  label_space_.Set("(?i)^(" + label_alt + ")[ ]+");

  // --- document types
  std::vector<std::string> type_words;
  for (const auto& row : rules.Table("document_types")) {
    if (row.size() < 2) continue;
    if (row[0] == "referat" || row[0] == "dagsorden" || row[0] == "beslutningsprotokol") {
      doc_types_[Collapse(FoldCase(row[1]))] = row[0];
      type_words.push_back(row[1]);
    }
  }
  doc_type_.Set("(?i)^(" + Alternation(type_words) + ")(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]|$)");
  report_word_.Set("(?i)(" + Alternation(Column(rules, "document_types", "report")) +
                         ")(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]|$)");
  letter_word_.Set("(?i)(?:^|[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ])(" + Alternation(Column(rules, "document_types", "letter")) +
                         ")(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]|$)");

  // --- report labels
  {
    std::vector<std::string> labels;
    for (const auto& row : rules.Table("report_labels")) {
      if (row.size() < 2) continue;
      report_fields_[Collapse(FoldCase(row[1]))] = row[0];
      labels.push_back(row[1]);
    }
    report_label_.Set("(?i)^(" + Alternation(labels) + ")(?:[ ]*:[ \\t]*|[ ]*\\t[ \\t]*|[ ]*$)");
  }

  // A caption word, then a number ("5.1", "3", "A") and the end of it, or a colon.
  caption_.Set("(?i)^(?:" + Alternation(rules.Lines("report_captions")) +
                     ")(?:\\s*\\d{1,3}(?:\\.\\d{1,3})*[a-z]?[.:]?(?:\\s|$)|\\s*:)");

  // --- dates and times
  std::vector<std::string> month_words;
  for (const auto& row : rules.Table("months")) {
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
  time_range_.Set(
      "(?i)kl\\.?\\s*(\\d{1,2})[.:](\\d{2})(?:\\s*(?:-|–|til)\\s*(?:kl\\.?\\s*)?(\\d{1,2})[.:](\\d{2}))?");
  bare_time_.Set("(\\d{1,2})[.:](\\d{2})(?:\\s*(?:-|–|til)\\s*(?:kl\\.?\\s*)?(\\d{1,2})[.:](\\d{2}))?");

  // --- names
  for (const auto& r : Column(rules, "roles", "role")) roles_.insert(FoldCase(r));
  leadin_.Set("(?i)^(?:" + Alternation(Column(rules, "roles", "leadin")) + ")[\\s,:]+");
  for (const auto& w : Column(rules, "name_stopwords", "word")) name_stopwords_.insert(FoldCase(w));
  for (const auto& w : Column(rules, "name_stopwords", "ending")) name_stop_endings_.push_back(FoldCase(w));
  for (const auto& w : Column(rules, "name_stopwords", "particle")) name_particles_.insert(w);
}

HeadingHit Lexicon::MatchHeading(std::string_view block) const {
  HeadingHit hit;
  std::string_view t = TrimRight(block, ":");
  if (t.empty() || t.size() > 200) return hit;
  for (const auto& r : headings_) {
    if (RE2::FullMatch(t, *r.exact)) {
      hit.role = r.role;
      hit.heading_end = t.size();
      hit.text_start = block.size();
      return hit;
    }
  }
  // "…" headings stand alone: not a table row ("Sagsnr. i ESDH:<TAB>25/23642")
  // and not "label: value" (read by the inline form below).
  if (CountWords(t) <= 14 && !EndsSentence(t) && t.find('\t') == std::string_view::npos &&
      t.find(": ") == std::string_view::npos) {
    for (const auto& r : headings_) {
      if (RE2::FullMatch(t, *r.wildcard)) {
        hit.role = r.role;
        hit.heading_end = t.size();
        hit.text_start = block.size();
        hit.wildcard = true;
        return hit;
      }
    }
  }
  if (block.find(':') == std::string_view::npos && block.find('\t') == std::string_view::npos)
    return hit;
  for (const auto& r : headings_) {
    re2::StringPiece head, rest;
    if (RE2::FullMatch(block, *r.inline_, &head, &rest)) {
      hit.role = r.role;
      hit.heading_end = head.size();
      hit.text_start = static_cast<size_t>(rest.data() - block.data());
      return hit;
    }
  }
  return hit;
}

bool Lexicon::IsRoleLine(std::string_view line, Role role) const {
  std::string_view t = TrimRight(Trim(line), ".:");
  if (t.empty() || t.size() > 200) return false;
  for (const auto& r : headings_)
    if (r.role == role) return RE2::FullMatch(t, *r.exact) || RE2::FullMatch(t, *r.wildcard);
  return false;
}

bool Lexicon::MatchItemMarker(std::string_view block, std::string* number,
                              size_t* title_start) const {
  re2::StringPiece num, sep;
  re2::StringPiece in(block);
  if (!RE2::Consume(&in, *item_marker_, &num, &sep)) return false;
  number->assign(num.data(), num.size());
  *title_start = static_cast<size_t>(in.data() - block.data());
  return true;
}

bool Lexicon::MatchNumberedLine(std::string_view block, bool loose, std::string* number,
                                size_t* title_start) const {
  re2::StringPiece num, sep, title;
  if (!RE2::FullMatch(block, *numbered_line_, &num, &sep, &title)) return false;
  bool dotted = num.find('.') != re2::StringPiece::npos;
  if (sep.empty() && !dotted && !loose) return false;
  if (sep == ")" && !loose) return false;
  number->assign(num.data(), num.size());
  *title_start = static_cast<size_t>(title.data() - block.data());
  return true;
}

std::optional<bool> Lexicon::TitlePublic(std::string_view title) const {
  std::string f = FoldCase(Trim(title));
  for (const auto& r : public_rules_) {
    bool hit = false;
    if (r.where == 0) {
      hit = f.compare(0, r.folded.size(), r.folded) == 0;
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

bool Lexicon::IsDecisionSubject(std::string_view s) const {
  s = Trim(s);
  if (s.empty()) return false;
  re2::StringPiece in(s);
  if (RE2::Consume(&in, *subject_) && Trim(std::string_view(in.data(), in.size())).empty()) return true;
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
    re2::StringPiece in(s);
    size_t cut = 0;
    if (RE2::Consume(&in, *subject_)) {
      cut = static_cast<size_t>(in.data() - s.data());
    } else {
      size_t sp = s.find_first_of(" ,");
      std::string_view w = s.substr(0, sp);
      std::string fw = FoldCase(w);
      for (const auto& suf : subject_suffixes_) {
        if (fw.size() >= suf.size() && fw.compare(fw.size() - suf.size(), suf.size(), suf) == 0 &&
            StartsUpper(w)) {
          cut = w.size();
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
  for (std::string_view c : cands) {
    for (const auto& p : phrases_) {
      const int n = 2 + p.wildcards;
      std::vector<re2::StringPiece> sub(n);
      if (!p.re->Match(c, 0, c.size(), RE2::ANCHOR_START, sub.data(), n)) continue;
      if (!WordEndsAt(c, static_cast<size_t>(sub[1].data() + sub[1].size() - c.data()))) continue;
      bool negated = false;
      for (int g = 2; g < n; ++g) {
        std::string fw = " ";
        fw += FoldCase(std::string_view(sub[g].data(), sub[g].size()));
        fw += ' ';
        if (fw.find(" ikke ") != std::string::npos || fw.find(" ej ") != std::string::npos)
          negated = true;
      }
      if (negated) continue;
      size_t len = sub[1].size();
      size_t end = static_cast<size_t>(sub[1].data() + sub[1].size() - t.data());
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
  return out;
}

bool Lexicon::MatchAbsence(std::string_view s, size_t* names_start, size_t* names_end) const {
  re2::StringPiece names;
  if (RE2::FullMatch(s, *absence_prefix_, &names)) {
    // "Afbud:" with nothing after it is a note without names.
    *names_start = names.empty() ? s.size() : static_cast<size_t>(names.data() - s.data());
    *names_end = *names_start + names.size();
    return true;
  }
  if (RE2::FullMatch(s, *absence_bare_, &names) || RE2::FullMatch(s, *absence_suffix_, &names)) {
    *names_start = static_cast<size_t>(names.data() - s.data());
    *names_end = *names_start + names.size();
    return !names.empty();
  }
  return false;
}

size_t Lexicon::FindDissent(std::string_view s, size_t* len) const {
  re2::StringPiece m;
  re2::StringPiece in(s);
  if (!RE2::PartialMatch(in, *dissent_, &m)) return std::string_view::npos;
  *len = m.size();
  return static_cast<size_t>(m.data() - s.data());
}

LabelHit Lexicon::MatchLabel(std::string_view block, bool allow_space) const {
  LabelHit hit;
  re2::StringPiece in(block), label;
  if (RE2::Consume(&in, *label_, &label)) {
    hit.label_end = label.size();
    hit.value_start = static_cast<size_t>(in.data() - block.data());
  } else if (allow_space) {
    in = re2::StringPiece(block);
    if (!RE2::Consume(&in, *label_space_, &label)) return hit;
    std::string_view rest(in.data(), in.size());
    // "Tid Tirsdag 24. oktober", "Afbud Mariann Nørgaard": only a value that
    // starts like a name, a weekday or a date.
    if (rest.empty() || !(StartsUpper(rest) || (rest[0] >= '0' && rest[0] <= '9'))) return hit;
    hit.label_end = label.size();
    hit.value_start = static_cast<size_t>(in.data() - block.data());
  } else {
    return hit;
  }
  auto it = label_fields_.find(Collapse(FoldCase(std::string_view(label.data(), label.size()))));
  hit.field = it == label_fields_.end() ? Field::kIgnore : it->second;
  return hit;
}

std::string Lexicon::DocumentType(std::string_view line) const {
  re2::StringPiece m;
  if (!RE2::PartialMatch(Trim(line), *doc_type_, &m)) return "";
  auto it = doc_types_.find(Collapse(FoldCase(std::string_view(m.data(), m.size()))));
  return it == doc_types_.end() ? "" : it->second;
}

std::string Lexicon::MatchReportLabel(std::string_view block, size_t* value_start) const {
  re2::StringPiece in(block), label;
  if (!RE2::Consume(&in, *report_label_, &label)) return "";
  *value_start = static_cast<size_t>(in.data() - block.data());
  auto it = report_fields_.find(Collapse(FoldCase(std::string_view(label.data(), label.size()))));
  return it == report_fields_.end() ? "" : it->second;
}

bool Lexicon::HasReportWord(std::string_view s) const { return RE2::PartialMatch(s, *report_word_); }
bool Lexicon::IsCaption(std::string_view line) const { return RE2::PartialMatch(Trim(line), *caption_); }
bool Lexicon::HasLetterWord(std::string_view s) const { return RE2::PartialMatch(s, *letter_word_); }

bool Lexicon::IsBodyName(std::string_view line) const {
  line = Trim(line);
  return StartsUpper(line) && RE2::FullMatch(line, *body_name_);
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
  re2::StringPiece in(s);
  if (!RE2::Consume(&in, *leadin_)) return 0;
  return static_cast<size_t>(in.data() - s.data());
}

bool Lexicon::IsNameStopword(std::string_view word) const {
  std::string f = FoldCase(TrimRight(word, ",;:"));
  if (name_stopwords_.count(f)) return true;
  for (const auto& e : name_stop_endings_)
    if (f.size() >= e.size() && f.compare(f.size() - e.size(), e.size(), e) == 0) return true;
  return false;
}

}  // namespace referat::analyze
