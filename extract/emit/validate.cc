// Validation against schemas/document.schema.json with valijson. The schema
// is written as JSON Schema 2020-12 using only keywords whose meaning is the
// same in draft 7, which is what valijson 1.0 implements.
#include "referat/validate.h"

#include <memory>
#include <mutex>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace referat {
namespace {

const valijson::Schema* CompiledSchema(std::string* error) {
  static std::once_flag once;
  static valijson::Schema* schema = nullptr;
  static std::string load_error;
  std::call_once(once, [] {
    try {
      nlohmann::json doc = nlohmann::json::parse(DocumentSchemaText());
      auto* s = new valijson::Schema();
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(doc);
      parser.populateSchema(adapter, *s);
      schema = s;
    } catch (const std::exception& e) {
      load_error = e.what();
    }
  });
  if (!schema && error) *error = load_error;
  return schema;
}

}  // namespace

std::vector<std::string> ValidateDocumentJson(std::string_view json_text) {
  std::vector<std::string> problems;
  std::string err;
  const valijson::Schema* schema = CompiledSchema(&err);
  if (!schema) {
    problems.push_back("schema failed to load: " + err);
    return problems;
  }
  nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    problems.push_back("not valid JSON");
    return problems;
  }
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  if (!validator.validate(*schema, target, &results)) {
    valijson::ValidationResults::Error e;
    while (results.popError(e)) {
      std::string where;
      for (const auto& c : e.context) where += c;
      problems.push_back(where + ": " + e.description);
    }
    if (problems.empty()) problems.push_back("invalid");
  }
  return problems;
}

}  // namespace referat
