#include "analyze/recommendation.h"

#include "analyze/text_util.h"

namespace referat::analyze {
namespace {

// "At …", "at …", "1. at …", "a) At …", a list item, or a numbered line
// that starts a sentence ("1. Kultur- og Fritidsudvalget fastholder …";
// not "1) godkendes.", the end of a line broken after "(bilag").
bool ClauseLike(const Context& ctx, const Piece& p) {
  std::string_view t = ctx.doc().Slice(p.start, p.end);
  if (RE2::PartialMatch(t, ctx.lex().decisions().clause_start())) return true;
  if (p.whole_block && ctx.block(p.block).kind == BlockKind::kListItem) return true;
  re2::StringPiece in(t);
  return RE2::Consume(&in, ctx.lex().decisions().clause_mark_spaced()) &&
         StartsUpper(std::string_view(in.data(), in.size()));
}

// A clause as listed, without its list number and the separator after it:
// "1. at forslaget sendes i høring," -> "at forslaget sendes i høring". A
// `listed_point` (a line under "indstiller, at") loses its number also
// before a lower-case word ("1. planen godkendes").
std::string CleanClause(const Lexicon& lex, std::string_view t, bool listed_point = false) {
  t = Trim(t);
  re2::StringPiece in(t);
  if (RE2::Consume(&in, lex.decisions().clause_mark())) {
    std::string_view rest(in.data(), in.size());
    bool at = false;
    for (const auto& w : lex.words().that.entries())
      at = at || (rest.size() > w.size() + 1 && FoldCase(rest.substr(0, w.size())) == FoldCase(w) &&
                  (rest[w.size()] == ' ' || rest[w.size()] == '\t'));
    if (at || StartsUpper(rest) || listed_point) t = rest;
  }
  t = TrimBoth(t, ",;");
  // "…, og" before the next clause: list glue, not the clause's words.
  for (const auto& w : lex.words().and_.entries())
    if (t.size() > w.size() + 1 && t.substr(t.size() - w.size()) == w && t[t.size() - w.size() - 1] == ' ') {
      t = TrimBoth(t.substr(0, t.size() - w.size() - 1), ",;");
      break;
    }
  return Collapse(t);
}

// Position of the recommending verb in `t`, or npos; *verb_end after it.
size_t FindVerb(const Lexicon& lex, std::string_view t, size_t* verb_end) {
  size_t len = 0;
  size_t pos = lex.decisions().FindRecommendationVerb(t, &len);
  if (pos == std::string_view::npos) return pos;
  *verb_end = pos + len;
  return pos;
}

std::optional<Recommendation> Build(const Context& ctx, const std::vector<Piece>& pieces,
                                    size_t verb_piece) {
  if (pieces.empty()) return std::nullopt;
  const Lexicon& lex = ctx.lex();
  Recommendation r;
  Joiner text;
  for (const Piece& p : pieces) text.Add(ctx.doc().Slice(p.start, p.end));
  r.text = text.Take();
  if (r.text.empty()) return std::nullopt;
  r.span = ctx.MakeSpan(pieces.front().start, pieces.back().end);

  bool dangling_at = false;
  if (verb_piece < pieces.size()) {
    std::string_view t = ctx.doc().Slice(pieces[verb_piece].start, pieces[verb_piece].end);
    size_t verb_end = 0;
    size_t v = FindVerb(lex, t, &verb_end);
    if (v != std::string_view::npos) {
      std::string_view before = TrimRight(t.substr(0, v), ",");
      if (!before.empty() && AtMostWords(before, 8) && StartsUpper(before) && !lex.words().not_by.Contains(before))
        r.by = Collapse(before);
      // Clause on the same line: "… indstiller, at X godkender …".
      std::string_view after = TrimBoth(t.substr(verb_end), ",:");
      for (const auto& w : lex.words().that.entries()) {
        std::string_view rest = after;
        if (after.size() > 3 && lang::ConsumeLeadingWord(&rest, w, true)) {
          r.clauses.push_back(CleanClause(lex, after));
          break;
        }
      }
      // "… indstiller, at" with the clauses on the lines below, unmarked.
      for (const auto& w : lex.words().that.entries())
        dangling_at = dangling_at || after == w || after == UpperFirst(w);
    }
  }
  size_t first_listed = verb_piece == SIZE_MAX ? 0 : verb_piece + 1;
  // A clause on the verb's line broken over lines ("… (bilag" / "1)
  // godkendes."): the lines up to the sentence's end continue it.
  if (r.clauses.size() == 1 && !EndsSentence(r.clauses[0])) {
    size_t k = first_listed;
    std::string joined = r.clauses[0];
    for (; k < pieces.size() && k < first_listed + 3; ++k) {
      std::string_view t = Trim(ctx.doc().Slice(pieces[k].start, pieces[k].end));
      if (ClauseLike(ctx, pieces[k]) || StartsUpper(t)) break;
      joined += ' ';
      joined += t;
      if (EndsSentence(t)) {
        r.clauses[0] = CleanClause(lex, joined);
        first_listed = k + 1;
        break;
      }
    }
  }
  std::vector<std::string> listed;
  bool marked = false;
  for (size_t k = first_listed; k < pieces.size(); ++k) {
    const bool clause = ClauseLike(ctx, pieces[k]);
    // Under a dangling "at" whose clauses are marked (numbered, listed), an
    // unmarked line that starts upper-case ends them: a heading the rule
    // tables do not know and its text ("1. dagsorden … godkendt" /
    // "Beskrivelse af sagen" / "På baggrund af …", Holbæk Kommune's minutes
    // pages); a clause broken over lines goes on in lower case.
    std::string_view t = Trim(ctx.doc().Slice(pieces[k].start, pieces[k].end));
    if (dangling_at && marked && !clause && StartsUpper(t)) {
      re2::StringPiece in(t);
      if (!RE2::Consume(&in, lex.decisions().clause_mark_spaced())) break;
    }
    if (dangling_at && !marked) {
      re2::StringPiece in(t);
      marked = clause || RE2::Consume(&in, lex.decisions().clause_mark_spaced());
    }
    if (dangling_at || clause) listed.push_back(CleanClause(lex, t, dangling_at));
  }
  // A clause on the verb's line that only introduces a printed list ("…
  // indstiller, at Beskæftigelsesudvalget godkender" + "At …" lines) is not
  // a clause of its own; one that ends a sentence is.
  if (!listed.empty() && !r.clauses.empty() && !EndsSentence(r.clauses.front())) r.clauses.clear();
  for (auto& c : listed) r.clauses.push_back(std::move(c));
  return r;
}

}  // namespace

std::optional<Recommendation> ExtractRecommendation(const Context& ctx,
                                                    const std::vector<SectionDraft>& sections) {
  const Lexicon& lex = ctx.lex();
  for (const auto& s : sections) {
    if (s.role != Role::kRecommendation || s.pieces.empty()) continue;
    size_t verb_piece = SIZE_MAX;
    for (size_t k = 0; k < s.pieces.size(); ++k) {
      size_t ve;
      if (FindVerb(lex, ctx.doc().Slice(s.pieces[k].start, s.pieces[k].end), &ve) !=
          std::string_view::npos) {
        verb_piece = k;
        break;
      }
    }
    return Build(ctx, s.pieces, verb_piece);
  }
  // The opening text before the first heading.
  for (const auto& s : sections) {
    if (s.role != Role::kNone) continue;
    for (size_t k = 0; k < s.pieces.size(); ++k) {
      size_t ve;
      if (FindVerb(lex, ctx.doc().Slice(s.pieces[k].start, s.pieces[k].end), &ve) ==
          std::string_view::npos)
        continue;
      std::vector<Piece> region{s.pieces[k]};
      for (size_t m = k + 1; m < s.pieces.size(); ++m) {
        size_t ve2;
        bool verb = FindVerb(lex, ctx.doc().Slice(s.pieces[m].start, s.pieces[m].end), &ve2) !=
                    std::string_view::npos;
        if (!verb && !ClauseLike(ctx, s.pieces[m])) break;
        region.push_back(s.pieces[m]);
      }
      return Build(ctx, region, 0);
    }
    break;
  }
  // A printed recommendation under another heading ("Resume" / "Direktionen
  // indstiller," / "at …" lines; Region Midtjylland's agendas): a line that
  // ends with the verb, or with the verb and "at", and the clauses under it.
  for (const auto& s : sections) {
    if (s.role != Role::kNone && s.role != Role::kSection) continue;
    for (size_t k = 0; k + 1 < s.pieces.size(); ++k) {
      std::string_view t = ctx.doc().Slice(s.pieces[k].start, s.pieces[k].end);
      // The verb's line is short and open at its end ("…indstiller," /
      // "…indstiller, at"): tested before the verb is looked for.
      std::string_view tt = TrimRight(Trim(t), " ");
      if (tt.empty() || !AtMostWords(tt, 10)) continue;
      bool open_end = tt.back() == ',' || tt.back() == ':';
      for (const auto& w : lex.words().that.entries()) {
        if (open_end) break;
        open_end = tt.size() > w.size() && tt[tt.size() - w.size() - 1] == ' ' &&
                   tt.compare(tt.size() - w.size(), w.size(), w) == 0;
      }
      if (!open_end) continue;
      size_t ve = 0;
      const size_t v = FindVerb(lex, t, &ve);
      if (v == std::string_view::npos || !AtMostWords(t.substr(0, v), 8)) continue;
      std::string_view after = TrimBoth(t.substr(ve), ",:");
      bool open = after.empty();
      for (const auto& w : lex.words().that.entries()) open = open || after == w || after == UpperFirst(w);
      if (!open || !ClauseLike(ctx, s.pieces[k + 1])) continue;
      std::vector<Piece> region{s.pieces[k]};
      for (size_t m = k + 1; m < s.pieces.size() && ClauseLike(ctx, s.pieces[m]); ++m) region.push_back(s.pieces[m]);
      return Build(ctx, region, 0);
    }
  }
  return std::nullopt;
}

}  // namespace referat::analyze
