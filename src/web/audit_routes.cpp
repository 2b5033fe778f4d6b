// The audit log, read by admin and the commission: newest first, paged by
// "before" (an entry id), filtered by entity — as JSON and as a page, where
// each entry is told in the page's language (audit_view.h).
#include <algorithm>

#include "web/api_json.h"
#include "web/audit_view.h"
#include "web/http_message.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

/// The filter the query gives: entity, entity_id, before, limit (at most
/// 1000; `default_limit` when not given).
store::AuditFilter AuditFilterFrom(const WebRequest& req, int default_limit) {
  store::AuditFilter filter;
  filter.entity = req.Query("entity");
  filter.entity_id = req.Query("entity_id");
  filter.limit = default_limit;
  if (auto b = ParseId(req.Query("before"))) filter.before_id = *b;
  if (auto l = ParseId(req.Query("limit"))) filter.limit = static_cast<int>(std::min<int64_t>(*l, 1000));
  return filter;
}

/// What `action` (store.h AuditEntry::action) did, in the page language;
/// "" for an action this page does not know, which is then shown as its id.
std::string ActionName(const std::string& action, const RequestContext& ctx) {
  if (action == "answer.save") return ctx.Label("audit_answer_save");
  if (action == "answer.import") return ctx.Label("audit_answer_import");
  if (action == "assessment.create") return ctx.Label("audit_assessment_create");
  if (action == "assessment.submit") return ctx.Label("audit_assessment_submit");
  if (action == "assessment.reopen") return ctx.Label("audit_assessment_reopen");
  if (action == "factory.create") return ctx.Label("audit_factory_create");
  if (action == "factory.update") return ctx.Label("audit_factory_update");
  if (action == "assignment.create") return ctx.Label("audit_assignment_create");
  if (action == "assignment.delete") return ctx.Label("audit_assignment_delete");
  if (action == "rubric.upload") return ctx.Label("audit_rubric_upload");
  if (action == "rubric.activate") return ctx.Label("audit_rubric_activate");
  if (action == "rubric.deactivate") return ctx.Label("audit_rubric_deactivate");
  if (action == "user.create") return ctx.Label("audit_user_create");
  if (action == "user.update") return ctx.Label("audit_user_update");
  if (action == "user.password") return ctx.Label("audit_user_password");
  if (action == "providers.upload") return ctx.Label("audit_providers_upload");
  if (action == "engagement.create") return ctx.Label("audit_engagement_create");
  if (action == "engagement.delete") return ctx.Label("audit_engagement_delete");
  return "";
}

/// The kind of record an entry is about, in the page language ("" when
/// unknown: the id alone).
std::string EntityName(const std::string& entity, const RequestContext& ctx) {
  if (entity == "answer") return ctx.Label("entity_answer");
  if (entity == "assessment") return ctx.Label("entity_assessment");
  if (entity == "factory") return ctx.Label("entity_factory");
  if (entity == "assignment") return ctx.Label("entity_assignment");
  if (entity == "rubric") return ctx.Label("entity_rubric");
  if (entity == "user") return ctx.Label("entity_user");
  if (entity == "provider_catalogue") return ctx.Label("entity_provider_catalogue");
  if (entity == "engagement") return ctx.Label("entity_engagement");
  return "";
}

WebResponse AuditApi(WebApp& app, RequestContext& ctx) {
  return ListJson("entries", WriteAudit, app.store().ListAudit(AuditFilterFrom(ctx.req, store::AuditFilter().limit)));
}

WebResponse AuditPage(WebApp& app, RequestContext& ctx) {
  const store::AuditFilter filter = AuditFilterFrom(ctx.req, 200);
  std::vector<EscapedView> rows;
  int64_t last = 0;
  AuditReader reader(app, ctx);
  for (const auto& e : app.store().ListAudit(filter)) {
    EscapedView r;
    r.Text("at", ctx.Time(e.at));
    // Who, by the name people know them by; the login name in the title.
    const std::string name = e.user_id ? reader.DisplayName(*e.user_id) : "";
    r.Text("user", !e.user_id ? ctx.Label("audit_system") : name.empty() ? e.username : name);
    r.Flag("login_name", e.user_id && name.empty());  // an id: set apart as one
    r.Text("username", e.username);
    // Named in the page language; the ids (the action's, the record's) set
    // apart as ids, for whoever searches the store or the API for them.
    r.Text("action", e.action);
    r.Text("action_name", ActionName(e.action, ctx));
    const std::string entity = EntityName(e.entity, ctx);
    r.Text("entity_name", entity);
    r.Text("entity_id", entity.empty() ? e.entity + " " + e.entity_id : e.entity_id);
    r.Text("subject", reader.Subject(e));
    std::vector<EscapedView> changes;
    for (const AuditChange& c : reader.Changes(e)) {
      EscapedView cv;
      cv.Text("field", ctx.Label("audit_field", {c.field}));
      cv.Text("before", c.before);
      cv.Text("after", c.after);
      cv.Text("style", c.style);
      cv.Flag("both", !c.before.empty() && !c.after.empty());
      changes.push_back(cv);
    }
    r.List("changes", changes);
    r.Text("old", e.old_value);
    r.Text("new", e.new_value);
    r.Flag("raw", !e.old_value.empty() || !e.new_value.empty());
    rows.push_back(r);
    last = e.id;
  }
  EscapedView v;
  v.List("entries", rows);
  if (static_cast<int>(rows.size()) == filter.limit) {  // the next page, with the same filter
    std::string older = "/audit?before=" + std::to_string(last);
    if (!filter.entity.empty()) older += "&entity=" + UrlEncode(filter.entity);
    if (!filter.entity_id.empty()) older += "&entity_id=" + UrlEncode(filter.entity_id);
    if (ctx.req.Query("limit") != "") older += "&limit=" + std::to_string(filter.limit);
    v.Text("older", older);
  }
  return app.pages().Page("audit", ctx.Label("audit"), v, ctx);
}

}  // namespace

RouteTable AuditRoutes() {
  return {
      {"GET", "/api/audit", kAdminOrCommission, AuditApi},
      {"GET", "/audit", kAdminOrCommission, AuditPage},
  };
}

}  // namespace fa::web
