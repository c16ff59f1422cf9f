// The contract's name tables agree with schemas/document.schema.json, and
// every category a rule file gives is one the contract knows.
#include "referat/contract.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "referat/validate.h"
#include "rules/rulebook.h"

namespace referat {
namespace {

using J = nlohmann::json;

const J& Schema() {
  static const J schema = J::parse(DocumentSchemaText());
  return schema;
}

template <ContractEnum E>
std::vector<std::string> TableNames() {
  std::vector<std::string> out;
  for (const auto& e : Names<E>()) out.emplace_back(e.name);
  return out;
}

TEST(ContractEnums, KindTableIsTheSchemaEnum) {
  EXPECT_EQ(Schema()["properties"]["kind"]["enum"].get<std::vector<std::string>>(),
            TableNames<DocumentKind>());
}

TEST(ContractEnums, CategoryTableIsTheSchemaEnum) {
  const J& decision = Schema()["$defs"]["agenda_item"]["properties"]["decision"]["anyOf"][0];
  EXPECT_EQ(decision["properties"]["category"]["enum"].get<std::vector<std::string>>(),
            TableNames<DecisionCategory>());
}

TEST(ContractEnums, NamesRoundTrip) {
  for (const auto& e : Names<DocumentKind>())
    EXPECT_EQ(FromName<DocumentKind>(Name(e.value)), e.value);
  for (const auto& e : Names<DecisionCategory>())
    EXPECT_EQ(FromName<DecisionCategory>(Name(e.value)), e.value);
  EXPECT_FALSE(FromName<DocumentKind>("minute"));
  EXPECT_FALSE(FromName<DecisionCategory>("Approved"));
  EXPECT_FALSE(FromName<DecisionCategory>(""));
  EXPECT_EQ(NameList<DocumentKind>(), "minutes, agenda, agenda_item, report, unknown");
}

// decision_phrases.txt: "category<TAB>phrase", "anywhere<TAB>category<TAB>
// phrase", and the subject rows. A category the contract lacks would make
// every decision it matches read as "other".
TEST(ContractEnums, DecisionPhraseCategoriesAreTheContracts) {
  int rows = 0;
  for (const auto& row : Rules().Table("decision_phrases")) {
    ASSERT_FALSE(row.empty());
    if (row[0] == "subject" || row[0] == "subject_suffix") continue;
    const std::string& category = row[0] == "anywhere" ? row.at(1) : row[0];
    EXPECT_TRUE(FromName<DecisionCategory>(category)) << "decision_phrases.txt: " << category;
    EXPECT_NE(category, "other") << "\"other\" means no rule matched; a rule never gives it";
    ++rows;
  }
  EXPECT_GT(rows, 100);
}

// targets_phrases.txt: "phrase<TAB>kind<TAB>direction or -". Target
// directions are still strings in the Record; the schema's enum is their
// list, so every direction a rule gives must be in it.
TEST(ContractRules, TargetDirectionsAreTheSchemas) {
  std::vector<std::string> allowed;
  for (const auto& v : Schema()["$defs"]["target"]["properties"]["direction"]["enum"])
    if (v.is_string()) allowed.push_back(v.get<std::string>());
  ASSERT_FALSE(allowed.empty());
  int directions = 0;
  for (const auto& row : Rules().Table("targets_phrases")) {
    if (row.size() < 3 || row[2] == "-") continue;
    EXPECT_NE(std::find(allowed.begin(), allowed.end(), row[2]), allowed.end())
        << "targets_phrases.txt: " << row[0] << " -> " << row[2];
    ++directions;
  }
  EXPECT_GT(directions, 10);
}

}  // namespace
}  // namespace referat
