// Sessions: a random token in an HttpOnly, SameSite=Strict cookie; the store
// keeps only its SHA-256 and the session's CSRF token. A session ends at its
// absolute expiry or after an idle period, both counted from what the store
// holds (its last use is recorded there, at most once per TouchInterval), so
// that several servers on one database agree and a restart forgives
// nothing (docs/store.md "Several servers, one database").
#pragma once

#include <optional>
#include <string>

#include "store/store.h"
#include "web/web_config.h"

namespace fa::web {

constexpr const char* kSessionCookie = "fa_session";
/// The pre-login CSRF cookie (double submit) that protects the login form.
constexpr const char* kLoginCsrfCookie = "fa_login_csrf";
constexpr const char* kLangCookie = "fa_lang";

class SessionManager {
 public:
  SessionManager(store::Store& store, const WebConfig& config) : store_(store), config_(config) {}

  struct Started {
    std::string token;  ///< goes into the cookie, nowhere else
    store::Session session;
  };
  /// A new session for `user_id`, with a fresh CSRF token (or `csrf_token`
  /// when given: a session replaced by a new one keeps its pages' forms).
  Started Start(int64_t user_id, const std::string& csrf_token = "");
  /// The live session of `token`, marking it used; nullopt (and the session
  /// removed) when it is unknown or expired.
  std::optional<store::Session> Resume(const std::string& token);
  void End(const std::string& token);

  /// Set-Cookie values.
  std::string SessionCookie(const std::string& token) const;
  std::string ClearSessionCookie() const;
  std::string Cookie(const std::string& name, const std::string& value, int max_age) const;

 private:
  /// Seconds between two records of a session's use: a 60th of the idle
  /// period, 1 to 30 s; a session may so end up to that much early.
  int TouchInterval() const;

  store::Store& store_;
  const WebConfig& config_;
};

}  // namespace fa::web
