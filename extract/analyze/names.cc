#include "analyze/names.h"

#include "analyze/text_util.h"

namespace referat::analyze {
namespace {

struct Piece {
  size_t start;
  size_t end;
};

bool IsInitial(std::string_view w) {  // "T." or "T"
  if (w.size() == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z') return true;
  return false;
}

// Party letters "A", "SF", "Ø", "RV", or "løsgænger": not a role.
bool IsPartyMark(const Lexicon& lex, std::string_view in) {
  std::string_view t = Trim(in);
  if (t.empty()) return true;
  if (lex.words().party.Contains(t)) return true;
  // One capital ("A", "Ø") or an all-caps word of up to six bytes.
  const bool one_capital =
      StartsUpper(t) && (t.size() == 1 || (t.size() == 2 && static_cast<unsigned char>(t[0]) >= 0xC0));
  return t.size() <= 6 && (one_capital || IsAllCaps(t)) && t.find(' ') == std::string_view::npos;
}

// The words of a list fragment when each is part of a name: a capital
// first, no name stopword, no party letters ("V", "SF"); else 0.
int NameWords(const Lexicon& lex, std::string_view f) {
  int n = 0;
  for (size_t i = 0; i < f.size();) {
    size_t j = f.find(' ', i);
    if (j == std::string_view::npos) j = f.size();
    std::string_view w = f.substr(i, j - i);
    if (!w.empty()) {
      if (!StartsUpper(w) || lex.attendance().IsNameStopword(w) ||
          lex.attendance().IsNameStopword(TrimRight(w, ".:")) || (!IsInitial(w) && IsPartyMark(lex, w)))
        return 0;
      ++n;
    }
    i = j + 1;
  }
  return n;
}

// Splits at ',', ';', TAB, a line break (the names of a table cell set one
// per line; not a wrap inside a name, IsWrapInName), " og ", " samt ",
// " & ", and at ". " that ends a sentence; never inside parentheses.
std::vector<Piece> SplitPieces(const Lexicon& lex, std::string_view s) {
  const std::vector<std::string>& seps = lex.words().name_separators;
  std::vector<Piece> out;
  size_t start = 0;
  int depth = 0;
  auto push = [&](size_t end) {
    if (end > start) out.push_back({start, end});
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) {
      // "Birgit S. Hansen (A)Bjarne Kvist (A)" (Frederikshavn's minutes PDF,
      // 18-08-2021, its lines run together): a name right after a party's
      // parenthesis is the next entry.
      if (--depth == 0 && i + 1 < s.size() && StartsUpper(s.substr(i + 1))) {
        push(i + 1);
        start = i + 1;
      }
      continue;
    }
    if (depth > 0) continue;
    if (c == '\n' && IsWrapInName(lex, s, i)) continue;  // a space, to the name's words
    if (c == ',' || c == ';' || c == '\t' || c == '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c == ' ') {
      for (std::string_view sep : seps) {
        if (s.compare(i, sep.size(), sep) == 0) {
          push(i);
          start = i + sep.size();
          i += sep.size() - 1;
          break;
        }
      }
      continue;
    }
    if (c == '.' && i + 1 < s.size() && s[i + 1] == ' ') {
      // An initial ("T.") or an abbreviation inside a name does not split.
      size_t w = s.rfind(' ', i);
      w = (w == std::string_view::npos) ? 0 : w + 1;
      std::string_view word = s.substr(w, i - w);
      if (word.size() >= 3 && !IsInitial(std::string(word) + ".") &&
          !lex.attendance().IsNameAbbreviation(s.substr(w, i + 1 - w))) {
        push(i);
        start = i + 1;
      }
    }
  }
  push(s.size());
  return out;
}


}  // namespace

// A line break inside a flowed list of names is the page's wrap, not a
// separator: "Peder Chr. Kirkegaard, Anna-Lise Vestergaard, Bolette Dahl" /
// "Pedersen, Preben Andersen, …" (Skive Kommune, Økonomiudvalg 20.1.2015).
// So it is when the line before lists names with commas and ends in none,
// and the words on the two sides of the break are name words of which one
// side is a single word (no name alone), five at most together.
bool IsWrapInName(const Lexicon& lex, std::string_view s, size_t nl) {
  size_t ls = nl == 0 ? std::string_view::npos : s.rfind('\n', nl - 1);
  ls = ls == std::string_view::npos ? 0 : ls + 1;
  std::string_view prev = TrimRight(s.substr(ls, nl - ls), " ");
  if (prev.empty() || prev.find(',') == std::string_view::npos) return false;
  if (prev.back() == ',' || prev.back() == ';' || prev.back() == ':') return false;
  std::string_view a = Trim(prev.substr(prev.find_last_of(",;") + 1));
  size_t e = s.find_first_of(",;\n", nl + 1);
  std::string_view b = Trim(s.substr(nl + 1, (e == std::string_view::npos ? s.size() : e) - nl - 1));
  if (b.empty() || b.back() == ':') return false;
  const int na = NameWords(lex, a), nb = NameWords(lex, b);
  return na > 0 && nb > 0 && (na == 1 || nb == 1) && na + nb <= 5;
}

std::vector<PersonName> ParseNames(const Lexicon& lex, std::string_view text) {
  std::vector<PersonName> out;
  for (Piece p : SplitPieces(lex, text)) {
    std::string_view piece = text.substr(p.start, p.end - p.start);
    size_t off = p.start;
    // Lead-in phrases ("Desuden deltager").
    size_t lead = 0;
    {
      std::string_view t = piece;
      size_t ws = 0;
      while (ws < t.size() && t[ws] == ' ') ++ws;
      lead = ws + lex.attendance().LeadinLength(t.substr(ws));
    }
    piece.remove_prefix(lead);
    off += lead;

    // Tokens with offsets.
    struct Tok {
      size_t start, end;  // within text
      std::string_view w;
    };
    std::vector<Tok> toks;
    for (size_t i = 0; i < piece.size();) {
      while (i < piece.size() && (piece[i] == ' ' || piece[i] == '\n')) ++i;
      if (i >= piece.size()) break;
      size_t j = i;
      if (piece[i] == '(') {
        int depth = 0;
        while (j < piece.size()) {
          if (piece[j] == '(') ++depth;
          if (piece[j] == ')' && --depth == 0) {
            ++j;
            break;
          }
          ++j;
        }
      } else {
        // "Sørensen(A)": the parenthesis is a token of its own.
        while (j < piece.size() && piece[j] != ' ' && piece[j] != '\n' && (piece[j] != '(' || j == i)) ++j;
      }
      toks.push_back({off + i, off + j, piece.substr(i, j - i)});
      i = j;
    }
    if (toks.empty()) {
      continue;
    }

    // A piece that is only a role ("konsulent") gives its role to the
    // previous name when that has none ("Bente Kloster, konsulent").
    if (toks.size() == 1 && lex.attendance().IsRoleWord(TrimRight(toks[0].w, ".:")) && !out.empty() &&
        !out.back().role) {
      out.back().role = std::string(TrimRight(toks[0].w, ":"));
      continue;
    }

    // The first run of at least two name words.
    size_t best_a = 0, best_b = 0;
    bool found = false;
    for (size_t a = 0; a < toks.size() && !found; ++a) {
      std::string_view w0 = toks[a].w;
      if (w0.front() == '(' || !StartsUpper(w0) || lex.attendance().IsNameStopword(w0) ||
          lex.attendance().IsRoleWord(TrimRight(w0, ",:")))
        continue;
      size_t b = a;
      while (b < toks.size() && b - a < 6) {
        std::string_view w = toks[b].w;
        if (w.front() == '(') break;
        std::string_view bare = TrimRight(w, ",;:");
        bool ends_dot = !bare.empty() && bare.back() == '.' && !IsInitial(bare) &&
                        !lex.attendance().IsNameAbbreviation(bare);
        if (ends_dot) bare = TrimRight(bare, ".");
        // Particles only between name words ("Bo van der Berg").
        auto particle_run_ends_in_name = [&](size_t k) {
          while (k < toks.size() && lex.attendance().IsNameParticle(toks[k].w)) ++k;
          return k < toks.size() && StartsUpper(toks[k].w);
        };
        bool ok = (StartsUpper(bare) && !lex.attendance().IsNameStopword(bare) &&
                   !(IsAllCaps(bare) && bare.size() <= 3 && !IsInitial(bare))) ||
                  (b > a && lex.attendance().IsNameParticle(bare) && particle_run_ends_in_name(b));
        if (!ok) break;
        ++b;
        if (ends_dot) break;
      }
      if (b - a >= 2) {
        // Trailing particles are not names.
        while (b > a && lex.attendance().IsNameParticle(toks[b - 1].w)) --b;
        if (b - a >= 2) {
          best_a = a;
          best_b = b;
          found = true;
        }
      }
    }
    if (!found) continue;

    PersonName pn;
    Joiner j;
    for (size_t k = best_a; k < best_b; ++k) {
      std::string_view w = toks[k].w;
      if (k + 1 == best_b) {
        w = TrimRight(w, ",;:");
        if (!w.empty() && w.back() == '.' && !IsInitial(w)) w.remove_suffix(1);
      }
      j.Add(w);
    }
    pn.name = j.Take();
    pn.start = toks[best_a].start;
    pn.end = toks[best_b - 1].end;
    {
      std::string_view last = text.substr(pn.start, pn.end - pn.start);
      while (!last.empty() && (last.back() == ',' || last.back() == ';' || last.back() == ':')) {
        last.remove_suffix(1);
        --pn.end;
      }
    }
    // Role before the name: "leder Jette Frederiksen".
    if (best_a > 0) {
      std::string_view before = TrimRight(toks[best_a - 1].w, ",:");
      if (lex.attendance().IsRoleWord(before)) {
        pn.role = std::string(before);
        pn.start = toks[best_a - 1].start;
      }
    }
    // Role in parentheses after the name: "Birgitte Welling (ref.)".
    if (best_b < toks.size() && toks[best_b].w.front() == '(') {
      std::string_view inner = toks[best_b].w;
      inner.remove_prefix(1);
      if (!inner.empty() && inner.back() == ')') inner.remove_suffix(1);
      inner = Trim(inner);
      if (!IsPartyMark(lex, inner)) {
        if (lex.attendance().IsRoleWord(inner) || lex.attendance().IsRoleWord(TrimRight(inner, "."))) {
          pn.role = std::string(inner);
          pn.end = toks[best_b].end;
        }
      }
    }
    // Role after a dash: "Peter Hansen (A) - formand".
    if (!pn.role) {
      size_t k = best_b;
      if (k < toks.size() && toks[k].w.front() == '(' && IsPartyMark(lex, Trim(TrimBoth(toks[k].w, "()")))) ++k;
      if (k + 2 == toks.size() && (toks[k].w == "-" || toks[k].w == "\xE2\x80\x93") &&
          lex.attendance().IsRoleWord(TrimRight(toks[k + 1].w, ".,;"))) {
        pn.role = std::string(TrimRight(toks[k + 1].w, ",;"));
        pn.end = toks[k + 1].end;
      }
    }
    out.push_back(std::move(pn));
  }
  return out;
}

// A list of initials alone ("FM, PL, AaK, CSN og SK."): two or more pieces,
// each one word of two to four letters with at least two capitals and the
// first one capital ("AaK" for Aage Kragerup); any other piece, and the
// list is none (Næstved Model Jernbane Klub, bestyrelsesmøde 26/6 1990).
std::vector<PersonName> ParseInitials(const Lexicon& lex, std::string_view text) {
  std::vector<PersonName> out;
  for (Piece p : SplitPieces(lex, text)) {
    std::string_view w = text.substr(p.start, p.end - p.start);
    size_t lead = 0;
    while (lead < w.size() && w[lead] == ' ') ++lead;
    w = TrimRight(Trim(w), ".");
    int upper = 0;
    bool ok = w.size() >= 2 && w.size() <= 4 && w[0] >= 'A' && w[0] <= 'Z';
    for (char c : w) {
      ok = ok && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
      upper += c >= 'A' && c <= 'Z';
    }
    if (!ok || upper < 2) return {};
    PersonName pn;
    pn.name = std::string(w);
    pn.start = p.start + lead;
    pn.end = pn.start + w.size();
    out.push_back(std::move(pn));
  }
  if (out.size() < 2) out.clear();
  return out;
}

}  // namespace referat::analyze
