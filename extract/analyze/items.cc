#include "analyze/items.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>

#include "analyze/attendance.h"
#include "analyze/dates.h"
#include "analyze/decision.h"
#include "analyze/header.h"
#include "analyze/recommendation.h"
#include "analyze/sections.h"
#include "analyze/text_util.h"

namespace referat::analyze {
namespace {

bool InToc(const Toc& toc, size_t i) { return !toc.empty() && i >= toc.begin && i < toc.end; }

// "Åbent" / "Lukket" standing alone (a cell, a word): true for open, false for
// closed, nothing for any other text.
std::optional<bool> AccessWord(const Lexicon& lex, std::string_view w) {
  if (lex.headings().IsRoleLine(w, Role::kOpen)) return true;
  if (lex.headings().IsRoleLine(w, Role::kClosed)) return false;
  return std::nullopt;
}

// A title opens with a capital, a digit, a quote or a section sign
// ("§79-puljen, frie midler": Greve, Sundheds- og Omsorgsudvalget 2024; "§ 17,
// stk. 4-udvalg").
bool TitleOk(std::string_view t) {
  t = Trim(t);
  if (t.empty()) return false;
  unsigned char c = static_cast<unsigned char>(t[0]);
  return StartsUpper(t) || (c >= '0' && c <= '9') || c == '"' || t.rfind("\xE2\x80\x9C", 0) == 0 ||
         t.rfind("\xE2\x80\x9D", 0) == 0 || t.rfind("\xC2\xA7", 0) == 0;
}

std::vector<int> NumParts(const std::string& n) {
  std::vector<int> v;
  int cur = 0;
  bool any = false;
  for (char c : n) {
    if (c == '.') {
      v.push_back(cur);
      cur = 0;
      any = false;
    } else {
      cur = cur * 10 + (c - '0');
      any = true;
    }
  }
  if (any || v.empty()) v.push_back(cur);
  return v;
}

bool NumLess(const std::string& a, const std::string& b) { return NumParts(a) < NumParts(b); }

bool TitlesSimilar(std::string_view a, std::string_view b) {
  std::string fa = FoldCase(Collapse(a)), fb = FoldCase(Collapse(b));
  size_t n = std::min<size_t>({fa.size(), fb.size(), 24});
  return n >= 4 && fa.compare(0, n, fb, 0, n) == 0;
}

// A line a reader set as a heading (bold, large) that is really the start
// of a sentence: it ends in a word that cannot end a heading.
bool BrokenSentence(const Lexicon& lex, std::string_view t) {
  t = Trim(t);
  size_t sp = t.rfind(' ');
  if (sp == std::string_view::npos) return false;
  return lex.words().open_end.ContainsAsWritten(t.substr(sp + 1));
}

// "27/11/2024   Økonomiudvalget", "Økonomiudvalget 27-11-2024": the line
// that opens an earlier body's decision in a case's history.
bool DatedBodyLine(const Context& ctx, std::string_view t) {
  t = Trim(t);
  if (t.empty() || t.size() > 120) return false;
  auto d = FindDate(ctx.lex(), t);
  if (!d) return false;
  std::string_view before = Trim(t.substr(0, d->start)), after = Trim(t.substr(d->end));
  if (!before.empty() && !after.empty()) return false;
  std::string_view body = before.empty() ? after : before;
  return !body.empty() && ctx.lex().header().IsBodyName(body);
}

// "Økonomiudvalget den 22-10-2020" after a decision label's colon
// ("BESLUTNING: Økonomiudvalget den 22-10-2020": Dragør's minutes pages
// 2020): a body, maybe a small word in lower case, then the date ending the
// line; it belongs to the heading, not the decision.
bool BodyThenDate(const Context& ctx, std::string_view t) {
  t = Trim(TrimRight(Trim(t), ":"));
  if (t.empty() || !AtMostWords(t, 8) || !HasDigit(t)) return false;
  auto d = FindDate(ctx.lex(), t);
  if (!d || !Trim(t.substr(d->end)).empty()) return false;
  std::string_view before = Trim(t.substr(0, d->start));
  if (ctx.lex().header().IsBodyName(before)) return true;
  const size_t sp = before.rfind(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view last = before.substr(sp + 1);
  return !last.empty() && !StartsUpper(last) && !HasDigit(last) &&
         ctx.lex().header().IsBodyName(Trim(before.substr(0, sp)));
}

// The case number on a case label's line ("Sagsnr.: X", "Sagsnr.<TAB>X",
// or the label's wildcard form "Sagsnr. 18/12345", a whole-line heading
// holding its value), or on the line after a bare label (*next_is_value).
// The case number after a case label: any case number form, or a year's
// short serial ("Sagsid.: 14/40", Esbjerg: the 40th case of 2014), which
// alone in running text would be a fraction or a date.
std::optional<std::string> LabelledCaseNumber(const Lexicon& lex, std::string_view value) {
  size_t len = 0;
  size_t p = lex.items().FindCaseNumber(value, &len);
  if (p != std::string_view::npos) return std::string(value.substr(p, len));
  std::string_view v = Trim(value);
  size_t n = 0;
  while (n < v.size() && v[n] >= '0' && v[n] <= '9') ++n;
  if (n != 2 || n >= v.size() || v[n] != '/') return std::nullopt;
  size_t m = n + 1;
  while (m < v.size() && v[m] >= '0' && v[m] <= '9') ++m;
  if (m == n + 1 || m - n - 1 > 8 || (m < v.size() && v[m] != ' ' && v[m] != ',' && v[m] != '.'))
    return std::nullopt;
  return std::string(v.substr(0, m));
}

std::optional<std::string> CaseNumberOfLine(const Context& ctx, size_t j, size_t end, bool* next_is_value) {
  const Lexicon& lex = ctx.lex();
  std::string_view t = ctx.text(j);
  const HeadingHit& h = ctx.heading(j);
  const bool whole = h.text_start >= t.size();
  std::string_view value = whole ? t : t.substr(h.text_start);
  *next_is_value = whole && j + 1 < end && lex.items().IsCaseNumber(ctx.text(j + 1));
  if (*next_is_value) value = ctx.text(j + 1);
  size_t len = 0;
  size_t p = lex.items().FindCaseNumber(value, &len);
  if (p == std::string_view::npos) {
    if (auto short_serial = LabelledCaseNumber(lex, value)) return short_serial;
    // After the label a plain serial number is the case's too ("Sagsnr.
    // 299835 Kultur- og Idrætsudvalget Åbent punkt", Roskilde's minutes).
    // The label's own words ("Sagsnr.") come first on a whole line.
    std::string_view v = Trim(value);
    for (int word = 0; word < 3 && !v.empty() && p == std::string_view::npos; ++word) {
      size_t n = 0;
      while (n < v.size() && v[n] >= '0' && v[n] <= '9') ++n;
      if (n >= 4 && n <= 10 && (n == v.size() || v[n] == ' ' || v[n] == ',' || v[n] == '\t')) {
        p = static_cast<size_t>(v.data() - value.data());
        len = n;
      }
      size_t sp = v.find_first_of(" \t");
      v = sp == std::string_view::npos ? std::string_view() : Trim(v.substr(sp));
    }
  }
  if (p == std::string_view::npos) return std::nullopt;
  return std::string(value.substr(p, len));
}

// True when the line right above block `b` is a case label with its case
// number and the item before (starting at `prev`, or SIZE_MAX) does not
// end with it: the case number is printed above the item's title.
bool CaseLabelAbove(const Context& ctx, size_t b, size_t prev) {
  if (b == 0 || ctx.heading(b - 1).role != Role::kCase) return false;
  if (prev != SIZE_MAX && prev + 2 >= b) return false;
  bool next_is_value = false;
  return CaseNumberOfLine(ctx, b - 1, b, &next_is_value).has_value();
}

struct Cand {
  ItemStart st;
  bool marker = false;
  bool row = false;  // a table row whose first cell is the number ("1.2<TAB>Title")
  bool margin = false;  // a row with the decision in its last cell
  bool access = false;  // the access stands between number and title ("1  Åbent  Title")
};

// True when the block before `b` is a numbered line: `b` then goes on a
// list ("1. at …" / "2. at …" / "3. 0,6 mio. kr. …" under "Indstilling").
bool AfterNumberedLine(const Context& ctx, size_t b) {
  if (b == 0 || ctx.IsTableRow(b - 1)) return false;
  std::string num;
  size_t ts = 0;
  return ctx.lex().items().MatchNumberedLine(ctx.text(b - 1), true, &num, &ts);
}

// True when the line above block `b` announces an item line of a number
// without its dot and a title: the item's access alone ("Åbent punkt" over
// " 1  Fraværende og bemærkninger til dagsorden", Bornholms Regionskommune's
// minutes pages 2015-2021), or a column header of two words, an item marker
// and one more ("Punkt Titel" over "88 Indkaldelse af stedfortræder for Ole
// Skiffard", Randers Kommune's NemAgenda pages 2013-2014).
bool ItemLineHeaderAbove(const Context& ctx, size_t b) {
  if (b == 0 || ctx.IsTableRow(b - 1)) return false;
  std::string_view above = Trim(ctx.text(b - 1));
  const HeadingHit& h = ctx.heading(b - 1);
  if ((h.role == Role::kOpen || h.role == Role::kClosed) && h.text_start >= ctx.text(b - 1).size()) return true;
  const size_t sp = above.find(' ');
  if (sp == std::string_view::npos || !AtMostWords(above, 2)) return false;
  std::string probe(above.substr(0, sp));
  probe += " 1";
  std::string num;
  size_t ts = 0;
  return ctx.lex().items().MatchItemMarker(probe, &num, &ts) && Trim(std::string_view(probe).substr(ts)).empty();
}

// True when block `b` is a point of a recommendation: the numbered lines
// above it (if any) follow a lead-in with a recommending verb that ends in
// "at" or a comma ("Direktionen indstiller, at" / "1. Byrådet hjemtager et
// serielån …": Horsens Byråd 2016; "Borgmesteren indstiller," / "1. at
// byrådet udpeger …": Viborg Byråd 2021), or its text opens with "at"
// as written.
bool RecommendationPoint(const Context& ctx, size_t b, std::string_view rest) {
  const Lexicon& lex = ctx.lex();
  std::string_view first = rest.substr(0, rest.find(' '));
  if (lex.words().that.ContainsAsWritten(first)) return true;
  size_t j = b;
  while (j > 0 && b - j < 12) {
    --j;
    std::string_view t = Trim(ctx.text(j));
    if (t.empty()) continue;
    std::string num;
    size_t ts = 0;
    if (!ctx.IsTableRow(j) && lex.items().MatchNumberedLine(t, true, &num, &ts)) continue;
    size_t len = 0;
    if (lex.decisions().FindRecommendationVerb(t, &len) == std::string_view::npos) return false;
    if (t.back() == ',' || t.back() == ':') return true;
    const size_t sp = t.find_last_of(' ');
    return sp != std::string_view::npos && lex.words().that.Contains(t.substr(sp + 1));
  }
  return false;
}

// A paragraph that is the decision alone, in a few words ("Vedtaget.",
// "Bevilget.", "Sagen henvises til Finansudvalget."): minutes without
// section headings (historic minutes, short protocols) record their
// decisions so under each item.
bool ShortDecision(const Lexicon& lex, std::string_view t) {
  t = Trim(t);
  return !t.empty() && t.back() == '.' && AtMostWords(t, 8) && lex.decisions().ClassifyDecision(t).category != "other";
}

// A table row whose last cell is a decision in a few words: a protocol
// that writes each matter, then its decision in the margin.
bool MarginDecision(const Context& ctx, size_t i) {
  const Block& b = ctx.block(i);
  return ctx.IsTableRow(i) && b.cells.size() >= 2 && ShortDecision(ctx.lex(), ctx.cell(i, b.cells.size() - 1));
}

// A ditto mark alone ("–", "do."; function_words.txt `ditto`): the words
// of the row above repeated in a protocol's column.
bool Ditto(const Lexicon& lex, std::string_view t) {
  t = Trim(t);
  return !t.empty() && lex.words().ditto.ContainsAsWritten(t);
}

// True when the blocks strictly between `a` and `b` are headings or open /
// closed markers ("Lukket dagsorden" / "Punkter på lukket dagsorden").
bool OnlyHeadingsBetween(const Context& ctx, size_t a, size_t b) {
  for (size_t j = a + 1; j < b; ++j) {
    const Role r = ctx.heading(j).role;
    if (ctx.block(j).kind != BlockKind::kHeading && r != Role::kOpen && r != Role::kClosed) return false;
  }
  return true;
}

// "pkt. 12)", "punkt 4, bilag 2": a reference in running text that a
// line break left at the start of a line, not an item's marker.
bool ClosesReference(std::string_view line, size_t title_start) {
  std::string_view marker = Trim(line.substr(0, title_start));
  std::string_view after = Trim(line.substr(title_start));
  if (!marker.empty() && marker.back() == ')' && marker.find('(') == std::string_view::npos) return true;
  return !after.empty() && (after[0] == ')' || after[0] == ',' || after[0] == ';');
}

// `cur` comes next after `prev` in an outline's numbering: the next
// sibling (1.3 -> 1.4), the first child (1 -> 1.1) or the next number of a
// level above (1.4 -> 2).
bool NextInOutline(const std::vector<int>& prev, const std::vector<int>& cur) {
  if (cur.size() == prev.size() + 1 && cur.back() == 1 && std::equal(prev.begin(), prev.end(), cur.begin()))
    return true;
  if (cur.empty() || cur.size() > prev.size()) return false;
  const size_t k = cur.size() - 1;
  return std::equal(cur.begin(), cur.begin() + k, prev.begin()) && cur[k] == prev[k] + 1;
}


// The title when it sits on the line after the number.
void TitleFromNextLine(const Context& ctx, size_t i, ItemStart* st) {
  st->title_block = i;
  st->title_start = st->title_end = ctx.block(i).end;
  size_t j = i + 1;
  if (j >= ctx.size()) return;
  std::string_view t = ctx.text(j);
  const HeadingHit& h = ctx.heading(j);
  std::string num;
  size_t ts;
  // A line matching a "…" heading rule right under the number is the title
  // ("Beslutning om ny skolestruktur", "Formål med puljen …"); a whole
  // heading ("Beslutning", "Sagsnr.: …") means the title is missing.
  const bool title_like = h.wildcard && (h.role == Role::kDecision || h.role == Role::kRecommendation ||
                                         h.role == Role::kSection);
  if (h.role == Role::kCase) {
    // A case sheet under the number, opened by its case number ("Punkt: 2"
    // / "Acadre sagsnr.: 17/11524" / "Journalnr.: K09" / … / "Sagsbehandler:
    // …"; Hørsholm's Acadre minutes): the title is the first line after its
    // fields, when that line reads as one (capitalised, short, no
    // sentence's end).
    size_t k = j + 1;
    for (; k < ctx.size() && k <= j + 10; ++k) {
      std::string_view v = ctx.text(k);
      if (ctx.heading(k).role == Role::kCase ||
          (ctx.heading(k).role == Role::kNone && RE2::PartialMatch(v, ctx.lex().items().meta_label())))
        continue;
      break;
    }
    if (k >= ctx.size() || k > j + 10) return;
    std::string_view v = Trim(ctx.text(k));
    const HeadingHit& hk = ctx.heading(k);
    if ((hk.role != Role::kNone && !(hk.wildcard && (hk.role == Role::kSection))) || v.empty() ||
        !StartsUpper(v) || EndsSentence(v) || !AtMostWords(v, 20) || ctx.IsTableRow(k) ||
        ctx.lex().items().IsCaseNumber(v) || ctx.lex().items().MatchItemMarker(v, &num, &ts))
      return;
    st->title_block = k;
    st->title_start = ctx.block(k).start;
    st->title_end = ctx.block(k).end;
    return;
  }
  if ((h.role != Role::kNone && ctx.block(j).kind != BlockKind::kHeading && !title_like) ||
      ctx.lex().items().IsCaseNumber(t) || ctx.lex().items().MatchItemMarker(t, &num, &ts))
    return;
  st->title_block = j;
  st->title_start = ctx.block(j).start;
  st->title_end = ctx.block(j).end;
}

// "1 Åben Opsamlingsnotat. Temamøde 20.09.2012 222359/12", table rows
// [1, Åben, title, 222359/12], "a.docx b.pdf.msg" (two files on one line).
void ParseAttachments(const Context& ctx, const Piece& p, std::vector<Attachment>* out) {
  const ItemMatcher& items = ctx.lex().items();
  // A list number before a title ("1. Høringsmateriale.pdf") is not part
  // of it.
  auto emit = [&](size_t s, size_t e) {
    std::string_view v = TrimBoth(ctx.doc().Slice(s, e), ",;");
    re2::StringPiece num(v);
    if (RE2::Consume(&num, items.list_number())) v = std::string_view(num.data(), num.size());
    if (v.empty()) return;
    std::string f = FoldCase(TrimRight(v, "."));
    if (ctx.lex().words().no_attachments.ContainsFolded(f) || f == "-") return;
    s = ctx.Offset(v);
    Attachment a;
    a.title = Collapse(v);
    a.span = ctx.MakeSpan(s, s + v.size());
    out->push_back(std::move(a));
  };
  if (p.whole_block && ctx.IsTableRow(p.block)) {
    const Block& b = ctx.block(p.block);
    size_t first = SIZE_MAX, last = 0;
    for (size_t c = 0; c < b.cells.size(); ++c) {
      std::string_view v = Trim(ctx.cell(p.block, c));
      std::string f = FoldCase(v);
      if (v.empty() || NumberCell(v) || ctx.lex().words().open_closed.ContainsFolded(f) ||
          RE2::FullMatch(v, items.doc_number_cell()))
        continue;
      first = std::min(first, c);
      last = c;
    }
    if (first != SIZE_MAX) emit(b.cells[first].start, b.cells[last].end);
    return;
  }
  std::string_view t = ctx.doc().Slice(p.start, p.end);
  size_t s = p.start, e = p.end;
  re2::StringPiece in(t);
  if (RE2::Consume(&in, ctx.lex().items().attachment_lead())) {
    s += static_cast<size_t>(in.data() - t.data());
    re2::StringPiece m;
    std::string_view rest = ctx.doc().Slice(s, e);
    if (RE2::PartialMatch(rest, items.doc_number_end(), &m)) e = s + static_cast<size_t>(m.data() - rest.data());
  }
  std::string_view body = ctx.doc().Slice(s, e);
  re2::StringPiece bin(body);
  size_t piece_start = 0;
  while (RE2::FindAndConsume(&bin, items.file_end())) {
    size_t cut = static_cast<size_t>(bin.data() - body.data());
    emit(s + piece_start, s + cut);
    piece_start = cut;
  }
  emit(s + piece_start, e);
}

}  // namespace

// True when one of the blocks after `i` (up to the next heading of level
// `level` or higher, at most 8) opens an item's body: a decision,
// recommendation or case heading, or a case number.
bool ItemHeadFollows(const Context& ctx, size_t i, int level) {
  for (size_t j = i + 1; j < ctx.size() && j <= i + 8; ++j) {
    const Block& b = ctx.block(j);
    if (b.kind == BlockKind::kHeading && b.heading_level > 0 && b.heading_level <= level) return false;
    Role r = ctx.heading(j).role;
    if (r == Role::kDecision || r == Role::kRecommendation || r == Role::kCase || ctx.lex().items().IsCaseNumber(ctx.text(j)))
      return true;
  }
  return false;
}

// A heading that may be an item's title: a heading by markup alone (no
// rule names it a section, decision …).
bool TitleHeading(const Context& ctx, size_t i) {
  // "Lukket: Køb af …" (a closed item's mark before its title) and "Beslutning
  // om CO2-fangst …" (a "…" rule's words opening a title) are titles too.
  const HeadingHit& h = ctx.heading(i);
  const bool marked = (h.role == Role::kOpen || h.role == Role::kClosed) && h.text_start < ctx.text(i).size();
  const bool title_like = h.wildcard && (h.role == Role::kDecision || h.role == Role::kRecommendation ||
                                         h.role == Role::kSection);
  if (h.role != Role::kNone && !(h.role == Role::kSection && h.markup) && !marked && !title_like) return false;
  return TitleOk(ctx.text(i)) && AtMostWords(ctx.text(i), 40);
}

// Minutes pages that head each item with its title alone (FirstAgenda's
// published minutes: an <h2> per item, its sections under <h3>): the
// headings of the one level whose headings open items' bodies are the
// items, numbered in order (a closed item may show its title alone).
std::vector<ItemStart> UnnumberedHeadingStarts(const Context& ctx, const Toc& toc) {
  std::vector<ItemStart> out;
  int best_level = 0, best_count = 0;
  std::vector<int> headed(7, 0), total(7, 0);
  for (size_t i = 0; i < ctx.size(); ++i) {
    const Block& b = ctx.block(i);
    if (b.kind != BlockKind::kHeading || b.heading_level < 1 || b.heading_level > 6 || InToc(toc, i)) continue;
    if (!TitleHeading(ctx, i)) continue;
    ++total[b.heading_level];
    if (ItemHeadFollows(ctx, i, b.heading_level)) ++headed[b.heading_level];
  }
  for (int l = 1; l <= 6; ++l)
    if (headed[l] > best_count) best_count = headed[l], best_level = l;
  // Two items at least, and most headings of that level open one; or a
  // page of one item (Copenhagen's item pages: its title the one heading of
  // its level, "Beslutning" under it).
  // The nearest heading over the decision is the item's: the page's title
  // above it ("Referat Aarhus Byråd 14-08-2019") heads the meeting.
  bool one_item_page = false;
  if (best_count == 1)
    for (int l = 6; l >= 1 && !one_item_page; --l)
      if (headed[l] == 1 && total[l] == 1) one_item_page = true, best_level = l;
  if ((best_count < 2 && !one_item_page) || best_count * 2 < total[best_level]) return out;
  for (size_t i = 0; i < ctx.size(); ++i) {
    const Block& b = ctx.block(i);
    if (b.kind != BlockKind::kHeading || b.heading_level != best_level || InToc(toc, i)) continue;
    if (!TitleHeading(ctx, i)) continue;
    ItemStart st;
    st.block = st.title_block = i;
    st.number = std::to_string(out.size() + 1);
    st.title_start = b.start;
    st.title_end = b.end;
    // A heading that prints its number ("2. Godkendelse af dagsorden") keeps
    // it; an ordinal opening the title ("2. behandling af Budget 2025-28",
    // Greve Byråd 02.10.2024) is no number: the title goes on in lower case.
    std::string num;
    size_t ts = 0;
    if (ctx.lex().items().MatchNumberedLine(ctx.text(i), true, &num, &ts)) {
      std::string_view rest = Trim(ctx.text(i).substr(ts));
      if (!rest.empty() && TitleOk(rest)) {
        st.number = num;
        st.title_start = ctx.Offset(rest);
        st.title_end = st.title_start + rest.size();
      }
    }
    out.push_back(std::move(st));
  }
  return out;
}

// Minutes pages whose items' numbers and titles live in the page's markup
// alone, as their text dumps give them (Viborg's "Sagsid.: 18/3241" /
// "Resume", Hedensted's "Sagsnr.: 00.00.00-P35-34-24" / "Beslutningstema",
// Herning's "Sagsnr.: … Sagsbehandler: …" / the title): each item opens
// with its case label. The labels are the items, numbered in order, when
// most of them have a decision or recommendation heading before the next;
// the line after a label is the title when it is no heading.
std::vector<ItemStart> CaseLabelStarts(const Context& ctx, const Toc& toc) {
  std::vector<ItemStart> out;
  std::vector<size_t> labels;
  for (size_t i = 0; i < ctx.size(); ++i) {
    if (InToc(toc, i) || ctx.heading(i).role != Role::kCase) continue;
    bool next_is_value = false;
    if (!CaseNumberOfLine(ctx, i, ctx.size(), &next_is_value)) continue;
    labels.push_back(i);
    if (next_is_value) ++i;
  }
  size_t headed = 0;
  for (size_t k = 0; k < labels.size(); ++k) {
    const size_t end = k + 1 < labels.size() ? labels[k + 1] : ctx.size();
    for (size_t j = labels[k] + 1; j < end; ++j) {
      const Role r = ctx.heading(j).role;
      if (r == Role::kDecision || r == Role::kRecommendation) {
        ++headed;
        break;
      }
    }
  }
  if (headed == 0 || headed * 2 < labels.size()) return out;
  for (size_t k = 0; k < labels.size(); ++k) {
    const size_t i = labels[k];
    const size_t end = k + 1 < labels.size() ? labels[k + 1] : ctx.size();
    bool next_is_value = false;
    CaseNumberOfLine(ctx, i, end, &next_is_value);
    ItemStart st;
    st.block = i;
    st.case_head = true;
    st.number = std::to_string(out.size() + 1);
    st.title_block = next_is_value ? i + 1 : i;
    st.title_start = st.title_end = ctx.block(st.title_block).end;
    const size_t t = st.title_block + 1;
    if (t < end && ctx.heading(t).role == Role::kNone && !ctx.IsTableRow(t) && TitleOk(ctx.text(t)) &&
        AtMostWords(ctx.text(t), 30) && !EndsSentence(Trim(ctx.text(t)))) {
      st.title_block = t;
      st.title_start = ctx.block(t).start;
      st.title_end = ctx.block(t).end;
    } else if (i > 0 && (k == 0 || labels[k - 1] + 1 < i - 1) && ctx.block(i - 1).kind == BlockKind::kHeading &&
               TitleHeading(ctx, i - 1)) {
      // The title as the heading right above the label ("<h2>Flytning af
      // ØU-møde marts 2025</h2>" / "Sagsnr.: 24-005210": Greve's
      // Økonomiudvalg 24.01.2025, a page of one item with a decision and a
      // signature sheet), where no numbered or titled heading opened items.
      st.block = st.title_block = i - 1;
      st.case_head = false;  // the label is the body's first line
      st.title_start = ctx.block(i - 1).start;
      st.title_end = ctx.block(i - 1).end;
    } else if (i > 1 && (k == 0 || labels[k - 1] + 2 < i - 1) && ctx.heading(i - 1).role == Role::kNone &&
               !ctx.IsTableRow(i - 1) && TitleOk(ctx.text(i - 1)) && AtMostWords(ctx.text(i - 1), 30) &&
               StartsUpper(Trim(ctx.text(i - 1))) && NumberCell(ctx.text(i - 2))) {
      // The number alone, the title, then the label ("• 1" / "Café
      // Havslapning - ansøgning om ændrede vilkår for udeservering m.m." /
      // "Sagsid.: 20/2955": Dragør's minutes pages 2020): the item opens at
      // its number and keeps it; the number alone above lets the title end
      // in an abbreviation's dot.
      st.block = i - 2;
      st.title_block = i - 1;
      st.case_head = false;  // the label is the body's first line
      st.number = *NumberCell(ctx.text(i - 2));
      st.title_start = ctx.block(i - 1).start;
      st.title_end = ctx.block(i - 1).end;
    }
    out.push_back(std::move(st));
  }
  return out;
}

// Minutes pages whose items' numbers and titles live in the markup alone
// and whose text dump opens each item with its access ("Åben" / "Indstilling"
// / … / "Beslutning": Aalborg's minutes pages 2023-2024): the access lines
// right over a recommendation or decision heading are the items, numbered in
// order, their titles not in the text (left empty). Two at least, and most
// access lines so.
std::vector<ItemStart> AccessLineStarts(const Context& ctx, const Toc& toc) {
  std::vector<ItemStart> out;
  size_t access = 0;
  for (size_t i = 0; i + 1 < ctx.size(); ++i) {
    const HeadingHit& h = ctx.heading(i);
    if (InToc(toc, i) || (h.role != Role::kOpen && h.role != Role::kClosed) || h.text_start < ctx.text(i).size())
      continue;
    ++access;
    const Role next = ctx.heading(i + 1).role;
    if (next != Role::kDecision && next != Role::kRecommendation) continue;
    ItemStart st;
    st.block = st.title_block = i;
    st.number = std::to_string(out.size() + 1);
    st.title_start = st.title_end = ctx.block(i).end;
    out.push_back(std::move(st));
  }
  if (out.size() < 2 || out.size() * 2 < access) out.clear();
  return out;
}

std::vector<ItemStart> NumberedItemStarts(const Context& ctx, const Toc& toc);

// Typed minutes that write each matter as a paragraph with no number,
// right under those present ("tilstede var: …" / "HNJ fremlagde en
// færdigudformet ansøgning … Det blev vedtaget at fremsende den." / "Det
// blev vedtaget at bruge ca. 800,- kr. …" / … / "Mødet sluttede kl. 22:30":
// Næstved Model Jernbane Klub 1984-1985, nmjk.dk/Arkiv): each paragraph up
// to the end line is an item, numbered in order, its text the title (a
// paragraph of more than 60 words: its first sentence). Only when the
// attendance is within the first eight blocks, and two paragraphs at least,
// none a heading, a numbered line or a table row.
std::vector<ItemStart> TypedMatterStarts(const Context& ctx, const Toc& toc) {
  std::vector<ItemStart> out;
  // The matter in block `b` whose title is `title` (a view into the text),
  // numbered in order; a title of more than 60 words ends with its first
  // sentence.
  auto add_matter = [&](size_t b, std::string_view title) {
    ItemStart st;
    st.block = st.title_block = b;
    st.number = std::to_string(out.size() + 1);
    st.title_start = ctx.Offset(title);
    st.title_end = st.title_start + title.size();
    if (!AtMostWords(title, 60)) {
      const long k = ctx.seg().SentenceAt(st.title_start);
      if (k >= 0) st.title_end = std::min(st.title_end, ctx.seg().sentences[static_cast<size_t>(k)].end);
    }
    return &out.emplace_back(std::move(st));
  };
  const Lexicon& lex = ctx.lex();
  size_t from = SIZE_MAX;
  for (size_t i = 0; i < ctx.size() && i < 8; ++i) {
    std::string_view t = Trim(ctx.text(i));
    if (t.empty() || InToc(toc, i)) continue;
    const Field f = lex.attendance().MatchLabel(t, true).field;
    if (f == Field::kPresent || f == Field::kAbsent ||
        (f == Field::kNone && AtMostWords(t, 16) && AllPresentNote(ctx, i, nullptr, nullptr, nullptr)))
      from = i + 1;
    else if (from != SIZE_MAX)
      break;
  }
  // Or under the entry's title, the meeting's compound and its date, the
  // first matter in the same paragraph after it ("Sogneraadsmøde d. 22/4
  // -1927. I Anledning af at der skulde foretages Indstilling af Lærerinde
  // …": Herlufsholm Sogneraad 1918-1936, online.flippingbook.com).
  if (from == SIZE_MAX) {
    size_t first = 0;
    while (first < ctx.size() && Trim(ctx.text(first)).empty()) ++first;
    if (first >= ctx.size() || lex.header().BodyOfMeetingTitle(ctx.text(first)).empty()) return out;
    from = first + 1;
    const long k = ctx.seg().SentenceAt(ctx.block(first).start);
    if (k >= 0) {
      std::string_view rest = Trim(ctx.doc().Slice(ctx.seg().sentences[static_cast<size_t>(k)].end,
                                                   ctx.block(first).end));
      if (!rest.empty() && !AtMostWords(rest, 2)) add_matter(first, rest)->after_title = true;
    }
  }
  // A paragraph that is a decision alone ("Toges til Efterretning.") closes
  // the matter above it: the matter runs from its title over the
  // discussion's paragraphs to it ("Meddelelse fra Sporvejsselskabet om …" /
  // "Formanden bemærkede, at …" / "Toges til Efterretning.": Aarhus byråds
  // journalsager 1922, docplayer.dk/19556203). Without such a paragraph each
  // paragraph is a matter.
  const size_t titled = out.size();
  std::vector<size_t> paragraphs;
  std::vector<bool> closing;
  bool closed_any = false;
  for (size_t i = from; i < ctx.size(); ++i) {
    std::string_view t = Trim(ctx.text(i));
    if (t.empty()) continue;
    if ((ctx.heading(i).role == Role::kEnd) || MeetingEndTime(ctx, i)) break;
    std::string num;
    size_t ts = 0;
    if (ctx.IsTableRow(i) || ctx.block(i).kind == BlockKind::kHeading || ctx.heading(i).role != Role::kNone ||
        lex.items().MatchNumberedLine(t, true, &num, &ts))
      return {};
    const bool closes = ShortDecision(lex, t);
    if (AtMostWords(t, 2) && !closes) return {};
    closed_any = closed_any || (closes && !paragraphs.empty());
    paragraphs.push_back(i);
    closing.push_back(closes);
  }
  bool open = titled > 0;  // a matter after the title is open
  for (size_t k = 0; k < paragraphs.size(); ++k) {
    const size_t i = paragraphs[k];
    const bool closes = closing[k];
    if (closed_any && open) {
      open = !closes;
      continue;
    }
    add_matter(i, Trim(ctx.text(i)));
    open = !closes;
  }
  if (out.size() < (closed_any ? 1u : 2u)) out.clear();
  return out;
}


std::vector<ItemStart> FindItemStarts(const Context& ctx, const Toc& toc) {
  std::vector<ItemStart> out = NumberedItemStarts(ctx, toc);
  // Numbered lines that are fewer than the headings opening items' bodies
  // are clauses inside those items ("1. Anbefales." under a title heading).
  std::vector<ItemStart> by_heading = UnnumberedHeadingStarts(ctx, toc);
  if (by_heading.size() > out.size()) return by_heading;
  if (out.empty()) out = CaseLabelStarts(ctx, toc);
  if (out.empty()) out = AccessLineStarts(ctx, toc);
  if (out.empty()) out = TypedMatterStarts(ctx, toc);
  return out;
}

// The numbers a line opens with, as a decision's clauses: "1.-7. Godkendt."
// -> {1, 7}, "8. Borgermødet blev evalueret." -> {8, 8}; {0, 0} for none.
std::pair<int, int> OpeningClauseNumbers(std::string_view t) {
  int first = 0, last = 0;
  size_t i = 0;
  while (true) {
    size_t j = i;
    int n = 0;
    while (j < t.size() && j - i < 3 && t[j] >= '0' && t[j] <= '9') n = n * 10 + (t[j++] - '0');
    if (j == i || j >= t.size() || t[j] != '.') break;
    if (first == 0) first = n;
    last = n;
    i = j + 1;
    while (i < t.size() && t[i] == ' ') ++i;
    if (i < t.size() && t[i] == '-') {
      ++i;
    } else if (t.substr(i, 3) == "\xE2\x80\x93") {  // an en dash
      i += 3;
    } else {
      break;
    }
    while (i < t.size() && t[i] == ' ') ++i;
  }
  return {first, last};
}

std::vector<ItemStart> NumberedItemStarts(const Context& ctx, const Toc& toc) {
  const Lexicon& lex = ctx.lex();
  std::vector<Cand> marked, numbered;
  // "Punkt 1 - 3. Økonomiudvalget drøftede sagen." right under a decision
  // heading, and the marked lines that follow it, are the decision's
  // clauses, not items.
  bool after_decision = false;
  std::string led_next;  // the next undotted number of a protocol's matters
  // "Beslutning" / "1.-7. Godkendt." / "8. Borgermødet blev evalueret."
  // (Greve, Plan- og Tryghedsudvalget 21.10.2025, punkt 5): the decision's
  // numbered clauses go on past the recommendation's; the next line
  // numbered on from them and written as a sentence is its next clause, not
  // an item. The number such a line would have, or 0.
  int clause_next = 0;
  std::string matter_next;  // the next number of a protocol's matters after its lead-in
  bool worded_lead = false;  // those matters follow a lead-in's words ("… følgende forhandledes")
  for (size_t i = 0; i < ctx.size(); ++i) {
    const bool clause_zone = after_decision;
    after_decision = false;
    const int clause_expected = clause_next;
    clause_next = 0;
    if (clause_zone || clause_expected > 0) {
      const Block& cb = ctx.block(i);
      auto [first, last] = OpeningClauseNumbers(Trim(ctx.text(i)));
      if (first > 0 && cb.kind != BlockKind::kHeading && !cb.bold && !ctx.IsTableRow(i)) {
        if (clause_expected > 0 && first == clause_expected && EndsSentence(Trim(ctx.text(i)))) {
          clause_next = last + 1;
          continue;
        }
        if (clause_zone) clause_next = last + 1;
      }
    }
    if (InToc(toc, i) || (!toc.empty() && i == toc.begin)) continue;
    Role r = ctx.heading(i).role;
    if (r == Role::kDecision) after_decision = ctx.heading(i).text_start >= ctx.text(i).size();
    if (r != Role::kNone && !(r == Role::kSection && ctx.block(i).kind == BlockKind::kHeading)) continue;
    std::string_view t = ctx.text(i);
    const Block& b = ctx.block(i);
    if (DatedBodyLine(ctx, t)) {
      after_decision = true;
      continue;
    }
    Cand c;
    c.st.block = i;
    std::string num;
    size_t ts = 0;
    if (lex.items().MatchItemMarker(t, &num, &ts) && !ClosesReference(t, ts)) {
      // "Punkt 1 - 3. Økonomiudvalget …": a range of clauses; not an
      // ordinal opening a title ("Nr.144 - 2. behandling af budget").
      std::string_view between = t.substr(0, ts);
      std::string_view after = Trim(t.substr(ts));
      const size_t gap = after.find(' ');
      const bool range = (between.find('-') != std::string_view::npos ||
                          between.find("\xE2\x80\x93") != std::string_view::npos) &&
                         NumberCell(after.substr(0, gap)) &&
                         (gap == std::string_view::npos || StartsUpper(Trim(after.substr(gap))));
      // "Punkt 2. Økonomiudvalget anbefaler … overfor Byrådet.": a
      // sentence with a decision's wording is a clause of a decision.
      std::string_view rest_all = Trim(t.substr(ts));
      const bool sentence = !rest_all.empty() && rest_all.back() == '.' && !AtMostWords(rest_all, 3) &&
                            lex.decisions().ClassifyDecision(rest_all).category != "other";
      if ((clause_zone || range || sentence) && b.kind != BlockKind::kHeading && !b.bold) {
        after_decision = true;
        continue;
      }
      c.marker = true;
      c.st.number = num;
      std::string_view rest = Trim(t.substr(ts));
      if (ctx.IsTableRow(i) && b.cells.size() >= 2 && ts <= b.cells[0].end - b.start) {
        // [Punkt 5][Title]…
        for (size_t k = 1; k < b.cells.size(); ++k) {
          std::string_view v = Trim(ctx.cell(i, k));
          if (!v.empty()) {
            rest = v;
            break;
          }
        }
      }
      if (rest.empty()) {
        TitleFromNextLine(ctx, i, &c.st);
        // "Tillæg 1 til Lokalplan 145 - endelig vedtagelse" / "Sag nr. 130"
        // (Rødovre's minutes pages): no title after the marker, and the line
        // right above it, with no gap between, reads as one. The item
        // starts at its title.
        if (c.st.title_start == c.st.title_end && i > 0 && !b.gap_before && !ctx.IsTableRow(i - 1) &&
            (marked.empty() || marked.back().st.block < i - 1)) {
          std::string_view v = Trim(ctx.text(i - 1));
          std::string pn;
          size_t pts = 0;
          if (!v.empty() && StartsUpper(v) && !EndsSentence(v) && v.back() != ':' && AtMostWords(v, 20) &&
              ctx.heading(i - 1).role == Role::kNone && !lex.items().IsCaseNumber(v) &&
              !lex.items().MatchItemMarker(v, &pn, &pts) && !lex.items().MatchNumberedLine(v, true, &pn, &pts)) {
            c.st.block = c.st.title_block = i - 1;
            c.st.title_start = ctx.block(i - 1).start;
            c.st.title_end = ctx.block(i - 1).end;
          }
        }
      } else {
        if (!TitleOk(rest) || !AtMostWords(rest, 40)) continue;
        c.st.title_block = i;
        c.st.title_start = ctx.Offset(rest);
        c.st.title_end = c.st.title_start + rest.size();
      }
      marked.push_back(std::move(c));
      continue;
    }
    if (!marked.empty()) continue;  // markers found: numbered lines are not needed
    const bool loose = b.kind == BlockKind::kHeading || b.bold;
    if (ctx.IsTableRow(i)) {
      if (b.cells.size() < 2) continue;
      auto n = NumberCell(ctx.cell(i, 0));
      std::string_view title = Trim(ctx.cell(i, 1));
      // [1][Åbent][Kommuneplan 2013 - juni. Endelig vedtagelse] (Gentofte's
      // minutes): the access in a cell of its own before the title.
      if (b.cells.size() >= 3 && AccessWord(lex, title)) {
        title = Trim(ctx.cell(i, 2));
        c.access = true;
      }
      // "1  Åbent         Kommuneplan …" as text: number and access in the
      // first cell.
      if (!n) {
        std::string_view c0t = Trim(ctx.cell(i, 0));
        const size_t sp = c0t.find(' ');
        if (sp != std::string_view::npos) {
          if (AccessWord(lex, Trim(c0t.substr(sp)))) {
            n = NumberCell(c0t.substr(0, sp));
            c.access = true;
          }
        }
      }
      // "1. Vittrup Skole. … 80 Kr.<gap>Antoges.": the matter numbered in
      // the first cell, the decision in the margin. After such a row, the
      // next number with a short note in the margin continues the
      // protocol though the note's wording is unknown ("3. Regning fra
      // Smed Nielsen paa 12,50 Kr.<gap>Anvist.").
      std::string_view c0 = ctx.cell(i, 0);
      const std::string_view margin = Trim(ctx.cell(i, b.cells.size() - 1));
      // "3.     –      – 10/7  –  om Høstbindegarn      –" (Lindknud
      // Sogneraads Protokol 13.8.1919): under a matter with its decision in
      // the margin, the number alone, the title opening with ditto marks
      // and a ditto margin. The title is the cells between.
      bool ditto_title = false;
      if (n && b.cells.size() >= 3 && !numbered.empty() && numbered.back().margin && Ditto(lex, title) &&
          Ditto(lex, margin)) {
        title = Trim(ctx.doc().Slice(b.cells[1].start, b.cells[b.cells.size() - 2].end));
        ditto_title = true;
        c.margin = true;
        c.st.margin = true;
      }
      if (!n && lex.items().MatchNumberedLine(c0, false, &num, &ts)) {
        bool next_margin = false;
        if (!numbered.empty() && numbered.back().margin && !margin.empty() && AtMostWords(margin, 8)) {
          std::vector<int> prev = NumParts(numbered.back().st.number);
          prev.back() += 1;
          next_margin = prev == NumParts(num);
        }
        // A ditto margin under a protocol's lead-in, after any earlier matter
        // ("1. Fødselsanmeldelser …" / … "Til Efterretning." / "3. Bekendtg.
        // af 9/11 om Handel med Sirup.      –", Lindknud 9.12.1918: no 2.).
        if (!next_margin && !numbered.empty() && Ditto(lex, margin) && !numbered.front().row &&
            NumLess(numbered.back().st.number, num) && AfterMattersLead(ctx, numbered.front().st.block))
          next_margin = true;
        if (MarginDecision(ctx, i) || next_margin) {
          n = num;
          title = Trim(c0.substr(ts));
          c.margin = true;
          c.st.margin = true;
        }
      }
      // A typed matter numbered apart by spaces is a paragraph too ("3.
      // Formanden bad om ordet: Formanden ønskede at træde tilbage, da …",
      // 42 words: NMJK 14.6.1982, nmjk.dk): up to 60 words in the run.
      const bool matter_row = n && b.cells.size() == 2 && !c.margin &&
                              (*n == "1" ? AfterMattersLead(ctx, i) : !matter_next.empty() && *n == matter_next);
      if (!n || !(ditto_title || TitleOk(title)) || !AtMostWords(title, matter_row ? 60 : 30)) continue;
      if (matter_row) matter_next = std::to_string(std::atoi(n->c_str()) + 1);
      c.st.number = *n;
      c.st.title_block = i;
      c.st.title_start = ctx.Offset(title);
      c.st.title_end = c.st.title_start + title.size();
      c.row = !c.margin;
      numbered.push_back(std::move(c));
      continue;
    }
    if (!lex.items().MatchNumberedLine(t, loose, &num, &ts)) {
      // After a protocol's lead-in the matters may be numbered without a
      // dot ("1   Overslag over Indtægter og Udgifter …", Lindknud 1910).
      // Only "1" or the run's next number followed by a space is tried.
      auto opens = [&](std::string_view want) {
        return !want.empty() && t.size() > want.size() && t.substr(0, want.size()) == want &&
               (t[want.size()] == ' ' || t[want.size()] == '\t');
      };
      const bool led = (opens("1") || opens(led_next)) && lex.items().MatchNumberedLine(t, true, &num, &ts) &&
                       (num == "1" ? AfterMattersLead(ctx, i) : num == led_next);
      if (led) {
        led_next = std::to_string(std::atoi(num.c_str()) + 1);
      } else {
        // "1 Åbent Meddelelser fra formanden" (Gentofte's minutes as text):
        // a number without its dot is an item's when the access stands after it.
        std::string_view tt = Trim(t);
        const size_t sp = tt.find(' ');
        if (sp == std::string_view::npos || !NumberCell(tt.substr(0, sp))) continue;
        std::string_view after = Trim(tt.substr(sp));
        const size_t sp2 = after.find(' ');
        if (sp2 == std::string_view::npos) continue;
        if (AccessWord(lex, after.substr(0, sp2))) {
          ts = static_cast<size_t>(after.data() - t.data()) + sp2;
        } else if (ItemLineHeaderAbove(ctx, i) && StartsUpper(after)) {
          // The line above is the item's, not the last lines of the one before.
          ts = static_cast<size_t>(after.data() - t.data());
          c.st.block = i - 1;
        } else {
          continue;
        }
        num = *NumberCell(tt.substr(0, sp));
        c.access = true;
      }
    }
    std::string_view rest = Trim(t.substr(ts));
    // "Beslutning" / "1. Bent Christensen havde modtaget anmodning fra …,
    // hvilket der dog ikke var enighed om." (Copenhagen's lokaludvalg): a
    // numbered sentence right under a decision heading is its first point.
    if (clause_zone && !loose && EndsSentence(rest) && !AtMostWords(rest, 10)) continue;
    if (!loose && RecommendationPoint(ctx, i, rest)) continue;
    // A title in lower case ("1. test") is a sentence's piece unless an
    // item's head follows at once ("Sagsnr.:", "Beslutning:").
    const bool head_next = i + 1 < ctx.size() && (ctx.heading(i + 1).role == Role::kCase ||
                                                  ctx.heading(i + 1).role == Role::kDecision ||
                                                  ctx.heading(i + 1).role == Role::kRecommendation);
    // A protocol's matter is a paragraph: after the lead-in ("Følgende Sager
    // forhandledes:") the run 1, 2, 3 … may be long ("3. Cirkulære af 11/12
    // 17. Efter Indstilling af Landbrugsudvalget … for hvert Nævn.", 33
    // words: Lindknud Sogneraads Protokol 9/1 1918, lindknudinfo.dk).
    const bool matter = num == "1" ? AfterMattersLead(ctx, i) : !matter_next.empty() && num == matter_next;
    // A protocol's matter may open in lower case ("3. en Regning fra Præstø
    // Amts Sygehus …": Fodby Sogneraad 25.4.1869).
    if (matter && num == "1") worded_lead = AfterMattersLeadWords(ctx, i);
    if (!(TitleOk(rest) || ((head_next || (matter && worded_lead)) && !rest.empty())) ||
        !AtMostWords(rest, matter ? 60 : 30))
      continue;
    if (matter) matter_next = std::to_string(std::atoi(num.c_str()) + 1);
    c.st.number = num;
    c.st.title_block = i;
    c.st.title_start = ctx.Offset(rest);
    c.st.title_end = c.st.title_start + rest.size();
    numbered.push_back(std::move(c));
  }

  std::vector<ItemStart> out;
  if (!marked.empty()) {
    std::set<std::string> seen;
    for (auto& c : marked)
      if (seen.insert(c.st.number).second) out.push_back(std::move(c.st));
    return out;
  }
  // An item's head: a case number, or a decision / recommendation / case
  // heading within the next lines. Without a single such head the numbered
  // lines are chapters or lists (a report's TOC matches its chapters too).
  std::vector<bool> head(numbered.size(), false);
  bool any_head = false;
  for (size_t k = 0; k < numbered.size(); ++k) {
    const Cand& c = numbered[k];
    // The same number again right after ("2. Budgetopfølgning 1 for 2020" /
    // "2.     Budgetopfølgning 1 for 2020", the page's link over its heading:
    // Slagelse's minutes pages 2017-2020) ends no head's window.
    size_t kn = k + 1;
    while (kn < numbered.size() && numbered[kn].st.number == c.st.number &&
           numbered[kn].st.block <= numbered[kn - 1].st.block + 2)
      ++kn;
    const size_t next = kn < numbered.size() ? numbered[kn].st.block : ctx.size();
    // A number, the item's access, then its title: an agenda's line.
    head[k] = c.margin || c.access;
    const bool listed = AfterNumberedLine(ctx, c.st.block);
    // "Sagnr.: 1-51-71-3321-08" right above the number (Region
    // Midtjylland's agendas), unless that line ends an item just above.
    head[k] = head[k] || CaseLabelAbove(ctx, c.st.block, k > 0 ? numbered[k - 1].st.block : SIZE_MAX);
    // Within six blocks; an attendance field between ("Fraværende med
    // afbud:" and a name a line: Copenhagen's lokaludvalg) does not count.
    size_t limit = c.st.title_block + 6;
    for (size_t j = c.st.title_block + 1; !head[k] && j < next && j <= limit; ++j) {
      const LabelHit lh = lex.attendance().MatchLabel(ctx.text(j), false);
      if ((lh.field == Field::kAbsent || lh.field == Field::kPresent || lh.field == Field::kOthers) &&
          Trim(ctx.text(j).substr(std::min(lh.value_start, ctx.text(j).size()))).empty()) {
        size_t last = j;
        LabelValue(ctx, j, lh, next, true, &last);
        limit += last - j + 1;
        j = last;
        continue;
      }
      Role r = ctx.heading(j).role;
      head[k] = r == Role::kDecision || r == Role::kRecommendation || r == Role::kCase ||
                lex.items().IsCaseNumber(ctx.text(j)) || (!listed && ShortDecision(lex, ctx.text(j)));
    }
    // A section heading alone right under the number ("89. Godkendelse af
    // dagsorden" / "Udskriv" / "Sagstema", Thisted Kommune's minutes pages
    // 2019-2022): the item's sections may run past six blocks, and a
    // decision or recommendation heading before the next number is its head.
    bool section_under = false;
    for (size_t j = c.st.title_block + 1; !head[k] && !listed && j < next && j <= c.st.title_block + 3; ++j)
      section_under = section_under || (ctx.heading(j).role == Role::kSection &&
                                        ctx.heading(j).text_start >= ctx.text(j).size());
    for (size_t j = limit + 1; section_under && !head[k] && j < next; ++j)
      head[k] = ctx.heading(j).role == Role::kDecision || ctx.heading(j).role == Role::kRecommendation;
    any_head = any_head || head[k];
  }
  // A protocol's matters after its lead-in ("Følgende Sager behandledes:"):
  // the run 1, 2, 3 … from the first number on is items, each matter
  // whatever its decision's wording (Lindknud Sogneraads Protokol 1915-1921).
  // Typed minutes set the number apart with spaces ("1.     PR-anlægget i
  // Dalmose blev diskuteret …", NMJK 14.6.1982 and 26.6.1990, nmjk.dk): a
  // row of two cells, the number alone in the first, is such a line.
  auto spaced = [&](const Cand& c) {
    return !c.row || (ctx.block(c.st.title_block).cells.size() == 2 &&
                      NumberCell(ctx.cell(c.st.title_block, 0)).has_value());
  };
  if (!numbered.empty() && numbered[0].st.number == "1" && spaced(numbered[0]) &&
      AfterMattersLead(ctx, numbered[0].st.block)) {
    for (size_t k = 0; k < numbered.size() && spaced(numbered[k]); ++k) {
      if (k > 0) {
        std::vector<int> prev = NumParts(numbered[k - 1].st.number);
        prev.back() += 1;
        if (prev != NumParts(numbered[k].st.number)) break;
      }
      head[k] = any_head = true;
    }
  }
  // An agenda list under its lead-in ("Der var fremlagt følgende
  // dagsorden."), then the points numbered as it, in its order, written as
  // sentences ("1.  Under pkt. 1 oplæste sekretæren …": NMJK 27.5.1987,
  // nmjk.dk/Arkiv): those lines are the items.
  if (toc.led) {
    size_t want = 0;
    for (size_t k = 0; k < numbered.size() && want < toc.entries.size(); ++k) {
      if (numbered[k].st.block < toc.end || numbered[k].st.number != toc.entries[want].number) continue;
      head[k] = any_head = true;
      ++want;
    }
  }
  if (!any_head) return out;
  bool all_strong = true, all_rows = true;
  for (size_t k = 0; k < numbered.size(); ++k) {
    Cand& c = numbered[k];
    bool evidence = head[k];
    if (const TocEntry* e = toc.Find(c.st.number); e && !evidence) {
      evidence = TitlesSimilar(e->title, ctx.doc().Slice(c.st.title_start, c.st.title_end));
    }
    // A closed or empty item may have no head to show: in a sequence of
    // items set as headings or in bold, the next number in the same style
    // continues it ("**6. Lukket: Henvendelser til formanden**").
    const Block& cb = ctx.block(c.st.block);
    const bool strong = cb.kind == BlockKind::kHeading || cb.bold;
    if (!evidence && strong && !out.empty() && all_strong) {
      std::vector<int> prev = NumParts(out.back().number), cur = NumParts(c.st.number);
      prev.back() += 1;
      evidence = prev == cur;
    }
    // Items numbered in cells of their own ("1<TAB>First Agenda", "1.1<TAB>
    // Status siden sidst"; Aarhus Kommune's SBSYS minutes) form an outline:
    // a row numbered next in it after an item continues the agenda, and a
    // group's own row ("1") comes before its first item ("1.1"). Body
    // lists are not set as such rows, but a body's table may number its
    // rows: a numbered row right under another row of a table that is not
    // the item row above is a row of that table.
    const size_t b = c.st.block;
    const bool under_row = c.row && b > 0 && ctx.IsTableRow(b - 1) &&
                           (out.empty() || out.back().block != b - 1) && !out.empty();
    if (under_row) continue;
    if (!evidence && c.row && all_rows) {
      const std::vector<int> cur = NumParts(c.st.number);
      if (!out.empty()) {
        evidence = NextInOutline(NumParts(out.back().number), cur);
      } else if (k + 1 < numbered.size() && numbered[k + 1].row && head[k + 1]) {
        evidence = NextInOutline(cur, NumParts(numbered[k + 1].st.number));
      }
    }
    // The next number after an item, in plain lines, when the line marks
    // its item closed ("11. Lukket: Henvendelser til formanden": a closed
    // item shows its title alone) or a section heading follows it ("3.
    // Underskriftsark" / "Fremstilling"). The first item so too when the
    // next line numbered 2 has an item's head ("1. Lukket: Temamøde -
    // Tavshedspligt i byrådsarbejdet" / "Afholdt." before "2. Godkendelse af
    // dagsorden" / "Beslutning": Greve Byråd 29.01.2025 as text).
    const bool first_before_second =
        out.empty() && c.st.number == "1" && k + 1 < numbered.size() && numbered[k + 1].st.number == "2" &&
        head[k + 1] && !numbered[k + 1].row;
    if (!evidence && !c.row && (!out.empty() || first_before_second) && !AfterNumberedLine(ctx, c.st.block)) {
      std::vector<int> prev = out.empty() ? std::vector<int>{0} : NumParts(out.back().number);
      prev.back() += 1;
      if (prev == NumParts(c.st.number)) {
        std::string_view title = ctx.doc().Slice(c.st.title_start, c.st.title_end);
        evidence = lex.items().TitlePublic(title).has_value();
        const size_t next = k + 1 < numbered.size() ? numbered[k + 1].st.block : ctx.size();
        // Or its first line is a decision ("Det vedtoges at forhøje
        // Understøttelsen til 2 Kr. 25 Øre ugentlig.").
        if (!evidence && c.st.title_block + 1 < next) {
          std::string_view first = Trim(ctx.text(c.st.title_block + 1));
          evidence = !ctx.IsTableRow(c.st.title_block + 1) && AtMostWords(first, 25) && EndsSentence(first) &&
                     lex.decisions().ClassifyDecision(first).category != "other";
        }
        for (size_t j = c.st.title_block + 1; !evidence && j < next && j <= c.st.title_block + 3; ++j)
          evidence = ctx.heading(j).role == Role::kSection && ctx.heading(j).text_start >= ctx.text(j).size();
      }
    }
    if (!evidence) continue;
    if (!out.empty() && !NumLess(out.back().number, c.st.number)) continue;
    all_strong = all_strong && strong;
    all_rows = all_rows && c.row;
    out.push_back(std::move(c.st));
  }
  return out;
}

namespace {
bool AfterLead(const Context& ctx, size_t b, bool words_only) {
  const auto& leads = ctx.lex().words().matters_lead.entries();
  for (size_t j = b; j > 0 && j + 3 >= b; --j) {
    std::string_view t = Trim(ctx.text(j - 1));
    if (!words_only) {
      // Typed minutes go from those present or absent straight to the
      // matters ("tilstede var: …" / "Fraværende med afbud: …" / "1.
      // Handelsafdeling søges etableret af HNJ og HS": NMJK's board 6.2.1984,
      // nmjk.dk/Arkiv).
      const Field label = ctx.lex().attendance().MatchLabel(t, true).field;
      if (label == Field::kPresent || label == Field::kAbsent) return true;
      // Or a sentence that everyone came ("Bestyrelsen samlet minus
      // sekretæren med lovligt frafald": NMJK 14.6.1982).
      if (label == Field::kNone && !t.empty() && AtMostWords(t, 16) &&
          AllPresentNote(ctx, j - 1, nullptr, nullptr, nullptr))
        return true;
    }
    // With its colon, or as the end of the entry's line with no sign at all
    // ("… hvor nedentegnede Medlemmer vare tilstede og følgende forhandledes"
    // / "1. Siden sidste Møde …": Fodby Sogneraad 25.4.1869,
    // online.flippingbook.com/view/672556612/950-951).
    if (t.empty() || (t.back() != ':' && !((t.back() | 0x20) >= 'a' && (t.back() | 0x20) <= 'z'))) continue;
    // Only the line's end is folded: the lead-in's length and a few bytes
    // more (a letter's case may change its length).
    std::string_view body = Trim(t.back() == ':' ? t.substr(0, t.size() - 1) : t);
    for (const auto& lead : leads) {
      if (body.size() < lead.size()) continue;
      const size_t from = body.size() > lead.size() + 8 ? body.size() - lead.size() - 8 : 0;
      const std::string f = FoldCase(body.substr(from));
      const std::string l = FoldCase(lead);
      if (f.size() >= l.size() && f.compare(f.size() - l.size(), l.size(), l) == 0 &&
          (f.size() == l.size() ? from == 0 : f[f.size() - l.size() - 1] == ' '))
        return true;
    }
  }
  return false;
}
}  // namespace

bool AfterMattersLead(const Context& ctx, size_t b) { return AfterLead(ctx, b, false); }
bool AfterMattersLeadWords(const Context& ctx, size_t b) { return AfterLead(ctx, b, true); }

std::vector<AgendaItem> ExtractItems(const Context& ctx, const std::vector<ItemStart>& starts,
                                     const Toc& toc, const std::optional<std::string>& meeting_date) {
  const Lexicon& lex = ctx.lex();
  std::vector<AgendaItem> items;
  const int year = meeting_date ? YearOf(*meeting_date) : 0;
  // A page's running header in a text dump ("Møde i Økonomiudvalget den 10.
  // juni 2013" over every item of Gentofte's minutes as pdftotext gives
  // them): a line of four words or more with a digit and no final stop,
  // right above three item numbers or more, the first among them. It is no
  // item's text.
  std::set<std::string_view> running;
  {
    std::string_view first;
    int count = 0;
    for (const ItemStart& st : starts) {
      size_t i = st.block;
      while (i > 0 && Trim(ctx.text(i - 1)).empty()) --i;
      if (i == 0 || ctx.IsTableRow(i - 1)) continue;
      std::string_view t = Trim(ctx.text(i - 1));
      if (&st == &starts.front()) {
        if (t.back() == '.' || !HasDigit(t) || AtMostWords(t, 3) || !AtMostWords(t, 12)) break;
        first = t;
      }
      if (t == first && ++count == 3) running.insert(t);
    }
  }
  std::optional<bool> body_public;  // from "Åben dagsorden" / "Lukket dagsorden" lines
  size_t scanned = 0;
  for (size_t k = 0; k < starts.size(); ++k) {
    const ItemStart& st = starts[k];
    for (; scanned < st.block; ++scanned) {
      if (InToc(toc, scanned)) continue;
      const HeadingHit& h = ctx.heading(scanned);
      // "Lukket dagsorden" heads the items after it; a stray "Lukket" in an
      // item's text (opening hours listed line by line) is followed by more
      // of that text, not by the next item.
      if (!ctx.IsTableRow(scanned) && h.text_start >= ctx.text(scanned).size() &&
          (h.role == Role::kOpen || h.role == Role::kClosed) && OnlyHeadingsBetween(ctx, scanned, st.block))
        body_public = h.role == Role::kOpen;
    }
    size_t end = k + 1 < starts.size() ? starts[k + 1].block : ctx.size();
    for (size_t j = st.title_block + 1; j < end; ++j) {
      const HeadingHit& h = ctx.heading(j);
      if ((h.role == Role::kEnd && h.text_start >= ctx.text(j).size()) || MeetingEndTime(ctx, j)) {
        // "2. Godkendelse af dagsordnen" / "Mødet sluttede kl.21.33" / …
        // / "Beslutning" (Copenhagen's lokaludvalg note the end in the
        // item's head): the item's own decision heading after the line
        // says it ended nothing.
        bool decision_after = false;
        for (size_t q = j + 1; q < end && !decision_after; ++q)
          decision_after = ctx.heading(q).role == Role::kDecision;
        if (decision_after) continue;
        end = j;
        break;
      }
    }
    AgendaItem it;
    it.number = st.number;
    it.title = Collapse(ctx.doc().Slice(st.title_start, st.title_end));
    // "Godkendelse af dagsorden ( )": Copenhagen's eDoc pages print an
    // empty pair of parentheses where a reference would stand.
    for (std::string_view empty : {std::string_view(" ( )"), std::string_view(" ()")}) {
      if (it.title.size() > empty.size() &&
          it.title.compare(it.title.size() - empty.size(), empty.size(), empty) == 0)
        it.title.resize(it.title.size() - empty.size());
    }
    // "Godkendelse af dagsordenÅbn/luk punkt" (Solrød's minutes pages
    // 2021): a page's control glued to the title, capitalised, no space
    // before it, is no part of it.
    for (const std::string& nav : lex.words().navigation.entries()) {
      const size_t n = it.title.size();
      if (n <= nav.size() + 1) continue;
      std::string_view tail = std::string_view(it.title).substr(n - nav.size());
      if (it.title[n - nav.size() - 1] != ' ' && StartsUpper(tail) && FoldCase(tail) == nav) {
        it.title.resize(n - nav.size());
        break;
      }
    }
    const TocEntry* te = toc.Find(st.number);
    if (it.title.empty() && te) it.title = te->title;
    size_t marker_len = 0, suffix_len = 0;
    std::optional<bool> pub = lex.items().TitlePublic(it.title, &marker_len, &suffix_len);
    if (suffix_len) it.title.resize(it.title.size() - suffix_len);
    if (marker_len) it.title.erase(0, marker_len);
    if (!pub && !ctx.IsTableRow(st.title_block) && st.title_start > ctx.block(st.title_block).start) {
      // "1 Åbent Meddelelser fra formanden": the access before the title.
      std::string_view before =
          Trim(ctx.doc().Slice(ctx.block(st.title_block).start, st.title_start));
      const size_t sp = before.rfind(' ');
      if (sp != std::string_view::npos) pub = AccessWord(lex, before.substr(sp + 1));
    }
    if (!pub && ctx.IsTableRow(st.title_block)) {
      // The access in the cell before the title's.
      const Block& tb = ctx.block(st.title_block);
      for (size_t c = 0; !pub && c < tb.cells.size() && tb.cells[c].start < st.title_start; ++c) {
        std::string_view cell = Trim(ctx.cell(st.title_block, c));
        if (c == 0) {
          const size_t sp = cell.find(' ');
          if (sp == std::string_view::npos) continue;
          cell = Trim(cell.substr(sp));
        }
        pub = AccessWord(lex, cell);
      }
    }
    if (!pub && te) pub = te->public_;
    if (!pub) pub = body_public;
    it.public_ = pub;

    // The case number printed above the number comes first: a case line at
    // the item's end then belongs to the next item.
    if (CaseLabelAbove(ctx, st.block, k > 0 ? starts[k - 1].block : SIZE_MAX)) {
      bool next_is_value = false;
      it.case_number = CaseNumberOfLine(ctx, st.block - 1, st.block, &next_is_value);
    }

    // Sections.
    std::vector<SectionDraft> secs(1);
    bool marked_public = marker_len > 0 || suffix_len > 0;  // the title's own mark wins
    // "Sagsnr. 299835 Kultur- og Idrætsudvalget Åbent punkt" (Roskilde),
    // "Sagsforløb: ØU - Åben sag" (Hørsholm): the access in a case line's
    // or a case sheet's field's last two words.
    auto access_at_end = [&](size_t j) {
      if (marked_public || ctx.IsTableRow(j)) return;
      std::string_view line = TrimRight(Trim(ctx.text(j)), ".");
      size_t cut = line.size();
      for (int w = 0; w < 2 && !marked_public; ++w) {
        cut = line.rfind(' ', cut == 0 ? 0 : cut - 1);
        if (cut == std::string_view::npos) break;
        std::string_view tail = Trim(line.substr(cut));
        if (lex.headings().IsRoleLine(tail, Role::kOpen) || lex.headings().IsRoleLine(tail, Role::kClosed)) {
          it.public_ = lex.headings().IsRoleLine(tail, Role::kOpen);
          marked_public = true;
        }
      }
    };
    // "Sagsnr.: 330-2018-3619 | Dok.nr.: … | Åbent" (Odsherred), "Dok.nr.:
    // 1965 | Sagsid.: 14/40 | … | Åben sag" (Esbjerg): the access in a cell
    // of a case line.
    auto access_in_cells = [&](size_t j) {
      if (!ctx.IsTableRow(j)) return;
      const Block& row = ctx.block(j);
      for (size_t c = 1; !marked_public && c < row.cells.size(); ++c) {
        std::string_view cell = Trim(ctx.cell(j, c));
        const bool open = lex.headings().IsRoleLine(cell, Role::kOpen);
        if (open || lex.headings().IsRoleLine(cell, Role::kClosed)) {
          it.public_ = open;
          marked_public = true;
        }
      }
    };
    // A case sheet between the number and the title (Hørsholm's Acadre
    // minutes: "Punkt: 2" / "Acadre sagsnr.: …" / … / the title) is read
    // as the item's first lines.
    size_t first = st.title_block > st.block + 1 ? st.block + 1 : st.title_block + 1;
    // An item opened by its access line alone ("Åben" over "Indstilling",
    // AccessLineStarts; "Åbent punkt" over the number): that line says it.
    if (const HeadingHit& hb = ctx.heading(st.block);
        !marked_public && (hb.role == Role::kOpen || hb.role == Role::kClosed) && hb.text_start >= ctx.text(st.block).size()) {
      it.public_ = hb.role == Role::kOpen;
      marked_public = true;
    }
    if (st.case_head) {
      // The item opens with its case label (CaseLabelStarts).
      bool next_is_value = false;
      it.case_number = CaseNumberOfLine(ctx, st.block, end, &next_is_value);
      access_at_end(st.block);
      access_in_cells(st.block);
      first = st.title_block + 1;
    }
    for (size_t j = first; j < end; ++j) {
      if (j == st.title_block) continue;
      // The marker's own line under a title set above it ("Sag nr. 130").
      if (j == st.title_block + 1 && st.block == st.title_block) {
        std::string mn;
        size_t mts = 0;
        if (lex.items().MatchItemMarker(ctx.text(j), &mn, &mts) && mn == st.number &&
            Trim(ctx.text(j).substr(mts)).empty())
          continue;
      }
      std::string_view t = ctx.text(j);
      const Block& b = ctx.block(j);
      const HeadingHit& h = ctx.heading(j);
      const bool dated_head = h.role == Role::kDecision && h.text_start < t.size() && h.text_start > 0 &&
                              BodyThenDate(ctx, t.substr(h.text_start));
      const bool whole = h.text_start >= t.size() || dated_head;
      if (j < st.title_block && h.role != Role::kCase) access_at_end(j);
      if (h.role == Role::kCase) {
        bool next_is_value = false;
        auto cn = CaseNumberOfLine(ctx, j, end, &next_is_value);
        if (!it.case_number && cn) it.case_number = std::move(cn);
        access_at_end(j);
        access_in_cells(j);
        if (next_is_value) ++j;
        continue;
      }
      if (whole && (h.role == Role::kOpen || h.role == Role::kClosed)) {
        // "Åbent" / "Lukket" on a line of the item's head, before its
        // first section.
        if (!marked_public && secs.size() == 1) {
          it.public_ = h.role == Role::kOpen;
          marked_public = true;
        }
        continue;
      }
      if ((h.role == Role::kDecision || h.role == Role::kRecommendation || h.role == Role::kAttachments ||
           h.role == Role::kSection) &&
          !(h.markup && BrokenSentence(ctx.lex(), t))) {
        SectionDraft s;
        s.heading = Collapse(TrimRight(dated_head ? Trim(t) : t.substr(0, h.heading_end), ":"));
        if (s.heading->empty()) s.heading.reset();
        s.role = h.role;
        s.head_block = j;
        if (!whole) s.pieces.push_back({j, b.start + h.text_start, b.end, false});
        secs.push_back(std::move(s));
        continue;
      }
      // "Åbent - 00.01.00-G01-523-18", "Åbent - 00.01.00A04 - 2007/34364"
      // (Odense's SBSYS minutes): the access, a dash, the case's numbers.
      if (secs.size() == 1 && secs[0].pieces.size() < 4 && h.role == Role::kNone && !ctx.IsTableRow(j)) {
        std::string_view tt = Trim(t);
        size_t dash = tt.find(" - ");
        if (dash == std::string_view::npos) dash = tt.find(" \xE2\x80\x93 ");
        if (dash != std::string_view::npos && dash <= 12) {
          std::string_view word = tt.substr(0, dash);
          const bool open = lex.headings().IsRoleLine(word, Role::kOpen);
          size_t len = 0;
          const size_t at = lex.items().FindCaseNumber(tt.substr(dash), &len);
          if ((open || lex.headings().IsRoleLine(word, Role::kClosed)) && at != std::string_view::npos) {
            if (!marked_public) {
              it.public_ = open;
              marked_public = true;
            }
            if (!it.case_number) it.case_number = std::string(tt.substr(dash).substr(at, len));
            secs.back().pieces.push_back({j, b.start, b.end, true});
            continue;
          }
        }
      }
      // "Dok.nr.: 1965    Sagsid.: 14/40    Initialer: dosko    Åben sag"
      // (Esbjerg's minutes): fields in columns on one line of the item's
      // head; a case label among them gives the case number, the access
      // may end the line.
      if (!it.case_number && secs.size() == 1 && secs[0].pieces.size() < 4 && h.role == Role::kNone &&
          RE2::PartialMatch(t, lex.items().meta_label())) {
        bool found = false;
        for (size_t a = 0; a < t.size() && !found;) {
          size_t gap = t.find("  ", a), tab = t.find('\t', a);
          size_t z = std::min(gap, tab);
          if (z == std::string_view::npos) z = t.size();
          std::string_view field = Trim(t.substr(a, z - a));
          const HeadingHit fh = lex.headings().MatchHeading(field);
          if (a > 0 && fh.role == Role::kCase && fh.text_start < field.size()) {
            if (auto cn = LabelledCaseNumber(lex, field.substr(fh.text_start))) {
              it.case_number = std::move(cn);
              found = true;
            }
          }
          a = z;
          while (a < t.size() && (t[a] == ' ' || t[a] == '\t')) ++a;
        }
        if (found) {
          access_at_end(j);
          access_in_cells(j);
          secs.back().pieces.push_back({j, b.start, b.end, true});
          continue;
        }
      }
      if (!it.case_number && secs.size() == 1 && secs[0].pieces.size() < 4 && lex.items().IsCaseNumber(t)) {
        it.case_number = std::string(TrimRight(Trim(t), "."));
        continue;
      }
      if (running.count(Trim(t))) continue;
      // A web page's furniture ("Kopier link til punktet - Print";
      // report_labels.txt `chrome`) is no part of the item's text.
      if (size_t vs = 0; AtMostWords(t, 6) && lex.header().MatchReportLabel(Trim(t), &vs) == "chrome") continue;
      secs.back().pieces.push_back({j, b.start, b.end, true});
    }

    for (const auto& s : secs) {
      if (s.role == Role::kNone && s.pieces.empty()) continue;
      Section out;
      out.heading = s.heading;
      Joiner j;
      for (const Piece& p : s.pieces) j.Add(ctx.doc().Slice(p.start, p.end));
      out.text = j.Take();
      size_t a = s.head_block != SIZE_MAX ? ctx.block(s.head_block).start : s.pieces.front().start;
      size_t z = s.pieces.empty() ? ctx.block(s.head_block).end : s.pieces.back().end;
      out.span = ctx.MakeSpan(a, z);
      it.sections.push_back(std::move(out));
    }

    it.recommendation = ExtractRecommendation(ctx, secs);

    // The decision: the one dated the meeting's date, else the last undated
    // one, else the last one. Decisions dated before the meeting are those
    // of the bodies that handled the case earlier ("Beslutning i Plan- og
    // Miljøudvalget den 1. februar 2019" in the council's agenda): when all
    // are such, this meeting's decision is not recorded.
    const SectionDraft* chosen = nullptr;
    const SectionDraft* undated = nullptr;
    const SectionDraft* last_dec = nullptr;
    bool all_earlier = meeting_date.has_value();
    // "Beslutning" / "Dagsordenspunkt 1: Godkendelse af dagsorden" /
    // "Økonomiudvalgets beslutning i mødet den 31. marts 2020" (Copenhagen's
    // eDoc pages): a decision heading holding only the item's title again
    // heads the decision under the next one.
    auto only_title_again = [&](size_t k) {
      if (k + 1 >= secs.size() || secs[k + 1].role != Role::kDecision || !secs[k + 1].heading) return false;
      for (const Piece& p : secs[k].pieces) {
        std::string_view t = Trim(ctx.doc().Slice(p.start, p.end));
        const size_t colon = t.find(": ");
        if (colon != std::string_view::npos) t = Trim(t.substr(colon + 1));
        if (!TitlesSimilar(t, it.title)) return false;
      }
      return true;
    };
    for (size_t sk = 0; sk < secs.size(); ++sk) {
      const SectionDraft& s = secs[sk];
      if (s.role != Role::kDecision || only_title_again(sk)) continue;
      std::optional<DateHit> d;
      if (s.heading) d = FindDate(lex, *s.heading, 0, year);
      if (meeting_date && d && d->iso == *meeting_date) {
        chosen = &s;
        break;
      }
      if (!d && (!s.pieces.empty() || !undated)) undated = &s;
      if (!d || !meeting_date || d->iso > *meeting_date) all_earlier = false;
      if (!s.pieces.empty() || !last_dec) last_dec = &s;
    }
    if (!chosen) chosen = undated ? undated : all_earlier ? nullptr : last_dec;
    // Items without a decision heading:
    // - minutes that write the decision in a few words as the item's last
    //   paragraphs ("Vedtaget.", "Sagen henvises til Finansudvalget.";
    //   historic minutes, short protocols), after the recommendation;
    // - items with no heading at all whose text is what was decided (closed
    //   items in published minutes: "1. Godkendt" / "2. Godkendt",
    //   "Økonomiudvalget anbefaler overfor Byrådet, at …"), in at most 80
    //   words.
    // Absence notes after the decision ("Afbud: …") go with it.
    SectionDraft inline_decision;
    if (!last_dec && (st.margin || MarginDecision(ctx, st.title_block)) && ctx.IsTableRow(st.title_block) &&
        (st.title_end <= ctx.block(st.title_block).cells[0].end ||
         (st.margin && st.title_end <= ctx.block(st.title_block).cells.back().start))) {
      const Block& tb = ctx.block(st.title_block);
      const auto& cell = tb.cells.back();
      inline_decision.role = Role::kDecision;
      inline_decision.pieces.push_back({st.title_block, cell.start, cell.end, false});
      chosen = &inline_decision;
    } else if (!last_dec && secs.back().role == Role::kNone && !secs.back().pieces.empty()) {
      const std::vector<Piece>& ps = secs.back().pieces;
      auto text_of = [&](const Piece& q) { return Trim(ctx.doc().Slice(q.start, q.end)); };
      auto in_rec = [&](const Piece& q) {
        return it.recommendation && it.recommendation->span && q.start < it.recommendation->span->end &&
               q.end > it.recommendation->span->start;
      };
      size_t k = ps.size();
      std::vector<std::string> ignored;
      while (k > 0 && AbsenceNote(lex, text_of(ps[k - 1]), &ignored)) --k;
      size_t from = k;
      while (from > 0 && !in_rec(ps[from - 1]) && ShortDecision(lex, text_of(ps[from - 1]))) --from;
      if (k > 0 && from == k && secs.size() == 1 &&
          AtMostWords(ctx.doc().Slice(ps.front().start, ps[k - 1].end), 80) &&
          lex.decisions().ClassifyDecision(text_of(ps.front())).category != "other")
        from = 0;
      if (from < k) {
        inline_decision.role = Role::kDecision;
        inline_decision.pieces.assign(ps.begin() + static_cast<std::ptrdiff_t>(from), ps.end());
        chosen = &inline_decision;
      }
    }
    // Protocols write the decision on the matter's own lines: the last cell
    // of its last line after a run of spaces ("Den 26 – – Gmd. Poul Madsen
    // Poulsen og Hustru, Klelund.      Til Efterretning."), or the last
    // sentence of its paragraph ("5.´Sogneraadsvalg afholdes … Som
    // Valgbestyrere valgtes Sogneraadet."; Lindknud Sogneraads Protokol
    // 1918-1921, lindknudinfo.dk).
    if (!chosen && !last_dec) {
      const std::vector<Piece>& ps = secs.back().pieces;
      const size_t tail = !ps.empty() && ps.back().whole_block ? ps.back().block : SIZE_MAX;
      if (secs.back().role == Role::kNone && tail != SIZE_MAX && MarginDecision(ctx, tail)) {
        const auto& cell = ctx.block(tail).cells.back();
        inline_decision.role = Role::kDecision;
        inline_decision.pieces.push_back({tail, cell.start, cell.end, false});
        chosen = &inline_decision;
      } else if (ps.empty() && st.title_end > st.title_start) {
        // Typed minutes of the 1980s write what was decided into the
        // matter's own sentence, the last one that opens with a decision's
        // wording ("1. Vedtog indkaldelse til ekstraordinær generalforsamling
        // den 14 maj 84 kl. 19:30 på Kildemarksskolen."; "4. Klubbens
        // revidere love, …, vedtages at skulle renskrives …"; Næstved Model
        // Jernbane Klub 1984, nmjk.dk): a sentence in at most 30 words; the
        // matter's whole text only in more than 8 (a title "Orientering om
        // budgettet." is no decision).
        for (long k = ctx.seg().SentenceAt(st.title_end - 1); k >= 0; --k) {
          const Sentence& sen = ctx.seg().sentences[static_cast<size_t>(k)];
          if (sen.end <= st.title_start || sen.block != st.title_block) break;
          if (sen.end > st.title_end) continue;
          const std::string_view t = Trim(ctx.doc().Slice(sen.start, sen.end));
          const bool after_first = sen.start > st.title_start;
          if ((after_first && ShortDecision(lex, t)) ||
              (!t.empty() && t.back() == '.' && AtMostWords(t, 30) && (after_first || !AtMostWords(t, 8)) &&
               lex.decisions().ClassifyDecision(t).category != "other")) {
            inline_decision.role = Role::kDecision;
            inline_decision.pieces.push_back({st.title_block, sen.start, sen.end, false});
            chosen = &inline_decision;
            break;
          }
        }
      }
    }
    // A ditto margin repeats the decision of the matter above ("1. …
    // Til Efterretning." / "2. … –", Lindknud Sogneraads Protokol
    // 13.8.1919): its category, with the mark as its text.
    if (chosen == &inline_decision && chosen->pieces.size() == 1 && !items.empty() && items.back().decision &&
        Ditto(lex, ctx.doc().Slice(chosen->pieces[0].start, chosen->pieces[0].end))) {
      const Piece& q = chosen->pieces[0];
      const std::string_view t = Trim(ctx.doc().Slice(q.start, q.end));
      Decision d;
      d.text = std::string(t);
      d.category = items.back().decision->category;
      d.span = ctx.MakeSpan(ctx.Offset(t), ctx.Offset(t) + t.size());
      it.decision = std::move(d);
      chosen = nullptr;
    }
    if (chosen) {
      int dyear = year;
      if (!dyear && chosen->heading)
        if (auto d = FindDate(lex, *chosen->heading)) dyear = YearOf(d->iso);
      DecisionParts parts = ParseDecision(ctx, *chosen, dyear, it.recommendation ? &*it.recommendation : nullptr);
      it.decision = std::move(parts.decision);
      it.absent = std::move(parts.absent);
      it.votes = std::move(parts.votes);
      it.dissents = std::move(parts.dissents);
      it.referrals = std::move(parts.referrals);
    }
    // Absence notes in the item's opening lines ("Afbud: …" before the text).
    for (const Piece& p : secs[0].pieces) {
      std::string_view t = ctx.doc().Slice(p.start, p.end);
      if (AtMostWords(t, 30)) AbsenceNote(lex, t, &it.absent);
    }
    DedupeNames(&it.absent);
    for (const auto& s : secs)
      if (s.role == Role::kAttachments)
        for (const Piece& p : s.pieces) ParseAttachments(ctx, p, &it.attachments);

    size_t last = end > st.block ? end - 1 : st.block;
    while (last > st.title_block && Trim(ctx.text(last)).empty()) --last;
    it.span = ctx.MakeSpan(ctx.block(st.block).start, ctx.block(std::max(last, st.title_block)).end);
    items.push_back(std::move(it));
  }
  // A document that marks its closed items (a prefix, a "Lukket dagsorden"
  // section) thereby says that the unmarked ones are open.
  if (std::any_of(items.begin(), items.end(), [](const AgendaItem& a) { return a.public_ == false; }))
    for (auto& a : items)
      if (!a.public_) a.public_ = true;
  return items;
}

}  // namespace referat::analyze
