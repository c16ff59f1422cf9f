// Layout analysis of PDF pages on plain word boxes. See pdf_layout.h for
// what comes out and pdf_lines.h for the files of the steps; this one runs
// them and turns the ordered lines into blocks (paragraphs, headings, list
// items, table rows). The comments say how and why.
#include "read/pdf_layout.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/deadline.h"
#include "read/pdf_lines.h"
#include "read/pdf_order.h"
#include "read/pdf_running.h"

namespace referat::pdf {
namespace layout {
namespace {

// ------------------------------------------------------------ paragraphs

// The left edges of a table's columns, over all its lines.
std::vector<float> ColumnStarts(const PageData& P, const Table& t) {
  std::vector<float> x0(t.cols, 1e9f);
  for (const auto& row : t.rows)
    for (size_t c = 0; c < row.size(); ++c)
      for (int id : row[c]) x0[c] = std::min(x0[c], P.lines[id].x0);
  return x0;
}

// A table row cut by a page break: the page ended in a table (its columns'
// left edges `x0`) and `first`, the first unit of the next page, is a
// flow whose every line sits in one column c of that table, left-aligned
// with it and set in the size of the table's last row (`size`) ("Orientering og oplæg -" | page | "Opfølgende analyse af" ...).
// It is that cell going on when c is not the first column (body text
// starts at the left margin) or when the table goes on right after
// (`after`, with a column at the same place). Returns c, or -1.
int ContinuedCell(const PageData& P, const Unit& first, const Unit* after,
                  const std::vector<float>& x0, float size) {
  if (first.is_table || first.flow.empty() || x0.size() < 2) return -1;
  const Line& head = P.lines[first.flow.front()];
  const float tol = 0.8f * head.size;
  int c = -1;
  for (size_t k = 0; k < x0.size(); ++k)
    if (std::fabs(head.x0 - x0[k]) <= tol) c = static_cast<int>(k);
  if (c < 0) return -1;
  const float limit = c + 1 < static_cast<int>(x0.size()) ? x0[c + 1] : 1e9f;
  for (int id : first.flow) {
    const Line& L = P.lines[id];
    if (std::fabs(L.x0 - x0[c]) > tol || L.x1 > limit || !L.marker.empty() ||
        std::fabs(L.size - size) > 0.12f * size)
      return -1;
  }
  if (c > 0) return c;
  if (after == nullptr || !after->is_table || after->table.cols != static_cast<int>(x0.size()))
    return -1;
  std::vector<float> a0 = ColumnStarts(P, after->table);
  return std::fabs(a0[c] - x0[c]) <= tol ? c : -1;
}

struct Pending {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;
  std::vector<std::string> cells;
  int page = 0;
  float size = 0;
  bool bold = false;
  bool italic = false;
  bool gap_before = false;
  int lines = 0;
  std::string marker;
  int low_confidence = 0;
};

}  // namespace
}  // namespace layout

using namespace layout;  // NOLINT: this file is the layout's own

// ------------------------------------------------------------ Layout

struct Layout::Impl {
  std::vector<PageData> pages;
  int with_text = 0;
  int ocr_pages = 0;
  std::vector<std::pair<size_t, int>> low_confidence;

  // Usual baseline pitch per font size (key: SizeKey), learnt from flows.
  std::map<float, float> pitch;
  float body_size = 0;

  float ParaPitch(float size) const {
    auto it = pitch.find(SizeKey(size));
    if (it == pitch.end()) return kDefaultPitch * size;
    return it->second * kParagraphPitch + 0.5f;
  }

  void LearnStyle();
  void Emit(std::vector<Pending>* out);
};

void Layout::Impl::LearnStyle() {
  std::map<float, std::map<int, int>> hist;  // size -> pitch*4 -> count
  std::map<float, size_t> chars;
  for (const PageData& P : pages) {
    for (const Unit& u : P.units) {
      if (u.is_table) {
        for (const auto& row : u.table.rows)
          for (const auto& cell : row)
            for (int id : cell) chars[SizeKey(P.lines[id].size)] += P.lines[id].text.size();
        continue;
      }
      for (size_t k = 0; k < u.flow.size(); ++k) {
        const Line& b = P.lines[u.flow[k]];
        chars[SizeKey(b.size)] += b.text.size();
        if (k == 0) continue;
        const Line& a = P.lines[u.flow[k - 1]];
        if (std::fabs(a.size - b.size) > 0.05f * b.size) continue;
        if (b.x0 > a.x1 || b.x1 < a.x0) continue;
        float d = b.base - a.base;
        if (d < 0.9f * b.size || d > 2.5f * b.size) continue;
        hist[SizeKey(b.size)][static_cast<int>(std::lround(d * 4))]++;
      }
    }
  }
  for (const auto& [size, h] : hist) {
    int best = 0, count = 0;
    for (const auto& [q, c] : h) {
      // OCR baselines fall on whole pixels (0.36 pt at 200 dpi), so one
      // pitch spreads over neighbouring quarter points: count the bins
      // within half a point together. A text layer's pitches are exact.
      int n = c;
      if (ocr_pages > 0)
        for (auto it = h.lower_bound(q - 2); it != h.end() && it->first <= q + 2; ++it)
          n += it->first == q ? 0 : it->second;
      if (n > count) {
        best = q;
        count = n;
      }
    }
    if (count >= 2) pitch[size] = best / 4.0f;
  }
  size_t most = 0;
  for (const auto& [size, n] : chars)
    if (n > most) {
      most = n;
      body_size = size;
    }
}

void Layout::Impl::Emit(std::vector<Pending>* out) {
  // The paragraph being built, and its last line.
  Pending cur;
  bool open = false;
  const Line* prev = nullptr;
  int prev_page = -1;  // the page of `prev`
  float block_x0 = 0;  // left edge of the block's text lines
  auto close = [&]() {
    std::string marker;
    bool dash_like;
    // A bullet with no text after it (an empty list item) says nothing.
    if (open && !cur.text.empty() && !BulletMarker(cur.text, &marker, &dash_like))
      out->push_back(std::move(cur));
    cur = Pending();
    open = false;
  };
  // A table that ends its page, where a cell cut by the page break goes on
  // at the top of the next (see ContinuedCell).
  int carry_page = -1;
  size_t carry_row = 0;
  std::vector<float> carry_x0;
  for (const PageData& P : pages) {
    for (size_t ui = 0; ui < P.units.size(); ++ui) {
      const Unit& u = P.units[ui];
      if (ui == 0 && carry_page == P.number - 1 && !u.is_table) {
        const Unit* after = ui + 1 < P.units.size() ? &P.units[ui + 1] : nullptr;
        int c = ContinuedCell(P, u, after, carry_x0, (*out)[carry_row].size);
        if (c >= 0) {
          std::string& cell = (*out)[carry_row].cells[c];
          for (int id : u.flow) AppendLineText(&cell, P.lines[id].text);
          carry_page = -1;
          continue;
        }
      }
      carry_page = -1;
      if (u.is_table) {
        close();
        prev = nullptr;
        // Per column, the right ends of its lines, to tell a column's real
        // text edge from the end of its longest line.
        std::vector<std::pair<float, float>> ends(u.table.cols, {-1e9f, -1e9f});
        for (const auto& row : u.table.rows)
          for (size_t c = 0; c < row.size(); ++c)
            for (int id : row[c]) {
              float x1 = P.lines[id].x1;
              auto& [first, second] = ends[c];
              if (x1 > first) {
                second = first;
                first = x1;
              } else if (x1 > second) {
                second = x1;
              }
            }
        for (const auto& row : u.table.rows) {
          Pending t;
          t.kind = BlockKind::kTableRow;
          t.page = P.number;
          t.gap_before = true;
          bool all_bold = true, any = false;
          for (size_t c = 0; c < row.size(); ++c) {
            const auto& cell = row[c];
            std::string text;
            const Line* above = nullptr;
            for (int id : cell) {
              const Line& L = P.lines[id];
              std::string part = L.marker.empty() ? L.text : L.marker + " " + L.text;
              if (above != nullptr && IsForcedBreak(*above, L, ends[c])) {
                text += part;
              } else {
                AppendLineText(&text, part);
              }
              above = &L;
              all_bold = all_bold && L.bold;
              t.low_confidence += L.low_confidence;
              if (!any) t.size = L.size;
              any = true;
            }
            t.cells.push_back(std::move(text));
          }
          t.bold = any && all_bold;
          out->push_back(std::move(t));
        }
        if (ui + 1 == P.units.size()) {
          carry_page = P.number;
          carry_row = out->size() - 1;
          carry_x0 = ColumnStarts(P, u.table);
        }
        continue;
      }
      for (size_t k = 0; k < u.flow.size(); ++k) {
        const Line& L = P.lines[u.flow[k]];
        const bool new_unit = k == 0;
        bool joins = false;
        bool gap = true;
        // The weight changes at a line break (a bold heading, then regular
        // text), not inside a line that mixes them.
        const bool same_weight =
            prev != nullptr && (L.bold == prev->bold || ((prev->mixed || L.mixed) &&
                                                         prev->bold_last == L.bold_first));
        if (open && prev != nullptr && L.marker.empty() && !OpensItem(*prev, L, prev->right) &&
            same_weight &&
            std::fabs(L.size - prev->size) <= 0.12f * std::max(L.size, prev->size)) {
          // Did `prev` end because the line was full? Its next word would
          // not have fitted; ragged-right setting (InDesign) breaks early,
          // so a line starting in lower case also goes on a sentence. One
          // word followed by a capital is a list of values.
          const bool geometric = prev->x1 + kSpace * prev->size + L.first_w > prev->right - 0.5f;
          const bool lower = StartsLower(L.text);
          const bool one_word = prev->text.find(' ') == std::string::npos;
          const bool nearly_full = prev->right - prev->x1 <= kNearlyFull * (prev->right - prev->x0);
          // The lines of a title set large and bold, often centred: one
          // heading ("Politik / for / Kultur og Fritid").
          const bool title = L.bold && L.size >= body_size * kHeadingSize && cur.lines < kTitleMaxLines &&
                             !EndsClause(prev->text);
          const bool entries = !title && CapitalizedEntry(prev->text) && CapitalizedEntry(L.text);
          const bool wrapped = (geometric && (!one_word || lower) && !entries) ||
                               (lower && nearly_full && !new_unit) || (title && !new_unit);
          if (!new_unit) {
            float pitch_now = L.base - prev->base;
            gap = pitch_now > ParaPitch(L.size);
            bool overlap = L.x0 <= prev->x1 && L.x1 >= prev->x0;
            float tol = 0.8f * L.size;
            bool aligned;
            if (!cur.marker.empty()) {
              aligned = L.x0 >= block_x0 - tol && L.x0 <= prev->text_x0 + tol;
            } else {
              // Same left edge, or the first line was indented.
              aligned = std::fabs(L.x0 - prev->x0) <= tol || std::fabs(L.x0 - prev->text_x0) <= tol ||
                        (cur.lines == 1 && L.x0 < prev->x0);
            }
            joins = wrapped && !gap && pitch_now > 0.3f * L.size && overlap && (aligned || title);
          } else {
            // Across a column or page break: only an obviously unfinished
            // sentence continues ("... og" / "sam-" + "men ...").
            // An ordinal ends a line mid-sentence too ("fem områder: 1.
            // organisering, 2." / "medarbejdere, 3. ...").
            UChar32 last = LastCodePoint(prev->text);
            std::string_view last_word = LastWord(prev->text);
            const bool ordinal = last_word.size() >= 2 && last_word.size() <= 4 &&
                                 last_word.back() == '.' &&
                                 std::all_of(last_word.begin(), last_word.end() - 1,
                                             [](char c) { return c >= '0' && c <= '9'; });
            // A line below `prev` and wholly left of it on the same page is
            // an earlier column going on, not the next column's start (a
            // heading's second line beside a figure's caption: "Frigørelse
            // af ressourcer i" / "sygehusvæsenet" left of "Figur 15.1. …
            // på somatiske", KL, Det nære sundhedsvæsen 2012, p. 104).
            const bool back_left = prev_page == P.number && L.base > prev->base && L.x1 < prev->x0;
            joins = wrapped && !back_left &&
                    (StartsLower(L.text) &&
                     (last == '-' || last == ',' || last == ';' || u_islower(last) || ordinal));
          }
        }
        if (joins) {
          AppendLineText(&cur.text, L.text);
          ++cur.lines;
          cur.low_confidence += L.low_confidence;
          cur.bold = cur.bold && L.bold;
          cur.italic = cur.italic && L.italic;
        } else {
          close();
          open = true;
          cur.page = P.number;
          cur.text = L.text;
          cur.size = L.size;
          cur.bold = L.bold;
          cur.italic = L.italic;
          cur.lines = 1;
          cur.low_confidence = L.low_confidence;
          cur.marker = L.marker;
          cur.kind = L.marker.empty() ? BlockKind::kParagraph : BlockKind::kListItem;
          cur.gap_before = gap || new_unit;
          block_x0 = L.x0;
        }
        prev = &L;
        prev_page = P.number;
      }
    }
  }
  close();
}

Layout::Layout() : impl_(std::make_unique<Impl>()) {}
Layout::~Layout() = default;

void Layout::AddPage(const Page& page, int page_number) {
  impl_->pages.push_back(BuildLines(page, page_number));
  if (page.ocr) ++impl_->ocr_pages;
  if (!impl_->pages.back().lines.empty()) ++impl_->with_text;
}

int Layout::pages_with_text() const { return impl_->with_text; }

const std::vector<std::pair<size_t, int>>& Layout::low_confidence_blocks() const {
  return impl_->low_confidence;
}

Status Layout::Finish(DocumentBuilder* out) {
  Impl& m = *impl_;
  MarkRunning(m.pages);
  for (PageData& P : m.pages) {
    if (DeadlineExpired()) return Status::Timeout("the time limit passed while laying out pages");
    OrderPage(&P);
  }
  m.LearnStyle();
  std::vector<Pending> blocks;
  m.Emit(&blocks);

  // Heading levels: distinct heading sizes above the body size, largest
  // first; bold headings at body size come after them.
  std::vector<float> sizes;
  auto is_heading = [&](const Pending& b) {
    if (b.kind != BlockKind::kParagraph || b.text.size() > kHeadingMaxBytes) return false;
    const bool larger = b.size >= m.body_size * kHeadingSize;
    // A bold heading in the body's type wrapped over four lines of a narrow
    // column: short, and not ending a sentence ("Incitamenterne peger den /
    // forkerte vej – de understøt- / tende mere aktivitet, ikke mere /
    // forebyggelse", KL, Det nære sundhedsvæsen 2012, p. 102).
    const bool narrow = b.bold && b.lines == kTitleMaxLines && b.text.size() <= kNarrowHeadingMaxBytes &&
                        !b.text.empty() && b.text.back() != '.' && b.text.back() != ':';
    if (b.lines > (larger || narrow ? kTitleMaxLines : kHeadingMaxLines)) return false;
    return b.bold || larger;
  };
  for (const Pending& b : blocks)
    if (is_heading(b) && b.size >= m.body_size * kHeadingSize) sizes.push_back(SizeKey(b.size));
  std::sort(sizes.begin(), sizes.end(), std::greater<float>());
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());

  for (Pending& b : blocks) {
    Block proto;
    proto.kind = b.kind;
    proto.page = b.page;
    proto.bold = b.bold;
    proto.italic = b.italic;
    proto.font_size = b.size;
    proto.gap_before = b.gap_before;
    if (b.kind == BlockKind::kTableRow) {
      if (out->AddRow(b.cells, proto) && b.low_confidence > 0)
        m.low_confidence.emplace_back(out->doc().blocks.size() - 1, b.low_confidence);
      continue;
    }
    if (is_heading(b)) {
      proto.kind = BlockKind::kHeading;
      int level = static_cast<int>(sizes.size()) + 1;
      if (b.size >= m.body_size * kHeadingSize) {
        auto it = std::find(sizes.begin(), sizes.end(), SizeKey(b.size));
        level = static_cast<int>(it - sizes.begin()) + 1;
      }
      proto.heading_level = std::min(level, 6);
    }
    if (b.kind == BlockKind::kListItem) proto.list_marker = b.marker;
    if (out->Add(b.text, proto) && b.low_confidence > 0)
      m.low_confidence.emplace_back(out->doc().blocks.size() - 1, b.low_confidence);
  }
  return Status::Ok();
}

std::string Layout::Describe() const {
  std::string out;
  char buf[160];
  for (const PageData& P : impl_->pages) {
    std::snprintf(buf, sizeof buf, "=== page %d\n", P.number);
    out += buf;
    for (const Line& L : P.lines)
      if (L.running) out += "  running: " + L.text + "\n";
    for (const Unit& u : P.units) {
      auto line = [&](int id, const char* prefix) {
        const Line& L = P.lines[id];
        std::snprintf(buf, sizeof buf, "%s[%6.1f %6.1f %6.1f b%6.1f s%4.1f r%6.1f%s%s] ", prefix, L.x0,
                      L.x1, L.y0, L.base, L.size, L.right, L.bold ? " B" : "", L.italic ? " I" : "");
        out += buf;
        out += L.marker.empty() ? L.text : L.marker + " " + L.text;
        out += "\n";
      };
      if (u.is_table) {
        std::snprintf(buf, sizeof buf, "  TABLE %d cols\n", u.table.cols);
        out += buf;
        for (const auto& row : u.table.rows) {
          out += "    ROW\n";
          for (size_t c = 0; c < row.size(); ++c)
            for (int id : row[c]) line(id, c == 0 ? "      c0 " : "      c+ ");
        }
      } else {
        out += "  FLOW\n";
        for (int id : u.flow) line(id, "    ");
      }
    }
  }
  return out;
}

}  // namespace referat::pdf
