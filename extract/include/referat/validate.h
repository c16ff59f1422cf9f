// Validation of contract JSON against schemas/document.schema.json.
#ifndef REFERAT_VALIDATE_H_
#define REFERAT_VALIDATE_H_

#include <string>
#include <string_view>
#include <vector>

#include "referat/status.h"

namespace referat {

// The document schema, compiled into the library from schemas/.
std::string_view DocumentSchemaText();

// Validates one JSON text (one document). Returns the list of problems,
// empty when valid. A parse error is one problem.
std::vector<std::string> ValidateDocumentJson(std::string_view json_text);

}  // namespace referat

#endif  // REFERAT_VALIDATE_H_
