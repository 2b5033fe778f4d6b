// Factories: the dashboard (the factories in the user's scope with their
// assessments), a factory's page, the admin's factory list with create,
// edit and consultant assignment, and the API twins. One set of field
// rules (FactoryProblems) serves the JSON body and the form.
#include <algorithm>
#include <set>

#include "base/text.h"
#include "base/time_format.h"
#include "web/access_policy.h"
#include "web/api_json.h"
#include "web/factory_page.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

struct FieldProblem {
  std::string english;  ///< for the API's details
  std::string local;    ///< for the page, in its language
};

std::vector<FieldProblem> FactoryProblems(const store::Factory& f, const RequestContext& ctx) {
  std::vector<FieldProblem> out;
  if (f.name.empty()) out.push_back({"name is required", ctx.Label("factory_name_missing")});
  if (f.name.size() > 200 || f.town.size() > 200 || f.industry.size() > 200)
    out.push_back({"names hold at most 200 bytes", ctx.Label("factory_names_too_long")});
  const std::string& type = f.manufacturing_type;
  if (!type.empty() && type != "discrete" && type != "process" && type != "mixed")
    out.push_back({"manufacturing_type must be discrete, process or mixed", ctx.Label("factory_type_invalid")});
  return out;
}

/// Applies the fields present in `body` to `f`; returns the problems.
std::vector<std::string> ApplyFactoryJson(const Poco::JSON::Object::Ptr& body, store::Factory& f,
                                          const RequestContext& ctx) {
  std::vector<std::string> problems;
  for (auto [key, field] : {std::pair{"credit_code", &f.credit_code}, {"name", &f.name}, {"town", &f.town},
                            {"industry", &f.industry}, {"manufacturing_type", &f.manufacturing_type}})
    if (auto v = JsonString(body, key)) *field = *v;
  for (auto [key, field] : {std::pair{"employees", &f.employees}, {"revenue", &f.revenue}}) {
    if (!body || !body->has(key)) continue;
    auto v = JsonNumber(body, key);
    if (v && *v >= 0) *field = *v;
    else if (body->isNull(key)) field->reset();
    else problems.push_back(std::string(key) + " must be a number >= 0");
  }
  for (const auto& p : FactoryProblems(f, ctx)) problems.push_back(p.english);
  return problems;
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

/// Reads the admin form into `f`; returns the first problem ("" when none).
std::string ReadFactoryForm(const RequestContext& ctx, store::Factory& f) {
  const WebRequest& req = ctx.req;
  f.name = req.FormValue("name");
  f.credit_code = req.FormValue("credit_code");
  f.town = req.FormValue("town");
  f.industry = req.FormValue("industry");
  f.manufacturing_type = req.FormValue("manufacturing_type");
  bool bad = false;
  f.employees = OptionalNumber(req.FormValue("employees"), bad);
  f.revenue = OptionalNumber(req.FormValue("revenue"), bad);
  std::vector<FieldProblem> problems = FactoryProblems(f, ctx);
  if (!problems.empty()) return problems.front().local;
  return bad ? ctx.Label("factory_numbers_invalid") : "";
}

void ProfileView(EscapedView& v, const store::Factory& f) {
  v.Int("id", f.id);
  for (auto [key, value] : {std::pair{"name", &f.name}, {"credit_code", &f.credit_code}, {"town", &f.town},
                            {"industry", &f.industry}, {"manufacturing_type", &f.manufacturing_type}})
    v.Text(key, *value);
  for (auto [key, value] : {std::pair{"employees", &f.employees}, {"revenue", &f.revenue}})
    v.Text(key, *value ? FormatNumber(**value) : "");
}

/// Any factory by the path's {id} (the admin's pages and API: no scope).
std::optional<store::Factory> FactoryInPath(WebApp& app, const RequestContext& ctx) {
  auto id = ParseId(ctx.Param("id"));
  return id ? app.store().GetFactory(*id) : std::nullopt;
}

/// How a row stands among the factory's versions: a reopened version, one
/// reopened since (superseded), one the user may reopen.
struct RowVersions {
  bool superseded = false;
  bool can_reopen = false;
};

EscapedView AssessmentRowView(const store::AssessmentRecord& a, const std::optional<Progress>& p,
                              const std::string& rubric_title, RowVersions versions, const RequestContext& ctx) {
  const bool submitted = a.status == store::AssessmentStatus::kSubmitted;
  EscapedView v;
  v.Flag("revised", a.reopened_from.has_value());
  v.Flag("superseded", versions.superseded);
  v.Flag("can_reopen", submitted && versions.can_reopen && !versions.superseded);
  v.Int("id", a.id);
  v.Text("round", a.round);
  v.Text("rubric", rubric_title);
  v.Flag("submitted", submitted);
  v.Text("status", submitted ? ctx.Label("status_submitted") : ctx.Label("status_draft"));
  v.Text("updated", submitted ? a.submitted_at : a.updated_at);
  if (p) {
    v.Flag("has_progress", true);
    v.Int("answered", p->answered);
    v.Int("applicable", p->applicable);
    v.Int("percent", p->Percent());
  }
  return v;
}

/// A factory's profile and assessments (with a draft's progress when asked).
EscapedView FactoryView(WebApp& app, const store::Factory& f, const RequestContext& ctx, bool with_progress) {
  EscapedView v;
  ProfileView(v, f);
  std::map<int64_t, std::string> titles;
  for (const auto& r : app.store().ListRubrics()) titles[r.id] = r.title + " " + r.version;
  const std::vector<store::AssessmentRecord> list = app.store().ListAssessments(f.id);
  std::set<int64_t> reopened;
  for (const auto& a : list)
    if (a.reopened_from) reopened.insert(*a.reopened_from);
  const bool can_reopen = CanReopenFactory(app.store(), ctx, f.id);
  std::vector<EscapedView> rows;
  for (const auto& a : list) {
    std::optional<Progress> p;
    if (with_progress && a.status == store::AssessmentStatus::kDraft)
      if (auto rubric = app.rubrics().Get(a.rubric_pk))
        p = ComputeProgress(*rubric->rubric, f, app.store().ListAnswers(a.id));
    rows.push_back(AssessmentRowView(a, p, titles[a.rubric_pk], {reopened.count(a.id) > 0, can_reopen}, ctx));
  }
  v.List("assessments", rows);
  v.Int("assessment_count", static_cast<long long>(rows.size()));
  return v;
}

/// The admin's factory list with each factory's consultants.
WebResponse FactoriesAdminPage(WebApp& app, RequestContext& ctx, const std::string& error, const std::string& notice,
                               int status) {
  std::vector<store::User> consultants;
  for (const auto& u : app.store().ListUsers())
    if (u.role == store::Role::kConsultant) consultants.push_back(u);
  std::vector<EscapedView> rows;
  for (const auto& f : app.store().ListFactories()) {
    EscapedView fv;
    ProfileView(fv, f);
    fv.Int("version", f.version);
    std::vector<int64_t> assigned = app.store().AssignedConsultants(f.id);
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
  return app.pages().Page("admin_factories", ctx.Label("title_factories"), v, ctx, status);
}

// ---- API ----

WebResponse ListFactoriesApi(WebApp& app, RequestContext& ctx) {
  return ListJson("factories", WriteFactory, VisibleFactories(app.store(), ctx));
}

WebResponse GetFactoryApi(WebApp& app, RequestContext& ctx) {
  auto f = ReadableFactoryInPath(app.store(), ctx);
  return f ? RecordJson(200, WriteFactory, *f) : JsonError(404, "not_found", "not found");
}

WebResponse CreateFactoryApi(WebApp& app, RequestContext& ctx) {
  auto body = ParseJsonObject(ctx.req.body);
  if (!body) return JsonError(400, "invalid", "a JSON object is required");
  store::Factory f;
  auto problems = ApplyFactoryJson(body, f, ctx);
  if (!problems.empty()) return JsonError(400, "invalid", "the factory is not valid", problems);
  auto r = app.store().CreateFactory(f, ctx.Actor());
  if (r.status != store::EditStatus::kSaved) return EditErrorJson(r.status, "the factory");
  return RecordJson(201, WriteFactory, r.current);
}

WebResponse UpdateFactoryApi(WebApp& app, RequestContext& ctx) {
  return UpdateFromJson(
      ctx, FactoryInPath(app, ctx), "the factory",
      [&ctx](const Poco::JSON::Object::Ptr& body, store::Factory& f) { return ApplyFactoryJson(body, f, ctx); },
      [&](const store::Factory& f) { return app.store().UpdateFactory(f, ctx.Actor()); }, WriteFactory);
}

WebResponse FactoryConsultantsApi(WebApp& app, RequestContext& ctx) {
  auto id = ParseId(ctx.Param("id"));
  if (!id || !app.store().GetFactory(*id)) return JsonError(404, "not_found", "not found");
  return ListJson("consultants", [](JsonWriter& w, int64_t c) { w.Int(c); }, app.store().AssignedConsultants(*id));
}

WebResponse AssignConsultantApi(WebApp& app, RequestContext& ctx) {
  auto body = ParseJsonObject(ctx.req.body);
  auto consultant = JsonInt(body, "consultant");
  auto factory = JsonInt(body, "factory");
  if (!consultant || !factory) return JsonError(400, "fields_required", "consultant and factory are required");
  auto u = app.store().GetUser(*consultant);
  if (!u || u->role != store::Role::kConsultant) return JsonError(400, "no_such_consultant", "no such consultant");
  if (!app.store().GetFactory(*factory)) return JsonError(400, "no_such_factory", "no such factory");
  if (JsonBool(body, "assigned").value_or(true))
    app.store().Assign(*consultant, *factory, ctx.Actor());
  else
    app.store().Unassign(*consultant, *factory, ctx.Actor());
  return JsonResponse(200, "{\"ok\":true}");
}

// ---- pages ----

WebResponse DashboardPage(WebApp& app, RequestContext& ctx) {
  std::vector<EscapedView> factories;
  const bool progress = ctx.Is(store::Role::kConsultant);
  for (const auto& f : VisibleFactories(app.store(), ctx)) factories.push_back(FactoryView(app, f, ctx, progress));
  EscapedView v;
  v.List("factories", factories);
  v.Int("factory_count", static_cast<long long>(factories.size()));
  return app.pages().Page("home", ctx.Label("dashboard"), v, ctx);
}

WebResponse FactoryPage(WebApp& app, RequestContext& ctx) {
  auto f = ReadableFactoryInPath(app.store(), ctx);
  if (!f) return app.pages().NotFound(ctx);
  return FactoryPageResponse(app, ctx, *f, StartForm{}, 200);
}

WebResponse FactoriesPage(WebApp& app, RequestContext& ctx) { return FactoriesAdminPage(app, ctx, "", "", 200); }

WebResponse CreateFactoryPage(WebApp& app, RequestContext& ctx) {
  store::Factory f;
  std::string problem = ReadFactoryForm(ctx, f);
  if (!problem.empty()) return FactoriesAdminPage(app, ctx, problem, "", 400);
  auto r = app.store().CreateFactory(f, ctx.Actor());
  if (r.status == store::EditStatus::kDuplicate)
    return FactoriesAdminPage(app, ctx, ctx.Label("credit_code_taken"), "", 409);
  return FactoriesAdminPage(app, ctx, "", ctx.Label("created"), 200);
}

WebResponse UpdateFactoryPage(WebApp& app, RequestContext& ctx) {
  auto f = FactoryInPath(app, ctx);
  if (!f) return app.pages().Message(404, ctx.Label("not_found"), ctx.Label("no_such_factory"), ctx);
  auto version = ParseId(ctx.req.FormValue("version"));
  if (!version) return FactoriesAdminPage(app, ctx, ctx.Label("invalid_form"), "", 400);
  f->version = *version;
  std::string problem = ReadFactoryForm(ctx, *f);
  if (!problem.empty()) return FactoriesAdminPage(app, ctx, problem, "", 400);
  auto r = app.store().UpdateFactory(*f, ctx.Actor());
  switch (r.status) {
    case store::EditStatus::kSaved: return FactoriesAdminPage(app, ctx, "", ctx.Label("saved"), 200);
    case store::EditStatus::kConflict:
      return FactoriesAdminPage(app, ctx, ctx.Label("factory_changed_meanwhile", {r.current.name}), "", 409);
    case store::EditStatus::kDuplicate: return FactoriesAdminPage(app, ctx, ctx.Label("credit_code_taken"), "", 409);
    default: return FactoriesAdminPage(app, ctx, ctx.Label("not_saved"), "", 400);
  }
}

WebResponse AssignConsultantsPage(WebApp& app, RequestContext& ctx) {
  auto factory = ParseId(ctx.req.FormValue("factory"));
  if (!factory || !app.store().GetFactory(*factory))
    return FactoriesAdminPage(app, ctx, ctx.Label("no_such_factory"), "", 400);
  std::vector<int64_t> wanted;
  for (const auto& s : ctx.req.FormAll("consultant"))
    if (auto c = ParseId(s)) wanted.push_back(*c);
  std::vector<int64_t> current = app.store().AssignedConsultants(*factory);
  for (const auto& u : app.store().ListUsers()) {
    if (u.role != store::Role::kConsultant) continue;
    bool want = std::find(wanted.begin(), wanted.end(), u.id) != wanted.end();
    bool has = std::find(current.begin(), current.end(), u.id) != current.end();
    if (want && !has) app.store().Assign(u.id, *factory, ctx.Actor());
    if (!want && has) app.store().Unassign(u.id, *factory, ctx.Actor());
  }
  return FactoriesAdminPage(app, ctx, "", ctx.Label("assignments_updated"), 200);
}

}  // namespace

WebResponse FactoryPageResponse(WebApp& app, const RequestContext& ctx, const store::Factory& f,
                                const StartForm& form, int status) {
  EscapedView v;
  EscapedView profile = FactoryView(app, f, ctx, true);
  const std::string& type = f.manufacturing_type;  // the known types by their names on the pages
  profile.Text("manufacturing_type", type == "discrete"  ? ctx.Label("discrete")
                                     : type == "process" ? ctx.Label("process")
                                     : type == "mixed"   ? ctx.Label("mixed")
                                                         : type);
  v.Child("factory", profile);
  const bool can_start = CanEditFactory(app.store(), ctx, f.id);
  v.Flag("can_start", can_start);
  if (can_start) {
    std::vector<EscapedView> rubrics;
    for (const auto& r : app.store().ListRubrics()) {
      if (!r.active) continue;
      EscapedView rv;
      rv.Int("id", r.id);
      rv.Text("title", r.title + " · " + r.rubric_id + " " + r.version);
      rv.Flag("selected", form.rubric && *form.rubric == r.id);
      rubrics.push_back(rv);
    }
    v.List("rubrics", rubrics);
    v.Text("round", form.round.empty() && form.round_error.empty() ? FormatUtc(app.config().Now()).substr(0, 4)
                                                                    : form.round);
    v.Text("rubric_error", form.rubric_error);
    v.Text("round_error", form.round_error);
  }
  return app.pages().Page("factory", f.name, v, ctx, status);
}

RouteTable FactoryRoutes() {
  return {
      {"GET", "/api/factories", kSignedIn, ListFactoriesApi},
      {"GET", "/api/factories/{id}", kSignedIn, GetFactoryApi},
      {"POST", "/api/factories", kAdminRole, CreateFactoryApi},
      {"PUT", "/api/factories/{id}", kAdminRole, UpdateFactoryApi},
      {"GET", "/api/factories/{id}/consultants", kAdminRole, FactoryConsultantsApi},
      {"POST", "/api/assignments", kAdminRole, AssignConsultantApi},
      {"GET", "/", kSignedIn, DashboardPage},
      {"GET", "/factories/{id}", kSignedIn, FactoryPage},
      {"GET", "/admin/factories", kAdminRole, FactoriesPage},
      {"POST", "/admin/factories", kAdminRole, CreateFactoryPage},
      {"POST", "/admin/factories/{id}", kAdminRole, UpdateFactoryPage},
      {"POST", "/admin/assignments", kAdminRole, AssignConsultantsPage},
  };
}

}  // namespace fa::web
