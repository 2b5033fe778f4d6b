#include "web/page_renderer.h"

#include <stdexcept>

#include "store/store.h"

namespace fa::web {

namespace {
const char* const kPages[] = {"login",      "password",   "home",          "factory",  "questionnaire",
                              "message",    "ranking",    "admin_users",   "admin_factories", "admin_factory",
                              "admin_rubrics", "audit",   "assessments",   "report_bar", "submit",
                              "import",     "import_preview", "providers", "admin_providers"};
}

PageRenderer::PageRenderer(const std::string& web_dir) : dir_(web_dir) {
  for (const char* name : kPages) templates_.emplace(name, ReportTemplate::Load(web_dir, std::string(name) + ".html"));
}

WebResponse PageRenderer::Page(const std::string& name, const std::string& title, EscapedView view,
                               const RequestContext& ctx, int status) const {
  AddLayout(view, name, title, ctx);
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::logic_error("no page template '" + name + "' (page_renderer.cpp kPages)");
  WebResponse r;
  r.status = status;
  r.body = it->second.Render(view);
  r.Header("Cache-Control", "no-store");
  return r;
}

std::string PageRenderer::Fragment(const std::string& name, EscapedView view, const RequestContext& ctx) const {
  AddLayout(view, name, "", ctx);
  return templates_.at(name).Render(view);
}

std::string LanguageSwitchHref(const RequestContext& ctx) {
  // The same page in the other language: its path, and for a GET the query
  // too (a ranking's config and filters, a report's options) but `lang`; a
  // page rendered for a POST goes to the page it stands for, never to the
  // action path, which has no GET.
  const std::string other = ctx.lang == "en" ? "zh" : "en";
  const bool get = ctx.req.method == "GET" || ctx.req.method == "HEAD";
  std::string href = !ctx.page_path.empty() ? ctx.page_path : ctx.req.path;
  std::string query;
  if (get && ctx.page_path.empty())
    for (const auto& [name, value] : ctx.req.query)
      // `next` (the sign-in's return path) only when it is a safe one, as
      // the sign-in form keeps it.
      if (name != "lang" && (name != "next" || SafeRedirectTarget(value)))
        query += UrlEncode(name) + "=" + UrlEncode(value) + "&";
  return href + "?" + query + "lang=" + other;
}

void PageRenderer::AddLayout(EscapedView& view, const std::string& name, const std::string& title,
                             const RequestContext& ctx) const {
  view.Child("W", WebLabels(ctx.lang));
  view.Text("page_title", title);
  view.Text("lang", ctx.lang);
  view.Text("html_lang", ctx.lang == "en" ? "en" : "zh-CN");
  view.Text("other_lang", ctx.lang == "en" ? "zh" : "en");
  view.Text("other_html_lang", ctx.lang == "en" ? "zh-CN" : "en");
  view.Text("other_lang_label", ctx.Label("other_language"));
  view.Text("csrf", ctx.csrf);
  view.Text("path", ctx.req.path);
  view.Text("lang_href", LanguageSwitchHref(ctx));
  view.Text("page", name);
  view.Text("zone", ctx.ZoneLabel());  // beside the headings of columns of times
  if (ctx.user) {
    EscapedView u;
    // A user named by the role has the role badge alone (not the role twice).
    const std::string name = ctx.UserName(*ctx.user);
    u.Text("name", name == ctx.RoleLabel(ctx.user->role) ? "" : name);
    u.Text("username", ctx.user->username);
    u.Text("role", ctx.RoleLabel(ctx.user->role));
    u.Flag("admin", ctx.user->role == store::Role::kAdmin);
    u.Flag("consultant", ctx.user->role == store::Role::kConsultant);
    u.Flag("manufacturer", ctx.user->role == store::Role::kManufacturer);
    u.Flag("commission", ctx.user->role == store::Role::kCommission);
    u.Flag("reads_audit", ctx.user->role == store::Role::kAdmin || ctx.user->role == store::Role::kCommission);
    u.Flag("ranks", ctx.user->role == store::Role::kAdmin || ctx.user->role == store::Role::kCommission);
    u.Flag("must_change", ctx.user->must_change_password);
    view.Child("user", u);
  }
}

WebResponse PageRenderer::NotFound(const RequestContext& ctx) const {
  return Message(404, ctx.Label("not_found"), ctx.Label("no_such_page"), ctx);
}

WebResponse PageRenderer::Message(int status, const std::string& title, const std::string& message,
                                  const RequestContext& ctx) const {
  EscapedView v;
  v.Text("message", message);
  v.Int("status", status);
  return Page("message", title, v, ctx, status);
}

}  // namespace fa::web
