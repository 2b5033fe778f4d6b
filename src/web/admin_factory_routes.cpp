// The admin's factories: the list with the create form and the bulk import,
// one factory's edit page with its consultants. Forms keep what was typed
// when they are refused and show each problem next to its field
// (factory_form.h); the import stores every row or none (factory_import.h).
#include <algorithm>

#include "base/text.h"
#include "web/access_policy.h"
#include "web/factory_form.h"
#include "web/factory_import.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

/// What the list page shows besides the factories.
struct ListState {
  FactoryInput typed;                  ///< the create form's values
  std::vector<FieldProblem> problems;  ///< next to the create form's fields
  std::string error, notice;
  std::string import_csv;              ///< kept when an import is refused
  std::vector<ImportProblem> import_problems;
  int status = 200;
};

/// The form's values as typed: every text and profile field.
FactoryInput TypedForm(const WebApp& app, const RequestContext& ctx) {
  FactoryInput in;
  for (const auto& k : kFactoryTextFields) in[k] = ctx.req.FormValue(k);
  for (const auto& f : app.district().profile_fields) in[f.id] = ctx.req.FormValue(f.id);
  return in;
}

std::string ConsultantNames(WebApp& app, const store::Factory& f, const std::map<int64_t, std::string>& names,
                            const RequestContext& ctx) {
  std::vector<std::string> out;
  for (int64_t id : app.store().AssignedConsultants(f.id)) {
    auto it = names.find(id);
    if (it != names.end()) out.push_back(it->second);
  }
  return Join(out, ctx.Label("list_separator"));
}

WebResponse ListPage(WebApp& app, RequestContext& ctx, const ListState& s) {
  ctx.page_path = "/admin/factories";  // also shown for a create or an import posted elsewhere
  std::map<int64_t, std::string> consultants;
  for (const auto& u : app.store().ListUsers())
    if (u.role == store::Role::kConsultant) consultants[u.id] = u.display_name.empty() ? u.username : u.display_name;
  std::vector<EscapedView> rows;
  for (const auto& f : app.store().ListFactories()) {
    EscapedView r;
    FactoryDisplayView(r, app.district(), f, ctx.lang);
    r.Int("id", f.id);
    r.Text("name", f.name);
    r.Text("credit_code", f.credit_code);
    r.Text("consultants", ConsultantNames(app, f, consultants, ctx));
    rows.push_back(r);
  }
  EscapedView v;
  v.List("factories", rows);
  FactoryFormView(v, app.district(), s.typed, s.problems, ctx.lang);
  v.Text("error", s.error);
  v.Text("notice", s.notice);
  v.Text("import_csv", s.import_csv);
  std::vector<EscapedView> problems;
  for (const auto& p : s.import_problems) {
    EscapedView pv;
    pv.Text("line", p.line ? std::to_string(p.line) : "");
    pv.Text("column", p.header.empty() ? (p.column ? std::to_string(p.column) : "") : p.header);
    pv.Text("message", p.message);
    problems.push_back(pv);
  }
  v.List("import_problems", problems);
  std::vector<std::string> headers;
  for (const auto& k : {"credit_code", "name", "town", "industry", "manufacturing_type"}) headers.push_back(ctx.Label(k));
  for (const auto& f : app.district().profile_fields) headers.push_back(f.name.In(ctx.lang));
  v.Text("import_headers", Join(headers, ","));
  return app.pages().Page("admin_factories", ctx.Label("title_factories"), v, ctx, s.status);
}

struct EditState {
  std::optional<FactoryInput> typed;  ///< when the form was refused
  std::vector<FieldProblem> problems;
  std::string error, notice;
  int status = 200;
};

WebResponse EditPage(WebApp& app, RequestContext& ctx, const store::Factory& f, const EditState& s) {
  ctx.page_path = "/admin/factories/" + std::to_string(f.id);  // also after POST /admin/assignments
  EscapedView v;
  v.Int("id", f.id);
  v.Int("version", f.version);
  v.Text("title", f.name);
  FactoryFormView(v, app.district(), s.typed ? *s.typed : FactoryAsInput(f, app.district()), s.problems, ctx.lang);
  const std::vector<int64_t> assigned = app.store().AssignedConsultants(f.id);
  const auto cat = app.providers();
  std::vector<EscapedView> cs;
  for (const auto& u : app.store().ListUsers()) {
    if (u.role != store::Role::kConsultant) continue;
    EscapedView cv;
    cv.Int("id", u.id);
    cv.Text("name", u.display_name.empty() ? u.username : u.display_name);
    const Provider* p = cat ? cat->Find(u.provider) : nullptr;
    cv.Text("provider", p ? p->name.In(ctx.lang) : u.provider);
    cv.Flag("assigned", std::find(assigned.begin(), assigned.end(), u.id) != assigned.end());
    cs.push_back(cv);
  }
  v.List("consultants", cs);
  const std::vector<EscapedView> providers = ProviderOptions(cat.get(), f.provider, ctx.lang);
  v.List("providers", providers);
  v.Flag("has_providers", !providers.empty());
  v.Text("error", s.error);
  v.Text("notice", s.notice);
  return app.pages().Page("admin_factory", f.name, v, ctx, s.status);
}

WebResponse FactoriesPage(WebApp& app, RequestContext& ctx) { return ListPage(app, ctx, {}); }

WebResponse CreateFactoryPage(WebApp& app, RequestContext& ctx) {
  ListState s;
  s.typed = TypedForm(app, ctx);
  store::Factory f;
  s.problems = ApplyFactoryInput(app.district(), s.typed, ctx.lang, f);
  if (!s.problems.empty()) {
    s.error = ctx.Label("form_has_problems");
    s.status = 400;
    return ListPage(app, ctx, s);
  }
  auto r = app.store().CreateFactory(f, ctx.Actor());
  if (r.status != store::EditStatus::kSaved) {
    s.problems.push_back({"credit_code", ctx.Label("credit_code_taken")});
    s.error = ctx.Label("form_has_problems");
    s.status = 409;
    return ListPage(app, ctx, s);
  }
  EditState e;
  e.notice = ctx.Label("factory_created", {r.current.name});
  e.status = 200;
  return EditPage(app, ctx, r.current, e);
}

WebResponse EditFactoryPage(WebApp& app, RequestContext& ctx) {
  auto id = ParseId(ctx.Param("id"));
  auto f = id ? app.store().GetFactory(*id) : std::nullopt;
  return f ? EditPage(app, ctx, *f, {}) : app.pages().NotFound(ctx);
}

WebResponse UpdateFactoryPage(WebApp& app, RequestContext& ctx) {
  auto id = ParseId(ctx.Param("id"));
  auto stored = id ? app.store().GetFactory(*id) : std::nullopt;
  if (!stored) return app.pages().NotFound(ctx);
  EditState s;
  s.typed = TypedForm(app, ctx);
  store::Factory f = *stored;
  auto version = ParseId(ctx.req.FormValue("version"));
  f.version = version.value_or(0);
  s.problems = ApplyFactoryInput(app.district(), *s.typed, ctx.lang, f);
  if (!s.problems.empty() || !version) {
    s.error = ctx.Label(version ? "form_has_problems" : "invalid_form");
    s.status = 400;
    return EditPage(app, ctx, *stored, s);
  }
  auto r = app.store().UpdateFactory(f, ctx.Actor());
  switch (r.status) {
    case store::EditStatus::kSaved:
      return EditPage(app, ctx, r.current, {std::nullopt, {}, "", ctx.Label("saved"), 200});
    case store::EditStatus::kConflict:  // shows what is stored now; what was typed is kept in the form
      s.error = ctx.Label("factory_changed_meanwhile", {r.current.name});
      s.status = 409;
      return EditPage(app, ctx, r.current, s);
    case store::EditStatus::kDuplicate:
      s.problems.push_back({"credit_code", ctx.Label("credit_code_taken")});
      s.error = ctx.Label("form_has_problems");
      s.status = 409;
      return EditPage(app, ctx, *stored, s);
    default: return app.pages().NotFound(ctx);
  }
}

// The factory's diagnosing provider and its consultants, in one form: a
// consultant of another provider is refused (nothing changes), since the
// factory would be out of their sight (access_policy.h ProviderAllows).
WebResponse AssignConsultantsPage(WebApp& app, RequestContext& ctx) {
  auto factory = ParseId(ctx.req.FormValue("factory"));
  auto f = factory ? app.store().GetFactory(*factory) : std::nullopt;
  if (!f) return app.pages().Message(400, ctx.Label("not_found"), ctx.Label("no_such_factory"), ctx);
  std::vector<int64_t> wanted;
  for (const auto& s : ctx.req.FormAll("consultant"))
    if (auto c = ParseId(s)) wanted.push_back(*c);
  const std::vector<store::User> users = app.store().ListUsers();
  if (!ctx.req.FormAll("provider").empty()) {  // the form offers it when there is a catalogue
    store::Factory changed = *f;
    changed.provider = ctx.req.FormValue("provider");
    const auto cat = app.providers();
    if (!changed.provider.empty() && (!cat || !cat->Find(changed.provider)))
      return EditPage(app, ctx, *f, {std::nullopt, {}, ctx.Label("no_provider"), "", 400});
    std::vector<std::string> refused;
    for (const auto& u : users)
      if (u.role == store::Role::kConsultant && !ProviderAllows(u, changed) &&
          std::find(wanted.begin(), wanted.end(), u.id) != wanted.end())
        refused.push_back(u.display_name.empty() ? u.username : u.display_name);
    if (!refused.empty())
      return EditPage(app, ctx, *f,
                      {std::nullopt, {}, ctx.Label("consultant_of_other_provider", {Join(refused, ctx.Label("list_separator"))}),
                       "", 409});
    if (changed.provider != f->provider) {
      changed.version = ParseId(ctx.req.FormValue("version")).value_or(0);
      auto r = app.store().UpdateFactory(changed, ctx.Actor());
      if (r.status != store::EditStatus::kSaved)
        return EditPage(app, ctx, r.status == store::EditStatus::kConflict ? r.current : *f,
                        {std::nullopt, {}, ctx.Label("factory_changed_meanwhile", {f->name}), "", 409});
      f = r.current;
    }
  }
  std::vector<int64_t> current = app.store().AssignedConsultants(f->id);
  for (const auto& u : users) {
    if (u.role != store::Role::kConsultant) continue;
    bool want = std::find(wanted.begin(), wanted.end(), u.id) != wanted.end();
    bool has = std::find(current.begin(), current.end(), u.id) != current.end();
    if (want && !has) app.store().Assign(u.id, f->id, ctx.Actor());
    if (!want && has) app.store().Unassign(u.id, f->id, ctx.Actor());
  }
  return EditPage(app, ctx, *f, {std::nullopt, {}, "", ctx.Label("assignments_updated"), 200});
}

WebResponse ImportFactoriesPage(WebApp& app, RequestContext& ctx) {
  ListState s;
  s.import_csv = ctx.req.FormValue("csv");
  const auto catalogue = app.providers();
  ImportPlan plan =
      PlanFactoryImport(app.district(), s.import_csv, app.store().ListFactories(), ctx.lang, catalogue.get());
  if (plan.problems.empty() && plan.factories.empty())
    plan.problems.push_back({0, 0, "", ctx.Label("import_empty")});
  if (plan.problems.empty()) {
    store::FactoryImport r = app.store().ImportFactories(plan.factories, ctx.Actor());
    if (r.status != store::EditStatus::kSaved)
      plan.problems.push_back({plan.lines[r.failed], 0, "",
                               r.status == store::EditStatus::kDuplicate ? ctx.Label("credit_code_taken")
                                                                         : ctx.Label("import_changed_meanwhile")});
  }
  if (!plan.problems.empty()) {
    s.error = ctx.Label("import_refused", {std::to_string(plan.problems.size())});
    s.import_problems = std::move(plan.problems);
    s.status = 400;
    return ListPage(app, ctx, s);
  }
  s.import_csv.clear();
  s.notice = ctx.Label("import_done", {std::to_string(plan.created), std::to_string(plan.updated)});
  if (!plan.ignored_columns.empty())
    s.notice += " " + ctx.Label("import_ignored_columns", {Join(plan.ignored_columns, ctx.Label("list_separator"))});
  return ListPage(app, ctx, s);
}

}  // namespace

RouteTable AdminFactoryRoutes() {
  return {
      {"GET", "/admin/factories", kAdminRole, FactoriesPage},
      {"POST", "/admin/factories", kAdminRole, CreateFactoryPage},
      {"GET", "/admin/factories/{id}", kAdminRole, EditFactoryPage},
      {"POST", "/admin/factories/{id}", kAdminRole, UpdateFactoryPage},
      {"POST", "/admin/factory-import", kAdminRole, ImportFactoriesPage},
      {"POST", "/admin/assignments", kAdminRole, AssignConsultantsPage},
  };
}

}  // namespace fa::web
