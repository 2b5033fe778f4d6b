// The HTML pages everyone uses: sign-in, password, the dashboard of each
// role, a factory with its assessment history, the questionnaire, submit,
// the report (HTML and PDF), the ranking and the audit log. Static files
// (CSS, the autosave script) come from templates/web/static.
#include <fstream>
#include <set>

#include "base/atomic_file.h"
#include "base/env.h"
#include "base/text.h"
#include "base/time_format.h"
#include "report/pdf_printer.h"
#include "assessment/assessment_json.h"
#include "assessment/ranking.h"
#include "web/assessment_service.h"
#include "web/password.h"
#include "web/questionnaire_page.h"
#include "web/web_app.h"

namespace fa::web {

std::optional<Ranking> RankFromRequest(WebApp& app, const RequestContext& ctx, Diagnostics& diags);
std::vector<std::string> RankingConfigNames(const std::string& dir);
std::vector<std::string> DiagnosticLines(const Diagnostics& diags);
EscapedView RankingPageView(const Ranking& ranking, const RequestContext& ctx);

namespace {

std::string ContentTypeFor(const std::string& name) {
  auto ends = [&](const char* s) {
    std::string x = s;
    return name.size() >= x.size() && name.compare(name.size() - x.size(), x.size(), x) == 0;
  };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  return "application/octet-stream";
}

bool SafeNext(const std::string& next) {
  return !next.empty() && next[0] == '/' && (next.size() == 1 || (next[1] != '/' && next[1] != '\\'));
}

}  // namespace

EscapedView AssessmentRowView(const store::AssessmentRecord& a, const std::optional<Progress>& p,
                              const std::string& rubric_title, const RequestContext& ctx) {
  EscapedView v;
  v.Int("id", a.id);
  v.Text("round", a.round);
  v.Text("rubric", rubric_title);
  v.Flag("submitted", a.status == store::AssessmentStatus::kSubmitted);
  v.Text("status", a.status == store::AssessmentStatus::kSubmitted ? ctx.T("已提交", "submitted") : ctx.T("草稿", "draft"));
  v.Text("updated", a.status == store::AssessmentStatus::kSubmitted ? a.submitted_at : a.updated_at);
  if (p) {
    v.Flag("has_progress", true);
    v.Int("answered", p->answered);
    v.Int("applicable", p->applicable);
    v.Int("percent", p->Percent());
  }
  return v;
}

EscapedView WebApp_FactoryView(WebApp& app, const store::Factory& f, const RequestContext& ctx, bool with_progress) {
  EscapedView v;
  v.Int("id", f.id);
  v.Text("name", f.name);
  v.Text("credit_code", f.credit_code);
  v.Text("town", f.town);
  v.Text("industry", f.industry);
  v.Text("manufacturing_type", f.manufacturing_type);
  v.Text("employees", f.employees ? FormatNumber(*f.employees) : "");
  v.Text("revenue", f.revenue ? FormatNumber(*f.revenue) : "");
  std::map<int64_t, std::string> titles;
  for (const auto& r : app.store().ListRubrics()) titles[r.id] = r.title + " " + r.version;
  std::vector<EscapedView> rows;
  for (const auto& a : app.store().ListAssessments(f.id)) {
    std::optional<Progress> p;
    if (with_progress && a.status == store::AssessmentStatus::kDraft)
      if (auto rubric = app.rubrics().Get(a.rubric_pk)) p = ComputeProgress(*rubric->rubric, f, app.store().ListAnswers(a.id));
    rows.push_back(AssessmentRowView(a, p, titles[a.rubric_pk], ctx));
  }
  v.List("assessments", rows);
  v.Int("assessment_count", static_cast<long long>(rows.size()));
  return v;
}

void WebApp::AddPageRoutes() {
  router_.Add("GET", "/static/{file}", kEveryone, [this](RequestContext& ctx) {
    const std::string& name = ctx.Param("file");
    static const std::set<std::string> allowed = {"app.css", "questionnaire.js", "admin.js", "favicon.svg"};
    if (!allowed.count(name)) return pages_->Message(404, "Not found", "Not found", ctx);
    WebResponse r;
    r.content_type = ContentTypeFor(name);
    r.body = ReadFile(pages_->dir() + "/static/" + name);
    r.Header("Cache-Control", "no-cache");
    return r;
  }).before_password_change = true;

  router_.Add("GET", "/login", kEveryone, [this](RequestContext& ctx) {
    if (ctx.user) return Redirect("/");
    if (ctx.csrf.empty()) {
      ctx.csrf = RandomToken();
      ctx.set_cookies.push_back(sessions_.Cookie(kLoginCsrfCookie, ctx.csrf, 3600));
    }
    EscapedView v;
    std::string next = ctx.req.Query("next");
    v.Text("next", SafeNext(next) ? next : "/");
    return pages_->Page("login", ctx.T("登录", "Sign in"), v, ctx);
  }).before_password_change = true;

  router_.Add("POST", "/login", kEveryone, [this](RequestContext& ctx) {
    const auto& form = ctx.req.Form();
    auto get = [&](const char* k) {
      auto it = form.find(k);
      return it == form.end() ? std::string() : it->second;
    };
    std::string username = get("username"), password = get("password"), next = get("next");
    EscapedView v;
    v.Text("next", SafeNext(next) ? next : "/");
    v.Text("username", username);
    const std::time_t now = config_.Now();
    if (int wait = throttle_.RetryAfter(username, ctx.req.client_address, now)) {
      v.Text("error", std::string(ctx.T("登录失败次数过多，请在 ", "Too many failed sign-ins; try again in ")) +
                          std::to_string((wait + 59) / 60) + ctx.T(" 分钟后再试。", " minutes."));
      WebResponse r = pages_->Page("login", ctx.T("登录", "Sign in"), v, ctx, 429);
      r.Header("Retry-After", std::to_string(wait));
      return r;
    }
    std::optional<store::User> user = store_.FindUser(username);
    static const std::string dummy = HashPassword("dummy password");
    bool ok = VerifyPassword(password, user ? user->password_hash : dummy) && user && user->active;
    if (!ok) {
      throttle_.Failed(username, ctx.req.client_address, now);
      v.Text("error", ctx.T("用户名或密码错误。", "Wrong username or password."));
      return pages_->Page("login", ctx.T("登录", "Sign in"), v, ctx, 401);
    }
    throttle_.Succeeded(username);
    SessionManager::Started s = sessions_.Start(user->id);
    ctx.set_cookies.push_back(sessions_.SessionCookie(s.token));
    ctx.set_cookies.push_back(sessions_.Cookie(kLoginCsrfCookie, "", 0));
    return Redirect(user->must_change_password ? "/password" : (SafeNext(next) ? next : "/"));
  }).before_password_change = true;

  router_.Add("POST", "/logout", kSignedIn, [this](RequestContext& ctx) {
    auto c = ctx.req.cookies.find(kSessionCookie);
    if (c != ctx.req.cookies.end()) sessions_.End(c->second);
    ctx.set_cookies.push_back(sessions_.ClearSessionCookie());
    return Redirect("/login");
  }).before_password_change = true;

  router_.Add("GET", "/password", kSignedIn, [this](RequestContext& ctx) {
    return pages_->Page("password", ctx.T("修改密码", "Change password"), EscapedView(), ctx);
  }).before_password_change = true;

  router_.Add("POST", "/password", kSignedIn, [this](RequestContext& ctx) {
    const auto& form = ctx.req.Form();
    auto get = [&](const char* k) {
      auto it = form.find(k);
      return it == form.end() ? std::string() : it->second;
    };
    std::string current = get("current"), next = get("new"), again = get("again");
    std::string error;
    if (!VerifyPassword(current, ctx.user->password_hash)) error = ctx.T("当前密码不正确。", "The current password is wrong.");
    else if (next.size() < 10) error = ctx.T("新密码至少需要 10 个字符。", "The new password needs at least 10 characters.");
    else if (next != again) error = ctx.T("两次输入的新密码不一致。", "The new passwords differ.");
    else if (next == current) error = ctx.T("新密码不能与当前密码相同。", "The new password must differ from the current one.");
    if (!error.empty()) {
      EscapedView v;
      v.Text("error", error);
      return pages_->Page("password", ctx.T("修改密码", "Change password"), v, ctx, 400);
    }
    store_.SetPasswordHash(ctx.user->id, HashPassword(next), false, ctx.Actor());
    return Redirect("/");
  }).before_password_change = true;

  router_.Add("GET", "/", kSignedIn, [this](RequestContext& ctx) {
    EscapedView v;
    std::vector<EscapedView> factories;
    const bool progress = ctx.Is(store::Role::kConsultant);
    for (const auto& f : VisibleFactories(ctx)) factories.push_back(WebApp_FactoryView(*this, f, ctx, progress));
    v.List("factories", factories);
    v.Int("factory_count", static_cast<long long>(factories.size()));
    return pages_->Page("home", ctx.T("工作台", "Dashboard"), v, ctx);
  });

  router_.Add("GET", "/factories/{id}", kSignedIn, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto f = id ? ReadableFactory(ctx, *id) : std::nullopt;
    if (!f) return pages_->Message(404, ctx.T("未找到", "Not found"), ctx.T("页面不存在。", "There is no such page."), ctx);
    EscapedView v;
    v.Child("factory", WebApp_FactoryView(*this, *f, ctx, true));
    bool can_start = CanEditFactory(ctx, f->id);
    v.Flag("can_start", can_start);
    if (can_start) {
      std::vector<EscapedView> rubrics;
      for (const auto& r : store_.ListRubrics()) {
        if (!r.active) continue;
        EscapedView rv;
        rv.Int("id", r.id);
        rv.Text("title", r.title + " · " + r.rubric_id + " " + r.version);
        rubrics.push_back(rv);
      }
      v.List("rubrics", rubrics);
      v.Text("default_round", FormatUtc(config_.Now()).substr(0, 4));
    }
    return pages_->Page("factory", f->name, v, ctx);
  });

  router_.Add("POST", "/factories/{id}/assessments", kConsultantRole, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto f = id ? ReadableFactory(ctx, *id) : std::nullopt;
    if (!f) return pages_->Message(404, ctx.T("未找到", "Not found"), ctx.T("页面不存在。", "There is no such page."), ctx);
    const auto& form = ctx.req.Form();
    std::optional<int64_t> rubric;
    if (form.count("rubric")) rubric = ParseId(form.at("rubric"));
    std::string round = form.count("round") ? form.at("round") : "";
    std::optional<store::RubricRecord> record;
    if (rubric) record = store_.GetRubric(*rubric);
    if (!rubric || !record || !record->active || round.empty() || round.size() > 40)
      return pages_->Message(400, ctx.T("无法创建", "Not created"), ctx.T("请选择评估模型并填写评估轮次。", "Choose a rubric and give the round."), ctx);
    store::AssessmentRecord a;
    a.factory_id = f->id;
    a.rubric_pk = record->id;
    a.round = round;
    a.created_by = ctx.user->id;
    store::AssessmentRecord created = store_.CreateAssessment(a, ctx.Actor());
    return Redirect("/assessments/" + std::to_string(created.id));
  });

  router_.Add("GET", "/assessments/{id}", kSignedIn, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto a = id ? ReadableAssessment(ctx, *id) : std::nullopt;
    if (!a) return pages_->Message(404, ctx.T("未找到", "Not found"), ctx.T("页面不存在。", "There is no such page."), ctx);
    if (a->record.status == store::AssessmentStatus::kSubmitted) return Redirect("/assessments/" + std::to_string(a->record.id) + "/report");
    std::string problem;
    auto rubric = catalog_.Get(a->record.rubric_pk, &problem);
    if (!rubric) return pages_->Message(500, ctx.T("评估模型无法加载", "Rubric does not load"), problem, ctx);
    QuestionnairePageInput in{*rubric->rubric, a->factory, a->record, store_.ListAnswers(a->record.id),
                              CanEditFactory(ctx, a->factory.id), ctx.req.Query("error")};
    EscapedView v = BuildQuestionnairePage(in, ctx);
    return pages_->Page("questionnaire", a->factory.name + " · " + a->record.round, v, ctx);
  });

  router_.Add("POST", "/assessments/{id}/submit", kConsultantRole, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto a = id ? ReadableAssessment(ctx, *id) : std::nullopt;
    if (!a) return pages_->Message(404, ctx.T("未找到", "Not found"), ctx.T("页面不存在。", "There is no such page."), ctx);
    const std::string base = "/assessments/" + std::to_string(a->record.id);
    if (!CanEditFactory(ctx, a->factory.id)) return pages_->Message(403, ctx.T("无权操作", "Not allowed"), ctx.T("您不能提交此评估。", "You cannot submit this assessment."), ctx);
    if (a->record.status == store::AssessmentStatus::kSubmitted) return Redirect(base + "/report");
    auto rubric = catalog_.Get(a->record.rubric_pk);
    if (!rubric) return pages_->Message(500, ctx.T("评估模型无法加载", "Rubric does not load"), "", ctx);
    Diagnostics diags;
    std::optional<Assessment> scored = ScoreSaved(*a, *rubric, diags);
    if (!scored) {
      QuestionnairePageInput in{*rubric->rubric, a->factory, a->record, store_.ListAnswers(a->record.id), true, ""};
      EscapedView v = BuildQuestionnairePage(in, ctx);
      v.TextList("submit_errors", DiagnosticLines(diags));
      return pages_->Page("questionnaire", a->factory.name + " · " + a->record.round, v, ctx, 400);
    }
    auto r = store_.Submit(a->record.id, a->record.version, AssessmentsToJson({*scored}),
                           scored->provenance.answers_sha256, ctx.Actor());
    if (r.status == store::EditStatus::kConflict) return Redirect(base);
    return Redirect(base + "/report");
  });

  router_.Add("GET", "/assessments/{id}/report", kSignedIn, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto a = id ? ReadableAssessment(ctx, *id) : std::nullopt;
    if (!a || a->record.status != store::AssessmentStatus::kSubmitted)
      return pages_->Message(404, ctx.T("未找到", "Not found"), ctx.T("报告不存在或评估尚未提交。", "No report: the assessment does not exist or is not submitted yet."), ctx);
    return ReportPage(a->record, ctx.lang);
  });

  router_.Add("GET", "/assessments/{id}/report.pdf", kSignedIn, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto a = id ? ReadableAssessment(ctx, *id) : std::nullopt;
    if (!a || a->record.status != store::AssessmentStatus::kSubmitted)
      return pages_->Message(404, ctx.T("未找到", "Not found"), ctx.T("报告不存在或评估尚未提交。", "No report: the assessment does not exist or is not submitted yet."), ctx);
    const TempDir dir("fa-pdf");  // removed when the response is made
    const std::string html = dir.File("report.html"), pdf = dir.File("report.pdf");
    WriteFile(html, ReportHtml(a->record, ctx.lang));
    try {
      PdfPrinter().Print(html, pdf);
    } catch (const PdfError& e) {
      return pages_->Message(503, ctx.T("无法生成 PDF", "PDF not available"),
                             std::string(ctx.T("服务器上无法生成 PDF：", "The server cannot print PDF: ")) + e.what() +
                                 ctx.T(" 可在浏览器中打开 HTML 报告并打印。", " Open the HTML report and print it from the browser."), ctx);
    }
    WebResponse r;
    r.content_type = "application/pdf";
    r.body = ReadFile(pdf);
    r.Header("Content-Disposition", "attachment; filename=\"report-" + std::to_string(a->record.id) + ".pdf\"");
    return r;
  });

  router_.Add("GET", "/ranking", kAdminRole | kCommissionRole, [this](RequestContext& ctx) {
    Diagnostics diags;
    std::optional<Ranking> ranking = RankFromRequest(*this, ctx, diags);
    EscapedView v = ranking ? RankingPageView(*ranking, ctx) : EscapedView();
    v.Flag("has_ranking", ranking.has_value());
    v.TextList("errors", DiagnosticLines(diags));
    std::vector<std::string> names = RankingConfigNames(config_.ranking_dir);
    std::string chosen = ctx.req.Query("config").empty() && !names.empty() ? names.front() : ctx.req.Query("config");
    std::vector<EscapedView> configs;
    for (const auto& n : names) {
      EscapedView c;
      c.Text("name", n);
      c.Flag("selected", n == chosen);
      configs.push_back(c);
    }
    v.List("configs", configs);
    v.Text("town", ctx.req.Query("town"));
    v.Text("industry", ctx.req.Query("industry"));
    v.Text("tier", ctx.req.Query("tier"));
    v.Text("min_level", ctx.req.Query("min_level"));
    std::string q = "config=" + UrlEncode(chosen);
    for (const char* k : {"town", "industry", "tier", "min_level"})
      if (!ctx.req.Query(k).empty()) q += std::string("&") + k + "=" + UrlEncode(ctx.req.Query(k));
    v.Text("query", q);
    return pages_->Page("ranking", ctx.T("候选排序", "Ranking"), v, ctx);
  });

  router_.Add("GET", "/audit", kAdminRole | kCommissionRole, [this](RequestContext& ctx) {
    store::AuditFilter filter;
    filter.limit = 200;
    if (auto b = ParseId(ctx.req.Query("before"))) filter.before_id = *b;
    std::vector<EscapedView> rows;
    int64_t last = 0;
    for (const auto& e : store_.ListAudit(filter)) {
      EscapedView r;
      r.Text("at", e.at);
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
    return pages_->Page("audit", ctx.T("审计日志", "Audit log"), v, ctx);
  });
}

}  // namespace fa::web
