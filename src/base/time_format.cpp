#include "base/time_format.h"

namespace fa {

std::string FormatUtc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string UtcNow() { return FormatUtc(std::time(nullptr)); }

}  // namespace fa
