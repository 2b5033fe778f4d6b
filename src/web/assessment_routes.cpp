// Assessments: start one for a factory, the questionnaire page, submit, and
// the submitted result and answers document — pages and API. Starting and
// submitting are one operation each (StartAssessment, SubmitAssessment:
// scope check, scoring through WebApp::ScoreSaved, the store's submit and
// its conflicts) with a page rendering and an API rendering.
#include "assessment/assessment_json.h"
#include "web/access_policy.h"
#include "web/api_json.h"
#include "web/questionnaire_page.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

enum class Start { kStarted, kFieldsMissing, kNoActiveRubric };

Start StartAssessment(WebApp& app, const RequestContext& ctx, const store::Factory& f, std::optional<int64_t> rubric,
                      const std::string& round, store::AssessmentRecord& created) {
  if (!rubric || round.empty() || round.size() > 40) return Start::kFieldsMissing;
  std::optional<store::RubricRecord> record = app.store().GetRubric(*rubric);
  if (!record || !record->active) return Start::kNoActiveRubric;
  store::AssessmentRecord a;
  a.factory_id = f.id;
  a.rubric_pk = record->id;
  a.round = round;
  a.created_by = ctx.user->id;
  created = app.store().CreateAssessment(a, ctx.Actor());
  return Start::kStarted;
}

struct Submitted {
  enum Outcome { kNotFound, kNotEditable, kAlreadySubmitted, kRubricMissing, kIncomplete, kChangedMeanwhile, kDone };
  Outcome outcome = kNotFound;
  std::optional<AssessmentInScope> assessment;
  std::shared_ptr<const CompiledRubric> rubric;
  std::vector<std::string> problems;  ///< why the answers do not score (kIncomplete)
  store::AssessmentRecord record;     ///< as submitted (kDone)
};

/// Scores the saved answers of the path's assessment and submits the result.
Submitted SubmitAssessment(WebApp& app, const RequestContext& ctx) {
  Submitted out;
  auto finish = [&out](Submitted::Outcome outcome) {
    out.outcome = outcome;
    return out;
  };
  out.assessment = ReadableAssessmentInPath(app.store(), ctx);
  if (!out.assessment) return out;
  const AssessmentInScope& a = *out.assessment;
  if (!CanEditFactory(app.store(), ctx, a.factory.id)) return finish(Submitted::kNotEditable);
  if (a.record.status == store::AssessmentStatus::kSubmitted) return finish(Submitted::kAlreadySubmitted);
  out.rubric = app.rubrics().Get(a.record.rubric_pk);
  if (!out.rubric) return finish(Submitted::kRubricMissing);
  Diagnostics diags;
  const std::string submitter = ctx.user->display_name.empty() ? ctx.user->username : ctx.user->display_name;
  std::optional<Assessment> scored = app.ScoreSaved(a, *out.rubric, submitter, diags);
  if (!scored) {
    out.problems = DiagnosticLines(diags);
    return finish(Submitted::kIncomplete);
  }
  auto r = app.store().Submit(a.record.id, a.record.version, AssessmentsToJson({*scored}),
                              scored->provenance.answers_sha256, ctx.Actor());
  if (r.status == store::EditStatus::kConflict) return finish(Submitted::kChangedMeanwhile);
  if (r.status != store::EditStatus::kSaved) return finish(Submitted::kAlreadySubmitted);
  out.record = r.current;
  return finish(Submitted::kDone);
}

/// The questionnaire of a draft, with the submit's problems when there are.
WebResponse QuestionnaireResponse(WebApp& app, const RequestContext& ctx, const AssessmentInScope& a,
                                  const CompiledRubric& rubric, const std::vector<std::string>& submit_errors) {
  QuestionnairePageInput in{*rubric.rubric, a.factory, a.record, app.store().ListAnswers(a.record.id),
                            CanEditFactory(app.store(), ctx, a.factory.id), ctx.req.Query("error")};
  EscapedView v = BuildQuestionnairePage(in, ctx);
  if (!submit_errors.empty()) v.TextList("submit_errors", submit_errors);
  return app.pages().Page("questionnaire", a.factory.name + " · " + a.record.round, v, ctx,
                          submit_errors.empty() ? 200 : 400);
}

// ---- API ----

WebResponse ListAssessmentsApi(WebApp& app, RequestContext& ctx) {
  std::vector<store::AssessmentRecord> all;
  for (const auto& f : VisibleFactories(app.store(), ctx))
    for (auto& a : app.store().ListAssessments(f.id)) all.push_back(std::move(a));
  return ListJson("assessments", WriteAssessmentRecord, all);
}

WebResponse FactoryAssessmentsApi(WebApp& app, RequestContext& ctx) {
  auto f = ReadableFactoryInPath(app.store(), ctx);
  if (!f) return JsonError(404, "not_found", "not found");
  return ListJson("assessments", WriteAssessmentRecord, app.store().ListAssessments(f->id));
}

WebResponse StartAssessmentApi(WebApp& app, RequestContext& ctx) {
  auto f = ReadableFactoryInPath(app.store(), ctx);
  if (!f) return JsonError(404, "not_found", "not found");
  auto body = ParseJsonObject(ctx.req.body);
  auto rubric = JsonInt(body, "rubric");
  store::AssessmentRecord created;
  switch (StartAssessment(app, ctx, *f, rubric, JsonString(body, "round").value_or(""), created)) {
    case Start::kFieldsMissing: return JsonError(400, "fields_required", "rubric (id) and round are required");
    case Start::kNoActiveRubric:
      return JsonError(400, "no_active_rubric", "no such active rubric", {std::to_string(*rubric)});
    case Start::kStarted: break;
  }
  return RecordJson(201, WriteAssessmentRecord, created);
}

WebResponse GetAssessmentApi(WebApp& app, RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return JsonError(404, "not_found", "not found");
  std::optional<Progress> progress;
  if (auto rubric = app.rubrics().Get(a->record.rubric_pk))
    progress = ComputeProgress(*rubric->rubric, a->factory, app.store().ListAnswers(a->record.id));
  JsonWriter w(false);
  WriteAssessment(w, a->record, progress);
  return JsonResponse(200, w.str());
}

WebResponse SubmitAssessmentApi(WebApp& app, RequestContext& ctx) {
  Submitted s = SubmitAssessment(app, ctx);
  switch (s.outcome) {
    case Submitted::kNotFound: return JsonError(404, "not_found", "not found");
    case Submitted::kNotEditable: return JsonError(403, "not_editable", "you cannot submit this assessment");
    case Submitted::kAlreadySubmitted: return JsonError(409, "submitted", "the assessment is already submitted");
    case Submitted::kRubricMissing:
      return JsonError(500, "rubric_unavailable", "the assessment's rubric does not load");
    case Submitted::kIncomplete:
      return JsonError(400, "answers_incomplete", "the answers are not complete or not valid", s.problems);
    case Submitted::kChangedMeanwhile:
      return JsonError(409, "stale_version", "an answer was saved meanwhile; submit again");
    case Submitted::kDone: break;
  }
  return RecordJson(200, WriteAssessmentRecord, s.record);
}

WebResponse AssessmentResultApi(WebApp& app, RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return JsonError(404, "not_found", "not found");
  if (a->record.status != store::AssessmentStatus::kSubmitted)
    return JsonError(404, "not_submitted", "not submitted yet");
  return JsonResponse(200, a->record.result_json);
}

WebResponse AnswersFileApi(WebApp& app, RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return JsonError(404, "not_found", "not found");
  auto rubric = app.rubrics().Get(a->record.rubric_pk);
  if (!rubric) return JsonError(500, "rubric_unavailable", "the assessment's rubric does not load");
  // A submitted one: the document it was scored from, signed off as then.
  SignOff sign_off;
  if (a->record.status == store::AssessmentStatus::kSubmitted) {
    Diagnostics diags;
    std::vector<Assessment> result = AssessmentsFromJson(a->record.result_json, "assessment", diags);
    if (result.size() == 1) sign_off = {result[0].assessor, result[0].date};
  }
  return JsonResponse(200, AnswersDocument(*rubric->rubric, a->factory, a->record,
                                           app.store().ListAnswers(a->record.id), app.UserNames(), sign_off));
}

// ---- pages ----

WebResponse StartAssessmentPage(WebApp& app, RequestContext& ctx) {
  auto f = ReadableFactoryInPath(app.store(), ctx);
  if (!f) return app.pages().NotFound(ctx);
  store::AssessmentRecord created;
  if (StartAssessment(app, ctx, *f, ParseId(ctx.req.FormValue("rubric")), ctx.req.FormValue("round"), created) !=
      Start::kStarted)
    return app.pages().Message(400, ctx.Label("not_created"), ctx.Label("choose_rubric_and_round"), ctx);
  return Redirect("/assessments/" + std::to_string(created.id));
}

WebResponse QuestionnairePage(WebApp& app, RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return app.pages().NotFound(ctx);
  if (a->record.status == store::AssessmentStatus::kSubmitted)
    return Redirect("/assessments/" + std::to_string(a->record.id) + "/report");
  std::string problem;
  auto rubric = app.rubrics().Get(a->record.rubric_pk, &problem);
  if (!rubric) return app.pages().Message(500, ctx.Label("rubric_does_not_load"), problem, ctx);
  return QuestionnaireResponse(app, ctx, *a, *rubric, {});
}

WebResponse SubmitAssessmentPage(WebApp& app, RequestContext& ctx) {
  Submitted s = SubmitAssessment(app, ctx);
  const std::string base = s.assessment ? "/assessments/" + std::to_string(s.assessment->record.id) : "";
  switch (s.outcome) {
    case Submitted::kNotFound: return app.pages().NotFound(ctx);
    case Submitted::kNotEditable:
      return app.pages().Message(403, ctx.Label("not_allowed"), ctx.Label("cannot_submit"), ctx);
    case Submitted::kRubricMissing: return app.pages().Message(500, ctx.Label("rubric_does_not_load"), "", ctx);
    case Submitted::kIncomplete: return QuestionnaireResponse(app, ctx, *s.assessment, *s.rubric, s.problems);
    case Submitted::kChangedMeanwhile: return Redirect(base);
    case Submitted::kAlreadySubmitted:
    case Submitted::kDone: break;
  }
  return Redirect(base + "/report");
}

}  // namespace

RouteTable AssessmentRoutes() {
  return {
      {"GET", "/api/assessments", kSignedIn, ListAssessmentsApi},
      {"GET", "/api/factories/{id}/assessments", kSignedIn, FactoryAssessmentsApi},
      {"POST", "/api/factories/{id}/assessments", kConsultantRole, StartAssessmentApi},
      {"GET", "/api/assessments/{id}", kSignedIn, GetAssessmentApi},
      {"POST", "/api/assessments/{id}/submit", kConsultantRole, SubmitAssessmentApi},
      {"GET", "/api/assessments/{id}/result", kSignedIn, AssessmentResultApi},
      {"GET", "/api/assessments/{id}/answers-file", kSignedIn, AnswersFileApi},
      {"POST", "/factories/{id}/assessments", kConsultantRole, StartAssessmentPage},
      {"GET", "/assessments/{id}", kSignedIn, QuestionnairePage},
      {"POST", "/assessments/{id}/submit", kConsultantRole, SubmitAssessmentPage},
  };
}

}  // namespace fa::web
