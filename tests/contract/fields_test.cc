// The contract's field table (emit/fields.h) against
// schemas/document.schema.json, object by object: every property of the
// schema is a field of the table and every field a property, with the same
// type, nullability and requiredness; and against the store: every table
// that holds a contract object has exactly the columns store/columns.h
// derives from the table.
#include "emit/fields.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "referat/extract.h"
#include "referat/store.h"
#include "referat/validate.h"
#include "store/columns.h"
#include "store/from_json.h"

namespace referat {
namespace {

using J = nlohmann::ordered_json;

const J& Schema() {
  static const J schema = J::parse(DocumentSchemaText());
  return schema;
}

// One property as a type signature: "string", "integer?", "span",
// "object?", "string[]", ... and, for objects, the properties beneath.
struct Shape {
  std::string type;
  bool required = true;
  std::vector<std::string> values;  // of an enum, when the field is one
  std::map<std::string, Shape> fields;
  std::vector<std::string> order;
};

Shape Type(std::string type) {
  Shape s;
  s.type = std::move(type);
  return s;
}

// ---- the schema side ----

const J& Resolve(const J& p) {
  if (p.contains("$ref")) {
    std::string ref = p["$ref"];
    return Schema()["$defs"][ref.substr(ref.rfind('/') + 1)];
  }
  return p;
}

Shape FromSchema(const J& raw);

Shape ObjectFromSchema(const J& o) {
  Shape s;
  s.type = "object";
  EXPECT_EQ(o.value("additionalProperties", true), false) << o.dump().substr(0, 200);
  std::set<std::string> required;
  if (o.contains("required")) required = o["required"].get<std::set<std::string>>();
  for (const auto& [k, v] : o["properties"].items()) {
    Shape f = FromSchema(v);
    f.required = required.count(k) > 0;
    s.fields[k] = std::move(f);
    s.order.push_back(k);
  }
  return s;
}

Shape FromSchema(const J& raw) {
  if (raw.contains("$ref")) {
    std::string ref = raw["$ref"];
    if (ref == "#/$defs/span") return Type("span");
    if (ref == "#/$defs/nullable_span") return Type("span?");
    return FromSchema(Resolve(raw));
  }
  const J& p = raw;
  if (p.contains("const")) return Type("string");
  if (p.contains("enum")) {
    Shape s = Type("string");
    for (const auto& v : p["enum"]) {
      if (v.is_null())
        s.type = "string?";
      else
        s.values.push_back(v.get<std::string>());
    }
    return s;
  }
  if (p.contains("anyOf")) {  // [X, {"type": "null"}]
    const J& any = p["anyOf"];
    EXPECT_EQ(any.size(), 2u);
    EXPECT_EQ(any[1], J({{"type", "null"}}));
    Shape s = FromSchema(any[0]);
    s.type += "?";
    return s;
  }
  std::string type;
  bool nullable = false;
  if (p["type"].is_array()) {
    for (const auto& t : p["type"]) {
      if (t == "null")
        nullable = true;
      else
        type = t;
    }
  } else {
    type = p["type"];
  }
  Shape s;
  if (type == "object")
    s = ObjectFromSchema(p);
  else if (type == "array") {
    Shape item = FromSchema(p["items"]);
    s = item;
    s.type = item.type + "[]";
  } else
    s.type = type;
  if (nullable) s.type += "?";
  return s;
}

// ---- the table side ----

class TableShape {
 public:
  Shape shape = Type("object");

  template <class T>
  void operator()(const char* key, const T& v, unsigned flags = fields::kPlain) {
    Shape f = Of(v);
    if (flags & fields::kOmitWhenAbsent) {
      f.required = false;
      if (f.type.ends_with("?")) f.type.pop_back();
    }
    Add(key, std::move(f));
  }
  void Constant(const char* key, const char*) { Add(key, Type("string")); }
  template <class Fn>
  void Inline(const char* key, Fn&& fn, unsigned = fields::kPlain) {
    TableShape sub;
    fn(sub);
    Add(key, std::move(sub.shape));
  }

 private:
  void Add(const std::string& key, Shape f) {
    EXPECT_FALSE(shape.fields.count(key)) << "field " << key << " twice";
    shape.order.push_back(key);
    shape.fields[key] = std::move(f);
  }
  static Shape Of(const std::string&) { return Type("string"); }
  static Shape Of(int) { return Type("integer"); }
  static Shape Of(uint64_t) { return Type("integer"); }
  static Shape Of(double) { return Type("number"); }
  static Shape Of(bool) { return Type("boolean"); }
  static Shape Of(const Span&) { return Type("span"); }
  template <ContractEnum E>
  static Shape Of(E) {
    Shape s = Type("string");
    for (const auto& e : Names<E>()) s.values.emplace_back(e.name);
    return s;
  }
  template <fields::Described T>
  static Shape Of(const T& v) {
    TableShape sub;
    fields::Fields(sub, v);
    return std::move(sub.shape);
  }
  template <class T>
  static Shape Of(const std::optional<T>&) {
    Shape s = Of(T{});
    s.type += "?";
    return s;
  }
  template <class T>
  static Shape Of(const std::vector<T>&) {
    Shape s = Of(T{});
    s.type += "[]";
    return s;
  }
};

void ExpectSame(const Shape& table, const Shape& schema, const std::string& path) {
  // A field the JSON leaves out when absent may be null too in the schema.
  std::string schema_type = schema.type;
  if (!schema.required && schema_type.ends_with("?")) schema_type.pop_back();
  EXPECT_EQ(table.type, schema_type) << path;
  EXPECT_EQ(table.required, schema.required) << path << " required";
  if (!table.values.empty()) {
    EXPECT_EQ(table.values, schema.values) << path << " enum";
  }
  for (const auto& k : schema.order)
    EXPECT_TRUE(table.fields.count(k)) << path << "." << k << " is in the schema, not the table";
  for (const auto& k : table.order)
    EXPECT_TRUE(schema.fields.count(k)) << path << "." << k << " is in the table, not the schema";
  if (table.order.size() == schema.order.size() &&
      std::is_permutation(table.order.begin(), table.order.end(), schema.order.begin())) {
    EXPECT_EQ(table.order, schema.order) << path << ": the table's order is the contract's";
  }
  for (const auto& [k, f] : table.fields)
    if (auto it = schema.fields.find(k); it != schema.fields.end())
      ExpectSame(f, it->second, path + "." + k);
}

TEST(FieldTable, IsTheSchema) {
  TableShape table;
  const Record empty;
  fields::Fields(table, empty);
  Shape schema = ObjectFromSchema(Schema());
  ExpectSame(table.shape, schema, "$");
  EXPECT_GT(table.shape.fields.size(), 10u);
}

// Every store table that holds a contract object has exactly the columns
// the field table gives it, beside its own keys.
TEST(FieldTable, IsTheStoresColumns) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("referat_fields_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string db_path = (dir / "store.db").string();
  {
    auto store = Store::Open(db_path, {.create_if_missing = true});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  auto columns = [&](const std::string& table) {
    std::set<std::string> out;
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(
        sqlite3_prepare_v2(db, ("PRAGMA table_info(" + table + ")").c_str(), -1, &st, nullptr),
        SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW)
      out.insert(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
    sqlite3_finalize(st);
    return out;
  };
  auto expect = [&](const std::string& table, std::vector<std::string> names,
                    std::vector<std::string> keys) {
    std::set<std::string> want(keys.begin(), keys.end());
    for (auto& n : names) EXPECT_TRUE(want.insert(n).second) << table << "." << n << " twice";
    EXPECT_EQ(columns(table), want) << table;
  };
  expect("documents", store::ColumnNames<Record>(),
         {"id", "warnings", "generator_version", "json"});
  expect("meetings", store::ColumnNames<Meeting>(), {"id", "document_id"});
  expect("agenda_items", store::ColumnNames<AgendaItem>(),
         {"id", "document_id", "meeting_id", "position"});
  expect("decisions", store::ColumnNames<Decision>(), {"item_id", "document_id"});
  expect("figures", store::ColumnNames<Figure>(), {"id", "document_id"});
  expect("targets", store::ColumnNames<Target>(), {"id", "document_id"});
  sqlite3_close(db);
  std::filesystem::remove_all(dir);
}

TEST(FieldTable, ColumnNamesFlattenNestedObjectsAndSpans) {
  EXPECT_EQ(store::ColumnNames<Decision>(),
            (std::vector<std::string>{"text", "category", "span_start", "span_end", "span_page"}));
  const auto item = store::ColumnNames<AgendaItem>();
  EXPECT_EQ(item, (std::vector<std::string>{"number", "title", "public", "case_number",
                                            "recommendation_by", "recommendation_text",
                                            "recommendation_clauses", "span_start", "span_end",
                                            "span_page"}));
  EXPECT_EQ(store::ColumnNames<Record>(),
            (std::vector<std::string>{"path", "sha256", "format", "bytes", "pages", "title",
                                      "created", "kind", "text_length"}));
}

// The reader is the emitter's inverse, OCR block included.
TEST(FieldTable, FromJsonReadsBackWhatToJsonWrote) {
  Record r;
  r.source.path = "a.pdf";
  r.source.sha256 = std::string(64, 'a');
  r.source.format = "pdf";
  r.source.bytes = 10;
  r.source.pages = 2;
  OcrInfo ocr;
  ocr.engine = "tesseract 5.3.0";
  ocr.model = "dan";
  ocr.model_id = "dan.traineddata";
  ocr.pages = {1, 2};
  ocr.dpi = 300;
  ocr.mean_confidence = 91.25;
  ocr.low_confidence_words = 3;
  r.source.ocr = ocr;
  r.kind = DocumentKind::kAgenda;
  Meeting m;
  m.body = "Byrådet";
  m.span = Span{0, 7, 1};
  r.meeting = m;
  AgendaItem it;
  it.number = "1";
  it.title = "Budget";
  it.decision = Decision{"Udsat.", DecisionCategory::kPostponed, Span{8, 14, 2}};
  Target t;
  t.text = "mindst 90 %";
  t.baseline = Baseline{80.0, "%", std::nullopt};
  r.targets.push_back(t);
  r.agenda_items.push_back(it);
  r.text_length = 14;
  r.text_content = std::string(14, 'x');
  const std::string json = ToJson(r, false);
  auto back = store::RecordFromJson(json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(ToJson(*back, false), json);
  ASSERT_TRUE(back->source.ocr);
  EXPECT_EQ(back->source.ocr->pages, (std::vector<int>{1, 2}));
  EXPECT_EQ(back->agenda_items.at(0).decision->category, DecisionCategory::kPostponed);
  EXPECT_EQ(back->kind, DocumentKind::kAgenda);
}

}  // namespace
}  // namespace referat
