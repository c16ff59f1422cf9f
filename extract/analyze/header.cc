#include "analyze/header.h"

#include <algorithm>

#include "analyze/dates.h"
#include "analyze/text_util.h"

namespace referat::analyze {
namespace {

bool InToc(const Toc& toc, size_t i) { return !toc.empty() && i >= toc.begin && i < toc.end; }

struct SpanAcc {
  size_t start = SIZE_MAX, end = 0;
  void Add(size_t s, size_t e) {
    start = std::min(start, s);
    end = std::max(end, e);
  }
  bool empty() const { return start == SIZE_MAX; }
};

// True when `t` ends in the last word of a `meeting` word ("… møde"), in any
// case: Lexicon::bodys_meeting() can only match such a line, and this test
// is far cheaper than the pattern.
bool EndsInMeetingWord(const Lexicon& lex, std::string_view t) {
  for (const auto& e : lex.words().meeting.entries()) {
    std::string_view last = e;
    size_t sp = last.rfind(' ');
    if (sp != std::string_view::npos) last.remove_prefix(sp + 1);
    if (t.size() >= last.size() && FoldCase(t.substr(t.size() - last.size())) == FoldCase(last)) return true;
  }
  return false;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> LabelValue(const Context& ctx, size_t i, const LabelHit& hit,
                                                  size_t end, bool multi_line, size_t* last) {
  std::vector<std::pair<size_t, size_t>> out;
  *last = i;
  std::string_view t = ctx.text(i);
  const size_t base = ctx.block(i).start;
  std::string_view rest = Trim(t.substr(std::min(hit.value_start, t.size())));
  if (!rest.empty()) {
    size_t s = base + static_cast<size_t>(rest.data() - t.data());
    out.emplace_back(s, s + rest.size());
    if (!multi_line) return out;
    // "Deltagere: Karen Jensen (A), formand" with one more member per line
    // below: lines of the same shape (a parenthesis, or a comma list)
    // continue the list.
    const bool paren = rest.find('(') != std::string_view::npos;
    const bool comma = rest.find(',') != std::string_view::npos;
    for (size_t j = i + 1; j < end && j <= i + 40; ++j) {
      std::string_view v = Trim(ctx.text(j));
      if (v.empty() || !AtMostWords(v, 8) || EndsSentence(v) || !StartsUpper(v) || ctx.IsTableRow(j) ||
          ctx.lex().MatchLabel(v, false).field != Field::kNone || ctx.heading(j).role != Role::kNone ||
          ctx.block(j).kind == BlockKind::kHeading || !ctx.lex().DocumentType(v).empty())
        break;
      const bool same_shape = (paren && v.find('(') != std::string_view::npos) ||
                              (comma && v.find(',') != std::string_view::npos);
      if (!same_shape) break;
      out.emplace_back(ctx.block(j).start, ctx.block(j).end);
      *last = j;
    }
    return out;
  }
  for (size_t j = i + 1; j < end && j <= i + 40; ++j) {
    std::string_view v = ctx.text(j);
    if (ctx.lex().MatchLabel(v, false).field != Field::kNone) break;
    const HeadingHit& h = ctx.heading(j);
    if (h.role != Role::kNone || ctx.block(j).kind == BlockKind::kHeading) break;
    if (!ctx.lex().DocumentType(v).empty() && AtMostWords(v, 12)) break;
    // Further lines after a gap only while they read like a list of names
    // (structured readers mark every paragraph with a gap).
    if (j > i + 1 && ctx.block(j).gap_before && (!AtMostWords(v, 8) || EndsSentence(v))) break;
    out.emplace_back(ctx.block(j).start, ctx.block(j).end);
    *last = j;
    if (!multi_line) break;
  }
  return out;
}

std::optional<std::string> MeetingEndTime(const Context& ctx, size_t i) {
  std::string_view t = ctx.text(i);
  // FindTime needs a digit; testing for one first spares most lines the
  // heading match.
  if (ctx.IsTableRow(i) || !AtMostWords(t, 10) || !HasDigit(t) ||
      !ctx.lex().IsRoleLine(t, Role::kEnd))
    return std::nullopt;
  auto tm = FindTime(ctx.lex(), t, true);
  if (!tm) return std::nullopt;
  return tm->start_time;
}

HeaderResult ExtractHeader(const Context& ctx, size_t end, const Toc& toc) {
  HeaderResult r;
  Meeting& m = r.meeting;
  const Lexicon& lex = ctx.lex();
  end = std::min(end, ctx.size());
  SpanAcc span;

  std::optional<std::string> label_date, label_start, label_end, label_location;
  std::optional<std::string> line_date, line_start, line_end, line_location;
  std::optional<std::string> caps_council, caps_town;
  std::optional<std::string> council_alone;
  size_t date_line = SIZE_MAX;

  for (size_t i = 0; i < end; ++i) {
    if (InToc(toc, i) || (toc.begin == i && !toc.empty())) continue;
    std::string_view t = ctx.text(i);
    const Block& b = ctx.block(i);
    // Exact up to 25, the largest limit it is compared with below.
    const int words = CountWordsUpTo(t, 25);

    LabelHit lh = lex.MatchLabel(t, words <= 25);
    if (lh.field != Field::kNone) {
      size_t last = i;
      auto ranges = LabelValue(ctx, i, lh, end, false, &last);
      std::string value;
      if (!ranges.empty()) value = Collapse(ctx.doc().Slice(ranges[0].first, ranges.back().second));
      switch (lh.field) {
        case Field::kDate: {
          if (auto d = FindDate(lex, value)) {
            if (!label_date) label_date = d->iso;
          }
          if (auto tm = FindTime(lex, value, true)) {
            if (!label_start) label_start = tm->start_time;
            if (tm->end_time && !label_end) label_end = tm->end_time;
          }
          break;
        }
        case Field::kStart:
          if (auto tm = FindTime(lex, value, true)) {
            if (!label_start) label_start = tm->start_time;
          }
          break;
        case Field::kEnd:
          if (auto tm = FindTime(lex, value, true)) {
            if (!label_end) label_end = tm->start_time;
          }
          break;
        case Field::kLocation:
          if (!value.empty() && !label_location) label_location = value;
          break;
        default:
          break;
      }
      if (lh.field == Field::kDate || lh.field == Field::kStart || lh.field == Field::kEnd ||
          lh.field == Field::kLocation) {
        span.Add(b.start, ctx.block(last).end);
        i = last;
        continue;
      }
      continue;  // attendance fields are read by ExtractAttendance
    }
    if (words > 16) continue;

    if (!m.document_type && words <= 12) {
      std::string type = lex.DocumentType(t);
      if (!type.empty()) {
        m.document_type = type;
        span.Add(b.start, b.end);
      }
    }
    if (words <= 8) {
      re2::StringPiece town, word;
      if (lex.FindCouncil(t, &town, &word)) {
        std::string_view tv(town.data(), town.size());
        auto muni = lex.MunicipalityOf(tv);
        if (muni) {
          std::string council = std::string(tv) + " " + std::string(word.data(), word.size());
          if (IsAllCaps(council)) {
            if (!caps_council) {
              caps_council = council;
              caps_town = *muni;
            }
          } else if (!m.council) {
            m.council = council;
            if (!m.municipality) m.municipality = *muni;
          }
          span.Add(b.start, b.end);
          continue;
        }
      }
      if (lex.MayHaveMunicipalityPhrase(t) && RE2::FullMatch(Trim(t), lex.municipality_phrase())) {
        re2::StringPiece tw;
        RE2::PartialMatch(t, lex.municipality_phrase(), &tw);
        if (auto muni = lex.MunicipalityOf(std::string_view(tw.data(), tw.size()))) {
          if (!m.municipality) m.municipality = *muni;
          span.Add(b.start, b.end);
          continue;
        }
      }
      re2::StringPiece ctown;
      if (lex.IsCouncilAlone(Trim(t), &ctown)) {
        if (!council_alone) council_alone = std::string(Trim(t));
        if (!ctown.empty()) {
          if (auto muni = lex.MunicipalityOf(std::string_view(ctown.data(), ctown.size())))
            if (!m.municipality) m.municipality = *muni;
        }
        span.Add(b.start, b.end);
        continue;
      }
    }
    if (!m.body && words <= 14 && lex.IsBodyName(t) && lex.DocumentType(t).empty()) {
      m.body = Collapse(t);
      span.Add(b.start, b.end);
      continue;
    }
    // "Økonomiudvalgets møde", "Byrådets ekstraordinære møde".
    if (!m.body && words <= 5) {
      re2::StringPiece name;
      if (EndsInMeetingWord(lex, Trim(t)) && RE2::FullMatch(Trim(t), lex.bodys_meeting(), &name) &&
          lex.IsBodyName(std::string_view(name.data(), name.size()))) {
        m.body = std::string(name.data(), name.size());
        span.Add(b.start, b.end);
        continue;
      }
    }
    // Unlabelled date line of a cover page.
    // Cover lines are often set large, so readers mark them as headings.
    const bool plain = ctx.heading(i).role == Role::kNone || ctx.heading(i).markup;
    if (words <= 14 && plain) {
      auto d = FindDate(lex, t);
      if (d && !line_date) {
        line_date = d->iso;
        if (auto tm = FindTime(lex, t, false)) {
          line_start = tm->start_time;
          line_end = tm->end_time;
        }
        date_line = i;
        span.Add(b.start, b.end);
        continue;
      }
      // "Kl. 10:30" on its own line after the date.
      if (!d && line_date && !line_start && date_line != SIZE_MAX && i <= date_line + 2 && words <= 5) {
        if (auto tm = FindTime(lex, t, false)) {
          line_start = tm->start_time;
          line_end = tm->end_time;
          date_line = i;
          span.Add(b.start, b.end);
          continue;
        }
      }
      // The place: the short lines right after the date line.
      if (!d && date_line != SIZE_MAX && i == date_line + 1 && !line_location &&
          lex.DocumentType(t).empty() && !EndsSentence(t) && words <= 10) {
        Joiner loc;
        size_t j = i;
        for (; j < end && j < i + 5; ++j) {
          std::string_view v = ctx.text(j);
          // Address lines: no gap, or set like the first line (readers
          // that mark every line as a paragraph).
          const Block& bj = ctx.block(j);
          bool same_style = bj.kind == b.kind && bj.font_size == b.font_size && bj.bold == b.bold;
          if (j > i && ((bj.gap_before && !same_style) || !AtMostWords(v, 8))) break;
          if (lex.MatchLabel(v, false).field != Field::kNone ||
              (ctx.heading(j).role != Role::kNone && !ctx.heading(j).markup) ||
              FindDate(lex, v) || EndsSentence(v))
            break;
          if (!loc.empty()) loc.Add(",");
          loc.Add(v);
        }
        if (!loc.empty()) {
          std::string s = loc.Take();
          // Joiner puts a space before the comma; join as "a, b".
          std::string fixed;
          for (size_t k = 0; k < s.size(); ++k) {
            if (s[k] == ' ' && k + 1 < s.size() && s[k + 1] == ',') continue;
            fixed.push_back(s[k]);
          }
          line_location = fixed;
          span.Add(b.start, ctx.block(j - 1).end);
          i = j - 1;
        }
        continue;
      }
    }
  }

  if (!m.council && caps_council) {
    m.council = caps_council;
    if (!m.municipality) m.municipality = caps_town;
  }
  m.date = label_date ? label_date : line_date;
  // Times belong with the date they were read with; a labelled date without
  // a time takes the cover line's time.
  m.start_time = label_start ? label_start : line_start;
  m.end_time = label_end ? label_end : line_end;
  m.location = label_location ? label_location : line_location;
  if (!m.body && council_alone) m.body = m.council ? *m.council : *council_alone;
  if (!span.empty()) m.span = ctx.MakeSpan(span.start, span.end);

  r.found = ((m.document_type || m.body || m.council) && m.date) || (m.document_type && m.body);
  return r;
}

}  // namespace referat::analyze
