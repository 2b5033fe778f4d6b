// The JSON API for signing in, factories, assessments and answers
// (docs/api.md). Per-factory scope: a factory outside the caller's scope is
// answered 404, exactly as one that does not exist.
#include <algorithm>

#include "base/json_writer.h"
#include "assessment/assessment_json.h"
#include "web/api_json.h"
#include "web/assessment_service.h"
#include "web/password.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

WebResponse NotFound() { return JsonError(404, "not found"); }

std::string UserBody(const store::User& u, const std::string& csrf) {
  JsonWriter w(false);
  w.BeginObject().Key("user");
  WriteUser(w, u);
  w.Field("csrf", csrf).EndObject();
  return w.str();
}

}  // namespace

void WebApp::AddApiRoutes() {
  // ---- signing in ----
  router_.Add("GET", "/api/csrf", kEveryone, [this](RequestContext& ctx) {
    std::string token = ctx.csrf;
    if (!ctx.user && token.empty()) {
      token = RandomToken();
      ctx.set_cookies.push_back(sessions_.Cookie(kLoginCsrfCookie, token, 3600));
    }
    JsonWriter w(false);
    w.BeginObject().Field("csrf", token).EndObject();
    return JsonResponse(200, w.str());
  }).before_password_change = true;

  router_.Add("POST", "/api/login", kEveryone, [this](RequestContext& ctx) {
    auto body = ParseJsonObject(ctx.req.body);
    auto username = JsonString(body, "username");
    auto password = JsonString(body, "password");
    if (!username || !password) return JsonError(400, "username and password are required");
    const std::time_t now = config_.Now();
    if (int wait = throttle_.RetryAfter(*username, ctx.req.client_address, now)) {
      WebResponse r = JsonError(429, "too many failed sign-ins; try again later");
      r.Header("Retry-After", std::to_string(wait));
      return r;
    }
    std::optional<store::User> user = store_.FindUser(*username);
    // Verify against a dummy hash when the user is unknown, so timing does
    // not reveal which usernames exist.
    static const std::string dummy = HashPassword("dummy password");
    bool ok = VerifyPassword(*password, user ? user->password_hash : dummy) && user && user->active;
    if (!ok) {
      throttle_.Failed(*username, ctx.req.client_address, now);
      return JsonError(401, "wrong username or password");
    }
    throttle_.Succeeded(*username);
    if (ctx.user) {
      auto old = ctx.req.cookies.find(kSessionCookie);
      if (old != ctx.req.cookies.end()) sessions_.End(old->second);
    }
    SessionManager::Started s = sessions_.Start(user->id);
    ctx.set_cookies.push_back(sessions_.SessionCookie(s.token));
    ctx.set_cookies.push_back(sessions_.Cookie(kLoginCsrfCookie, "", 0));
    return JsonResponse(200, UserBody(*user, s.session.csrf_token));
  }).before_password_change = true;

  router_.Add("POST", "/api/logout", kSignedIn, [this](RequestContext& ctx) {
    auto c = ctx.req.cookies.find(kSessionCookie);
    if (c != ctx.req.cookies.end()) sessions_.End(c->second);
    ctx.set_cookies.push_back(sessions_.ClearSessionCookie());
    return JsonResponse(200, "{\"ok\":true}");
  }).before_password_change = true;

  router_.Add("GET", "/api/me", kSignedIn, [](RequestContext& ctx) {
    return JsonResponse(200, UserBody(*ctx.user, ctx.csrf));
  }).before_password_change = true;

  router_.Add("POST", "/api/password", kSignedIn, [this](RequestContext& ctx) {
    auto body = ParseJsonObject(ctx.req.body);
    auto current = JsonString(body, "current");
    auto next = JsonString(body, "new");
    if (!current || !next) return JsonError(400, "current and new are required");
    if (!VerifyPassword(*current, ctx.user->password_hash)) return JsonError(403, "the current password is wrong");
    if (next->size() < 10) return JsonError(400, "the new password is too short", {"at least 10 characters"});
    if (*next == *current) return JsonError(400, "the new password must differ from the current one");
    store_.SetPasswordHash(ctx.user->id, HashPassword(*next), false, ctx.Actor());
    return JsonResponse(200, "{\"ok\":true}");
  }).before_password_change = true;

  // ---- factories ----
  router_.Add("GET", "/api/factories", kSignedIn, [this](RequestContext& ctx) {
    JsonWriter w(false);
    w.BeginObject().Key("factories").BeginArray();
    for (const auto& f : VisibleFactories(ctx)) WriteFactory(w, f);
    w.EndArray().EndObject();
    return JsonResponse(200, w.str());
  });
  router_.Add("GET", "/api/factories/{id}", kSignedIn, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto f = id ? ReadableFactory(ctx, *id) : std::nullopt;
    if (!f) return NotFound();
    JsonWriter w(false);
    WriteFactory(w, *f);
    return JsonResponse(200, w.str());
  });
  router_.Add("GET", "/api/factories/{id}/assessments", kSignedIn, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto f = id ? ReadableFactory(ctx, *id) : std::nullopt;
    if (!f) return NotFound();
    JsonWriter w(false);
    w.BeginObject().Key("assessments").BeginArray();
    for (const auto& a : store_.ListAssessments(f->id)) WriteAssessment(w, a, std::nullopt);
    w.EndArray().EndObject();
    return JsonResponse(200, w.str());
  });
  router_.Add("POST", "/api/factories/{id}/assessments", kConsultantRole, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto f = id ? ReadableFactory(ctx, *id) : std::nullopt;
    if (!f) return NotFound();
    auto body = ParseJsonObject(ctx.req.body);
    auto rubric = JsonInt(body, "rubric");
    auto round = JsonString(body, "round");
    if (!rubric || !round || round->empty() || round->size() > 40)
      return JsonError(400, "rubric (id) and round are required");
    auto record = store_.GetRubric(*rubric);
    if (!record || !record->active) return JsonError(400, "no such active rubric", {std::to_string(*rubric)});
    store::AssessmentRecord a;
    a.factory_id = f->id;
    a.rubric_pk = *rubric;
    a.round = *round;
    a.created_by = ctx.user->id;
    store::AssessmentRecord created = store_.CreateAssessment(a, ctx.Actor());
    JsonWriter w(false);
    WriteAssessment(w, created, std::nullopt);
    return JsonResponse(201, w.str());
  });

  // ---- assessments ----
  router_.Add("GET", "/api/assessments", kSignedIn, [this](RequestContext& ctx) {
    JsonWriter w(false);
    w.BeginObject().Key("assessments").BeginArray();
    for (const auto& f : VisibleFactories(ctx))
      for (const auto& a : store_.ListAssessments(f.id)) WriteAssessment(w, a, std::nullopt);
    w.EndArray().EndObject();
    return JsonResponse(200, w.str());
  });
  router_.Add("GET", "/api/assessments/{id}", kSignedIn, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto a = id ? ReadableAssessment(ctx, *id) : std::nullopt;
    if (!a) return NotFound();
    std::optional<Progress> progress;
    if (auto rubric = catalog_.Get(a->record.rubric_pk))
      progress = ComputeProgress(*rubric->rubric, a->factory, store_.ListAnswers(a->record.id));
    JsonWriter w(false);
    WriteAssessment(w, a->record, progress);
    return JsonResponse(200, w.str());
  });
  router_.Add("GET", "/api/assessments/{id}/answers", kSignedIn, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto a = id ? ReadableAssessment(ctx, *id) : std::nullopt;
    if (!a) return NotFound();
    JsonWriter w(false);
    w.BeginObject().Key("version").Int(a->record.version);
    w.Key("answers").BeginArray();
    for (const auto& ans : store_.ListAnswers(a->record.id)) WriteAnswer(w, ans);
    w.EndArray().EndObject();
    return JsonResponse(200, w.str());
  });
  router_.Add("PUT", "/api/assessments/{id}/answers/{criterion}", kConsultantRole, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto a = id ? ReadableAssessment(ctx, *id) : std::nullopt;
    if (!a) return NotFound();
    if (!CanEditFactory(ctx, a->factory.id)) return JsonError(403, "you cannot edit this assessment");
    if (a->record.status == store::AssessmentStatus::kSubmitted)
      return JsonError(409, "the assessment is submitted and can no longer change");
    std::string problem;
    auto rubric = catalog_.Get(a->record.rubric_pk, &problem);
    if (!rubric) return JsonError(500, "the assessment's rubric does not load");
    const Criterion* criterion = rubric->rubric->FindCriterion(ctx.Param("criterion"));
    if (!criterion) return NotFound();
    auto body = ParseJsonObject(ctx.req.body);
    auto version = JsonInt(body, "version");
    if (!body || !version) return JsonError(400, "a JSON object with the answer's version is required");
    std::vector<std::string> problems;
    std::string value = CanonicalAnswerValue(*rubric->rubric, *criterion, JsonValueText(body, "value"), problems);
    std::string evidence = JsonString(body, "evidence").value_or("");
    std::string note = JsonString(body, "note").value_or("");
    if (evidence.size() > 20000 || note.size() > 20000) problems.push_back("evidence and note hold at most 20000 bytes");
    if (!problems.empty()) return JsonError(400, "the value is not valid for this question", problems);
    store::SaveAnswer save;
    save.assessment_id = a->record.id;
    save.criterion = criterion->id;
    save.value_json = value;
    save.evidence = evidence;
    save.note = note;
    save.base_version = *version;
    store::EditResult<store::AnswerRecord> r = store_.SaveAnswerValue(save, ctx.Actor());
    JsonWriter w(false);
    switch (r.status) {
      case store::EditStatus::kSaved:
        WriteAnswer(w, r.current);
        return JsonResponse(200, w.str());
      case store::EditStatus::kConflict: {
        store::AnswerRecord yours = r.current;
        yours.value_json = value;
        yours.evidence = evidence;
        yours.note = note;
        yours.version = *version;
        w.BeginObject().Field("error", "someone else changed this answer").Field("details", std::vector<std::string>{});
        w.Key("current");
        WriteAnswer(w, r.current);
        w.Key("yours");
        WriteAnswer(w, yours);
        w.EndObject();
        return JsonResponse(409, w.str());
      }
      case store::EditStatus::kImmutable:
        return JsonError(409, "the assessment is submitted and can no longer change");
      case store::EditStatus::kNotFound: return NotFound();
      default: return JsonError(400, "not saved");
    }
  });
  router_.Add("POST", "/api/assessments/{id}/submit", kConsultantRole, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto a = id ? ReadableAssessment(ctx, *id) : std::nullopt;
    if (!a) return NotFound();
    if (!CanEditFactory(ctx, a->factory.id)) return JsonError(403, "you cannot submit this assessment");
    if (a->record.status == store::AssessmentStatus::kSubmitted)
      return JsonError(409, "the assessment is already submitted");
    auto rubric = catalog_.Get(a->record.rubric_pk);
    if (!rubric) return JsonError(500, "the assessment's rubric does not load");
    Diagnostics diags;
    std::optional<Assessment> scored = ScoreSaved(*a, *rubric, diags);
    if (!scored) {
      std::vector<std::string> details;
      for (const auto& d : diags.items())
        if (d.severity == Severity::kError) details.push_back(d.message);
      return JsonError(400, "the answers are not complete or not valid", details);
    }
    auto r = store_.Submit(a->record.id, a->record.version, AssessmentsToJson({*scored}),
                           scored->provenance.answers_sha256, ctx.Actor());
    if (r.status == store::EditStatus::kConflict)
      return JsonError(409, "an answer was saved meanwhile; submit again");
    if (r.status != store::EditStatus::kSaved) return JsonError(409, "the assessment is already submitted");
    JsonWriter w(false);
    WriteAssessment(w, r.current, std::nullopt);
    return JsonResponse(200, w.str());
  });
  router_.Add("GET", "/api/assessments/{id}/result", kSignedIn, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto a = id ? ReadableAssessment(ctx, *id) : std::nullopt;
    if (!a) return NotFound();
    if (a->record.status != store::AssessmentStatus::kSubmitted) return JsonError(404, "not submitted yet");
    return JsonResponse(200, a->record.result_json);
  });
  router_.Add("GET", "/api/assessments/{id}/answers-file", kSignedIn, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto a = id ? ReadableAssessment(ctx, *id) : std::nullopt;
    if (!a) return NotFound();
    auto rubric = catalog_.Get(a->record.rubric_pk);
    if (!rubric) return JsonError(500, "the assessment's rubric does not load");
    return JsonResponse(200, AnswersDocument(*rubric->rubric, a->factory, a->record,
                                             store_.ListAnswers(a->record.id), UserNames()));
  });
  router_.Add("GET", "/api/assessments/{id}/report", kSignedIn, [this](RequestContext& ctx) {
    auto id = ParseId(ctx.Param("id"));
    auto a = id ? ReadableAssessment(ctx, *id) : std::nullopt;
    if (!a) return NotFound();
    if (a->record.status != store::AssessmentStatus::kSubmitted) return JsonError(404, "not submitted yet");
    return ReportPage(a->record, ctx.lang);
  });
}

}  // namespace fa::web
