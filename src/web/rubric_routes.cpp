// Rubrics: the list, the admin's upload (checked, its diagnostics shown
// with file:line:col and the source line, stored when clean) and the
// active flag — as the admin's rubrics page and as the API. Both uploads
// check and store through CheckRubricTexts and StoreRubric.
#include "base/text.h"
#include "web/api_json.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

/// Stores a rubric that checked clean, with the companions it names.
store::RubricRecord StoreRubric(WebApp& app, const RequestContext& ctx, const RubricCheck& check,
                                const std::string& name, const std::string& text,
                                const std::map<std::string, std::string>& companions) {
  store::RubricRecord rec = RecordFor(*check.loaded->rubric, name, text, companions);
  rec.uploaded_by = ctx.user->id;
  return app.store().PutRubric(rec, ctx.Actor());
}

WebResponse RubricsAdminPage(WebApp& app, RequestContext& ctx, const std::string& diagnostics,
                             const std::string& notice, const std::string& text, int status) {
  std::vector<EscapedView> rows;
  for (const auto& r : app.store().ListRubrics()) {
    EscapedView rv;
    rv.Int("id", r.id);
    rv.Text("rubric", r.rubric_id);
    rv.Text("version", r.version);
    auto compiled = app.rubrics().Get(r.id);
    rv.Text("title", compiled ? compiled->rubric->title.In(ctx.lang) : r.title);
    rv.Text("sha", r.sha256.substr(0, 12));
    rv.Text("uploaded_at", ctx.Time(r.uploaded_at));
    rv.Flag("active", r.active);
    rows.push_back(rv);
  }
  EscapedView v;
  v.List("rubrics", rows);
  v.Text("diagnostics", diagnostics);
  v.Text("notice", notice);
  v.Text("text", text);
  return app.pages().Page("admin_rubrics", ctx.Label("rubrics"), v, ctx, status);
}

WebResponse ListRubricsApi(WebApp& app, RequestContext&) {
  return ListJson("rubrics", WriteRubric, app.store().ListRubrics());
}

/// Body: {"file": "name.yaml", "text": "...", "companions": {"scenarios.yaml": "..."}}
WebResponse UploadRubricApi(WebApp& app, RequestContext& ctx) {
  auto body = ParseJsonObject(ctx.req.body);
  auto text = JsonString(body, "text");
  std::string name = JsonString(body, "file").value_or("rubric.yaml");
  if (!text) return JsonError(400, "fields_required", "text (the rubric's YAML) is required");
  std::map<std::string, std::string> companions;
  if (body->has("companions")) {
    auto c = body->getObject("companions");
    if (!c) return JsonError(400, "invalid", "companions must be an object of file name to text");
    for (const auto& [k, v] : *c) companions[k] = v.convert<std::string>();
  }
  RubricCheck check = CheckRubricTexts(name, *text, companions);
  if (!check.loaded) return JsonError(400, "rubric_errors", "the rubric has errors", check.messages);
  return RecordJson(201, WriteRubric, StoreRubric(app, ctx, check, name, *text, companions));
}

WebResponse RubricsPage(WebApp& app, RequestContext& ctx) { return RubricsAdminPage(app, ctx, "", "", "", 200); }

WebResponse UploadRubricPage(WebApp& app, RequestContext& ctx) {
  const std::string text = ctx.req.FormValue("text");
  std::string name = ctx.req.FormValue("file");
  if (name.empty() || name.find('/') != std::string::npos || name.find('\\') != std::string::npos)
    name = "rubric.yaml";
  // Companions may only be the shipped ones (scenarios, tiers) by name.
  std::map<std::string, std::string> companions;
  for (const char* c : {"scenarios.yaml", "smart-factory-tiers.yaml"}) {
    try {
      companions[c] = ReadFile(app.config().rubrics_dir + "/" + c);
    } catch (const std::exception&) {
    }
  }
  RubricCheck check = CheckRubricTexts(name, text, companions);
  if (!check.loaded) return RubricsAdminPage(app, ctx, check.diagnostics, "", text, 400);
  std::map<std::string, std::string> used;
  for (const std::string& n : {check.loaded->rubric->scenarios_path, check.loaded->rubric->tiers_path})
    if (!n.empty()) used[n] = companions[n];
  store::RubricRecord stored = StoreRubric(app, ctx, check, name, text, used);
  return RubricsAdminPage(app, ctx, check.diagnostics, ctx.Label("rubric_stored", {stored.rubric_id, stored.version}),
                          "", 200);
}

WebResponse SetRubricActivePage(WebApp& app, RequestContext& ctx) {
  auto id = ParseId(ctx.Param("id"));
  if (!id || !app.store().GetRubric(*id))
    return app.pages().Message(404, ctx.Label("not_found"), ctx.Label("no_such_rubric"), ctx);
  app.store().SetRubricActive(*id, ctx.req.FormValue("active") == "1", ctx.Actor());
  return RubricsAdminPage(app, ctx, "", ctx.Label("saved"), "", 200);
}

}  // namespace

RouteTable RubricRoutes() {
  return {
      {"GET", "/api/rubrics", kSignedIn, ListRubricsApi},
      {"POST", "/api/rubrics", kAdminRole, UploadRubricApi},
      {"GET", "/admin/rubrics", kAdminRole, RubricsPage},
      {"POST", "/admin/rubrics", kAdminRole, UploadRubricPage},
      {"POST", "/admin/rubrics/{id}/active", kAdminRole, SetRubricActivePage},
  };
}

}  // namespace fa::web
