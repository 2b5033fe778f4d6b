// The JSON API for administration (docs/api.md): users, factories,
// assignments and rubrics are admin's; the audit log is read by admin and
// the commission.
#include "base/json_writer.h"
#include "web/api_json.h"
#include "web/password.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

WebResponse EditError(store::EditStatus status, const std::string& what) {
  switch (status) {
    case store::EditStatus::kConflict: return JsonError(409, what + " was changed by someone else; reload it");
    case store::EditStatus::kNotFound: return JsonError(404, "not found");
    case store::EditStatus::kDuplicate: return JsonError(409, what + ": the name or code is taken");
    case store::EditStatus::kImmutable: return JsonError(409, what + " can no longer change");
    default: return JsonError(400, "not saved");
  }
}

}  // namespace

/// Applies the fields present in `body` to `f`; returns problems.
std::vector<std::string> ApplyFactoryFields(const Poco::JSON::Object::Ptr& body, store::Factory& f) {
  std::vector<std::string> problems;
  if (auto v = JsonString(body, "credit_code")) f.credit_code = *v;
  if (auto v = JsonString(body, "name")) f.name = *v;
  if (auto v = JsonString(body, "town")) f.town = *v;
  if (auto v = JsonString(body, "industry")) f.industry = *v;
  if (auto v = JsonString(body, "manufacturing_type")) f.manufacturing_type = *v;
  if (body && body->has("employees")) {
    auto v = JsonNumber(body, "employees");
    if (v && *v >= 0) f.employees = *v; else if (body->isNull("employees")) f.employees.reset(); else problems.push_back("employees must be a number >= 0");
  }
  if (body && body->has("revenue")) {
    auto v = JsonNumber(body, "revenue");
    if (v && *v >= 0) f.revenue = *v; else if (body->isNull("revenue")) f.revenue.reset(); else problems.push_back("revenue must be a number >= 0");
  }
  if (f.name.empty()) problems.push_back("name is required");
  if (f.name.size() > 200 || f.town.size() > 200 || f.industry.size() > 200) problems.push_back("names hold at most 200 bytes");
  if (!f.manufacturing_type.empty() && f.manufacturing_type != "discrete" && f.manufacturing_type != "process" &&
      f.manufacturing_type != "mixed")
    problems.push_back("manufacturing_type must be discrete, process or mixed");
  return problems;
}

/// Applies the fields present in `body` to `u` (not the password).
std::vector<std::string> ApplyUserFields(const Poco::JSON::Object::Ptr& body, store::User& u, store::Store& store) {
  std::vector<std::string> problems;
  if (auto v = JsonString(body, "display_name")) u.display_name = *v;
  if (auto v = JsonString(body, "role")) {
    if (auto r = store::ParseRole(*v)) u.role = *r; else problems.push_back("role must be admin, consultant, manufacturer or commission");
  }
  if (body && body->has("factory_id")) {
    if (body->isNull("factory_id")) u.factory_id.reset();
    else if (auto v = JsonInt(body, "factory_id")) u.factory_id = *v;
    else problems.push_back("factory_id must be a factory id or null");
  }
  if (auto v = JsonBool(body, "active")) u.active = *v;
  if (u.role == store::Role::kManufacturer) {
    if (!u.factory_id || !store.GetFactory(*u.factory_id)) problems.push_back("a manufacturer needs an existing factory_id");
  } else {
    u.factory_id.reset();
  }
  return problems;
}

void WebApp::AddApiAdminRoutes() {
  router_.Add("POST", "/api/factories", kAdminRole, [this](RequestContext& ctx) {
    auto body = ParseJsonObject(ctx.req.body);
    if (!body) return JsonError(400, "a JSON object is required");
    store::Factory f;
    auto problems = ApplyFactoryFields(body, f);
    if (!problems.empty()) return JsonError(400, "the factory is not valid", problems);
    auto r = store_.CreateFactory(f, ctx.Actor());
    if (r.status != store::EditStatus::kSaved) return EditError(r.status, "the factory");
    JsonWriter w(false);
    WriteFactory(w, r.current);
    return JsonResponse(201, w.str());
  });
  router_.Add("PUT", "/api/factories/{id}", kAdminRole, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto f = id ? store_.GetFactory(*id) : std::nullopt;
    if (!f) return JsonError(404, "not found");
    auto body = ParseJsonObject(ctx.req.body);
    auto version = JsonInt(body, "version");
    if (!version) return JsonError(400, "the factory's version is required");
    f->version = *version;
    auto problems = ApplyFactoryFields(body, *f);
    if (!problems.empty()) return JsonError(400, "the factory is not valid", problems);
    auto r = store_.UpdateFactory(*f, ctx.Actor());
    if (r.status != store::EditStatus::kSaved) {
      if (r.status != store::EditStatus::kConflict) return EditError(r.status, "the factory");
      JsonWriter w(false);
      w.BeginObject().Field("error", "the factory was changed by someone else").Field("details", std::vector<std::string>{});
      w.Key("current");
      WriteFactory(w, r.current);
      w.Key("yours");
      WriteFactory(w, *f);
      w.EndObject();
      return JsonResponse(409, w.str());
    }
    JsonWriter w(false);
    WriteFactory(w, r.current);
    return JsonResponse(200, w.str());
  });

  router_.Add("GET", "/api/users", kAdminRole, [this](RequestContext&) {
    JsonWriter w(false);
    w.BeginObject().Key("users").BeginArray();
    for (const auto& u : store_.ListUsers()) WriteUser(w, u);
    w.EndArray().EndObject();
    return JsonResponse(200, w.str());
  });
  router_.Add("POST", "/api/users", kAdminRole, [this](RequestContext& ctx) {
    auto body = ParseJsonObject(ctx.req.body);
    auto username = JsonString(body, "username");
    auto password = JsonString(body, "password");
    if (!body || !username || !password) return JsonError(400, "username and password are required");
    store::User u;
    u.username = *username;
    std::vector<std::string> problems = ApplyUserFields(body, u, store_);
    if (u.username.empty() || u.username.size() > 64) problems.push_back("username must be 1 to 64 characters");
    if (password->size() < 10) problems.push_back("the password needs at least 10 characters");
    if (!problems.empty()) return JsonError(400, "the user is not valid", problems);
    u.password_hash = HashPassword(*password);
    u.must_change_password = JsonBool(body, "must_change_password").value_or(true);
    auto r = store_.CreateUser(u, ctx.Actor());
    if (r.status != store::EditStatus::kSaved) return EditError(r.status, "the user");
    JsonWriter w(false);
    WriteUser(w, r.current);
    return JsonResponse(201, w.str());
  });
  router_.Add("PUT", "/api/users/{id}", kAdminRole, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto u = id ? store_.GetUser(*id) : std::nullopt;
    if (!u) return JsonError(404, "not found");
    auto body = ParseJsonObject(ctx.req.body);
    auto version = JsonInt(body, "version");
    if (!version) return JsonError(400, "the user's version is required");
    u->version = *version;
    auto problems = ApplyUserFields(body, *u, store_);
    if (u->id == ctx.user->id && (!u->active || u->role != store::Role::kAdmin))
      problems.push_back("you cannot demote or deactivate yourself");
    if (!problems.empty()) return JsonError(400, "the user is not valid", problems);
    auto r = store_.UpdateUser(*u, ctx.Actor());
    if (r.status != store::EditStatus::kSaved) return EditError(r.status, "the user");
    if (!r.current.active) store_.DeleteUserSessions(r.current.id);
    JsonWriter w(false);
    WriteUser(w, r.current);
    return JsonResponse(200, w.str());
  });
  router_.Add("POST", "/api/users/{id}/password", kAdminRole, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto u = id ? store_.GetUser(*id) : std::nullopt;
    if (!u) return JsonError(404, "not found");
    auto body = ParseJsonObject(ctx.req.body);
    std::string password = JsonString(body, "password").value_or("");
    bool generated = password.empty();
    if (generated) password = RandomToken(12);
    if (password.size() < 10) return JsonError(400, "the password needs at least 10 characters");
    store_.SetPasswordHash(u->id, HashPassword(password), true, ctx.Actor());
    store_.DeleteUserSessions(u->id);
    JsonWriter w(false);
    w.BeginObject().Field("ok", true);
    if (generated) w.Field("password", password);  // shown once to the admin
    w.EndObject();
    return JsonResponse(200, w.str());
  });

  router_.Add("POST", "/api/assignments", kAdminRole, [this](RequestContext& ctx) {
    auto body = ParseJsonObject(ctx.req.body);
    auto consultant = JsonInt(body, "consultant");
    auto factory = JsonInt(body, "factory");
    bool assigned = JsonBool(body, "assigned").value_or(true);
    if (!consultant || !factory) return JsonError(400, "consultant and factory are required");
    auto u = store_.GetUser(*consultant);
    if (!u || u->role != store::Role::kConsultant) return JsonError(400, "no such consultant");
    if (!store_.GetFactory(*factory)) return JsonError(400, "no such factory");
    if (assigned) store_.Assign(*consultant, *factory, ctx.Actor());
    else store_.Unassign(*consultant, *factory, ctx.Actor());
    return JsonResponse(200, "{\"ok\":true}");
  });
  router_.Add("GET", "/api/factories/{id}/consultants", kAdminRole, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    if (!id || !store_.GetFactory(*id)) return JsonError(404, "not found");
    JsonWriter w(false);
    w.BeginObject().Key("consultants").BeginArray();
    for (int64_t c : store_.AssignedConsultants(*id)) w.Int(c);
    w.EndArray().EndObject();
    return JsonResponse(200, w.str());
  });

  router_.Add("GET", "/api/rubrics", kSignedIn, [this](RequestContext&) {
    JsonWriter w(false);
    w.BeginObject().Key("rubrics").BeginArray();
    for (const auto& r : store_.ListRubrics()) WriteRubric(w, r);
    w.EndArray().EndObject();
    return JsonResponse(200, w.str());
  });
  router_.Add("POST", "/api/rubrics", kAdminRole, [this](RequestContext& ctx) {
    // Body: {"file": "name.yaml", "text": "...", "companions": {"scenarios.yaml": "..."}}
    auto body = ParseJsonObject(ctx.req.body);
    auto text = JsonString(body, "text");
    std::string name = JsonString(body, "file").value_or("rubric.yaml");
    if (!text) return JsonError(400, "text (the rubric's YAML) is required");
    std::map<std::string, std::string> companions;
    if (body->has("companions")) {
      auto c = body->getObject("companions");
      if (!c) return JsonError(400, "companions must be an object of file name to text");
      for (const auto& [k, v] : *c) companions[k] = v.convert<std::string>();
    }
    RubricCheck check = CheckRubricTexts(name, *text, companions);
    if (!check.loaded) return JsonError(400, "the rubric has errors", check.messages);
    store::RubricRecord rec = RecordFor(*check.loaded->rubric, name, *text, companions);
    rec.uploaded_by = ctx.user->id;
    store::RubricRecord stored = store_.PutRubric(rec, ctx.Actor());
    JsonWriter w(false);
    WriteRubric(w, stored);
    return JsonResponse(201, w.str());
  });

  router_.Add("GET", "/api/audit", kAdminRole | kCommissionRole, [this](RequestContext& ctx) {
    store::AuditFilter filter;
    filter.entity = ctx.req.Query("entity");
    filter.entity_id = ctx.req.Query("entity_id");
    if (auto b = ParseId(ctx.req.Query("before"))) filter.before_id = *b;
    if (auto l = ParseId(ctx.req.Query("limit"))) filter.limit = static_cast<int>(std::min<int64_t>(*l, 1000));
    JsonWriter w(false);
    w.BeginObject().Key("entries").BeginArray();
    for (const auto& e : store_.ListAudit(filter)) WriteAudit(w, e);
    w.EndArray().EndObject();
    return JsonResponse(200, w.str());
  });
}

}  // namespace fa::web
