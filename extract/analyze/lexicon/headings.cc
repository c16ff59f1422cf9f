#include "analyze/lexicon/headings.h"

#include <algorithm>
#include <cctype>

#include "analyze/text_util.h"

namespace referat::analyze {

using namespace lexicon_detail;

HeadingMatcher::HeadingMatcher(const Rulebook& rules, const ItemMatcher& items,
                               const HeaderMatcher& header)
    : items_(items), header_(header) {
  Tables tables(rules);
  static const std::pair<std::string_view, Role> kRoles[] = {
      {"decision", Role::kDecision}, {"recommendation", Role::kRecommendation},
      {"attachments", Role::kAttachments}, {"case", Role::kCase},
      {"section", Role::kSection}, {"toc", Role::kToc},
      {"open", Role::kOpen}, {"closed", Role::kClosed}, {"end", Role::kEnd}};
  std::vector<std::vector<std::string>> lists;  // roles_[k]'s in [k]
  for (const auto& [name, role] : kRoles) {
    std::vector<std::string> list = Column(tables, "section_headings", name);
    if (list.empty()) continue;
    roles_.push_back(role);
    lists.push_back(std::move(list));
  }
  headings_ = PhraseList(lists, true);

  // Genitives of the bodies ("udvalgets", "byrådets", "magistratens") for
  // "<Udvalgets> beslutning den …" headings.
  for (const auto& x : Column(tables, "bodies", "suffix")) genitives_.push_back(FoldCase(x) + "s");
  for (const auto& x : Column(tables, "bodies", "name")) genitives_.push_back(FoldCase(x) + "s");
  for (const auto& x : Column(tables, "bodies", "council_alone")) genitives_.push_back(FoldCase(x) + "s");
  for (const auto& w : Column(tables, "section_headings", "decision_genitive")) {
    genitive_decision_words_.push_back(FoldCase(w));
    std::string lower = genitive_decision_words_.back(), cap = lower, upper = lower;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!cap.empty()) cap[0] = upper[0];
    genitive_decision_forms_.push_back(" " + lower);
    genitive_decision_forms_.push_back(" " + cap);
    genitive_decision_forms_.push_back(" " + upper);
  }
  body_decision_date_.Set("\\s*\\d{1,2}[-./]\\d{1,2}[-./](?:\\d{4}|\\d{2})\\s*(?:,\\s*(.*))?");
}

namespace {

// After a heading's separator at s[p]: spaces and a colon, or spaces and a
// TAB, then spaces or TABs and a text on the same line: where the text
// starts, or npos.
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

// A "…" heading ending at t[end] (`open`: the phrase ended in "…"): spaces,
// then further words up to the end of the line. A "…" glued to a word
// ("Beslutning…") is a literal word.
bool WildcardEnd(std::string_view t, size_t end, bool open) {
  if (!open) return end == t.size();
  if (end >= t.size() || !IsReSpace(t[end])) return false;
  while (end < t.size() && IsReSpace(t[end])) ++end;
  return RestOfLine(t, end);
}

// "Heading: text" or "Heading<TAB>text" on one line after a phrase ending
// at block[end]; with "…", some further words, up to the colon or TAB: the
// longest run of spaces after the phrase first, then the shortest heading.
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

bool HeadingMatcher::MatchForm(std::string_view t, uint32_t tag, uint32_t* k, bool wildcard) const {
  return headings_.EachTagged(
      t, 0,
      [&](size_t end, bool open, uint32_t hit) {
        if (!(wildcard ? WildcardEnd(t, end, open) : end == t.size())) return false;
        *k = hit;
        return true;
      },
      wildcard ? PhraseList::Only::kEllipsis : PhraseList::Only::kPlain, tag);
}

bool HeadingMatcher::MatchInline(std::string_view block, uint32_t* k, size_t* head_end,
                                 size_t* rest_start) const {
  return headings_.EachTagged(block, 0, [&](size_t end, bool open, uint32_t hit) {
    if (!InlineEnd(block, end, open, head_end, rest_start)) return false;
    *k = hit;
    return true;
  });
}

HeadingHit HeadingMatcher::MatchHeading(std::string_view block) const {
  HeadingHit hit;
  std::string_view t = TrimRight(block, ":");
  if (t.empty() || t.size() > 200) return hit;
  uint32_t k = 0;
  if (MatchForm(t, kAnyRole, &k, false)) {
    hit.role = roles_[k];
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
      t.find(": ") == std::string_view::npos && is_short() && MatchForm(t, kAnyRole, &k, true)) {
    hit.role = roles_[k];
    hit.heading_end = t.size();
    hit.text_start = block.size();
    hit.wildcard = true;
    return hit;
  }
  if (!ends_sentence && StartsUpper(t) && is_short() && IsBodyDecision(t)) {
    hit.role = Role::kDecision;
    hit.heading_end = t.size();
    hit.text_start = block.size();
    return hit;
  }
  if (block.find(':') == std::string_view::npos && block.find('\t') == std::string_view::npos)
    return hit;
  // "Kommunalbestyrelsen den 20. august 2020:" (Bornholm's minutes pages,
  // under "Indstilling og beslutning"): a body and the date of its meeting
  // as a label ending the line, over that body's decision.
  if (const std::string_view bt = Trim(block); !bt.empty() && bt.back() == ':' && StartsUpper(t) && HasDigit(t) &&
      is_short() && BodyOnDateLabel(TrimRight(bt, ":"))) {
    hit.role = Role::kDecision;
    hit.heading_end = t.size();
    hit.text_start = block.size();
    return hit;
  }
  size_t head_end = 0, rest_start = 0;
  if (MatchInline(block, &k, &head_end, &rest_start)) {
    hit.role = roles_[k];
    hit.heading_end = head_end;
    hit.text_start = rest_start;
  }
  return hit;
}

// "Børne- og Skoleudvalgets beslutning den 12.03.2019", "Byrådets beslutning
// 24.10.2017 Punkt 5": a capitalised name of at most six words whose last
// word ends in a body's genitive, a decision word, then nothing or a date.
bool HeadingMatcher::GenitiveDecision(std::string_view t) const {
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
bool HeadingMatcher::DatedBodyDecision(std::string_view t) const {
  size_t comma = t.find(", ");
  if (comma == std::string_view::npos || !HasDigit(t.substr(comma))) return false;
  // "Klima-, Teknik- og Miljøudvalget, …": the comma after the name.
  while (comma != std::string_view::npos && comma > 0 && t[comma - 1] == '-') comma = t.find(", ", comma + 1);
  if (comma == std::string_view::npos || !header_.IsBodyName(t.substr(0, comma))) return false;
  // "Kultur- og Demokratiudvalget (til efterretning), 03.09.2018" under
  // "Politisk behandling:" (Næstved's minutes pages 2018): the case's
  // route, what each body is to do, not a decision's heading.
  if (t.substr(0, comma).find('(') != std::string_view::npos) return false;
  re2::StringPiece item;
  if (!RE2::FullMatch(t.substr(comma + 1), *body_decision_date_, &item)) return false;
  if (item.empty()) return true;
  std::string number;
  size_t title = 0;
  return items_.MatchItemMarker(std::string_view(item.data(), item.size()), &number, &title) &&
         Trim(std::string_view(item.data(), item.size()).substr(title)).empty();
}

// "Kommunalbestyrelsen den 20. august 2020", "Bornholms Ældreråd, den 18.
// maj 2021", "Økonomi-, Erhvervs- og Planudvalget den 11-03-2020": a body's
// name, maybe a comma, one word in lower case (the date's lead-in), then a
// date of at most four words that starts with the day's digits and ends
// with a year of four digits.
bool HeadingMatcher::BodyOnDateLabel(std::string_view t) const {
  std::vector<std::string_view> w;
  for (size_t a = 0; a < t.size() && w.size() <= 12;) {
    size_t z = t.find(' ', a);
    if (z == std::string_view::npos) z = t.size();
    if (z > a) w.push_back(t.substr(a, z - a));
    a = z + 1;
  }
  if (w.size() < 3 || w.size() > 12) return false;
  for (size_t k = 1; k + 1 < w.size(); ++k) {
    const std::string_view lead = w[k], day = w[k + 1];
    if (lead.size() > 3 || !std::islower(static_cast<unsigned char>(lead[0])) || day[0] < '0' || day[0] > '9')
      continue;
    if (w.size() - (k + 1) > 4) return false;
    const std::string_view year = TrimRight(w.back(), ".");
    const bool year_last = year.size() >= 4 && std::all_of(year.end() - 4, year.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
    if (!year_last) return false;
    std::string_view body(t.data(), static_cast<size_t>(w[k - 1].data() + w[k - 1].size() - t.data()));
    body = TrimRight(body, ",");
    return header_.IsBodyName(body);
  }
  return false;
}

bool HeadingMatcher::IsRoleLine(std::string_view line, Role role) const {
  std::string_view t = TrimRight(Trim(line), ".:");
  if (t.empty() || t.size() > 200) return false;
  uint32_t hit = 0;
  for (uint32_t k = 0; k < roles_.size(); ++k)
    if (roles_[k] == role) return MatchForm(t, k, &hit, false) || MatchForm(t, k, &hit, true);
  return false;
}

}  // namespace referat::analyze
