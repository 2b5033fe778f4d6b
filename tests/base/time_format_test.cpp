// base/time_format.h: moments as ISO 8601 UTC text.
#include <doctest/doctest.h>

#include <ctime>

#include "base/time_format.h"

namespace fa {

TEST_CASE("time format: a moment is written as ISO 8601 in UTC, to the second") {
  CHECK(FormatUtc(0) == "1970-01-01T00:00:00Z");
  CHECK(FormatUtc(1795766400) == "2026-11-27T08:00:00Z");
  CHECK(FormatUtc(1795737600 + 86399) == "2026-11-27T23:59:59Z");  // the day's last second
}

TEST_CASE("time format: now is the system clock's moment in the same form") {
  const std::time_t before = std::time(nullptr);
  const std::string now = UtcNow();
  const std::time_t after = std::time(nullptr);
  CHECK(now.size() == 20);
  CHECK((now == FormatUtc(before) || now == FormatUtc(after)));
}

}  // namespace fa
