// The audit log, read by admin and the commission: newest first, paged by
// "before" (an entry id), filtered by entity — as JSON and as a page.
#include <algorithm>

#include "web/api_json.h"
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

WebResponse AuditApi(WebApp& app, RequestContext& ctx) {
  return ListJson("entries", WriteAudit, app.store().ListAudit(AuditFilterFrom(ctx.req, store::AuditFilter().limit)));
}

WebResponse AuditPage(WebApp& app, RequestContext& ctx) {
  const store::AuditFilter filter = AuditFilterFrom(ctx.req, 200);
  std::vector<EscapedView> rows;
  int64_t last = 0;
  for (const auto& e : app.store().ListAudit(filter)) {
    EscapedView r;
    r.Text("at", ctx.Time(e.at));
    r.Text("user", e.username);
    r.Text("action", e.action);
    r.Text("entity", e.entity + " " + e.entity_id);
    r.Text("old", e.old_value);
    r.Text("new", e.new_value);
    rows.push_back(r);
    last = e.id;
  }
  EscapedView v;
  v.List("entries", rows);
  if (static_cast<int>(rows.size()) == filter.limit) v.Int("older", last);
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
