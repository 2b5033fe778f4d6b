#include "web/session_manager.h"

#include <algorithm>

#include "base/local_time.h"
#include "base/time_format.h"
#include "web/password.h"

namespace fa::web {

SessionManager::Started SessionManager::Start(int64_t user_id, const std::string& csrf_token) {
  Started s;
  s.token = RandomToken();
  std::time_t now = config_.Now();
  s.session.token_sha256 = TokenHash(s.token);
  s.session.user_id = user_id;
  s.session.csrf_token = csrf_token.empty() ? RandomToken() : csrf_token;
  s.session.created_at = FormatUtc(now);
  s.session.expires_at = FormatUtc(now + config_.session_absolute_seconds);
  s.session.last_seen_at = s.session.created_at;
  store_.CreateSession(s.session);
  return s;
}

std::optional<store::Session> SessionManager::Resume(const std::string& token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  const std::string hash = TokenHash(token);
  std::optional<store::Session> s = store_.FindSession(hash);
  if (!s) return std::nullopt;
  std::time_t now = config_.Now();
  const std::optional<std::time_t> seen = ParseUtcStamp(s->last_seen_at.empty() ? s->created_at : s->last_seen_at);
  const bool idle = seen && now - *seen > config_.session_idle_seconds;
  if (s->expires_at <= FormatUtc(now) || idle) {
    store_.DeleteSession(hash);
    return std::nullopt;
  }
  // Recorded in the store, so that the next request may reach any server;
  // at most once per TouchInterval, not a write per request.
  if (!seen || now - *seen >= TouchInterval()) store_.TouchSession(hash, FormatUtc(now));
  return s;
}

void SessionManager::End(const std::string& token) {
  if (token.empty()) return;
  store_.DeleteSession(TokenHash(token));
}

int SessionManager::TouchInterval() const {
  return std::clamp(config_.session_idle_seconds / 60, 1, 30);
}

std::string SessionManager::Cookie(const std::string& name, const std::string& value, int max_age) const {
  std::string c = name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (max_age >= 0) c += "; Max-Age=" + std::to_string(max_age);
  if (config_.secure_cookies) c += "; Secure";
  return c;
}

std::string SessionManager::SessionCookie(const std::string& token) const {
  return Cookie(kSessionCookie, token, config_.session_absolute_seconds);
}

std::string SessionManager::ClearSessionCookie() const { return Cookie(kSessionCookie, "", 0); }

}  // namespace fa::web
