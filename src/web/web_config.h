// Settings of the web app: where its files are, session and throttling
// limits, and the clock (injectable, so tests can expire sessions).
#pragma once

#include <cstddef>
#include <ctime>
#include <functional>
#include <string>

namespace fa::web {

struct WebConfig {
  /// The templates directory (the report's); web pages are in its web/.
  std::string templates_dir;
  /// Shipped rubrics registered in the store at start.
  std::string rubrics_dir = "rubrics";
  /// Ranking configs the commission can choose from.
  std::string ranking_dir = "examples/ranking";
  /// "zh" or "en" when neither ?lang= nor a cookie says otherwise.
  std::string default_lang = "zh";
  /// Adds `Secure` to cookies (set when served over HTTPS via a proxy).
  bool secure_cookies = false;
  /// Larger request bodies are refused with 413.
  size_t max_body_bytes = 2 * 1024 * 1024;
  /// A session ends after this long without a request…
  int session_idle_seconds = 30 * 60;
  /// …and this long after login, whatever happens.
  int session_absolute_seconds = 12 * 60 * 60;
  /// Failed logins allowed per username and per client address within the
  /// window before further attempts get 429.
  int throttle_max_failures = 5;
  int throttle_window_seconds = 15 * 60;
  /// Seconds since the epoch; defaults to std::time.
  std::function<std::time_t()> now;

  std::time_t Now() const { return now ? now() : std::time(nullptr); }
};

}  // namespace fa::web
