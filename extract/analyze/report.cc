#include "analyze/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "analyze/dates.h"
#include "analyze/text_util.h"

namespace referat::analyze {
namespace {

constexpr size_t kCoverBlocks = 40;

std::string YearStart(int y) {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-01-01", y);
  return b;
}
std::string YearEnd(int y) {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-12-31", y);
  return b;
}

// "2016-2019", "2017 til 2020", "2017–2020" in a title; or one year after an
// annual-report word ("Årsrapport 2018").
std::optional<Period> PeriodFromTitle(const Lexicon& lex, std::string_view title) {
  re2::StringPiece a, b;
  if (RE2::PartialMatch(title, lex.header().year_range(), &a, &b)) {
    int ya = std::stoi(std::string(a.data(), a.size())), yb = std::stoi(std::string(b.data(), b.size()));
    if (yb >= ya) return Period{YearStart(ya), YearEnd(yb)};
  }
  // The end year in two digits after a dash: "Kommunalbestyrelsens strategi
  // 2022-25" (Hedensted Kommune, hedensted.dk 2022), in the same century.
  static const RE2 short_range("(?:^|[^\\d])((?:19|20)\\d{2})\\s*(?:-|\xE2\x80\x93)\\s*(\\d{2})(?:[^\\d.,]|$)");
  if (RE2::PartialMatch(title, short_range, &a, &b)) {
    int ya = std::stoi(std::string(a.data(), a.size())), yb = ya / 100 * 100 + std::stoi(std::string(b.data(), b.size()));
    if (yb > ya) return Period{YearStart(ya), YearEnd(yb)};
  }
  if (RE2::PartialMatch(title, lex.header().annual_report(), &a)) {
    int y = std::stoi(std::string(a.data(), a.size()));
    return Period{YearStart(y), YearEnd(y)};
  }
  return std::nullopt;
}

// The start a period_from label's value gives: a date opening it
// ("Gældende fra 15. marts 2016"), a month and its year (its first day) or
// a year alone ("Gældende fra 2017": 1 January).
std::optional<std::string> StartOfValue(const Lexicon& lex, std::string_view v) {
  v = Trim(v);
  auto a = FindDate(lex, v);
  if (a && a->start == 0) return a->iso;
  int month = 1;
  const size_t sp = v.find(' ');
  if (sp != std::string_view::npos && lex.dates().months().Number(v.substr(0, sp)) > 0) {
    month = lex.dates().months().Number(v.substr(0, sp));
    v = Trim(v.substr(sp + 1));
  }
  auto digit = [&](size_t k) { return k < v.size() && v[k] >= '0' && v[k] <= '9'; };
  if (v.size() < 4 || !(v.substr(0, 2) == "19" || v.substr(0, 2) == "20") || !digit(2) || !digit(3) || digit(4))
    return std::nullopt;
  char b[16];
  std::snprintf(b, sizeof b, "%.4s-%02d-01", v.data(), month);
  return std::string(b);
}

// A cover's month and year ("Oktober 2009") or years alone ("2016-2019"):
// a date or period under the title, not its last line.
bool CoverDateLine(const Lexicon& lex, std::string_view t) {
  t = Trim(t);
  if (!AtMostWords(t, 3)) return false;
  if (RE2::FullMatch(t, lex.header().years())) return true;
  const size_t sp = t.find(' ');
  return sp != std::string_view::npos && lex.dates().months().Number(t.substr(0, sp)) > 0 &&
         RE2::FullMatch(Trim(t.substr(sp + 1)), lex.header().years());
}

bool StartsLowerOrDigit(std::string_view t) {
  t = Trim(t);
  if (t.empty()) return false;
  unsigned char c = static_cast<unsigned char>(t[0]);
  return (c >= '0' && c <= '9') || c == '(' || !StartsUpper(t);
}

// True when heading block `j` continues the heading set in block `i`: a
// title wrapped over two lines. Same page, size and level; and the first
// line is left open (ends in '-' or ','), or the second starts in lower
// case, or the second follows without a gap (a new heading would have one).
bool ContinuesHeading(const Context& ctx, size_t i, size_t j) {
  const Block& a = ctx.block(i);
  const Block& b = ctx.block(j);
  if (b.kind != BlockKind::kHeading || a.page != b.page || a.heading_level != b.heading_level ||
      std::abs(a.font_size - b.font_size) > 0.25f)
    return false;
  std::string_view ta = Trim(ctx.text(i)), tb = Trim(ctx.text(j));
  if (ta.empty() || tb.empty() || ta.back() == '.' || ta.back() == ':' || ta.back() == '?') return false;
  if (CountWordsUpTo(ta, 30) + CountWordsUpTo(tb, 30) > 30) return false;
  return ta.back() == '-' || ta.back() == ',' || StartsLowerOrDigit(tb) || (j == i + 1 && !b.gap_before);
}

// Joins a wrapped heading's lines; "udviklings-" + "tendenser" gives
// "udviklingstendenser", "Sundheds-" + "og …" keeps the hyphen.
void AppendLine(const Lexicon& lex, std::string* heading, std::string_view line) {
  line = Trim(line);
  auto conjunction = [&] {
    std::string_view rest = line;
    for (const auto* list : {&lex.words().and_, &lex.words().or_})
      for (const auto& w : list->entries())
        if (lang::ConsumeLeadingWord(&rest, w)) return true;
    return false;
  };
  if (!heading->empty() && heading->back() == '-' && !line.empty() && !StartsUpper(line) && !conjunction()) {
    heading->pop_back();
    *heading += line;
  } else {
    *heading += ' ';
    *heading += line;
  }
  *heading = Collapse(*heading);
}

// Plain text (a .txt, a pdftotext dump, or a DOCX or PDF set in one type
// throughout) marks no headings: no heading, no bold, one font size.
bool PlainText(const Context& ctx) {
  for (size_t i = 0; i < ctx.size(); ++i) {
    const Block& b = ctx.block(i);
    if (b.kind == BlockKind::kHeading || b.bold || std::abs(b.font_size - ctx.block(0).font_size) > 0.25f)
      return false;
  }
  return true;
}

// The level of a numbered heading ("2.3 Mål for 2020" is 2), 1 without a
// number; 0 when `t` does not open with a number.
int HeadingNumberLevel(std::string_view t) {
  size_t k = 0;
  int level = 0;
  while (k < t.size() && t[k] >= '0' && t[k] <= '9') {
    size_t d = k;
    while (k < t.size() && t[k] >= '0' && t[k] <= '9') ++k;
    if (k - d > 2) return 0;
    ++level;
    if (k < t.size() && t[k] == '.') ++k;
  }
  return level > 0 && k < t.size() && t[k] == ' ' ? level : 0;
}

// A heading of a few words over a web page's paragraph of one line left
// without its full stop, alone between gaps ("Sundhedsloven" / "Disse
// standarder dækker områderne jævnfør Sundhedsloven", Lolland Kommune,
// Kvalitetsstandarder, lolland.dk 2017).
bool WebHeadingPair(const Context& ctx, size_t i) {
  if (i + 1 >= ctx.size()) return false;
  std::string_view t = Trim(ctx.text(i)), next = Trim(ctx.text(i + 1));
  const Block& b = ctx.block(i);
  const Block& nb = ctx.block(i + 1);
  if (t.empty() || next.empty() || !AtMostWords(t, 6) || !b.cells.empty() || !nb.cells.empty() ||
      b.kind == BlockKind::kListItem || nb.kind == BlockKind::kListItem || !nb.gap_before || nb.page != b.page)
    return false;
  const char last = t.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-' || last == ')') return false;
  if ((!HeadingNumberLevel(t) && !StartsUpper(t)) || !StartsUpper(next) || next.back() == ':') return false;
  if (AtMostWords(next, 4) || AtMostWords(next, CountWordsUpTo(t, 10) + 3)) return false;
  return i + 2 >= ctx.size() || (ctx.block(i + 2).gap_before && ctx.block(i + 2).page == nb.page);
}

// Whether the heading pair at `i` follows a finished sentence, directly or
// after other such pairs (a list of titles, each over a title, follows
// none: docplayer.dk's "Relaterede dokumenter").
bool AfterWebSection(const Context& ctx, size_t i) {
  for (int step = 0; step < 20 && i > 0; ++step) {
    if (EndsSentence(Trim(ctx.text(i - 1)))) return true;
    if (i < 2 || !WebHeadingPair(ctx, i - 2)) return false;
    i -= 2;
  }
  return false;
}

// Whether a paragraph opens a sentence: a capital, after an opening quote
// mark too, or a year ("Borgmesterens forord" / "2022 blev på trods af
// svære rammevilkår et fantastisk år.", Svendborg Kommune, Årsberetning og
// regnskab 2022, svendborg.dk; "”2020 venter forude. …”", 2020).
bool OpensSentence(std::string_view t) {
  t = Trim(t);
  for (std::string_view q : {"\"", "\u201d", "\u201c", "\u201e", "\u00bb", "\u00ab"})
    if (t.substr(0, q.size()) == q) {
      t.remove_prefix(q.size());
      break;
    }
  if (StartsUpper(t)) return true;
  return t.size() > 5 && (t.substr(0, 2) == "19" || t.substr(0, 2) == "20") && t[2] >= '0' && t[2] <= '9' &&
         t[3] >= '0' && t[3] <= '9' && t[4] == ' ' && StartsLower(t.substr(5));
}

// A heading in plain text: a short line standing alone (after a gap, a
// page's start or a finished sentence) that does not end like a sentence or
// a label, with a paragraph of body text right under it ("Forord",
// "Vision", "2.1 Mål for indsatsen"). Returns its level, or 0.
int PlainHeading(const Context& ctx, size_t i) {
  std::string_view t = Trim(ctx.text(i));
  const Block& b = ctx.block(i);
  if (t.empty() || t.size() > 90 || !AtMostWords(t, 10) || !b.cells.empty() || b.kind == BlockKind::kListItem)
    return 0;
  const char last = t.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-' || last == ')') return 0;
  const int numbered = HeadingNumberLevel(t);
  if (!numbered && !StartsUpper(t)) return 0;
  // "Generelle oplysninger. Projektoplysninger": sentences, not a heading.
  if (t.find(". ", numbered ? t.find(' ') : 0) != std::string_view::npos) return 0;
  const std::string_view prev = i > 0 ? Trim(ctx.text(i - 1)) : std::string_view();
  const bool alone = i == 0 || b.gap_before || ctx.block(i - 1).page != b.page || EndsSentence(prev) ||
                     (!prev.empty() && prev.back() == ':');
  if (!alone || i + 1 >= ctx.size()) return 0;
  // The body under it: running text that starts a sentence, and ends one
  // or runs on to the next line (a list of titles has neither).
  std::string_view next = Trim(ctx.text(i + 1));
  if (!ctx.block(i + 1).cells.empty() || !OpensSentence(next)) return 0;
  // A lead-in to a list under it ("Teater" / "Vi vil:" / "- etablere …",
  // Syddjurs's Politik for Kultur og Fritid 2009 as text); a list the reader
  // marked may stand after a blank line ("Mål" / "Det er Byrådets mål:" /
  // "• at individuelle oliefyr er udfaset i 2030", Assens Kommuneplan
  // 2021-2033).
  if (next.back() == ':' && AtMostWords(next, 7) && i + 2 < ctx.size() &&
      (!ctx.block(i + 2).gap_before || ctx.block(i + 2).kind == BlockKind::kListItem) &&
      ctx.block(i + 2).page == ctx.block(i + 1).page) {
    const Block& lb = ctx.block(i + 2);
    std::string_view l = Trim(ctx.text(i + 2));
    if (lb.kind == BlockKind::kListItem || (!l.empty() && (l[0] == '-' || l[0] == '*')))
      return numbered ? numbered : 1;
  }
  // A one-line paragraph of five words or more ending a sentence
  // ("Tryghedsvandring" / "Definere vandringernes sigte med partnere i
  // området.").
  const bool sentence = next.back() == '.' && !AtMostWords(next, 4) && !AtMostWords(next, CountWordsUpTo(t, 10) + 2);
  if (WebHeadingPair(ctx, i) && AfterWebSection(ctx, i)) return numbered ? numbered : 1;
  if (AtMostWords(next, 7) && !sentence) return 0;
  const char end = next.back();
  const bool runs_on = i + 2 < ctx.size() && !ctx.block(i + 2).gap_before &&
                       ctx.block(i + 2).page == ctx.block(i + 1).page && !AtMostWords(next, 9);
  if (end != '.' && end != '!' && end != '?' && end != ':' && !runs_on && AtMostWords(next, 14)) return 0;
  return numbered ? numbered : 1;
}

// Whether the reader marked any heading: a document without one (a DOCX
// whose headings are bold paragraphs in the body's type) is read by
// BoldHeading.
bool HasMarkedHeadings(const Context& ctx) {
  for (size_t i = 0; i < ctx.size(); ++i)
    if (ctx.block(i).kind == BlockKind::kHeading) return true;
  return false;
}

// A heading set only in bold, in a document whose reader marked no
// headings: a short bold line (a paragraph, or a bulleted line) that does
// not end like a sentence or a label, with a paragraph of running text
// (not bold) right under it ("Rammen for arbejdet", "• God timing",
// Syddjurs's opsamlingsnotat 2012). Returns its level: 1 for a paragraph,
// 2 for a list line; 0 when it is none.
int BoldHeading(const Context& ctx, size_t i) {
  const Block& b = ctx.block(i);
  if (!b.bold || !b.cells.empty() || i + 1 >= ctx.size()) return 0;
  std::string_view t = Trim(ctx.text(i));
  if (t.empty() || t.size() > 90 || !AtMostWords(t, 10) || !StartsUpper(t)) return 0;
  const char last = t.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-' || last == ')') return 0;
  if (t.find(". ") != std::string_view::npos) return 0;
  const Block& nb = ctx.block(i + 1);
  std::string_view next = Trim(ctx.text(i + 1));
  if (nb.bold || nb.kind != BlockKind::kParagraph || nb.page != b.page || !StartsUpper(next) ||
      AtMostWords(next, 7))
    return 0;
  return b.kind == BlockKind::kListItem ? 2 : 1;
}

// The municipality of the town a municipality phrase captured; the
// capitalised word before the town is no part of it ("Kvalitetsstandarder
// Hjørring Kommune 2016").
std::optional<std::string> MunicipalityOfTown(const Lexicon& lex, std::string_view tv) {
  auto m = lex.header().MunicipalityOf(tv);
  if (!m && tv.find(' ') != std::string_view::npos) m = lex.header().MunicipalityOf(tv.substr(tv.find(' ') + 1));
  return m;
}

// A paragraph of running text: a sentence of eight words or more, or a
// longer line running on (not a title, a label or a list of titles).
bool RunningText(const Context& ctx, size_t i) {
  const Block& b = ctx.block(i);
  std::string_view t = Trim(ctx.text(i));
  if (b.kind == BlockKind::kHeading || !b.cells.empty() || AtMostWords(t, 7)) return false;
  // (A year before the full stop ends the sentence too: "... i 2050.")
  const char last = t.back();
  return last == '.' || last == '!' || last == '?' || !AtMostWords(t, 14);
}

// The municipality the opening paragraphs under the title speak for, when
// the title and the cover name none: named in their sentences first and
// more often than any other ("Sundhedspolitikken udstikker retningen for,
// hvordan Høje-Taastrup Kommune vil arbejde ...", htk.dk 2021; "Randers
// Kommunes DK2020-plan, Klimaplan 2050, viser ...", randers.dk 2021;
// "Hedensted Kommune er derfor indgået i DK2020 projektet ...", Hedensted
// Kommune, Klimaplan 2050). Several municipalities named once each (a list
// of related documents) name none.
std::optional<std::string> MunicipalityOfOpening(const Context& ctx, size_t from) {
  const Lexicon& lex = ctx.lex();
  struct Seen {
    std::string name;
    int count = 0;
  };
  std::vector<Seen> seen;  // in the order first named
  size_t paragraphs = 0;
  for (size_t i = from; i < ctx.size() && i < from + 15 && paragraphs < 3; ++i) {
    if (!RunningText(ctx, i)) continue;
    ++paragraphs;
    re2::StringPiece in(ctx.text(i).data(), ctx.text(i).size()), town;
    while (RE2::FindAndConsume(&in, lex.header().municipality_phrase(), &town)) {
      auto m = MunicipalityOfTown(lex, std::string_view(town.data(), town.size()));
      if (!m) continue;
      auto it = std::find_if(seen.begin(), seen.end(), [&](const Seen& s) { return s.name == *m; });
      if (it == seen.end()) seen.push_back(Seen{*m, 1});
      else ++it->count;
    }
  }
  if (seen.empty()) return std::nullopt;
  for (size_t k = 1; k < seen.size(); ++k)
    if (seen[k].count >= seen[0].count) return std::nullopt;
  return seen[0].name;
}

// A heading left open by a hyphen whose second line the PDF reader set
// into the first table row after it, a cell of the row beside it ("13.2
// Status og udviklings-" / a figure's caption / "2000-2011.<TAB><TAB>
// tendenser"; "Skævvridning i udgiftsud-" / "viklingen – ingen penge til
// forebyggelse<TAB>Økonomiaftaler ...", KL, Det nære sundhedsvæsen 2012,
// pp. 89 and 102): the row's first short cell in lower case ends it.
void RowContinuation(const Context& ctx, size_t i, std::string* heading) {
  const size_t n = heading->size();
  if (n < 2 || (*heading)[n - 1] != '-' || (*heading)[n - 2] == ' ') return;
  const int page = ctx.block(i).page;
  for (size_t k = i + 1; k < ctx.size() && k <= i + 3 && ctx.block(k).page == page; ++k) {
    const Block& rb = ctx.block(k);
    // (A figure's caption may stand between.)
    if (rb.kind == BlockKind::kHeading && !ctx.lex().header().IsCaption(ctx.text(k))) return;
    if (rb.cells.empty()) continue;
    for (const auto& c : rb.cells) {
      std::string_view ct = Trim(std::string_view(ctx.doc().text).substr(c.start, c.end - c.start));
      if (ct.empty() || !StartsLower(ct) || !AtMostWords(ct, 8) || EndsSentence(ct)) continue;
      AppendLine(ctx.lex(), heading, ct);
      return;
    }
    return;
  }
}

}  // namespace

size_t CountHeadings(const Context& ctx) {
  const bool plain = PlainText(ctx), marked = !plain && HasMarkedHeadings(ctx);
  size_t n = 0;
  for (size_t i = 0; i < ctx.size(); ++i) {
    if (marked ? ctx.block(i).kind == BlockKind::kHeading
               : plain ? PlainHeading(ctx, i) > 0 : BoldHeading(ctx, i) > 0)
      ++n;
  }
  return n;
}

size_t TitleBlock(const Context& ctx) {
  const size_t n = std::min(ctx.size(), kCoverBlocks);
  if (n == 0) return SIZE_MAX;
  const int first_page = ctx.block(0).page;
  size_t best = SIZE_MAX;
  float best_size = 0;
  for (size_t i = 0; i < n; ++i) {
    const Block& b = ctx.block(i);
    if (b.page != first_page) break;
    int w = CountWordsUpTo(ctx.text(i), 25);
    if (w == 0 || w > 25) continue;
    if (b.font_size > best_size + 0.5f) {
      best_size = b.font_size;
      best = i;
    }
  }
  if (best != SIZE_MAX) return best;
  for (size_t i = 0; i < n; ++i)
    if (ctx.block(i).kind == BlockKind::kHeading && AtMostWords(ctx.text(i), 25)) return i;
  for (size_t i = 0; i < std::min<size_t>(n, 10); ++i)
    if (ctx.block(i).bold && AtMostWords(ctx.text(i), 25)) return i;
  // (Not a lead-in to a list; a web page's first line may ask its question:
  // "Hvad gør kommunen selv?", Randers Kommune, randers.dk 2021.)
  // Nor a page's furniture ("Transkript" of a docplayer.dk transcript,
  // "Gå til hovedindhold"; report_labels.txt `chrome`) or a cover's month and
  // year above the title ("September 2023" / "Analyse af kommunernes ...",
  // Ea Energianalyse for DK2020, issuu.com/realdania.dk 2023).
  for (size_t i = 0; i < std::min<size_t>(n, 5); ++i) {
    std::string_view t = Trim(ctx.text(i));
    if (t.empty() || t.back() == ':' || !AtMostWords(t, 25)) continue;
    size_t vs = 0;
    if (ctx.lex().header().MatchReportLabel(t, &vs) == "chrome" ||
        (i + 1 < n && CoverDateLine(ctx.lex(), t)))
      continue;
    if (!EndsSentence(t) || (i == 0 && t.back() == '?' && AtMostWords(t, 10))) return i;
  }
  return SIZE_MAX;
}

Report ExtractReport(const Context& ctx) {
  const Lexicon& lex = ctx.lex();
  Report r;
  const bool plain = PlainText(ctx);
  const bool bold_only = !plain && !HasMarkedHeadings(ctx);
  size_t tb = TitleBlock(ctx);
  size_t title_end = tb;  // last block of the title
  if (tb != SIZE_MAX) {
    // "Notat" / "Rapport" in the largest type is the kind of document; the
    // title is the heading under it.
    std::string_view t0 = Trim(ctx.text(tb));
    // (A next line in the same type continues the title: "Politik" / "for" /
    // "Kultur og Fritid".)
    if (CountWordsUpTo(t0, 1) == 1 && lex.header().HasReportWord(t0) && tb + 1 < ctx.size() &&
        ctx.block(tb + 1).kind == BlockKind::kHeading && AtMostWords(ctx.text(tb + 1), 20) &&
        ctx.block(tb + 1).font_size + 0.5f < ctx.block(tb).font_size)
      title_end = ++tb;
    // Plain text: a word alone above the title, naming no kind of report,
    // is the department's or the page's label ("Økonomi" / "ÅRSREGNSKAB
    // 2014", Odsherred Kommune, Årsregnskab 2014, docplayer.dk).
    if (plain && tb + 1 < ctx.size() && CountWordsUpTo(t0, 2) == 1 && !lex.header().HasReportWord(t0) &&
        !ctx.block(tb + 1).gap_before && ctx.block(tb + 1).page == ctx.block(tb).page &&
        AtMostWords(ctx.text(tb + 1), 15) && !EndsSentence(ctx.text(tb + 1)) &&
        lex.header().HasReportWord(ctx.text(tb + 1)))
      title_end = ++tb;
    Joiner j;
    j.Add(ctx.text(tb));
    // A title set in several lines of the same large type (larger than the
    // body's: where every line has one size, size says nothing).
    std::map<int, size_t> sizes;  // font size (tenths) -> bytes of text
    for (size_t i = 0; i < ctx.size(); ++i)
      sizes[static_cast<int>(ctx.block(i).font_size * 10)] += ctx.block(i).end - ctx.block(i).start;
    int body_size = 0;
    size_t most = 0;
    for (auto [sz, bytes] : sizes)
      if (bytes > most) most = bytes, body_size = sz;
    const bool large = ctx.block(tb).font_size * 10 > body_size + 5;
    while (large && title_end + 1 < ctx.size() && title_end < tb + 3 && ctx.block(tb).font_size > 0) {
      const Block& nb = ctx.block(title_end + 1);
      if (nb.page != ctx.block(tb).page || std::abs(nb.font_size - ctx.block(tb).font_size) > 0.5f ||
          !AtMostWords(ctx.text(title_end + 1), 15))
        break;
      j.Add(ctx.text(++title_end));
    }
    // Plain text: the title's lines run on without a gap until one ends a
    // sentence ("Politik" / "for" / "Kultur og Fritid Lokalt engagement.").
    if (plain) {
      while (title_end + 1 < ctx.size() && title_end < tb + 3 && !EndsSentence(ctx.text(title_end))) {
        const Block& nb = ctx.block(title_end + 1);
        if (nb.gap_before || nb.page != ctx.block(tb).page || !AtMostWords(ctx.text(title_end + 1), 15)) break;
        // A cover's date under the title is no part of it ("Handleplansarbejdet
        // i kommunerne - status efter kommunalreformen" / "Oktober 2009",
        // Region Midtjylland 2009; "Gældende fra 15. marts 2016", Hjørring
        // Kommune, Kvalitetsstandarder 2016).
        if (FindDate(lex, ctx.text(title_end + 1)) || CoverDateLine(lex, ctx.text(title_end + 1))) break;
        // Nor a cover's label ("Gældende fra 2017").
        size_t label_value = 0;
        if (!lex.header().MatchReportLabel(ctx.text(title_end + 1), &label_value).empty()) break;
        // Nor is a word alone over a date, the date's label ("Sundhedspolitik"
        // / "Opdateret" / "15.11.2019", Sønderborg Kommune, sonderborgkommune.dk
        // 2019).
        if (CountWordsUpTo(ctx.text(title_end + 1), 2) == 1 && title_end + 2 < ctx.size() &&
            !ctx.block(title_end + 2).gap_before && FindDate(lex, ctx.text(title_end + 2)))
          break;
        j.Add(ctx.text(++title_end));
      }
    }
    r.title = j.Take();
  } else if (ctx.doc().title) {
    r.title = Collapse(*ctx.doc().title);
  }
  if (r.title) {
    // The start named after the title in its own line ("Kvalitetsstandarder
    // Hjørring Kommune Gældende fra 15. marts 2016", the cover as
    // docplayer.dk/48241890 gives it): the period's start, no part of the title.
    size_t label = 0, value = 0;
    if (lex.header().FindPeriodFromLabel(*r.title, &label, &value))
      if (auto from = StartOfValue(lex, std::string_view(*r.title).substr(value))) {
        r.period = Period{*from, std::nullopt};
        r.title = Collapse(std::string_view(*r.title).substr(0, label));
      }
  }
  if (r.title && r.title->empty()) r.title.reset();

  const size_t n = std::min(ctx.size(), kCoverBlocks);
  // The labels of the cover, then of the colophon on the last page with text
  // ("Tekst: KL" under "© KL 2012", KL, Det nære sundhedsvæsen 2012).
  std::vector<size_t> label_blocks;
  for (size_t i = 0; i < n; ++i) label_blocks.push_back(i);
  if (ctx.doc().pages > 1 && ctx.size() > n) {
    const int last_page = ctx.block(ctx.size() - 1).page;
    size_t first = ctx.size();
    while (first > n && ctx.block(first - 1).page == last_page && ctx.size() - first < kCoverBlocks) --first;
    if (last_page != ctx.block(0).page)
      for (size_t i = first; i < ctx.size(); ++i) label_blocks.push_back(i);
  }
  for (size_t i : label_blocks) {
    std::string_view t = ctx.text(i);
    size_t vs = 0;
    std::string field = lex.header().MatchReportLabel(t, &vs);
    if (field.empty()) continue;
    std::string_view v = Trim(t.substr(std::min(vs, t.size())));
    if (v.empty() && i + 1 < ctx.size()) v = ctx.text(i + 1);
    if (v.empty()) continue;
    if (field == "organisation" && !r.organisation && AtMostWords(v, 12)) {
      // Without the year or month after a colophon's name: "Udarbejdelse:
      // Gentofte Kommune, 2012" (Gentofte-Plan 2013).
      std::string org = Collapse(v);
      const size_t comma = org.rfind(',');
      if (comma != std::string::npos && comma > 0 && CoverDateLine(lex, std::string_view(org).substr(comma + 1)))
        org.resize(comma);
      r.organisation = std::move(org);
    } else if (field == "period_from" && !r.period) {
      // The date must open the value ("Gældende fra 15. marts 2016").
      v = Trim(v);
      auto a = FindDate(lex, v);
      if (a && a->start == 0) {
        auto b = FindDate(lex, v, a->end);
        r.period = Period{a->iso, b ? std::optional<std::string>(b->iso) : std::nullopt};
      } else if (auto from = StartOfValue(lex, v)) {
        r.period = Period{*from, std::nullopt};
      }
    } else if (field == "period" && !r.period) {
      auto a = FindDate(lex, v);
      std::optional<DateHit> b;
      if (a) b = FindDate(lex, v, a->end);
      if (a) r.period = Period{a->iso, b ? std::optional<std::string>(b->iso) : std::nullopt};
      else if (auto p = PeriodFromTitle(ctx.lex(), v)) r.period = p;
    }
  }
  if (!r.organisation) {
    // A municipality named on the cover: a short line of the first page
    // ("Godkendt af byrådet, Syddjurs Kommune den 30. april 2009").
    const int first_page = ctx.size() ? ctx.block(0).page : 0;
    for (size_t i = 0; i < n; ++i) {
      std::string_view t = Trim(ctx.text(i));
      const Block& b = ctx.block(i);
      // Unpaged text: a short line of the municipality alone, or the title
      // naming it ("Kvalitetsstandarder Hjørring Kommune 2016", Hjørring
      // Kommune 2016).
      const bool in_title = tb != SIZE_MAX && i >= tb && i <= title_end;
      if (first_page == 0 ? (in_title ? !RE2::PartialMatch(t, lex.header().municipality_phrase())
                                      : (!AtMostWords(t, 4) || !RE2::FullMatch(t, lex.header().municipality_phrase())))
                          : (b.page != first_page || !AtMostWords(t, 12) || EndsSentence(t) ||
                             (tb != SIZE_MAX && i > title_end + 3) ||
                             !RE2::PartialMatch(t, lex.header().municipality_phrase())))
        continue;
      re2::StringPiece town;
      RE2::PartialMatch(t, lex.header().municipality_phrase(), &town);
      std::string_view tv(town.data(), town.size());
      if (first_page == 0 && in_title) {
        // The municipality names what the title is about, not who acts in
        // it: a headline "Aabenraa Kommune vedtager ny klimaplan" (TV Syd
        // 2022) goes on in lower case after it.
        std::string_view rest = t.substr(static_cast<size_t>(tv.data() + tv.size() - t.data()));
        rest = Trim(rest);
        const size_t sp = rest.find(' ');
        rest = sp == std::string_view::npos ? std::string_view() : Trim(rest.substr(sp + 1));
        // But a kind of report in lower case after it is the municipality's
        // own ("Sundhed og trivsel Hjørring Kommunes sundhedspolitik",
        // Hjørring Kommune 2008, docplayer.dk/17951453).
        const size_t word_end = rest.find(' ');
        if (!rest.empty() && StartsLower(rest) && !lex.header().HasReportWord(rest.substr(0, word_end))) continue;
      }
      if (auto m = MunicipalityOfTown(lex, tv)) {
        r.organisation = *m;
        break;
      }
    }
  }
  if (!r.organisation && ctx.doc().title) {
    // The file's own title (PDF Info, DOCX core properties) naming the
    // municipality, when the letterhead is a picture ("Notat - Ballerup
    // Kommune" over Ballerup's notat on kronikerindsatser, 2012).
    re2::StringPiece town;
    if (RE2::PartialMatch(*ctx.doc().title, lex.header().municipality_phrase(), &town)) {
      if (auto m = MunicipalityOfTown(lex, std::string_view(town.data(), town.size()))) r.organisation = *m;
    }
  }
  if (!r.organisation) r.organisation = MunicipalityOfOpening(ctx, tb == SIZE_MAX ? 0 : title_end + 1);
  if (!r.period && r.title) r.period = PeriodFromTitle(ctx.lex(), *r.title);
  if (!r.period && tb != SIZE_MAX) {
    // A year (or years) alone on a line of the cover, near the title
    // ("Kvalitetsstandarder for …" / "2013").
    for (size_t i = title_end + 1; i < ctx.size() && i <= title_end + 3; ++i) {
      if (ctx.block(i).page != ctx.block(tb).page) break;
      re2::StringPiece a, b;
      if (!RE2::FullMatch(Trim(ctx.text(i)), ctx.lex().header().years(), &a, &b)) continue;
      int ya = std::stoi(std::string(a.data(), a.size()));
      int yb = b.empty() ? ya : std::stoi(std::string(b.data(), b.size()));
      if (yb >= ya) r.period = Period{YearStart(ya), YearEnd(yb)};
      break;
    }
  }

  if (!r.period && tb != SIZE_MAX) {
    // The period named in the opening paragraphs under the title
    // ("Sundhedspolitikken udstikker retningen for, hvordan Høje-Taastrup
    // Kommune vil arbejde ... i perioden 2021-2024", Høje-Taastrup Kommune,
    // Sundhedspolitik, htk.dk 2021), not in the body's account of past years.
    size_t paragraphs = 0;
    for (size_t i = title_end + 1; i < ctx.size() && paragraphs < 3; ++i) {
      if (ctx.block(i).page != ctx.block(tb).page) break;
      if (ctx.block(i).kind == BlockKind::kHeading || !ctx.block(i).cells.empty() || AtMostWords(ctx.text(i), 6))
        continue;
      ++paragraphs;
      int ya = 0, yb = 0;
      if (lex.header().PeriodInSentence(ctx.text(i), &ya, &yb)) {
        r.period = Period{ya ? std::optional<std::string>(YearStart(ya)) : std::nullopt, YearEnd(yb)};
        break;
      }
      // The title named with its years ("Kommunalbestyrelsen vedtog den 18.
      // februar 2019 "Sammen skaber vi det bedste sted - Udviklingsstrategi
      // 2019-2030"" under the title "Udviklingsstrategi", Faaborg-Midtfyn
      // Kommune, fmk.dk).
      if (r.title && r.title->size() >= 4) {
        const std::string_view t = ctx.text(i);
        const size_t at = t.find(*r.title);
        if (at != std::string_view::npos) {
          const size_t end = at + r.title->size();
          const std::string_view after = t.substr(end, std::min<size_t>(t.size() - end, 12));
          re2::StringPiece a, b;
          if (!after.empty() && after[0] == ' ' &&
              RE2::PartialMatch(after, lex.header().year_range(), &a, &b) &&
              Trim(after).substr(0, 4) == std::string_view(a.data(), a.size())) {
            const int fa = std::stoi(std::string(a.data(), a.size())), fb = std::stoi(std::string(b.data(), b.size()));
            if (fb >= fa) {
              r.period = Period{YearStart(fa), YearEnd(fb)};
              break;
            }
          }
        }
      }
    }
  }

  // Each section runs to the next heading of the same or a higher level;
  // open sections are kept on a stack so this is one pass.
  std::vector<size_t> open;  // indices into r.sections
  auto close_until = [&](int level, size_t last_block) {
    while (!open.empty() && r.sections[open.back()].level >= level) {
      r.sections[open.back()].span.end = ctx.block(last_block).end;
      open.pop_back();
    }
  };
  // A cover page (the title's page, holding nothing but headings, in a
  // document of several pages) has no sections.
  int cover_page = -1;
  if (tb != SIZE_MAX && ctx.doc().pages > 1) {
    cover_page = ctx.block(tb).page;
    for (size_t i = 0; i < ctx.size() && ctx.block(i).page <= cover_page; ++i)
      if (ctx.block(i).page == cover_page && ctx.block(i).kind != BlockKind::kHeading) cover_page = -1;
  }
  // The last two heading blocks read into sections, with their sections
  // (a wrapped line is joined onto its heading; readers may interleave the
  // lines of a side column's heading), and the last caption (its wrapped
  // lines are skipped too).
  struct Recent {
    size_t block = SIZE_MAX, section = 0;
  };
  Recent recent[2];
  size_t last_caption = SIZE_MAX;
  for (size_t i = 0; i < ctx.size(); ++i) {
    const Block& b = ctx.block(i);
    // Letterhead above the title, the title's own lines, the cover page and
    // the TOC's heading are not sections.
    if ((tb != SIZE_MAX && i <= title_end) || b.page == cover_page || ctx.heading(i).role == Role::kToc) continue;
    const int plain_level = plain ? PlainHeading(ctx, i) : bold_only ? BoldHeading(ctx, i) : 0;
    if (b.kind != BlockKind::kHeading && plain_level == 0) continue;
    // Figure and table captions set like headings, and their second lines
    // (which may come after the figure's own labels).
    if (lex.header().IsCaption(ctx.text(i))) {
      last_caption = i;
      continue;
    }
    if (last_caption != SIZE_MAX && i <= last_caption + 6 && StartsLowerOrDigit(ctx.text(i)) &&
        ContinuesHeading(ctx, last_caption, i)) {
      last_caption = i;
      continue;
    }
    // A heading wrapped over two lines, possibly with a line of another
    // heading between them.
    bool joined = false;
    for (Recent& c : recent) {
      if (c.block == SIZE_MAX ||
          !(i == c.block + 1 || (i == c.block + 2 && ctx.block(i - 1).kind == BlockKind::kHeading)) ||
          !ContinuesHeading(ctx, c.block, i))
        continue;
      ReportSection& prev = r.sections[c.section];
      AppendLine(ctx.lex(), &prev.heading, ctx.text(i));
      if (prev.span.end < b.end) prev.span.end = b.end;
      c.block = i;
      joined = true;
      break;
    }
    if (joined) continue;
    // A line in lower case or opening with '(' that joins no heading is a
    // fragment of a sentence set in bold, not a heading.
    {
      std::string_view t = Trim(ctx.text(i));
      if (!t.empty() && (t[0] == '(' || StartsLower(t))) continue;
    }
    ReportSection s;
    s.heading = Collapse(ctx.text(i));
    if (s.heading.empty()) continue;
    RowContinuation(ctx, i, &s.heading);
    s.level = plain_level > 0 ? plain_level : b.heading_level > 0 ? b.heading_level : 1;
    if (i > 0) close_until(s.level, i - 1);
    s.span = ctx.MakeSpan(b.start, b.end);
    open.push_back(r.sections.size());
    r.sections.push_back(std::move(s));
    recent[0] = recent[1];
    recent[1] = Recent{i, r.sections.size() - 1};
  }
  if (ctx.size() > 0) close_until(0, ctx.size() - 1);
  return r;
}

}  // namespace referat::analyze
