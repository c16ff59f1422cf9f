// The figure pass: every sentence scanned once (scanner.h), then the filters
// that keep what is not a quantity out of figures[]:
//
//   - chart-axis residue: a run of three or more percentages with nothing but
//     spaces between them and an even step ("45% 40% 35% ... 0%"), plus any
//     percentage in the same sentence that continues the step (the "70%" of
//     "70% 3. kvartal 2017 Baseline ... 60% 50% ..."); a run of three or more
//     years stepping evenly up ("1990 1995 2000 ... 2050"); runs of two or
//     more plain numbers with nothing between them ("2 3"); and axes laid
//     out one label per line (DropVerticalAxes);
//   - enumeration labels: a plain number right before a Capitalized word
//     ("1 Andel borgere ...", "360 Tendenser") or before ')' ("1) ...");
//   - page numbers: a plain number ending a paragraph ("... fokuspunkter 3"),
//     and the item and page columns of a table of contents (record->toc
//     spans, or table rows "4 <TAB> Godkendelse af ... <TAB> 7");
//   - identifiers (case, journal, paragraph, phone numbers) are already
//     dropped by the scanner.
//
// Then a plain number joined by "og", "eller", "til", ',' or a dash to a
// figure with a unit takes that unit ("4.000 og 2.200 flygtninge").
#include "figures/figures.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/deadline.h"
#include "figures/scanner.h"
#include "lang/dates.h"

namespace referat {
namespace figures {

void Scanner::Scan(size_t start, size_t end, std::vector<Found>* out) {
  toks_.clear();
  Tokenize(lex_, text_, start, end, &toks_);
  lex_.Classify(&toks_);
  size_t i = 0;
  while (i < toks_.size()) {
    const Token& t = toks_[i];
    // Most tokens start nothing: one look-up (words) or one compare decides.
    bool may_start = t.kind == TokKind::kNumber ||
                     (t.kind == TokKind::kWord && (t.cls & kStarterWord)) ||
                     (t.kind == TokKind::kPunct && (t.cp == '-' || t.cp == 0x2212 || t.cp == 0xF7));
    Found f;
    if (may_start && TryDate(i, &f)) {
      out->push_back(std::move(f));
      i = std::max(f.te, i + 1);
      continue;
    }
    // A number glued to ".word" that is no date: a file name ("2015.docx").
    if (t.kind == TokKind::kNumber && Has(i + 2) && T(i + 1).IsPunct('.') &&
        !T(i + 1).space_before && T(i + 2).kind == TokKind::kWord && !T(i + 2).space_before &&
        !(T(i + 2).cls & kStarterWord) && !lex_.date_words.count(T(i + 2).bare_key())) {
      i += 3;
      continue;
    }
    if (may_start && (TryTime(i, &f) || TryQuantity(i, &f))) {
      if (!f.drop) out->push_back(std::move(f));
      i = std::max(f.te, i + 1);
    } else {
      ++i;
    }
  }
}

}  // namespace figures

namespace {

using figures::Found;
using figures::Token;
using figures::TokKind;

bool IsAxisPercent(const Found& f) { return !f.drop && f.type == "percent" && f.value && !f.min; }
bool IsBare(const Found& f) { return !f.drop && f.type == "count" && f.bare && f.value; }
bool IsAxisYear(const Found& f) { return !f.drop && f.type == "year" && f.value; }

bool Near(double a, double b) { return std::fabs(a - b) < 1e-9; }

void DropAxisRuns(std::vector<Found>* fs) {
  auto& v = *fs;
  size_t n = v.size();
  for (size_t a = 0; a < n;) {
    bool pct = IsAxisPercent(v[a]);
    bool bare = IsBare(v[a]);
    bool year = IsAxisYear(v[a]);
    if (!pct && !bare && !year) {
      ++a;
      continue;
    }
    auto same = [&](const Found& f) {
      return pct ? IsAxisPercent(f) : bare ? IsBare(f) : IsAxisYear(f);
    };
    size_t b = a + 1;
    while (b < n && v[b].tb == v[b - 1].te && same(v[b])) ++b;
    size_t len = b - a;
    if (bare && len >= 2) {
      for (size_t k = a; k < b; ++k) v[k].drop = true;
    } else if (year && len >= 3) {
      // An axis of years: "1990 1995 2000 2005 ... 2050", "2007 2008 2009".
      double step = *v[a + 1].value - *v[a].value;
      bool even = step > 0;
      for (size_t k = a + 1; k < b && even; ++k) even = Near(*v[k].value - *v[k - 1].value, step);
      if (even)
        for (size_t k = a; k < b; ++k) v[k].drop = true;
    } else if (pct && len >= 3) {
      double step = *v[a + 1].value - *v[a].value;
      bool even = !Near(step, 0);
      for (size_t k = a + 1; k < b && even; ++k) even = Near(*v[k].value - *v[k - 1].value, step);
      if (even) {
        double lo = 1e300, hi = -1e300;
        for (size_t k = a; k < b; ++k) {
          v[k].drop = true;
          lo = std::min(lo, *v[k].value);
          hi = std::max(hi, *v[k].value);
        }
        double s = std::fabs(step);
        for (bool grew = true; grew;) {
          grew = false;
          for (auto& g : v) {
            if (!IsAxisPercent(g)) continue;
            if (Near(*g.value, hi + s))
              hi += s, g.drop = grew = true;
            else if (Near(*g.value, lo - s))
              lo -= s, g.drop = grew = true;
          }
        }
      }
    }
    a = b;
  }
}

bool OnlyDigits(std::string_view s, size_t max) {
  if (s.empty() || s.size() > max) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Æ Ø Å (C3 86, C3 98, C3 85)
  return c == 0xC3 && s.size() > 1 && (s[1] == '\x86' || s[1] == '\x98' || s[1] == '\x85');
}

class Pass {
 public:
  Pass(const Document& doc, const Segmentation& seg, const figures::Lexicon& lex, Record* rec)
      : doc_(doc), seg_(seg), lex_(lex), rec_(rec) {
    figures::Ymd meeting;
    if (rec->meeting && rec->meeting->date && rec->meeting->date->size() >= 4) {
      // "2017-10-24"; a date given as a year or year-month keeps what it has.
      const std::string& d = *rec->meeting->date;
      meeting.y = std::atoi(d.substr(0, 4).c_str());
      if (d.size() >= 7) meeting.m = std::atoi(d.substr(5, 2).c_str());
      if (d.size() >= 10) meeting.d = std::atoi(d.substr(8, 2).c_str());
      if (meeting.m < 1 || meeting.m > 12) meeting.m = meeting.d = 0;
      if (meeting.d < 0 || meeting.d > 31) meeting.d = 0;
      meeting_year_ = meeting.y;
    }
    scanner_.emplace(lex, doc.text, meeting);
    for (const auto& t : rec->toc)
      if (t.span) toc_.emplace_back(t.span->start, t.span->end);
    std::sort(toc_.begin(), toc_.end());
    for (const auto& it : rec->agenda_items) items_.push_back({it.span.start, it.span.end, &it});
    std::stable_sort(items_.begin(), items_.end(),
                     [](const ItemRef& a, const ItemRef& b) { return a.start < b.start; });
  }

  int meeting_year() const { return meeting_year_; }

  void Run(figures::TargetFinder* targets) {
    first_ = rec_->figures.size();
    std::vector<Found> found;
    for (size_t s = 0; s < seg_.sentences.size(); ++s) {
      if ((s & 127) == 0 && DeadlineExpired()) return;
      const Sentence& sen = seg_.sentences[s];
      found.clear();
      scanner_->Scan(sen.start, sen.end, &found);
      targets->OnSentence(s, scanner_->tokens());
      if (found.empty()) continue;
      Filter(s, sen, &found);
      for (auto& f : found)
        if (!f.drop) Emit(s, sen, f);
    }
    DropVerticalAxes();
    for (auto [a, b] : scanner_->english_numbers()) {
      std::string msg(1, '"');
      msg.append(doc_.Slice(a, b));
      msg.append("\" looks like an English-style number (comma thousands); not read as a figure");
      rec_->warnings.push_back({"english_number_format", std::move(msg), doc_.MakeSpan(a, b)});
    }
  }

 private:
  struct ItemRef {
    size_t start, end;
    const AgendaItem* item;
  };

  bool InToc(size_t pos) const {
    auto it = std::upper_bound(toc_.begin(), toc_.end(), std::make_pair(pos, SIZE_MAX));
    if (it == toc_.begin()) return false;
    --it;
    return pos >= it->first && pos < it->second;
  }

  const AgendaItem* ItemAt(size_t pos) const {
    auto it = std::upper_bound(items_.begin(), items_.end(), pos,
                               [](size_t p, const ItemRef& r) { return p < r.start; });
    while (it != items_.begin()) {
      --it;
      if (pos < it->end) return it->item;
      // Items do not nest; the nearest earlier start decides.
      break;
    }
    return nullptr;
  }

  void Filter(size_t s, const Sentence& sen, std::vector<Found>* fs) {
    const auto& toks = scanner_->tokens();
    const Block& block = doc_.blocks[sen.block];
    DropAxisRuns(fs);

    // Where the sentence sits in a table row: which cell, and the row's cells.
    int cell = -1;
    if (block.kind == BlockKind::kTableRow) {
      for (size_t c = 0; c < block.cells.size(); ++c)
        if (sen.start >= block.cells[c].start && sen.start < block.cells[c].end + 1)
          cell = static_cast<int>(c);
    }
    // Column units of a table, "Beløb i 1.000 kr." or "(1.000 kr.)": a scale
    // declaration, not an amount.
    for (auto& f : *fs) {
      if (f.drop || f.type != "amount" || !f.value || *f.value != 1000 || f.tb == 0) continue;
      bool before = toks[f.tb - 1].IsWordIn(lex_.in_words) || toks[f.tb - 1].IsPunct('(');
      bool after = f.te == toks.size() || toks[f.te].IsPunct(')');
      if (before && after) f.drop = true;
    }
    bool open_paren = false;
    size_t seen = 0;
    for (auto& f : *fs) {
      for (; seen < f.tb; ++seen)
        if (toks[seen].IsPunct('(')) open_paren = true;
      if (f.drop || !f.bare) continue;
      // A number standing alone ("1." heading a list item, a section or a
      // table row; a lone "12" closing a paragraph's block).
      if ((cell < 0 && f.tb == 0 && toks.size() == 1) ||
          (toks.size() == 2 && toks[1].IsPunct('.'))) {
        f.drop = true;
        if (toks.size() == 1) {
          lone_[0] = lone_[1];
          lone_[1] = {s, *f.value};
        }
        continue;
      }
      // The last label of a vertical chart axis, sharing its row with the
      // axis title ("10", "5", then "0 <TAB> Uddannelse"): the two sentences
      // before are lone numbers stepping evenly down (or up) to it.
      if (cell == 0 && f.tb == 0 && f.te == toks.size() && s >= 2 && lone_[1].sentence == s - 1 &&
          lone_[0].sentence == s - 2) {
        double step = lone_[1].value - lone_[0].value;
        if (!Near(step, 0) && Near(*f.value - lone_[1].value, step)) {
          f.drop = true;
          continue;
        }
      }
      // Letter-spaced headings: "B i l a g 1 : P r o j e k t".
      auto letter = [&](size_t k) {
        return toks[k].kind == TokKind::kWord && toks[k].end - toks[k].start == 1;
      };
      if (f.tb >= 2 && letter(f.tb - 1) && letter(f.tb - 2)) {
        f.drop = true;
        continue;
      }
      // "N." closing a sentence that is not the last of its paragraph: the
      // number of the list entry that follows ("... temaer. 1. Organisering").
      // (Small numbers only, unless right after a stop: "... i stedet for 355." is prose.)
      bool after_stop = f.tb == 0 || toks[f.tb - 1].dot_after || toks[f.tb - 1].IsPunct('.') ||
                        toks[f.tb - 1].IsPunct(':') || *f.value <= 20;
      if (cell < 0 && after_stop && f.te + 1 == toks.size() && toks[f.te].IsPunct('.') &&
          sen.end < block.end) {
        f.drop = true;
        continue;
      }
      // Enumeration labels.
      if (f.te < toks.size()) {
        const Token& nx = toks[f.te];
        if (nx.kind == TokKind::kWord && nx.upper) {
          f.drop = true;
          continue;
        }
        if (nx.IsPunct(')') && !open_paren) {
          f.drop = true;
          continue;
        }
      }
      if (!InToc(f.start) && cell < 0 && f.te == toks.size() && sen.end == block.end &&
          *f.value < 1000 && *f.value >= 0 && std::floor(*f.value) == *f.value) {
        f.drop = true;  // a page number closing a paragraph
        continue;
      }
      if (InToc(f.start)) {
        f.drop = true;
        continue;
      }
      if (cell >= 0 && f.tb == 0 && f.te == toks.size()) {
        // A table of contents row: "4 <TAB> Title <TAB> 7".
        const auto& cells = block.cells;
        auto text = [&](size_t c) { return doc_.Slice(cells[c].start, cells[c].end); };
        bool first_num = cells.size() >= 2 && OnlyDigits(text(0), 3);
        if (cell == 0 && first_num && StartsUpper(text(1))) f.drop = true;
        if (cell > 0 && static_cast<size_t>(cell) == cells.size() - 1 && first_num &&
            OnlyDigits(text(cell), 3))
          f.drop = true;
      }
    }

    // A plain number joined to a figure with a unit takes the unit.
    auto& v = *fs;
    for (size_t k = v.size(); k-- > 1;) {
      Found& a = v[k - 1];
      const Found& b = v[k];
      if (a.drop || b.drop || !a.bare || !a.value || b.bare || !b.unit) continue;
      if (b.type != "count" && b.type != "percent" && b.type != "percentage_points" &&
          b.type != "amount" && b.type != "duration")
        continue;
      if (b.tb != a.te + 1) continue;
      const Token& j = toks[a.te];
      bool joiner = j.IsWordIn(lex_.and_words) || j.IsWordIn(lex_.or_words) || j.IsWordIn(lex_.range_words) ||
                    j.IsPunct(',') ||
                    j.IsPunct('/') || figures::IsDash(j);
      if (!joiner) continue;
      a.type = b.type;
      a.unit = b.unit;
      *a.value *= b.scale;
      a.bare = false;
    }
  }

  // Chart axes laid out one label per line (the PDF reader gives each its
  // own block): three or more figures in a row, each the whole sentence and
  // in nearby sentences, of one type and evenly stepped ("35.000", "30.000",
  // ..., "0"; "2007", "2008", "2009"; "Sep. 2007", "Sep. 2008", ...); and the
  // label on either side of such a run
  // that continues the step at the start of its sentence, where the axis
  // title shares the line ("0 <TAB> Uddannelse").
  static constexpr size_t kAxisGap = 4;
  void DropVerticalAxes() {
    auto& figs = rec_->figures;
    size_t n = figs.size();
    std::vector<bool> drop(n, false);
    // The value an axis steps by: the number, or for a period its first
    // month ("Sep. 2007", "Sep. 2008", ... step by 12).
    auto value = [&](size_t k) -> std::optional<double> {
      const Figure& f = figs[k];
      if (f.type == "period") {
        if (!f.date || f.date->size() != 10) return std::nullopt;
        return std::atoi(f.date->substr(0, 4).c_str()) * 12.0 +
               std::atoi(f.date->substr(5, 2).c_str()) - 1;
      }
      return f.value;
    };
    auto axis_like = [&](size_t k) {
      const Figure& f = figs[k];
      return meta_[k - first_].lone && value(k) &&
             ((f.type == "count" && meta_[k - first_].bare) || f.type == "percent" ||
              f.type == "year" || f.type == "period");
    };
    for (size_t a = first_; a < n;) {
      if (!axis_like(a)) {
        ++a;
        continue;
      }
      size_t b = a + 1;
      // Next to each other among the figures, at most kAxisGap sentences
      // apart: a chart beside prose comes as table rows whose first cell is
      // the label ("8.200 <TAB><TAB>", "<TAB> Efter en række år ...", ...).
      while (b < n && axis_like(b) && figs[b].type == figs[a].type &&
             meta_[b - first_].sentence <= meta_[b - 1 - first_].sentence + kAxisGap)
        ++b;
      if (b - a >= 3) {
        double step = *value(a + 1) - *value(a);
        bool even = !Near(step, 0);
        for (size_t k = a + 2; k < b && even; ++k) even = Near(*value(k) - *value(k - 1), step);
        if (even) {
          for (size_t k = a; k < b; ++k) drop[k] = true;
          auto continues = [&](size_t k, size_t from, double want) {
            const Figure& f = figs[k];
            const Meta& m = meta_[k - first_];
            auto v = value(k);
            return m.starts && v && f.type == figs[a].type && (f.type != "count" || m.bare) &&
                   (m.sentence == meta_[from - first_].sentence + 1 ||
                    m.sentence + 1 == meta_[from - first_].sentence) &&
                   Near(*v, want);
          };
          if (b < n && continues(b, b - 1, *value(b - 1) + step)) drop[b++] = true;
          if (a > first_ && !drop[a - 1] && continues(a - 1, a, *value(a) - step))
            drop[a - 1] = true;
        }
      }
      a = b;
    }
    size_t w = first_;
    for (size_t k = first_; k < n; ++k)
      if (!drop[k]) {
        if (w != k) figs[w] = std::move(figs[k]);
        ++w;
      }
    figs.resize(w);
  }

  void Emit(size_t s, const Sentence& sen, const Found& f) {
    meta_.push_back({s, f.bare, f.start == sen.start && (f.end == sen.end || f.end + 1 == sen.end),
                     f.start == sen.start});
    Figure fig;
    fig.type = f.type;
    fig.text = std::string(doc_.Slice(f.start, f.end));
    fig.value = f.value;
    fig.min = f.min;
    fig.max = f.max;
    fig.unit = f.unit;
    fig.date = f.date;
    fig.date_end = f.date_end;
    if (const AgendaItem* it = ItemAt(f.start); it && !it->number.empty()) fig.item = it->number;
    fig.sentence = std::string(doc_.Slice(sen.start, sen.end));
    fig.span = doc_.MakeSpan(f.start, f.end);
    rec_->figures.push_back(std::move(fig));
  }

  const Document& doc_;
  const Segmentation& seg_;
  const figures::Lexicon& lex_;
  Record* rec_;
  int meeting_year_ = 0;
  std::optional<figures::Scanner> scanner_;
  std::vector<std::pair<size_t, size_t>> toc_;
  std::vector<ItemRef> items_;
  struct Meta {
    size_t sentence;
    bool bare;
    bool lone;    // the figure is the whole sentence
    bool starts;  // the figure starts its sentence
  };
  std::vector<Meta> meta_;  // per emitted figure, from first_
  // The last two sentences that were a lone plain number, oldest first.
  struct Lone {
    size_t sentence = SIZE_MAX - 1;
    double value = 0;
  };
  Lone lone_[2];
  size_t first_ = 0;
};

}  // namespace

void ExtractFigures(const Document& doc, const Segmentation& seg, const Rulebook& rules,
                    Record* record) {
  std::shared_ptr<const figures::Lexicon> lex = figures::LexiconFor(rules);
  lang::DocumentYearScope year_scope(doc.text);  // two-digit years without a meeting year
  Pass pass(doc, seg, *lex, record);
  figures::TargetFinder targets(doc, seg, *lex, pass.meeting_year());
  pass.Run(&targets);
  targets.Finish(record);
}

}  // namespace referat
