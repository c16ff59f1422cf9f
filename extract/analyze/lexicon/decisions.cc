#include "analyze/lexicon/decisions.h"

#include <algorithm>
#include <cctype>

#include "analyze/text_util.h"

namespace referat::analyze {

using namespace lexicon_detail;

DecisionMatcher::DecisionMatcher(const Rulebook& rules, const Words& words) : words_(words) {
  Tables tables(rules);
  const std::string and_alt = lang::ReAlternation(words.and_.entries());
  auto alt = [&](std::string_view tag) { return WordAlternation(rules, tag); };
  auto refs = [&](std::string_view tag) { return RefAlternation(rules, tag); };
  for (const auto& w : words.negation.entries()) negations_.push_back(" " + FoldCase(w) + " ");
  clause_start_.Set("^(?:(?:\\d{1,2}|[a-zæøå])[.)][ \\t]*)?(?i:" + lang::ReAlternation(words.that.entries()) +
                    ")[ \\t]");
  clause_mark_.Set("^(?:\\d{1,2}|[a-zæøå])[.)][ \t]*");
  clause_mark_spaced_.Set("^(?:\\d{1,2}|[a-zæøå])[.)][ \\t]+");
  // "1. …", "2) …", "Ad 2: …" (the reference before the number is found by
  // the caller), and a range first: "1.-2. Anbefales. 3. Anbefales ikke."
  // The number may be glued to an abbreviated reference before it ("Ad.2.
  // Taget til efterretning.", Greve): a letter and its dot stand before it.
  numbered_part_.Set("(?:^|[\\s,;–-]|[A-Za-z]\\.)(\\d{1,2})[.):](?:\\s+|[-–])");
  lead_date_.Set("^\\s*\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\s+");
  clause_connector_.Set("(?i)[\\d\\s.,:)–-]*(?:(?:" + alt("clause_join") + ")[\\d\\s.,:)–-]*)*");

  // --- decision phrases
  int order = 0;
  for (const auto& row : tables("decision_phrases")) {
    if (row.size() < 2) continue;
    if (row[0] == "subject" || row[0] == "subject_suffix") continue;
    if (row[0] == "anywhere") {
      if (row.size() >= 3) {
        std::vector<std::string> parts;
        const std::string folded = FoldCase(row[2]);
        for (size_t a = 0;;) {
          size_t star = folded.find(" * ", a);
          parts.push_back(folded.substr(a, star == std::string::npos ? std::string::npos : star - a));
          if (star == std::string::npos) break;
          a = star + 3;
        }
        anywhere_.emplace_back(std::move(parts), row[1]);
      }
      continue;
    }
    Phrase p;
    p.category = row[0];
    p.order = order++;
    // A phrase the matcher cannot read (invalid UTF-8) matches nothing;
    // tests/analyze/lexicon_engines_test.cc checks that every rule reads.
    if (!p.words.Parse(row[1])) continue;
    p.wildcards = p.words.wildcards();
    p.first = p.words.first();
    phrases_.push_back(std::move(p));
  }
  subject_ = PhraseList(Column(tables, "decision_phrases", "subject"), false);
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
    vote_prefix_[side].Set("(?i)" + std::string(kLetterBefore) + "(" + Alternation(pre) +
                           ")[ \\t]*:?[ \\t]*");
    vote_suffix_[side].Set("(?i)" + std::string(kLetterBefore) + "(" + Alternation(suf) + ")" +
                           std::string(kWordEnd));
  }
  any_vote_.Set("(?i)" + std::string(kLetterBefore) + "(" + Alternation(every_vote) + ")" +
                std::string(kWordEnd));
  any_vote_words_ = PhraseList(every_vote, false);
  dissent_ = PhraseList(rules.Lines("dissent_phrases"), false);

  // --- referrals and recommendations
  referral_trigger_ = PhraseList(rules.Lines("referral_phrases"), false);
  recommendation_verb_ = PhraseList(rules.Lines("recommendation_phrases"), false);
  std::vector<std::string> names = Column(tables, "bodies", "name");
  for (const auto& n : Column(tables, "bodies", "council_alone")) names.push_back(n);
  const std::string body =
      "(?:(?i:" + Alternation(names) + ")|(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*\\s+(?:(?:" + and_alt +
      ")\\s+)?){0,3}?[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]*(?i:" + Alternation(Column(tables, "bodies", "suffix")) +
      "))";
  referral_target_.Set(std::string(kLetterBefore) + "(?i:" + alt("referral_to") + ")\\s+(?:(?i:" +
                       alt("referral_for") + ")\\s+(?:" + alt("in") + ")\\s+)?(" + body + ")" +
                       std::string(kWordEnd));
}

size_t DecisionMatcher::ClauseRefLength(std::string_view text) const {
  re2::StringPiece in(text);
  if (!RE2::Consume(&in, *clause_ref_)) return 0;
  return static_cast<size_t>(in.data() - text.data());
}

size_t DecisionMatcher::SubjectLength(std::string_view s) const {
  size_t taken = std::string_view::npos;
  subject_.Each(s, 0, [&](size_t end, bool) {
    size_t len = 0;
    if (!NonLetterAt(s, end, true, &len)) return false;
    taken = end + len;
    return true;
  });
  return taken;
}

// "Bjarke Abel (A) blev valgt som formand …" (Greve's Social- og
// Handicapudvalg 2024): a person named with the party's letters in
// parentheses is the subject. Two to four capitalised words, then a
// parenthesis of one to three capital letters and a space.
size_t DecisionMatcher::PersonWithPartyLength(std::string_view s) {
  size_t q = 0;
  int words = 0;
  while (q < s.size() && words < 5) {
    if (s[q] == '(') break;
    if (!StartsUpper(s.substr(q))) return 0;
    const size_t sp = s.find(' ', q);
    if (sp == std::string_view::npos) return 0;
    q = sp + 1;
    ++words;
  }
  if (words < 2 || words > 4 || q >= s.size() || s[q] != '(') return 0;
  const size_t close = s.find(')', q);
  if (close == std::string_view::npos || close - q < 2 || close - q > 4) return 0;
  for (size_t k = q + 1; k < close; ++k)
    if (static_cast<unsigned char>(s[k]) < 0x80 && !(s[k] >= 'A' && s[k] <= 'Z')) return 0;
  if (close + 1 >= s.size() || s[close + 1] != ' ') return 0;
  return close + 2;
}

// "Ole Kristensen orienterede om henvendelse fra …" (Slagelse
// Økonomiudvalget 2018), "MR besluttede at sætte arkitekt på …" (Hammelev
// menighedsråd 2015): a person or a body's initials before the verb.
size_t DecisionMatcher::NamedSubjectLength(std::string_view s) const {
  size_t q = 0;
  int words = 0;
  bool initials = false;
  while (q < s.size() && words < 5) {
    const size_t sp = s.find(' ', q);
    if (sp == std::string_view::npos) return 0;
    std::string_view w = s.substr(q, sp - q);
    if (StartsLower(w)) break;
    if (!StartsUpper(w)) return 0;
    bool caps = w.size() >= 2 && w.size() <= 8, ascii_upper = false;
    for (char ch : w) {
      const unsigned char u = static_cast<unsigned char>(ch);
      if (u >= 'A' && u <= 'Z') ascii_upper = true;
      else if (u < 0x80) caps = false;  // a lower-case letter, a digit, a mark
    }
    if (words == 0) initials = caps && ascii_upper;
    for (char ch : w)
      if ((ch >= '0' && ch <= '9') || ch == '(' || ch == ':' || ch == ',' || ch == '.') return 0;
    q = sp + 1;
    ++words;
  }
  if (q >= s.size() || !StartsLower(s.substr(q))) return 0;
  if (!((words == 1 && initials) || (words >= 2 && words <= 4))) return 0;
  // No word of it is a body's name.
  for (size_t a = 0; a < q;) {
    const size_t sp = s.find(' ', a);
    const std::string f = FoldCase(s.substr(a, sp - a));
    for (const auto& suf : subject_suffixes_)
      if (f.size() >= suf.size() && f.compare(f.size() - suf.size(), suf.size(), suf) == 0) return 0;
    a = sp + 1;
  }
  return q;
}

bool DecisionMatcher::IsDecisionSubject(std::string_view s) const {
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

DecisionClass DecisionMatcher::ClassifyDecision(std::string_view text) const {
  return ClassifyWith(
      text, [this](std::string_view s) { return SubjectLength(s); },
      [this](std::string_view c) { return PhraseAt(c); });
}

std::optional<DecisionMatcher::PhraseHit> DecisionMatcher::PhraseAt(std::string_view c) const {
  std::optional<PhraseHit> best;
  std::vector<std::pair<size_t, size_t>> groups;  // the wildcards' words, in c
  // A phrase that starts with a letter matches only a text starting with
  // it (folded as Match() folds it); skipping the others here spares
  // most of the ~270 calls of Match() per candidate.
  size_t first_len = 0;
  const int32_t first = FoldCp(DecodeAt(c, 0, &first_len));
  for (const auto& p : phrases_) {
    if (p.first >= 0 && p.first != first) continue;
    groups.clear();
    const size_t match_end = p.words.Match(c, &groups);  // the phrase is c[0, match_end)
    if (match_end == std::string_view::npos) continue;
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
    const bool better = !best || match_end > best->len ||
                        (match_end == best->len && (p.wildcards < best->wildcards ||
                                                    (p.wildcards == best->wildcards && p.order < best->order)));
    if (better) best = PhraseHit{&p.category, p.order, p.wildcards, match_end};
  }
  return best;
}

bool DecisionMatcher::NegatesOrSubordinates(std::string_view s, bool subordinates) const {
  std::string f = " ";
  f += FoldCase(s);
  f += ' ';
  for (char& ch : f)
    if (ch == ',' || ch == ';' || ch == ':') ch = ' ';
  for (const auto& neg : negations_)
    if (f.find(neg) != std::string::npos) return true;
  for (const auto& w : words_.that.entries()) {
    if (!subordinates) break;
    const std::string needle = " " + FoldCase(w) + " ";
    if (f.find(needle) != std::string::npos) return true;
  }
  return false;
}

DecisionClass DecisionMatcher::ClassifyWith(std::string_view text, const SubjectFn& subject_length,
                                           const PhraseFn& phrase_at) const {
  DecisionClass out{"other", 0};
  std::string_view t = Trim(text);
  // Leading quote or dash residue is not wording.
  size_t skip = ClauseRefLength(t);
  t.remove_prefix(skip);
  t = Trim(t);
  size_t base = static_cast<size_t>(t.data() - Trim(text).data());

  // Candidates: the text itself, then with leading subjects removed.
  std::vector<std::string_view> cands{t};
  // Candidates after a person's or initials' subject: their `none` phrase
  // is no decision ("Henning Holm undlader at stemme.").
  std::vector<bool> named{false};
  std::string_view s = t;
  for (int round = 0; round < 3; ++round) {
    size_t cut = subject_length(s);
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
    if (cut == 0) cut = PersonWithPartyLength(s);
    bool by_name = false;
    if (cut == 0) {
      cut = NamedSubjectLength(s);
      by_name = cut != 0;
    }
    if (cut == 0) break;
    s = TrimBoth(s.substr(std::min(cut, s.size())), ",");
    if (s.empty()) break;
    cands.push_back(s);
    named.push_back(by_name);
  }

  std::optional<PhraseHit> best;
  size_t best_end = 0;
  for (size_t ci = 0; ci < cands.size(); ++ci) {
    std::string_view c = cands[ci];
    auto hit = phrase_at(c);
    if (!hit || (named[ci] && *hit->category == "none")) continue;
    const bool better = !best || hit->len > best->len ||
                        (hit->len == best->len && (hit->wildcards < best->wildcards ||
                                                   (hit->wildcards == best->wildcards && hit->order < best->order)));
    if (better) {
      best = hit;
      best_end = static_cast<size_t>(c.data() - t.data()) + hit->len;
    }
  }
  // "Budgetopfølgning og afslutning af budgetanalysen blev taget til
  // efterretning.": a subject of any words before the phrase, when the
  // phrase closes the first sentence and no negation or "at" clause comes
  // before it (Greve Kommune's committees). A `none` phrase ("Ingen") is
  // a note of its own, not a predicate; a subject of party letters ("V og
  // A undlader") is a vote, while "Et flertal bestående af A, F og Ø
  // godkendte indstillingen." is a decision.
  const size_t first_word = t.find(' ');
  if (!best && first_word != std::string_view::npos && first_word >= 2) {
    // The first sentence ends at ". " after a word of three letters or
    // more that is not a capitalized abbreviation ("Pcl.", "P.", "fl.").
    std::string_view sentence = t;
    for (size_t k = 0; k + 1 < t.size(); ++k) {
      if (t[k] != '.' || t[k + 1] != ' ') continue;
      size_t w = k;
      while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '.') --w;
      const size_t len = k - w;
      const bool upper = t[w] >= 'A' && t[w] <= 'Z';
      if (len >= 4 || (len == 3 && !upper)) {
        sentence = t.substr(0, k);
        break;
      }
    }
    sentence = TrimRight(sentence, ". ");
    size_t q = 0;
    for (int word = 0; word < 10; ++word) {
      size_t sp = sentence.find(' ', q);
      if (sp == std::string_view::npos) break;
      q = sp + 1;
      if (NegatesOrSubordinates(sentence.substr(0, q), true)) break;
      std::string_view c = sentence.substr(q);
      auto hit = phrase_at(c);
      // The phrase ends the sentence, or its object follows in a word or
      // two ("… godkendte indstillingen.").
      const bool closes = hit && (hit->len == c.size() ||
                                  (AtMostWords(Trim(c.substr(hit->len)), 2) && StartsLower(Trim(c.substr(hit->len))) &&
                                   !NegatesOrSubordinates(c.substr(hit->len), true)));
      if (closes && *hit->category != "none") {
        best = hit;
        best_end = q + hit->len;
        break;
      }
    }
    // "Et Andragende fra … om Tilskud til …, henlagdes.", "…, bevilligedes
    // som tidligere Aar." (a sogneråd's protocol of 1936): the matter, then
    // the decision after its last comma.
    const size_t comma = sentence.rfind(", ");
    if (!best && comma != std::string_view::npos && !NegatesOrSubordinates(sentence.substr(0, comma), false)) {
      std::string_view c = sentence.substr(comma + 2);
      auto hit = phrase_at(c);
      if (hit && *hit->category != "none" && StartsLower(c)) {
        best = hit;
        best_end = comma + 2 + hit->len;
      }
    }
  }
  if (best) {
    out.category = *best->category;
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
    // A phrase's parts between " * " follow each other with up to two
    // words between (never a negation): "har vedtaget * indstilling".
    auto matches_at = [&](const std::vector<std::string>& parts, size_t at) {
      size_t pos = at + parts[0].size();
      for (size_t k = 1; k < parts.size(); ++k) {
        bool ok = false;
        size_t p = pos;
        for (int skipped = 0; skipped <= 2 && !ok; ++skipped) {
          while (p < f.size() && f[p] == ' ') ++p;
          if (p + parts[k].size() <= f.size() && FindCaseless(f.substr(p, parts[k].size()), parts[k]) == 0 &&
              whole(p, parts[k].size())) {
            pos = p + parts[k].size();
            ok = true;
            break;
          }
          size_t e = f.find(' ', p);
          if (e == std::string_view::npos) return false;
          const std::string skipped_word = " " + FoldCase(f.substr(p, e - p)) + " ";
          for (const auto& neg : negations_)
            if (skipped_word == neg) return false;
          p = e;
        }
        if (!ok) return false;
      }
      return true;
    };
    for (const auto& [parts, category] : anywhere_) {
      size_t at = FindCaseless(f, parts[0]);
      while (at != std::string_view::npos && !(whole(at, parts[0].size()) && matches_at(parts, at)))
        at = FindCaseless(f, parts[0], at + 1);
      if (at == std::string_view::npos) continue;
      out.category = category;
      break;
    }
  }
  return out;
}

bool DecisionMatcher::HasVote(std::string_view s) const {
  size_t len = 0;
  return FindWord(any_vote_words_, s, &len) != std::string_view::npos;
}

size_t DecisionMatcher::FindDissent(std::string_view s, size_t* len) const {
  return FindWord(dissent_, s, len);
}

size_t DecisionMatcher::FindReferralTrigger(std::string_view s) const {
  size_t len = 0;
  return FindWord(referral_trigger_, s, &len);
}

size_t DecisionMatcher::FindRecommendationVerb(std::string_view s, size_t* len) const {
  return FindWord(recommendation_verb_, s, len);
}

}  // namespace referat::analyze
