#include "web/session_manager.h"

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
  store_.CreateSession(s.session);
  std::lock_guard<std::mutex> lock(mutex_);
  last_seen_[s.session.token_sha256] = now;
  return s;
}

std::optional<store::Session> SessionManager::Resume(const std::string& token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  const std::string hash = TokenHash(token);
  std::optional<store::Session> s = store_.FindSession(hash);
  if (!s) return std::nullopt;
  std::time_t now = config_.Now();
  bool expired = s->expires_at <= FormatUtc(now);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = last_seen_.find(hash);
    if (it != last_seen_.end() && now - it->second > config_.session_idle_seconds) expired = true;
    if (expired)
      last_seen_.erase(hash);
    else
      last_seen_[hash] = now;
  }
  if (expired) {
    store_.DeleteSession(hash);
    return std::nullopt;
  }
  return s;
}

void SessionManager::End(const std::string& token) {
  if (token.empty()) return;
  const std::string hash = TokenHash(token);
  store_.DeleteSession(hash);
  std::lock_guard<std::mutex> lock(mutex_);
  last_seen_.erase(hash);
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
