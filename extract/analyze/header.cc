#include "analyze/header.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include "analyze/dates.h"
#include "analyze/items.h"
#include "analyze/names.h"
#include "analyze/text_util.h"

namespace referat::analyze {
namespace {

// The most words a title line that names body, date, time and place may
// have (a full address after the room).
constexpr int kTitleLineWords = 24;

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

// "Borgmester Cecilia Lonning-Skovgaard (V), tjenesterejse.": a name, its
// party in parentheses, then at most a short reason.
bool NameWithPartyAndReason(std::string_view v) {
  v = Trim(v);
  const size_t open = v.find(" (");
  const size_t close = v.find(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open || close - open > 40 ||
      !StartsUpper(v) || !AtMostWords(v.substr(0, open), 6))
    return false;
  std::string_view after = Trim(v.substr(close + 1));
  return after.empty() || after == "." || (after.front() == ',' && AtMostWords(after, 5));
}

// True when `v`'s last comma-separated part is a postal code and a town
// ("Regionsrådssalen, Regionshuset Viborg, Skottenborg 26, 8800 Viborg"): a
// full address, which may run longer than a room's name.
bool EndsInPostalTown(std::string_view v) {
  const size_t comma = v.rfind(", ");
  if (comma == std::string_view::npos) return false;
  std::string_view last = v.substr(comma + 2);
  if (last.size() < 6 || last[4] != ' ' || !AtMostWords(last, 4)) return false;
  for (size_t k = 0; k < 4; ++k)
    if (last[k] < '0' || last[k] > '9') return false;
  return StartsUpper(last.substr(5));
}

// True when a date opens `v` ("12. august 2019 kl. 17:00").
bool DateOpens(const Lexicon& lex, std::string_view v) {
  auto d = FindDate(lex, Trim(v));
  return d && d->start == 0;
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
    // "Deltagere:" in one table cell, one name per line in the next: the
    // value is one name, and so is each line under it.
    auto one_name = [&](std::string_view v) {
      auto names = ParseNames(ctx.lex(), v);
      return names.size() == 1 && names[0].end - names[0].start == v.size();
    };
    const bool name_column = ctx.IsTableRow(i) && one_name(rest);
    for (size_t j = i + 1; j < end && j <= i + 40; ++j) {
      std::string_view v = Trim(ctx.text(j));
      if (v.empty() || !AtMostWords(v, 8) || EndsSentence(v) || !StartsUpper(v) || ctx.IsTableRow(j) ||
          ctx.lex().attendance().MatchLabel(v, false).field != Field::kNone || ctx.heading(j).role != Role::kNone ||
          ctx.block(j).kind == BlockKind::kHeading || !ctx.lex().header().DocumentType(v).empty())
        break;
      const bool same_shape = (paren && v.find('(') != std::string_view::npos) ||
                              (comma && v.find(',') != std::string_view::npos) ||
                              (name_column && !paren && !comma && one_name(v));
      if (!same_shape) break;
      out.emplace_back(ctx.block(j).start, ctx.block(j).end);
      *last = j;
    }
    return out;
  }
  for (size_t j = i + 1; j < end && j <= i + 40; ++j) {
    std::string_view v = ctx.text(j);
    if (ctx.lex().attendance().MatchLabel(v, false).field != Field::kNone) break;
    const HeadingHit& h = ctx.heading(j);
    if (h.role != Role::kNone || ctx.block(j).kind == BlockKind::kHeading) break;
    if (!ctx.lex().header().DocumentType(v).empty() && AtMostWords(v, 12)) break;
    // An empty label ("Fraværende:") right before the agenda: the first
    // item ("1<TAB>First Agenda", "1. Godkendelse") is not its value.
    std::string number;
    size_t title_at = 0;
    // "Mødetid:" / "12. august 2019 kl. 17:00" (Middelfart's minutes pages
    // 2014-2019): a date opening the line is the value, no item.
    // "2. næstformand" under a member's name (Region Sjælland's Regionsrådet
    // 8.3.2021: name, role, party a line each) is the member's role.
    if ((ctx.lex().items().MatchNumberedLine(v, true, &number, &title_at) && !DateOpens(ctx.lex(), v) &&
         !ctx.lex().attendance().IsRoleWord(v.substr(std::min(title_at, v.size())))) ||
        (ctx.IsTableRow(j) && !ctx.block(j).cells.empty() && NumberCell(ctx.cell(j, 0))))
      break;
    // Further lines after a gap only while they read like a list of names
    // (structured readers mark every paragraph with a gap), or each is a
    // name with its party and a reason, like the first ("Gyda Heding (Ø),
    // arbejde.": Copenhagen's minutes).
    if (j > i + 1 && ctx.block(j).gap_before && (!AtMostWords(v, 8) || EndsSentence(v)) &&
        !(NameWithPartyAndReason(ctx.text(i + 1)) && NameWithPartyAndReason(v)))
      break;
    out.emplace_back(ctx.block(j).start, ctx.block(j).end);
    *last = j;
    if (!multi_line) break;
  }
  return out;
}

std::vector<InlineField> InlineLabels(const Context& ctx, size_t i, size_t* prefix_end) {
  std::vector<InlineField> out;
  std::string_view t = ctx.text(i);
  if (std::count(t.begin(), t.end(), ':') < 2) return out;
  const Lexicon& lex = ctx.lex();
  const size_t base = ctx.block(i).start;
  struct Hit {
    size_t at, value_start;
    Field f;
  };
  std::vector<Hit> hits;
  for (size_t p = 0; p < t.size();) {
    if ((p == 0 || t[p - 1] == ' ') && StartsUpper(t.substr(p))) {
      const LabelHit h = lex.attendance().MatchLabel(t.substr(p), false);
      if (h.field != Field::kNone && h.value_start > h.label_end &&
          t.substr(p + h.label_end, h.value_start - h.label_end).find(':') != std::string_view::npos) {
        hits.push_back({p, p + h.value_start, h.field});
        p += h.value_start;
        continue;
      }
    }
    const size_t sp = t.find(' ', p);
    if (sp == std::string_view::npos) break;
    p = sp + 1;
  }
  if (hits.size() < 2) return out;
  *prefix_end = base + hits[0].at;
  for (const Hit& h : hits) out.push_back({h.f, base + h.at, base + h.value_start, base + h.value_start});
  auto is_names = [](Field f) { return f == Field::kPresent || f == Field::kMembers || f == Field::kAbsent; };
  std::vector<size_t> pending;  // labels still waiting for a value
  for (size_t k = 0; k < hits.size(); ++k) {
    size_t a = hits[k].value_start, z = k + 1 < hits.size() ? hits[k + 1].at : t.size();
    while (a < z && t[a] == ' ') ++a;
    while (z > a && t[z - 1] == ' ') --z;
    if (a == z) {
      pending.push_back(k);
      continue;
    }
    if (!pending.empty()) {
      // The run pending[...], k shares the values [a, z).
      const bool names_follow = std::any_of(pending.begin(), pending.end(), [&](size_t q) { return is_names(hits[q].f); }) ||
                                is_names(hits[k].f);
      std::vector<size_t> keep;
      bool names_given = false;
      for (size_t q : pending) {
        std::string_view v = t.substr(a, z - a);
        size_t take = 0;
        const Field f = hits[q].f;
        if (f == Field::kDate) {
          // After at most a weekday and "den" ("Onsdag den 15-maj-2002").
          if (auto d = FindDate(lex, v); d && (d->start == 0 || (d->start <= 16 && !HasDigit(v.substr(0, d->start)) &&
                                                                 AtMostWords(v.substr(0, d->start), 2))))
            take = d->end;
        } else if (f == Field::kStart || f == Field::kEnd) {
          if (auto tm = FindTime(lex, v, true); tm && tm->start == 0) take = tm->end;
        } else if (f == Field::kLocation && names_follow) {
          auto names = ParseNames(lex, v);
          take = names.empty() ? v.size() : names[0].start;
        } else if (is_names(f) && !names_given) {
          take = v.size();
          names_given = true;
          // "Medlemmer: Fraværende: Formand: Lars Ejby Pedersen (A) … Turan
          // Savas (A) Kurt Halling Bente Ankersen" (Fredericia's Kultur- og
          // Idrætsudvalget 18.3.2015, docplayer.dk/3641174): the members a
          // party each, then the absent without: the names after the last
          // party are the next names label's.
          size_t next = hits.size();
          for (size_t r = 0; r < pending.size(); ++r)
            if (pending[r] > q && is_names(hits[pending[r]].f) && next == hits.size()) next = pending[r];
          if (next == hits.size() && q != k && is_names(hits[k].f)) next = k;
          const size_t close = v.rfind(") ");
          if (next < hits.size() && close != std::string_view::npos &&
              v.find('(', close) == std::string_view::npos && StartsUpper(v.substr(close + 2))) {
            take = close + 1;
            out[next].start = base + a + close + 2;
            out[next].end = base + z;
          }
        }
        if (take == 0) {
          if (f == Field::kDate) keep.push_back(q);  // a date waits for its value
          continue;
        }
        size_t e = a + std::min(take, v.size());
        size_t ve = e;
        while (ve > a && (t[ve - 1] == ' ' || t[ve - 1] == ',')) --ve;
        out[q].start = base + a;
        out[q].end = base + ve;
        a = e;
        while (a < z && (t[a] == ' ' || t[a] == ',')) ++a;
        if (a >= z) break;
      }
      pending = std::move(keep);
      if (names_given || a >= z) continue;
    }
    out[k].start = base + a;
    out[k].end = base + z;
  }
  return out;
}

// "Mødetid:" / "Kl. 17" (Rudersdal's minutes pages 2018): a labelled
// value that is a clock word and an hour alone is the start ("17:00"); a
// bare hour anywhere else stays no time.
static std::optional<std::string> HourAlone(const Lexicon& lex, std::string_view value) {
  std::string_view v = Trim(value);
  size_t sp = v.rfind(' ');
  if (sp == std::string_view::npos || !lex.words().clock.Contains(Trim(v.substr(0, sp)))) return std::nullopt;
  std::string_view hour = v.substr(sp + 1);
  if (hour.empty() || hour.size() > 2 ||
      !std::all_of(hour.begin(), hour.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int h = std::stoi(std::string(hour));
  if (h > 23) return std::nullopt;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:00", h);
  return std::string(buf);
}

std::optional<std::string> MeetingEndTime(const Context& ctx, size_t i) {
  std::string_view t = ctx.text(i);
  // FindTime needs a digit; testing for one first spares most lines the
  // heading match.
  if (ctx.IsTableRow(i) || !AtMostWords(t, 10) || !HasDigit(t) ||
      !ctx.lex().headings().IsRoleLine(t, Role::kEnd))
    return std::nullopt;
  auto tm = FindTime(ctx.lex(), t, true);
  if (!tm) return std::nullopt;
  return tm->start_time;
}

std::optional<std::string> BodyFromDecisionHeadings(const Context& ctx, size_t from, const std::string& date) {
  const Lexicon& lex = ctx.lex();
  std::vector<std::pair<std::string, int>> votes;
  for (size_t i = from; i < ctx.size(); ++i) {
    if (ctx.heading(i).role != Role::kDecision) continue;
    std::string_view t = ctx.text(i);
    if (!HasDigit(t) || !AtMostWords(t, 16)) continue;
    auto d = FindDate(lex, t);
    if (!d || d->iso != date) continue;
    // The words before the date; the longest run of them that names a
    // body (a genitive "-s" taken off) is the body.
    std::vector<std::string_view> words;
    for (std::string_view rest = t.substr(0, d->start);;) {
      rest = Trim(rest);
      if (rest.empty()) break;
      size_t sp = rest.find(' ');
      words.push_back(TrimRight(rest.substr(0, sp), ","));
      if (sp == std::string_view::npos) break;
      rest = rest.substr(sp);
    }
    std::optional<std::string> best;
    for (size_t a = 0; a < words.size() && !best; ++a) {
      // "Beslutning Teknik- og Miljøudvalget": the heading's own word is
      // not part of the name.
      if (lex.headings().IsRoleLine(words[a], Role::kDecision)) continue;
      for (size_t b = std::min(words.size(), a + 6); b > a && !best; --b) {
        const char* first = words[a].data();
        std::string_view run(first, static_cast<size_t>(words[b - 1].data() + words[b - 1].size() - first));
        if (lex.header().IsBodyName(run)) {
          best = Collapse(run);
        } else if (run.size() > 1 && run.back() == 's' && lex.header().IsBodyName(run.substr(0, run.size() - 1))) {
          best = Collapse(run.substr(0, run.size() - 1));
        }
      }
    }
    if (!best) continue;
    auto it = std::find_if(votes.begin(), votes.end(), [&](const auto& v) { return v.first == *best; });
    if (it == votes.end()) {
      votes.emplace_back(*best, 1);
    } else {
      ++it->second;
    }
  }
  if (votes.empty()) return std::nullopt;
  // The first named wins a tie: deterministic, and the document's order.
  auto top = std::max_element(votes.begin(), votes.end(),
                              [](const auto& x, const auto& y) { return x.second < y.second; });
  return top->first;
}

namespace {

// The header's reading, one block at a time, in three parts: labelled
// fields ("Tid: …", "Sted: …"), the lines that name the meeting's council,
// municipality and body, and a cover page's unlabelled date, time and place
// lines. Merge() then prefers what labels said over what cover lines said.
class HeaderReader {
 public:
  HeaderReader(const Context& ctx, size_t end) : ctx_(ctx), lex_(ctx.lex()), end_(end) {}

  // Reads block *i; may use the blocks after it (a value on the next lines,
  // an address), then sets *i to the last block used.
  void Read(size_t* i) {
    std::string_view t = ctx_.text(*i);
    // Exact up to 25, the largest limit it is compared with below.
    if (size_t prefix_end = 0; t.size() > 24) {
      const auto fields = InlineLabels(ctx_, *i, &prefix_end);
      if (!fields.empty()) {
        // The title before the first label ("ÅBEN DAGSORDEN ØKONOMIUDVALG
        // Mødedato: …") names the body.
        std::string_view title = Trim(ctx_.doc().Slice(ctx_.block(*i).start, prefix_end));
        if (!title.empty()) Names(*i, title, CountWordsUpTo(title, 25));
        for (const auto& f : fields) {
          LabelHit lh;
          lh.field = f.field;
          const std::pair<size_t, size_t> value(f.start, f.end);
          Label(lh, i, &value);
        }
        return;
      }
    }
    const int words = CountWordsUpTo(t, 25);
    LabelHit lh = lex_.attendance().MatchLabel(t, words <= 25);
    if (lh.field != Field::kNone) {
      Label(lh, i);
      return;
    }
    if (words > 16 && words <= kTitleLineWords && LongTitleLine(t)) {
      Names(*i, t, words);
      CoverLine(i, t, words);
      return;
    }
    if (words > 16) {
      // "Sogneraadsmøde d. 22/4 -1927. I Anledning af …" (Herlufsholm
      // Sogneraad 1918-1936, online.flippingbook.com): a protocol's entry
      // opens its first paragraph with the meeting's title; that sentence
      // is read as the title line.
      // Or the entry's one sentence ends with the lead-in to the numbered
      // matters under it ("1869. den 25de April afholdt Fodby Sogneraad et
      // Extramøde i Fodby Skole, hvor nedentegnede Medlemmer vare tilstede og
      // følgende forhandledes" / "1. Siden sidste Møde …": Fodby Sogneraad,
      // online.flippingbook.com/view/672556612/950-951): its opening date is
      // the meeting's.
      if (*i == FirstTextBlock() && *i + 1 < ctx_.size() && AfterMattersLeadWords(ctx_, *i + 1)) {
        entry_before_matters_ = true;
        CoverLine(i, t, words);
        entry_before_matters_ = false;
        return;
      }
      if (*i != FirstTextBlock() || lex_.header().BodyOfMeetingTitle(t).empty()) return;
      const long k = ctx_.seg().SentenceAt(ctx_.block(*i).start);
      if (k < 0) return;
      const Sentence& sen = ctx_.seg().sentences[static_cast<size_t>(k)];
      t = Trim(ctx_.doc().Slice(sen.start, std::min(sen.end, ctx_.block(*i).end)));
      if (!AtMostWords(t, 12)) return;
      Names(*i, t, CountWordsUpTo(t, 25));
      CoverLine(i, t, CountWordsUpTo(t, 25));
      return;
    }
    if (!r_.meeting.body && words <= 6 && ColumnHeaderBody(i)) return;
    // A names line may hold the date too ("Økonomiudvalget – Referat – 1.
    // oktober 2018").
    if (Names(*i, t, words) && !HasDigit(t)) return;
    CoverLine(i, t, words);
  }

  // A letter's dateline: a place of one or two capitalised words, a comma,
  // at most one word, the date, and nothing after it ("Viborg, den 15.
  // november 2007").
  static bool IsDateline(std::string_view t, const DateHit& d) {
    if (!Trim(TrimRight(t.substr(std::min(d.end, t.size())), ".")).empty()) return false;
    std::string_view before = Trim(t.substr(0, d.start));
    const size_t comma = before.find(',');
    if (comma == std::string_view::npos || comma == 0) return false;
    std::string_view place = before.substr(0, comma), lead = Trim(before.substr(comma + 1));
    return StartsUpper(place) && AtMostWords(place, 2) && !HasDigit(place) && AtMostWords(lead, 1) &&
           lead.find(',') == std::string_view::npos;
  }

  // A title line longer than most that names body, date, time and a full
  // address ("Referat af mødet i Regionsrådet 14. november 2007 kl. 14:00 i
  // Regionsrådssalen, Regionshuset Viborg, Skottenborg 26, 8800 Viborg",
  // Region Midtjylland): it opens with the document's type, or goes on in
  // lower case under the type's line ("Referat" / "af mødet i …"); it has a
  // digit and does not end a sentence.
  bool LongTitleLine(std::string_view t) const {
    t = Trim(t);
    if (EndsSentence(t) || !HasDigit(t)) return false;
    if (StartsLower(t)) return r_.meeting.document_type.has_value();
    return !lex_.header().DocumentType(t.substr(0, t.find(' '))).empty();
  }

  // The first block with text.
  size_t FirstTextBlock() const {
    for (size_t j = 0; j < ctx_.size(); ++j)
      if (!Trim(ctx_.text(j)).empty()) return j;
    return SIZE_MAX;
  }

  HeaderResult Merge() {
    Meeting& m = r_.meeting;
    if (!m.council && caps_council_) {
      m.council = caps_council_;
      if (!m.municipality) m.municipality = caps_town_;
    }
    m.date = label_date_ ? label_date_ : line_date_;
    // Times belong with the date they were read with; a labelled date without
    // a time takes the cover line's time.
    m.start_time = label_start_ ? label_start_ : line_start_;
    m.end_time = label_end_ ? label_end_ : line_end_;
    m.location = label_location_ ? label_location_ : line_location_;
    if (!m.body && council_alone_) m.body = m.council ? *m.council : *council_alone_;
    if (!m.body && council_titled_ && m.council) m.body = *m.council;
    if (m.body) m.body = WithoutElectionPeriod(std::move(*m.body));
    if (!span_.empty()) m.span = ctx_.MakeSpan(span_.start, span_.end);
    // A labelled date and place ("Mødedato: 12.12.2019, kl. 17:30" /
    // "Mødested: Borgerrepræsentationens mødesal": Copenhagen's item pages)
    // head a meeting too.
    // So do a date or a place over a list of those present ("31. maj 2022"
    // / "Deltagere:" and a name a line: Thisted's minutes pages;
    // "Mødedeltagere" / "Møde lokation": Randers's NemAgenda pages).
    r_.labelled = label_date_ && label_location_ && (label_start_ || present_list_);
    r_.found = ((m.document_type || m.body || m.council) && m.date) || (m.document_type && m.body) ||
               (label_date_ && label_location_) || (present_list_ && (m.date || label_location_));
    return std::move(r_);
  }

 private:
  // A labelled field: date, start, end and location are the header's;
  // attendance fields are read by ExtractAttendance.
  // `given`: the value's byte range when the line holds more labels than
  // one (InlineLabels).
  void Label(const LabelHit& lh, size_t* i, const std::pair<size_t, size_t>* given = nullptr) {
    size_t last = *i;
    std::vector<std::pair<size_t, size_t>> ranges;
    if (!given)
      ranges = LabelValue(ctx_, *i, lh, end_, false, &last);
    else if (given->second > given->first)
      ranges.push_back(*given);
    std::string value;
    if (!ranges.empty()) value = Collapse(ctx_.doc().Slice(ranges[0].first, ranges.back().second));
    switch (lh.field) {
      case Field::kDate: {
        if (auto d = FindDate(lex_, value)) {
          if (!label_date_) {
            label_date_ = d->iso;
            label_date_line_ = last;
          }
        }
        if (auto tm = FindTime(lex_, value, true)) {
          if (!label_start_) label_start_ = tm->start_time;
          if (tm->end_time && !label_end_) label_end_ = tm->end_time;
        } else if (auto h = HourAlone(lex_, value); h && !label_start_) {
          label_start_ = h;
        }
        break;
      }
      case Field::kStart:
        if (auto tm = FindTime(lex_, value, true)) {
          if (!label_start_) label_start_ = tm->start_time;
          if (tm->end_time && !label_end_) label_end_ = tm->end_time;
          // "Mødet startede kl. 20:00 og sluttede kl. 21:30.": a second
          // time joined by "og" is the end.
          std::string_view rest = std::string_view(value).substr(std::min(tm->end, value.size()));
          for (const auto& w : lex_.words().and_.entries()) {
            std::string_view r = Trim(rest);
            if (!tm->end_time && !label_end_ && lang::ConsumeLeadingWord(&r, w))
              if (auto t2 = FindTime(lex_, r, true)) label_end_ = t2->start_time;
          }
        } else if (auto h = HourAlone(lex_, value); h && !label_start_) {
          label_start_ = h;
        }
        // "STARTTIDSPUNKT / 04-06-2020 09:00:00" (Holbæk): the date too.
        if (auto d = FindDate(lex_, value); d && !label_date_) label_date_ = d->iso;
        break;
      case Field::kEnd:
        if (auto tm = FindTime(lex_, value, true)) {
          if (!label_end_) label_end_ = tm->start_time;
        }
        break;
      case Field::kLocation: {
        // "Mødelokale SL 1, Slangerup kl. 16.00" (Frederikssund's minutes
        // pages): a room word with no colon or tab after it is part of the
        // place when a code or number names the room, and a clock time
        // ending the line is the start time. Before a room's own name it is
        // the label ("Mødelokale Udvalgsværelse D", Gentofte's Økonomiudvalg
        // 10. juni 2013).
        std::string_view line = ctx_.text(*i);
        const std::string_view first = std::string_view(value).substr(0, value.find_first_of(" ,"));
        if (!given && !value.empty() && (IsAllCaps(first) || HasDigit(first)) && lh.label_end < lh.value_start &&
            lh.value_start <= line.size() &&
            line.substr(lh.label_end, lh.value_start - lh.label_end).find_first_not_of(' ') ==
                std::string_view::npos &&
            lex_.words().room.ContainsFolded(FoldCase(Trim(line.substr(0, lh.label_end)))) && last == *i)
          value = Collapse(line);
        if (auto tm = FindTime(lex_, value, false);
            tm && tm->start > 0 && Trim(std::string_view(value).substr(std::min(tm->end, value.size()))).empty()) {
          if (!label_start_) label_start_ = tm->start_time;
          if (tm->end_time && !label_end_) label_end_ = tm->end_time;
          value = std::string(TrimRight(Trim(std::string_view(value).substr(0, tm->start)), ","));
        }
        if (!value.empty() && !label_location_) label_location_ = value;
        break;
      }
      case Field::kBody: {
        // "Kommunalbestyrelsen 2022-2025" (Hedensted), "Byrådet
        // (2013-2017)" (Viborg): the body's election period is no part of
        // its name.
        std::string_view v = value;
        const size_t sp = v.rfind(' ');
        if (sp != std::string_view::npos) {
          std::string_view last = TrimBoth(v.substr(sp + 1), "()");
          if (RE2::FullMatch(last, lex_.header().years())) v = Trim(v.substr(0, sp));
        }
        // "Udvalg: Herning Byråd": a council named with its town.
        re2::StringPiece town, word;
        if (!r_.meeting.body && lex_.header().FindCouncil(v, &town, &word) && town.data() == v.data() &&
            word.data() + word.size() == v.data() + v.size()) {
          if (auto muni = lex_.header().MunicipalityOf(std::string_view(town.data(), town.size()))) {
            r_.meeting.body = std::string(v);
            if (!r_.meeting.council) r_.meeting.council = std::string(v);
            if (!r_.meeting.municipality) r_.meeting.municipality = *muni;
          }
        }
        if (!r_.meeting.body && (lex_.header().IsBodyName(v) || lex_.header().IsCouncilAlone(v, &town)))
          r_.meeting.body = std::string(v);
        // "Udvalg: Udvikling af Albertslund Midtby (§17, stk.4)"
        // (Albertslund's minutes pages 2016-2021): the label says the value
        // is the body though its name has no body's word; a capitalised
        // name of at most eight words, its note in parentheses taken off.
        if (!r_.meeting.body && StartsUpper(v) && AtMostWords(v, 8) && v.find(':') == std::string_view::npos) {
          std::string_view name = v;
          if (name.back() == ')')
            if (const size_t open = name.rfind(" ("); open != std::string_view::npos) name = Trim(name.substr(0, open));
          if (!name.empty() && !HasDigit(name) && name.find('(') == std::string_view::npos)
            r_.meeting.body = std::string(name);
        }
        break;
      }
      case Field::kPresent:
      case Field::kMembers:
        present_list_ = present_list_ || !ranges.empty();
        break;
      default:
        break;
    }
    if (lh.field == Field::kDate || lh.field == Field::kStart || lh.field == Field::kEnd ||
        lh.field == Field::kLocation || lh.field == Field::kBody) {
      span_.Add(ctx_.block(*i).start, ctx_.block(last).end);
      *i = last;
    }
  }

  // "Titel Udvalg Funktioner" / "Byrådet Byrådet Vis medlemmer Rss-feed
  // til udvalget Udskriv" (Randers's NemAgenda pages 2013-2014): a row of
  // capitalised column labels, one of them the body's (attendance_labels.txt
  // `body`), over the row of their values: the first and shortest run of
  // at most six words of the values that names a body is the body (the
  // title's column before it often repeats the body).
  bool ColumnHeaderBody(size_t* i) {
    std::string_view t = ctx_.text(*i), head = t, values;
    size_t next = *i;
    if (const size_t nl = t.find('\n'); nl != std::string_view::npos) {
      head = t.substr(0, nl);
      values = t.substr(nl + 1);
    } else if (*i + 1 < end_ && !ctx_.IsTableRow(*i + 1)) {
      next = *i + 1;
      values = ctx_.text(next);
    } else {
      return false;
    }
    // Most lines fail here, before any word is looked up: two words or
    // more, each capitalised, no colon or dot.
    if (head.find(' ') == std::string_view::npos || head.find(':') != std::string_view::npos ||
        head.find('.') != std::string_view::npos)
      return false;
    std::vector<std::string_view> labels;
    for (size_t a = 0; a < head.size();) {
      size_t z = head.find(' ', a);
      if (z == std::string_view::npos) z = head.size();
      if (z > a) {
        if (!StartsUpper(head.substr(a, z - a))) return false;
        labels.push_back(head.substr(a, z - a));
      }
      a = z + 1;
    }
    if (labels.size() < 2) return false;
    bool body_label = false;
    for (auto w : labels) {
      const LabelHit h = lex_.attendance().MatchLabel(w, false);
      body_label = body_label || (h.field == Field::kBody && h.label_end == w.size());
    }
    if (!body_label) return false;
    values = values.substr(0, values.find('\n'));
    std::vector<std::string_view> vw;
    for (size_t a = 0; a < values.size() && vw.size() < 12;) {
      size_t z = values.find(' ', a);
      if (z == std::string_view::npos) z = values.size();
      if (z > a) vw.push_back(values.substr(a, z - a));
      a = z + 1;
    }
    for (size_t a = 0; a < vw.size(); ++a)
      for (size_t b = a + 1; b <= std::min(vw.size(), a + 6); ++b) {
        std::string_view run(vw[a].data(), static_cast<size_t>(vw[b - 1].data() + vw[b - 1].size() - vw[a].data()));
        if (!lex_.header().IsBodyName(run)) continue;
        r_.meeting.body = std::string(run);
        span_.Add(ctx_.block(*i).start, ctx_.block(next).end);
        *i = next;
        return true;
      }
    return false;
  }

  // The document type (read from any short line), then the lines naming
  // the council, municipality or body. True when the line was one of those
  // names (nothing more to read from it).
  bool Names(size_t i, std::string_view t, int words) {
    // "Byrådet - Referat", "Referat – Økonomiudvalget": a published page's
    // title line names the document type and the body, joined by a dash.
    if (words <= 12) {
      for (std::string_view dash : {std::string_view(" - "), std::string_view(" \xE2\x80\x93 ")}) {
        size_t at = t.find(dash);
        if (at == std::string_view::npos) continue;
        std::string_view left = Trim(t.substr(0, at)), right = Trim(t.substr(at + dash.size()));
        if (left.empty() || right.empty()) break;
        const bool type_left = AtMostWords(left, 5) && !lex_.header().DocumentType(left).empty();
        const bool type_right = AtMostWords(right, 5) && !lex_.header().DocumentType(right).empty();
        if (type_left == type_right) break;
        std::string_view type = type_left ? left : right, name = type_left ? right : left;
        // "22. januar 2024 - referat fra byrådet" (Aalborg): the date on one
        // side; the cover line's reading takes it.
        if (auto d = FindDate(lex_, name); d && d->start == 0 && d->end >= name.size()) {
          NameLine(i, type, CountWordsUpTo(type, 9));
          return false;
        }
        const int name_words = CountWordsUpTo(name, 9);
        if (!NameLine(i, name, name_words)) break;
        NameLine(i, type, CountWordsUpTo(type, 9));
        return true;
      }
    }
    return NameLine(i, t, words);
  }

  bool NameLine(size_t i, std::string_view t, int words) {
    Meeting& m = r_.meeting;
    const Block& b = ctx_.block(i);
    if (!m.document_type && words <= kTitleLineWords) {
      std::string type = lex_.header().DocumentType(t);
      // "Lindknud Sogneraads Protokol d. 5. Jan. 1921", "Økonomiudvalgets
      // referat": the type after the council's or body's genitive.
      std::string_view rest = Trim(t);
      for (int w = 0; type.empty() && words <= 10 && StartsUpper(rest) && w < 3; ++w) {
        size_t sp = rest.find(' ');
        if (sp == std::string_view::npos) break;
        const bool genitive = sp > 1 && rest[sp - 1] == 's';
        rest = Trim(rest.substr(sp));
        if (genitive) type = lex_.header().DocumentType(rest);
      }
      if (!type.empty()) {
        m.document_type = type;
        span_.Add(b.start, b.end);
      }
    }
    // "Bestyrelsesmøde den 6 / 2 1984": the meeting's compound names the body.
    if (!m.body && words <= 12) {
      std::string body = lex_.header().BodyOfMeetingTitle(t);
      if (!body.empty()) {
        m.body = std::move(body);
        span_.Add(b.start, b.end);
      }
    }
    if (words <= 8) {
      re2::StringPiece town, word;
      if (lex_.header().FindCouncil(t, &town, &word)) {
        std::string_view tv(town.data(), town.size());
        auto muni = lex_.header().MunicipalityOf(tv);
        // "Referat Aarhus Byråd 14-08-2019" (Aarhus's minutes pages): the
        // pattern's two capitalised words may be a word and the town.
        if (!muni && tv.find_first_of(" -") != std::string_view::npos) {
          std::string_view last = tv.substr(tv.find_first_of(" -") + 1);
          if ((muni = lex_.header().MunicipalityOf(last))) tv = last;
        }
        if (muni) {
          std::string council = std::string(tv) + " " + std::string(word.data(), word.size());
          if (IsAllCaps(council)) {
            if (!caps_council_) {
              caps_council_ = council;
              caps_town_ = *muni;
            }
          } else if (!m.council) {
            m.council = council;
            if (!m.municipality) m.municipality = *muni;
            // "Referat Aarhus Byråd 14-08-2019": the council named in the
            // document's title line is the body that met, unless a
            // committee is named.
            // So is a council on a line of its own ("Odense Byråd" over
            // "Referat") or after "mødet i" ("Referat / til / mødet i
            // Odense Byråd": Odense's SBSYS minutes).
            std::string_view before = Trim(t.substr(0, static_cast<size_t>(tv.data() - t.data())));
            std::string_view after = Trim(t.substr(static_cast<size_t>(word.data() + word.size() - t.data())));
            bool meeting_in = false;
            for (const auto& w : lex_.words().meeting_in.entries())
              meeting_in = meeting_in || (w.find(' ') != std::string::npos && FoldCase(before) == FoldCase(w));
            council_titled_ = !lex_.header().DocumentType(t).empty() ||
                              ((before.empty() || meeting_in) && after.empty());
          }
          span_.Add(b.start, b.end);
          return true;
        }
      }
      if (lex_.header().MayHaveMunicipalityPhrase(t) && RE2::FullMatch(Trim(t), lex_.header().municipality_phrase())) {
        re2::StringPiece tw;
        RE2::PartialMatch(t, lex_.header().municipality_phrase(), &tw);
        if (auto muni = lex_.header().MunicipalityOf(std::string_view(tw.data(), tw.size()))) {
          if (!m.municipality) m.municipality = *muni;
          span_.Add(b.start, b.end);
          return true;
        }
      }
      re2::StringPiece ctown;
      if (lex_.header().IsCouncilAlone(Trim(t), &ctown)) {
        if (!council_alone_) council_alone_ = std::string(Trim(t));
        if (!ctown.empty()) {
          if (auto muni = lex_.header().MunicipalityOf(std::string_view(ctown.data(), ctown.size())))
            if (!m.municipality) m.municipality = *muni;
        }
        span_.Add(b.start, b.end);
        return true;
      }
    }
    if (!m.body && words <= 14 && lex_.header().IsBodyName(t) && lex_.header().DocumentType(t).empty()) {
      m.body = Collapse(t);
      span_.Add(b.start, b.end);
      return true;
    }
    // "mødet i Udvalg for regional udvikling" (Region Midtjylland's cover);
    // "Referat fra møde i Byrådet", "Dagsorden til møde i
    // Kommunalbestyrelsen" (Gentofte): the type and a word before it.
    if (!m.body && words <= 10) {
      for (const auto& w : lex_.words().meeting_in.entries()) {
        std::string_view rest = Trim(t);
        // A single word ("fra", "til") only after the type.
        if (w.find(' ') == std::string::npos || !lang::ConsumeLeadingWord(&rest, w, true)) {
          // Only after the type, and only where the phrase's last word
          // stands ("møde i": " i ") — most lines are spared the folding.
          const size_t last_sp = w.rfind(' ');
          const std::string last_word = last_sp == std::string::npos ? w : w.substr(last_sp + 1);
          if (!m.document_type || rest.find(" " + last_word + " ") == std::string_view::npos) continue;
          const std::string needle = " " + w + " ";
          const std::string folded = FoldCase(rest);
          const size_t at = folded.size() == rest.size() ? folded.find(FoldCase(needle)) : std::string::npos;
          if (at == std::string::npos || !m.document_type ||
              lex_.header().DocumentType(rest.substr(0, at)).empty() || !AtMostWords(rest.substr(0, at), 3))
            continue;
          rest = rest.substr(at + needle.size());
        }
        rest = Trim(rest);
        // "Referat fra mødet i Kultur- og Idrætsudvalget (Indeholder åbne
        // dagsordenspunkter)" (Fredericia, docplayer.dk/1502216): a note in
        // parentheses after the body is no part of its name.
        if (!rest.empty() && rest.back() == ')')
          if (const size_t open = rest.rfind(" ("); open != std::string_view::npos) rest = Trim(rest.substr(0, open));
        if (lex_.header().IsBodyName(rest) && lex_.header().DocumentType(rest).empty()) {
          m.body = Collapse(rest);
          span_.Add(b.start, b.end);
          return true;
        }
      }
    }
    // "Økonomiudvalgets møde", "Byrådets ekstraordinære møde".
    if (!m.body && words <= 5) {
      re2::StringPiece name;
      if (EndsInMeetingWord(lex_, Trim(t)) && RE2::FullMatch(Trim(t), lex_.header().bodys_meeting(), &name) &&
          lex_.header().IsBodyName(std::string_view(name.data(), name.size()))) {
        m.body = std::string(name.data(), name.size());
        span_.Add(b.start, b.end);
        return true;
      }
    }
    return false;
  }

  // A cover page's unlabelled lines: the date line, a time on the line
  // after it, and the place on the short lines right after the date line.
  // Cover lines are often set large, so readers mark them as headings.
  void CoverLine(size_t* i, std::string_view t, int words) {
    const Block& b = ctx_.block(*i);
    const HeadingHit& h = ctx_.heading(*i);
    // "Referat: 27. oktober 2025 kl. 08:00" (FirstAgenda's public minutes
    // pages, Ringkøbing-Skjern Kommune): the type as a heading with the
    // meeting's date after its colon is the title line, not a decision.
    const bool typed_date = h.role == Role::kDecision && h.text_start < t.size() &&
                            !lex_.header().DocumentType(t.substr(0, h.heading_end)).empty() &&
                            DateOpens(lex_, t.substr(h.text_start));
    const bool plain = h.role == Role::kNone || h.markup || typed_date;
    if (!plain) return;
    // "Referat til mødet i Kommunalbestyrelsen 2022-25 den 3. oktober 2022
    // kl. 19:00 i Kommunalbestyrelsens mødesal" (Frederiksberg's minutes
    // pages 2020-2022): a title line opening with the document's type names
    // body, date, time and place in one longer line.
    const bool title_shape = r_.meeting.document_type && words <= kTitleLineWords &&
                             (!lex_.header().DocumentType(t.substr(0, t.find(' '))).empty() ||
                              (words > 14 && LongTitleLine(t)));
    // "Viborg, den 15. november 2007" over "Referat af mødet i Regionsrådet
    // 14. november 2007 kl. 14:00 i …" (Region Midtjylland 2007): the
    // dateline's date is the day the minutes were written; the title line's
    // is the meeting's.
    if (title_shape && line_date_ && dateline_) {
      if (auto td = FindDate(lex_, t); td && td->iso != *line_date_) {
        line_date_.reset();
        line_start_.reset();
        line_end_.reset();
        line_location_.reset();
        date_line_ = SIZE_MAX;
        dateline_ = false;
      }
    }
    const bool title_line = !line_date_ && title_shape;
    if (words > 14 && !title_line) {
      // A protocol's entry line may go on after its first sentence ("Aar
      // 1919 d. 13. August holdt Sogneraadet ordinært Møde i Lindknud Kro.
      // Alle vare mødte."): that sentence is read when it opens with the
      // year-first date.
      auto d = FindDate(lex_, t);
      if (!d || d->start > 4 || line_date_) return;
      for (size_t p = t.find(". ", d->end); p != std::string_view::npos; p = t.find(". ", p + 1)) {
        if (p + 2 < t.size() && StartsUpper(t.substr(p + 2))) {
          t = t.substr(0, p + 1);
          break;
        }
      }
      words = CountWordsUpTo(t, 15);
      if (words > 14 && !entry_before_matters_) return;
    }
    auto d = FindDate(lex_, t);
    // "Forhandlingsprotokol for Lindknud Kommune fra 1. August 1919": the
    // first day of a protocol book, not a meeting's ("Referat fra 12.
    // marts" has the type right before "fra").
    if (d) {
      for (const auto& w : lex_.words().period_from.entries()) {
        const std::string lead = w + " ";
        if (d->start >= lead.size() && t.substr(d->start - lead.size(), lead.size()) == lead &&
            !AtMostWords(t.substr(0, d->start - lead.size()), 1)) {
          d.reset();
          break;
        }
      }
    }
    // The same date again on a line naming the body ("22. januar 2024 -
    // referat fra byrådet" / "Byrådet 22. januar 2024": Aalborg).
    if (d && line_date_ && *line_date_ == d->iso && !r_.meeting.body && !council_alone_) {
      BodyBeforeDate(t.substr(0, d->start));
      // The protocol's entry under its dated title ("Lindknud Sogneraads
      // Protokol 9/2 1921" / "Aar 1921 d. 9/2 holdt Sogneraadet Møde …").
      if (!r_.meeting.body && !council_alone_) ProtocolEntry(t.substr(std::min(d->end, t.size())));
      if (r_.meeting.body || council_alone_) span_.Add(b.start, b.end);
      return;
    }
    if (d && !line_date_) {
      line_date_ = d->iso;
      dateline_ = IsDateline(t, *d);
      if (!r_.meeting.body) BodyBeforeDate(t.substr(0, d->start));
      ProtocolEntry(t.substr(std::min(d->end, t.size())));
      if (auto tm = FindTime(lex_, t, false)) {
        line_start_ = tm->start_time;
        line_end_ = tm->end_time;
        PlaceAfterTime(t.substr(std::min(tm->end, t.size())));
      } else if (auto bare = FindTime(lex_, t, true);
                 bare && bare->start >= d->end && Trim(t.substr(d->end, bare->start - d->end)).empty() &&
                 Trim(t.substr(std::min(bare->end, t.size()))).empty()) {
        // "08-03-2021 16:00" (Region Sjælland's minutes pages, Regionsrådet
        // 8.3.2021): a time without "kl." right after the date, ending the
        // line.
        line_start_ = bare->start_time;
        line_end_ = bare->end_time;
      }
      date_line_ = *i;
      span_.Add(b.start, b.end);
      return;
    }
    // "Kl. 19,30" on a line of its own under a labelled date, with at most
    // another label between ("Mødedato: 12. marts 1938" / "Mødested: …").
    if (!d && label_date_ && !label_start_ && label_date_line_ != SIZE_MAX && *i <= label_date_line_ + 3 &&
        words <= 3) {
      if (auto tm = FindTime(lex_, t, false)) {
        label_start_ = tm->start_time;
        if (tm->end_time && !label_end_) label_end_ = tm->end_time;
        span_.Add(b.start, b.end);
        return;
      }
    }
    // "Kl. 17:00" / "Kl. 20:45" on lines of their own under the date
    // (Helsingør's minutes 2015: the values of "Mødedato:", "Mødetidspunkt:",
    // "Sluttidspunkt:", "Mødested:" in a column after their labels): the
    // second time is the end.
    if (!d && line_date_ && line_start_ && !line_end_ && date_line_ != SIZE_MAX && *i == date_line_ + 1 &&
        words <= 3) {
      if (auto tm = FindTime(lex_, t, false); tm && !tm->end_time) {
        line_end_ = tm->start_time;
        date_line_ = *i;
        span_.Add(b.start, b.end);
        return;
      }
    }
    // "Kl. 10:30" on its own line after the date ("Torsdag kl. 8:00
    // Mødelokale D2": with the place after it).
    if (!d && line_date_ && !line_start_ && date_line_ != SIZE_MAX && *i <= date_line_ + 2 && words <= 6) {
      if (auto tm = FindTime(lex_, t, false)) {
        line_start_ = tm->start_time;
        line_end_ = tm->end_time;
        PlaceAfterTime(t.substr(std::min(tm->end, t.size())));
        date_line_ = *i;
        span_.Add(b.start, b.end);
        return;
      }
    }
    std::string number;
    size_t title_at = 0;
    if (!d && date_line_ != SIZE_MAX && *i == date_line_ + 1 && !line_location_ &&
        lex_.header().DocumentType(t).empty() && !EndsSentence(t) && words <= 10 &&
        !lex_.items().MatchNumberedLine(t, true, &number, &title_at))  // an agenda's first line
      Place(i);
  }

  // A protocol's entry after its date: "… holdt Sogneraadet ordinært Møde
  // i Lindknud Kro." (Lindknud Sogneraads Protokol 1919-1921): the body or
  // council named before the meeting word, the place after it.
  void ProtocolEntry(std::string_view rest) {
    // The meeting word (function_words.txt `meeting`, its last word: "møde").
    size_t at = std::string_view::npos, wlen = 0;
    for (const auto& e : lex_.words().meeting.entries()) {
      std::string_view w = e;
      if (size_t sp = w.rfind(' '); sp != std::string_view::npos) w.remove_prefix(sp + 1);
      // As written or capitalised ("ordinært Møde i Lindknud Kro").
      for (const std::string& needle : {" " + std::string(w) + " ", " " + UpperFirst(std::string(w)) + " "}) {
        size_t p = rest.find(needle);
        if (p != std::string_view::npos && p < at) {
          at = p;
          wlen = needle.size();
        }
      }
    }
    if (at == std::string_view::npos) return;
    // The body: a word before the meeting word that names one.
    std::string_view before = rest.substr(0, at);
    for (size_t a = 0; a < before.size() && !r_.meeting.body && !council_alone_;) {
      size_t e = before.find(' ', a);
      if (e == std::string_view::npos) e = before.size();
      std::string_view w = TrimRight(before.substr(a, e - a), ",");
      re2::StringPiece ctown;
      if (!w.empty() && StartsUpper(w)) {
        if (lex_.header().IsCouncilAlone(w, &ctown)) council_alone_ = std::string(w);
        else if (lex_.header().IsBodyName(w)) r_.meeting.body = std::string(w);
      }
      a = e + 1;
    }
    // The place: after a place word, up to the sentence's end.
    std::string_view after = rest.substr(at + wlen - 1);
    for (const auto& w : lex_.words().place_lead.entries()) {
      std::string_view r = Trim(after);
      if (!lang::ConsumeLeadingWord(&r, w)) continue;
      r = Trim(r);
      size_t stop = r.find_first_of(".;");
      std::string_view place = TrimRight(Trim(r.substr(0, stop)), ",");
      if (!place.empty() && StartsUpper(place) && AtMostWords(place, 6) && !line_location_)
        line_location_ = std::string(place);
      return;
    }
  }

  // The place after a cover line's time: "… kl. 19.30 på Rådhuset",
  // "… kl. 8:00 Mødelokale D2" (a room word opens it).
  void PlaceAfterTime(std::string_view rest) {
    rest = Trim(rest);
    if (rest.empty() || line_location_) return;
    // "… kl. 15.00 i Borgmesterens kontor. Mødet slut kl. 17." (Frederikssund
    // Kommune's Økonomiudvalg 2012): the place ends with its sentence.
    // A short word before the dot is an abbreviation ("Gl. Rådhus").
    for (size_t p = rest.find(". "); p != std::string_view::npos; p = rest.find(". ", p + 2)) {
      std::string_view before = rest.substr(0, p);
      const size_t sp = before.rfind(' ');
      const std::string_view last = sp == std::string_view::npos ? before : before.substr(sp + 1);
      if (StartsUpper(rest.substr(p + 2)) && !AtMostWords(before, 1) && last.size() >= 4 &&
          !AtMostWords(rest.substr(p + 2), 1)) {
        rest = before;
        break;
      }
    }
    for (const auto& w : lex_.words().place_lead.entries()) {
      std::string_view r = rest;
      if (!lang::ConsumeLeadingWord(&r, w)) continue;
      r = TrimRight(Trim(r), ".,");
      // "i mødelokale 1, Rådhuset": a room word opens it in lower case too.
      const bool room = lex_.words().room.ContainsFolded(FoldCase(r.substr(0, r.find(' '))));
      if (!r.empty() && (AtMostWords(r, 6) || (AtMostWords(r, 12) && EndsInPostalTown(r))) &&
          (StartsUpper(r) || room))
        line_location_ = std::string(r);
      return;
    }
    // "Bestyrelsesmøde 29. januar 2016 kl. 10.00, Ved Fjorden 20
    // "Mødelokale 1"" (AffaldPlus, bestyrelsen 29.1.2016): after a comma, a
    // capitalised place of a few words, its house number too.
    if (rest[0] == ',') {
      std::string_view r = TrimRight(Trim(rest.substr(1)), ".,");
      if (StartsUpper(r) && AtMostWords(r, 6) && !EndsSentence(r) && !lex_.header().IsBodyName(r) &&
          lex_.header().DocumentType(r).empty() && lex_.attendance().MatchLabel(r, false).field == Field::kNone) {
        line_location_ = std::string(r);
        return;
      }
    }
    const std::string_view first = rest.substr(0, rest.find(' '));
    std::string_view r = TrimRight(rest, ".,");
    if (lex_.words().room.ContainsFolded(FoldCase(first)) && AtMostWords(r, 6)) {
      line_location_ = std::string(r);
      return;
    }
    // "Beslutningsprotokol 24. september 2007 - kl. 17:00 Byrådssalen,
    // Silkeborg Rådhus" (Silkeborg's protocols): a capitalised place of a
    // few words ending the cover line, when it names no body or type.
    if (StartsUpper(r) && AtMostWords(r, 6) && !EndsSentence(rest) && !HasDigit(r) &&
        !lex_.header().IsBodyName(r) && lex_.header().DocumentType(r).empty() &&
        lex_.attendance().MatchLabel(r, false).field == Field::kNone)
      line_location_ = std::string(r);
  }

  // "Teknik- og Bygningsudvalget tirsdag den 13. august 2024 kl. 16.30"
  // (Ishøj's minutes): the body, then at most three words (a weekday,
  // "den") before the date.
  void BodyBeforeDate(std::string_view before) {
    // "af mødet i Regionsrådet 14. november 2007": the body after "mødet i".
    for (const auto& w : lex_.words().meeting_in.entries()) {
      if (w.find(' ') == std::string::npos) continue;  // "fra", "til": NameLine's, after the type
      const std::string needle = w + " ";
      size_t at = before.find(needle);
      if (at != std::string_view::npos && (at == 0 || before[at - 1] == ' ') && AtMostWords(before.substr(0, at), 2)) {
        before = before.substr(at + needle.size());
        break;
      }
    }
    // "Referat byrådet 31. oktober 2018" (Hillerød's minutes pages): the
    // document type before the body is no part of its name.
    bool typed = false;
    if (const size_t sp = before.find(' ');
        sp != std::string_view::npos && !lex_.header().DocumentType(before.substr(0, sp)).empty()) {
      before = Trim(before.substr(sp));
      typed = true;
      // "Referat fra Økonomiudvalgets møde den …": a lower-case word
      // between the type and a capitalised body is no part of it.
      if (const size_t sp2 = before.find(' ');
          sp2 != std::string_view::npos && StartsLower(before) && StartsUpper(Trim(before.substr(sp2))))
        before = Trim(before.substr(sp2));
    }
    std::vector<size_t> ends;  // the end of each word
    for (size_t k = 0; k <= before.size(); ++k)
      if ((k == before.size() || before[k] == ' ') && k > 0 && before[k - 1] != ' ') ends.push_back(k);
    for (size_t n = ends.size(); n > 0 && ends.size() - n <= 3; --n) {
      std::string_view run = TrimRight(before.substr(0, ends[n - 1]), ",");
      if (lex_.header().IsBodyName(run)) {
        r_.meeting.body = typed ? UpperFirst(Collapse(run)) : Collapse(run);
        return;
      }
      // "Byrådet 22. januar 2024" (Aalborg's minutes pages): the council.
      re2::StringPiece ctown;
      if (!council_alone_ && lex_.header().IsCouncilAlone(run, &ctown)) {
        council_alone_ = typed ? UpperFirst(run) : std::string(run);
        return;
      }
      // "Økonomiudvalgets møde den 21. januar 2026" (Frederikssund's
      // minutes pages): the body's genitive and a meeting word.
      re2::StringPiece name;
      if (EndsInMeetingWord(lex_, run) && RE2::FullMatch(run, lex_.header().bodys_meeting(), &name) &&
          lex_.header().IsBodyName(std::string_view(name.data(), name.size()))) {
        r_.meeting.body = std::string(name.data(), name.size());
        return;
      }
    }
  }

  // The place: the short lines from *i on, joined "a, b".
  void Place(size_t* i) {
    const Block& b = ctx_.block(*i);
    Joiner loc;
    size_t j = *i;
    for (; j < end_ && j < *i + 5; ++j) {
      std::string_view v = ctx_.text(j);
      // Address lines: no gap, or set like the first line (readers
      // that mark every line as a paragraph).
      const Block& bj = ctx_.block(j);
      bool same_style = bj.kind == b.kind && bj.font_size == b.font_size && bj.bold == b.bold;
      if (j > *i && ((bj.gap_before && !same_style) || !AtMostWords(v, 8))) break;
      if (lex_.attendance().MatchLabel(v, false).field != Field::kNone ||
          (ctx_.heading(j).role != Role::kNone && !ctx_.heading(j).markup) || FindDate(lex_, v) ||
          EndsSentence(v) || (!Trim(v).empty() && Trim(v).back() == ':'))  // "Følgende Sager behandledes:"
        break;
      if (lex_.words().navigation.ContainsFolded(FoldCase(Trim(v)))) break;  // "Tilbage" (Gribskov)
      // "i Kommunalbestyrelsens mødesal" / "Kommunalbestyrelsen - Referat"
      // (Frederiksberg's minutes pages 2015-2016): the page's title line
      // again, no part of the place.
      if (j > *i) {
        const size_t dash = v.find(" - ");
        if (dash != std::string_view::npos && !lex_.header().DocumentType(Trim(v.substr(dash + 3))).empty()) break;
      }
      if (!loc.empty()) loc.Add(",");
      // "i Herning Kommune, Torvet 5" under the date line: the place
      // without its preposition.
      if (loc.empty())
        for (const auto& w : lex_.words().in_.entries()) {
          std::string_view r = Trim(v);
          if (lang::ConsumeLeadingWord(&r, w) && StartsUpper(Trim(r))) {
            v = Trim(r);
            break;
          }
        }
      loc.Add(v);
    }
    if (loc.empty()) return;
    std::string s = loc.Take();
    // Joiner puts a space before the comma; join as "a, b".
    std::string fixed;
    for (size_t k = 0; k < s.size(); ++k) {
      if (s[k] == ' ' && k + 1 < s.size() && s[k + 1] == ',') continue;
      fixed.push_back(s[k]);
    }
    line_location_ = fixed;
    span_.Add(b.start, ctx_.block(j - 1).end);
    *i = j - 1;
  }

  const Context& ctx_;
  const Lexicon& lex_;
  const size_t end_;
  HeaderResult r_;
  SpanAcc span_;
  std::optional<std::string> label_date_, label_start_, label_end_, label_location_;
  bool present_list_ = false;  // a present or members label with names
  std::optional<std::string> line_date_, line_start_, line_end_, line_location_;
  // line_date_ came from a letter's dateline ("Viborg, den 15. november 2007").
  bool dateline_ = false;
  bool entry_before_matters_ = false;  // CoverLine reads a protocol entry longer than a title line
  std::optional<std::string> caps_council_, caps_town_;
  std::optional<std::string> council_alone_;
  bool council_titled_ = false;  // the council was named on the type's line
  size_t date_line_ = SIZE_MAX;
  size_t label_date_line_ = SIZE_MAX;  // the last line of the labelled date
};

}  // namespace

// The body without an election period at its end: "Økonomiudvalget
// 2018-2021" (Frederikshavn Kommune's minutes, 18-08-2021: the committee of
// one four-year council term) is Økonomiudvalget, as every other term's.
std::string WithoutElectionPeriod(std::string body) {
  // A name, then two years two to four apart joined by a dash or en dash.
  static const RE2 kTerm("(.*\\S)\\s+((?:19|20)\\d\\d)\\s*(?:-|\xE2\x80\x93)\\s*((?:19|20)\\d\\d)");
  std::string name;
  int from = 0, to = 0;
  if (!RE2::FullMatch(body, kTerm, &name, &from, &to) || to - from < 2 || to - from > 4) return body;
  return name;
}

HeaderResult ExtractHeader(const Context& ctx, size_t end, const Toc& toc) {
  end = std::min(end, ctx.size());
  HeaderReader reader(ctx, end);
  for (size_t i = 0; i < end; ++i) {
    if (InToc(toc, i) || (toc.begin == i && !toc.empty())) continue;
    reader.Read(&i);
  }
  return reader.Merge();
}

namespace {

std::optional<std::string> MunicipalityOfPlace(const Context& ctx, std::string_view loc) {
  for (size_t p = 0; p + 5 < loc.size(); ++p) {
    if (!(p == 0 || loc[p - 1] == ' ') || !std::isdigit(static_cast<unsigned char>(loc[p]))) continue;
    size_t q = p;
    while (q < loc.size() && std::isdigit(static_cast<unsigned char>(loc[q]))) ++q;
    if (q - p != 4 || q >= loc.size() || loc[q] != ' ') continue;
    std::string_view town = Trim(loc.substr(q + 1));
    town = Trim(town.substr(0, std::min(town.find(','), town.size())));
    return ctx.lex().header().MunicipalityOf(town);
  }
  // A town hall with the municipality's name before it, or after "i"
  // ("M 5 - Vejen Rådhus", "Rådhuset i Vejen").
  const Lexicon& lex = ctx.lex();
  std::vector<std::string_view> words;
  for (std::string_view rest = loc; !rest.empty();) {
    size_t sp = rest.find_first_of(" ,");
    std::string_view w = TrimRight(rest.substr(0, sp), ".:;");
    if (!w.empty()) words.push_back(w);
    if (sp == std::string_view::npos) break;
    rest.remove_prefix(sp + 1);
  }
  for (size_t k = 0; k < words.size(); ++k) {
    if (!lex.words().town_hall.ContainsFolded(FoldCase(words[k]))) continue;
    if (k > 0)
      if (auto muni = lex.header().MunicipalityOf(words[k - 1])) return muni;
    if (k + 2 < words.size() && lex.words().in_.Contains(words[k + 1]))
      if (auto muni = lex.header().MunicipalityOf(words[k + 2])) return muni;
  }
  // No postcode: a place that ends in a municipality's name ("Mødested:
  // Hvidovre", Hvidovre's Økonomiudvalg 21.1.2019; "Rådhuset, Asylgade 30,
  // Thisted").
  std::string_view last = loc;
  if (size_t comma = loc.rfind(','); comma != std::string_view::npos) last = loc.substr(comma + 1);
  return ctx.lex().header().MunicipalityOf(Trim(last));
}

std::optional<std::string> MunicipalityNamedMost(const Context& ctx) {
  const HeaderMatcher& h = ctx.lex().header();
  std::map<std::string, int> count;
  for (size_t i = 0; i < ctx.size(); ++i) {
    std::string_view t = ctx.text(i);
    if (!h.MayHaveMunicipalityPhrase(t)) continue;
    re2::StringPiece in(t.data(), t.size()), town;
    while (RE2::FindAndConsume(&in, h.municipality_phrase(), &town)) {
      if (auto muni = h.MunicipalityOf(std::string_view(town.data(), town.size()))) ++count[*muni];
    }
  }
  const std::string* best = nullptr;
  int first = 0, second = 0;
  for (const auto& [name, n] : count) {
    if (n > first) {
      second = first;
      first = n;
      best = &name;
    } else if (n > second) {
      second = n;
    }
  }
  if (!best || first < 3 || first <= 2 * second) return std::nullopt;
  return *best;
}

}  // namespace

std::optional<std::string> MunicipalityOfPath(const Context& ctx, std::string_view path) {
  const HeaderMatcher& h = ctx.lex().header();
  std::optional<std::string> found;
  auto consider = [&](std::string_view w) {
    if (w.empty() || std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      return true;
    auto m = h.MunicipalityOfPathWord(w);
    if (!m) return true;
    if (found && *found != *m) return false;  // two municipalities: neither
    found = std::move(m);
    return true;
  };
  size_t p = 0;
  while (p <= path.size()) {
    size_t e = path.find_first_of("/\\_. ", p);
    if (e == std::string_view::npos) e = path.size();
    std::string_view token = path.substr(p, e - p);
    // The token and each run of its hyphen-joined parts ("greve-byraad-2024"
    // gives "greve"; "hoeje-taastrup" itself).
    std::vector<std::string_view> parts;
    for (size_t q = 0; q <= token.size();) {
      size_t d = token.find('-', q);
      if (d == std::string_view::npos) d = token.size();
      parts.push_back(token.substr(q, d - q));
      q = d + 1;
    }
    for (size_t a = 0; a < parts.size() && parts.size() <= 8; ++a)
      for (size_t b = a; b < parts.size(); ++b) {
        const size_t from = static_cast<size_t>(parts[a].data() - token.data());
        const size_t to = static_cast<size_t>(parts[b].data() - token.data()) + parts[b].size();
        if (!consider(token.substr(from, to - from))) return std::nullopt;
      }
    p = e + 1;
  }
  return found;
}

std::optional<std::string> MunicipalityNotStated(const Context& ctx, const Meeting& meeting) {
  // A region's meeting held in a municipality's town is still no
  // municipality's ("Regionsrådet", Regionshuset Viborg, 8800 Viborg).
  if (meeting.body && ctx.lex().header().IsRegionalBody(*meeting.body)) return std::nullopt;
  if (auto most = MunicipalityNamedMost(ctx)) return most;
  if (meeting.location) return MunicipalityOfPlace(ctx, *meeting.location);
  return std::nullopt;
}

}  // namespace referat::analyze
