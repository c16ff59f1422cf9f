// The "danish" FTS5 tokenizer: SQLite's own unicode61 tokenizer (word
// breaks, case folding; diacritics kept by default, since æ, ø and å are
// letters in Danish, not accented vowels) followed by the Snowball Danish
// stemmer from libstemmer. Queries go through the same tokenizer, so
// "integrationsområde" finds "Integrationsområdet". Person names are never
// indexed with it (see names_fts in schema.cc).
#ifndef REFERAT_STORE_DANISH_TOKENIZER_H_
#define REFERAT_STORE_DANISH_TOKENIZER_H_

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "referat/status.h"

namespace referat::store {

// The name tables are created with: tokenize = 'danish'. Arguments after the
// name are passed to unicode61 after our default "remove_diacritics 0", so
// tokenize = 'danish remove_diacritics 2' folds diacritics as well.
inline constexpr const char* kDanishTokenizer = "danish";

// Words whose Snowball stem would part them from their own inflections
// ("budget" -> "budg", but "budgettet" -> "budget"): rows "word<TAB>stem"
// (the folded word is indexed as `stem`) and "*ending<TAB>replacement" (a
// word ending so is indexed as itself with the ending replaced), sorted by
// the first field. From extract/rules/stem_exceptions.txt:
// the store reads it from the rulebook (stem_exceptions_rules.cc), the
// loadable extension from the same file compiled into it, so both stem
// alike.
using StemExceptions = std::vector<std::pair<std::string, std::string>>;
const StemExceptions& DanishStemExceptions();

// The rows "word<TAB>stem" of a stem exceptions file ('#' comments, blank
// lines skipped), sorted by word.
StemExceptions ParseStemExceptions(std::string_view text);
StemExceptions SortStemExceptions(StemExceptions rows);

// Registers the tokenizer on `db` (needed on every connection that reads or
// writes a table that uses it).
Status RegisterDanishTokenizer(sqlite3* db);

// The stem of one case-folded word: with `exceptions` as the tokenizer
// indexes it, without as the Snowball stemmer alone gives it (for tests of
// the exceptions).
std::string StemWord(std::string_view folded, bool exceptions);

// The index terms the registered tokenizer makes of `text`, in order (for
// tests and for explaining a query). REQUIRES: RegisterDanishTokenizer(db).
Result<std::vector<std::string>> DanishTerms(sqlite3* db, std::string_view text);

}  // namespace referat::store

#endif  // REFERAT_STORE_DANISH_TOKENIZER_H_
