#include "base/base64.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>

#include <sstream>

namespace fa {

namespace {

constexpr char kStandard[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kUrl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string Encode(std::string_view bytes, int options) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, options);
  encoder.rdbuf()->setLineLength(0);
  encoder.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  encoder.close();
  return out.str();
}

// The value of `c` in `alphabet`, or -1.
int Value(const char* alphabet, char c) {
  for (int v = 0; v < 64; ++v)
    if (alphabet[v] == c) return v;
  return -1;
}

// True when `text` is exactly what the encoder writes: alphabet characters,
// then (padded) '=' up to a multiple of 4, and zero bits in the last
// character beyond the data.
bool Canonical(std::string_view text, const char* alphabet, bool padded) {
  size_t data = text.size();
  if (padded) {
    if (text.size() % 4 != 0) return false;
    while (data > 0 && text.size() - data < 2 && text[data - 1] == '=') --data;
  }
  if (data % 4 == 1) return false;
  for (size_t i = 0; i < data; ++i)
    if (Value(alphabet, text[i]) < 0) return false;
  if (data % 4 == 0) return true;
  const int last = Value(alphabet, text[data - 1]);
  return (last & (data % 4 == 2 ? 0x0F : 0x03)) == 0;
}

std::optional<std::string> Decode(std::string_view text, const char* alphabet, int options) {
  if (!Canonical(text, alphabet, !(options & Poco::BASE64_NO_PADDING))) return std::nullopt;
  std::istringstream in{std::string(text)};
  Poco::Base64Decoder decoder(in, options);
  std::string out;
  try {
    for (int c; (c = decoder.rdbuf()->sbumpc()) != std::char_traits<char>::eof();)
      out += static_cast<char>(c);
  } catch (const Poco::DataFormatException&) {
    return std::nullopt;
  }
  return out;
}

}  // namespace

std::string Base64Encode(std::string_view bytes) { return Encode(bytes, 0); }

std::optional<std::string> Base64Decode(std::string_view text) { return Decode(text, kStandard, 0); }

std::string Base64UrlEncode(std::string_view bytes) {
  return Encode(bytes, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
}

std::optional<std::string> Base64UrlDecode(std::string_view text) {
  return Decode(text, kUrl, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
}

}  // namespace fa
