#include "base/hash.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

namespace fa {

std::string Sha256Hex(const std::string& data) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(data);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace fa
