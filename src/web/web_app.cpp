#include "web/web_app.h"

#include <filesystem>
#include <iostream>

#include "base/text.h"
#include "base/time_format.h"
#include "providers/provider_loader.h"
#include "report/report_renderer.h"
#include "answers/answers_loader.h"
#include "assessment/assessment_json.h"
#include "service/assess.h"
#include "web/assessment_service.h"
#include "web/password.h"
#include "web/route_table.h"

namespace fa::web {

namespace {
const char* kDefaultCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

bool StateChanging(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

/// "scheme://host[:port]" of an Origin or Referer value, lower case, with
/// the scheme's default port dropped; "" when it is not http(s).
std::string OriginOf(const std::string& url) {
  std::string u = AsciiLower(url);
  std::string scheme = u.rfind("https://", 0) == 0 ? "https" : u.rfind("http://", 0) == 0 ? "http" : "";
  if (scheme.empty()) return "";
  std::string authority = u.substr(scheme.size() + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  const std::string default_port = scheme == "https" ? ":443" : ":80";
  if (authority.size() > default_port.size() &&
      authority.compare(authority.size() - default_port.size(), default_port.size(), default_port) == 0)
    authority.resize(authority.size() - default_port.size());
  return authority.empty() ? "" : scheme + "://" + authority;
}

/// Whether a state-changing request comes from this server's own pages: its
/// Origin (or, without one, its Referer) names the Host it was sent to, over
/// https when the cookies are Secure. No Origin and no Referer (a script or
/// the CLI with the CSRF token): true. docs/api.md, "Server limits".
bool SameOrigin(const WebRequest& req, bool secure) {
  std::string source = req.Header("origin");
  if (source.empty()) source = req.Header("referer");
  if (source.empty()) return true;
  const std::string origin = OriginOf(source);
  if (origin.empty() || req.Header("host").empty()) return false;
  for (const char* scheme : {"https", "http"}) {
    if (secure && std::string(scheme) == "http") continue;
    if (origin == OriginOf(std::string(scheme) + "://" + req.Header("host"))) return true;
  }
  return false;
}

}  // namespace

std::string ReportCsp(std::string& html, const std::set<std::string>& trusted_scripts) {
  std::string csp;
  html = PreparedReport(html, trusted_scripts).WithNonce(RandomToken(18), csp);
  return csp;
}

WebApp::WebApp(store::Store& store, WebConfig config)
    : config_(std::move(config)),
      store_(store),
      sessions_(store_, config_),
      throttle_(store_, config_.throttle_max_failures, config_.throttle_window_seconds),
      catalog_(store_),
      peers_(store_),
      pdf_slots_(config_.max_pdf_renders) {
  if (config_.templates_dir.empty()) config_.templates_dir = DefaultTemplatesDir();
  pages_ = std::make_unique<PageRenderer>(config_.templates_dir + "/web");
  Diagnostics diags;
  district_ = LoadReportDistrict(config_.district_file, config_.templates_dir, diags);
  if (!district_)
    throw std::runtime_error(diags.empty() ? "no district file beside the templates (" + config_.templates_dir +
                                                 "/../districts/jiading.yaml); give one with --district"
                                           : "the district file does not load:\n" + diags.Format());
  for (const char* partial : {"partials/table_tools.js.html"}) {
    const std::string file = config_.templates_dir + "/" + partial;
    if (!std::filesystem::exists(file)) continue;  // templates without it: no report runs a script
    const std::string text = ReadFile(file);
    for (std::string_view body : InlineScripts(text)) trusted_scripts_.insert(InlineHash(body));
  }
  LoadProviders();
  for (const RouteTable& table : {SessionRoutes(), StaticRoutes(), FactoryRoutes(), AdminFactoryRoutes(), UserRoutes(),
                                  AssessmentRoutes(), SubmitRoutes(), ReopenRoutes(), ImportRoutes(), WorkbookUploadRoutes(),
                                  AnswerRoutes(),
                                  ReportRoutes(), RankingRoutes(), PortfolioRoutes(), DemandRoutes(), ProviderRoutes(), ProviderAdminRoutes(),
                                  AuditRoutes(), RubricRoutes()})
    for (const RouteRow& row : table) {
      NamedHandler handler = row.handler;
      router_.Add(row.method, row.pattern, row.roles, [this, handler](RequestContext& ctx) {
        return handler(*this, ctx);
      }).before_password_change = row.before_password_change;
    }
}

WebApp::~WebApp() = default;

std::string WebApp::BootstrapAdmin(const std::string& password) {
  if (store_.CountUsers() > 0) return "";
  std::string pw = password.empty() ? RandomToken(15) : password;
  store::User u;
  u.username = "admin";
  u.display_name = "";  // no name of its own: pages call it by its role, in their language
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
  ctx.zone = &config_.zone;
  ctx.now = config_.Now();
  WebResponse r;
  try {
    r = Dispatch(req, ctx);
  } catch (const store::StoreError& e) {
    std::cerr << "serve: store error: " << e.what() << "\n";
    r = Refuse(ctx, 503, "store_unavailable", "the database is unavailable", ctx.Label("service_unavailable"),
               ctx.Label("database_unavailable"));
  } catch (const std::exception& e) {
    std::cerr << "serve: internal error on " << req.method << " " << req.path << ": " << e.what() << "\n";
    r = Refuse(ctx, 500, "internal_error", "internal error", ctx.Label("internal_error"),
               ctx.Label("internal_error_message"));
  }
  for (const auto& c : ctx.set_cookies) r.Header("Set-Cookie", c);
  AddSecurityHeaders(ctx, r);
  return r;
}

WebResponse WebApp::Dispatch(WebRequest& req, RequestContext& ctx) {
  const bool api = req.IsApi();
  if (req.body.size() > config_.max_body_bytes)
    return Refuse(ctx, 413, "body_too_large", "request body too large", ctx.Label("too_large"),
                  ctx.Label("body_too_large"), {"at most " + std::to_string(config_.max_body_bytes) + " bytes"});

  if (req.length_missing)
    return Refuse(ctx, 411, "length_required", "Content-Length required", ctx.Label("invalid_request"),
                  ctx.Label("length_required"));

  if (!req.malformed.empty() || !req.ReadForm())
    return Refuse(ctx, 400, "malformed", "malformed request", ctx.Label("invalid_request"),
                  ctx.Label("malformed_request"), {req.malformed});

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
      return Refuse(ctx, 405, "method_not_allowed", "method not allowed", ctx.Label("unsupported"),
                    ctx.Label("method_not_allowed"));
    return api ? JsonError(404, "not_found", "not found") : pages_->NotFound(ctx);
  }
  req.params = match.params;
  const Route& route = *match.route;
  const unsigned bit = ctx.user ? RoleBit(ctx.user->role) : kAnonymous;

  if (!ctx.user && !(route.roles & kAnonymous)) {
    if (!api && req.method == "GET") return Redirect("/login?next=" + UrlEncode(req.path));
    return Refuse(ctx, 401, "sign_in_first", "sign in first", ctx.Label("sign_in_first"), ctx.Label("session_ended"));
  }
  if (StateChanging(req.method) && !SameOrigin(req, config_.secure_cookies))
    return Refuse(ctx, 403, "cross_origin", "cross-origin request refused", ctx.Label("invalid_request"),
                  ctx.Label("cross_origin"));
  if (StateChanging(req.method)) {
    std::string given = req.Header("x-csrf-token");
    if (given.empty()) given = req.FormValue("csrf");
    if (ctx.csrf.empty() || given.empty() || !ConstantTimeEquals(given, ctx.csrf))
      return Refuse(ctx, 403, "csrf", "missing or wrong CSRF token", ctx.Label("invalid_request"),
                    ctx.Label("form_expired"));
  }
  if (!(route.roles & bit))
    return Refuse(ctx, 403, "role_forbidden", "not allowed for your role", ctx.Label("no_access"),
                  ctx.Label("role_may_not_open"));
  if (ctx.user && ctx.user->must_change_password && !route.before_password_change) {
    if (api) return JsonError(403, "password_change_required", "change your password first");
    return Redirect("/password");
  }
  return route.handler(ctx);
}

WebResponse WebApp::Refuse(const RequestContext& ctx, int status, const std::string& code, const std::string& english,
                           const std::string& title, const std::string& message,
                           const std::vector<std::string>& details) {
  return ctx.req.IsApi() ? JsonError(status, code, english, details) : pages_->Message(status, title, message, ctx);
}

void WebApp::AddSecurityHeaders(const RequestContext& ctx, WebResponse& r) {
  r.Header("Content-Security-Policy", r.csp.empty() ? kDefaultCsp : r.csp);
  r.Header("X-Content-Type-Options", "nosniff");
  // same-origin, not no-referrer: under no-referrer browsers send "Origin:
  // null" with the pages' own form posts, which the Origin check refuses.
  r.Header("Referrer-Policy", "same-origin");
  r.Header("X-Frame-Options", "DENY");
  r.Header("Cross-Origin-Opener-Policy", "same-origin");
  r.Header("Cross-Origin-Resource-Policy", "same-origin");
  r.Header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (r.FindHeader("Cache-Control").empty()) r.Header("Cache-Control", "no-store");
  // Cookies marked Secure mean the app is served over HTTPS (by a proxy):
  // browsers then refuse plain HTTP to it for a year.
  if (config_.secure_cookies) r.Header("Strict-Transport-Security", "max-age=31536000");
}

std::shared_ptr<const PreparedReport> WebApp::CachedReport(const store::AssessmentRecord& record,
                                                           const std::string& lang) {
  const std::string key_lang = lang == "en" ? "en" : "zh";
  // Benchmarked among its peers as the store holds them now, and compared
  // with the factory's previous round: a report is rendered again when the
  // cohort has changed or an earlier round has been submitted since.
  const PeerCohort peers = peers_.Of(record.rubric_pk);
  const std::optional<store::AssessmentRecord> previous = peers_.PreviousOf(record);
  std::string inputs =
      record.result_json + "\n" + peers.key + "\nprevious:" + (previous ? std::to_string(previous->id) : "none");
  // The report's provider section shows the catalogue in use: an upload renders it again.
  const std::shared_ptr<const ProviderState> state = provider_state();
  inputs += "\nproviders:" + std::to_string(state->id);
  return report_cache_.Get(record.id, key_lang, inputs, [&] {
    Diagnostics diags;
    std::vector<Assessment> list = AssessmentsFromJson(record.result_json, "assessment", diags);
    if (list.size() != 1)
      throw std::runtime_error("stored assessment " + std::to_string(record.id) + " does not read back");
    Assessment shown = WithPeers(list[0], *peers.assessments);
    if (previous) {
      std::vector<Assessment> earlier = AssessmentsFromJson(previous->result_json, "previous assessment", diags);
      if (earlier.size() == 1) AddPrevious(shown, earlier[0]);
    }
    return state->reports.at(key_lang)->Render(shown);
  });
}

std::string WebApp::ReportHtml(const store::AssessmentRecord& record, const std::string& lang) {
  if (record.status != store::AssessmentStatus::kSubmitted || record.result_json.empty()) return "";
  return CachedReport(record, lang)->Html();
}

WebResponse WebApp::ReportPage(const store::AssessmentRecord& record, const std::string& lang,
                               const std::string& nonce) {
  WebResponse r;
  if (record.status != store::AssessmentStatus::kSubmitted || record.result_json.empty()) {
    r.csp = ReportCsp(r.body);
    return r;
  }
  r.body = CachedReport(record, lang)->WithNonce(nonce.empty() ? RandomToken(18) : nonce, r.csp);
  return r;
}

std::optional<Assessment> WebApp::ScoreSaved(const AssessmentInScope& a, const CompiledRubric& rubric,
                                             const std::string& submitter, Diagnostics& diags) {
  const std::time_t now = config_.Now();
  const std::string doc = AnswersDocument(*rubric.rubric, a.factory, a.record, store_.ListAnswers(a.record.id),
                                          UserNames(), config_.zone, SignOff{submitter, LocalIsoDate(now, config_.zone)});
  AssessOptions options;
  options.generated_at = FormatUtc(now);
  return AssessAnswersText(rubric, doc, "assessment-" + std::to_string(a.record.id) + ".json", options, diags);
}

DraftStanding WebApp::StandingOfSaved(const AssessmentInScope& a, const CompiledRubric& rubric,
                                     const std::vector<store::AnswerRecord>& answers) {
  const std::string doc = AnswersDocument(*rubric.rubric, a.factory, a.record, answers, {}, config_.zone);
  Diagnostics diags;
  std::optional<AnswerSet> set = LoadAnswerSetFromString(doc, "draft.json", diags);
  return StandingOfDraft(rubric, set ? std::move(*set) : AnswerSet{});
}

std::map<int64_t, std::string> WebApp::UserNames() {
  std::map<int64_t, std::string> out;
  for (const auto& u : store_.ListUsers()) out[u.id] = u.display_name.empty() ? u.username : u.display_name;
  return out;
}

}  // namespace fa::web
