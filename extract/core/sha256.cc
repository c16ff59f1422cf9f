// SHA-256 through libcrypto's one-algorithm interface (SHA256_Init/Update/
// Final), not EVP: EVP_Digest first loads openssl.cnf and initialises the
// provider framework, ~3 ms of CPU in every process, which is several percent
// of extracting a small PDF. The low-level functions run the same assembly
// (SHA-NI/AVX2) without that set-up. OpenSSL 3 marks them deprecated but keeps
// them; if a future libcrypto drops them, go back to EVP_Digest.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "core/sha256.h"

#include <openssl/sha.h>

namespace referat {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  SHA256_Update(&ctx, bytes.data(), bytes.size());
  SHA256_Final(md, &ctx);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * SHA256_DIGEST_LENGTH);
  for (unsigned char b : md) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

}  // namespace referat
