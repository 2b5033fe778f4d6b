// LoginThrottle's memory bound (web/login_throttle.h): lookups add nothing,
// and a flood of other names cannot free a locked account.
#include <doctest/doctest.h>

#include <string>

#include "web/login_throttle.h"

namespace fa::web {

TEST_CASE("web: throttle — looking up a username or address never adds it") {
  LoginThrottle throttle(5, 900);
  for (int i = 0; i < 1000; ++i) CHECK(throttle.RetryAfter("user" + std::to_string(i), "10.0.0.1", 1000) == 0);
  CHECK(throttle.Keys() == 0);
  throttle.Failed("wang", "10.0.0.1", 1000);
  CHECK(throttle.Keys() == 2);
}

TEST_CASE("web: throttle — a flood of other usernames does not unlock a locked account") {
  LoginThrottle throttle(5, 900);
  for (int i = 0; i < 5; ++i) throttle.Failed("victim", "10.0.0.1", 1000);
  CHECK(throttle.RetryAfter("victim", "10.9.9.9", 1000) > 0);
  // More keys than the bound, one failure each, from as many addresses.
  const int flood = static_cast<int>(LoginThrottle::kDefaultMaxKeys) + 50000;
  for (int i = 0; i < flood; ++i)
    throttle.Failed("spray" + std::to_string(i), "172.16." + std::to_string(i / 250) + "." + std::to_string(i % 250),
                    1001);
  CHECK(throttle.RetryAfter("victim", "10.9.9.9", 1002) > 0);
  CHECK(throttle.Keys() <= 2 * LoginThrottle::kDefaultMaxKeys);
  // The lock still ends with the window.
  CHECK(throttle.RetryAfter("victim", "10.9.9.9", 1000 + 900) == 0);
}

TEST_CASE("web: throttle — past the bound, expired and non-blocking keys go first") {
  LoginThrottle throttle(2, 100, 10);
  throttle.Failed("old", "a0", 0);
  for (int i = 0; i < 2; ++i) throttle.Failed("locked", "a1", 150);
  for (int i = 0; i < 20; ++i) throttle.Failed("n" + std::to_string(i), "b" + std::to_string(i), 160 + i);
  CHECK(throttle.RetryAfter("locked", "z", 180) > 0);
  CHECK(throttle.Keys() <= 20);
}

}  // namespace fa::web
