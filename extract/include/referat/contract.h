// The contract's closed vocabularies (../shared/spec/output-contract.md):
// each is an enum class with one name table, and every place that prints,
// stores, parses or lists one of them (the JSON, the store, the search
// filters, the CLI help, schemas/document.schema.json through a test) goes
// through that table. A new value is one line in the enum and one in its
// table; the schema's enum list must then name it too (tests/contract).
#ifndef REFERAT_CONTRACT_H_
#define REFERAT_CONTRACT_H_

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace referat {

// What a document is, decided from its structure (Record::kind).
enum class DocumentKind : uint8_t {
  kMinutes,     // a meeting with decisions (referat, beslutningsprotokol)
  kAgenda,      // a meeting's agenda, no decisions yet (dagsorden)
  kAgendaItem,  // one item on its own, without a meeting header
  kReport,      // a municipal report: title, sections, figures
  kUnknown,
};

// What an agenda item's decision did (Decision::category), read from its
// wording by rules/decision_phrases.txt.
enum class DecisionCategory : uint8_t {
  kApproved,
  kApprovedWithChanges,
  kRecommended,  // recommended to the next body
  kNoted,        // taken note of
  kDiscussed,
  kRejected,
  kPostponed,
  kReferred,  // sent back or on to another body
  kWithdrawn,
  kNone,   // the text states no decision was made
  kOther,  // a decision whose wording no rule knows
};

// One enumerator and its contract name.
template <class E>
struct EnumName {
  E value;
  std::string_view name;
};

// The name tables, in enum order (the order of the schema's enum lists).
inline constexpr EnumName<DocumentKind> kDocumentKindNames[] = {
    {DocumentKind::kMinutes, "minutes"},        {DocumentKind::kAgenda, "agenda"},
    {DocumentKind::kAgendaItem, "agenda_item"}, {DocumentKind::kReport, "report"},
    {DocumentKind::kUnknown, "unknown"},
};
inline constexpr EnumName<DecisionCategory> kDecisionCategoryNames[] = {
    {DecisionCategory::kApproved, "approved"},
    {DecisionCategory::kApprovedWithChanges, "approved_with_changes"},
    {DecisionCategory::kRecommended, "recommended"},
    {DecisionCategory::kNoted, "noted"},
    {DecisionCategory::kDiscussed, "discussed"},
    {DecisionCategory::kRejected, "rejected"},
    {DecisionCategory::kPostponed, "postponed"},
    {DecisionCategory::kReferred, "referred"},
    {DecisionCategory::kWithdrawn, "withdrawn"},
    {DecisionCategory::kNone, "none"},
    {DecisionCategory::kOther, "other"},
};

// The table of enum E.
template <class E>
constexpr std::span<const EnumName<E>> Names();
template <>
constexpr std::span<const EnumName<DocumentKind>> Names<DocumentKind>() {
  return kDocumentKindNames;
}
template <>
constexpr std::span<const EnumName<DecisionCategory>> Names<DecisionCategory>() {
  return kDecisionCategoryNames;
}

// The enums above; Name, FromName and NameList take no other type.
template <class E>
concept ContractEnum = std::same_as<E, DocumentKind> || std::same_as<E, DecisionCategory>;

namespace contract_internal {
template <class E>
constexpr bool InEnumOrder() {
  size_t i = 0;
  for (const auto& e : Names<E>())
    if (static_cast<size_t>(e.value) != i++) return false;
  return true;
}
static_assert(InEnumOrder<DocumentKind>() && InEnumOrder<DecisionCategory>(),
              "a name table must list its enum in order");
}  // namespace contract_internal

// The contract name of `e` ("approved_with_changes").
template <ContractEnum E>
constexpr std::string_view Name(E e) {
  return Names<E>()[static_cast<size_t>(e)].name;
}

// The enumerator named `name`, or nullopt for a name the contract lacks.
template <ContractEnum E>
constexpr std::optional<E> FromName(std::string_view name) {
  for (const auto& e : Names<E>())
    if (e.name == name) return e.value;
  return std::nullopt;
}

// Every name of E, joined by `sep`, in table order: for help texts and
// the message that refuses an unknown name.
template <ContractEnum E>
std::string NameList(std::string_view sep = ", ") {
  std::string out;
  for (const auto& e : Names<E>()) {
    if (!out.empty()) out += sep;
    out += e.name;
  }
  return out;
}

}  // namespace referat

#endif  // REFERAT_CONTRACT_H_
