// SHA-256 of a byte string as lowercase hex, via OpenSSL's libcrypto (see
// HACKING.md for why this dependency).
#ifndef REFERAT_CORE_SHA256_H_
#define REFERAT_CORE_SHA256_H_

#include <string>
#include <string_view>

namespace referat {
std::string Sha256Hex(std::string_view bytes);
}

#endif  // REFERAT_CORE_SHA256_H_
