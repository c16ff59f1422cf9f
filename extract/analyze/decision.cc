#include "analyze/decision.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "analyze/dates.h"
#include "analyze/names.h"
#include "analyze/text_util.h"

namespace referat::analyze {
namespace {

// The sentences of [start, end) as byte ranges (from the segmenter, clipped
// to the range); the whole range when the segmenter has none there.
std::vector<std::pair<size_t, size_t>> Sentences(const Context& ctx, size_t start, size_t end) {
  std::vector<std::pair<size_t, size_t>> out;
  const auto& sents = ctx.seg().sentences;
  long k = ctx.seg().SentenceAt(start);
  if (k < 0) {
    // Find the first sentence starting inside the range.
    auto it = std::lower_bound(sents.begin(), sents.end(), start,
                               [](const Sentence& s, size_t off) { return s.start < off; });
    k = static_cast<long>(it - sents.begin());
  }
  size_t pos = start;
  for (size_t i = static_cast<size_t>(k); i < sents.size() && sents[i].start < end; ++i) {
    size_t s = std::max(sents[i].start, start);
    size_t e = std::min(sents[i].end, end);
    if (s > pos) {
      std::string_view gap = Trim(ctx.doc().Slice(pos, s));
      if (!gap.empty()) out.emplace_back(pos, s);
    }
    if (e > s) out.emplace_back(s, e);
    pos = std::max(pos, e);
  }
  if (pos < end && !Trim(ctx.doc().Slice(pos, end)).empty()) out.emplace_back(pos, end);
  // Trim each range's spaces.
  for (auto& [s, e] : out) {
    while (s < e && (ctx.doc().text[s] == ' ' || ctx.doc().text[s] == '\t')) ++s;
    while (e > s && (ctx.doc().text[e - 1] == ' ' || ctx.doc().text[e - 1] == '\t')) --e;
  }
  return out;
}

int Rank(const std::string& c) {  // merge order for compatible categories
  if (c == "approved_with_changes") return 3;
  if (c == "approved") return 2;
  if (c == "noted") return 1;
  return 0;
}

bool IsSingleWord(std::string_view s) { return Trim(s).find(' ') == std::string_view::npos; }

// True when `s` holds one of the `and` words between spaces ("A og B").
bool HasAndWord(const Words& words, std::string_view s) {
  for (const auto& w : words.and_.entries())
    if (s.find(" " + w + " ") != std::string_view::npos) return true;
  return false;
}

// One voter of a list written out before a vote's phrase: a person, two
// to four capitalised words with an optional party in parentheses ("Anna
// Oosterhof", "Per Clausen (Ø)"), or a party letter ("C", "Ø").
bool IsVoterName(std::string_view seg) {
  seg = Trim(seg);
  if (!seg.empty() && seg.back() == ')') {
    const size_t open = seg.rfind(" (");
    if (open == std::string_view::npos) return false;
    seg = Trim(seg.substr(0, open));
  }
  if (seg.empty()) return false;
  size_t words = 0;
  bool letters_only = true;
  for (size_t a = 0; a < seg.size();) {
    size_t b = seg.find(' ', a);
    if (b == std::string_view::npos) b = seg.size();
    std::string_view w = seg.substr(a, b - a);
    if (!w.empty()) {
      if (!StartsUpper(w)) return false;
      ++words;
      if (w.size() > 2 || !std::all_of(w.begin(), w.end(), [](char c) {
            const unsigned char u = static_cast<unsigned char>(c);
            return (u >= 'A' && u <= 'Z') || u >= 0x80;
          }))
        letters_only = false;
    }
    a = b + 1;
  }
  return (words >= 2 && words <= 4) || (words == 1 && letters_only);
}

// Parses "5 (A, V)", "A, V og O", "Per Clausen (Ø)" into entries and a count.
void ParseVoteList(const Words& words, std::string_view list, std::vector<std::string>* out,
                   std::optional<int>* count) {
  list = TrimBoth(list, ".,;:");
  if (list.empty()) return;
  size_t i = 0;
  while (i < list.size() && list[i] >= '0' && list[i] <= '9') ++i;
  // "21, Venstre, Eli Jacobi Nielsen (O), …" (Faxe Byråd 14.3.2019): the
  // count, then the voters after a comma.
  if (i > 0 && i <= 3 && (i == list.size() || list[i] == ' ' || list[i] == '(' || list[i] == ',')) {
    int v = 0;
    for (size_t k = 0; k < i; ++k) v = v * 10 + (list[k] - '0');
    *count = v;
    list = Trim(list.substr(i));
    for (const auto& w : words.vote_count.entries())
      if (list.rfind(w, 0) == 0) list = Trim(list.substr(w.size()));
    if (!list.empty() && list.front() == '(' && list.back() == ')') {
      list.remove_prefix(1);
      list.remove_suffix(1);
    }
  }
  // Entries separated by ',' and ' og '; parenthesised counts ("V (3)",
  // "B, V og O (3)") are taken off the entries and, when no count led the
  // list, summed into it.
  int paren_sum = 0;
  bool paren_any = false;
  // The first " og " (an `and` word between spaces) at or after `from`;
  // its length in *len.
  auto find_and = [&](size_t from, size_t* len) {
    size_t best = std::string_view::npos;
    for (const auto& w : words.and_.entries()) {
      const std::string sep = " " + w + " ";
      size_t at = list.find(sep, from);
      if (at < best) {
        best = at;
        *len = sep.size();
      }
    }
    return best;
  };
  size_t pos = 0;
  size_t og_len = 0;
  size_t og = find_and(0, &og_len);
  while (pos <= list.size()) {
    size_t comma = list.find(',', pos);
    if (og != std::string_view::npos && og < pos) og = find_and(pos, &og_len);
    size_t cut = std::min(comma, og);
    std::string_view e = TrimBoth(list.substr(pos, cut == std::string_view::npos ? cut : cut - pos), ".;:");
    if (!e.empty()) {
      // "V (3)" -> "V"
      size_t paren = e.find(" (");
      if (paren != std::string_view::npos && e.back() == ')') {
        std::string_view inner = e.substr(paren + 2, e.size() - paren - 3);
        bool digits = !inner.empty() && std::all_of(inner.begin(), inner.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; });
        if (digits && inner.size() <= 3) {
          e = Trim(e.substr(0, paren));
          int v = 0;
          for (char c : inner) v = v * 10 + (c - '0');
          paren_sum += v;
          paren_any = true;
        }
      }
      // No letter, no voter: a count or a figure ("0,4%" split at its comma).
      bool number = std::none_of(e.begin(), e.end(), [](char c) {
        const unsigned char u = static_cast<unsigned char>(c);
        return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u >= 0x80;
      });
      if (!number && AtMostWords(e, 6)) out->push_back(Collapse(e));
    }
    if (cut == std::string_view::npos) break;
    pos = cut + (cut == comma ? 1 : og_len);
  }
  if (!*count && paren_any) *count = paren_sum;
}

// Where a list of names ending at `text` starts, when the clause after
// `cut` (a comma) is the end of a list ("… og …") and the clauses before
// it are voters' names (IsVoterName); else just after `cut`.
size_t NameListStart(const Words& words, std::string_view text, size_t cut) {
  size_t begin = cut + 1;
  if (text[cut] != ',' || !HasAndWord(words, text.substr(cut + 1))) return begin;
  for (size_t from = cut;;) {
    size_t prev = std::string_view::npos;
    for (size_t k = from, depth = 0; k-- > 0;) {
      const char ch = text[k];
      if (ch == ')') ++depth;
      else if (ch == '(' && depth > 0) --depth;
      else if (depth == 0 && (ch == '.' || ch == ',' || ch == ';' || ch == ':' || ch == '\n')) {
        prev = k;
        break;
      }
    }
    const size_t seg_start = prev == std::string_view::npos ? 0 : prev + 1;
    if (!IsVoterName(text.substr(seg_start, from - seg_start))) break;
    begin = seg_start;
    if (prev == std::string_view::npos || text[prev] != ',') break;
    from = prev;
  }
  return begin;
}

// True when `sentence` holds a `conclusion` phrase of function_words.txt
// ("blev herefter"), any case, between word boundaries.
bool SaysItConcludes(const Lexicon& lex, std::string_view sentence) {
  auto letter = [](char ch) {
    unsigned char u = static_cast<unsigned char>(ch);
    return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
  };
  std::string folded = FoldCase(sentence);
  for (const std::string& phrase : lex.words().conclusion.entries()) {
    for (size_t at = folded.find(phrase); at != std::string::npos; at = folded.find(phrase, at + 1)) {
      size_t end = at + phrase.size();
      if ((at == 0 || !letter(folded[at - 1])) && (end == folded.size() || !letter(folded[end]))) return true;
    }
  }
  return false;
}

// The category of one part: its opening wording, else that of the first
// later sentence that has a known wording ("Dorthe Bøgh Madsen deltog som
// stedfortræder. Byrådet godkendte Økonomiudvalgets indstilling."). A later
// sentence that says it concludes ("Dagsordenen blev herefter godkendt.")
// is the outcome and overrides the sentences before it, which tell how the
// body got there: another item taken off the agenda (Copenhagen's
// Borgerrepræsentation, item 1 of 12 December 2019), an amendment voted down.
std::string ClassifyPart(const Lexicon& lex, std::string_view p) {
  // "11/08/2025 Social- og Handicapudvalget Orienteringen blev …": the date
  // of a case history's entry before the body and its decision.
  re2::StringPiece in(p);
  if (RE2::Consume(&in, lex.decisions().lead_date())) p = std::string_view(in.data(), in.size());
  // "18. september 2012: Sagen udsat …": a dated entry's label, unless the
  // words before the colon are the decision ("2-3 godkendt Imod stemte: Ø",
  // Greve's Klima-, Teknik- og Miljøudvalg 2024).
  std::string c = lex.decisions().ClassifyDecision(p).category;
  if (size_t colon = p.find(": "); c == "other" && colon != std::string_view::npos && colon < 40 &&
                                    HasDigit(p.substr(0, colon)) && AtMostWords(p.substr(0, colon), 4)) {
    p = Trim(p.substr(colon + 1));
    c = lex.decisions().ClassifyDecision(p).category;
  }
  // The starts of the later sentences; an initial ("John T. Olsen") ends
  // none.
  auto next_sentence = [&](size_t from) {
    for (size_t i = from; i + 2 < p.size(); ++i) {
      if (!(p[i] == '.' || p[i] == '!' || p[i] == '?') || p[i + 1] != ' ') continue;
      if (i >= 2 && p[i - 2] == ' ' && p[i - 1] >= 'A' && p[i - 1] <= 'Z') continue;
      size_t b = i + 1;
      while (b < p.size() && p[b] == ' ') ++b;
      if (b < p.size() && StartsUpper(p.substr(b))) return b;
    }
    return p.size();
  };
  for (size_t b = next_sentence(1); b < p.size();) {
    size_t e = next_sentence(b + 1);
    std::string_view sentence = Trim(p.substr(b, e - b));
    if (c == "other") {
      c = lex.decisions().ClassifyDecision(p.substr(b)).category;
    } else if (SaysItConcludes(lex, sentence)) {
      if (std::string k = lex.decisions().ClassifyDecision(sentence).category; k != "other") c = k;
    }
    b = e;
  }
  return c;
}

}  // namespace

bool SubstituteNote(const Lexicon& lex, std::string_view sentence, std::vector<std::string>* names) {
  size_t a, b;
  std::string_view s = Trim(sentence);
  if (!lex.attendance().MatchSubstitute(s, &a, &b)) return false;
  std::string_view v = s.substr(a, b - a);
  // A label word before the names ("Stedfortræder Jacob Rosenberg mødte
  // for …"), and words not capitalised ("og Peter Steffensen deltog i
  // stedet").
  LabelHit lh = lex.attendance().MatchLabel(v, true);
  if (lh.field != Field::kNone && lh.value_start < v.size()) v = v.substr(lh.value_start);
  while (!v.empty() && !StartsUpper(v)) {
    const size_t z = v.find(' ');
    v = z == std::string_view::npos ? std::string_view() : Trim(v.substr(z + 1));
  }
  bool any = false;
  for (auto& pn : ParseNames(lex, v)) {
    names->push_back(std::move(pn.name));
    any = true;
  }
  return any;
}

size_t ListBeforeSubstitute(const Lexicon& lex, std::string_view list, std::vector<std::string>* came) {
  size_t a, b;
  if (!lex.attendance().MatchSubstitute(list, &a, &b) || a == 0) return std::string_view::npos;
  std::string_view before = list.substr(0, a);
  while (!before.empty() && IsReSpace(before.back())) before.remove_suffix(1);
  const std::string_view en_dash = "\xE2\x80\x93";
  if (before.size() >= en_dash.size() && before.substr(before.size() - en_dash.size()) == en_dash)
    before.remove_suffix(en_dash.size());
  else if (!before.empty() && (before.back() == '-' || before.back() == ',' || before.back() == ';'))
    before.remove_suffix(1);
  else
    return std::string_view::npos;
  if (!SubstituteNote(lex, list.substr(a), came)) return std::string_view::npos;
  while (!before.empty() && IsReSpace(before.back())) before.remove_suffix(1);
  return before.size();
}

bool AbsenceNote(const Lexicon& lex, std::string_view sentence, std::vector<std::string>* names) {
  size_t a, b;
  std::string_view s = Trim(sentence);
  // "Fraværende: Ingen" and "Afbud:" have no names but are still notes.
  if (!lex.attendance().MatchAbsence(s, &a, &b)) return false;
  if (a < b) {
    // "Fraværende: Evan Lynnerup (V) - Marianne Kiærulff (V) mødte som
    // stedfortræder." (Roskilde's minutes pages): the substitute came.
    std::vector<std::string> came;
    const size_t n = ListBeforeSubstitute(lex, s.substr(a, b - a), &came);
    if (n != std::string_view::npos) b = a + n;
  }
  auto lower_word = [](std::string_view w) {
    return !w.empty() && !StartsUpper(w) && w[0] != '(' && !(w[0] >= '0' && w[0] <= '9');
  };
  if (a < b && a > 0) {
    // "Der er afbud fra Lone Hansen. Niels Kirkegaard er indkaldt som
    // suppleant." (Allerød Byråd 26-04-2018): the names end with the first
    // sentence when the next one says something (a word not capitalised,
    // longer than a conjunction or a name's particle); capitalised words
    // and parties go on with the list.
    std::string_view v = s.substr(a, b - a);
    for (size_t p = v.find(". "); p != std::string_view::npos; p = v.find(". ", p + 1)) {
      if (p >= 1 && std::isupper(static_cast<unsigned char>(v[p - 1])) && (p == 1 || v[p - 2] == ' ')) continue;
      bool says = false;
      for (size_t w = p + 2; w < v.size() && !says;) {
        size_t z = v.find(' ', w);
        if (z == std::string_view::npos) z = v.size();
        says = lower_word(v.substr(w, z - w)) && z - w > 3;  // not "og", "la", "von"
        w = z + 1;
      }
      if (says) {
        b = a + p;
        break;
      }
    }
  }
  std::vector<PersonName> parsed = ParseNames(lex, s.substr(a, b - a));
  if (a == 0 && !parsed.empty()) {
    // "I stedet deltog Rie Frank (A) Bodil Kornbek (A) var fraværende."
    // (Lyngby-Taarbæk Kommunalbestyrelsen 22.12.2016, the full stop after
    // the substitute lost): words not capitalised before the names are a
    // clause of their own; the absent one is the name after the last
    // party in parentheses.
    std::string_view before = s.substr(0, parsed.front().start);
    bool clause = false;
    for (size_t w = 0; w < before.size() && !clause;) {
      size_t z = before.find(' ', w);
      if (z == std::string_view::npos) z = before.size();
      clause = lower_word(before.substr(w, z - w));
      w = z + 1;
    }
    std::string_view names = s.substr(0, b);
    size_t paren = names.rfind(") ");
    if (clause && paren != std::string_view::npos && paren > parsed.front().start &&
        StartsUpper(names.substr(paren + 2)))
      parsed = ParseNames(lex, names.substr(paren + 2));
  }
  bool any = false;
  for (auto& pn : parsed) {
    any = true;
    names->push_back(std::move(pn.name));  // callers remove repeats (DedupeNames)
  }
  if (!any) {
    std::string f = FoldCase(TrimBoth(s.substr(a, b - a), ".:"));
    return f.empty() || lex.words().none.ContainsFolded(f) || f == "-";
  }
  return true;
}

std::string CategorizeDecision(const Lexicon& lex, std::string_view text, bool* mixed,
                               std::vector<std::string>* part_categories) {
  *mixed = false;
  text = Trim(text);
  // Numbered parts: "1. …", then "2. …" with the next number and a capital.
  std::vector<std::string_view> parts;
  {
    size_t part_start = 0;
    int expect = 0;
    re2::StringPiece in(text), num;
    while (RE2::FindAndConsume(&in, lex.decisions().numbered_part(), &num)) {
      int n = 0;
      for (char c : num) n = n * 10 + (c - '0');
      size_t num_pos = static_cast<size_t>(num.data() - text.data());
      // A part starts at the reference before its number, one or two words
      // ("Ad 2: …", "Indstillingspunkt 1: …", "Ad. pkt. 3."): where a
      // clause reference starts that takes in the number.
      for (int words = 0, w = static_cast<int>(num_pos); words < 2 && w > 0; ++words) {
        while (w > 0 && text[w - 1] == ' ') --w;
        while (w > 0 && text[w - 1] != ' ') --w;
        const size_t len = lex.decisions().ClauseRefLength(text.substr(w));
        if (len > num_pos - w && std::isalpha(static_cast<unsigned char>(text[w]))) {
          num_pos = static_cast<size_t>(w);
          break;
        }
      }
      size_t after = static_cast<size_t>(in.data() - text.data());
      if (expect == 0) {
        if (num_pos != 0 || n != 1) break;  // not a numbered decision
        expect = 2;
        continue;
      }
      if (n != expect || after >= text.size() || !StartsUpper(text.substr(after))) continue;
      // "1. - 2. Anbefales.", "1. og 2. Godkendt.": a range of clauses
      // sharing one decision, not a part of its own.
      if (RE2::FullMatch(text.substr(part_start, num_pos - part_start), lex.decisions().clause_connector())) {
        ++expect;
        continue;
      }
      parts.push_back(text.substr(part_start, num_pos - part_start));
      part_start = num_pos;
      ++expect;
    }
    parts.push_back(text.substr(part_start));
  }
  // Parts with no known wording ("3. Administrationen skal sikre …") are
  // details of the decision, not decisions of their own. Compatible
  // categories merge (approved_with_changes > approved > noted); parts that
  // disagree ("1. Anbefales. 2. Anbefales ikke.") set `mixed`, and the
  // decision takes the first part's category: the first clause of a
  // recommendation is its principal one, and the warning names each part's.
  std::string merged, first;
  for (std::string_view p : parts) {
    std::string c = ClassifyPart(lex, p);
    if (part_categories) part_categories->push_back(c);
    if (c == "other") continue;
    if (first.empty()) first = c;
    if (merged.empty()) {
      merged = c;
    } else if (c != merged) {
      if (Rank(c) > 0 && Rank(merged) > 0) {
        if (Rank(c) > Rank(merged)) merged = c;
      } else {
        *mixed = true;
      }
    }
  }
  if (*mixed) return first;
  return merged.empty() ? "other" : merged;
}

void ReadVotes(const Context& ctx, size_t start, size_t end, std::optional<Votes>* votes,
               std::optional<std::pair<int, int>>* tally) {
  const Lexicon& lex = ctx.lex();
  std::string_view s = ctx.doc().Slice(start, end);
  if (!lex.decisions().HasVote(s)) return;
  // Positions of every vote phrase, to end each list at the next one.
  std::vector<size_t> marks;
  {
    re2::StringPiece in(s), m;
    while (RE2::FindAndConsume(&in, lex.decisions().any_vote(), &m)) marks.push_back(m.data() - s.data());
  }
  // Where suffix phrases ("F undlod at stemme") start: a list before one
  // belongs to it, not to the preceding prefix phrase.
  // A one-word suffix phrase ("imod") is one only after a count.
  auto after_count = [&](size_t pos) {
    std::string_view before = TrimRight(s.substr(0, pos), " ");
    return !before.empty() && before.back() >= '0' && before.back() <= '9';
  };
  std::vector<size_t> suffix_marks;
  for (int side = 0; side < 3; ++side) {
    re2::StringPiece in(s), m;
    while (RE2::FindAndConsume(&in, lex.decisions().vote_suffix(side), &m)) {
      const size_t pos = m.data() - s.data();
      if (!IsSingleWord(std::string_view(m.data(), m.size())) || after_count(pos)) suffix_marks.push_back(pos);
    }
  }
  std::sort(suffix_marks.begin(), suffix_marks.end());
  // Every side's phrases where they stand: a phrase inside a longer one of
  // another side is that one's word, not a vote of its own ("imod stemte"
  // in "hverken for eller imod stemte 5 (EL)", Folketinget).
  std::vector<std::pair<size_t, size_t>> side_spans[3];
  for (int side = 0; side < 3; ++side) {
    for (const RE2* re : {&lex.decisions().vote_prefix(side), &lex.decisions().vote_suffix(side)}) {
      re2::StringPiece in(s), m;
      while (RE2::FindAndConsume(&in, *re, &m))
        side_spans[side].emplace_back(m.data() - s.data(), m.data() - s.data() + m.size());
    }
  }
  auto inside_other = [&](int side, size_t from, size_t to) {
    for (int o = 0; o < 3; ++o) {
      if (o == side) continue;
      for (auto [a, b] : side_spans[o])
        if (a <= from && b >= to && b - a > to - from) return true;
    }
    return false;
  };
  auto next_mark = [&](size_t after) {  // marks are in text order
    auto it = std::lower_bound(marks.begin(), marks.end(), after);
    return it == marks.end() ? s.size() : *it;
  };
  bool any = false;
  std::vector<std::string> lists[3];
  std::optional<int> counts[3];
  for (int side = 0; side < 3; ++side) {
    re2::StringPiece in(s), m;
    while (RE2::FindAndConsume(&in, lex.decisions().vote_prefix(side), &m)) {
      size_t mpos = m.data() - s.data();
      size_t after = in.data() - s.data();
      if (inside_other(side, mpos, mpos + m.size())) continue;
      if (IsSingleWord(std::string_view(m.data(), m.size()))) {
        // "For:" / "For 5" only; "For at sikre …" is prose.
        std::string_view before = TrimRight(s.substr(0, mpos), " ");
        bool at_start = before.empty() || before.back() == ',' || before.back() == ';' ||
                        before.back() == '.' || before.back() == ':';
        char nx = after < s.size() ? s[after] : '\0';
        bool colon = mpos + m.size() < s.size() && s.substr(mpos + m.size(), after - mpos - m.size()).find(':') !=
                                                       std::string_view::npos;
        if (!at_start || !(colon || (nx >= '0' && nx <= '9'))) continue;
      }
      size_t stop = next_mark(after);
      std::string_view list = s.substr(after, stop - after);
      if (std::binary_search(suffix_marks.begin(), suffix_marks.end(), stop)) {
        // Cut before the suffix phrase's own subject.
        int depth = 0;
        for (size_t k = list.size(); k-- > 0;) {
          if (list[k] == ')') ++depth;
          else if (list[k] == '(' && depth > 0) --depth;
          else if (depth == 0 && (list[k] == ',' || list[k] == ';')) {
            list = list.substr(0, k);
            break;
          }
        }
      }
      // End at a sentence end inside the list, not at an abbreviated name
      // ("Jens Kr. Yde", Thisted): after a word of four letters or more, or
      // of three not capitalised.
      for (size_t dot = list.find(". "); dot != std::string_view::npos; dot = list.find(". ", dot + 1)) {
        size_t w = dot;
        while (w > 0 && list[w - 1] != ' ' && list[w - 1] != '.' && list[w - 1] != '(') --w;
        const size_t len = dot - w;
        if (len >= 4 || (len == 3 && !(list[w] >= 'A' && list[w] <= 'Z'))) {
          list = list.substr(0, dot);
          break;
        }
      }
      list = TrimRight(list, ",;");
      // "Niels Erik Poulsen (V) idet han ikke ønsker …": the reason is no voter.
      for (const auto& w : lex.words().vote_reason.entries())
        if (size_t at = list.find(" " + w + " "); at != std::string_view::npos) list = TrimRight(list.substr(0, at), ",;");
      for (const auto& w : lex.words().vote_tail.entries())
        if (list.size() > w.size() + 1 && list.substr(list.size() - w.size()) == w &&
            list[list.size() - w.size() - 1] == ' ')
          list = list.substr(0, list.size() - w.size() - 1);
      if (list.size() > 1 && list.back() == ',') list.remove_suffix(1);
      ParseVoteList(lex.words(), list, &lists[side], &counts[side]);
      any = true;
    }
    in = re2::StringPiece(s);
    while (RE2::FindAndConsume(&in, lex.decisions().vote_suffix(side), &m)) {
      size_t mpos = m.data() - s.data();
      if (inside_other(side, mpos, mpos + m.size())) continue;
      std::string_view before = s.substr(0, mpos);
      // The clause before the phrase: after the last mark outside
      // parentheses ("Et flertal (A, B og C) stemte for").
      size_t cut = std::string_view::npos;
      for (size_t k = before.size(), depth = 0; k-- > 0;) {
        const char ch = before[k];
        if (ch == ')') ++depth;
        else if (ch == '(' && depth > 0) --depth;
        else if (depth == 0 && (ch == '.' || ch == ',' || ch == ';' || ch == ':')) {
          cut = k;
          break;
        }
      }
      std::string_view list = Trim(cut == std::string_view::npos ? before : before.substr(cut + 1));
      // "Anna Oosterhof, Birgitte Wilsted Simonsen og Pia Britt Elberg
      // stemmer imod" (Rebild Børne- og Ungdomsudvalg): the clause is the
      // end of a list of names ("… og …"), and the names before it, each a
      // person (two to four capitalised words) or a party letter, belong to
      // it.
      if (cut != std::string_view::npos) list = Trim(before.substr(NameListStart(lex.words(), before, cut)));
      // "Et flertal (Hellen Hedemann, …, Jens Kjær Christensen) stemte for
      // procedureforslaget." (Københavns Kultur- og Fritidsudvalg 2002): a
      // group named before the voters in parentheses.
      bool group = false;
      if (size_t open = list.find(" ("); open != std::string_view::npos && list.back() == ')' &&
                                         lex.words().vote_group.ContainsFolded(FoldCase(list.substr(0, open)))) {
        list = Trim(list.substr(open + 2, list.size() - open - 3));
        group = true;
      }
      // "vedtaget med 6 stemmer for og 3 imod": a count right before the
      // phrase, not a list of voters. A one-word phrase ("imod") counts
      // only so; before it stands prose ("Udvalget er imod").
      {
        size_t sp = list.find_last_of(' ');
        std::string_view last = sp == std::string_view::npos ? list : list.substr(sp + 1);
        // "tiltrådt med 34 stemmer imod 15" (Københavns Borgerrepræsentation
        // 2007): two counts whose sides the verb decides, not this side's.
        std::string_view after_m = Trim(s.substr(mpos + m.size()));
        const bool count_follows = !after_m.empty() && after_m[0] >= '0' && after_m[0] <= '9';
        const bool count_before = !last.empty() && last.size() <= 3 &&
                                  std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (count_before && count_follows) {
          // The two counts as stated, first the one before the phrase.
          if (tally && !*tally) {
            int a = 0, b = 0;
            for (char c : last) a = a * 10 + (c - '0');
            size_t k = 0;
            while (k < after_m.size() && k < 4 && after_m[k] >= '0' && after_m[k] <= '9') b = b * 10 + (after_m[k++] - '0');
            if (k <= 3) *tally = std::make_pair(a, b);
          }
          continue;
        }
        if (count_before) {
          int v = 0;
          for (char c : last) v = v * 10 + (c - '0');
          counts[side] = v;
          any = true;
          continue;
        }
      }
      if (IsSingleWord(std::string_view(m.data(), m.size()))) continue;
      for (const auto& w : lex.words().vote_lead.entries()) lang::ConsumeLeadingWord(&list, w);
      for (const auto& w : lex.words().vote_reason.entries()) lang::ConsumeLeadingWord(&list, w);
      // "Udvalget følger indstillingen": the body decides, no one votes.
      if (lex.decisions().IsDecisionSubject(list) || lex.header().IsBodyName(list)) continue;
      if (list.empty() || (!group && !AtMostWords(list, 12))) continue;
      ParseVoteList(lex.words(), list, &lists[side], &counts[side]);
      any = true;
    }
  }
  if (!any) return;
  if (!*votes) *votes = Votes{};
  Votes& v = **votes;
  auto append = [](std::vector<std::string>* dst, const std::vector<std::string>& src) {
    std::set<std::string> seen(dst->begin(), dst->end());
    for (const auto& x : src)
      if (seen.insert(x).second) dst->push_back(x);
  };
  append(&v.for_, lists[0]);
  append(&v.against, lists[1]);
  append(&v.abstained, lists[2]);
  if (counts[0] || counts[1] || counts[2]) {
    if (!v.counts) v.counts = VoteCounts{};
    if (counts[0]) v.counts->for_ = counts[0];
    if (counts[1]) v.counts->against = counts[1];
    if (counts[2]) v.counts->abstained = counts[2];
  }
  Span sp = ctx.MakeSpan(start, end);
  if (v.span) {
    sp.start = std::min(sp.start, v.span->start);
    sp.end = std::max(sp.end, v.span->end);
    sp.page = v.span->page;
  }
  v.span = sp;
}

void ReadDissent(const Context& ctx, size_t start, size_t end, std::vector<Dissent>* out) {
  std::string_view s = ctx.doc().Slice(start, end);
  size_t len = 0;
  const Lexicon& lex = ctx.lex();
  size_t p = lex.decisions().FindDissent(s, &len);
  if (p == std::string_view::npos) return;
  std::string_view who = TrimRight(s.substr(0, p), ",;:");
  // The subject is the last clause before the phrase: after the last ',' or
  // ';' outside parentheses ("Godkendt, men A kunne ikke tiltræde").
  {
    int depth = 0;
    size_t cut = std::string_view::npos;
    for (size_t k = who.size(); k-- > 0;) {
      if (who[k] == ')') ++depth;
      else if (who[k] == '(' && depth > 0) --depth;
      else if (depth == 0 && (who[k] == ',' || who[k] == ';')) {
        cut = k;
        break;
      } else if (depth == 0 && who[k] == '.' && k + 1 < who.size() && who[k + 1] == ' ') {
        // A sentence's end ("Godkendt. A tog forbehold"), not an initial
        // ("John T. Olsen") or a short abbreviation.
        size_t w = k;
        while (w > 0 && who[w - 1] != ' ') --w;
        if (k - w >= 3) {
          cut = k;
          break;
        }
      }
    }
    if (cut != std::string_view::npos) who = Trim(who.substr(NameListStart(lex.words(), who, cut)));
  }
  for (const auto& w : lex.words().dissent_lead.entries()) lang::ConsumeLeadingWord(&who, w, true);
  std::string who_s;
  if (Trim(who).empty() || !AtMostWords(who, 10)) {
    // "Mindretallet (A) …": the phrase and its parenthesis are the who.
    std::string_view phrase = s.substr(p, len);
    size_t after = p + len;
    while (after < s.size() && s[after] == ' ') ++after;
    if (after < s.size() && s[after] == '(') {
      size_t close = s.find(')', after);
      if (close != std::string_view::npos) phrase = s.substr(p, close + 1 - p);
    }
    who_s = UpperFirst(Collapse(phrase));
  } else {
    who_s = Collapse(who);
  }
  // "… tiltrådt med 34 stemmer imod 15.": a tally, no one's reservation;
  // the words before the phrase end in a count.
  {
    const size_t sp = who_s.find_last_of(' ');
    std::string_view last = sp == std::string::npos ? std::string_view(who_s) : std::string_view(who_s).substr(sp + 1);
    if (!last.empty() && std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; })) return;
  }
  // "Udvalget kunne ikke godkende indstillingen": the body's own decision
  // (a rejection), not a minority's reservation.
  if (ctx.lex().decisions().IsDecisionSubject(who_s) || ctx.lex().header().IsBodyName(who_s)) return;
  Dissent d;
  d.who = who_s;
  d.text = Collapse(s);
  d.span = ctx.MakeSpan(start, end);
  if (!d.who.empty() && !d.text.empty()) out->push_back(std::move(d));
}

void ReadReferrals(const Context& ctx, size_t start, size_t end, int default_year,
                   std::vector<Referral>* out) {
  const Lexicon& lex = ctx.lex();
  std::string_view s = ctx.doc().Slice(start, end);
  const size_t from = lex.decisions().FindReferralTrigger(s);
  if (from == std::string_view::npos) return;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& x : *out) seen.emplace(x.body, x.date.value_or(""));
  re2::StringPiece in(s.data() + from, s.size() - from), body;
  while (RE2::FindAndConsume(&in, lex.decisions().referral_target(), &body)) {
    size_t bstart = body.data() - s.data();
    size_t bend = bstart + body.size();
    Referral r;
    r.body = UpperFirst(Collapse(std::string_view(body.data(), body.size())));
    size_t rend = bend;
    // "… den 06.11.17", "… d. 13. november 2017", "…, den 5/12"
    size_t k = bend;
    while (k < s.size() && (s[k] == ' ' || s[k] == ',')) ++k;
    for (std::string_view w : lex.words().date_leads) {
      if (s.compare(k, w.size(), w) == 0) {
        size_t dpos = k + w.size();
        while (dpos < s.size() && s[dpos] == ' ') ++dpos;
        if (auto d = FindDate(lex, s, dpos, default_year); d && d->start == dpos) {
          r.date = d->iso;
          rend = d->end;
          in = re2::StringPiece(s.data() + rend, s.size() - rend);
        }
        break;
      }
    }
    r.span = ctx.MakeSpan(start + bstart, start + rend);
    if (seen.emplace(r.body, r.date.value_or("")).second) out->push_back(std::move(r));
  }
}

void DedupeNames(std::vector<std::string>* names) {
  std::set<std::string> seen;
  size_t w = 0;
  for (size_t r = 0; r < names->size(); ++r) {
    if (!seen.insert((*names)[r]).second) continue;
    // No self-move: a string moved onto itself may be left empty.
    if (w != r) (*names)[w] = std::move((*names)[r]);
    ++w;
  }
  names->resize(w);
}

DecisionParts ParseDecision(const Context& ctx, const SectionDraft& section, int default_year,
                            const Recommendation* rec) {
  DecisionParts out;
  const Lexicon& lex = ctx.lex();
  std::vector<std::pair<size_t, size_t>> decision_ranges, other_ranges;
  bool after_absence = false;
  bool names_follow = false;  // "Følgende deltog ikke i behandlingen af punktet:" ended the last line
  // A label of the meeting's attendance alone on its line ("Tilstede var:",
  // "Afbud fra:") and the names under it, one a line: the attendance
  // recorded under the decision (Copenhagen's Økonomiudvalg), not its text.
  Field roll = Field::kNone;
  for (const Piece& p : section.pieces) {
    std::string_view whole = ctx.doc().Slice(p.start, p.end);
    if (roll != Field::kNone) {
      std::string_view w = Trim(whole);
      std::vector<PersonName> names;
      if (!w.empty() && AtMostWords(w, 8)) names = ParseNames(lex, w);
      // "Fraværende uden afbud:" / "Ingen.": nobody, and still the roll.
      if (lex.words().none.ContainsFolded(FoldCase(TrimRight(w, ".")))) {
        roll = Field::kNone;
        continue;
      }
      if (!names.empty() && names[0].name.find(' ') != std::string::npos) {
        if (roll == Field::kAbsent)
          for (auto& pn : names) out.absent.push_back(std::move(pn.name));
        continue;
      }
      roll = Field::kNone;
    }
    {
      std::string_view w = Trim(whole);
      // The label without its colon too, alone on its line ("Fraværende" /
      // "- Hans Østergaard ()": FirstAgenda's public minutes pages,
      // Ringkøbing-Skjern Kommune 2025).
      if (!w.empty() && AtMostWords(w, 4)) {
        const LabelHit lh = lex.attendance().MatchLabel(w, false);
        if ((lh.field == Field::kPresent || lh.field == Field::kMembers || lh.field == Field::kAbsent ||
             lh.field == Field::kOthers) &&
            Trim(w.substr(std::min(lh.value_start, w.size()))).empty()) {
          roll = lh.field;
          continue;
        }
      }
    }
    // The names under such a note, a line each ("Hans Hansen").
    if (names_follow) {
      std::string_view w = Trim(whole);
      if (!w.empty() && w.back() != '.' && w.back() != ':' && AtMostWords(w, 8)) {
        auto names = ParseNames(lex, w);
        bool all_names = !names.empty();
        for (const auto& pn : names) all_names = all_names && pn.name.find(' ') != std::string::npos;
        if (all_names) {
          for (auto& pn : names) out.absent.push_back(std::move(pn.name));
          continue;
        }
      }
      names_follow = false;
    }
    // A whole line that is an absence note ("John T. Olsen var fraværende."
    // may be split by the sentence breaker at the initial).
    const size_t absent_before = out.absent.size();
    // A note before any decision text ("X havde meldt forfald." first
    // under the heading) does not end the decision; one after it does.
    if (AbsenceNote(lex, whole, &out.absent)) {
      after_absence = after_absence || !decision_ranges.empty();
      names_follow = out.absent.size() == absent_before && !Trim(whole).empty() && Trim(whole).back() == ':';
      continue;
    }
    for (auto [s, e] : Sentences(ctx, p.start, p.end)) {
      if (AbsenceNote(lex, ctx.doc().Slice(s, e), &out.absent)) {
        after_absence = after_absence || !decision_ranges.empty();
        continue;
      }
      // What follows an absence note after the decision is not the
      // decision (Aalborg repeats the case summary there); it may still
      // hold votes or dissents. A note before any decision text ("Følgende
      // deltog ikke i behandlingen af punktet:" and the names under the
      // heading) comes before the decision.
      (after_absence && !decision_ranges.empty() ? other_ranges : decision_ranges).emplace_back(s, e);
    }
  }
  // "Medlemsforslaget blev tiltrådt med 34 stemmer imod 15." (Københavns
  // Borgerrepræsentation 2007): two stated counts whose sides the verb
  // decides, set once the category is known.
  std::optional<std::pair<int, int>> tally;
  for (size_t k = 0; k < decision_ranges.size(); ++k) {
    auto [s, e] = decision_ranges[k];
    // A vote's label alone on its line ("For forslaget stemmer:"), the
    // voters on the line under it (Thisted Kommunalbestyrelse 26.1.2021).
    size_t vote_end = e;
    if (k + 1 < decision_ranges.size()) {
      std::string_view line = TrimRight(ctx.doc().Slice(s, e), " \t\r\n");
      if (!line.empty() && line.back() == ':' && AtMostWords(line, 4) && lex.decisions().HasVote(line)) {
        // The list goes on past a sentence break the segmenter put after an
        // abbreviated name ("Jens Kr." / "Yde, Jens Otto Madsen, …").
        size_t m = k + 1;
        auto abbreviated = [&](size_t r) {
          std::string_view t = TrimRight(ctx.doc().Slice(decision_ranges[r].first, decision_ranges[r].second), " \t\r\n");
          if (t.size() < 2 || t.back() != '.') return false;
          size_t w = t.size() - 1;
          while (w > 0 && t[w - 1] != ' ') --w;
          return t.size() - 1 - w <= 3 && StartsUpper(t.substr(w));
        };
        while (m + 1 < decision_ranges.size() && abbreviated(m)) ++m;
        vote_end = decision_ranges[m].second;
      }
    }
    ReadVotes(ctx, s, vote_end, &out.votes, &tally);
    ReadDissent(ctx, s, e, &out.dissents);
    ReadReferrals(ctx, s, e, default_year, &out.referrals);
  }
  if (!decision_ranges.empty()) {
    Joiner j;
    for (auto [s, e] : decision_ranges) j.Add(ctx.doc().Slice(s, e));
    Decision d;
    d.text = j.Take();
    d.span = ctx.MakeSpan(decision_ranges.front().first, decision_ranges.back().second);
    // The category is read from the same words, but a vote's line that
    // ends in a parenthesis or a number before a short sentence on the next
    // line ends a sentence there: a vote's line "Undlod at stemme 5 (Dansk
    // Folkeparti, …)" and then "Godkendt." (Rebild Byråd), so that the
    // wording of the later sentence is found. The text itself stays as
    // written.
    std::string class_text;
    {
      auto open_end = [&](size_t k) {
        std::string_view a = TrimRight(ctx.doc().Slice(decision_ranges[k].first, decision_ranges[k].second), " \t\r\n");
        std::string_view b = Trim(ctx.doc().Slice(decision_ranges[k + 1].first, decision_ranges[k + 1].second));
        // The next line is a short sentence of its own ("Godkendt."), not
        // a table's next cell ("(pkt. 8)" / "Afventer ressourcer", Greve's
        // task lists as text).
        if (a.empty() || b.empty() || !StartsUpper(b) || b.back() != '.' || !AtMostWords(b, 4)) return false;
        // A list's close or a count ends the line, not a word: a heading
        // run into the text ("Hundige Kunstgræsbane" / "Byrådet godkendte
        // den 22. august …", Greve's Klima-, Teknik- og Miljøudvalg) is
        // no sentence of its own.
        const unsigned char c = static_cast<unsigned char>(a.back());
        if (c != ')' && !(c >= '0' && c <= '9')) return false;
        // …and the line, or its label on the line above ("For stemte:" /
        // "1 (A)", Dragør), records a vote.
        if (lex.decisions().HasVote(a)) return true;
        return k > 0 && lex.decisions().HasVote(ctx.doc().Slice(decision_ranges[k - 1].first, decision_ranges[k - 1].second));
      };
      bool any = false;
      for (size_t k = 0; k + 1 < decision_ranges.size() && !any; ++k) any = open_end(k);
      if (any) {
        Joiner cj;
        for (size_t k = 0; k < decision_ranges.size(); ++k) {
          std::string_view r = ctx.doc().Slice(decision_ranges[k].first, decision_ranges[k].second);
          if (k + 1 < decision_ranges.size() && open_end(k)) {
            cj.Add(std::string(TrimRight(r, " \t\r\n")) + ".");
          } else {
            cj.Add(r);
          }
        }
        class_text = cj.Take();
      }
    }
    bool mixed = false;
    std::vector<std::string> part_categories;
    // The rule files' categories are checked against the contract's table
    // by tests/contract; a name it lacks would read as "other".
    d.category = FromName<DecisionCategory>(CategorizeDecision(lex, class_text.empty() ? d.text : class_text,
                                                               &mixed, &part_categories))
                     .value_or(DecisionCategory::kOther);
    // A decision recorded as its vote alone ("For stemte 5, imod stemte
    // 2."): the recommendation put to the vote was carried or fell.
    if (d.category == DecisionCategory::kOther && out.votes && out.votes->counts &&
        out.votes->counts->for_ && out.votes->counts->against &&
        *out.votes->counts->for_ != *out.votes->counts->against)
      d.category = *out.votes->counts->for_ > *out.votes->counts->against ? DecisionCategory::kApproved
                                                                         : DecisionCategory::kRejected;
    // Stated counts win over voters counted from a list ("For stemte: A,
    // B, F og Ø." under "… tiltrådt med 34 stemmer imod 15."): carried, the
    // count before the phrase is for; voted down, it is against.
    if (tally && (d.category == DecisionCategory::kApproved || d.category == DecisionCategory::kRejected)) {
      if (!out.votes) {
        out.votes = Votes{};
        out.votes->span = d.span;
      }
      if (!out.votes->counts) out.votes->counts = VoteCounts{};
      VoteCounts& c = *out.votes->counts;
      const bool carried = d.category == DecisionCategory::kApproved;
      if (!c.for_) c.for_ = carried ? tally->first : tally->second;
      if (!c.against) c.against = carried ? tally->second : tally->first;
    }
    // An orientation item: its recommendation only takes the matter to
    // notice ("1. at orienteringen tages til efterretning") and the decision
    // reports what was told ("Brev til regionen … er afsendt.", Slagelse
    // Økonomiudvalget 1.10.2018, "Siden sidst fra udvalgets medlemmer"):
    // noted.
    if (d.category == DecisionCategory::kOther && !mixed && rec && rec->clauses.size() == 1) {
      bool rec_mixed = false;
      if (CategorizeDecision(lex, rec->clauses[0], &rec_mixed) == "noted" && !rec_mixed)
        d.category = DecisionCategory::kNoted;
    }
    if (mixed) {
      std::string each;
      for (size_t k = 0; k < part_categories.size(); ++k)
        each += (k ? ", " : "") + std::to_string(k + 1) + ": " + part_categories[k];
      ctx.Warn("mixed_decision",
               "the decision's numbered parts have different categories (" + each + "; the first is the "
               "decision's): \"" + Clip(d.text, 120) + "\"",
               d.span);
    } else if (d.category == DecisionCategory::kOther) {
      ctx.Warn("unknown_decision_phrase",
               "no rule in decision_phrases.txt matches the decision \"" + Clip(d.text, 120) + "\"",
               d.span);
    }
    out.decision = std::move(d);
  }
  DedupeNames(&out.absent);
  return out;
}

}  // namespace referat::analyze
