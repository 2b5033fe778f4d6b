#include "web/web_app.h"

#include <iostream>
#include <set>

#include "base/time_format.h"
#include "report/report_renderer.h"
#include "assessment/assessment_json.h"
#include "service/assess.h"
#include "web/assessment_service.h"
#include "web/password.h"

namespace fa::web {

namespace {
const char* kDefaultCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

bool StateChanging(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

std::optional<int64_t> ParseId(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return std::nullopt;
  return v;
}

std::string ReportCsp(std::string& html) {
  std::string csp;
  html = PreparedReport(html).WithNonce(RandomToken(18), csp);
  return csp;
}

WebApp::WebApp(store::Store& store, WebConfig config)
    : config_(std::move(config)),
      store_(store),
      sessions_(store_, config_),
      throttle_(config_.throttle_max_failures, config_.throttle_window_seconds),
      catalog_(store_),
      peers_(store_) {
  if (config_.templates_dir.empty()) config_.templates_dir = DefaultTemplatesDir();
  pages_ = std::make_unique<PageRenderer>(config_.templates_dir + "/web");
  for (const char* lang : {"zh", "en"}) {
    ReportOptions options;
    options.lang = lang;
    options.templates_dir = config_.templates_dir;
    reports_[lang] = std::make_unique<DiagnosisReportRenderer>(options);
  }
  AddApiRoutes();
  AddApiAdminRoutes();
  AddRankingRoutes();
  AddPageRoutes();
  AddPageAdminRoutes();
}

WebApp::~WebApp() = default;

std::string WebApp::BootstrapAdmin(const std::string& password) {
  if (store_.CountUsers() > 0) return "";
  std::string pw = password.empty() ? RandomToken(15) : password;
  store::User u;
  u.username = "admin";
  u.display_name = "Administrator";
  u.role = store::Role::kAdmin;
  u.password_hash = HashPassword(pw);
  u.must_change_password = true;
  store::Actor system;
  system.username = "system";
  store_.CreateUser(u, system);
  return pw;
}

WebResponse WebApp::Handle(WebRequest& req) {
  RequestContext ctx(req);
  std::string lang = req.Query("lang");
  if (lang == "zh" || lang == "en") {
    ctx.set_cookies.push_back(sessions_.Cookie(kLangCookie, lang, 365 * 24 * 3600));
  } else {
    auto it = req.cookies.find(kLangCookie);
    lang = it != req.cookies.end() && (it->second == "zh" || it->second == "en") ? it->second
                                                                                  : config_.default_lang;
  }
  ctx.lang = lang;
  WebResponse r;
  try {
    r = Dispatch(req, ctx);
  } catch (const store::StoreError& e) {
    std::cerr << "serve: store error: " << e.what() << "\n";
    r = req.IsApi() ? JsonError(503, "the database is unavailable")
                    : pages_->Message(503, ctx.T("服务暂不可用", "Service unavailable"),
                                      ctx.T("数据库暂时不可用，请稍后再试。", "The database is unavailable; try again shortly."), ctx);
  } catch (const std::exception& e) {
    std::cerr << "serve: internal error on " << req.method << " " << req.path << ": " << e.what() << "\n";
    r = req.IsApi() ? JsonError(500, "internal error")
                    : pages_->Message(500, ctx.T("内部错误", "Internal error"),
                                      ctx.T("服务器内部错误。", "Something went wrong on the server."), ctx);
  }
  for (const auto& c : ctx.set_cookies) r.Header("Set-Cookie", c);
  AddSecurityHeaders(ctx, r);
  return r;
}

WebResponse WebApp::Dispatch(WebRequest& req, RequestContext& ctx) {
  const bool api = req.IsApi();
  if (req.body.size() > config_.max_body_bytes)
    return api ? JsonError(413, "request body too large",
                           {"at most " + std::to_string(config_.max_body_bytes) + " bytes"})
               : pages_->Message(413, ctx.T("内容过大", "Too large"),
                                 ctx.T("提交的内容过大。", "The request body is too large."), ctx);

  // Who is asking.
  auto cookie = req.cookies.find(kSessionCookie);
  if (cookie != req.cookies.end() && !cookie->second.empty()) {
    if (auto session = sessions_.Resume(cookie->second)) {
      auto user = store_.GetUser(session->user_id);
      if (user && user->active) {
        ctx.user = user;
        ctx.csrf = session->csrf_token;
      } else {
        sessions_.End(cookie->second);
      }
    }
    if (!ctx.user) ctx.set_cookies.push_back(sessions_.ClearSessionCookie());
  }
  if (!ctx.user) {
    auto pre = req.cookies.find(kLoginCsrfCookie);
    if (pre != req.cookies.end() && pre->second.size() >= 32 && pre->second.size() <= 64)
      ctx.csrf = pre->second;
  }

  Router::Match match = router_.Find(req.method, req.path);
  if (!match.route) {
    if (match.other_method)
      return api ? JsonError(405, "method not allowed")
                 : pages_->Message(405, ctx.T("不支持的操作", "Not allowed"), ctx.T("不支持该请求方法。", "Method not allowed."), ctx);
    return api ? JsonError(404, "not found")
               : pages_->Message(404, ctx.T("未找到", "Not found"), ctx.T("页面不存在。", "There is no such page."), ctx);
  }
  req.params = match.params;
  const Route& route = *match.route;
  const unsigned bit = ctx.user ? RoleBit(ctx.user->role) : kAnonymous;

  if (!ctx.user && !(route.roles & kAnonymous)) {
    if (api) return JsonError(401, "sign in first");
    if (req.method == "GET") return Redirect("/login?next=" + UrlEncode(req.path));
    return pages_->Message(401, ctx.T("请先登录", "Sign in first"), ctx.T("会话已结束，请重新登录。", "Your session has ended; sign in again."), ctx);
  }
  if (StateChanging(req.method)) {
    std::string given = req.Header("x-csrf-token");
    if (given.empty()) {
      auto f = req.Form().find("csrf");
      if (f != req.Form().end()) given = f->second;
    }
    if (ctx.csrf.empty() || given.empty() || !ConstantTimeEquals(given, ctx.csrf))
      return api ? JsonError(403, "missing or wrong CSRF token")
                 : pages_->Message(403, ctx.T("请求无效", "Invalid request"),
                                   ctx.T("表单已过期，请返回并刷新页面后重试。", "The form has expired; go back, reload the page and try again."), ctx);
  }
  if (!(route.roles & bit))
    return api ? JsonError(403, "not allowed for your role")
               : pages_->Message(403, ctx.T("无权访问", "Not allowed"), ctx.T("您的角色无权访问此页面。", "Your role may not open this page."), ctx);
  if (ctx.user && ctx.user->must_change_password && !route.before_password_change) {
    if (api) return JsonError(403, "change your password first");
    return Redirect("/password");
  }
  return route.handler(ctx);
}

void WebApp::AddSecurityHeaders(const RequestContext& ctx, WebResponse& r) {
  r.Header("Content-Security-Policy", r.csp.empty() ? kDefaultCsp : r.csp);
  r.Header("X-Content-Type-Options", "nosniff");
  r.Header("Referrer-Policy", "no-referrer");
  r.Header("X-Frame-Options", "DENY");
  r.Header("Cross-Origin-Opener-Policy", "same-origin");
  r.Header("Cross-Origin-Resource-Policy", "same-origin");
  r.Header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (r.FindHeader("Cache-Control").empty()) r.Header("Cache-Control", "no-store");
}

std::optional<store::Factory> WebApp::ReadableFactory(const RequestContext& ctx, int64_t id) {
  if (!ctx.user) return std::nullopt;
  std::optional<store::Factory> f = store_.GetFactory(id);
  if (!f) return std::nullopt;
  switch (ctx.user->role) {
    case store::Role::kAdmin:
    case store::Role::kCommission: return f;
    case store::Role::kConsultant:
      return store_.IsAssigned(ctx.user->id, id) ? f : std::nullopt;
    case store::Role::kManufacturer:
      return ctx.user->factory_id && *ctx.user->factory_id == id ? f : std::nullopt;
  }
  return std::nullopt;
}

bool WebApp::CanEditFactory(const RequestContext& ctx, int64_t id) {
  return ctx.user && ctx.user->role == store::Role::kConsultant && store_.IsAssigned(ctx.user->id, id);
}

std::optional<WebApp::AssessmentInScope> WebApp::ReadableAssessment(const RequestContext& ctx, int64_t id) {
  std::optional<store::AssessmentRecord> a = store_.GetAssessment(id);
  if (!a) return std::nullopt;
  std::optional<store::Factory> f = ReadableFactory(ctx, a->factory_id);
  if (!f) return std::nullopt;
  return AssessmentInScope{*a, *f};
}

std::vector<store::Factory> WebApp::VisibleFactories(const RequestContext& ctx) {
  std::vector<store::Factory> out;
  if (!ctx.user) return out;
  std::vector<store::Factory> all = store_.ListFactories();
  if (ctx.user->role == store::Role::kAdmin || ctx.user->role == store::Role::kCommission) return all;
  std::set<int64_t> allowed;
  if (ctx.user->role == store::Role::kConsultant)
    for (int64_t id : store_.AssignedFactories(ctx.user->id)) allowed.insert(id);
  if (ctx.user->role == store::Role::kManufacturer && ctx.user->factory_id) allowed.insert(*ctx.user->factory_id);
  for (auto& f : all)
    if (allowed.count(f.id)) out.push_back(std::move(f));
  return out;
}

std::shared_ptr<const PreparedReport> WebApp::CachedReport(const store::AssessmentRecord& record,
                                                           const std::string& lang) {
  const std::string key_lang = lang == "en" ? "en" : "zh";
  // Benchmarked among its peers as the store holds them now: a report is
  // rendered again when the cohort has changed.
  const PeerCohort peers = peers_.Of(record.rubric_pk);
  return report_cache_.Get(record.id, key_lang, record.result_json + "\n" + peers.key, [&] {
    Diagnostics diags;
    std::vector<Assessment> list = AssessmentsFromJson(record.result_json, "assessment", diags);
    if (list.size() != 1)
      throw std::runtime_error("stored assessment " + std::to_string(record.id) + " does not read back");
    return reports_.at(key_lang)->Render(WithPeers(list[0], *peers.assessments));
  });
}

std::string WebApp::ReportHtml(const store::AssessmentRecord& record, const std::string& lang) {
  if (record.status != store::AssessmentStatus::kSubmitted || record.result_json.empty()) return "";
  return CachedReport(record, lang)->Html();
}

WebResponse WebApp::ReportPage(const store::AssessmentRecord& record, const std::string& lang) {
  WebResponse r;
  if (record.status != store::AssessmentStatus::kSubmitted || record.result_json.empty()) {
    r.csp = ReportCsp(r.body);
    return r;
  }
  r.body = CachedReport(record, lang)->WithNonce(RandomToken(18), r.csp);
  return r;
}

std::optional<Assessment> WebApp::ScoreSaved(const AssessmentInScope& a, const CompiledRubric& rubric,
                                             Diagnostics& diags) {
  const std::string doc =
      AnswersDocument(*rubric.rubric, a.factory, a.record, store_.ListAnswers(a.record.id), UserNames());
  AssessOptions options;
  options.generated_at = FormatUtc(config_.Now());
  return AssessAnswersText(rubric, doc, "assessment-" + std::to_string(a.record.id) + ".json", options, diags);
}

std::map<int64_t, std::string> WebApp::UserNames() {
  std::map<int64_t, std::string> out;
  for (const auto& u : store_.ListUsers()) out[u.id] = u.display_name.empty() ? u.username : u.display_name;
  return out;
}

}  // namespace fa::web
