#include "base/hash.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

namespace fa {

namespace {
Poco::DigestEngine::Digest Digest(std::string_view data) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(data.data(), data.size());
  return engine.digest();
}
}  // namespace

std::string Sha256(std::string_view data) {
  const Poco::DigestEngine::Digest d = Digest(data);
  return std::string(d.begin(), d.end());
}

std::string Sha256Hex(std::string_view data) { return Poco::DigestEngine::digestToHex(Digest(data)); }

}  // namespace fa
