// What a handler knows about the request it serves: the request itself, the
// signed-in user (if any), the session's CSRF token and the page language,
// in which Label() gives the interface's texts (web_labels.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/local_time.h"
#include "store/store.h"
#include "web/http_message.h"

namespace fa::web {

struct RequestContext {
  explicit RequestContext(const WebRequest& request) : req(request) {}

  const WebRequest& req;
  std::optional<store::User> user;
  std::string csrf;   ///< the session's CSRF token (or the login form's)
  std::string lang = "zh";
  /// The zone moments are shown in (WebConfig::zone); UTC when unset.
  const TimeZone* zone = nullptr;
  /// The page a page rendered for this request stands for, when that is not
  /// the request's path: a form posted to an action path (e.g. the bulk
  /// import) shows a page that lives at another. Its language switch goes
  /// there; "" means the request's own path and, for a GET, its query.
  std::string page_path;
  /// When the request came, by the app's clock (WebConfig::Now).
  std::time_t now = 0;
  /// Set-Cookie headers the app adds to whatever the handler returns.
  std::vector<std::string> set_cookies;

  const std::string& Param(const std::string& name) const;
  bool Is(store::Role role) const { return user && user->role == role; }
  store::Actor Actor() const {
    store::Actor a;
    if (user) {
      a.user_id = user->id;
      a.username = user->username;
    } else {
      a.username = "anonymous";
    }
    return a;
  }
  /// The label `key` in the page language, each "{}" replaced by the next
  /// of `args` (web_labels.h).
  std::string Label(const char* key, const std::vector<std::string>& args = {}) const;
  /// A stored UTC stamp as people read it: local time in the page language
  /// ("2 Dec 2026 12:32" in English; base/local_time.h).
  std::string Time(const std::string& utc_stamp) const;
  /// The zone's offset now, "UTC+8": beside the heading of a column of
  /// times (Time() leaves it out of each).
  std::string ZoneLabel() const;
  /// The display name of a role in the page language (web_labels.cpp).
  std::string RoleLabel(store::Role role) const;
  /// What the pages call `u`: the display name people gave; an admin with
  /// none (the first-run admin) — or with "Administrator", the English name
  /// the first run gave before — by the role's name in the page language;
  /// anyone else with none by the username.
  std::string UserName(const store::User& u) const;
};

/// The id in a path segment or field; nullopt unless it is a positive decimal.
std::optional<int64_t> ParseId(const std::string& text);

}  // namespace fa::web
