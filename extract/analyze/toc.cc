#include "analyze/toc.h"

#include <re2/re2.h>

#include "analyze/text_util.h"

namespace referat::analyze {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

struct Parsed {
  std::string number;
  std::string title;
  std::optional<int> page;
  bool two_blocks = false;  // the number alone, the title in the next block
  // An open/closed word before the number ("åbent 1 …") or a mark before
  // the title ("1 (Åben) …").
  std::optional<bool> public_;
};

std::optional<Parsed> ParseEntry(const Context& ctx, size_t i) {
  std::string_view t = ctx.text(i);
  std::string number;
  size_t ts = 0;
  std::string_view c0 = ctx.IsTableRow(i) ? ctx.cell(i, 0) : std::string_view();
  if (ctx.IsTableRow(i) && ctx.block(i).cells.size() >= 2 &&
      (NumberCell(c0) || (ctx.lex().items().MatchItemMarker(c0, &number, &ts) && Trim(c0.substr(ts)).empty()))) {
    const size_t n = ctx.block(i).cells.size();
    if (auto num = NumberCell(c0)) number = *num;  // else "Punkt 5" in the first cell
    Parsed p;
    p.number = number;
    size_t last = n;
    while (last > 1 && Trim(ctx.cell(i, last - 1)).empty()) --last;
    if (last >= 3 && AllDigits(Trim(ctx.cell(i, last - 1))) && Trim(ctx.cell(i, last - 1)).size() <= 4) {
      p.page = ToInt(Trim(ctx.cell(i, last - 1)));
      --last;
    }
    Joiner j;
    for (size_t c = 1; c < last; ++c) j.Add(ctx.cell(i, c));
    p.title = j.Take();
    if (p.title.empty()) return std::nullopt;
    return p;
  }
  // A row whose first cell holds number and title ("715. Kulturkommune …"
  // <TAB> "2"): read the cells before a trailing page number as a line.
  std::string row_line;
  if (ctx.IsTableRow(i) && ctx.block(i).cells.size() >= 2) {
    size_t n = ctx.block(i).cells.size();
    while (n > 1 && Trim(ctx.cell(i, n - 1)).empty()) --n;
    Joiner j;
    for (size_t c = 0; c < n; ++c) j.Add(ctx.cell(i, c));
    row_line = j.Take();
    t = row_line;
  }
  // "åbent 1 Fraværende og bemærkninger til dagsorden", "lukket 101
  // Lukket punkt: salg af grund" (Bornholm's minutes pages 2014-2021,
  // "Dagsordenspunkter"): an open/closed word (public_markers.txt `word`)
  // before the number says the entry's access.
  std::optional<bool> word_public;
  if (!ctx.IsTableRow(i) && !t.empty() && (t[0] < '0' || t[0] > '9')) {
    const size_t sp = t.substr(0, 17).find(' ');
    if (sp != std::string_view::npos && sp + 1 < t.size() && t[sp + 1] >= '0' && t[sp + 1] <= '9' &&
        sp <= 16) {
      const std::string f = FoldCase(t.substr(0, sp));
      if (ctx.lex().words().open_closed.ContainsFolded(f)) {
        word_public = !ctx.lex().words().closed.ContainsFolded(f);
        t = t.substr(sp + 1);
      }
    }
  }
  // Text line: "[Punkt] 5[.] Title[ ....] 14".
  number.clear();
  ts = 0;
  std::string_view line = t;
  std::string lead;
  if (ctx.lex().items().MatchItemMarker(t, &number, &ts)) {
    lead = number + " ";
    line = t.substr(ts);
  }
  // "1......... Forslag til ændring af styrelsesvedtægten for Holstebro
  // Kommune. 3", "10...... Affaldsselskabet L90. 22" (Holstebro's minutes
  // 2012-2013): a dotted leader of three dots or more between the number
  // and the title.
  if (lead.empty() && !line.empty() && line[0] >= '0' && line[0] <= '9') {
    size_t d = 0;
    while (d < line.size() && d < 5 && line[d] >= '0' && line[d] <= '9') ++d;
    size_t e = d;
    while (e < line.size() && line[e] == '.') ++e;
    if (e - d >= 3 && e < line.size() && (line[e] == ' ' || line[e] == '\t')) {
      lead = std::string(line.substr(0, d)) + " ";
      line = Trim(line.substr(e));
    }
  }
  // The line pattern starts with a digit and takes no line break: most
  // blocks fail here, before a copy and RE2's set-up for four groups (whose
  // cost grows with the block's length).
  if ((lead.empty() && (line.empty() || line[0] < '0' || line[0] > '9')) ||
      line.find('\n') != std::string_view::npos)
    return std::nullopt;
  std::string buf = lead + std::string(line);
  // The number alone and the title with its dotted leader and page in the
  // next block ("01." / "Godkendelse af dagsorden.......4": Helsingør's
  // minutes as text, "Sagsoversigt").
  bool two_blocks = false;
  if (lead.empty() && !ctx.IsTableRow(i) && i + 1 < ctx.size() && !ctx.IsTableRow(i + 1) &&
      AllDigits(TrimRight(Trim(line), ".")) && Trim(line).size() <= 4) {
    std::string_view next = ctx.text(i + 1);
    if (next.find('\n') != std::string_view::npos) return std::nullopt;
    buf = std::string(Trim(line)) + " " + std::string(next);
    two_blocks = true;
  }
  ItemMatcher::TocLine m;
  if (!ctx.lex().items().MatchTocLine(buf, &m)) return std::nullopt;
  if (two_blocks && m.dotted_page.empty()) return std::nullopt;
  std::string_view num = m.number, title = m.title, page1 = m.dotted_page, page2 = m.page;
  Parsed p;
  p.two_blocks = two_blocks;
  p.public_ = word_public;
  p.number.assign(num.data(), num.size());
  std::string_view tv(title.data(), title.size());
  p.title = Collapse(TrimRight(tv, ". …"));
  // "1 (Åben) Ansøgning … 3": the open/closed mark before the title.
  size_t mark = 0;
  if (!p.title.empty() && p.title[0] == '(')
    if (auto pub = ctx.lex().items().TitlePublic(p.title, &mark); pub && mark > 0) {
      p.public_ = pub;
      p.title.erase(0, mark);
    }
  if (!page1.empty()) p.page = ToInt(std::string_view(page1.data(), page1.size()));
  else if (!page2.empty()) p.page = ToInt(std::string_view(page2.data(), page2.size()));
  if (p.title.empty() || !(StartsUpper(p.title) || (p.title[0] >= '0' && p.title[0] <= '9') ||
                           p.title[0] == '"'))
    return std::nullopt;
  return p;
}

}  // namespace

const TocEntry* Toc::Find(const std::string& number) const {
  auto it = index_.find(number);
  return it == index_.end() ? nullptr : &entries[it->second];
}

void Toc::Add(TocEntry e) {
  index_.emplace(e.number, entries.size());
  entries.push_back(std::move(e));
}

namespace {

// Reads the entries from block `first` on (under an "Åben" / "Lukket"
// line, entries, wrapped titles, a few column headers); sets `*last_good`
// to the last block that belonged to the list.
void ReadEntries(const Context& ctx, size_t first, Toc* toc_out, size_t* last_good_out) {
  Toc& toc = *toc_out;
  const size_t n = ctx.size();
  std::optional<bool> pub;
  size_t last_good = first == 0 ? 0 : first - 1;
  int misses = 0;
  for (size_t j = first; j < n; ++j) {
    const HeadingHit& h = ctx.heading(j);
    bool whole = h.text_start >= ctx.text(j).size();
    if (whole && (h.role == Role::kOpen || h.role == Role::kClosed)) {
      pub = h.role == Role::kOpen;
      last_good = j;
      misses = 0;
      continue;
    }
    // The body starts at a heading or at a number the TOC already has
    // ("1. Godkendelse af dagsordenen" as the first item's heading).
    if (!toc.entries.empty() && ctx.block(j).kind == BlockKind::kHeading) break;
    // A wrapped title continues in a row with an empty number cell.
    if (!toc.entries.empty() && ctx.IsTableRow(j) && ctx.block(j).cells.size() >= 2 &&
        Trim(ctx.cell(j, 0)).empty()) {
      TocEntry& prev = toc.entries.back();
      const size_t n = ctx.block(j).cells.size();
      for (size_t c = 1; c < n; ++c) {
        std::string_view v = Trim(ctx.cell(j, c));
        if (v.empty()) continue;
        if (c + 1 == n && AllDigits(v) && v.size() <= 4 && !prev.page) prev.page = ToInt(v);
        else prev.title = Collapse(prev.title + " " + std::string(v));
      }
      prev.span->end = ctx.block(j).end;
      last_good = j;
      misses = 0;
      continue;
    }
    if (auto p = ParseEntry(ctx, j)) {
      if (toc.Find(p->number)) break;
      // An entry with its case label on the next line is the first item's
      // own heading: the page's contents were links a text dump lost
      // ("Indholdsfortegnelse" / "1. ØK Låneoptagelse for 2015 og 2016" /
      // "Sagsnummer": Horsens Byråd 2016).
      if (j + 1 < n && !ctx.IsTableRow(j) &&
          (ctx.heading(j + 1).role == Role::kCase || ctx.lex().items().IsCaseNumber(ctx.text(j + 1))))
        break;
      // So is a first entry with a decision, recommendation or section
      // heading alone on the next line ("Indholdsfortegnelse" / "1.
      // Godkendelse af dagsorden" / "Beslutning i Økonomiudvalget den
      // 21-01-2019": Hvidovre's minutes pages 2014-2019).
      if (toc.entries.empty() && j + 1 < n && !ctx.IsTableRow(j) &&
          ctx.heading(j + 1).text_start >= ctx.text(j + 1).size() &&
          (ctx.heading(j + 1).role == Role::kDecision || ctx.heading(j + 1).role == Role::kRecommendation ||
           ctx.heading(j + 1).role == Role::kSection))
        break;
      TocEntry e;
      e.number = std::move(p->number);
      e.title = std::move(p->title);
      e.page = p->page;
      e.public_ = p->public_ ? p->public_ : pub;
      if (auto tp = ctx.lex().items().TitlePublic(e.title)) e.public_ = *tp;
      e.span = ctx.BlockSpan(j, p->two_blocks ? j + 1 : j);
      toc.Add(std::move(e));
      if (p->two_blocks) ++j;
      last_good = j;
      misses = 0;
      continue;
    }
    // Column headers ("Punkt nr.", "Side"), page furniture and a title a
    // reader lost its number from: at most two such lines in a row, and
    // only when an entry follows.
    if (AtMostWords(ctx.text(j), 14) && ++misses <= 2) {
      bool entry_follows = false;
      for (size_t k = j + 1; k < n && k <= j + 3 - static_cast<size_t>(misses) && !entry_follows; ++k)
        entry_follows = ParseEntry(ctx, k).has_value() ||
                        (ctx.heading(k).role == Role::kClosed || ctx.heading(k).role == Role::kOpen);
      if (entry_follows || toc.entries.empty()) continue;
    }
    break;
  }
  *last_good_out = last_good;
}

// A printed agenda list without a heading ("1 test" … "4 Fejloprettet",
// "Lukket dagsorden", "5 …"): a run of entries, maybe under "Åben" /
// "Lukket" lines, right after one another, whose numbers come again
// further down as the items' own lines with the same titles. Without that
// echo a run of numbered lines is the agenda itself.
Toc UnheadedList(const Context& ctx, size_t limit) {
  const size_t n = ctx.size();
  int attempts = 0;
  for (size_t i = 0; i < limit && attempts < 3; ++i) {
    const HeadingHit& h = ctx.heading(i);
    const bool marker = h.text_start >= ctx.text(i).size() && (h.role == Role::kOpen || h.role == Role::kClosed);
    if (!marker && !ParseEntry(ctx, i)) continue;
    ++attempts;
    Toc toc;
    size_t last = i;
    ReadEntries(ctx, i, &toc, &last);
    // Entries one under the other: no line between them but the markers.
    const bool packed = toc.entries.size() >= 2 && last + 1 - i <= toc.entries.size() + 3;
    if (packed) {
      size_t echoed = 0;
      std::map<std::string, std::string> later;  // number -> title of its first line below the list
      for (size_t j = last + 1; j < n; ++j) {
        std::string num;
        size_t ts = 0;
        std::string_view t = ctx.text(j);
        if (ctx.lex().items().MatchNumberedLine(t, true, &num, &ts)) later.emplace(num, std::string(Trim(t.substr(ts))));
        else if (auto p = ParseEntry(ctx, j)) later.emplace(p->number, p->title);
      }
      for (const auto& e : toc.entries) {
        auto it = later.find(e.number);
        if (it != later.end() && FoldCase(Collapse(it->second)) == FoldCase(Collapse(e.title))) ++echoed;
      }
      if (echoed >= 2 && echoed * 3 >= toc.entries.size() * 2) {
        toc.begin = i;
        toc.end = last + 1;
        return toc;
      }
    }
    i = std::max(i, last);
  }
  return Toc();
}

}  // namespace

Toc ExtractToc(const Context& ctx) {
  Toc toc;
  const size_t n = ctx.size();
  const size_t limit = std::min(n, std::max<size_t>(400, n / 2));
  size_t head = n;
  for (size_t i = 0; i < limit; ++i) {
    const HeadingHit& h = ctx.heading(i);
    if (h.role == Role::kToc && h.text_start >= ctx.text(i).size()) {
      head = i;
      break;
    }
  }
  if (head == n) {
    // A numbered list right under a sentence ending in an agenda's lead-in
    // ("Der var fremlagt følgende dagsorden." / "1. Referat fra sidste
    // møde." …: NMJK bestyrelsesmøde 27.5.1987, nmjk.dk/Arkiv), in the
    // first blocks.
    const auto& leads = ctx.lex().words().agenda_lead.entries();
    for (size_t i = 0; !leads.empty() && i + 1 < n && i < 12; ++i) {
      std::string_view t = Trim(ctx.text(i));
      if (t.empty() || (t.back() != '.' && t.back() != ':')) continue;
      // Only the line's end is folded: the lead-in's length and a few bytes
      // more (a letter's case may change its length).
      std::string_view body = TrimRight(t.substr(0, t.size() - 1), " ");
      bool lead = false;
      for (const auto& l : leads) {
        if (body.size() < l.size()) continue;
        const size_t from = body.size() > l.size() + 8 ? body.size() - l.size() - 8 : 0;
        const std::string f = FoldCase(body.substr(from));
        lead = f.size() >= l.size() && f.compare(f.size() - l.size(), l.size(), l) == 0 &&
               (f.size() == l.size() ? from == 0 : f[f.size() - l.size() - 1] == ' ');
        if (lead) break;
      }
      if (!lead || !AtMostWords(t, 12)) continue;
      Toc led;
      size_t last = i;
      ReadEntries(ctx, i + 1, &led, &last);
      // The list one line under the other (not the matters themselves, each
      // with its text under it: "Der var fremlagt følgende dagsorden:" /
      // "1.     Referat fra sidste bestyrelsesmøde:" / "HS redegjorde …",
      // NMJK 20.1.1986), and its first numbers coming again below.
      size_t again = 0;
      for (size_t j = last + 1; j < n && again < 2 && led.entries.size() >= 2; ++j) {
        std::string num;
        size_t ts = 0;
        if (ctx.lex().items().MatchNumberedLine(ctx.text(j), true, &num, &ts) &&
            num == led.entries[again].number)
          ++again;
      }
      if (led.entries.size() >= 2 && last - i <= led.entries.size() + 1 && again == 2) {
        led.begin = i;
        led.end = last + 1;
        led.led = true;
        return led;
      }
      break;
    }
    return UnheadedList(ctx, limit);
  }
  size_t last_good = head;
  ReadEntries(ctx, head + 1, &toc, &last_good);
  if (toc.entries.empty()) return toc;
  toc.begin = head;
  toc.end = last_good + 1;
  return toc;
}

}  // namespace referat::analyze
