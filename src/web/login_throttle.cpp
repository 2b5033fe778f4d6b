#include "web/login_throttle.h"

#include <algorithm>
#include <tuple>
#include <vector>

namespace fa::web {

int LoginThrottle::Wait(const Table& table, const std::string& key, std::time_t now) const {
  auto it = table.find(key);
  if (it == table.end() || max_failures_ < 1) return 0;
  const Failures& failures = it->second;
  const auto in_window = std::count_if(failures.begin(), failures.end(),
                                       [&](std::time_t t) { return now - t < window_; });
  if (in_window < max_failures_) return 0;
  // Allowed again when the oldest of the last `max_failures_` leaves the window.
  const std::time_t oldest = failures[failures.size() - static_cast<size_t>(max_failures_)];
  return std::max<int>(1, static_cast<int>(window_ - (now - oldest)));
}

int LoginThrottle::RetryAfter(const std::string& username, const std::string& address, std::time_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::max(Wait(by_user_, username, now), Wait(by_address_, address, now));
}

void LoginThrottle::Record(Table& table, const std::string& key, std::time_t now) {
  Failures& failures = table[key];
  failures.push_back(now);
  // Only the last `max_failures_` within the window can block.
  while (!failures.empty() &&
         (now - failures.front() >= window_ || failures.size() > static_cast<size_t>(std::max(1, max_failures_))))
    failures.pop_front();
  if (table.size() > max_keys_) Evict(table, now);
}

void LoginThrottle::Evict(Table& table, std::time_t now) {
  // Failures are appended in time order, so back() is a key's latest.
  for (auto it = table.begin(); it != table.end();)
    it = it->second.empty() || now - it->second.back() >= window_ ? table.erase(it) : std::next(it);
  const size_t target = max_keys_ - max_keys_ / 10;
  if (table.size() <= target) return;
  // (blocks, latest failure): the keys that do not block first, then the
  // least recently failed.
  std::vector<std::tuple<bool, std::time_t, Table::iterator>> order;
  order.reserve(table.size());
  for (auto it = table.begin(); it != table.end(); ++it)
    order.emplace_back(Wait(table, it->first, now) > 0, it->second.back(), it);
  const size_t excess = table.size() - target;
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(excess), order.end(),
                    [](const auto& a, const auto& b) {
                      return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
                    });
  for (size_t i = 0; i < excess; ++i) table.erase(std::get<2>(order[i]));
}

void LoginThrottle::Failed(const std::string& username, const std::string& address, std::time_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  Record(by_user_, username, now);
  Record(by_address_, address, now);
}

void LoginThrottle::Succeeded(const std::string& username) {
  std::lock_guard<std::mutex> lock(mutex_);
  by_user_.erase(username);
}

size_t LoginThrottle::Keys() {
  std::lock_guard<std::mutex> lock(mutex_);
  return by_user_.size() + by_address_.size();
}

}  // namespace fa::web
