// Section headings: rules/section_headings.txt (and bodies.txt's names for
// "<Body's> beslutning" headings).
#ifndef REFERAT_ANALYZE_LEXICON_HEADINGS_H_
#define REFERAT_ANALYZE_LEXICON_HEADINGS_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyze/lexicon/detail.h"
#include "analyze/lexicon/header.h"
#include "analyze/lexicon/items.h"
#include "analyze/phrases.h"

namespace referat::analyze {

// What a heading line means (rules/section_headings.txt).
enum class Role {
  kNone,
  kDecision,
  kRecommendation,
  kAttachments,
  kCase,
  kSection,
  kToc,
  kOpen,
  kClosed,
  kEnd,
};

struct HeadingHit {
  Role role = Role::kNone;
  size_t heading_end = 0;  // bytes of the block that form the heading (no ':')
  size_t text_start = 0;   // where text on the same line starts; == size if none
  bool markup = false;     // a heading only by the reader's markup (kHeading), not the rules
  bool wildcard = false;   // matched a "…" rule ("Beslutning …"), not a whole heading
};

class HeadingMatcher {
 public:
  HeadingMatcher(const Rulebook& rules, const ItemMatcher& items, const HeaderMatcher& header);

  // A block that is a heading, tried in this order: the whole block (less a
  // final ':') is a heading; it is a "…" heading (short, not a sentence, no
  // TAB or ": " in it); it is a body's decision ("Byrådets beslutning
  // 24.10.2017"); it is "Heading: text" or "Heading<TAB>text" on one line.
  // Roles are tried in the file's order of roles, the first that has a
  // heading wins.
  HeadingHit MatchHeading(std::string_view block) const;
  // True when the whole `line` is one of `role`'s headings, even when it
  // ends a sentence ("Mødet hævet kl. 17.30." for kEnd).
  bool IsRoleLine(std::string_view line, Role role) const;
  // A body's decision as a heading ("Byrådets beslutning 24.10.2017",
  // "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 44"); MatchHeading asks it
  // of short lines that start with a capital and do not end a sentence.
  bool IsBodyDecision(std::string_view t) const { return GenitiveDecision(t) || DatedBodyDecision(t); }

 private:
  // The heading forms of role roles_[tag], or with kAnyRole of the first
  // role that has one, whose index is then *k: the whole text is a
  // heading without "…" (or, `wildcard`, one with "…").
  static constexpr uint32_t kAnyRole = PhraseList::kAllTags;
  bool MatchForm(std::string_view t, uint32_t tag, uint32_t* k, bool wildcard) const;
  bool MatchInline(std::string_view block, uint32_t* k, size_t* head_end, size_t* rest_start) const;
  bool GenitiveDecision(std::string_view t) const;
  bool DatedBodyDecision(std::string_view t) const;
  bool BodyOnDateLabel(std::string_view t) const;

  const ItemMatcher& items_;
  const HeaderMatcher& header_;
  std::vector<Role> roles_;  // the roles that have headings, in file order
  // All roles' headings in one list: roles_[k]'s with the tag k, after those
  // of the roles before it, so a text is decoded once for all roles and the
  // first hit is the first role's.
  PhraseList headings_;
  // "<Body's> beslutning …" headings: folded body genitives and decision words.
  std::vector<std::string> genitives_, genitive_decision_words_;
  std::vector<std::string> genitive_decision_forms_;  // " beslutning", " Beslutning", " BESLUTNING"
  // ", 03-04-2019, pkt. 44" after a body's name: the date, then maybe an item.
  LazyRE2 body_decision_date_;
};

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_LEXICON_HEADINGS_H_
