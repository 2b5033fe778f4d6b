// Password hashing and the other secrets of the web app: PBKDF2-HMAC-SHA256
// password hashes in a PHC-style string, random tokens from the operating
// system's CSPRNG (OpenSSL RAND_bytes), and a constant-time comparison.
// docs/architecture.md "Web app"; the hash format is
// "pbkdf2-sha256$ITERATIONS$SALT$HASH" with SALT and HASH in unpadded
// base64url (base/base64.h).
#pragma once

#include <string>

namespace fa::web {

/// Iterations for new hashes (OWASP 2023 recommends 600,000 for
/// PBKDF2-HMAC-SHA256; the issue asks for at least 100,000).
constexpr int kPasswordIterations = 210000;

/// The fewest characters a new password may have.
constexpr size_t kMinPasswordLength = 10;

/// Raw PBKDF2-HMAC-SHA256 of `password` and `salt`, `length` bytes. It stays
/// on OpenSSL's PKCS5_PBKDF2_HMAC while SHA-256 itself is Poco's (base/hash.h):
/// Poco 1.11's SHA2Engine lacks the BLOCK_SIZE and DIGEST_SIZE constants its
/// HMACEngine, and so its PBKDF2Engine, need.
std::string Pbkdf2Sha256(const std::string& password, const std::string& salt, int iterations,
                         int length);

/// A new PHC-style hash with a fresh 16-byte random salt.
std::string HashPassword(const std::string& password, int iterations = kPasswordIterations);

/// True when `password` matches `phc`. False for a malformed string, an
/// unknown algorithm or fewer than 1000 iterations. Constant time over the
/// derived key.
bool VerifyPassword(const std::string& password, const std::string& phc);

/// `n` bytes from the CSPRNG (OpenSSL RAND_bytes: Poco's RandomInputStream
/// would fall back to a non-cryptographic generator when /dev/random cannot
/// be read); throws std::runtime_error when it fails.
std::string RandomBytes(size_t n);

/// 32 random bytes as unpadded base64url (43 characters): session tokens,
/// CSRF tokens, one-time passwords.
std::string RandomToken(size_t bytes = 32);

/// Compares without an early exit, so timing does not reveal a prefix.
bool ConstantTimeEquals(const std::string& a, const std::string& b);

/// Lower-case hex SHA-256 (what the store keeps of a session token).
std::string TokenHash(const std::string& token);

}  // namespace fa::web
