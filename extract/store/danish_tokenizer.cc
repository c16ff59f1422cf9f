#include "store/danish_tokenizer.h"

// Compiled twice: into the store, calling SQLite directly, and into the
// loadable extension (danish_extension.cc), where every sqlite3_* call must
// go through the routines the loading SQLite hands over.
#ifdef REFERAT_SQLITE_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#endif

#include <libstemmer.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace referat::store {
namespace {

// Tokens longer than this are indexed as they are: no Danish word is this
// long, and the stemmer's work grows with the length of what it is given.
constexpr int kMaxStemBytes = 100;

// The fts5_api of a connection, obtained as the FTS5 documentation says:
// SELECT fts5(?1) with a pointer bound under the type "fts5_api_ptr".
fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

// The stem exceptions: whole words (with a bit per word length, so a token
// of a length no word has is not looked up) and endings ("*itet"), longest
// ending first.
struct Exceptions {
  StemExceptions words;
  std::vector<std::pair<std::string, std::string>> endings;
  uint64_t lengths = 0;
  explicit Exceptions(const StemExceptions& rows) {
    for (const auto& [word, stem] : rows) {
      if (word.size() > 1 && word[0] == '*') {
        endings.emplace_back(word.substr(1), stem);
      } else {
        words.emplace_back(word, stem);
        if (word.size() < 64) lengths |= uint64_t{1} << word.size();
      }
    }
    std::stable_sort(endings.begin(), endings.end(), [](const auto& a, const auto& b) {
      return a.first.size() > b.first.size();
    });
  }
  // The stem of `token` if a row covers it.
  bool Find(std::string_view token, std::string* stem) const {
    if (token.size() < 64 && (lengths >> token.size() & 1)) {
      auto it = std::lower_bound(words.begin(), words.end(), token,
                                 [](const auto& row, std::string_view t) { return row.first < t; });
      if (it != words.end() && it->first == token) {
        *stem = it->second;
        return true;
      }
    }
    for (const auto& [ending, replacement] : endings) {
      if (token.size() < ending.size() ||
          token.compare(token.size() - ending.size(), ending.size(), ending) != 0)
        continue;
      stem->assign(token.substr(0, token.size() - ending.size()));
      stem->append(replacement);
      return true;
    }
    return false;
  }
};

const Exceptions& TheExceptions() {
  static const Exceptions* e = new Exceptions(DanishStemExceptions());
  return *e;
}

// One tokenizer instance: FTS5 creates one per table per connection and
// uses it from that connection only, so the (not thread-safe) stemmer needs
// no lock.
struct DanishTokenizer {
  fts5_tokenizer inner_methods{};
  Fts5Tokenizer* inner = nullptr;
  sb_stemmer* stemmer = nullptr;
  const Exceptions* exceptions = &TheExceptions();
  std::string own_stem;  // the buffer of an exception's stem
  ~DanishTokenizer() {
    if (inner) inner_methods.xDelete(inner);
    if (stemmer) sb_stemmer_delete(stemmer);
  }
};

int Create(void* context, const char** args, int nargs, Fts5Tokenizer** out) {
  auto* api = static_cast<fts5_api*>(context);
  auto tok = std::make_unique<DanishTokenizer>();
  void* inner_context = nullptr;
  int rc = api->xFindTokenizer(api, "unicode61", &inner_context, &tok->inner_methods);
  if (rc != SQLITE_OK) return rc;
  std::vector<const char*> inner_args = {"remove_diacritics", "0"};
  for (int i = 0; i < nargs; ++i) inner_args.push_back(args[i]);
  rc = tok->inner_methods.xCreate(inner_context, inner_args.data(),
                                  static_cast<int>(inner_args.size()), &tok->inner);
  if (rc != SQLITE_OK) {
    tok->inner = nullptr;
    return rc;
  }
  tok->stemmer = sb_stemmer_new("danish", "UTF_8");
  if (!tok->stemmer) return SQLITE_NOMEM;
  *out = reinterpret_cast<Fts5Tokenizer*>(tok.release());
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* t) { delete reinterpret_cast<DanishTokenizer*>(t); }

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

struct Forward {
  DanishTokenizer* tok;
  void* ctx;
  TokenCallback emit;
};

// Receives each folded token from unicode61 and hands on its stem with the
// original byte offsets (so snippet() and highlight() mark the source words).
int StemToken(void* p, int tflags, const char* token, int n, int start, int end) {
  auto* f = static_cast<Forward*>(p);
  if (n <= 0 || n > kMaxStemBytes) return f->emit(f->ctx, tflags, token, n, start, end);
  std::string& own = f->tok->own_stem;
  if (f->tok->exceptions->Find(std::string_view(token, n), &own))
    return f->emit(f->ctx, tflags, own.data(), static_cast<int>(own.size()), start, end);
  const sb_symbol* stem =
      sb_stemmer_stem(f->tok->stemmer, reinterpret_cast<const sb_symbol*>(token), n);
  if (!stem) return SQLITE_NOMEM;
  return f->emit(f->ctx, tflags, reinterpret_cast<const char*>(stem),
                 sb_stemmer_length(f->tok->stemmer), start, end);
}

// Prefix queries ("integrations*") are stemmed too: a stemmed prefix is a
// prefix of the stems of the words it begins, in all but odd cases, and an
// unstemmed one ("kommunen*") would miss the stem it should find ("kommun").
int Tokenize(Fts5Tokenizer* t, void* ctx, int flags, const char* text, int n,
             TokenCallback emit) {
  auto* tok = reinterpret_cast<DanishTokenizer*>(t);
  Forward f{tok, ctx, emit};
  return tok->inner_methods.xTokenize(tok->inner, &f, flags, text, n, StemToken);
}

fts5_tokenizer kMethods = {Create, Delete, Tokenize};

int Collect(void* p, int, const char* token, int n, int, int) {
  static_cast<std::vector<std::string>*>(p)->emplace_back(token, n);
  return SQLITE_OK;
}

}  // namespace

StemExceptions SortStemExceptions(StemExceptions rows) {
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end(),
                         [](const auto& a, const auto& b) { return a.first == b.first; }),
             rows.end());
  return rows;
}

StemExceptions ParseStemExceptions(std::string_view text) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
  };
  StemExceptions rows;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    rows.emplace_back(std::string(trim(line.substr(0, tab))), std::string(trim(line.substr(tab + 1))));
  }
  return SortStemExceptions(std::move(rows));
}

Status RegisterDanishTokenizer(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (!api) return Status::Internal("this SQLite has no FTS5");
  int rc = api->xCreateTokenizer(api, kDanishTokenizer, api, &kMethods, nullptr);
  if (rc != SQLITE_OK) return Status::Internal("cannot register the danish FTS5 tokenizer");
  return Status::Ok();
}

std::string StemWord(std::string_view folded, bool exceptions) {
  std::string stem;
  if (exceptions && TheExceptions().Find(folded, &stem)) return stem;
  thread_local std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> stemmer(
      sb_stemmer_new("danish", "UTF_8"), sb_stemmer_delete);
  const sb_symbol* out = sb_stemmer_stem(
      stemmer.get(), reinterpret_cast<const sb_symbol*>(folded.data()), static_cast<int>(folded.size()));
  if (!out) return std::string(folded);
  return std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(stemmer.get()));
}

Result<std::vector<std::string>> DanishTerms(sqlite3* db, std::string_view text) {
  fts5_api* api = Fts5Api(db);
  if (!api) return Status::Internal("this SQLite has no FTS5");
  void* context = nullptr;
  fts5_tokenizer methods{};
  if (api->xFindTokenizer(api, kDanishTokenizer, &context, &methods) != SQLITE_OK)
    return Status::Internal("the danish tokenizer is not registered");
  Fts5Tokenizer* tok = nullptr;
  if (methods.xCreate(context, nullptr, 0, &tok) != SQLITE_OK)
    return Status::Internal("cannot create the danish tokenizer");
  std::vector<std::string> terms;
  int rc = methods.xTokenize(tok, &terms, FTS5_TOKENIZE_DOCUMENT, text.data(),
                             static_cast<int>(text.size()), Collect);
  methods.xDelete(tok);
  if (rc != SQLITE_OK) return Status::Internal("tokenizing failed");
  return terms;
}

}  // namespace referat::store
