// base/base64.h: RFC 4648 base64 and base64url, with strict decoding.
#include <doctest/doctest.h>

#include <string>

#include "base/base64.h"

namespace fa {

TEST_CASE("base64: the RFC 4648 test vectors encode with padding and decode back") {
  const std::pair<std::string, std::string> vectors[] = {
      {"", ""},           {"f", "Zg=="},         {"fo", "Zm8="},         {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
  };
  for (const auto& vector : vectors) {
    const std::string& bytes = vector.first;  // plain names: doctest captures them in a lambda
    const std::string& text = vector.second;
    CAPTURE(bytes);
    CHECK(Base64Encode(bytes) == text);
    CHECK(Base64Decode(text) == bytes);
  }
  const std::string long_input(200, 'x');  // one line, however long
  CHECK(Base64Encode(long_input).find('\n') == std::string::npos);
}

TEST_CASE("base64url: the URL alphabet without padding, for tokens") {
  const std::string bytes("\xfb\xff\xfe\x00", 4);
  CHECK(Base64Encode(bytes) == "+//+AA==");
  CHECK(Base64UrlEncode(bytes) == "-__-AA");
  CHECK(Base64UrlDecode("-__-AA") == bytes);
  CHECK(Base64UrlDecode(Base64UrlEncode("\x01\xff\x10hello")) == "\x01\xff\x10hello");
  CHECK(Base64UrlEncode(std::string(32, '\x7f')).size() == 43);
}

TEST_CASE("base64: decoding rejects anything the encoder would not have written") {
  CHECK_FALSE(Base64Decode("Zm9v!").has_value());      // not in the alphabet
  CHECK_FALSE(Base64Decode("Zm9 v").has_value());      // a blank
  CHECK_FALSE(Base64Decode("Zm9vY").has_value());      // a length that is no multiple of 4
  CHECK_FALSE(Base64Decode("Zg").has_value());         // padding missing
  CHECK_FALSE(Base64Decode("Z===").has_value());       // too much padding
  CHECK_FALSE(Base64Decode("Zg=a").has_value());       // '=' inside
  CHECK_FALSE(Base64Decode("Zh==").has_value());       // stray bits in the last character
  CHECK_FALSE(Base64Decode("-_8=").has_value());       // the URL alphabet
  CHECK_FALSE(Base64UrlDecode("+/8").has_value());     // the standard alphabet
  CHECK_FALSE(Base64UrlDecode("Zg==").has_value());    // padding
  CHECK_FALSE(Base64UrlDecode("Zm9vY").has_value());   // one character left over
  CHECK(Base64UrlDecode("Zm8") == "fo");              // "fo" without its "="
}

}  // namespace fa
