#include "base/env.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "base/time_format.h"

namespace fa {

const Env& Env::Default() {
  static const Env system;
  return system;
}

std::time_t Env::Now() const { return std::time(nullptr); }

std::string Env::NowUtc() const { return FormatUtc(Now()); }

std::string Env::MakeTempDir(const std::string& prefix) const {
  const char* tmp = std::getenv("TMPDIR");
  std::string base = tmp && *tmp ? tmp : "/tmp";
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  const std::string pattern = base + "/" + prefix + "-XXXXXX";
  std::string name = pattern;
  if (!::mkdtemp(name.data()))
    throw std::runtime_error(pattern + ": cannot create a temporary directory: " + std::strerror(errno));
  return name;
}

TempDir::~TempDir() {
  std::error_code ignored;  // a destructor does not throw; a leftover is harmless
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace fa
