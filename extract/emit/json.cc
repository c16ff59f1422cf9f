// Record -> contract JSON, written straight into one string: no DOM, so the
// output costs one pass and a document with a million figures never holds a
// second copy of itself. Key order is the contract's, fixed in code, so the
// same Record always gives the same bytes.
//
// The bytes are exactly what nlohmann::ordered_json's dump() gives for the
// same object (indent 2 or compact, ensure_ascii off, invalid UTF-8
// replaced): strings escape only '"', '\\' and control characters, with
// nlohmann's short forms; non-integral numbers and any string that is not
// valid UTF-8 are formatted by nlohmann itself. The fields and their order
// come from the contract's field table (emit/fields.h).
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/utf8.h>

#include "emit/fields.h"
#include "referat/extract.h"

namespace referat {
namespace {

class Writer {
 public:
  explicit Writer(bool pretty) : pretty_(pretty) { out_.reserve(4096); }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // Keys are the contract's ASCII names: no escaping needed.
  void Key(std::string_view key) {
    Element();
    out_ += '"';
    out_ += key;
    out_ += pretty_ ? "\": " : "\":";
    after_key_ = true;
  }

  void Null() { Value("null"); }
  void Bool(bool b) { Value(b ? "true" : "false"); }
  void Int(int64_t v) {
    Element();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void UInt(uint64_t v) {
    Element();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void String(std::string_view s) {
    Element();
    Escaped(s);
  }

  // Integral values print as integers (1500000, not 1500000.0); other
  // numbers as nlohmann prints them; NaN and infinities as null.
  void Number(double v) {
    if (!std::isfinite(v)) return Null();
    if (std::floor(v) == v && std::fabs(v) < 9007199254740992.0) return Int(static_cast<int64_t>(v));
    Element();
    out_ += nlohmann::json(v).dump();
  }

  std::string Finish() && { return std::move(out_); }

 private:
  struct Level {
    bool empty = true;
  };

  // Called before any value or key: the comma and line break that separate
  // it from the previous element of the enclosing container.
  void Element() {
    if (after_key_) {  // the value of a key: follows on the same line
      after_key_ = false;
      return;
    }
    if (levels_.empty()) return;  // the top-level value
    Level& l = levels_.back();
    if (!l.empty) out_ += ',';
    l.empty = false;
    if (pretty_) {
      out_ += '\n';
      out_.append(2 * levels_.size(), ' ');
    }
  }
  void Value(std::string_view literal) {
    Element();
    out_ += literal;
  }
  void Open(char c) {
    Element();
    out_ += c;
    levels_.push_back(Level{});
  }
  void Close(char c) {
    const bool empty = levels_.back().empty;
    levels_.pop_back();
    if (pretty_ && !empty) {
      out_ += '\n';
      out_.append(2 * levels_.size(), ' ');
    }
    out_ += c;
  }

  void Escaped(std::string_view s) {
    if (!ValidUtf8(s)) {  // nlohmann's replacement rules, not ours
      out_ += nlohmann::json(std::string(s)).dump(-1, ' ', false,
                                                  nlohmann::json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      // Eight bytes at a time while none needs escaping.
      while (i + 8 <= s.size() && !NeedsEscape(Load8(s.data() + i))) i += 8;
      if (i >= s.size()) break;
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: {
          static const char kHex[] = "0123456789abcdef";
          const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          out_.append(esc, 6);
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }

  static uint64_t Load8(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  // True when one of the eight bytes is a control character, '"' or '\\'
  // (the exact "has a byte less than n / equal to c" word tests).
  static bool NeedsEscape(uint64_t w) {
    constexpr uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull;
    const uint64_t quote = w ^ (k01 * '"'), backslash = w ^ (k01 * '\\');
    return (((w - k01 * 0x20) & ~w) | ((quote - k01) & ~quote) | ((backslash - k01) & ~backslash)) &
           k80;
  }

  static bool ValidUtf8(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t n = static_cast<int32_t>(s.size());
    if (s.size() > static_cast<size_t>(INT32_MAX)) return false;
    for (int32_t i = 0; i < n;) {
      if (p[i] < 0x80) {
        ++i;
        while (i + 8 <= n && (Load8(s.data() + i) & 0x8080808080808080ull) == 0) i += 8;
        continue;
      }
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c < 0) return false;
    }
    return true;
  }

  bool pretty_;
  bool after_key_ = false;
  std::vector<Level> levels_;
  std::string out_;
};

// Writes the fields of the contract's table (emit/fields.h) as they come:
// one overload per kind of value.
class JsonFields {
 public:
  explicit JsonFields(Writer& w) : w_(w) {}

  template <class T>
  void operator()(std::string_view key, const T& v, unsigned flags = fields::kPlain) {
    if constexpr (IsOptional<T>::value) {
      if (!v && (flags & fields::kOmitWhenAbsent)) return;
    }
    w_.Key(key);
    Value(v, flags);
  }
  void Constant(std::string_view key, std::string_view v) {
    w_.Key(key);
    w_.String(v);
  }
  template <class Fn>
  void Inline(std::string_view key, Fn&& fn, unsigned = fields::kPlain) {
    w_.Key(key);
    w_.BeginObject();
    fn(*this);
    w_.EndObject();
  }

 private:
  template <class T>
  struct IsOptional : std::false_type {};
  template <class T>
  struct IsOptional<std::optional<T>> : std::true_type {};

  void Value(const std::string& v, unsigned) { w_.String(v); }
  void Value(bool v, unsigned) { w_.Bool(v); }
  void Value(int v, unsigned) { w_.Int(v); }
  void Value(uint64_t v, unsigned) { w_.UInt(v); }
  void Value(double v, unsigned flags) {
    w_.Number(flags & fields::kOneDecimal ? std::round(v * 10.0) / 10.0 : v);
  }
  template <ContractEnum E>
  void Value(E v, unsigned) {
    w_.String(Name(v));
  }
  // A span's page 0 means the text has no pages: null.
  void Value(const Span& s, unsigned) {
    w_.BeginObject();
    w_.Key("start");
    w_.UInt(s.start);
    w_.Key("end");
    w_.UInt(s.end);
    w_.Key("page");
    if (s.page > 0) w_.Int(s.page);
    else w_.Null();
    w_.EndObject();
  }
  template <fields::Described T>
  void Value(const T& v, unsigned) {
    w_.BeginObject();
    fields::Fields(*this, v);
    w_.EndObject();
  }
  template <class T>
  void Value(const std::optional<T>& v, unsigned flags) {
    if (v) Value(*v, flags);
    else w_.Null();
  }
  template <class T>
  void Value(const std::vector<T>& v, unsigned flags) {
    w_.BeginArray();
    for (const auto& e : v) Value(e, flags);
    w_.EndArray();
  }

  Writer& w_;
};

}  // namespace

std::string ToJson(const Record& r, bool pretty) {
  Writer w(pretty);
  JsonFields out(w);
  w.BeginObject();
  fields::Fields(out, r);
  w.EndObject();
  return std::move(w).Finish();
}

}  // namespace referat
