#include "store/from_json.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "emit/fields.h"
#include "referat/extract.h"
#include "referat/validate.h"

namespace referat::store {
namespace {

using J = nlohmann::json;

// Reads the fields of the contract's table (emit/fields.h) from one JSON
// object. Each value has been checked by the schema already; a mismatch that
// slips through throws nlohmann's type_error, caught at the top. A key that
// is absent, or null where the Record has no null, leaves the default.
class JsonReader {
 public:
  explicit JsonReader(const J& o) : o_(o) {}

  template <class T>
  void operator()(const char* key, T& v, unsigned = fields::kPlain) {
    auto it = o_.find(key);
    if (it != o_.end() && !it->is_null()) Read(*it, v);
  }
  void Constant(const char*, const char*) {}
  template <class Fn>
  void Inline(const char* key, Fn&& fn, unsigned = fields::kPlain) {
    auto it = o_.find(key);
    if (it == o_.end() || !it->is_object()) return;
    JsonReader sub(*it);
    fn(sub);
  }

 private:
  template <class T>
  static void Read(const J& j, T& v) {
    if constexpr (fields::Described<T>) {
      if (!j.is_object()) return;
      JsonReader sub(j);
      fields::Fields(sub, v);
    } else if constexpr (ContractEnum<T>) {
      const auto& name = j.get_ref<const std::string&>();
      std::optional<T> e = FromName<T>(name);
      if (!e) throw std::invalid_argument("'" + name + "' is not a value the contract knows");
      v = *e;
    } else {
      v = j.get<T>();
    }
  }
  static void Read(const J& j, Span& s) {
    s.start = j.at("start").get<size_t>();
    s.end = j.at("end").get<size_t>();
    const J& page = j.at("page");
    s.page = page.is_null() ? 0 : page.get<int>();
  }
  template <class T>
  static void Read(const J& j, std::optional<T>& v) {
    T value{};
    Read(j, value);
    v = std::move(value);
  }
  template <class T>
  static void Read(const J& j, std::vector<T>& v) {
    if (!j.is_array()) return;
    v.clear();
    v.reserve(j.size());
    for (const auto& e : j) Read(e, v.emplace_back());
  }

  const J& o_;
};

const J* Obj(const J& o, const char* k) {
  auto it = o.find(k);
  return it == o.end() || !it->is_object() ? nullptr : &*it;
}
std::string Str(const J& o, const char* k) {
  auto it = o.find(k);
  return it == o.end() || !it->is_string() ? std::string() : it->get<std::string>();
}

}  // namespace

Result<Record> RecordFromJson(std::string_view line) {
  std::vector<std::string> problems = ValidateDocumentJson(line);
  if (!problems.empty()) return Status::Corrupt("not a contract document: " + problems.front());
  J j = J::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::Corrupt("not a JSON object");
  const J* gen = Obj(j, "generator");
  const std::string version = gen ? Str(*gen, "version") : "";
  if (!gen || Str(*gen, "name") != kGeneratorName || version != kGeneratorVersion)
    return Status::UnsupportedFormat("made by generator version '" + version + "', this is " +
                                     kGeneratorVersion +
                                     ": extract the shards with the same referat");
  try {
    Record r;
    JsonReader reader(j);
    fields::Fields(reader, r);
    return r;
  } catch (const std::exception& e) {
    return Status::Corrupt(std::string("not a contract document: ") + e.what());
  }
}

}  // namespace referat::store
