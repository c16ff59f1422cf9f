#include "referat/status.h"

namespace referat {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kUnreadable: return "unreadable";
    case ErrorCode::kUnsupportedFormat: return "unsupported_format";
    case ErrorCode::kCorrupt: return "corrupt";
    case ErrorCode::kEncrypted: return "encrypted";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kTimeout: return "timeout";
    case ErrorCode::kNoText: return "no_text";
    case ErrorCode::kInvalidEncoding: return "invalid_encoding";
    case ErrorCode::kUsage: return "usage";
    case ErrorCode::kInternal: return "internal";
    case ErrorCode::kWriteFailed: return "write_failed";
  }
  return "internal";
}

std::string Status::ToString() const {
  std::string s(code_name());
  s += ": ";
  s += message_;
  return s;
}

}  // namespace referat
