// SHA-256, the one implementation (Poco's): content hashes for provenance
// (rubric, answer and config files), session-token digests in the store and
// the CSP hashes of a report's inline styles.
#pragma once

#include <string>
#include <string_view>

namespace fa {

/// The raw 32-byte SHA-256 digest of `data`.
std::string Sha256(std::string_view data);

/// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

}  // namespace fa
