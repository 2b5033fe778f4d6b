#include "web/password.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

#include "base/hash.h"

namespace fa::web {

namespace {
const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
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
  return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + Base64Url(salt) + "$" +
         Base64Url(hash);
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
  std::string salt = FromBase64Url(parts[2]);
  std::string expected = FromBase64Url(parts[3]);
  if (salt.empty() || expected.size() < 16) return false;
  std::string got = Pbkdf2Sha256(password, salt, iterations, static_cast<int>(expected.size()));
  return ConstantTimeEquals(got, expected);
}

std::string RandomBytes(size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1)
    throw std::runtime_error("the random number generator failed");
  return out;
}

std::string RandomToken(size_t bytes) { return Base64Url(RandomBytes(bytes)); }

std::string Base64Url(const std::string& bytes) {
  std::string out;
  size_t i = 0;
  auto b = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
  for (; i + 3 <= bytes.size(); i += 3) {
    unsigned v = (b(i) << 16) | (b(i + 1) << 8) | b(i + 2);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest == 1) {
    unsigned v = b(i) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
  } else if (rest == 2) {
    unsigned v = (b(i) << 16) | (b(i + 1) << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
  }
  return out;
}

std::string FromBase64Url(const std::string& text) {
  std::string out;
  unsigned v = 0;
  int bits = 0;
  for (char c : text) {
    const char* p = nullptr;
    for (const char* a = kAlphabet; *a; ++a)
      if (*a == c) p = a;
    if (!p) return "";
    v = (v << 6) | static_cast<unsigned>(p - kAlphabet);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((v >> bits) & 0xff);
    }
  }
  return out;
}

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  size_t n = a.size() < b.size() ? a.size() : b.size();
  for (size_t i = 0; i < n; ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string TokenHash(const std::string& token) { return Sha256Hex(token); }

}  // namespace fa::web
