// LoginThrottle over the store (web/login_throttle.h): lookups add nothing,
// a flood of other names cannot free a locked account, the table holds one
// window's failures, and two stores on one database — two servers — count
// the same failures.
#include <doctest/doctest.h>

#include <string>

#include "../store/store_fixture.h"
#include "web/login_throttle.h"

namespace fa::web {
namespace {


TEST_CASE_TEMPLATE("web: throttle — looking up adds nothing, failures lock by name and by address", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto st = db.Open();
  LoginThrottle throttle(*st, 3, 900);
  for (int i = 0; i < 100; ++i) CHECK(throttle.RetryAfter("user" + std::to_string(i), "10.0.0.1", 1000) == 0);
  CHECK(db.Count("login_failures") == 0);
  for (int i = 0; i < 3; ++i) throttle.Failed("wang", "10.0.0.1", 1000 + i);
  CHECK(db.Count("login_failures") == 6);
  CHECK(throttle.RetryAfter("wang", "10.9.9.9", 1010) == 890);  // the oldest (1000) leaves at 1900
  CHECK(throttle.RetryAfter("li", "10.0.0.1", 1010) == 890);    // the address is locked too
  CHECK(throttle.RetryAfter("li", "10.0.0.2", 1010) == 0);
  CHECK(throttle.RetryAfter("wang", "10.9.9.9", 1899) == 1);
  CHECK(throttle.RetryAfter("wang", "10.9.9.9", 1900) == 0);    // 1000 has left: two of three in the window
  throttle.Succeeded("wang");
  CHECK(throttle.RetryAfter("wang", "10.9.9.9", 1010) == 0);
}

TEST_CASE_TEMPLATE("web: throttle — a flood of other names neither unlocks an account nor outlives its window", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto st = db.Open();
  LoginThrottle throttle(*st, 5, 900);
  for (int i = 0; i < 5; ++i) throttle.Failed("victim", "10.0.0.1", 1000);
  CHECK(throttle.RetryAfter("victim", "10.9.9.9", 1000) > 0);
  for (int i = 0; i < 300; ++i)
    throttle.Failed("spray" + std::to_string(i), "172.16.0." + std::to_string(i % 250), 1001);
  CHECK(throttle.RetryAfter("victim", "10.9.9.9", 1002) > 0);
  // The lock ends with the window, and the next failure forgets all that left it.
  CHECK(throttle.RetryAfter("victim", "10.9.9.9", 1000 + 900) == 0);
  throttle.Failed("late", "10.0.0.3", 1000 + 2000);
  CHECK(db.Count("login_failures") == 2);
}

TEST_CASE_TEMPLATE("web: throttle — two servers on one database count the same failures", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto first = db.Open();
  auto second = db.Open();
  LoginThrottle a(*first, 4, 600), b(*second, 4, 600);
  a.Failed("zhao", "10.0.0.1", 5000);
  b.Failed("zhao", "10.0.0.2", 5001);
  a.Failed("zhao", "10.0.0.3", 5002);
  CHECK(b.RetryAfter("zhao", "10.0.0.4", 5003) == 0);
  b.Failed("zhao", "10.0.0.4", 5003);
  CHECK(a.RetryAfter("zhao", "10.0.0.5", 5004) == 596);
  CHECK(b.RetryAfter("zhao", "10.0.0.5", 5004) == 596);
  a.Succeeded("zhao");
  CHECK(b.RetryAfter("zhao", "10.0.0.5", 5004) == 0);
}

}  // namespace
}  // namespace fa::web
