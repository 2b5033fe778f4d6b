// Login throttling: failed logins are counted per username and per client
// address over a sliding window; once either reaches the limit, further
// attempts are refused (429 with Retry-After) until the oldest of the last
// `max_failures` leaves the window. A success clears the username's count.
//
// The failures are kept in the store (Store::RecordLoginFailure), so every
// server of one database counts the same attempts (docs/store.md "Several
// servers, one database"). Each failure forgets those that have left the
// window, so the table holds at most one window's failures; looking up
// adds nothing, and a flood of other names cannot unlock a locked account
// (nothing is evicted while it is in the window; docs/api.md, "Server
// limits").
#pragma once

#include <ctime>
#include <string>

#include "store/store.h"

namespace fa::web {

class LoginThrottle {
 public:
  /// `store` must outlive the throttle.
  LoginThrottle(store::Store& store, int max_failures, int window_seconds)
      : store_(store), max_failures_(max_failures), window_(window_seconds) {}

  /// Seconds to wait before `username` may try again from `address`; 0 when
  /// an attempt is allowed now. Adds nothing to the store.
  int RetryAfter(const std::string& username, const std::string& address, std::time_t now);
  void Failed(const std::string& username, const std::string& address, std::time_t now);
  void Succeeded(const std::string& username);

 private:
  int Wait(const std::string& kind, const std::string& name, std::time_t now);

  store::Store& store_;
  int max_failures_;
  int window_;
};

}  // namespace fa::web
