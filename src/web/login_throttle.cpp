#include "web/login_throttle.h"

#include <algorithm>

namespace fa::web {

int LoginThrottle::Wait(std::deque<std::time_t>& failures, std::time_t now) const {
  while (!failures.empty() && now - failures.front() >= window_) failures.pop_front();
  if (static_cast<int>(failures.size()) < max_failures_) return 0;
  return std::max<int>(1, static_cast<int>(window_ - (now - failures.front())));
}

int LoginThrottle::RetryAfter(const std::string& username, const std::string& address, std::time_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::max(Wait(by_user_[username], now), Wait(by_address_[address], now));
}

void LoginThrottle::Failed(const std::string& username, const std::string& address, std::time_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  by_user_[username].push_back(now);
  by_address_[address].push_back(now);
  // Bound memory under a spray of usernames.
  if (by_user_.size() > 100000) by_user_.clear();
  if (by_address_.size() > 100000) by_address_.clear();
}

void LoginThrottle::Succeeded(const std::string& username) {
  std::lock_guard<std::mutex> lock(mutex_);
  by_user_.erase(username);
}

}  // namespace fa::web
