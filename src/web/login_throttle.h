// Login throttling: failed logins are counted per username and per client
// address over a sliding window; once either reaches the limit, further
// attempts are refused (429 with Retry-After) until the oldest failure
// leaves the window. A success clears the username's count.
#pragma once

#include <ctime>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace fa::web {

class LoginThrottle {
 public:
  LoginThrottle(int max_failures, int window_seconds)
      : max_failures_(max_failures), window_(window_seconds) {}

  /// Seconds to wait before `username` may try again from `address`; 0 when
  /// an attempt is allowed now.
  int RetryAfter(const std::string& username, const std::string& address, std::time_t now);
  void Failed(const std::string& username, const std::string& address, std::time_t now);
  void Succeeded(const std::string& username);

 private:
  int Wait(std::deque<std::time_t>& failures, std::time_t now) const;
  int max_failures_;
  int window_;
  std::mutex mutex_;
  std::map<std::string, std::deque<std::time_t>> by_user_;
  std::map<std::string, std::deque<std::time_t>> by_address_;
};

}  // namespace fa::web
