// The admin pages: users (create, edit role/factory/active, reset the
// password), factories (create, edit against their version) with their
// consultants, and rubrics (upload a YAML rubric: checked, its diagnostics
// shown with file:line:col and the source line; stored when clean).
#include "base/text.h"
#include "web/password.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

std::string FormValue(const RequestContext& ctx, const char* key) {
  const auto& form = ctx.req.Form();
  auto it = form.find(key);
  return it == form.end() ? std::string() : it->second;
}

std::optional<double> OptionalNumber(const std::string& text, bool& bad) {
  if (text.empty()) return std::nullopt;
  try {
    size_t used = 0;
    double v = std::stod(text, &used);
    if (used != text.size() || v < 0) bad = true;
    return v;
  } catch (const std::exception&) {
    bad = true;
    return std::nullopt;
  }
}

}  // namespace

void WebApp::AddPageAdminRoutes() {
  auto users_page = [this](RequestContext& ctx, const std::string& error, const std::string& notice, int status) {
    EscapedView v;
    std::map<int64_t, std::string> factory_names;
    std::vector<EscapedView> factories;
    for (const auto& f : store_.ListFactories()) {
      factory_names[f.id] = f.name;
      EscapedView fv;
      fv.Int("id", f.id);
      fv.Text("name", f.name);
      factories.push_back(fv);
    }
    std::vector<EscapedView> users;
    for (const auto& u : store_.ListUsers()) {
      EscapedView uv;
      uv.Int("id", u.id);
      uv.Text("username", u.username);
      uv.Text("display_name", u.display_name);
      uv.Text("role", store::RoleName(u.role));
      for (const char* r : {"admin", "consultant", "manufacturer", "commission"}) uv.Flag(std::string("is_") + r, u.role == store::ParseRole(r));
      uv.Text("factory", u.factory_id ? factory_names[*u.factory_id] : "");
      uv.Int("factory_id", u.factory_id.value_or(0));
      std::vector<EscapedView> options;
      for (const auto& f : store_.ListFactories()) {
        EscapedView o;
        o.Int("id", f.id);
        o.Text("name", f.name);
        o.Flag("selected", u.factory_id && *u.factory_id == f.id);
        options.push_back(o);
      }
      uv.List("factory_options", options);
      uv.Flag("active", u.active);
      uv.Flag("must_change", u.must_change_password);
      uv.Int("version", u.version);
      users.push_back(uv);
    }
    v.List("users", users);
    v.List("factories", factories);
    v.Text("error", error);
    v.Text("notice", notice);
    return pages_->Page("admin_users", ctx.T("用户管理", "Users"), v, ctx, status);
  };

  router_.Add("GET", "/admin/users", kAdminRole, [users_page](RequestContext& ctx) { return users_page(ctx, "", "", 200); });
  router_.Add("POST", "/admin/users", kAdminRole, [this, users_page](RequestContext& ctx) {
    store::User u;
    u.username = FormValue(ctx, "username");
    u.display_name = FormValue(ctx, "display_name");
    auto role = store::ParseRole(FormValue(ctx, "role"));
    std::string password = FormValue(ctx, "password");
    if (u.username.empty() || u.username.size() > 64 || !role)
      return users_page(ctx, ctx.T("请填写用户名并选择角色。", "Give a username and choose a role."), "", 400);
    u.role = *role;
    if (u.role == store::Role::kManufacturer) {
      auto f = ParseId(FormValue(ctx, "factory_id"));
      if (!f || !store_.GetFactory(*f)) return users_page(ctx, ctx.T("制造企业用户需要选择所属企业。", "A manufacturer needs its factory."), "", 400);
      u.factory_id = *f;
    }
    bool generated = password.empty();
    if (generated) password = RandomToken(12);
    if (password.size() < 10) return users_page(ctx, ctx.T("密码至少需要 10 个字符。", "The password needs at least 10 characters."), "", 400);
    u.password_hash = HashPassword(password);
    u.must_change_password = true;
    auto r = store_.CreateUser(u, ctx.Actor());
    if (r.status == store::EditStatus::kDuplicate) return users_page(ctx, ctx.T("用户名已被使用。", "The username is taken."), "", 409);
    if (r.status != store::EditStatus::kSaved) return users_page(ctx, ctx.T("未能保存。", "Not saved."), "", 400);
    return users_page(ctx, "", std::string(ctx.T("已创建用户 ", "Created user ")) + u.username +
                                   (generated ? std::string(ctx.T("，一次性密码：", "; one-time password: ")) + password : std::string()), 200);
  });
  router_.Add("POST", "/admin/users/{id}", kAdminRole, [this, users_page](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto u = id ? store_.GetUser(*id) : std::nullopt;
    if (!u) return pages_->Message(404, ctx.T("未找到", "Not found"), ctx.T("用户不存在。", "No such user."), ctx);
    auto version = ParseId(FormValue(ctx, "version"));
    auto role = store::ParseRole(FormValue(ctx, "role"));
    if (!version || !role) return users_page(ctx, ctx.T("表单无效。", "Invalid form."), "", 400);
    u->version = *version;
    u->display_name = FormValue(ctx, "display_name");
    u->role = *role;
    u->active = FormValue(ctx, "active") == "1";
    u->factory_id.reset();
    if (u->role == store::Role::kManufacturer) {
      auto f = ParseId(FormValue(ctx, "factory_id"));
      if (!f || !store_.GetFactory(*f)) return users_page(ctx, ctx.T("制造企业用户需要选择所属企业。", "A manufacturer needs its factory."), "", 400);
      u->factory_id = *f;
    }
    if (u->id == ctx.user->id && (!u->active || u->role != store::Role::kAdmin))
      return users_page(ctx, ctx.T("不能停用或降级自己的账户。", "You cannot demote or deactivate yourself."), "", 400);
    auto r = store_.UpdateUser(*u, ctx.Actor());
    if (r.status == store::EditStatus::kConflict)
      return users_page(ctx, ctx.T("该用户已被他人修改，请查看最新内容后重试。", "Someone else changed this user; review and try again."), "", 409);
    if (r.status != store::EditStatus::kSaved) return users_page(ctx, ctx.T("未能保存。", "Not saved."), "", 400);
    if (!r.current.active) store_.DeleteUserSessions(r.current.id);
    return users_page(ctx, "", ctx.T("已保存。", "Saved."), 200);
  });
  router_.Add("POST", "/admin/users/{id}/password", kAdminRole, [this, users_page](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto u = id ? store_.GetUser(*id) : std::nullopt;
    if (!u) return pages_->Message(404, ctx.T("未找到", "Not found"), ctx.T("用户不存在。", "No such user."), ctx);
    std::string password = RandomToken(12);
    store_.SetPasswordHash(u->id, HashPassword(password), true, ctx.Actor());
    store_.DeleteUserSessions(u->id);
    return users_page(ctx, "", std::string(ctx.T("已重置 ", "Password reset for ")) + u->username +
                                   ctx.T(" 的密码，一次性密码：", "; one-time password: ") + password, 200);
  });

  auto factories_page = [this](RequestContext& ctx, const std::string& error, const std::string& notice, int status) {
    std::vector<store::User> consultants;
    for (const auto& u : store_.ListUsers())
      if (u.role == store::Role::kConsultant) consultants.push_back(u);
    std::vector<EscapedView> rows;
    for (const auto& f : store_.ListFactories()) {
      EscapedView fv;
      fv.Int("id", f.id);
      fv.Int("version", f.version);
      fv.Text("name", f.name);
      fv.Text("credit_code", f.credit_code);
      fv.Text("town", f.town);
      fv.Text("industry", f.industry);
      fv.Text("manufacturing_type", f.manufacturing_type);
      fv.Text("employees", f.employees ? FormatNumber(*f.employees) : "");
      fv.Text("revenue", f.revenue ? FormatNumber(*f.revenue) : "");
      std::vector<int64_t> assigned = store_.AssignedConsultants(f.id);
      std::vector<EscapedView> cs;
      for (const auto& c : consultants) {
        EscapedView cv;
        cv.Int("id", c.id);
        cv.Text("name", c.display_name.empty() ? c.username : c.display_name);
        cv.Flag("assigned", std::find(assigned.begin(), assigned.end(), c.id) != assigned.end());
        cs.push_back(cv);
      }
      fv.List("consultants", cs);
      rows.push_back(fv);
    }
    EscapedView v;
    v.List("factories", rows);
    v.Text("error", error);
    v.Text("notice", notice);
    return pages_->Page("admin_factories", ctx.T("企业管理", "Factories"), v, ctx, status);
  };
  auto read_factory_form = [](const RequestContext& ctx, store::Factory& f) {
    std::string problem;
    f.name = FormValue(ctx, "name");
    f.credit_code = FormValue(ctx, "credit_code");
    f.town = FormValue(ctx, "town");
    f.industry = FormValue(ctx, "industry");
    f.manufacturing_type = FormValue(ctx, "manufacturing_type");
    bool bad = false;
    f.employees = OptionalNumber(FormValue(ctx, "employees"), bad);
    f.revenue = OptionalNumber(FormValue(ctx, "revenue"), bad);
    if (f.name.empty() || f.name.size() > 200) problem = ctx.T("请填写企业名称。", "Give the factory's name.");
    else if (bad) problem = ctx.T("员工数和营业收入须为非负数。", "Employees and revenue must be numbers >= 0.");
    else if (!f.manufacturing_type.empty() && f.manufacturing_type != "discrete" && f.manufacturing_type != "process" && f.manufacturing_type != "mixed")
      problem = ctx.T("制造类型无效。", "Invalid manufacturing type.");
    return problem;
  };
  router_.Add("GET", "/admin/factories", kAdminRole, [factories_page](RequestContext& ctx) { return factories_page(ctx, "", "", 200); });
  router_.Add("POST", "/admin/factories", kAdminRole, [this, factories_page, read_factory_form](RequestContext& ctx) {
    store::Factory f;
    std::string problem = read_factory_form(ctx, f);
    if (!problem.empty()) return factories_page(ctx, problem, "", 400);
    auto r = store_.CreateFactory(f, ctx.Actor());
    if (r.status == store::EditStatus::kDuplicate) return factories_page(ctx, ctx.T("统一社会信用代码已存在。", "The credit code is taken."), "", 409);
    return factories_page(ctx, "", ctx.T("已创建。", "Created."), 200);
  });
  router_.Add("POST", "/admin/factories/{id}", kAdminRole, [this, factories_page, read_factory_form](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto f = id ? store_.GetFactory(*id) : std::nullopt;
    if (!f) return pages_->Message(404, ctx.T("未找到", "Not found"), ctx.T("企业不存在。", "No such factory."), ctx);
    auto version = ParseId(FormValue(ctx, "version"));
    if (!version) return factories_page(ctx, ctx.T("表单无效。", "Invalid form."), "", 400);
    f->version = *version;
    std::string problem = read_factory_form(ctx, *f);
    if (!problem.empty()) return factories_page(ctx, problem, "", 400);
    auto r = store_.UpdateFactory(*f, ctx.Actor());
    if (r.status == store::EditStatus::kConflict)
      return factories_page(ctx, std::string(ctx.T("该企业已被他人修改（当前名称：", "Someone else changed this factory (now named ")) + r.current.name +
                                     ctx.T("），请查看后重试。", "); review and try again."), "", 409);
    if (r.status == store::EditStatus::kDuplicate) return factories_page(ctx, ctx.T("统一社会信用代码已存在。", "The credit code is taken."), "", 409);
    if (r.status != store::EditStatus::kSaved) return factories_page(ctx, ctx.T("未能保存。", "Not saved."), "", 400);
    return factories_page(ctx, "", ctx.T("已保存。", "Saved."), 200);
  });
  router_.Add("POST", "/admin/assignments", kAdminRole, [this, factories_page](RequestContext& ctx) {
    auto factory = ParseId(FormValue(ctx, "factory"));
    if (!factory || !store_.GetFactory(*factory)) return factories_page(ctx, ctx.T("企业不存在。", "No such factory."), "", 400);
    std::vector<int64_t> wanted;
    for (const auto& s : ctx.req.FormAll("consultant"))
      if (auto c = ParseId(s)) wanted.push_back(*c);
    std::vector<int64_t> current = store_.AssignedConsultants(*factory);
    for (const auto& u : store_.ListUsers()) {
      if (u.role != store::Role::kConsultant) continue;
      bool want = std::find(wanted.begin(), wanted.end(), u.id) != wanted.end();
      bool has = std::find(current.begin(), current.end(), u.id) != current.end();
      if (want && !has) store_.Assign(u.id, *factory, ctx.Actor());
      if (!want && has) store_.Unassign(u.id, *factory, ctx.Actor());
    }
    return factories_page(ctx, "", ctx.T("已更新分配。", "Assignments updated."), 200);
  });

  auto rubrics_page = [this](RequestContext& ctx, const std::string& diagnostics, const std::string& notice,
                             const std::string& text, int status) {
    std::vector<EscapedView> rows;
    for (const auto& r : store_.ListRubrics()) {
      EscapedView rv;
      rv.Int("id", r.id);
      rv.Text("rubric", r.rubric_id);
      rv.Text("version", r.version);
      rv.Text("title", r.title);
      rv.Text("sha", r.sha256.substr(0, 12));
      rv.Text("uploaded_at", r.uploaded_at);
      rv.Flag("active", r.active);
      rows.push_back(rv);
    }
    EscapedView v;
    v.List("rubrics", rows);
    v.Text("diagnostics", diagnostics);
    v.Text("notice", notice);
    v.Text("text", text);
    return pages_->Page("admin_rubrics", ctx.T("评估模型", "Rubrics"), v, ctx, status);
  };
  router_.Add("GET", "/admin/rubrics", kAdminRole, [rubrics_page](RequestContext& ctx) { return rubrics_page(ctx, "", "", "", 200); });
  router_.Add("POST", "/admin/rubrics", kAdminRole, [this, rubrics_page](RequestContext& ctx) {
    std::string text = FormValue(ctx, "text");
    std::string name = FormValue(ctx, "file");
    if (name.empty() || name.find('/') != std::string::npos || name.find('\\') != std::string::npos) name = "rubric.yaml";
    // Companions may only be the shipped ones (scenarios, tiers) by name.
    std::map<std::string, std::string> companions;
    for (const char* c : {"scenarios.yaml", "smart-factory-tiers.yaml"}) {
      try {
        companions[c] = ReadFile(config_.rubrics_dir + "/" + c);
      } catch (const std::exception&) {
      }
    }
    RubricCheck check = CheckRubricTexts(name, text, companions);
    if (!check.loaded) return rubrics_page(ctx, check.diagnostics, "", text, 400);
    std::map<std::string, std::string> used;
    for (const std::string& n : {check.loaded->rubric->scenarios_path, check.loaded->rubric->tiers_path})
      if (!n.empty()) used[n] = companions[n];
    store::RubricRecord rec = RecordFor(*check.loaded->rubric, name, text, used);
    rec.uploaded_by = ctx.user->id;
    store::RubricRecord stored = store_.PutRubric(rec, ctx.Actor());
    return rubrics_page(ctx, check.diagnostics,
                        std::string(ctx.T("已保存评估模型 ", "Stored rubric ")) + stored.rubric_id + " " + stored.version, "", 200);
  });
  router_.Add("POST", "/admin/rubrics/{id}/active", kAdminRole, [this, rubrics_page](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    if (!id || !store_.GetRubric(*id)) return pages_->Message(404, ctx.T("未找到", "Not found"), ctx.T("评估模型不存在。", "No such rubric."), ctx);
    store_.SetRubricActive(*id, FormValue(ctx, "active") == "1", ctx.Actor());
    return rubrics_page(ctx, "", ctx.T("已保存。", "Saved."), "", 200);
  });
}

}  // namespace fa::web
