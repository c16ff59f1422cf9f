// The column and table orderer. See pdf_order.h.
#include "read/pdf_order.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace referat::pdf::layout {
namespace {

struct Interval {
  float a, b;
};

// Merges `x` into the sorted, disjoint `iv`, fusing intervals closer than `gmin`.
void AddInterval(std::vector<Interval>* iv, Interval x, float gmin) {
  std::vector<Interval> out;
  out.reserve(iv->size() + 1);
  bool placed = false;
  for (const Interval& y : *iv) {
    if (y.b + gmin < x.a) {
      out.push_back(y);
    } else if (x.b + gmin < y.a) {
      if (!placed) {
        out.push_back(x);
        placed = true;
      }
      out.push_back(y);
    } else {
      x.a = std::min(x.a, y.a);
      x.b = std::max(x.b, y.b);
    }
  }
  if (!placed) out.push_back(x);
  *iv = std::move(out);
}

class Orderer {
 public:
  explicit Orderer(PageData* P) : P_(*P) {
    std::vector<float> sizes;
    for (const Line& L : P_.lines)
      if (!L.running) sizes.push_back(L.size);
    float median = 10;
    if (!sizes.empty()) {
      std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
      median = sizes[sizes.size() / 2];
    }
    gmin_ = std::max(3.0f, 0.4f * median);
    starts_.assign(P_.lines.size(), 0);
  }

  void Run() {
    std::vector<Row> rows;
    for (const Row& r : P_.rows) {
      Row k;
      for (int id : r.lines)
        if (!P_.lines[id].running) k.lines.push_back(id);
      if (!k.lines.empty()) rows.push_back(std::move(k));
    }
    Region(rows, 0);
    FlushFlow();
    // A flow's lines wrap at the flow's right edge.
    for (Unit& u : P_.units) {
      if (u.is_table) continue;
      float right = 0;
      for (int id : u.flow) right = std::max(right, P_.lines[id].x1);
      for (int id : u.flow) P_.lines[id].right = right;
    }
  }

 private:
  void FlushFlow() {
    if (flow_.empty()) return;
    Unit u;
    u.flow = std::move(flow_);
    flow_.clear();
    P_.units.push_back(std::move(u));
  }

  std::vector<Interval> IntervalsOf(const Row& r) const {
    std::vector<Interval> iv;
    for (int id : r.lines) AddInterval(&iv, {P_.lines[id].x0, P_.lines[id].x1}, gmin_);
    return iv;
  }

  // Reads `rows` (top to bottom) into units.
  void Region(const std::vector<Row>& rows, int depth) {
    size_t i = 0;
    while (i < rows.size()) {
      std::vector<Interval> occ = IntervalsOf(rows[i]);
      if (occ.size() < 2 || depth >= kMaxDepth) {
        for (int id : rows[i].lines) flow_.push_back(id);
        ++i;
        continue;
      }
      // A region: the following rows as long as its gutters run through
      // all of them. A row that bridges a gutter ends the region (a
      // heading or figure across two of three columns), so columns are
      // never fused.
      size_t j = i + 1;
      while (j < rows.size()) {
        std::vector<Interval> cand = occ;
        for (int id : rows[j].lines) AddInterval(&cand, {P_.lines[id].x0, P_.lines[id].x1}, gmin_);
        if (cand.size() < 2 || cand.size() < occ.size()) break;
        occ = std::move(cand);
        ++j;
      }
      i = Section(rows, i, j, occ, depth);
    }
  }

  int ColumnOf(const std::vector<Interval>& occ, const Line& L) const {
    float c = 0.5f * (L.x0 + L.x1);
    for (size_t k = 0; k < occ.size(); ++k)
      if (c <= occ[k].b) return static_cast<int>(k);
    return static_cast<int>(occ.size()) - 1;
  }

  // Handles rows [i, j) of a region with columns `occ`; returns the index
  // of the first row it did not consume.
  size_t Section(const std::vector<Row>& rows, size_t i, size_t j,
                 const std::vector<Interval>& occ, int depth) {
    const int ncols = static_cast<int>(occ.size());
    std::vector<float> right(ncols, 0);
    for (size_t r = i; r < j; ++r)
      for (int id : rows[r].lines) {
        int c = ColumnOf(occ, P_.lines[id]);
        right[c] = std::max(right[c], P_.lines[id].x1);
      }
    // The pitch of wrapped lines: the smallest baseline step between
    // successive lines of one column. Rows of a table are often a little
    // further apart (cell padding), which tells a new row from the next
    // line of a cell.
    // Kept per column and font size: a list set smaller than the body
    // beside it has its own pitch.
    std::vector<int> last(ncols, -1);  // last line seen per column
    struct Pitch {
      int col;
      float size;
      float pitch;
    };
    std::vector<Pitch> pitches;
    auto pitch_of = [&](int c, float size) -> float* {
      for (Pitch& p : pitches)
        if (p.col == c && p.size == SizeKey(size)) return &p.pitch;
      pitches.push_back({c, SizeKey(size), 1e9f});
      return &pitches.back().pitch;
    };
    for (size_t r = i; r < j; ++r)
      for (int id : rows[r].lines) {
        const Line& L = P_.lines[id];
        int c = ColumnOf(occ, L);
        if (last[c] >= 0 && SizeKey(P_.lines[last[c]].size) == SizeKey(L.size)) {
          float d = L.base - P_.lines[last[c]].base;
          float* p = pitch_of(c, L.size);
          if (d > 0.5f * L.size) *p = std::min(*p, d);
        }
        last[c] = id;
      }
    // Which lines start something (are not the wrap of the line above in
    // their column)? Then: do the columns start their lines together? Of
    // the side-by-side pairs of lines where one starts something, a table
    // has both start (a new row); columns of running text start their
    // paragraphs independently.
    std::fill(last.begin(), last.end(), -1);
    std::vector<size_t> last_row(ncols, 0);
    std::vector<char>& starts = starts_;
    std::vector<char> cont_row(j - i, 0);  // every line of the row is a wrap of the row above
    int synced = 0, total = 0, both_wrap = 0;
    // Per column, with the column to its right: rows where both have a
    // line, and of those the rows where one line goes on a text and the
    // other starts something.
    std::vector<int> together(ncols, 0), one_wraps(ncols, 0);
    for (size_t r = i; r < j; ++r) {
      bool all_wrap = r > i;
      int prev_id = -1;
      for (int id : rows[r].lines) {
        int c = ColumnOf(occ, P_.lines[id]);
        // A capital after a full line is a wrap only at the tightest pitch
        // (Word varies the pitch a little between paragraphs, so a line
        // going on in lower case or after a hyphen is a wrap regardless).
        bool wrap = false;
        if (last[c] >= 0) {
          const Line& a = P_.lines[last[c]];
          const Line& b = P_.lines[id];
          wrap = IsWrap(a, b, right[c]) &&
                 (StartsLower(b.text) || EndsWith(a.text, "-") ||
                  b.base - a.base <= *pitch_of(c, b.size) * 1.02f + 0.2f + P_.pitch_slack);
        }
        starts[id] = !wrap;
        if (!wrap || last_row[c] + 1 != r) all_wrap = false;
        if (prev_id >= 0) {
          int pc = ColumnOf(occ, P_.lines[prev_id]);
          ++together[pc];
          if (starts[prev_id] != starts[id]) ++one_wraps[pc];
          if (starts[prev_id] || starts[id]) {
            ++total;
            if (starts[prev_id] && starts[id]) ++synced;
          } else {
            ++both_wrap;
          }
        }
        prev_id = id;
        last[c] = id;
        last_row[c] = r;
      }
      cont_row[r - i] = all_wrap;
    }
    // Side-by-side lines that both go on a wrapped text are the mark of
    // running text; a table has more rows starting together than that.
    // A single pair is no evidence, unless the region is one row. A row
    // with two lines in one column (text columns under a figure that spans
    // two of them, beside a third column running down the page) makes the
    // region columns of columns: each is read on its own, recursively.
    bool nested = false;
    for (size_t r = i; r < j && !nested; ++r) {
      int prev_col = -1;
      for (int id : rows[r].lines) {
        int c = ColumnOf(occ, P_.lines[id]);
        if (c == prev_col) nested = true;
        prev_col = c;
      }
    }
    // Two columns side by side whose lines mostly do not start together
    // run on their own: running text beside a table or a figure's labels.
    // Such a pair is a cut; the columns between cuts are read together.
    bool independent = false;
    std::vector<char> cut(ncols, 0);  // a cut after column c
    for (int c = 0; c < ncols; ++c)
      if (together[c] >= 3 && one_wraps[c] * 3 >= together[c] * 2) cut[c] = independent = true;
    const bool table = !nested && !independent &&
                       (j - i == 1 || (synced >= 2 && synced * 10 >= total * 6 && synced > both_wrap));
    if (!table) {
      // Text in columns: each column on its own, left to right (or each
      // group of columns between cuts).
      if (!independent) std::fill(cut.begin(), cut.end(), 1);
      FlushFlow();
      for (int c0 = 0; c0 < ncols;) {
        int c1 = c0;
        while (c1 + 1 < ncols && !cut[c1]) ++c1;
        std::vector<Row> sub;
        for (size_t r = i; r < j; ++r) {
          Row k;
          for (int id : rows[r].lines) {
            int c = ColumnOf(occ, P_.lines[id]);
            if (c >= c0 && c <= c1) k.lines.push_back(id);
          }
          if (!k.lines.empty()) sub.push_back(std::move(k));
        }
        Region(sub, depth + 1);
        FlushFlow();
        c0 = c1 + 1;
      }
      return j;
    }
    // A table. Its rows are told apart by cell padding where it has any:
    // the step from a row to the next ("row step", the smallest step onto
    // a row with two or more cells) is then larger than the line pitch of
    // a cell, and a line at the line pitch below a line of its column goes
    // on that cell, wherever its text would have fitted (a cell's right
    // edge is not known; a column's widest line may belong to another
    // table set in the same columns).
    auto base_of = [&](size_t r) { return P_.lines[rows[r].lines.front()].base; };
    float row_step = 1e9f;
    for (size_t r = i + 1; r < j; ++r)
      if (rows[r].lines.size() >= 2 && !cont_row[r - i])
        row_step = std::min(row_step, base_of(r) - base_of(r - 1));
    // The line pitch of cells at a size: the tightest of any column (a
    // column of one-line cells only knows the row step).
    auto cell_pitch = [&](float size) {
      float p = 1e9f;
      for (int c = 0; c < ncols; ++c) p = std::min(p, *pitch_of(c, size));
      return p;
    };
    auto padded = [&](const Line& L, int) {
      return row_step < 1e8f && row_step > cell_pitch(L.size) * 1.02f + 0.2f + 0.1f * L.size;
    };
    std::vector<int> above(ncols, -1);
    for (size_t r = i; r < j; ++r) {
      bool all_cont = r > i;
      for (int id : rows[r].lines) {
        const Line& L = P_.lines[id];
        int c = ColumnOf(occ, L);
        bool cont = false;
        if (above[c] >= 0 && padded(L, c) && L.marker.empty()) {
          const Line& a = P_.lines[above[c]];
          cont = L.base - a.base <= cell_pitch(L.size) * 1.02f + 0.2f &&
                 (std::fabs(L.x0 - a.x0) <= L.size || std::fabs(L.x0 - a.text_x0) <= L.size) &&
                 !OpensItem(a, L, right[c]);
        }
        all_cont = all_cont && cont;
      }
      if (all_cont) cont_row[r - i] = 1;
      std::fill(above.begin(), above.end(), -1);
      for (int id : rows[r].lines) above[ColumnOf(occ, P_.lines[id])] = id;
    }
    // It ends after its last row with two or more cells, plus the rows
    // that wrap on from there and rows one row step further down (a row
    // whose other cells are empty); what follows is left to the caller.
    size_t core_end = i;
    for (size_t r = i; r < j; ++r)
      if (rows[r].lines.size() >= 2) core_end = r;
    size_t end = core_end + 1;
    while (end < j) {
      const Line& L = P_.lines[rows[end].lines.front()];
      const int c = ColumnOf(occ, L);
      const bool next_row = !cont_row[end - i] && padded(L, c) &&
                            std::fabs(base_of(end) - base_of(end - 1) - row_step) <= 0.1f * L.size;
      if (!cont_row[end - i] && !next_row) break;
      ++end;
    }
    // A lone line between rows, further from both than the row step, is a
    // paragraph between two tables set in the same columns ("Lukket").
    auto between = [&](size_t r) {
      if (r == i || r + 1 >= end || rows[r].lines.size() != 1 || cont_row[r - i]) return false;
      const Line& L = P_.lines[rows[r].lines.front()];
      const float slack = row_step + 0.3f * L.size;
      return padded(L, ColumnOf(occ, L)) && base_of(r) - base_of(r - 1) > slack &&
             base_of(r + 1) - base_of(r) > slack;
    };
    FlushFlow();
    Unit u;
    u.is_table = true;
    u.table.cols = ncols;
    for (size_t r = i; r < end; ++r) {
      if (between(r)) {
        if (!u.table.rows.empty()) P_.units.push_back(std::move(u));
        u = Unit();
        u.is_table = true;
        u.table.cols = ncols;
        flow_ = rows[r].lines;
        FlushFlow();
        continue;
      }
      if (u.table.rows.empty() || !cont_row[r - i]) u.table.rows.emplace_back(ncols);
      auto& cells = u.table.rows.back();
      for (int id : rows[r].lines) {
        int c = ColumnOf(occ, P_.lines[id]);
        P_.lines[id].right = right[c];
        cells[c].push_back(id);
      }
    }
    if (!u.table.rows.empty()) P_.units.push_back(std::move(u));
    return end;
  }

  PageData& P_;
  float gmin_ = 3;
  std::vector<char> starts_;  // per line: starts a paragraph or cell (Section)
  std::vector<int> flow_;
};

}  // namespace

void OrderPage(PageData* page) { Orderer(page).Run(); }

}  // namespace referat::pdf::layout
