#include "analyze/lexicon/items.h"

#include <algorithm>

#include "analyze/text_util.h"

namespace referat::analyze {

using namespace lexicon_detail;

ItemMatcher::ItemMatcher(const Rulebook& rules, const Words& words) : months_(rules) {
  marker_words_ = PhraseList(rules.Lines("item_markers"), false);
  item_marker_.Set("(?i)^(?:" + Alternation(rules.Lines("item_markers")) + ")\\s*(?::[ \\t]*)?(?:" +
                   RefAlternation(rules, "number") +
                   ")?(\\d{1,4}(?:\\.\\d{1,3})*)([ \\t]*[.:)][ \\t]*|[ \\t]+[-–][ \\t]*|[ \\t]+|$)");
  dashed_words_ = PhraseList(rules.Lines("item_markers_dashed"), false);
  dashed_marker_.Set("(?i)^(?:" + Alternation(rules.Lines("item_markers_dashed")) +
                     ")\\s*(\\d{1,4})[ \\t]+[-–][ \\t]*()(?:[^\\s\\d]|\\d{1,2}\\.\\s)");
  // "Sagsbehandler: Marianne Godtfredsen", "Mødedato:": a case sheet's
  // field, a label of at most four words and a colon.
  // (Latin letters as Danish uses them: a \\p{L} class costs a large
  // automaton at every start.)
  meta_label_.Set("^[A-ZÆØÅÉ][A-Za-zÆØÅæøåÉéÜüÖöÄä\\-.]*(?: [A-Za-zÆØÅæøåÉéÜüÖöÄä\\-.]+){0,3}:(?:\\s|$)");
  // The number's mark may be a dot or a parenthesis and a space, or, in
  // transcribed protocols, an accent after the dot or a slash with it and
  // no space ("1.´Cirkulære af 5. Jan 21.", "1/. Til Formand", "2./ Til
  // Næstformand": Lindknud Sogneraads Protokol 1909-1921, lindknudinfo.dk).
  // "1 : Godkendelse af dagsorden" (FirstAgenda's public minutes pages,
  // Ringkøbing-Skjern Kommune 2025): a colon after the number.
  numbered_line_.Set("^(\\d{1,4}(?:\\.\\d{1,3})*)(?:(\\.|\\)|[ \\t]:)?[ \\t]+|(\\.\xC2\xB4|/\\.|\\./)[ \\t]*)(\\S.*)$");
  // "2Beslutning om forretningsorden": a web page's number and title in
  // elements of their own, read without a space between them.
  // "1.Revisionsberetning nr. 17, årsregnskab 2017 (C)" (Vejen's pages):
  // the dot without a space.
  glued_line_.Set("^([1-9]\\d{0,3})\\.?([A-ZÆØÅÉ][a-zæøåéüöä][^:;!?]*[^.:;!?\\s])$");
  attachment_lead_.Set("^\\d{1,3}[.)]?\\s+(?i:" + lang::ReAlternation(words.open_closed.entries()) +
                       ")\\s+");
  list_number_.Set("^\\d{1,3}[.)]\\s+");
  doc_number_end_.Set("(\\s+\\d{2,}/\\d{2})$");
  doc_number_cell_.Set("\\d{2,}/\\d{2}");
  file_end_.Set(
      "(?i)\\.(?:docx?|pdf|msg|xlsx?|pptx?|txt|rtf|odt|ods|odp|jpe?g|png|gif|tiff?|zip|csv|html?|eml)(?:\\s)");
  for (const auto& row : rules.Table("public_markers")) {
    if (row.size() < 3 || row[1] == "word") continue;
    PublicRule r;
    r.open = row[0] == "open";
    r.where = row[1] == "prefix" ? 0 : row[1] == "suffix" ? 1 : 2;
    r.folded = FoldCase(row[2]);
    public_rules_.push_back(std::move(r));
  }
  // Case numbers: 2017-047330, 21-014482, 12/27845, EMN-2023-009832,
  // KLE 00.01.00-A00-1-17 (with or without the trailing parts), KLE
  // 00.01.00P35-0098 (the facet glued, a four-digit serial: Bornholm's
  // minutes pages),
  // 1-51-71-3321-08 (Region Midtjylland's journal numbers), 330-2018-3619
  // (a municipality's number, the year, the serial: Odsherred), 2007/34364
  // (the year and the serial: Odense's SBSYS minutes of 2008), 018520-2013
  // (a six-digit serial, then the year: Gentofte's minutes); a council's
  // journal reference before 1970, its letter kept ("ad F. 23/1919", "M. II.
  // 73/1919", "G 28/1919": a byraad's protocol of 1919, online.flippingbook.com
  // /view/546314064), before the bare "23/1919" of the last form. Greve's
  // numbers may end in a capital letter ("20-054820K": the FirstAgenda
  // export's SagsNummer of closed property cases) that is part of them.
  const std::string case_pat =
      "(?:\\b[A-Z]\\.?(?: [IVX]{1,3}\\.)? \\d{1,4}/(?:18\\d{2}|19[0-6]\\d)"
      "|[A-ZÆØÅ]{2,5}-\\d{2,4}-\\d{3,8}"
      "|\\d{6}-(?:19|20)\\d{2}"
      "|\\d{3}-(?:19|20)\\d{2}-\\d{1,8}"
      "|\\d{1,2}-\\d{2}-\\d{2}-\\d{1,6}-\\d{2}"
      "|\\d{2}\\.\\d{2}\\.\\d{2}-[A-ZÆØÅ]\\d{2}(?:-\\d{1,5}-\\d{2})?"
      "|\\d{2}\\.\\d{2}\\.\\d{2}[A-ZÆØÅ]\\d{2}-\\d{4}"
      "|(?:19|20)\\d{2}[-/]\\d{3,8}"
      "|\\d{2}-\\d{4,8}[A-Z]?"
      "|\\d{1,2}/\\d{3,8})";
  case_number_.Set("(" + case_pat + ")");
  case_number_whole_.Set("^" + case_pat + "$");
}

bool ItemMatcher::MatchItemMarker(std::string_view block, std::string* number,
                                  size_t* title_start) const {
  auto starts = [&](const PhraseList& words) {
    return words.Each(block, 0, [](size_t, bool) { return true; });
  };
  re2::StringPiece num, sep;
  re2::StringPiece in(block);
  if (starts(marker_words_) && RE2::Consume(&in, *item_marker_, &num, &sep)) {
    number->assign(num.data(), num.size());
    *title_start = static_cast<size_t>(in.data() - block.data());
    return true;
  }
  // "Nr.160 - Langstrup Mose": a marker that needs its dash and title.
  re2::StringPiece title;
  if (!starts(dashed_words_) || !RE2::PartialMatch(block, *dashed_marker_, &num, &title))
    return false;
  number->assign(num.data(), num.size());
  *title_start = static_cast<size_t>(title.data() - block.data());
  return true;
}

bool ItemMatcher::MatchNumberedLine(std::string_view block, bool loose, std::string* number,
                                    size_t* title_start) const {
  // The pattern starts with a digit; most blocks do not, and RE2's set-up
  // for a match with groups costs more than this test.
  if (block.empty() || block[0] < '0' || block[0] > '9') return false;
  re2::StringPiece num, sep, mark, title;
  if (!RE2::FullMatch(block, *numbered_line_, &num, &sep, &mark, &title)) {
    // Glued: a title of at most 15 words, not ending as a sentence.
    if (!RE2::FullMatch(block, *glued_line_, &num, &title) ||
        std::count(title.begin(), title.end(), ' ') >= 15)
      return false;
    // "5.Maj 2019" is a date.
    std::string_view first(title.data(), title.size());
    if (months_.Number(TrimRight(first.substr(0, first.find(' ')), ".,")) != 0) return false;
    number->assign(num.data(), num.size());
    *title_start = static_cast<size_t>(title.data() - block.data());
    return true;
  }
  bool dotted = num.find('.') != re2::StringPiece::npos;
  if (sep.empty() && mark.empty() && !dotted && !loose) return false;
  if (sep == ")" && !loose) return false;
  number->assign(num.data(), num.size());
  *title_start = static_cast<size_t>(title.data() - block.data());
  return true;
}

std::optional<bool> ItemMatcher::TitlePublic(std::string_view title, size_t* prefix_len,
                                             size_t* suffix_len) const {
  if (prefix_len) *prefix_len = 0;
  if (suffix_len) *suffix_len = 0;
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
      // The same for a marker at the end ("… (Lukket)", "… - lukket"),
      // with the spaces before it.
      std::string_view t = Trim(title);
      if (hit && suffix_len && t.size() > r.folded.size() &&
          FoldCase(t.substr(t.size() - r.folded.size())) == r.folded) {
        size_t keep = t.size() - r.folded.size();
        while (keep > 0 && (t[keep - 1] == ' ' || t[keep - 1] == '\t')) --keep;
        if (keep > 0) *suffix_len = title.size() - static_cast<size_t>(t.data() - title.data()) - keep;
      }
    } else {
      size_t p = f.find(r.folded);
      hit = p != std::string::npos && WordStartsAt(f, p) && WordEndsAt(f, p + r.folded.size());
      // A mark that ends the title ("Orientering fra borgmesteren - (FOR
      // LUKKEDE DØRE)") is cut off as a suffix is, with a dash before it.
      std::string_view t = Trim(title);
      if (hit && suffix_len && p + r.folded.size() == f.size() && t.size() > r.folded.size() &&
          FoldCase(t.substr(t.size() - r.folded.size())) == r.folded) {
        std::string_view keep = TrimRight(t.substr(0, t.size() - r.folded.size()), " \t");
        if (keep.size() >= 1 && keep.back() == '-') keep = TrimRight(keep.substr(0, keep.size() - 1), " \t");
        if (keep.size() >= 3 && keep.substr(keep.size() - 3) == "\xE2\x80\x93")
          keep = TrimRight(keep.substr(0, keep.size() - 3), " \t");
        if (!keep.empty())
          *suffix_len = title.size() - static_cast<size_t>(t.data() - title.data()) - keep.size();
      }
    }
    if (hit) return r.open;
  }
  return std::nullopt;
}

size_t ItemMatcher::FindCaseNumber(std::string_view s, size_t* len) const {
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

namespace {

constexpr std::string_view kEllipsisChar = "\xE2\x80\xA6";  // "…"

bool IsDigit(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }
bool IsBlank(std::string_view s, size_t i) { return i < s.size() && (s[i] == ' ' || s[i] == '\t'); }

// From s[i]: exactly 1..max digits, then the end.
bool DigitsToEnd(std::string_view s, size_t i, size_t max) {
  size_t j = i;
  while (IsDigit(s, j)) ++j;
  return j == s.size() && j > i && j - i <= max;
}

}  // namespace

bool ItemMatcher::MatchTocLine(std::string_view s, TocLine* out) const {
  // The number: one to four digits, then ".digits" parts of one to three;
  // a longer run of digits makes no number.
  size_t p = 0;
  while (IsDigit(s, p)) ++p;
  if (p == 0 || p > 4) return false;
  while (p < s.size() && s[p] == '.' && IsDigit(s, p + 1)) {
    size_t q = p + 1;
    while (IsDigit(s, q)) ++q;
    if (q - p - 1 > 3) return false;
    p = q;
  }
  const size_t number_end = p;
  if (p < s.size() && s[p] == '.') ++p;
  if (!IsBlank(s, p)) return false;
  while (IsBlank(s, p)) ++p;
  // The title: the rest of one line with a non-space in it (s[p] is one).
  if (p == s.size() || !LineText(s, p, s.size())) return false;
  // A page can only start where the rest of the line is blanks, dots, "…"
  // and digits; the title ends at the first place from there that leaves one.
  size_t zone = s.size();
  while (zone > p) {
    if (IsBlank(s, zone - 1) || s[zone - 1] == '.' || IsDigit(s, zone - 1)) {
      --zone;
    } else if (zone - p >= kEllipsisChar.size() &&
               s.substr(zone - kEllipsisChar.size(), kEllipsisChar.size()) == kEllipsisChar) {
      zone -= kEllipsisChar.size();
    } else {
      break;
    }
  }
  size_t first_len = 0;
  DecodeAt(s, p, &first_len);
  size_t e = std::max(p + first_len, zone);
  // `e` is on a code point boundary: the zone holds only ASCII and whole "…".
  for (; e <= s.size();) {
    // Dots or "…" and a page of up to four digits.
    size_t i = e;
    while (IsBlank(s, i)) ++i;
    size_t dots = i;
    while (dots < s.size() && s[dots] == '.') ++dots;
    size_t marks_end = i;
    if (dots - i >= 2) {
      marks_end = dots;
    } else {
      while (s.substr(marks_end, kEllipsisChar.size()) == kEllipsisChar) marks_end += kEllipsisChar.size();
    }
    if (marks_end > i) {
      size_t d = marks_end;
      while (IsBlank(s, d)) ++d;
      if (DigitsToEnd(s, d, 4)) {
        *out = TocLine{s.substr(0, number_end), s.substr(p, e - p), s.substr(d), {}};
        return true;
      }
    }
    // Blanks and a page of up to three digits.
    if (IsBlank(s, e)) {
      size_t d = e;
      while (IsBlank(s, d)) ++d;
      if (DigitsToEnd(s, d, 3)) {
        *out = TocLine{s.substr(0, number_end), s.substr(p, e - p), {}, s.substr(d)};
        return true;
      }
    }
    if (e == s.size()) break;
    size_t len = 0;
    DecodeAt(s, e, &len);
    e += len;
  }
  *out = TocLine{s.substr(0, number_end), s.substr(p), {}, {}};
  return true;
}

bool ItemMatcher::IsCaseNumber(std::string_view s) const {
  return RE2::FullMatch(TrimRight(Trim(s), "."), *case_number_whole_);
}

}  // namespace referat::analyze
