// Contract JSON back into a Record, for `referat ingest --from-jsonl`: the
// shards of a cluster run (extract --jsonl --with-text on many machines)
// are brought home into one store through the same write path as a local
// ingest. The reader is the exact inverse of ToJson (extract/emit/json.cc):
// ToJson(RecordFromJson(ToJson(r))) == ToJson(r), tested on the corpus.
#ifndef REFERAT_STORE_FROM_JSON_H_
#define REFERAT_STORE_FROM_JSON_H_

#include <string_view>

#include "referat/record.h"
#include "referat/status.h"

namespace referat::store {

// Validates `line` against the contract schema and reads it. text.content,
// when present, is kept in Record::text_content (the searchable text of
// items without sections and of documents without items). A line made by
// another generator version is refused: its fields need not mean what this
// version's tables expect. kCorrupt for anything that is not a contract
// document, with the first problem in the message.
Result<Record> RecordFromJson(std::string_view line);

}  // namespace referat::store

#endif  // REFERAT_STORE_FROM_JSON_H_
