#include "analyze/lexicon/header.h"

#include "analyze/text_util.h"

namespace referat::analyze {

using namespace lexicon_detail;

HeaderMatcher::HeaderMatcher(const Rulebook& rules, const Words& words) : words_(words) {
  Tables tables(rules);
  const std::string and_alt = lang::ReAlternation(words.and_.entries());
  const std::string range_alt = WordAlternation(rules, "range");
  const std::string in_alt = WordAlternation(rules, "in");

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
  doc_type_ = PhraseList(type_words, false);
  report_word_ = PhraseList(Column(tables, "document_types", "report"), false);
  letter_word_ = PhraseList(Column(tables, "document_types", "letter"), false);
  annual_report_.Set("(?i)(?:" + lang::ReAlternation(Column(tables, "document_types", "annual")) +
                     ")\\s+((?:19|20)\\d{2})(?:[^\\d]|$)");
  year_range_.Set("(?:^|[^\\d])((?:19|20)\\d{2})\\s*(?:-|–|" + range_alt +
                  ")\\s*((?:19|20)\\d{2})(?:[^\\d]|$)");
  named_year_.Set("(?:^|[^\\p{L}\\d])(\\p{Lu}[\\p{L}\\-]*)\\s+(?:19|20)\\d{2}(?:[^\\d]|$)");
  years_.Set("((?:19|20)\\d{2})(?:\\s*(?:-|–|" + range_alt + ")\\s*((?:19|20)\\d{2}))?");

  // --- report labels and captions
  std::vector<std::string> labels, inline_labels;
  std::vector<std::string> period_phrases, until_phrases;
  for (const auto& row : tables("report_labels")) {
    if (row.size() < 2) continue;
    if (row[0] == "period_phrase" || row[0] == "period_until") {
      (row[0] == "period_phrase" ? period_phrases : until_phrases).push_back(row[1]);
      continue;
    }
    report_fields_[Collapse(FoldCase(row[1]))] = row[0];
    labels.push_back(row[1]);
    if (row[0] == "period_from") inline_labels.push_back(row[1]);
  }
  report_label_ = PhraseList(labels, false);
  period_sentence_.Set("(?i)(?:^|[^A-Za-zÀ-ÖØ-öø-ÿ])(?:" + Alternation(period_phrases) +
                       ")\\s+((?:19|20)\\d{2})\\s*(?:-|–|" + range_alt + ")\\s*((?:19|20)\\d{2})(?:[^\\d]|$)");
  period_until_.Set("(?i)(?:^|[^A-Za-zÀ-ÖØ-öø-ÿ])(?:" + Alternation(until_phrases) +
                    ")\\s+((?:19|20)\\d{2})(?:[^\\d]|$)");
  report_label_inline_ = PhraseList(inline_labels, false);
  // A caption word, then a number ("5.1", "3", "A") and the end of it, or a colon.
  caption_words_ = PhraseList(rules.Lines("report_captions"), false);
  caption_.Set("(?i)^(?:" + Alternation(rules.Lines("report_captions")) +
               ")(?:\\s*\\d{1,3}(?:\\.\\d{1,3})*[a-z]?[.:]?(?:\\s|$)|\\s*:)");

  // --- bodies and councils
  std::vector<std::string> names = Column(tables, "bodies", "name");
  for (const auto& n : Column(tables, "bodies", "council_alone")) names.push_back(n);
  body_names_ = PhraseList(names, false);
  body_suffixes_ = PhraseList(Column(tables, "bodies", "suffix"), false);
  body_prefixes_ = PhraseList(Column(tables, "bodies", "prefix"), false, /*fold=*/false);
  bodys_meeting_.Set("^(\\S.*?)s\\s+(?i:" + WordAlternation(rules, "meeting") + ")$");
  std::vector<std::string> councils = Column(tables, "bodies", "council");
  councils_ = councils;
  council_words_ = PhraseList(councils, false);
  council_alone_words_ = PhraseList(Column(tables, "bodies", "council_alone"), false);
  council_.Set(
      "([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+(?:[ -][A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+)?)\\s+((?i:" +
      Alternation(councils) + "))(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]|$)");
  council_alone_.Set("(?i)^(?:" + Alternation(Column(tables, "bodies", "council_alone")) +
                     ")(?:\\s+(?:" + in_alt + ")\\s+([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+))?$");
  for (const auto& row : tables("municipalities")) {
    if (row.size() < 2) continue;
    municipalities_[FoldCase(row[0])] = row[1];
    municipalities_[FoldCase(row[1])] = row[1];
    if (row[1].size() > row[0].size() && row[1].compare(0, row[0].size(), row[0]) == 0 && row[1][row[0].size()] == ' ')
      towns_[row[1]] = row[0];
    if (row.size() >= 3) municipality_path_words_[row[2]] = row[1];
  }
  for (const auto& row : tables("bodies")) {
    if (row.size() >= 4 && row[0] == "council_alone") only_councils_[FoldCase(row[1])] = {row[2], row[3]};
    if (row.size() >= 3 && row[0] == "meeting_title") meeting_titles_.emplace_back(FoldCase(row[1]), row[2]);
    if (row.size() >= 2 && row[0] == "regional") regional_words_.push_back(FoldCase(row[1]));
  }
  municipality_words_ = lang::WordList(rules, "function_words", "council_word").entries();
  municipality_phrase_.Set(
      "([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+(?:[ -][A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\\-]+)?)\\s+(?:" +
      lang::ReAlternation(municipality_words_) + ")(?:[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]|$)");
}

std::string HeaderMatcher::DocumentType(std::string_view line) const {
  // A type phrase at the line's start, not followed by a letter.
  std::string_view t = Trim(line);
  size_t type_end = 0;
  if (!doc_type_.Each(t, 0, [&](size_t end, bool) {
        size_t len = 0;
        type_end = end;
        return NonLetterAt(t, end, false, &len);
      }))
    return "";
  auto it = doc_types_.find(Collapse(FoldCase(t.substr(0, type_end))));
  return it == doc_types_.end() ? "" : it->second;
}

bool HeaderMatcher::HasReportWord(std::string_view s) const { return HasWord(report_word_, s, false); }
bool HeaderMatcher::HasLetterWord(std::string_view s) const { return HasWord(letter_word_, s, true); }

bool HeaderMatcher::NamesReport(std::string_view s) const {
  re2::StringPiece in(s.data(), s.size()), word;
  while (RE2::FindAndConsume(&in, *named_year_, &word))
    if (HasReportWord(std::string_view(word.data(), word.size()))) return true;
  return false;
}

std::string HeaderMatcher::MatchReportLabel(std::string_view block, size_t* value_start) const {
  size_t label_end = 0;
  if (!MatchLabelPhrase(report_label_, block, &label_end, value_start)) {
    // "Gældende fra 15. marts 2016": a start's label, the date after a space.
    const bool found = report_label_inline_.Each(block, 0, [&](size_t end, bool) {
      size_t v = end;
      while (v < block.size() && (block[v] == ' ' || block[v] == '\t')) ++v;
      if (v == end || v >= block.size()) return false;
      label_end = end;
      *value_start = v;
      return true;
    });
    if (!found) return "";
  }
  auto it = report_fields_.find(Collapse(FoldCase(block.substr(0, label_end))));
  return it == report_fields_.end() ? "" : it->second;
}

bool HeaderMatcher::FindPeriodFromLabel(std::string_view line, size_t* label_start, size_t* value_start) const {
  size_t start = 0;
  const bool found = report_label_inline_.Find(
      line, true,
      [&](size_t end, bool) {
        size_t v = end;
        if (v < line.size() && line[v] == ':') ++v;
        while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
        if (v == end || v >= line.size()) return false;
        *value_start = v;
        return true;
      },
      &start);
  // (A label set apart by its capital, not a phrase of the title.)
  if (!found || start == 0 || line[start - 1] != ' ' || !lang::StartsUpper(line.substr(start))) return false;
  *label_start = start;
  return true;
}

bool HeaderMatcher::PeriodInSentence(std::string_view s, int* from, int* to) const {
  re2::StringPiece a, b;
  if (!RE2::PartialMatch(s, *period_sentence_, &a, &b)) {
    if (!RE2::PartialMatch(s, *period_until_, &b)) return false;
    *from = 0;
    *to = std::stoi(std::string(b.data(), b.size()));
    return true;
  }
  *from = std::stoi(std::string(a.data(), a.size()));
  *to = std::stoi(std::string(b.data(), b.size()));
  return *to >= *from;
}

bool HeaderMatcher::IsCaption(std::string_view line) const {
  line = Trim(line);
  // Most lines start with no caption word; the pattern is not run on them.
  if (!caption_words_.Each(line, 0, [](size_t, bool) { return true; })) return false;
  return RE2::PartialMatch(line, *caption_);
}

namespace {

// The capitals and the letters (with '-') a body's name is made of.
bool IsCapital(int32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xDE);
}
bool IsNameChar(int32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x17F) || c == '-';
}

}  // namespace

// A body's name is the whole line, maybe followed by a short abbreviation in
// parentheses ("(PUK)", at most 20 characters), and is one of:
//   - a `name` or `council_alone` phrase;
//   - up to four capitalised words (each maybe followed by "og"), then a
//     `suffix` phrase, maybe inside a last capitalised word
//     ("Økonomi|udvalget", "Børne- og Ungeudvalget");
//   - a `prefix` phrase (as written), a space and at least three more
//     characters without a '.' ("Udvalget for plan, udvikling og kultur").
bool HeaderMatcher::BodyNameCode(std::string_view line) const {
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

  // PREFIX, a space, then three or more characters up to the end without a '.'.
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
  // After the conjunction the suffix is no word of its own: "Byråd og
  // udvalg" is a site's menu (htk.dk's minutes pages 2017), not a body.
  // `lower_ok`: after "Plan- og" the compound goes on in lower case ("Plan-
  // og udviklingsudvalget", Frederikssund Kommune 2009), the suffix inside it.
  auto last_word = [&](size_t p, bool bare_ok, bool lower_ok = false) {
    if (bare_ok && suffix_at(p)) return true;
    size_t len = 0;
    if (p >= n) return false;
    const int32_t c = DecodeAt(line, p, &len);
    if (!IsCapital(c) && !(lower_ok && IsNameChar(c) && c != '-')) return false;
    for (size_t x = p + len;; x += len) {
      if (suffix_at(x)) return true;
      if (x >= n || !IsNameChar(DecodeAt(line, x, &len))) return false;
    }
  };
  auto words = [&](auto&& self, size_t p, int used, bool after_and, bool after_hyphen_and) -> bool {
    if (last_word(p, !after_and, after_hyphen_and)) return true;
    if (used == 4) return false;
    size_t len = 0;
    if (p >= n || !IsCapital(DecodeAt(line, p, &len))) return false;
    size_t q = p + len;
    while (q < n && IsNameChar(DecodeAt(line, q, &len))) q += len;
    const bool hyphen = line[q - 1] == '-';
    // "Klima-, Teknik- og Miljøudvalget": a comma after a word's hyphen;
    // "Teknik, Erhverv, Plan og Miljøudvalget" (Allerød's committee 2018-2021,
    // alleroed.dk agenda_327182): after a whole word.
    if (q < n && line[q] == ',') ++q;
    if (q >= n || !IsReSpace(line[q])) return false;
    while (q < n && IsReSpace(line[q])) ++q;
    if (self(self, q, used + 1, false, false)) return true;
    size_t conj = 0;
    for (const auto& w : words_.and_.entries())
      if (line.substr(q, w.size()) == w && q + w.size() < n && IsReSpace(line[q + w.size()])) {
        conj = w.size();
        break;
      }
    if (conj == 0) return false;
    q += conj;
    while (q < n && IsReSpace(line[q])) ++q;
    return self(self, q, used + 1, true, hyphen);
  };
  return words(words, 0, 0, false, false);
}

std::string HeaderMatcher::BodyOfMeetingTitle(std::string_view line) const {
  line = Trim(line);
  for (const auto& [word, body] : meeting_titles_) {
    // Most lines differ in the first letter (ASCII in every compound); only
    // the rest are folded.
    if (line.size() < word.size() || (word[0] & 0x80)) continue;
    // The compound's ASCII opening compared without folding first
    // ("byraadsm", "sogner"): most lines differ there.
    bool differs = false;
    for (size_t k = 0; k < word.size() && !(word[k] & 0x80) && !differs; ++k)
      differs = (line[k] | 0x20) != word[k];
    if (differs) continue;
    size_t len = 0;
    if (FoldCase(line.substr(0, word.size())) == word &&
        (line.size() == word.size() || NonLetterAt(line, word.size(), false, &len)))
      return body;
  }
  return "";
}

bool HeaderMatcher::IsRegionalBody(std::string_view body) const {
  for (std::string_view rest = Trim(body); !rest.empty();) {
    const size_t sp = rest.find(' ');
    const std::string w = FoldCase(rest.substr(0, sp));
    for (const auto& r : regional_words_)
      if (w.compare(0, r.size(), r) == 0) return true;
    if (sp == std::string_view::npos) break;
    rest = Trim(rest.substr(sp));
  }
  return false;
}

bool HeaderMatcher::IsBodyName(std::string_view line) const {
  line = Trim(line);
  if (!StartsUpper(line)) return false;
  if (BodyNameCode(line)) return true;
  // "Byråd 2022-2025", "Kommunalbestyrelsen 2018-2021": the council of an
  // election period, as FirstAgenda names it.
  const size_t sp = line.rfind(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view period = line.substr(sp + 1), base = TrimRight(line.substr(0, sp), " ");
  int from = 0, to = 0;
  if (period.size() != 9 || period[4] != '-') return false;
  for (size_t i = 0; i < 9; ++i) {
    if (i == 4) continue;
    if (period[i] < '0' || period[i] > '9') return false;
    (i < 4 ? from : to) = (i < 4 ? from : to) * 10 + (period[i] - '0');
  }
  if (from < 1900 || to <= from || to - from > 6) return false;
  const bool council = council_words_.Each(base, 0, [&](size_t e, bool) { return e == base.size(); });
  re2::StringPiece town;
  return council || BodyNameCode(base) || IsCouncilAlone(base, &town);
}

bool HeaderMatcher::FindCouncil(std::string_view s, re2::StringPiece* town,
                                re2::StringPiece* word) const {
  // The council word follows the town and a space: a line without one
  // right after a space is not run through the pattern. A phrase starts
  // with a non-space, so only the ends of the runs of spaces are tried.
  bool any = false;
  for (size_t i = 1; i < s.size() && !any; ++i)
    any = IsReSpace(s[i - 1]) && !IsReSpace(s[i]) &&
          council_words_.Each(s, i, [](size_t, bool) { return true; });
  if (!any) return false;
  return RE2::PartialMatch(s, *council_, town, word);
}

std::optional<std::pair<std::string, std::string>> HeaderMatcher::OnlyCouncilOf(std::string_view name) const {
  auto it = only_councils_.find(FoldCase(Trim(name)));
  if (it == only_councils_.end()) return std::nullopt;
  auto muni = MunicipalityOf(it->second.second);
  if (!muni) return std::nullopt;
  return std::make_pair(it->second.first, *muni);
}

std::optional<std::string> HeaderMatcher::CouncilOfBody(std::string_view body, std::string_view municipality) const {
  body = Trim(body);
  re2::StringPiece town;
  if (!IsCouncilAlone(body, &town) || !town.empty()) return std::nullopt;
  if (auto only = OnlyCouncilOf(body)) {
    if (only->second == municipality) return only->first;
    return std::nullopt;
  }
  auto t = towns_.find(std::string(municipality));
  if (t == towns_.end()) return std::nullopt;
  const std::string folded = FoldCase(body);
  const std::string* word = nullptr;
  size_t len = 0;
  for (const auto& c : councils_) {
    std::string fc = FoldCase(c);
    if (fc.size() > len && folded.compare(0, fc.size(), fc) == 0) {
      word = &c;
      len = fc.size();
    }
  }
  if (!word) return std::nullopt;
  return t->second + " " + *word;
}

bool HeaderMatcher::IsCouncilAlone(std::string_view s, re2::StringPiece* town) const {
  if (!council_alone_words_.Each(s, 0, [](size_t, bool) { return true; })) return false;
  return RE2::FullMatch(s, *council_alone_, town);
}

bool HeaderMatcher::MayHaveMunicipalityPhrase(std::string_view s) const {
  for (const auto& w : municipality_words_)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

std::optional<std::string> HeaderMatcher::MunicipalityOfPathWord(std::string_view word) const {
  std::string f = FoldCase(word);
  if (auto it = municipality_path_words_.find(f); it != municipality_path_words_.end()) return it->second;
  if (auto it = municipalities_.find(f); it != municipalities_.end()) return it->second;
  return std::nullopt;
}

std::optional<std::string> HeaderMatcher::MunicipalityOf(std::string_view town) const {
  auto it = municipalities_.find(FoldCase(Trim(town)));
  if (it == municipalities_.end()) return std::nullopt;
  return it->second;
}

}  // namespace referat::analyze
