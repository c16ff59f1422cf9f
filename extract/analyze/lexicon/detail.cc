#include "analyze/lexicon/detail.h"

#include <algorithm>
#include <cctype>

#include "analyze/phrases.h"
#include "lang/wordlist.h"

namespace referat::analyze {
namespace {

std::unique_ptr<RE2> Compile(const std::string& pattern) {
  RE2::Options opt;
  opt.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, opt);
  // Rule entries are quoted, so only a bug here can make a bad pattern; an
  // unusable pattern must not take the process down: it matches nothing.
  if (!re->ok()) re = std::make_unique<RE2>("[^\\x00-\\x{10FFFF}]", opt);
  return re;
}

}  // namespace

const RE2& LazyRE2::operator*() const {
  std::call_once(once_, [this] { re_ = Compile(pattern_); });
  return *re_;
}

namespace lexicon_detail {
namespace {

// A phrase as a pattern: words quoted, separated by \s+; "…" (if allowed)
// becomes `ellipsis`.
std::string PhrasePattern(std::string_view phrase, std::string_view ellipsis) {
  std::string out;
  size_t pos = 0;
  bool first = true;
  while (pos < phrase.size()) {
    size_t sp = phrase.find(' ', pos);
    if (sp == std::string_view::npos) sp = phrase.size();
    std::string_view w = phrase.substr(pos, sp - pos);
    pos = sp + 1;
    if (w.empty()) continue;
    if (w == kEllipsis && !ellipsis.empty()) {
      out += ellipsis;
      first = false;
      continue;
    }
    if (!first) out += "\\s+";
    out += RE2::QuoteMeta(re2::StringPiece(w.data(), w.size()));
    first = false;
  }
  return out;
}

}  // namespace

std::string Alternation(std::vector<std::string> phrases, std::string_view ellipsis) {
  std::sort(phrases.begin(), phrases.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
  std::string out;
  for (const auto& p : phrases) {
    std::string pat = PhrasePattern(p, ellipsis);
    if (pat.empty()) continue;
    if (!out.empty()) out += '|';
    out += pat;
  }
  if (out.empty()) out = "[^\\x00-\\x{10FFFF}]";  // matches nothing
  return out;
}

const std::vector<std::vector<std::string>>& Tables::operator()(std::string_view name) {
  auto it = tables_.find(name);
  if (it == tables_.end()) it = tables_.emplace(std::string(name), rules_.Table(name)).first;
  return it->second;
}

std::vector<std::string> Column(Tables& tables, std::string_view file, std::string_view kind,
                                size_t field) {
  std::vector<std::string> out;
  for (const auto& row : tables(file))
    if (row.size() > field && (kind.empty() || row[0] == kind)) out.push_back(row[field]);
  return out;
}

size_t LabelEnd(std::string_view s, size_t e) {
  size_t q = e;
  while (q < s.size() && s[q] == ' ') ++q;
  if (q < s.size() && (s[q] == ':' || s[q] == '\t')) {
    ++q;
    while (q < s.size() && (s[q] == ' ' || s[q] == '\t')) ++q;
    return q;
  }
  return q == s.size() ? q : std::string_view::npos;
}

bool LineText(std::string_view s, size_t a, size_t b) {
  for (size_t i = a; i < b;) {
    size_t len = 0;
    if (DecodeAt(s, i, &len) < 0 || s[i] == '\n') return false;
    i += len;
  }
  return true;
}

bool RestOfLine(std::string_view s, size_t q) {
  return q < s.size() && !IsReSpace(s[q]) && LineText(s, q, s.size());
}

size_t FindCaseless(std::string_view hay, std::string_view needle, size_t from) {
  // No folding of the whole text: this runs on every block or decision.
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() &&
           static_cast<char>(std::tolower(static_cast<unsigned char>(hay[i + k]))) == needle[k])
      ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

int DigitsToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

size_t FindWord(const PhraseList& list, std::string_view s, size_t* len) {
  size_t start = 0, end = 0;
  auto word_end = [&](size_t e, bool) {
    size_t l = 0;
    if (!NonLetterAt(s, e, true, &l)) return false;
    end = e;
    return true;
  };
  if (!list.Find(s, true, word_end, &start)) return std::string_view::npos;
  *len = end - start;
  return start;
}

bool HasWord(const PhraseList& list, std::string_view s, bool boundary) {
  return list.Find(s, boundary, [&](size_t end, bool) {
    size_t len = 0;
    return NonLetterAt(s, end, false, &len);
  });
}

bool MatchLabelPhrase(const PhraseList& list, std::string_view block, size_t* label_end,
                      size_t* value_start) {
  return list.Each(block, 0, [&](size_t end, bool) {
    size_t v = LabelEnd(block, end);
    if (v == std::string_view::npos) return false;
    *label_end = end;
    *value_start = v;
    return true;
  });
}

std::string WordAlternation(const Rulebook& rules, std::string_view tag) {
  return lang::ReAlternation(lang::WordList(rules, "function_words", tag).entries());
}

std::string RefAlternation(const Rulebook& rules, std::string_view tag) {
  std::string out;
  const lang::WordList list(rules, "function_words", tag);
  for (const auto& e : list.entries()) {
    if (!out.empty()) out += '|';
    if (e.size() > 1 && e.back() == '.')
      out += lang::ReAlternation({e.substr(0, e.size() - 1)}) + "\\.?\\s*";
    else
      out += lang::ReAlternation({e}) + "\\s+";
  }
  return out;
}

}  // namespace lexicon_detail
}  // namespace referat::analyze
