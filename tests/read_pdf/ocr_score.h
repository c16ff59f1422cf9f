// The structure score of the OCR tests: how much of a reference Record (from
// a text layer) a candidate (from OCR of the same pages) gives back. One
// point per value the reference has: kind, each meeting field, each present
// and absent name, and per agenda item (matched by number) the item itself,
// its title (90% similar: OCR may misread a letter), case number, decision
// category and page. Score = points / possible points.
#ifndef REFERAT_TESTS_READ_PDF_OCR_SCORE_H_
#define REFERAT_TESTS_READ_PDF_OCR_SCORE_H_

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "referat/record.h"

namespace referat::testing {

// 1 - edit distance / longer length, on bytes.
inline double Similarity(const std::string& a, const std::string& b) {
  if (a.empty() && b.empty()) return 1.0;
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return 1.0 - static_cast<double>(prev[b.size()]) / static_cast<double>(std::max(a.size(), b.size()));
}

struct Score {
  int points = 0;
  int possible = 0;
  std::vector<std::string> misses;
  double value() const { return possible ? static_cast<double>(points) / possible : 1.0; }
  void Check(const std::string& what, bool ok) {
    ++possible;
    if (ok) ++points;
    else misses.push_back(what);
  }
  std::string Misses() const {
    std::string s;
    for (const auto& m : misses) s += "  " + m + "\n";
    return s;
  }
};

inline Score StructureScore(const Record& ref, const Record& got) {
  Score s;
  s.Check("kind " + std::string(Name(ref.kind)), ref.kind == got.kind);
  if (ref.meeting) {
    const Meeting& a = *ref.meeting;
    const Meeting empty;
    const Meeting& b = got.meeting ? *got.meeting : empty;
    auto field = [&](const char* name, const std::optional<std::string>& x,
                     const std::optional<std::string>& y) {
      if (x) s.Check(std::string("meeting.") + name + " " + *x + " / " + y.value_or("null"), x == y);
    };
    field("document_type", a.document_type, b.document_type);
    field("council", a.council, b.council);
    field("municipality", a.municipality, b.municipality);
    field("body", a.body, b.body);
    field("date", a.date, b.date);
    field("start_time", a.start_time, b.start_time);
    field("end_time", a.end_time, b.end_time);
    field("location", a.location, b.location);
  }
  if (ref.attendance) {
    auto names = [&](const char* what, const std::vector<std::string>& x,
                     const std::vector<std::string>* y) {
      for (const auto& n : x)
        s.Check(std::string(what) + " " + n, y && std::find(y->begin(), y->end(), n) != y->end());
    };
    names("present", ref.attendance->present, got.attendance ? &got.attendance->present : nullptr);
    names("absent", ref.attendance->absent, got.attendance ? &got.attendance->absent : nullptr);
  }
  for (const AgendaItem& a : ref.agenda_items) {
    auto it = std::find_if(got.agenda_items.begin(), got.agenda_items.end(),
                           [&](const AgendaItem& b) { return b.number == a.number; });
    s.Check("item " + a.number, it != got.agenda_items.end());
    if (it == got.agenda_items.end()) continue;
    const AgendaItem& b = *it;
    s.Check("title " + a.number + ": " + a.title + " / " + b.title, Similarity(a.title, b.title) >= 0.9);
    if (a.case_number)
      s.Check("case " + a.number + " " + *a.case_number + " / " + b.case_number.value_or("null"),
              a.case_number == b.case_number);
    if (a.decision)
      s.Check("decision " + a.number + " " + std::string(Name(a.decision->category)) + " / " +
                  std::string(b.decision ? Name(b.decision->category) : "null"),
              b.decision && b.decision->category == a.decision->category);
    s.Check("page " + a.number + " " + std::to_string(a.span.page) + " / " +
                std::to_string(b.span.page),
            a.span.page == b.span.page);
  }
  return s;
}

}  // namespace referat::testing

#endif  // REFERAT_TESTS_READ_PDF_OCR_SCORE_H_
