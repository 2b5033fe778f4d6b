// base/hash.h: SHA-256, raw and hex.
#include <doctest/doctest.h>

#include <string>

#include "base/base64.h"
#include "base/hash.h"

namespace fa {

TEST_CASE("sha-256: the FIPS 180-2 examples, as hex and as a raw digest") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256("abc").size() == 32);
  // As a Content-Security-Policy hash source writes it.
  CHECK(Base64Encode(Sha256("abc")) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}

}  // namespace fa
