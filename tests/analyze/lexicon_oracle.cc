#include "analyze/lexicon_oracle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "analyze/lexicon/detail.h"
#include "analyze/text_util.h"
#include "lang/wordlist.h"

namespace referat::testing {

using namespace analyze;
using namespace analyze::lexicon_detail;

namespace {

std::unique_ptr<RE2> Compile(const std::string& pattern) {
  auto re = std::make_unique<RE2>(pattern);
  if (!re->ok()) ADD_FAILURE_AT(__FILE__, __LINE__);
  return re;
}

}  // namespace

Re2Lexicon::Re2Lexicon(const Rulebook& rules, const Lexicon& code) : code_(code) {
  Tables tables(rules);
  auto refs = [&](std::string_view tag) { return RefAlternation(rules, tag); };
  const std::string and_alt = WordAlternation(rules, "and");

  // --- headings: per role, the whole line, the "…" form, "Heading: text".
  static const std::pair<std::string_view, Role> kRoles[] = {
      {"decision", Role::kDecision}, {"recommendation", Role::kRecommendation},
      {"attachments", Role::kAttachments}, {"case", Role::kCase},
      {"section", Role::kSection}, {"toc", Role::kToc},
      {"open", Role::kOpen}, {"closed", Role::kClosed}, {"end", Role::kEnd}};
  for (const auto& [name, role] : kRoles) {
    std::vector<std::string> exact, wild, all;
    for (const auto& h : Column(tables, "section_headings", name)) {
      (h.find(kEllipsis) != std::string::npos ? wild : exact).push_back(h);
      all.push_back(h);
    }
    if (all.empty()) continue;
    HeadingRule& r = headings_.emplace_back();
    r.role = role;
    r.exact = Compile("(?i)^(?:" + Alternation(exact) + ")$");
    r.wildcard = Compile("(?i)^(?:" + Alternation(wild, "\\s+\\S.*") + ")$");
    r.inline_ = Compile("(?i)^(" + Alternation(all, "\\s+[^:\\t]+?") +
                        ")(?:\\s*:[ \\t]*|[ ]*\\t[ \\t]*)(\\S.*)$");
  }
  dashed_marker_ = Compile("(?i)^(?:" + Alternation(rules.Lines("item_markers_dashed")) +
                           ")\\s*(\\d{1,4})[ \\t]+[-–][ \\t]*()(?:[^\\s\\d]|\\d{1,2}\\.\\s)");
  item_marker_ = Compile("(?i)^(?:" + Alternation(rules.Lines("item_markers")) + ")\\s*(?::[ \\t]*)?(?:" +
                         refs("number") +
                         ")?(\\d{1,4}(?:\\.\\d{1,3})*)([ \\t]*[.:)][ \\t]*|[ \\t]+[-–][ \\t]*|[ \\t]+|$)");

  // --- decisions: each phrase a pattern, "*" up to two words (lazy).
  int order = 0;
  for (const auto& row : tables("decision_phrases")) {
    if (row.size() < 2) continue;
    if (row[0] == "subject" || row[0] == "subject_suffix") continue;
    if (row[0] == "anywhere") continue;  // read by the library's driver
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
    p.re = Compile(pat + ")");
  }
  subject_ = Compile("(?i)^(?:" + Alternation(Column(tables, "decision_phrases", "subject")) + ")" +
                     std::string(kWordEnd));
  for (const auto& s : Column(tables, "decision_phrases", "subject_suffix"))
    subject_suffixes_.push_back(FoldCase(s));
  for (const auto& w : lang::WordList(rules, "function_words", "negation").entries())
    negations_.push_back(" " + FoldCase(w) + " ");

  // --- absence, votes, dissents, referrals, recommendations
  absence_[0] = Compile("(?i)^(?:" + Alternation(Column(tables, "absence_phrases", "prefix")) +
                        ")\\s*:\\s*(.*?)[\\s.]*$");
  absence_[1] = Compile("(?i)^(?:" + Alternation(Column(tables, "absence_phrases", "prefix_bare")) +
                        ")\\s+(\\S.*?)[\\s.]*$");
  absence_[2] = Compile("(?i)^(.*?)\\s+(?:" + Alternation(Column(tables, "absence_phrases", "suffix")) +
                        ")(?:\\s*[.!]?\\s*|\\s*,.*|\\s+(?:" + Alternation(Column(tables, "absence_phrases", "reason")) +
                        ")(?:[\\s.,].*)?)$");
  absence_[4] = Compile("(?i)^(?:" + Alternation(Column(tables, "absence_phrases", "prefix_open")) +
                        ")\\s+[^:\\n]*[^\\s:]\\s*:\\s*$");
  absence_[5] = Compile("(?i)^[^,.\\n]*?\\s(?:" + Alternation(Column(tables, "absence_phrases", "substitute")) +
                        ")\\s+([^,.\\n]*[^\\s,.\\n])[\\s.]*(?:,[^\\n]*)?\\s*$");
  absence_[3] = Compile("(?i)^(.*?)\\s+(?:" + Alternation(Column(tables, "absence_phrases", "suffix_item")) +
                        ")\\s+\\d+(?:[^\\pL\\pN].*)?$");
  auto word_pattern = [](const std::vector<std::string>& phrases) {
    return Compile("(?i)" + std::string(kLetterBefore) + "(" + Alternation(phrases) + ")" +
                   std::string(kWordEnd));
  };
  std::vector<std::string> every_vote;
  for (const auto& row : tables("vote_phrases"))
    if (row.size() >= 3 && (row[0] == "for" || row[0] == "against" || row[0] == "abstained"))
      every_vote.push_back(row[2]);
  any_vote_ = word_pattern(every_vote);
  dissent_ = word_pattern(rules.Lines("dissent_phrases"));
  referral_trigger_ = word_pattern(rules.Lines("referral_phrases"));
  recommendation_verb_ = word_pattern(rules.Lines("recommendation_phrases"));

  // --- labels, document types, captions, bodies, lead-ins
  static const std::pair<std::string_view, Field> kFields[] = {
      {"date", Field::kDate},       {"start", Field::kStart},     {"end", Field::kEnd},
      {"location", Field::kLocation}, {"present", Field::kPresent}, {"members", Field::kMembers},
      {"absent", Field::kAbsent},   {"others", Field::kOthers},   {"referent", Field::kReferent},
      {"body", Field::kBody},       {"ignore", Field::kIgnore}};
  std::vector<std::string> labels;
  for (const auto& row : tables("attendance_labels")) {
    if (row.size() < 2) continue;
    for (const auto& [name, f] : kFields)
      if (row[0] == name) label_fields_[Collapse(FoldCase(row[1]))] = f;
    labels.push_back(row[1]);
  }
  label_ = Compile("(?i)^(" + Alternation(labels) + ")(?:[ ]*:[ \\t]*|[ ]*\\t[ \\t]*|[ ]*$)");
  label_space_ = Compile("(?i)^(" + Alternation(labels) + ")[ ]+");
  clock_value_ = Compile("(?i)^(" + Alternation(lang::WordList(rules, "function_words", "clock").entries()) + ") ");
  std::vector<std::string> report_labels, inline_labels;
  for (const auto& row : tables("report_labels")) {
    // (A period phrase is read inside a sentence, not as a label.)
    if (row.size() < 2 || row[0] == "period_phrase" || row[0] == "period_until") continue;
    report_fields_[Collapse(FoldCase(row[1]))] = row[0];
    report_labels.push_back(row[1]);
    if (row[0] == "period_from") inline_labels.push_back(row[1]);
  }
  report_label_ =
      Compile("(?i)^(" + Alternation(report_labels) + ")(?:[ ]*:[ \\t]*|[ ]*\\t[ \\t]*|[ ]*$)");
  report_label_inline_ = Compile("(?i)^(" + Alternation(inline_labels) + ")([ \\t]+)[^ \\t]");
  std::vector<std::string> type_words;
  for (const auto& row : tables("document_types")) {
    if (row.size() < 2) continue;
    if (row[0] != "report" && row[0] != "letter" && row[0] != "annual" && row[0] != "agenda" &&
        row[0] != "minutes") {
      doc_types_[Collapse(FoldCase(row[1]))] = row[0];
      type_words.push_back(row[1]);
    }
  }
  doc_type_ = Compile("(?i)^(" + Alternation(type_words) + ")" + std::string(kNotLetter));
  report_word_ = Compile("(?i)(" + Alternation(Column(tables, "document_types", "report")) + ")" +
                         std::string(kNotLetter));
  letter_word_ = Compile("(?i)" + std::string(kLetterBefore) + "(" +
                         Alternation(Column(tables, "document_types", "letter")) + ")" +
                         std::string(kNotLetter));
  caption_ = Compile("(?i)^(?:" + Alternation(rules.Lines("report_captions")) +
                     ")(?:\\s*\\d{1,3}(?:\\.\\d{1,3})*[a-z]?[.:]?(?:\\s|$)|\\s*:)");
  std::vector<std::string> names = Column(tables, "bodies", "name");
  for (const auto& n : Column(tables, "bodies", "council_alone")) names.push_back(n);
  // A word, maybe with a comma; a group: a word, maybe "og" after it. The
  // suffix alone never comes right after "og" ("Byråd og udvalg").
  const std::string body_word = "[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*,?\\s+";
  const std::string body_group = "(?:" + body_word + "(?:(?:" + and_alt + ")\\s+)?)";
  const std::string body_suffix = "(?i:" + Alternation(Column(tables, "bodies", "suffix")) + ")";
  body_name_ = Compile(
      "^(?:(?i:" + Alternation(names) + ")|" + body_group + "{0,4}?[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*" +
      body_suffix + "|(?:" + body_group + "{0,3}?" + body_word + ")?" + body_suffix + "|" + body_group +
      "{0,3}?[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*-,?\\s+(?:" + and_alt + ")\\s+[a-zß-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*" +
      body_suffix + "|(?:" +
      Alternation(Column(tables, "bodies", "prefix")) + ")\\s+[^.]{3,})(?:\\s*\\([^()]{1,20}\\))?$");
  leadin_ = Compile("(?i)^(?:" + Alternation(Column(tables, "roles", "leadin")) + ")[\\s,:]+");
}

HeadingHit Re2Lexicon::MatchHeading(std::string_view block) const {
  HeadingHit hit;
  std::string_view t = TrimRight(block, ":");
  if (t.empty() || t.size() > 200) return hit;
  for (const auto& h : headings_)
    if (RE2::FullMatch(t, *h.exact)) {
      hit.role = h.role;
      hit.heading_end = t.size();
      hit.text_start = block.size();
      return hit;
    }
  const bool ends_sentence = EndsSentence(t);
  if (!ends_sentence && t.find('\t') == std::string_view::npos &&
      t.find(": ") == std::string_view::npos && AtMostWords(t, 14))
    for (const auto& h : headings_)
      if (RE2::FullMatch(t, *h.wildcard)) {
        hit.role = h.role;
        hit.heading_end = t.size();
        hit.text_start = block.size();
        hit.wildcard = true;
        return hit;
      }
  if (!ends_sentence && StartsUpper(t) && AtMostWords(t, 14) && code_.headings().IsBodyDecision(t)) {
    hit.role = Role::kDecision;
    hit.heading_end = t.size();
    hit.text_start = block.size();
    return hit;
  }
  if (block.find(':') == std::string_view::npos && block.find('\t') == std::string_view::npos)
    return hit;
  for (const auto& h : headings_) {
    re2::StringPiece head, rest;
    if (RE2::FullMatch(block, *h.inline_, &head, &rest)) {
      hit.role = h.role;
      hit.heading_end = head.size();
      hit.text_start = static_cast<size_t>(rest.data() - block.data());
      return hit;
    }
  }
  return hit;
}

bool Re2Lexicon::IsRoleLine(std::string_view line, Role role) const {
  std::string_view t = TrimRight(Trim(line), ".:");
  if (t.empty() || t.size() > 200) return false;
  for (const auto& h : headings_)
    if (h.role == role) return RE2::FullMatch(t, *h.exact) || RE2::FullMatch(t, *h.wildcard);
  return false;
}

bool Re2Lexicon::MatchItemMarker(std::string_view block, std::string* number,
                                 size_t* title_start) const {
  re2::StringPiece num, sep;
  re2::StringPiece in(block);
  if (!RE2::Consume(&in, *item_marker_, &num, &sep)) {
    re2::StringPiece title;
    if (!RE2::PartialMatch(block, *dashed_marker_, &num, &title)) return false;
    number->assign(num.data(), num.size());
    *title_start = static_cast<size_t>(title.data() - block.data());
    return true;
  }
  number->assign(num.data(), num.size());
  *title_start = static_cast<size_t>(in.data() - block.data());
  return true;
}

size_t Re2Lexicon::SubjectLength(std::string_view s) const {
  re2::StringPiece in(s);
  if (!RE2::Consume(&in, *subject_)) return std::string_view::npos;
  return static_cast<size_t>(in.data() - s.data());
}

bool Re2Lexicon::IsDecisionSubject(std::string_view s) const {
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

DecisionClass Re2Lexicon::ClassifyDecision(std::string_view text) const {
  // The reading (clause references, subjects, the sentence's closing
  // phrase, `anywhere` rows) is the library's; the oracle gives its two
  // engine parts, the subject and the phrases as RE2 patterns.
  std::vector<re2::StringPiece> sub;
  return code_.decisions().ClassifyWith(
      text, [this](std::string_view s) { return SubjectLength(s); },
      [&](std::string_view c) -> std::optional<DecisionMatcher::PhraseHit> {
        std::optional<DecisionMatcher::PhraseHit> best;
        for (const auto& p : phrases_) {
          const int n = 2 + p.wildcards;
          sub.assign(n, re2::StringPiece());
          if (!p.re->Match(c, 0, c.size(), RE2::ANCHOR_START, sub.data(), n)) continue;
          size_t match_end = static_cast<size_t>(sub[1].data() + sub[1].size() - c.data());
          if (!WordEndsAt(c, match_end)) continue;
          bool negated = false;
          for (int g = 2; g < n; ++g) {
            std::string fw = " " + FoldCase(std::string_view(sub[g].data(), sub[g].size())) + " ";
            for (const auto& neg : negations_)
              if (fw.find(neg) != std::string::npos) negated = true;
          }
          if (negated) continue;
          const bool better = !best || match_end > best->len ||
                              (match_end == best->len &&
                               (p.wildcards < best->wildcards ||
                                (p.wildcards == best->wildcards && p.order < best->order)));
          if (better) best = DecisionMatcher::PhraseHit{&p.category, p.order, p.wildcards, match_end};
        }
        return best;
      });
}

bool Re2Lexicon::MatchAbsence(std::string_view s, size_t* names_start, size_t* names_end) const {
  re2::StringPiece names;
  if (RE2::FullMatch(s, *absence_[0], &names)) {
    *names_start = names.empty() ? s.size() : static_cast<size_t>(names.data() - s.data());
    *names_end = *names_start + names.size();
    return true;
  }
  if (RE2::FullMatch(s, *absence_[4])) {
    *names_start = *names_end = s.size();
    return true;
  }
  if (RE2::FullMatch(s, *absence_[1], &names) || RE2::FullMatch(s, *absence_[5], &names) || RE2::FullMatch(s, *absence_[2], &names) ||
      RE2::FullMatch(s, *absence_[3], &names)) {
    *names_start = static_cast<size_t>(names.data() - s.data());
    *names_end = *names_start + names.size();
    return !names.empty();
  }
  return false;
}

size_t Re2Lexicon::FindWord(const RE2& re, std::string_view s, size_t* len) {
  re2::StringPiece m;
  if (!RE2::PartialMatch(s, re, &m)) return std::string_view::npos;
  *len = m.size();
  return static_cast<size_t>(m.data() - s.data());
}

LabelHit Re2Lexicon::MatchLabel(std::string_view block, bool allow_space) const {
  LabelHit hit;
  re2::StringPiece in(block), label;
  if (RE2::Consume(&in, *label_, &label)) {
    hit.label_end = label.size();
    hit.value_start = static_cast<size_t>(in.data() - block.data());
  } else if (allow_space && RE2::Consume(&in, *label_space_, &label)) {
    std::string_view rest = block.substr(static_cast<size_t>(in.data() - block.data()));
    if (rest.empty() || !(StartsUpper(rest) || (rest[0] >= '0' && rest[0] <= '9') ||
                          RE2::PartialMatch(rest, *clock_value_)))
      return hit;
    hit.label_end = label.size();
    hit.value_start = static_cast<size_t>(in.data() - block.data());
  } else {
    return hit;
  }
  auto it = label_fields_.find(Collapse(FoldCase(block.substr(0, hit.label_end))));
  hit.field = it == label_fields_.end() ? Field::kIgnore : it->second;
  return hit;
}

std::string Re2Lexicon::MatchReportLabel(std::string_view block, size_t* value_start) const {
  re2::StringPiece in(block), label;
  if (RE2::Consume(&in, *report_label_, &label)) {
    *value_start = static_cast<size_t>(in.data() - block.data());
  } else if (re2::StringPiece spaces; RE2::PartialMatch(block, *report_label_inline_, &label, &spaces)) {
    *value_start = static_cast<size_t>(spaces.data() + spaces.size() - block.data());
  } else {
    return "";
  }
  auto it = report_fields_.find(Collapse(FoldCase(block.substr(0, label.size()))));
  return it == report_fields_.end() ? "" : it->second;
}

std::string Re2Lexicon::DocumentType(std::string_view line) const {
  std::string_view t = Trim(line);
  re2::StringPiece m;
  if (!RE2::PartialMatch(t, *doc_type_, &m)) return "";
  auto it = doc_types_.find(Collapse(FoldCase(t.substr(0, m.size()))));
  return it == doc_types_.end() ? "" : it->second;
}

bool Re2Lexicon::IsCaption(std::string_view line) const {
  return RE2::PartialMatch(Trim(line), *caption_);
}

bool Re2Lexicon::IsBodyName(std::string_view line) const {
  line = Trim(line);
  return StartsUpper(line) && RE2::FullMatch(line, *body_name_);
}

size_t Re2Lexicon::LeadinLength(std::string_view s) const {
  re2::StringPiece in(s);
  if (!RE2::Consume(&in, *leadin_)) return 0;
  return static_cast<size_t>(in.data() - s.data());
}

}  // namespace referat::testing
