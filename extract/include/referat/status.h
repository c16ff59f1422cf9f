// Errors as values. Every failure that can reach a user carries one of the
// stable ErrorCode names below; the names appear in the CLI, the store's
// errors table and the JSON contract, and are never renamed.
#ifndef REFERAT_STATUS_H_
#define REFERAT_STATUS_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace referat {

enum class ErrorCode {
  kOk = 0,
  kNotFound,           // "not_found": the path does not exist
  kUnreadable,         // "unreadable": exists but cannot be read (permissions, a directory)
  kUnsupportedFormat,  // "unsupported_format": bytes are no format we read (e.g. Word 97 .doc)
  kCorrupt,            // "corrupt": the format is recognised but the file is damaged
  kEncrypted,          // "encrypted": a password is needed to read the text
  kTooLarge,           // "too_large": a limit in ExtractOptions was hit
  kTimeout,            // "timeout": the per-document wall-time limit was hit
  kNoText,             // "no_text": no text layer (a scanned PDF) or nothing readable
  kInvalidEncoding,    // "invalid_encoding": text whose encoding cannot be determined
  kUsage,              // "usage": a caller error (bad option); CLI exit 2
  kInternal,           // "internal": a bug; reported, never a crash
  kWriteFailed,        // "write_failed": an output (stdout, a file, a directory) could not be written
};

// The stable lower_snake_case name, e.g. "no_text".
std::string_view ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status NotFound(std::string m) { return {ErrorCode::kNotFound, std::move(m)}; }
  static Status Unreadable(std::string m) { return {ErrorCode::kUnreadable, std::move(m)}; }
  static Status UnsupportedFormat(std::string m) {
    return {ErrorCode::kUnsupportedFormat, std::move(m)};
  }
  static Status Corrupt(std::string m) { return {ErrorCode::kCorrupt, std::move(m)}; }
  static Status Encrypted(std::string m) { return {ErrorCode::kEncrypted, std::move(m)}; }
  static Status TooLarge(std::string m) { return {ErrorCode::kTooLarge, std::move(m)}; }
  static Status Timeout(std::string m) { return {ErrorCode::kTimeout, std::move(m)}; }
  static Status NoText(std::string m) { return {ErrorCode::kNoText, std::move(m)}; }
  static Status InvalidEncoding(std::string m) {
    return {ErrorCode::kInvalidEncoding, std::move(m)};
  }
  static Status Usage(std::string m) { return {ErrorCode::kUsage, std::move(m)}; }
  static Status Internal(std::string m) { return {ErrorCode::kInternal, std::move(m)}; }
  static Status WriteFailed(std::string m) { return {ErrorCode::kWriteFailed, std::move(m)}; }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  std::string_view code_name() const { return ErrorCodeName(code_); }
  const std::string& message() const { return message_; }
  // "CODE: message"
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}               // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}        // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  // Ok() when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace referat

#endif  // REFERAT_STATUS_H_
