// Factories: the dashboard (the factories in the user's scope with their
// assessments), a factory's page, and the factory API. The admin's pages
// are admin_factory_routes.cpp; one set of field rules (factory_form.h)
// serves the JSON body, the form and the bulk import.
#include <algorithm>
#include <set>

#include "base/text.h"
#include "base/local_time.h"
#include "base/time_format.h"
#include "web/access_policy.h"
#include "web/api_json.h"
#include "web/factory_page.h"
#include "web/route_table.h"
#include "web/factory_form.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

/// A JSON body's factory fields as typed input: strings as they are,
/// numbers in shortest form, null as empty (clears the field). "profile"
/// may hold the profile fields too ({"rd_share": 3.5}).
FactoryInput JsonFactoryInput(const Poco::JSON::Object::Ptr& body, const District& district,
                              std::vector<FieldProblem>& problems) {
  FactoryInput in;
  if (!body) return in;
  auto take = [&](const Poco::JSON::Object::Ptr& from, const std::string& key) {
    if (!from->has(key)) return;
    if (from->isNull(key)) in[key] = "";
    else if (auto s = JsonString(from, key)) in[key] = *s;
    else if (auto n = JsonNumber(from, key)) in[key] = FormatNumber(*n);
    else problems.push_back({key, key + " must be a string or a number"});
  };
  for (const auto& k : kFactoryTextFields) take(body, k);
  Poco::JSON::Object::Ptr profile = body->has("profile") ? body->getObject("profile") : nullptr;
  for (const auto& field : district.profile_fields) {
    take(body, field.id);
    if (profile) take(profile, field.id);
  }
  return in;
}

/// Applies a JSON body to `f`; the problems in English, "field: message".
std::vector<std::string> ApplyFactoryJson(const Poco::JSON::Object::Ptr& body, WebApp& app,
                                          store::Factory& f) {
  const District& district = app.district();
  std::vector<FieldProblem> problems;
  FactoryInput in = JsonFactoryInput(body, district, problems);
  for (const auto& p : ApplyFactoryInput(district, in, "en", f)) problems.push_back(p);
  if (auto provider = JsonString(body, "provider")) {  // the provider the district gave its diagnosis to
    const auto cat = app.providers();
    f.provider = *provider;
    if (!f.provider.empty() && (!cat || !cat->Find(f.provider)))
      problems.push_back({"provider", "a provider id of the catalogue in use, or empty"});
  }
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field + ": " + p.message);
  return out;
}

void ProfileView(EscapedView& v, const store::Factory& f, const District& district, const std::string& lang) {
  FactoryDisplayView(v, district, f, lang);
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
  v.Text("updated", ctx.Time(submitted ? a.submitted_at : a.updated_at));
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
  ProfileView(v, f, app.district(), ctx.lang);
  std::map<int64_t, std::string> titles;
  for (const auto& r : app.store().ListRubrics()) titles[r.id] = app.rubrics().Title(r, ctx.lang);
  const std::vector<store::AssessmentRecord> list = app.store().ListAssessments(f.id);
  std::set<int64_t> reopened;
  for (const auto& a : list)
    if (a.reopened_from) reopened.insert(*a.reopened_from);
  const bool can_reopen = CanReopenFactory(app.store(), ctx, f);
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
  auto problems = ApplyFactoryJson(body, app, f);
  if (!problems.empty()) return JsonError(400, "invalid", "the factory is not valid", problems);
  auto r = app.store().CreateFactory(f, ctx.Actor());
  if (r.status != store::EditStatus::kSaved) return EditErrorJson(r.status, "the factory");
  return RecordJson(201, WriteFactory, r.current);
}

WebResponse UpdateFactoryApi(WebApp& app, RequestContext& ctx) {
  return UpdateFromJson(
      ctx, FactoryInPath(app, ctx), "the factory",
      [&app](const Poco::JSON::Object::Ptr& body, store::Factory& f) { return ApplyFactoryJson(body, app, f); },
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
  auto f = app.store().GetFactory(*factory);
  if (!f) return JsonError(400, "no_such_factory", "no such factory");
  const bool assign = JsonBool(body, "assigned").value_or(true);
  if (assign && !ProviderAllows(*u, *f))
    return JsonError(409, "other_provider", "the consultant works for another provider than the factory's");
  if (assign)
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

}  // namespace

WebResponse FactoryPageResponse(WebApp& app, const RequestContext& ctx, const store::Factory& f,
                                const StartForm& form, int status) {
  EscapedView v;
  v.Child("factory", FactoryView(app, f, ctx, true));
  const bool can_start = CanEditFactory(app.store(), ctx, f);
  v.Flag("can_start", can_start);
  if (can_start) {
    std::vector<EscapedView> rubrics;
    for (const auto& r : app.store().ListRubrics()) {
      if (!r.active) continue;
      EscapedView rv;
      rv.Int("id", r.id);
      rv.Text("title", app.rubrics().Title(r, ctx.lang));
      rv.Flag("selected", form.rubric && *form.rubric == r.id);
      rubrics.push_back(rv);
    }
    v.List("rubrics", rubrics);
    v.Text("round", form.round.empty() && form.round_error.empty() ? LocalIsoDate(app.config().Now(), app.config().zone).substr(0, 4)
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
  };
}

}  // namespace fa::web
