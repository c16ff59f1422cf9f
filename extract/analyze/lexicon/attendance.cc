#include "analyze/lexicon/attendance.h"

#include <cctype>

#include <algorithm>

#include "analyze/text_util.h"

namespace referat::analyze {

using namespace lexicon_detail;

AttendanceMatcher::AttendanceMatcher(const Rulebook& rules) {
  Tables tables(rules);
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
  label_ = PhraseList(labels, false);
  absence_[0] = PhraseList(Column(tables, "absence_phrases", "prefix"), false);
  absence_[1] = PhraseList(Column(tables, "absence_phrases", "prefix_bare"), false);
  absence_[2] = PhraseList(Column(tables, "absence_phrases", "suffix"), false);
  absence_[3] = PhraseList(Column(tables, "absence_phrases", "suffix_item"), false);
  absence_[4] = PhraseList(Column(tables, "absence_phrases", "reason"), false);
  absence_[5] = PhraseList(Column(tables, "absence_phrases", "prefix_open"), false);
  absence_[6] = PhraseList(Column(tables, "absence_phrases", "substitute"), false);
  came_[0] = PhraseList(Column(tables, "substitute_phrases", "after"), false);
  came_[1] = PhraseList(Column(tables, "substitute_phrases", "before"), false);
  for (const auto& r : Column(tables, "roles", "role")) roles_.insert(FoldCase(r));
  leadin_ = PhraseList(Column(tables, "roles", "leadin"), false);
  for (const auto& w : Column(tables, "name_stopwords", "word")) name_stopwords_.insert(FoldCase(w));
  for (const auto& w : Column(tables, "name_stopwords", "ending")) name_stop_endings_.push_back(FoldCase(w));
  for (const auto& w : Column(tables, "name_stopwords", "particle")) name_particles_.insert(w);
  for (const auto& w : Column(tables, "name_stopwords", "abbreviation")) name_abbreviations_.insert(w);
  clock_ = lang::WordList(rules, "function_words", "clock");
}

LabelHit AttendanceMatcher::MatchLabel(std::string_view block, bool allow_space) const {
  LabelHit hit;
  size_t label_end = 0, value_start = 0;
  if (MatchLabelPhrase(label_, block, &label_end, &value_start)) {
    hit.label_end = label_end;
    hit.value_start = value_start;
  } else if (allow_space) {
    if (!label_.Each(block, 0, [&](size_t end, bool) {
          if (end >= block.size() || block[end] != ' ') return false;
          label_end = end;
          value_start = block.find_first_not_of(' ', end);
          if (value_start == std::string_view::npos) value_start = block.size();
          return true;
        }))
      return hit;
    std::string_view rest = block.substr(value_start);
    // "Tid Tirsdag 24. oktober", "Afbud Mariann Nørgaard": only a value that
    // starts like a name, a weekday or a date, or a clock time ("Mødet
    // startede kl. 20:00 …").
    const std::string_view first = rest.substr(0, rest.find(' '));
    if (rest.empty() || !(StartsUpper(rest) || (rest[0] >= '0' && rest[0] <= '9') ||
                          (first.size() < rest.size() && clock_.Contains(first))))
      return hit;
    hit.label_end = label_end;
    hit.value_start = value_start;
  } else {
    return hit;
  }
  auto it = label_fields_.find(Collapse(FoldCase(block.substr(0, hit.label_end))));
  hit.field = it == label_fields_.end() ? Field::kIgnore : it->second;
  return hit;
}

// The three forms of an absence note, tried in this order:
//   - a `prefix` phrase, a colon, then the names ("Afbud: A og B.");
//   - a `prefix_open` phrase, spaces, further words on one line without a
//     colon, and a colon ending the text: a note whose names follow on the
//     lines under it ("Fraværende i Thisted Kommunalbestyrelsen, 31. maj
//     2022:");
//   - a `prefix_bare` phrase, spaces, then the names ("Fraværende A og B");
//   - the substitute's words (no comma or dot), a space, a `substitute` phrase,
//     spaces, then the absent member's name (no dot) up to a comma, the
//     line's end or the sentence's ("Stedfortræder Jacob Rosenberg mødte for Laura
//     Lindahl, der havde forfald.");
//   - the names, spaces, then a `suffix` phrase that ends the sentence
//     ("A og B var fraværende."), or that a `reason` phrase follows ("A
//     havde meldt afbud pga. sygdom.").
// The names are the rest of one line, without the spaces and dots at its
// end; in the third form the shortest text before such a phrase.
bool AttendanceMatcher::MatchAbsence(std::string_view s, size_t* names_start, size_t* names_end) const {
  size_t tail = s.size();  // the trailing run of spaces and dots
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
  size_t end = s.size();
  while (end > 0 && IsReSpace(s[end - 1])) --end;
  if (end > 0 && s[end - 1] == ':' && absence_[5].Each(s, 0, [&](size_t e, bool) {
        if (e >= s.size() || !IsReSpace(s[e])) return false;
        while (e < s.size() && IsReSpace(s[e])) ++e;
        if (e + 1 >= end) return false;
        size_t w = end - 1;  // the words, without the spaces before the colon
        while (w > e && IsReSpace(s[w - 1])) --w;
        const std::string_view words = s.substr(e, w - e);
        return !words.empty() && words.find(':') == std::string_view::npos &&
               words.find('\n') == std::string_view::npos;
      })) {
    *names_start = *names_end = s.size();
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
  for (size_t p = 1; !found && p < s.size(); ++p) {
    // The words before: no comma, no dot, one line.
    if (s[p - 1] == ',' || s[p - 1] == '.' || (p >= 2 && s[p - 2] == '\n')) break;
    if (!IsReSpace(s[p - 1])) continue;
    found = absence_[6].Each(s, p, [&](size_t e, bool) {
      if (e >= s.size() || !IsReSpace(s[e])) return false;
      while (e < s.size() && IsReSpace(s[e])) ++e;
      size_t l = e;
      while (l < s.size() && s[l] != ',' && s[l] != '\n' && s[l] != '.') ++l;
      size_t ne = l;  // the name, without spaces and dots at its end
      while (ne > e && (IsReSpace(s[ne - 1]) || s[ne - 1] == '.')) --ne;
      if (ne == e) return false;
      size_t r = ne;
      while (r < s.size() && (IsReSpace(s[r]) || s[r] == '.')) ++r;
      if (r < s.size() && s[r] == ',') {
        r = s.find('\n', r);
        if (r == std::string_view::npos) r = s.size();
        while (r < s.size() && IsReSpace(s[r])) ++r;
      }
      if (r != s.size()) return false;
      a = e;
      b = ne;
      return true;
    });
  }
  if (!found) {
    // The phrase ends the sentence, or a clause follows it on the line
    // ("Mikkel Houmann havde meldt afbud, og Peter Steffensen deltog i
    // stedet.", Copenhagen's local committees).
    // Or a reason follows it ("Hans Hansen havde meldt afbud pga. sygdom.",
    // "… på selve mødedagen.").
    auto reason = [&](size_t e, bool) {
      return (e >= s.size() || IsReSpace(s[e]) || s[e] == '.' || s[e] == ',') &&
             s.find('\n', e) == std::string_view::npos;
    };
    auto sentence_end = [&](size_t e, bool) {
      const size_t phrase_end = e;
      while (e < s.size() && IsReSpace(s[e])) ++e;
      if (e < s.size() && s[e] == ',') return s.find('\n', e) == std::string_view::npos;
      if (e > phrase_end && absence_[4].Each(s, e, reason)) return true;
      if (e < s.size() && (s[e] == '.' || s[e] == '!')) ++e;
      while (e < s.size() && IsReSpace(s[e])) ++e;
      return e == s.size();
    };
    // A suffix_item phrase, an item's number, then anything ("… deltog
    // ikke i forbindelse med behandlingen af punkt 1 pga. inhabilitet.").
    auto item_number = [&](size_t e, bool) {
      if (e >= s.size() || !IsReSpace(s[e])) return false;
      while (e < s.size() && IsReSpace(s[e])) ++e;
      size_t d = e;
      while (d < s.size() && s[d] >= '0' && s[d] <= '9') ++d;
      return d > e && (d == s.size() || !(std::isalnum(static_cast<unsigned char>(s[d]))));
    };
    for (size_t q = 0; q < s.size();) {
      if (IsReSpace(s[q])) {
        size_t p = q;
        while (p < s.size() && IsReSpace(s[p])) ++p;
        if (absence_[2].Each(s, p, sentence_end) || absence_[3].Each(s, p, item_number)) {
          found = true;
          a = 0;
          b = q;
          break;
        }
      }
      size_t len = 0;
      if (DecodeAt(s, q, &len) < 0 || s[q] == '\n') break;  // the names are one line
      q += len;
    }
  }
  if (!found) return false;
  *names_start = a;
  *names_end = b;
  return a != b;
}

// The substitute who came, tried in this order:
//   - an `after` phrase at the start, then the names up to the first word
//     in lower case of three letters or more that is no name's particle
//     ("Istedet mødte Michael Olsen."); when such a word cuts the run, the
//     names end with the first party in parentheses ("I stedet deltog Rie
//     Frank (A) Bodil Kornbek (A) var fraværende.": the full stop lost);
//   - the names, then a `before` phrase ending the sentence or its clause
//     (a comma follows), or an absence_phrases.txt `substitute` phrase and
//     a space: the names are the clause before it, after the last comma,
//     colon, semicolon, dash between spaces, sentence end or line break
//     ("…, og Peter Steffensen deltog i stedet.", "Evan Lynnerup (V) -
//     Marianne Kiærulff (V) mødte som stedfortræder.", "Inger Andersen (A)
//     deltog i mødet i stedet for Tanja Larsson (A).").
bool AttendanceMatcher::MatchSubstitute(std::string_view s, size_t* names_start, size_t* names_end) const {
  size_t tail = s.size();  // the trailing run of spaces and dots
  while (tail > 0 && (IsReSpace(s[tail - 1]) || s[tail - 1] == '.')) --tail;
  size_t a = 0;
  if (came_[0].Each(s, 0, [&](size_t e, bool) {
        if (e >= s.size() || !IsReSpace(s[e])) return false;
        while (e < s.size() && IsReSpace(s[e])) ++e;
        a = e;
        return e < tail;
      })) {
    size_t b = a;
    bool cut = false;
    for (size_t w = a; w < tail;) {
      size_t z = w;
      while (z < tail && !IsReSpace(s[z])) ++z;
      const std::string_view word = s.substr(w, z - w);
      if (word.size() >= 3 && std::islower(static_cast<unsigned char>(word[0])) && !IsNameParticle(word)) {
        cut = true;
        break;
      }
      b = z;
      while (z < tail && IsReSpace(s[z])) ++z;
      w = z;
    }
    if (cut) {
      const size_t paren = s.substr(a, b - a).find(')');
      if (paren != std::string_view::npos) b = a + paren + 1;
    }
    const size_t nl = s.substr(a, b - a).find('\n');
    if (nl != std::string_view::npos) b = a + nl;
    while (b > a && (IsReSpace(s[b - 1]) || s[b - 1] == ',' || s[b - 1] == '.')) --b;
    if (b == a) return false;
    *names_start = a;
    *names_end = b;
    return true;
  }
  auto ends_clause = [&](size_t e, bool) {
    while (e < s.size() && IsReSpace(s[e])) ++e;
    if (e < s.size() && s[e] == ',') return true;
    if (e < s.size() && (s[e] == '.' || s[e] == '!')) ++e;
    while (e < s.size() && IsReSpace(s[e])) ++e;
    return e == s.size();
  };
  auto then_space = [&](size_t e, bool) { return e < s.size() && IsReSpace(s[e]); };
  for (size_t p = 1; p < s.size(); ++p) {
    if (!IsReSpace(s[p - 1]) || IsReSpace(s[p])) continue;
    if (!came_[1].Each(s, p, ends_clause) && !absence_[6].Each(s, p, then_space)) continue;
    size_t q = p;
    while (q > 0 && IsReSpace(s[q - 1])) --q;
    size_t c = 0;  // the clause's start
    for (size_t k = 0; k + 1 < q; ++k) {
      const char ch = s[k];
      if (ch == '\n') {
        c = k + 1;
      } else if ((ch == ',' || ch == ':' || ch == ';') && IsReSpace(s[k + 1])) {
        c = k + 1;
      } else if (ch == '.' && IsReSpace(s[k + 1])) {
        // An initial's dot ("John T. Olsen") ends nothing.
        if (!(k >= 1 && std::isupper(static_cast<unsigned char>(s[k - 1])) && (k == 1 || s[k - 2] == ' ')))
          c = k + 1;
      } else if (ch == ' ' && s.compare(k, 3, " - ") == 0) {
        c = k + 2;
      } else if (ch == ' ' && s.compare(k, 5, " \xE2\x80\x93 ") == 0) {  // an en dash between spaces
        c = k + 4;
      }
    }
    while (c < q && IsReSpace(s[c])) ++c;
    if (c == q) continue;
    *names_start = c;
    *names_end = q;
    return true;
  }
  return false;
}

bool AttendanceMatcher::IsRoleWord(std::string_view word) const {
  return roles_.count(FoldCase(Trim(word))) > 0;
}

size_t AttendanceMatcher::LeadinLength(std::string_view s) const {
  // A lead-in phrase, then at least one space, comma or colon (all taken).
  size_t taken = 0;
  leadin_.Each(s, 0, [&](size_t end, bool) {
    size_t q = end;
    while (q < s.size() && (IsReSpace(s[q]) || s[q] == ',' || s[q] == ':')) ++q;
    if (q == end) return false;
    taken = q;
    return true;
  });
  return taken;
}

bool AttendanceMatcher::IsNameStopword(std::string_view word) const {
  std::string f = FoldCase(TrimRight(word, ",;:"));
  if (name_stopwords_.count(f)) return true;
  for (const auto& e : name_stop_endings_)
    if (f.size() >= e.size() && f.compare(f.size() - e.size(), e.size(), e) == 0) return true;
  return false;
}

}  // namespace referat::analyze
