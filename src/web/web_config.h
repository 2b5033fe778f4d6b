// Settings of the web app: where its files are, session and throttling
// limits, and its Env (base/env.h), whose clock tests stop and advance to
// expire sessions.
#pragma once

#include <cstddef>
#include <ctime>
#include <string>

#include "base/env.h"

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
  /// The clock; the system's unless a test passes its own, which must
  /// outlive the app.
  const Env* env = &Env::Default();

  /// Seconds since the epoch by `env`'s clock.
  std::time_t Now() const { return env->Now(); }
};

}  // namespace fa::web
