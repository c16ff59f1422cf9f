// Tests of the decision classifier beyond its examples (the examples of
// every rule file are run by tests/rules/rule_examples_test.cc).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "analyze/context.h"
#include "analyze/dates.h"
#include "analyze/decision.h"
#include "analyze/lexicon.h"
#include "analyze/names.h"
#include "analyze/text_util.h"
#include "analyze_test_util.h"

namespace referat {
namespace {

using analyze::Lexicon;

const Lexicon& Lex() { return Lexicon::For(Rules()); }

// Warnings the contract promises: unknown wording is "other" plus a warning,
// never a guess.
TEST(Decisions, UnknownWordingWarns) {
  auto r = testing::StructureOfBytes(
      "Punkt 1.\nTitel\nBeslutning:\nLokalitet for dialogmødet er ændret fra caféen til Portalen.\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->agenda_items.size(), 1u);
  ASSERT_TRUE(r->agenda_items[0].decision);
  EXPECT_EQ(Name(r->agenda_items[0].decision->category), "other");
  bool warned = false;
  for (const auto& w : r->warnings) warned = warned || w.code == "unknown_decision_phrase";
  EXPECT_TRUE(warned);
}

TEST(Decisions, LexiconIsCompiledOncePerRulebook) {
  EXPECT_EQ(&Lexicon::For(Rules()), &Lexicon::For(Rules()));
  Rulebook other = Rulebook::FromTexts({{"decision_phrases", "approved\tja\n"}});
  const Lexicon& a = Lexicon::For(other);
  EXPECT_EQ(&a, &Lexicon::For(other));
  EXPECT_NE(&a, &Lexicon::For(Rules()));
  EXPECT_EQ(a.decisions().ClassifyDecision("Ja.").category, "approved");
  EXPECT_EQ(Lex().decisions().ClassifyDecision("Ja.").category, "other");
}

}  // namespace
}  // namespace referat
