// Running headers, footers and page numbers. See pdf_running.h.
#include "read/pdf_running.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "read/pdf_layout.h"

namespace referat::pdf::layout {
namespace {

std::string DigitsMasked(std::string_view s) {
  std::string k(s);
  for (char& c : k)
    if (c >= '0' && c <= '9') c = '#';
  return k;
}

}  // namespace

void MarkRunning(std::vector<PageData>& pages) {
  const int n = static_cast<int>(pages.size());
  struct Hit {
    int page;
    float y;
    Line* line;
  };
  std::map<std::string, std::vector<Hit>> groups;  // zone + masked text
  std::vector<char> bare;  // per line of a page: a bare number in a zone
  for (PageData& P : pages) {
    for (Line& L : P.lines) {
      bool top = P.height > 0 && L.y1 <= kZone * P.height;
      bool bottom = P.height > 0 && L.y0 >= (1 - kZone) * P.height;
      std::string full = L.marker.empty() ? L.text : L.marker + " " + L.text;
      if (IsPageNumberLine(full, false)) {
        L.running = true;
        continue;
      }
      // A bare number is decided below, by the company it keeps.
      if ((top || bottom) && IsPageNumberLine(full, true)) continue;
      if (!(top || bottom) || n < 2) continue;
      std::string key = top ? "T" : "B";
      key += DigitsMasked(full);
      groups[key].push_back({P.number, L.y0, &L});
    }
  }
  const int min_pages = std::max(2, static_cast<int>(std::ceil(0.3 * n)));
  for (auto& [key, hits] : groups) {
    if (static_cast<int>(hits.size()) < min_pages) continue;
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.y < b.y; });
    // For each hit, the distinct pages with a hit within 3 pt of its height.
    size_t lo = 0, hi = 0;
    for (size_t i = 0; i < hits.size(); ++i) {
      while (hits[lo].y < hits[i].y - 3) ++lo;
      while (hi < hits.size() && hits[hi].y <= hits[i].y + 3) ++hi;
      std::vector<int> pg;
      for (size_t k = lo; k < hi; ++k) pg.push_back(hits[k].page);
      std::sort(pg.begin(), pg.end());
      int distinct = static_cast<int>(std::unique(pg.begin(), pg.end()) - pg.begin());
      if (distinct >= min_pages) hits[i].line->running = true;
    }
    // Once confirmed, the same text in the same zone is running wherever it
    // sits: a page of another section may shift the header by a few points.
    if (std::any_of(hits.begin(), hits.end(), [](const Hit& h) { return h.line->running; }))
      for (Hit& h : hits) h.line->running = true;
  }
  // A bare number in the header or footer zone ("7", "- 7 -") is a page
  // number when it stands alone on its row or beside running text ("Referat
  // 3. maj    7"); beside body text it is a table's cell that the page
  // ends on ("7 | Orientering og oplæg - | 19").
  for (PageData& P : pages) {
    bare.assign(P.lines.size(), 0);
    for (size_t id = 0; id < P.lines.size(); ++id) {
      const Line& L = P.lines[id];
      if (L.running) continue;
      bool top = P.height > 0 && L.y1 <= kZone * P.height;
      bool bottom = P.height > 0 && L.y0 >= (1 - kZone) * P.height;
      std::string full = L.marker.empty() ? L.text : L.marker + " " + L.text;
      bare[id] = (top || bottom) && IsPageNumberLine(full, true);
    }
    for (const Row& r : P.rows) {
      bool body = false;
      for (int id : r.lines) body = body || (!bare[id] && !P.lines[id].running);
      if (!body)
        for (int id : r.lines)
          if (bare[id]) P.lines[id].running = true;
    }
  }
}

}  // namespace referat::pdf::layout
