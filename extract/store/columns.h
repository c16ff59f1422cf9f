// A contract object as a row of its store table, from the field table
// (emit/fields.h): every field is a column of the same name, except those
// marked kNotAColumn and arrays of objects (rows of other tables, or only in
// the stored JSON). A nested object's fields are columns named
// "object_field" (recommendation_by, baseline_value, text_length); a span is
// three columns, NAME_start, NAME_end and NAME_page (NULL when the text has
// no pages); a list of strings is one column holding its JSON array.
//
// ColumnNames<T>() and BindColumns() walk the table in the same order, so
// the i-th name is the i-th value bound. store/schema.cc must have the
// columns: tests/contract checks every table against ColumnNames.
#ifndef REFERAT_STORE_COLUMNS_H_
#define REFERAT_STORE_COLUMNS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "emit/fields.h"
#include "store/sqlite.h"

namespace referat::store {

namespace columns_internal {

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {
  using Element = T;
};
template <class T>
struct IsOptional : std::false_type {
  using Value = T;
};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {
  using Value = T;
};

// An array of objects is never a column.
template <class T>
constexpr bool IsObjectList() {
  if constexpr (IsVector<T>::value)
    return fields::Described<typename IsVector<T>::Element>;
  else
    return false;
}

// Walks T's columns: Column(name, value) for each, with value nullptr when
// the object that holds it is absent (its columns are NULL).
template <class Sink>
class Walker {
 public:
  explicit Walker(Sink& sink) : sink_(sink) {}

  template <class T>
  void operator()(const char* key, const T& v, unsigned flags = fields::kPlain) {
    if (flags & fields::kNotAColumn) return;
    Field(key, &v, flags);
  }
  void Constant(const char*, const char*) {}
  template <class Fn>
  void Inline(const char* key, Fn&& fn, unsigned flags = fields::kPlain) {
    if (flags & fields::kNotAColumn) return;
    Nested(key, flags, [&] { fn(*this); });
  }

 private:
  template <class Fn>
  void Nested(const char* key, unsigned flags, Fn&& fn) {
    const size_t size = prefix_.size();
    if (!(flags & fields::kUnprefixedColumns)) (prefix_ += key) += '_';
    fn();
    prefix_.resize(size);
  }

  // `v` is null when an enclosing optional object is absent.
  template <class T>
  void Field(const char* key, const T* v, unsigned flags) {
    using Value = typename IsOptional<T>::Value;
    if constexpr (IsObjectList<T>()) {
      return;
    } else if constexpr (fields::Described<Value>) {
      const Value* inner = nullptr;
      if constexpr (IsOptional<T>::value)
        inner = v && *v ? &**v : nullptr;
      else
        inner = v;
      Nested(key, flags, [&] {
        if (inner) {
          fields::Fields(*this, *inner);
        } else {
          static const Value kAbsent{};
          absent_depth_++;
          fields::Fields(*this, kAbsent);
          absent_depth_--;
        }
      });
    } else {
      sink_.Column(prefix_ + key, absent_depth_ ? nullptr : v);
    }
  }

  Sink& sink_;
  std::string prefix_;
  int absent_depth_ = 0;
};

struct NameSink {
  std::vector<std::string> names;
  template <class T>
  void Column(std::string name, const T*) {
    if constexpr (std::is_same_v<typename IsOptional<T>::Value, Span>) {
      names.push_back(name + "_start");
      names.push_back(name + "_end");
      names.push_back(name + "_page");
    } else {
      names.push_back(std::move(name));
    }
  }
};

class BindSink {
 public:
  BindSink(Stmt& st, int first) : st_(st), i_(first) {}
  int next() const { return i_; }

  template <class T>
  void Column(const std::string&, const T* v) {
    if constexpr (std::is_same_v<typename IsOptional<T>::Value, Span>) {
      const Span* span = nullptr;
      if constexpr (IsOptional<T>::value)
        span = v && *v ? &**v : nullptr;
      else
        span = v;
      if (span) {
        st_.Bind(i_, static_cast<uint64_t>(span->start));
        st_.Bind(i_ + 1, static_cast<uint64_t>(span->end));
        if (span->page > 0)
          st_.Bind(i_ + 2, span->page);
        else
          st_.BindNull(i_ + 2);
      } else {
        st_.BindNull(i_);
        st_.BindNull(i_ + 1);
        st_.BindNull(i_ + 2);
      }
      i_ += 3;
    } else if (!v) {
      st_.BindNull(i_++);
    } else if constexpr (IsVector<T>::value) {
      st_.Bind(i_++,
               nlohmann::json(*v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    } else if constexpr (ContractEnum<T>) {
      st_.Bind(i_++, Name(*v));
    } else {
      st_.Bind(i_++, *v);
    }
  }

 private:
  Stmt& st_;
  int i_;
};

}  // namespace columns_internal

// The columns of T's row, in the order BindColumns binds them.
template <fields::Described T>
std::vector<std::string> ColumnNames() {
  columns_internal::NameSink sink;
  columns_internal::Walker walk(sink);
  static const T kEmpty{};
  fields::Fields(walk, kEmpty);
  return std::move(sink.names);
}

// Binds v's columns from parameter `first` on; returns the next free one.
template <fields::Described T>
int BindColumns(Stmt& st, int first, const T& v) {
  columns_internal::BindSink sink(st, first);
  columns_internal::Walker walk(sink);
  fields::Fields(walk, v);
  return sink.next();
}

// "a, b, c" and "?F, ?F+1, ..." for an INSERT of `names` from parameter F.
inline std::string ColumnList(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) (out.empty() ? out : out += ", ") += n;
  return out;
}
inline std::string ParameterList(size_t count, int first) {
  std::string out;
  for (size_t k = 0; k < count; ++k)
    (out.empty() ? out : out += ", ") += "?" + std::to_string(first + static_cast<int>(k));
  return out;
}

}  // namespace referat::store

#endif  // REFERAT_STORE_COLUMNS_H_
