// User accounts, the admin's: list, create, edit role, factory and active
// flag, reset the password — as the admin's users page and as the API. A
// page and its API twin share the operation (CreateAccount, SaveAccount,
// ResetPassword) and differ in how they read the input and answer.
#include "web/api_json.h"
#include "web/password.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

/// Creates `u` with `password` (hashed here).
store::EditResult<store::User> CreateAccount(WebApp& app, const RequestContext& ctx, store::User u,
                                             const std::string& password) {
  u.password_hash = HashPassword(password);
  return app.store().CreateUser(u, ctx.Actor());
}

/// Saves an edited account; ends its sessions when it was deactivated.
store::EditResult<store::User> SaveAccount(WebApp& app, const RequestContext& ctx, const store::User& u) {
  auto r = app.store().UpdateUser(u, ctx.Actor());
  if (r.status == store::EditStatus::kSaved && !r.current.active) app.store().DeleteUserSessions(r.current.id);
  return r;
}

/// Whether the edit would demote or deactivate the admin making it.
bool DemotesSelf(const RequestContext& ctx, const store::User& u) {
  return u.id == ctx.user->id && (!u.active || u.role != store::Role::kAdmin);
}

/// Sets a one-time password the user must change; ends their sessions.
void ResetPassword(WebApp& app, const RequestContext& ctx, int64_t user_id, const std::string& password) {
  app.store().SetPasswordHash(user_id, HashPassword(password), true, ctx.Actor());
  app.store().DeleteUserSessions(user_id);
}

/// Any user by the path's {id}.
std::optional<store::User> UserInPath(WebApp& app, const RequestContext& ctx) {
  auto id = ParseId(ctx.Param("id"));
  return id ? app.store().GetUser(*id) : std::nullopt;
}

/// Applies the fields present in `body` to `u` (not the password).
/// "" (none) or a provider of the catalogue in use.
bool KnownProvider(WebApp& app, const std::string& id) {
  if (id.empty()) return true;
  const auto cat = app.providers();
  return cat && cat->Find(id);
}

std::vector<std::string> ApplyUserJson(const Poco::JSON::Object::Ptr& body, store::User& u, WebApp& app) {
  store::Store& store = app.store();
  std::vector<std::string> problems;
  if (auto v = JsonString(body, "display_name")) u.display_name = *v;
  if (auto v = JsonString(body, "role")) {
    if (auto r = store::ParseRole(*v)) u.role = *r;
    else problems.push_back("role must be admin, consultant, manufacturer or commission");
  }
  if (body && body->has("factory_id")) {
    if (body->isNull("factory_id")) u.factory_id.reset();
    else if (auto v = JsonInt(body, "factory_id")) u.factory_id = *v;
    else problems.push_back("factory_id must be a factory id or null");
  }
  if (auto v = JsonString(body, "provider")) u.provider = *v;
  if (auto v = JsonBool(body, "active")) u.active = *v;
  if (u.role != store::Role::kConsultant) u.provider.clear();
  else if (!KnownProvider(app, u.provider))
    problems.push_back("provider must be a provider id of the catalogue in use, or empty");
  if (u.role != store::Role::kManufacturer) u.factory_id.reset();
  else if (!u.factory_id || !store.GetFactory(*u.factory_id))
    problems.push_back("a manufacturer needs an existing factory_id");
  return problems;
}

/// Reads the role and, for a manufacturer, the factory (for a consultant,
/// the provider) from the form; returns the problem ("" when none).
std::string ReadRoleForm(WebApp& app, const RequestContext& ctx, store::Role role, store::User& u) {
  u.role = role;
  u.factory_id.reset();
  u.provider.clear();
  if (role == store::Role::kConsultant) {
    u.provider = ctx.req.FormValue("provider");
    return KnownProvider(app, u.provider) ? "" : ctx.Label("no_provider");
  }
  if (role != store::Role::kManufacturer) return "";
  auto f = ParseId(ctx.req.FormValue("factory_id"));
  if (!f || !app.store().GetFactory(*f)) return ctx.Label("manufacturer_needs_factory");
  u.factory_id = *f;
  return "";
}

EscapedView UserView(const store::User& u, const std::vector<store::Factory>& factories,
                     const ProviderCatalogue* cat, const std::string& lang) {
  EscapedView uv;
  uv.Int("id", u.id);
  uv.Text("username", u.username);
  uv.Text("display_name", u.display_name);
  uv.Text("role", store::RoleName(u.role));
  for (const char* r : {"admin", "consultant", "manufacturer", "commission"})
    uv.Flag(std::string("is_") + r, u.role == store::ParseRole(r));
  std::string factory_name;
  std::vector<EscapedView> options;
  for (const auto& f : factories) {
    if (u.factory_id && *u.factory_id == f.id) factory_name = f.name;
    EscapedView o;
    o.Int("id", f.id);
    o.Text("name", f.name);
    o.Flag("selected", u.factory_id && *u.factory_id == f.id);
    options.push_back(o);
  }
  uv.Text("factory", factory_name);
  uv.List("factory_options", options);
  uv.Int("factory_id", u.factory_id.value_or(0));
  uv.List("provider_options", ProviderOptions(cat, u.provider, lang));
  const Provider* provider = cat ? cat->Find(u.provider) : nullptr;
  uv.Text("provider", provider ? provider->name.In(lang) : u.provider);
  uv.Flag("active", u.active);
  uv.Flag("must_change", u.must_change_password);
  uv.Int("version", u.version);
  return uv;
}

WebResponse UsersAdminPage(WebApp& app, RequestContext& ctx, const std::string& error, const std::string& notice,
                           int status) {
  const std::vector<store::Factory> factories = app.store().ListFactories();
  std::vector<EscapedView> factory_rows, users;
  for (const auto& f : factories) {
    EscapedView fv;
    fv.Int("id", f.id);
    fv.Text("name", f.name);
    factory_rows.push_back(fv);
  }
  const auto cat = app.providers();
  for (const auto& u : app.store().ListUsers()) users.push_back(UserView(u, factories, cat.get(), ctx.lang));
  EscapedView v;
  v.List("providers", ProviderOptions(cat.get(), "", ctx.lang));
  v.Flag("has_providers", cat && !cat->providers.empty());
  v.List("users", users);
  v.List("factories", factory_rows);
  v.Text("error", error);
  v.Text("notice", notice);
  return app.pages().Page("admin_users", ctx.Label("title_users"), v, ctx, status);
}

// ---- API ----

WebResponse ListUsersApi(WebApp& app, RequestContext&) { return ListJson("users", WriteUser, app.store().ListUsers()); }

WebResponse CreateUserApi(WebApp& app, RequestContext& ctx) {
  auto body = ParseJsonObject(ctx.req.body);
  auto username = JsonString(body, "username");
  auto password = JsonString(body, "password");
  if (!body || !username || !password)
    return JsonError(400, "fields_required", "username and password are required");
  store::User u;
  u.username = *username;
  std::vector<std::string> problems = ApplyUserJson(body, u, app);
  if (u.username.empty() || u.username.size() > 64) problems.push_back("username must be 1 to 64 characters");
  if (password->size() < kMinPasswordLength) problems.push_back("the password needs at least 10 characters");
  if (!problems.empty()) return JsonError(400, "invalid", "the user is not valid", problems);
  u.must_change_password = JsonBool(body, "must_change_password").value_or(true);
  auto r = CreateAccount(app, ctx, u, *password);
  if (r.status != store::EditStatus::kSaved) return EditErrorJson(r.status, "the user");
  return RecordJson(201, WriteUser, r.current);
}

WebResponse UpdateUserApi(WebApp& app, RequestContext& ctx) {
  auto apply = [&](const Poco::JSON::Object::Ptr& body, store::User& u) {
    auto problems = ApplyUserJson(body, u, app);
    if (DemotesSelf(ctx, u)) problems.push_back("you cannot demote or deactivate yourself");
    return problems;
  };
  return UpdateFromJson(ctx, UserInPath(app, ctx), "the user", apply,
                        [&](const store::User& u) { return SaveAccount(app, ctx, u); }, WriteUser);
}

WebResponse ResetPasswordApi(WebApp& app, RequestContext& ctx) {
  auto u = UserInPath(app, ctx);
  if (!u) return JsonError(404, "not_found", "not found");
  std::string password = JsonString(ParseJsonObject(ctx.req.body), "password").value_or("");
  const bool generated = password.empty();
  if (generated) password = RandomToken(12);
  if (password.size() < kMinPasswordLength)
    return JsonError(400, "password_too_short", "the password needs at least 10 characters");
  ResetPassword(app, ctx, u->id, password);
  JsonWriter w(false);
  w.BeginObject().Field("ok", true);
  if (generated) w.Field("password", password);  // shown once to the admin
  w.EndObject();
  return JsonResponse(200, w.str());
}

// ---- pages ----

WebResponse UsersPage(WebApp& app, RequestContext& ctx) { return UsersAdminPage(app, ctx, "", "", 200); }

WebResponse CreateUserPage(WebApp& app, RequestContext& ctx) {
  store::User u;
  u.username = ctx.req.FormValue("username");
  u.display_name = ctx.req.FormValue("display_name");
  auto role = store::ParseRole(ctx.req.FormValue("role"));
  if (u.username.empty() || u.username.size() > 64 || !role)
    return UsersAdminPage(app, ctx, ctx.Label("username_and_role_required"), "", 400);
  if (std::string problem = ReadRoleForm(app, ctx, *role, u); !problem.empty())
    return UsersAdminPage(app, ctx, problem, "", 400);
  std::string password = ctx.req.FormValue("password");
  const bool generated = password.empty();
  if (generated) password = RandomToken(12);
  if (password.size() < kMinPasswordLength)
    return UsersAdminPage(app, ctx, ctx.Label("password_too_short"), "", 400);
  u.must_change_password = true;
  auto r = CreateAccount(app, ctx, u, password);
  if (r.status == store::EditStatus::kDuplicate) return UsersAdminPage(app, ctx, ctx.Label("username_taken"), "", 409);
  if (r.status != store::EditStatus::kSaved) return UsersAdminPage(app, ctx, ctx.Label("not_saved"), "", 400);
  std::string notice = generated ? ctx.Label("user_created_with_password", {u.username, password})
                                 : ctx.Label("user_created", {u.username});
  return UsersAdminPage(app, ctx, "", notice, 200);
}

WebResponse UpdateUserPage(WebApp& app, RequestContext& ctx) {
  auto u = UserInPath(app, ctx);
  if (!u) return app.pages().Message(404, ctx.Label("not_found"), ctx.Label("no_such_user"), ctx);
  auto version = ParseId(ctx.req.FormValue("version"));
  auto role = store::ParseRole(ctx.req.FormValue("role"));
  if (!version || !role) return UsersAdminPage(app, ctx, ctx.Label("invalid_form"), "", 400);
  u->version = *version;
  u->display_name = ctx.req.FormValue("display_name");
  u->active = ctx.req.FormValue("active") == "1";
  if (std::string problem = ReadRoleForm(app, ctx, *role, *u); !problem.empty())
    return UsersAdminPage(app, ctx, problem, "", 400);
  if (DemotesSelf(ctx, *u)) return UsersAdminPage(app, ctx, ctx.Label("cannot_demote_self"), "", 400);
  auto r = SaveAccount(app, ctx, *u);
  if (r.status == store::EditStatus::kConflict)
    return UsersAdminPage(app, ctx, ctx.Label("user_changed_meanwhile"), "", 409);
  if (r.status != store::EditStatus::kSaved) return UsersAdminPage(app, ctx, ctx.Label("not_saved"), "", 400);
  return UsersAdminPage(app, ctx, "", ctx.Label("saved"), 200);
}

WebResponse ResetPasswordPage(WebApp& app, RequestContext& ctx) {
  auto u = UserInPath(app, ctx);
  if (!u) return app.pages().Message(404, ctx.Label("not_found"), ctx.Label("no_such_user"), ctx);
  const std::string password = RandomToken(12);
  ResetPassword(app, ctx, u->id, password);
  return UsersAdminPage(app, ctx, "", ctx.Label("password_reset", {u->username, password}), 200);
}

}  // namespace

RouteTable UserRoutes() {
  return {
      {"GET", "/api/users", kAdminRole, ListUsersApi},
      {"POST", "/api/users", kAdminRole, CreateUserApi},
      {"PUT", "/api/users/{id}", kAdminRole, UpdateUserApi},
      {"POST", "/api/users/{id}/password", kAdminRole, ResetPasswordApi},
      {"GET", "/admin/users", kAdminRole, UsersPage},
      {"POST", "/admin/users", kAdminRole, CreateUserPage},
      {"POST", "/admin/users/{id}", kAdminRole, UpdateUserPage},
      {"POST", "/admin/users/{id}/password", kAdminRole, ResetPasswordPage},
  };
}

}  // namespace fa::web
