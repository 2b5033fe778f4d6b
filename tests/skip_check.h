// A check that cannot run on this machine (no PostgreSQL, Chromium, Java or
// the HTML checker) says so in the output: "skipped: …". scripts/test.sh
// sets FA_REQUIRE_CHECKS=1, so in CI the same case fails instead — a missing
// install step cannot pass silently.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

namespace fa::testing {

inline bool ChecksRequired() {
  const char* v = std::getenv("FA_REQUIRE_CHECKS");
  return v && std::string(v) == "1";
}

}  // namespace fa::testing

/// Ends the current test case: skipped with `why`, or failed when checks are required.
#define FA_SKIP(why)                                                       \
  do {                                                                     \
    if (::fa::testing::ChecksRequired()) FAIL("required, cannot run: " << why); \
    MESSAGE("skipped: " << why);                                           \
    return;                                                                \
  } while (0)
