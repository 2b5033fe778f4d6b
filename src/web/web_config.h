// Settings of the web app: where its files are, session and throttling
// limits, and its Env (base/env.h), whose clock tests stop and advance to
// expire sessions.
#pragma once

#include <cstddef>
#include <ctime>
#include <functional>
#include <string>

#include "base/env.h"
#include "base/local_time.h"

namespace fa::web {

struct WebConfig {
  /// The templates directory (the report's); web pages are in its web/.
  std::string templates_dir;
  /// Shipped rubrics registered in the store at start.
  std::string rubrics_dir = "rubrics";
  /// Ranking configs the commission can choose from.
  std::string ranking_dir = "examples/ranking";
  /// The district's pick lists and profile fields (rubric/district.h); ""
  /// means districts/jiading.yaml beside the templates directory.
  std::string district_file;
  /// The service-provider catalogue (docs/providers.md) whose best matches
  /// each diagnosis report shows (its service-provider section); "" none.
  std::string providers_file;
  /// The engagements recorded against that catalogue (docs/providers.md
  /// "Effect of services") whose effect the provider pages show; "" none.
  std::string engagements_file;
  /// "zh" or "en" when neither ?lang= nor a cookie says otherwise.
  std::string default_lang = "zh";
  /// The zone pages and reports show moments in (stored ones stay UTC):
  /// serve --tz, else $FA_TZ, else Asia/Shanghai (base/local_time.h).
  TimeZone zone = TimeZone::Parse("Asia/Shanghai");
  /// Adds `Secure` to cookies (set when served over HTTPS via a proxy).
  bool secure_cookies = false;
  /// Larger request bodies are refused with 413.
  size_t max_body_bytes = 2 * 1024 * 1024;
  /// A connection that sends nothing for this long while the server waits
  /// for its request line, headers or body is closed (each wait; also the
  /// wait for a new connection's first request).
  int receive_timeout_seconds = 5;
  /// Connections one client address may hold open at once; more are
  /// answered 503 at once. 0: no cap (e.g. behind a proxy that caps them).
  int max_connections_per_client = 16;
  /// PDF reports printed at once (each starts a Chromium)…
  int max_pdf_renders = 2;
  /// …and how long a PDF request waits for a turn before it is answered
  /// 503 with Retry-After.
  int pdf_wait_ms = 5000;
  /// Prints an HTML file to a PDF file (throws PdfError); unset: Chromium
  /// through PdfPrinter (report/pdf_printer.h). Tests pass a stand-in.
  std::function<void(const std::string& html_path, const std::string& pdf_path)> print_pdf;
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
