// Signing in and out, changing one's own password, the CSRF token and the
// signed-in user: the sign-in and password pages and their API twins. A
// page and its twin share one operation (SignIn, EndSession,
// ChangeOwnPassword) and differ only in how they answer.
#include "base/json_writer.h"
#include "web/api_json.h"
#include "web/password.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

std::string UserBody(const store::User& u, const std::string& csrf) {
  JsonWriter w(false);
  w.BeginObject().Key("user");
  WriteUser(w, u);
  w.Field("csrf", csrf).EndObject();
  return w.str();
}

struct SignInResult {
  int retry_after = 0;              ///< seconds, when throttled
  std::optional<store::User> user;  ///< when signed in
  std::string csrf;                 ///< the new session's token
};

/// Checks the throttle and the password; when they pass, ends the caller's
/// old session, starts a new one and sets its cookie.
SignInResult SignIn(WebApp& app, RequestContext& ctx, const std::string& username, const std::string& password) {
  SignInResult out;
  const std::time_t now = app.config().Now();
  out.retry_after = app.throttle().RetryAfter(username, ctx.req.client_address, now);
  if (out.retry_after) return out;
  std::optional<store::User> user = app.store().FindUser(username);
  // Verify against a dummy hash when the user is unknown, so timing does
  // not reveal which usernames exist.
  static const std::string dummy = HashPassword("dummy password");
  if (!(VerifyPassword(password, user ? user->password_hash : dummy) && user && user->active)) {
    app.throttle().Failed(username, ctx.req.client_address, now);
    return out;
  }
  app.throttle().Succeeded(username);
  auto old = ctx.req.cookies.find(kSessionCookie);
  if (ctx.user && old != ctx.req.cookies.end()) app.sessions().End(old->second);
  SessionManager::Started s = app.sessions().Start(user->id);
  ctx.set_cookies.push_back(app.sessions().SessionCookie(s.token));
  ctx.set_cookies.push_back(app.sessions().Cookie(kLoginCsrfCookie, "", 0));
  out.user = user;
  out.csrf = s.session.csrf_token;
  return out;
}

void EndSession(WebApp& app, RequestContext& ctx) {
  auto c = ctx.req.cookies.find(kSessionCookie);
  if (c != ctx.req.cookies.end()) app.sessions().End(c->second);
  ctx.set_cookies.push_back(app.sessions().ClearSessionCookie());
}

enum class PasswordChange { kDone, kWrongCurrent, kTooShort, kAgainDiffers, kUnchanged };

/// Sets the new password, ends every session of the user (on every device)
/// and replaces this browser's with a new one: a new session cookie, the
/// same CSRF token (so open pages and API clients that keep cookies go on).
PasswordChange ChangeOwnPassword(WebApp& app, RequestContext& ctx, const std::string& current,
                                 const std::string& next, const std::string& again) {
  if (!VerifyPassword(current, ctx.user->password_hash)) return PasswordChange::kWrongCurrent;
  if (next.size() < kMinPasswordLength) return PasswordChange::kTooShort;
  if (next != again) return PasswordChange::kAgainDiffers;
  if (next == current) return PasswordChange::kUnchanged;
  app.store().SetPasswordHash(ctx.user->id, HashPassword(next), false, ctx.Actor());
  app.store().DeleteUserSessions(ctx.user->id);
  SessionManager::Started s = app.sessions().Start(ctx.user->id, ctx.csrf);
  ctx.set_cookies.push_back(app.sessions().SessionCookie(s.token));
  return PasswordChange::kDone;
}

// ---- API ----

WebResponse CsrfTokenApi(WebApp& app, RequestContext& ctx) {
  std::string token = ctx.csrf;
  if (!ctx.user && token.empty()) {
    token = RandomToken();
    ctx.set_cookies.push_back(app.sessions().Cookie(kLoginCsrfCookie, token, 3600));
  }
  JsonWriter w(false);
  w.BeginObject().Field("csrf", token).EndObject();
  return JsonResponse(200, w.str());
}

WebResponse SignInApi(WebApp& app, RequestContext& ctx) {
  auto body = ParseJsonObject(ctx.req.body);
  auto username = JsonString(body, "username");
  auto password = JsonString(body, "password");
  if (!username || !password) return JsonError(400, "fields_required", "username and password are required");
  SignInResult r = SignIn(app, ctx, *username, *password);
  if (r.retry_after) {
    WebResponse out = JsonError(429, "throttled", "too many failed sign-ins; try again later");
    out.Header("Retry-After", std::to_string(r.retry_after));
    return out;
  }
  if (!r.user) return JsonError(401, "wrong_credentials", "wrong username or password");
  return JsonResponse(200, UserBody(*r.user, r.csrf));
}

WebResponse SignOutApi(WebApp& app, RequestContext& ctx) {
  EndSession(app, ctx);
  return JsonResponse(200, "{\"ok\":true}");
}

WebResponse CurrentUserApi(WebApp&, RequestContext& ctx) { return JsonResponse(200, UserBody(*ctx.user, ctx.csrf)); }

WebResponse ChangePasswordApi(WebApp& app, RequestContext& ctx) {
  auto body = ParseJsonObject(ctx.req.body);
  auto current = JsonString(body, "current");
  auto next = JsonString(body, "new");
  if (!current || !next) return JsonError(400, "fields_required", "current and new are required");
  switch (ChangeOwnPassword(app, ctx, *current, *next, *next)) {
    case PasswordChange::kWrongCurrent: return JsonError(403, "wrong_password", "the current password is wrong");
    case PasswordChange::kTooShort:
      return JsonError(400, "password_too_short", "the new password is too short", {"at least 10 characters"});
    case PasswordChange::kAgainDiffers:  // not asked by the API
    case PasswordChange::kUnchanged:
      return JsonError(400, "password_unchanged", "the new password must differ from the current one");
    case PasswordChange::kDone: break;
  }
  JsonWriter w(false);
  w.BeginObject().Field("ok", true).Field("csrf", ctx.csrf).EndObject();
  return JsonResponse(200, w.str());
}

// ---- pages ----

WebResponse SignInFormPage(WebApp& app, RequestContext& ctx) {
  if (ctx.user) return Redirect("/");
  if (ctx.csrf.empty()) {
    ctx.csrf = RandomToken();
    ctx.set_cookies.push_back(app.sessions().Cookie(kLoginCsrfCookie, ctx.csrf, 3600));
  }
  EscapedView v;
  std::string next = ctx.req.Query("next");
  v.Text("next", SafeRedirectTarget(next) ? next : "/");
  return app.pages().Page("login", ctx.Label("login"), v, ctx);
}

WebResponse SignInPage(WebApp& app, RequestContext& ctx) {
  const std::string username = ctx.req.FormValue("username"), next = ctx.req.FormValue("next");
  SignInResult r = SignIn(app, ctx, username, ctx.req.FormValue("password"));
  if (r.user) return Redirect(r.user->must_change_password ? "/password" : (SafeRedirectTarget(next) ? next : "/"));
  EscapedView v;
  v.Text("next", SafeRedirectTarget(next) ? next : "/");
  v.Text("username", username);
  if (!r.retry_after) {
    v.Text("error", ctx.Label("wrong_credentials"));
    return app.pages().Page("login", ctx.Label("login"), v, ctx, 401);
  }
  v.Text("error", ctx.Label("sign_in_throttled", {std::to_string((r.retry_after + 59) / 60)}));
  WebResponse out = app.pages().Page("login", ctx.Label("login"), v, ctx, 429);
  out.Header("Retry-After", std::to_string(r.retry_after));
  return out;
}

WebResponse SignOutPage(WebApp& app, RequestContext& ctx) {
  EndSession(app, ctx);
  return Redirect("/login");
}

WebResponse PasswordFormPage(WebApp& app, RequestContext& ctx) {
  return app.pages().Page("password", ctx.Label("change_password"), EscapedView(), ctx);
}

WebResponse ChangePasswordPage(WebApp& app, RequestContext& ctx) {
  std::string error;
  switch (ChangeOwnPassword(app, ctx, ctx.req.FormValue("current"), ctx.req.FormValue("new"),
                            ctx.req.FormValue("again"))) {
    case PasswordChange::kDone: return Redirect("/");
    case PasswordChange::kWrongCurrent: error = ctx.Label("wrong_current_password"); break;
    case PasswordChange::kTooShort: error = ctx.Label("new_password_too_short"); break;
    case PasswordChange::kAgainDiffers: error = ctx.Label("new_passwords_differ"); break;
    case PasswordChange::kUnchanged: error = ctx.Label("new_password_unchanged"); break;
  }
  EscapedView v;
  v.Text("error", error);
  return app.pages().Page("password", ctx.Label("change_password"), v, ctx, 400);
}

}  // namespace

RouteTable SessionRoutes() {
  return {
      {"GET", "/api/csrf", kEveryone, CsrfTokenApi, true},
      {"POST", "/api/login", kEveryone, SignInApi, true},
      {"POST", "/api/logout", kSignedIn, SignOutApi, true},
      {"GET", "/api/me", kSignedIn, CurrentUserApi, true},
      {"POST", "/api/password", kSignedIn, ChangePasswordApi, true},
      {"GET", "/login", kEveryone, SignInFormPage, true},
      {"POST", "/login", kEveryone, SignInPage, true},
      {"POST", "/logout", kSignedIn, SignOutPage, true},
      {"GET", "/password", kSignedIn, PasswordFormPage, true},
      {"POST", "/password", kSignedIn, ChangePasswordPage, true},
  };
}

}  // namespace fa::web
