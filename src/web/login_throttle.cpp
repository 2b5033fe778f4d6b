#include "web/login_throttle.h"

#include <algorithm>

#include "base/local_time.h"
#include "base/time_format.h"

namespace fa::web {

int LoginThrottle::Wait(const std::string& kind, const std::string& name, std::time_t now) {
  if (max_failures_ < 1) return 0;
  // The last `max_failures_` within the window, oldest first.
  const std::vector<std::string> failures = store_.RecentLoginFailures(kind, name, FormatUtc(now - window_), max_failures_);
  if (static_cast<int>(failures.size()) < max_failures_) return 0;
  // Allowed again when the oldest of them leaves the window.
  const std::time_t oldest = ParseUtcStamp(failures.front()).value_or(now);
  return std::max<int>(1, static_cast<int>(window_ - (now - oldest)));
}

int LoginThrottle::RetryAfter(const std::string& username, const std::string& address, std::time_t now) {
  return std::max(Wait("user", username, now), Wait("address", address, now));
}

void LoginThrottle::Failed(const std::string& username, const std::string& address, std::time_t now) {
  store_.RecordLoginFailure(username, address, FormatUtc(now), FormatUtc(now - window_));
}

void LoginThrottle::Succeeded(const std::string& username) { store_.ClearLoginFailures(username); }

}  // namespace fa::web
