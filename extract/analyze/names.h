// Person names in attendance lists and absence notes. A name is a run of
// two to six capitalized words ("Anne Honoré Østergaard", "Mai-Britt
// Iversen", "John T. Olsen"); party letters "(A)" and titles "(Borgmester)"
// are not part of it. Roles are read as written, before the name ("leder
// Jette Frederiksen") or in parentheses after it ("Birgitte Welling (ref.)").
#ifndef REFERAT_ANALYZE_NAMES_H_
#define REFERAT_ANALYZE_NAMES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/lexicon.h"

namespace referat::analyze {

struct PersonName {
  std::string name;
  std::optional<std::string> role;
  size_t start = 0;  // byte range of the name (and role) within the parsed text
  size_t end = 0;
};

// Splits a list ("A, B og C (ref.), Desuden deltager leder D, X samt
// konsulent E fra Y") into the people it names, in order. Pieces that name
// no person ("Uddannelseshuset", "under punkt 8") are skipped.
std::vector<PersonName> ParseNames(const Lexicon& lex, std::string_view text);
// Whether the line break at s[nl] wraps a name of a flowed list rather than
// separating two entries: "…, Bolette Dahl" / "Pedersen, Preben Andersen, …"
// (Skive Kommune, Økonomiudvalg 20.1.2015). The line before lists names
// with commas and ends in none, and the words on the two sides of the break
// are name words, one side a single word (no name alone), five at most.
bool IsWrapInName(const Lexicon& lex, std::string_view s, size_t nl);
// A list of initials only ("FM, PL, AaK, CSN og SK."), as typed minutes
// name their members; empty unless every piece is one.
std::vector<PersonName> ParseInitials(const Lexicon& lex, std::string_view text);

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_NAMES_H_
