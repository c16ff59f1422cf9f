#include "analyze/lexicon.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace referat::analyze {
namespace {

std::string Fingerprint(const Rulebook& rules) {
  std::string all;
  for (const auto& name : rules.Names()) {
    all += name;
    all += '\x01';
    for (const auto& l : rules.Lines(name)) {
      all += l;
      all += '\n';
    }
  }
  return all;
}

}  // namespace

Lexicon::Lexicon(const Rulebook& rules)
    : words_(rules),
      items_(rules, words_),
      header_(rules, words_),
      headings_(rules, items_, header_),
      decisions_(rules, words_),
      attendance_(rules),
      dates_(rules) {}

const Lexicon& Lexicon::For(const Rulebook& rules) {
  // Cached by the rule texts themselves: a Rulebook rebuilt at the same
  // address with other texts (tests) gets its own Lexicon. Entries live for
  // the process; there are only ever a handful of distinct rulebooks.
  static std::mutex mu;
  static auto* cache = new std::map<std::string, std::unique_ptr<Lexicon>>();
  static const Rulebook* last_book = nullptr;
  static const Lexicon* last_lex = nullptr;
  static const Rulebook* process_book = &Rules();
  std::lock_guard<std::mutex> lock(mu);
  if (&rules == process_book && last_book == process_book && last_lex) return *last_lex;
  // The process-wide rulebook needs no fingerprint (concatenating every
  // rule text); a fingerprint never starts with a NUL.
  std::string key = &rules == process_book ? std::string("\0process", 8) : Fingerprint(rules);
  auto it = cache->find(key);
  if (it == cache->end()) it = cache->emplace(key, std::make_unique<Lexicon>(rules)).first;
  last_book = &rules;
  last_lex = it->second.get();
  return *it->second;
}

}  // namespace referat::analyze
