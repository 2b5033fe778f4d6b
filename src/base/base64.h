// Base64 (RFC 4648) on Poco's encoder and decoder: the URL-safe alphabet
// without padding for tokens and password salts, the standard alphabet with
// padding for CSP hashes. Decoding is strict: a text decodes only when it is
// exactly what the encoder would have written.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fa {

/// Standard alphabet (A–Z a–z 0–9 + /), padded with '=' to a multiple of 4,
/// on one line.
std::string Base64Encode(std::string_view bytes);

/// The bytes of a Base64Encode text; nullopt for anything else (a character
/// outside the alphabet, blanks, a wrong length or padding, stray bits in
/// the last character), which Poco's decoder alone lets through in part: it
/// skips blanks, drops a dangling character and reads '=' anywhere.
std::optional<std::string> Base64Decode(std::string_view text);

/// URL-safe alphabet (A–Z a–z 0–9 - _), no padding.
std::string Base64UrlEncode(std::string_view bytes);

/// The bytes of a Base64UrlEncode text; nullopt for anything else.
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace fa
