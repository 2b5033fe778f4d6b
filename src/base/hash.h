// Content hashing for provenance: SHA-256 of rubric and answer files.
#pragma once

#include <string>

namespace fa {

/// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(const std::string& data);

}  // namespace fa
