#include "analyze/attendance.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "analyze/decision.h"
#include "analyze/header.h"
#include "analyze/names.h"
#include "analyze/text_util.h"

namespace referat::analyze {
namespace {

// Appends names not yet in the list; `seen` mirrors the list so a header
// with thousands of names stays linear.
struct UniqueList {
  std::vector<std::string>* v;
  std::set<std::string> seen;
  explicit UniqueList(std::vector<std::string>* list) : v(list), seen(list->begin(), list->end()) {}
  void Add(const std::string& s) {
    if (seen.insert(s).second) v->push_back(s);
  }
  bool Has(const std::string& s) const { return seen.count(s) > 0; }
};

// A capital after the first letter: a line that may name a person (a note
// without one names nobody, and the absence matcher need not run).
bool HasUpperAfterStart(std::string_view t) {
  for (size_t k = 1; k < t.size(); ++k)
    if (t[k] >= 'A' && t[k] <= 'Z' && t[k - 1] == ' ') return true;
  return false;
}

// The item a note names: a clause word and its number ("punkt 1", "pkt.
// 4"), or "" when it names none.
std::string ItemOfNote(const Lexicon& lex, std::string_view note) {
  const std::string folded = FoldCase(note);
  std::string number;
  for (const auto& w : lex.words().clause_ref.entries()) {
    const std::string needle = FoldCase(w) + " ";
    for (size_t p = folded.find(needle); p != std::string::npos && number.empty(); p = folded.find(needle, p + 1)) {
      if (p > 0 && folded[p - 1] != ' ') continue;
      for (size_t q = p + needle.size(); q < folded.size() && folded[q] >= '0' && folded[q] <= '9'; ++q)
        number.push_back(folded[q]);
    }
    if (!number.empty()) break;
  }
  return number;
}

}  // namespace

// A sentence of block `i` saying that every member came ("… i Lindknud
// Kro. Alle var mødt.", Lindknud Sogneraads Protokol 9.1.1918;
// function_words.txt `all_present`), or its opening words before an
// `except` word ("Bestyrelsen samlet minus sekretæren med lovligt
// frafald", NMJK bestyrelsesmøde 14.6.1982): the person names after that
// word go to `gone`. Widens the span to the sentence.
bool AllPresentNote(const Context& ctx, size_t i, size_t* span_start, size_t* span_end,
                    std::vector<std::string>* gone) {
  const Block& b = ctx.block(i);
  const auto& sents = ctx.seg().sentences;
  const Words& words = ctx.lex().words();
  auto first = std::lower_bound(sents.begin(), sents.end(), b.start,
                                [](const auto& x, size_t at) { return x.end <= at; });
  for (auto sit = first; sit != sents.end() && sit->start < b.end; ++sit) {
    const size_t s0 = std::max(sit->start, b.start), s1 = std::min(sit->end, b.end);
    std::string_view v = Trim(ctx.doc().Slice(s0, s1));
    const std::string_view first_word = v.substr(0, v.find(' '));
    if (std::find(words.all_present_first.begin(), words.all_present_first.end(), first_word) ==
            words.all_present_first.end() ||
        !AtMostWords(v, 16))
      continue;
    std::string_view s = TrimRight(v, ".");
    const std::string folded = FoldCase(s);  // spaces stay where they were
    bool hit = AtMostWords(s, 6) && words.all_present.ContainsFolded(folded);
    size_t fp = folded.find(' ');
    for (size_t p = s.find(' '), n = 1; !hit && p != std::string_view::npos && fp != std::string::npos && n <= 6;
         p = s.find(' ', p + 1), fp = folded.find(' ', fp + 1), ++n) {
      if (!words.all_present.ContainsFolded(std::string_view(folded).substr(0, fp))) continue;
      std::string_view rest = Trim(s.substr(p + 1));
      for (const auto& e : words.except_.entries()) {
        if (!lang::ConsumeLeadingWord(&rest, e, true)) continue;
        hit = true;
        if (gone)
          for (auto& pn : ParseNames(ctx.lex(), rest)) gone->push_back(pn.name);
        break;
      }
    }
    if (hit) {
      if (span_start) *span_start = std::min(*span_start, ctx.Offset(v));
      if (span_end) *span_end = std::max(*span_end, ctx.Offset(v) + v.size());
      return true;
    }
  }
  return false;
}

std::optional<Attendance> ExtractAttendance(const Context& ctx, size_t end, const Toc& toc) {
  return ExtractAttendanceIn(ctx, 0, end, toc);
}

std::optional<Attendance> ExtractAttendanceIn(const Context& ctx, size_t begin, size_t end, const Toc& toc) {
  const Lexicon& lex = ctx.lex();
  end = std::min(end, ctx.size());
  Attendance a;
  std::vector<std::string> members;
  UniqueList present(&a.present), absent(&a.absent), member_list(&members);
  std::set<std::string> other_names;
  bool any = false;
  size_t span_start = SIZE_MAX, span_end = 0;

  for (size_t i = begin; i < end; ++i) {
    if (!toc.empty() && i >= toc.begin && i < toc.end) continue;
    std::string_view t = ctx.text(i);
    // A header flattened into one line ("Mødested: Deltagere: Borgmesterens
    // mødelokale Johnny Søtrup (V), … Afbud: Fraværende:", docplayer.dk's
    // transcript of Esbjerg's Økonomiudvalget 6.10.2014): each attendance
    // label's share of the line.
    if (size_t prefix_end = 0; t.size() > 24) {
      const auto fields = InlineLabels(ctx, i, &prefix_end);
      if (!fields.empty()) {
        for (const auto& f : fields) {
          if (f.end <= f.start ||
              (f.field != Field::kPresent && f.field != Field::kMembers && f.field != Field::kAbsent))
            continue;
          // "Formand: Lars Ejby Pedersen (A) Næstformand: Kurt Halling (O)
          // Bente Ankersen (A) …" (Fredericia's Kultur- og Idrætsudvalget
          // 29.4.2015, docplayer.dk/1502216): a name a party, no commas.
          std::string_view v = ctx.doc().Slice(f.start, f.end);
          while (!v.empty()) {
            size_t cut = v.size();
            for (size_t p = v.find(") "); p != std::string_view::npos; p = v.find(") ", p + 1))
              if (p + 2 < v.size() && StartsUpper(v.substr(p + 2))) {
                cut = p + 1;
                break;
              }
            for (auto& pn : ParseNames(lex, v.substr(0, cut))) {
              // "Kurt Halling Bente Ankersen" (Fredericia, 18.3.2015,
              // docplayer.dk/3641174): names the members' list named,
              // printed one after the other: each of them.
              if (f.field == Field::kAbsent && !member_list.Has(pn.name) && !present.Has(pn.name)) {
                std::vector<std::string> known;
                std::string_view rest = pn.name;
                while (!rest.empty()) {
                  size_t best = 0;
                  for (const auto* list : {&members, &a.present})
                    for (const auto& n : *list)
                      if (n.size() > best && rest.substr(0, n.size()) == n &&
                          (rest.size() == n.size() || rest[n.size()] == ' '))
                        best = n.size();
                  if (best == 0) break;
                  known.emplace_back(rest.substr(0, best));
                  rest = Trim(rest.substr(best));
                }
                if (rest.empty() && known.size() > 1) {
                  for (auto& n : known) absent.Add(n);
                  any = true;
                  continue;
                }
              }
              if (f.field == Field::kAbsent) absent.Add(pn.name);
              else if (f.field == Field::kMembers) member_list.Add(pn.name);
              else present.Add(pn.name);
              any = true;
            }
            v = Trim(v.substr(cut));
          }
          span_start = std::min(span_start, f.label_start);
          span_end = std::max(span_end, f.end);
        }
        continue;
      }
    }
    LabelHit lh = lex.attendance().MatchLabel(t, AtMostWords(t, 60));
    // A label word without its colon that opens an absence note
    // ("Stedfortræder Jacob Rosenberg mødte for Laura Lindahl, der havde
    // forfald.": Frederiksberg's minutes) is the note, not the label.
    std::vector<std::string> spaced_note;
    const bool note_not_label =
        (lh.field == Field::kPresent || lh.field == Field::kOthers || lh.field == Field::kMembers) &&
        lh.value_start > lh.label_end &&
        t.substr(lh.label_end, lh.value_start - lh.label_end).find(':') == std::string_view::npos &&
        AbsenceNote(lex, t, &spaced_note) && !spaced_note.empty();
    // "Bemærkninger:<TAB>Der er afbud fra Eivind Underbjerg Hansen."
    // (Aabenraa Byrådet 20.09.2017, beslutningsprotokol): an absence note
    // as the value of a label that is not read is the meeting's.
    std::vector<std::string> ignored_note;
    const bool note_in_ignored =
        lh.field == Field::kIgnore && lh.value_start < t.size() &&
        AbsenceNote(lex, t.substr(lh.value_start), &ignored_note) && !ignored_note.empty();
    if (note_in_ignored) t = t.substr(lh.value_start);
    if (lh.field == Field::kNone && !HasUpperAfterStart(t)) {
      // "Bestyrelsen samlet minus sekretæren med lovligt frafald" (NMJK
      // 14.6.1982): everyone came, no name to read.
      if (AllPresentNote(ctx, i, &span_start, &span_end, nullptr)) any = true;
      continue;
    }
    if ((lh.field == Field::kNone || note_not_label || note_in_ignored) && HasUpperAfterStart(t)) {
      // "Medlemmerne var mødt, bortset fra A, B og C, der havde meldt
      // afbud." (Region Midtjylland's minutes of 2007): a note in the header.
      const size_t before = a.absent.size();
      // A note naming an item ("… af punkt 1 pga. inhabilitet.") is that
      // item's (ItemAbsenteesFromHeaderNotes), not the meeting's.
      auto note = [&](std::string_view v) {
        std::vector<std::string> names;
        if (!AbsenceNote(lex, v, &names) || (HasDigit(v) && !ItemOfNote(lex, v).empty())) return false;
        // Under the first item, a note of that item alone ("… deltog ikke i
        // sagens behandling.") is not the meeting's.
        if (begin > 0) {
          for (size_t a = 0; a < v.size();) {
            size_t z = v.find(' ', a);
            if (z == std::string_view::npos) z = v.size();
            if (lex.words().item_scope.Contains(TrimBoth(v.substr(a, z - a), ".,;:"))) return false;
            a = z + 1;
          }
        }
        for (auto& n : names) absent.Add(n);
        return true;
      };
      if (!note(t)) {
        // Or one of the block's sentences ("Jacob Ejs (A) var fraværende.
        // Som stedfortræder deltog Helle Obenhausen Mortensen (A)":
        // Hedensted's minutes).
        const Block& b = ctx.block(i);
        const auto& sents = ctx.seg().sentences;
        auto first = std::lower_bound(sents.begin(), sents.end(), b.start,
                                      [](const auto& x, size_t at) { return x.end <= at; });
        if (first != sents.end() && first->end < b.end)
          for (auto sit = first; sit != sents.end() && sit->start < b.end; ++sit)
            note(ctx.doc().Slice(std::max(sit->start, b.start), std::min(sit->end, b.end)));
      }
      // "Fraværende i Thisted Kommunalbestyrelsen, 31. maj 2022:" with the
      // names a line each under it.
      size_t last = i;
      if (a.absent.size() == before && !t.empty() && TrimRight(t, " ").back() == ':' && note(t))
        for (size_t k = i + 1; k < end && AtMostWords(ctx.text(k), 8); ++k) {
          std::string_view w = Trim(ctx.text(k));
          auto names = ParseNames(lex, w);
          bool all_names = !names.empty() && w.back() != '.' && w.back() != ':';
          for (const auto& pn : names) all_names = all_names && pn.name.find(' ') != std::string::npos;
          if (!all_names) break;
          for (auto& pn : names) absent.Add(pn.name);
          last = k;
        }
      // "Afbud fra Tim Vermund. Istedet mødte Michael Olsen." (Odense's
      // minutes), "X (A) deltog i mødet i stedet for Y (A)." (Faxe's): the
      // substitute who came is present.
      const size_t present_before = a.present.size();
      {
        std::vector<std::string> came;
        const Block& b = ctx.block(i);
        const auto& sents = ctx.seg().sentences;
        auto first = std::lower_bound(sents.begin(), sents.end(), b.start,
                                      [](const auto& x, size_t at) { return x.end <= at; });
        for (auto sit = first; sit != sents.end() && sit->start < b.end; ++sit)
          SubstituteNote(lex, ctx.doc().Slice(std::max(sit->start, b.start), std::min(sit->end, b.end)), &came);
        for (auto& n : came) present.Add(n);
      }
      if (a.absent.size() > before || a.present.size() > present_before) {
        any = true;
        span_start = std::min(span_start, ctx.block(i).start);
        span_end = std::max(span_end, ctx.block(last).end);
      } else {
        std::vector<std::string> gone;
        if (AllPresentNote(ctx, i, &span_start, &span_end, &gone)) {
          any = true;  // everyone came: attendance recorded, no names, none absent
          for (auto& n : gone) absent.Add(n);  // but those after "undtagen"
        }
      }
      i = last;
      continue;
    }
    if (lh.field != Field::kPresent && lh.field != Field::kMembers && lh.field != Field::kAbsent &&
        lh.field != Field::kOthers && lh.field != Field::kReferent)
      continue;
    any = true;
    size_t last = i;
    auto ranges = LabelValue(ctx, i, lh, end, true, &last);
    // "Deltagere:" / "Fraværende:" / the names (Skive Kommune's agenda,
    // Økonomiudvalg 20.1.2015: the header table's labels first, then its
    // values): the names under the two empty labels are the participants;
    // an empty absentees' cell leaves nothing after its label.
    if (ranges.empty() && (lh.field == Field::kPresent || lh.field == Field::kMembers) && i + 1 < end) {
      std::string_view next = ctx.text(i + 1);
      LabelHit nh = lex.attendance().MatchLabel(next, false);
      if (nh.field == Field::kAbsent && Trim(next.substr(std::min(nh.value_start, next.size()))).empty()) {
        size_t next_last = i + 1;
        auto values = LabelValue(ctx, i + 1, nh, end, true, &next_last);
        if (!values.empty()) {
          ranges = std::move(values);
          last = next_last;
        }
      }
    }
    span_start = std::min(span_start, ctx.block(i).start);
    span_end = std::max(span_end, ctx.block(last).end);
    std::string_view label = t.substr(0, lh.label_end);
    // A name wrapped onto the next line ("…, Bolette Dahl" / "Pedersen, …")
    // is read with both its lines.
    std::vector<std::pair<size_t, size_t>> values;
    for (auto r : ranges) {
      if (!values.empty()) {
        std::string_view gap = ctx.doc().Slice(values.back().second, r.first);
        const size_t nl = gap.find('\n');
        if (nl != std::string_view::npos && gap.find_first_not_of(" \t\r\n") == std::string_view::npos &&
            IsWrapInName(lex, ctx.doc().Slice(values.back().first, r.second),
                         values.back().second - values.back().first + nl)) {
          values.back().second = r.second;
          continue;
        }
      }
      values.push_back(r);
    }
    for (auto [s, e] : values) {
      std::string_view v = ctx.doc().Slice(s, e);
      // "Fraværende: Evan Lynnerup (V) - Marianne Kiærulff (V) mødte som
      // stedfortræder." (Roskilde's minutes pages): the substitute came.
      if (lh.field == Field::kAbsent) {
        std::vector<std::string> came;
        const size_t n = ListBeforeSubstitute(lex, v, &came);
        if (n != std::string_view::npos) {
          v = v.substr(0, n);
          for (auto& c : came) present.Add(c);
        }
      }
      // "Afbud fra Tim Vermund. Istedet mødte Michael Olsen." (Odense's
      // minutes): the names end with the first sentence; what follows is
      // a note (a substitute who came), not more of the list. An initial's
      // dot ("John T. Olsen") ends nothing.
      for (size_t p = v.find(". "); p != std::string_view::npos; p = v.find(". ", p + 1)) {
        const bool initial = p >= 1 && std::isupper(static_cast<unsigned char>(v[p - 1])) &&
                             (p == 1 || v[p - 2] == ' ');
        // "Mødt var: A, B og C. Fraværende: D." (typed minutes): the
        // absent's label after the present ends their list.
        if (!initial && lh.field == Field::kPresent && p + 2 < v.size() && StartsUpper(v.substr(p + 2))) {
          const std::string_view after = v.substr(p + 2);
          const LabelHit next = lex.attendance().MatchLabel(after, true);
          if (next.field == Field::kAbsent && next.value_start < after.size()) {
            for (auto& pn : ParseNames(lex, after.substr(next.value_start))) absent.Add(pn.name);
            v = v.substr(0, p + 1);
            break;
          }
        }
        // "Fraværende: Michael Hemming Nielsen (Ø). Morten Rohde Klitgaard
        // (G)" (Gribskov's minutes): capitalised words and parties only go
        // on with the list.
        bool names_only = true;
        for (size_t w = p + 2; w < v.size() && names_only;) {
          size_t z = v.find(' ', w);
          if (z == std::string_view::npos) z = v.size();
          names_only = z == w || StartsUpper(v.substr(w)) || v[w] == '(';
          w = z + 1;
        }
        if (!initial && !names_only && p + 2 < v.size() && StartsUpper(v.substr(p + 2)) &&
            !AtMostWords(TrimRight(v.substr(p + 2), "."), 3)) {
          // The note after the present is an absence ("tilstede var: Hans
          // Nygaard Jensen, … og Henrik Struve. Flemming Meisner måtte
          // melde afbud."; Næstved Model Jernbane Klub 4/3 1985, nmjk.dk).
          std::vector<std::string> gone, came;
          if (lh.field == Field::kPresent && AbsenceNote(lex, v.substr(p + 2), &gone))
            for (auto& n : gone) absent.Add(n);
          // "Afbud fra Tim Vermund. Istedet mødte Michael Olsen."
          if (SubstituteNote(lex, v.substr(p + 2), &came))
            for (auto& n : came) present.Add(n);
          v = v.substr(0, p + 1);
          break;
        }
      }
      std::vector<PersonName> names = ParseNames(lex, v);
      if (names.empty() && lh.field == Field::kPresent) names = ParseInitials(lex, v);
      for (auto& pn : names) {
        switch (lh.field) {
          case Field::kPresent: present.Add(pn.name); break;
          case Field::kMembers: member_list.Add(pn.name); break;
          case Field::kAbsent: absent.Add(pn.name); break;
          case Field::kOthers:
          case Field::kReferent: {
            OtherAttendee o;
            o.name = pn.name;
            o.role = pn.role;
            if (lh.field == Field::kReferent && !o.role) o.role = std::string(TrimRight(label, ":"));
            o.span = ctx.MakeSpan(s + pn.start, s + pn.end);
            if (other_names.insert(o.name).second) a.others.push_back(std::move(o));
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
    if (!absent.Has(mname)) present.Add(mname);
  // A participants' list that names everyone ("Deltagere" / … / "Afbud":
  // Region Syddanmark's pages): one absent from the whole meeting was not
  // present.
  if (!a.absent.empty())
    a.present.erase(std::remove_if(a.present.begin(), a.present.end(),
                                   [&](const std::string& n) { return absent.Has(n); }),
                    a.present.end());
  a.span = ctx.MakeSpan(span_start, span_end);
  return a;
}

void ItemAbsenteesFromHeaderNotes(const Context& ctx, size_t end, std::vector<AgendaItem>* items) {
  const Lexicon& lex = ctx.lex();
  if (items->empty()) return;
  end = std::min(end, ctx.size());
  const auto& sents = ctx.seg().sentences;  // in text order
  for (size_t i = 0; i < end; ++i) {
    if (!HasDigit(ctx.text(i)) || ctx.IsTableRow(i)) continue;
    const Block& b = ctx.block(i);
    auto first = std::lower_bound(sents.begin(), sents.end(), b.start,
                                  [](const auto& x, size_t at) { return x.end <= at; });
    for (auto sit = first; sit != sents.end() && sit->start < b.end; ++sit) {
      std::string_view st = ctx.doc().Slice(std::max(sit->start, b.start), std::min(sit->end, b.end));
      std::vector<std::string> names;
      if (!HasDigit(st) || !AbsenceNote(lex, st, &names) || names.empty()) continue;
      const std::string number = ItemOfNote(lex, st);
      if (number.empty()) continue;
      for (auto& it : *items)
        if (it.number == number) {
          for (auto& n : names)
            if (std::find(it.absent.begin(), it.absent.end(), n) == it.absent.end()) it.absent.push_back(n);
          break;
        }
    }
  }
}

void AbsenteesFromItems(const Context& ctx, const std::vector<AgendaItem>& items,
                        std::optional<Attendance>* attendance) {
  const Lexicon& lex = ctx.lex();
  for (const auto& it : items) {
    if (!it.decision || !AtMostWords(it.title, 4)) continue;
    std::string_view title = TrimRight(Trim(it.title), ":");
    LabelHit lh = lex.attendance().MatchLabel(title, false);
    if (lh.field != Field::kAbsent || !Trim(title.substr(std::min(lh.value_start, title.size()))).empty())
      continue;
    std::string_view text = Trim(it.decision->text);
    std::vector<PersonName> names = ParseNames(lex, text);
    // Names and their separators only: a sentence ("Punktet blev
    // udsat.") is a decision, not the list.
    size_t covered = 0;
    for (const auto& pn : names) covered += pn.end - pn.start;
    const bool none = lex.words().none.ContainsFolded(FoldCase(TrimRight(text, ".")));
    if (!none && (names.empty() || covered * 2 < text.size())) continue;
    if (!*attendance) {
      attendance->emplace();
      (*attendance)->span = it.decision->span;
    }
    UniqueList absent(&(*attendance)->absent);
    for (const auto& pn : names) absent.Add(pn.name);
    break;
  }
}

void AbsentFromEveryItem(const std::vector<AgendaItem>& items, std::optional<Attendance>* attendance) {
  std::vector<std::string> names;  // noted under every decided item so far
  size_t decided = 0;
  for (const auto& it : items) {
    if (!it.decision) continue;
    if (decided++ == 0) {
      names = it.absent;
    } else {
      names.erase(std::remove_if(names.begin(), names.end(),
                                 [&](const std::string& n) {
                                   return std::find(it.absent.begin(), it.absent.end(), n) == it.absent.end();
                                 }),
                  names.end());
    }
    if (names.empty()) return;
  }
  if (decided < 2) return;
  if (!*attendance) {
    attendance->emplace();
    for (const auto& it : items)
      if (it.decision) {
        (*attendance)->span = it.decision->span;
        break;
      }
  }
  Attendance& a = **attendance;
  UniqueList absent(&a.absent);
  for (const auto& n : names) absent.Add(n);
  a.present.erase(std::remove_if(a.present.begin(), a.present.end(),
                                 [&](const std::string& n) { return absent.Has(n); }),
                  a.present.end());
}

}  // namespace referat::analyze
