// The admin's side of the service providers (docs/providers.md "In the web
// app"): the catalogue in use with its download and the upload of a new
// version (checked like `validate`, positioned problems, refused while a
// provider it drops is still in use, refused when another upload came
// first), and the engagements: recorded, listed and deleted.
#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

#include "base/text.h"
#include "providers/engagement.h"
#include "report/provider_report.h"
#include "web/reader_messages.h"
#include "web/route_table.h"
#include "web/web_app.h"
#include "web/web_labels.h"

namespace fa::web {

namespace {

/// What the page shows besides the catalogue and the engagements.
struct AdminState {
  std::string error, notice;
  std::vector<EscapedView> problems;  ///< an upload's, each with its place
  int status = 200;
  /// The engagement form as typed when it was refused.
  std::string provider, factory, start, end;
  std::set<std::string> scenarios;
};

std::string NameOf(const store::User& u) { return u.display_name.empty() ? u.username : u.display_name; }

/// The catalogue loader's own problems (src/providers/provider_loader.cpp,
/// CheckNamedFiles in web_app_providers.cpp), worded in English for the
/// command line, said in `lang` here; "" for another message (the YAML
/// reader's are LocalizeDiagnostic's). An optional "provider 'ID': " comes first.
std::string CatalogueMessage(const std::string& message, const std::string& lang) {
  if (lang == "en") return "";  // the message itself (LocalizeDiagnostic)
  std::smatch m;
  std::string rest = message, prefix;
  if (std::regex_match(message, m, std::regex("provider '([^']*)': (.*)"))) {
    prefix = LabelIn(lang, "cat_in_provider", {m[1]});
    rest = m[2];
  }
  auto what = [&](const std::string& w) {
    if (w == "scenario") return LabelIn(lang, "cat_what_scenario");
    if (w == "sub-domain") return LabelIn(lang, "cat_what_sub_domain");
    if (w == "town") return LabelIn(lang, "cat_what_town");
    if (w == "industry") return LabelIn(lang, "cat_what_industry");
    return std::string();
  };
  std::string said;
  if (std::regex_match(rest, m, std::regex(R"(unknown ([a-z-]+) '([^']*)'(?:, did you mean '([^']*)'\?)?( \(.*\))?)")) &&
      !what(m[1]).empty())
    said = m[3].matched ? LabelIn(lang, "cat_unknown_near", {what(m[1]), m[2], m[3]})
                        : LabelIn(lang, "cat_unknown", {what(m[1]), m[2]});
  else if (std::regex_match(rest, m, std::regex("([a-z-]+) '([^']*)' is listed twice")) && !what(m[1]).empty())
    said = LabelIn(lang, "cat_listed_twice", {what(m[1]), m[2]});
  else if (std::regex_match(rest, m, std::regex("duplicate provider id '([^']*)'")))
    said = LabelIn(lang, "cat_duplicate_id", {m[1]});
  else if (std::regex_match(rest, m, std::regex("'([a-z]+)' names '(.*)', expected a YAML file .*")))
    said = LabelIn(lang, "cat_named_file", {m[1], m[2]});
  return said.empty() ? "" : prefix + said;
}

WebResponse AdminPage(WebApp& app, RequestContext& ctx, const AdminState& s) {
  ctx.page_path = "/admin/providers";  // also after a post elsewhere
  const auto cat = app.providers();
  const std::optional<store::ProviderCatalogueRecord> record = app.store().CurrentProviderCatalogue();
  const std::vector<store::User> users = app.store().ListUsers();
  const std::vector<store::Factory> factories = app.store().ListFactories();
  const std::vector<store::EngagementRecord> engagements = app.store().ListEngagements();
  EscapedView v;
  v.Text("error", s.error).Text("notice", s.notice).List("problems", s.problems);
  // The version the form is made against: the store's, as the upload checks it.
  v.Int("base", record ? record->id : 0);
  v.Flag("has_catalogue", cat != nullptr);
  std::map<std::string, LocalizedText> scenario_names;
  if (cat) {
    scenario_names = ScenarioNamesOf(*cat);
    std::string uploader;
    if (record && record->uploaded_by)
      for (const auto& u : users)
        if (u.id == *record->uploaded_by) uploader = NameOf(u);
    v.Text("title", cat->title.In(ctx.lang))
        .Flag("example", cat->example)
        .Int("count", static_cast<long long>(cat->providers.size()))
        .Int("version", record ? record->id : 0)
        .Text("uploaded_at", record ? ctx.Time(record->uploaded_at) : "")
        .Text("uploader", uploader.empty() ? ctx.Label("system_user") : uploader);
    const District* names = cat->district ? cat->district.get() : &app.district();
    std::vector<EscapedView> rows;
    for (const auto& p : cat->providers) {
      std::vector<std::string> consultants;
      for (const auto& u : users)
        if (u.role == store::Role::kConsultant && u.provider == p.id) consultants.push_back(NameOf(u));
      const auto factory_count = std::count_if(factories.begin(), factories.end(),
                                               [&](const store::Factory& f) { return f.provider == p.id; });
      const auto engagement_count = std::count_if(engagements.begin(), engagements.end(),
                                                  [&](const store::EngagementRecord& e) { return e.provider == p.id; });
      EscapedView row;
      row.Text("href", "/providers/" + UrlEncode(p.id))
          .Text("name", p.name.In(ctx.lang))
          .Text("town", names->NameOf(ChoiceList::kTown, p.town, ctx.lang))
          .Text("consultants", Join(consultants, ctx.Label("list_separator")))
          .Int("factories", static_cast<long long>(factory_count))
          .Int("engagements", static_cast<long long>(engagement_count));
      rows.push_back(row);
    }
    v.List("rows", rows).List("provider_options", ProviderOptions(cat.get(), s.provider, ctx.lang));
    // By name in the page's language, as the reader looks for one.
    std::vector<std::pair<std::string, std::string>> by_name;
    for (const auto& [id, name] : scenario_names) by_name.emplace_back(name.In(ctx.lang), id);
    std::sort(by_name.begin(), by_name.end());
    std::vector<EscapedView> scenario_options;
    for (const auto& [name, id] : by_name) {
      EscapedView o;
      o.Text("id", id).Text("name", name).Flag("checked", s.scenarios.count(id) > 0);
      scenario_options.push_back(o);
    }
    v.List("scenario_options", scenario_options);
  }
  std::vector<EscapedView> factory_options, engagement_rows;
  for (const auto& f : factories) {
    EscapedView o;
    o.Int("id", f.id).Text("name", f.name).Flag("selected", std::to_string(f.id) == s.factory);
    factory_options.push_back(o);
  }
  for (auto it = engagements.rbegin(); it != engagements.rend(); ++it) {  // newest first
    const store::EngagementRecord& e = *it;
    const Provider* p = cat ? cat->Find(e.provider) : nullptr;
    std::vector<std::string> names;
    for (const auto& id : e.scenarios) {
      auto n = scenario_names.find(id);
      names.push_back(n == scenario_names.end() ? id : n->second.In(ctx.lang));
    }
    EscapedView row;
    row.Int("id", e.id)
        .Text("provider", p ? p->name.In(ctx.lang) : e.provider)
        .Text("factory", e.factory_name.empty() ? e.credit_code : e.factory_name)
        .Text("scenarios", Join(names, ctx.Label("list_separator")))
        .Text("start", e.start)
        .Text("end", e.end)
        .Flag("example", e.example);
    engagement_rows.push_back(row);
  }
  v.List("factory_options", factory_options).List("engagements", engagement_rows);
  v.Text("start", s.start).Text("end", s.end);
  return app.pages().Page("admin_providers", ctx.Label("title_provider_admin"), v, ctx, s.status);
}

WebResponse ProvidersAdmin(WebApp& app, RequestContext& ctx) { return AdminPage(app, ctx, {}); }

WebResponse CatalogueDownload(WebApp& app, RequestContext& ctx) {
  std::optional<store::ProviderCatalogueRecord> record = app.store().CurrentProviderCatalogue();
  if (!record) return app.pages().NotFound(ctx);
  WebResponse r;
  r.content_type = "application/yaml; charset=utf-8";
  r.body = record->text;
  std::string name = std::filesystem::path(record->file_name).filename().string();
  name.erase(std::remove_if(name.begin(), name.end(), [](char c) { return c == '"' || c == '\\' || c < 0x20; }),
             name.end());
  r.Header("Content-Disposition", "attachment; filename=\"" + (name.empty() ? "providers.yaml" : name) + "\"");
  return r;
}

WebResponse UploadCatalogue(WebApp& app, RequestContext& ctx) {
  AdminState s;
  const UploadedFile* file = ctx.req.File("catalogue");
  if (!file || file->bytes.empty()) {
    s.error = ctx.Label("catalogue_no_file");
    s.status = 400;
    return AdminPage(app, ctx, s);
  }
  const auto base = ParseId(ctx.req.FormValue("base"));
  WebApp::ProviderUpload u = app.UploadProviders(file->bytes, file->filename, base.value_or(0), ctx.Actor());
  switch (u.status) {
    case WebApp::ProviderUpload::kSaved:
      s.notice = ctx.Label("catalogue_saved", {std::to_string(u.providers)});
      return AdminPage(app, ctx, s);
    case WebApp::ProviderUpload::kInvalid:
      s.error = ctx.Label("catalogue_invalid");
      for (const Diagnostic& d : u.diags.items()) {
        if (d.severity != Severity::kError) continue;
        EscapedView p;
        p.Text("place", std::filesystem::path(d.file).filename().string() + ":" + std::to_string(d.pos.line) + ":" +
                            std::to_string(d.pos.column));
        const std::string own = CatalogueMessage(d.message, ctx.lang);
        const LocalDiagnostic local = own.empty() ? LocalizeDiagnostic(d, ctx.lang) : LocalDiagnostic{own, true};
        p.Text("message", local.text).Text("detail", local.recognized || ctx.lang == "en" ? "" : d.message);
        s.problems.push_back(p);
      }
      s.status = 400;
      return AdminPage(app, ctx, s);
    case WebApp::ProviderUpload::kInUse:
      s.error = ctx.Label("catalogue_drops_used", {Join(u.in_use, ctx.Label("list_separator"))});
      s.status = 409;
      return AdminPage(app, ctx, s);
    case WebApp::ProviderUpload::kConflict: break;
  }
  s.error = ctx.Label("catalogue_changed_meanwhile");
  s.status = 409;
  return AdminPage(app, ctx, s);
}

WebResponse CreateEngagementPage(WebApp& app, RequestContext& ctx) {
  AdminState s;
  s.provider = ctx.req.FormValue("provider");
  s.factory = ctx.req.FormValue("factory");
  s.start = ctx.req.FormValue("start");
  s.end = ctx.req.FormValue("end");
  for (const auto& id : ctx.req.FormAll("scenario")) s.scenarios.insert(id);
  const auto cat = app.providers();
  const Provider* provider = cat ? cat->Find(s.provider) : nullptr;
  const auto factory_id = ParseId(s.factory);
  const auto factory = factory_id ? app.store().GetFactory(*factory_id) : std::nullopt;
  std::vector<std::string> problems;
  if (!provider) problems.push_back(ctx.Label("no_provider"));
  if (!factory) problems.push_back(ctx.Label("no_such_factory"));
  if (s.scenarios.empty()) problems.push_back(ctx.Label("engagement_no_scenario"));
  if (!IsCalendarDate(s.start) || !IsCalendarDate(s.end)) problems.push_back(ctx.Label("engagement_dates"));
  else if (s.end < s.start) problems.push_back(ctx.Label("engagement_end_before_start"));
  if (provider) {
    const std::map<std::string, LocalizedText> names = ScenarioNamesOf(*cat);
    for (const auto& id : s.scenarios) {
      auto n = names.find(id);
      if (n == names.end()) problems.push_back(ctx.Label("engagement_unknown_scenario"));
      else if (!provider->Delivers(id))
        problems.push_back(ctx.Label("engagement_not_listed", {provider->name.In(ctx.lang), n->second.In(ctx.lang)}));
    }
  }
  if (!problems.empty()) {
    s.error = Join(problems, " ");
    s.status = 400;
    return AdminPage(app, ctx, s);
  }
  store::EngagementRecord e;
  e.provider = provider->id;
  e.factory_id = factory->id;
  e.credit_code = factory->credit_code;
  e.factory_name = factory->name;
  e.scenarios.assign(s.scenarios.begin(), s.scenarios.end());
  e.start = s.start;
  e.end = s.end;
  app.store().CreateEngagement(e, ctx.Actor());
  AdminState done;
  done.notice = ctx.Label("engagement_saved", {provider->name.In(ctx.lang), factory->name});
  return AdminPage(app, ctx, done);
}

WebResponse DeleteEngagementPage(WebApp& app, RequestContext& ctx) {
  const auto id = ParseId(ctx.Param("id"));
  AdminState s;
  if (!id || app.store().DeleteEngagement(*id, ctx.Actor()) != store::EditStatus::kSaved) {
    s.error = ctx.Label("engagement_gone");
    s.status = 404;
  } else {
    s.notice = ctx.Label("engagement_deleted");
  }
  return AdminPage(app, ctx, s);
}

}  // namespace

RouteTable ProviderAdminRoutes() {
  return {
      {"GET", "/admin/providers", kAdminRole, ProvidersAdmin},
      {"POST", "/admin/providers", kAdminRole, UploadCatalogue},
      {"GET", "/admin/providers/catalogue.yaml", kAdminRole, CatalogueDownload},
      {"POST", "/admin/engagements", kAdminRole, CreateEngagementPage},
      {"POST", "/admin/engagements/{id}/delete", kAdminRole, DeleteEngagementPage},
  };
}

}  // namespace fa::web
