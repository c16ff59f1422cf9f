#include "analyze/attendance.h"

#include <algorithm>

#include "analyze/header.h"
#include "analyze/names.h"
#include "analyze/text_util.h"

namespace referat::analyze {
namespace {

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (std::find(v->begin(), v->end(), s) == v->end()) v->push_back(s);
}

}  // namespace

std::optional<Attendance> ExtractAttendance(const Context& ctx, size_t end, const Toc& toc) {
  const Lexicon& lex = ctx.lex();
  end = std::min(end, ctx.size());
  Attendance a;
  std::vector<std::string> members;
  bool any = false;
  size_t span_start = SIZE_MAX, span_end = 0;

  for (size_t i = 0; i < end; ++i) {
    if (!toc.empty() && i >= toc.begin && i < toc.end) continue;
    std::string_view t = ctx.text(i);
    LabelHit lh = lex.MatchLabel(t, CountWords(t) <= 60);
    if (lh.field != Field::kPresent && lh.field != Field::kMembers && lh.field != Field::kAbsent &&
        lh.field != Field::kOthers && lh.field != Field::kReferent)
      continue;
    any = true;
    size_t last = i;
    auto ranges = LabelValue(ctx, i, lh, end, true, &last);
    span_start = std::min(span_start, ctx.block(i).start);
    span_end = std::max(span_end, ctx.block(last).end);
    std::string_view label = t.substr(0, lh.label_end);
    for (auto [s, e] : ranges) {
      std::string_view v = ctx.doc().Slice(s, e);
      for (auto& pn : ParseNames(lex, v)) {
        switch (lh.field) {
          case Field::kPresent: AddUnique(&a.present, pn.name); break;
          case Field::kMembers: AddUnique(&members, pn.name); break;
          case Field::kAbsent: AddUnique(&a.absent, pn.name); break;
          case Field::kOthers:
          case Field::kReferent: {
            OtherAttendee o;
            o.name = pn.name;
            o.role = pn.role;
            if (lh.field == Field::kReferent && !o.role) o.role = std::string(TrimRight(label, ":"));
            o.span = ctx.MakeSpan(s + pn.start, s + pn.end);
            bool dup = false;
            for (const auto& x : a.others) dup = dup || x.name == o.name;
            if (!dup) a.others.push_back(std::move(o));
            break;
          }
          default: break;
        }
      }
    }
    i = last;
  }
  if (!any) return std::nullopt;
  // "Medlemmer" lists everyone; those also listed as absent were not there.
  for (const auto& mname : members)
    if (std::find(a.absent.begin(), a.absent.end(), mname) == a.absent.end()) AddUnique(&a.present, mname);
  a.span = ctx.MakeSpan(span_start, span_end);
  return a;
}

}  // namespace referat::analyze
