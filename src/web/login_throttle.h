// Login throttling: failed logins are counted per username and per client
// address over a sliding window; once either reaches the limit, further
// attempts are refused (429 with Retry-After) until the oldest failure
// leaves the window. A success clears the username's count.
//
// Memory is bounded: at most `max_keys` usernames (and as many addresses)
// are tracked. Looking up a key never adds it; past the bound, keys whose
// failures have all left the window go first, then keys that do not block
// (fewer failures than the limit), least recently failed first — a flood of
// other names cannot free a locked account (docs/api.md, "Server limits").
#pragma once

#include <cstddef>
#include <ctime>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace fa::web {

class LoginThrottle {
 public:
  static constexpr size_t kDefaultMaxKeys = 100000;

  LoginThrottle(int max_failures, int window_seconds, size_t max_keys = kDefaultMaxKeys)
      : max_failures_(max_failures), window_(window_seconds), max_keys_(max_keys) {}

  /// Seconds to wait before `username` may try again from `address`; 0 when
  /// an attempt is allowed now. Adds nothing to the tables.
  int RetryAfter(const std::string& username, const std::string& address, std::time_t now);
  void Failed(const std::string& username, const std::string& address, std::time_t now);
  void Succeeded(const std::string& username);
  /// Usernames and addresses tracked now.
  size_t Keys();

 private:
  using Failures = std::deque<std::time_t>;
  using Table = std::map<std::string, Failures>;
  int Wait(const Table& table, const std::string& key, std::time_t now) const;
  void Record(Table& table, const std::string& key, std::time_t now);
  /// Brings `table` down to 9/10 of max_keys_ (see the file comment).
  void Evict(Table& table, std::time_t now);

  int max_failures_;
  int window_;
  size_t max_keys_;
  std::mutex mutex_;
  Table by_user_;
  Table by_address_;
};

}  // namespace fa::web
