#include "web/password.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <optional>
#include <stdexcept>
#include <vector>

#include "base/base64.h"
#include "base/hash.h"

namespace fa::web {

namespace {
constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;
constexpr const char* kScheme = "pbkdf2-sha256";
}  // namespace

std::string Pbkdf2Sha256(const std::string& password, const std::string& salt, int iterations,
                         int length) {
  std::string out(static_cast<size_t>(length), '\0');
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                        iterations, EVP_sha256(), length, reinterpret_cast<unsigned char*>(out.data())) != 1)
    throw std::runtime_error("PBKDF2 failed");
  return out;
}

std::string HashPassword(const std::string& password, int iterations) {
  std::string salt = RandomBytes(kSaltBytes);
  std::string hash = Pbkdf2Sha256(password, salt, iterations, kHashBytes);
  return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + Base64UrlEncode(salt) + "$" +
         Base64UrlEncode(hash);
}

bool VerifyPassword(const std::string& password, const std::string& phc) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t d = phc.find('$', start);
    parts.push_back(phc.substr(start, d == std::string::npos ? std::string::npos : d - start));
    if (d == std::string::npos) break;
    start = d + 1;
  }
  if (parts.size() != 4 || parts[0] != kScheme) return false;
  int iterations = 0;
  for (char c : parts[1]) {
    if (c < '0' || c > '9' || iterations > 100000000) return false;
    iterations = iterations * 10 + (c - '0');
  }
  if (iterations < 1000) return false;
  const std::optional<std::string> salt = Base64UrlDecode(parts[2]);
  const std::optional<std::string> expected = Base64UrlDecode(parts[3]);
  if (!salt || salt->empty() || !expected || expected->size() < 16) return false;
  std::string got = Pbkdf2Sha256(password, *salt, iterations, static_cast<int>(expected->size()));
  return ConstantTimeEquals(got, *expected);
}

std::string RandomBytes(size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1)
    throw std::runtime_error("the random number generator failed");
  return out;
}

std::string RandomToken(size_t bytes) { return Base64UrlEncode(RandomBytes(bytes)); }

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  size_t n = a.size() < b.size() ? a.size() : b.size();
  for (size_t i = 0; i < n; ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string TokenHash(const std::string& token) { return Sha256Hex(token); }

}  // namespace fa::web
