// Assessments: start one for a factory, the questionnaire page, and the
// submitted result and answers document — pages and API. Starting is one
// operation (StartAssessment: the round checked, one open draft per factory
// and round) with a page rendering and an API rendering. Submitting is
// submit_routes.cpp.
#include "assessment/assessment_json.h"
#include "web/access_policy.h"
#include "web/api_json.h"
#include "web/assessment_round.h"
#include "web/factory_page.h"
#include "web/questionnaire_page.h"
#include "web/route_table.h"
#include "web/section_form.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

/// Starting an assessment: the fields as given, checked, and the draft it
/// led to — a new one, or the draft of that factory and round already open.
struct Start {
  enum Outcome { kStarted, kDraftOpen, kRubricMissing, kNoActiveRubric, kRoundMissing, kRoundInvalid };
  Outcome outcome = kRubricMissing;
  std::string round;               ///< normalised when valid, else as given
  store::AssessmentRecord record;  ///< kStarted, kDraftOpen
};

Start StartAssessment(WebApp& app, const RequestContext& ctx, const store::Factory& f, std::optional<int64_t> rubric,
                      const std::string& round) {
  Start out;
  out.round = round;
  const std::optional<std::string> normal = NormalizeRound(round);
  if (normal) out.round = *normal;
  auto finish = [&out](Start::Outcome outcome) {
    out.outcome = outcome;
    return out;
  };
  if (round.find_first_not_of(" \t") == std::string::npos) return finish(Start::kRoundMissing);
  if (!normal) return finish(Start::kRoundInvalid);
  if (!rubric) return finish(Start::kRubricMissing);
  std::optional<store::RubricRecord> record = app.store().GetRubric(*rubric);
  if (!record || !record->active) return finish(Start::kNoActiveRubric);
  store::AssessmentRecord a;
  a.factory_id = f.id;
  a.rubric_pk = record->id;
  a.round = out.round;
  a.created_by = ctx.user->id;
  store::EditResult<store::AssessmentRecord> created = app.store().CreateAssessment(a, ctx.Actor());
  out.record = created.current;
  return finish(created.status == store::EditStatus::kDuplicate ? Start::kDraftOpen : Start::kStarted);
}

/// The count of answers an import saved (?saved=N), "" when it is not one.
std::string SavedCount(const RequestContext& ctx) {
  const std::string saved = ctx.req.Query("saved");
  return !saved.empty() && saved.size() < 7 && saved.find_first_not_of("0123456789") == std::string::npos ? saved
                                                                                                          : "";
}

/// The notice a redirect asked for (?notice=CODE), in the page's language.
std::string NoticeOf(const RequestContext& ctx) {
  const std::string code = ctx.req.Query("notice");
  if (code == "draft_open") return ctx.Label("notice_draft_open");
  if (code == "reopened") return ctx.Label("notice_reopened");
  if (code == "already_reopened") return ctx.Label("notice_already_reopened");
  if (code == "imported" && !SavedCount(ctx).empty()) return ctx.Label("notice_imported", {SavedCount(ctx)});
  if (code == "workbook_applied" && !SavedCount(ctx).empty())
    return ctx.Label("notice_workbook_applied", {SavedCount(ctx)});
  if (code == "section_saved" && !SavedCount(ctx).empty())
    return ctx.Label("notice_section_saved", {SavedCount(ctx)});
  return "";
}

/// The plan of the questionnaire of `a` from its saved `answers`.
QuestionnairePlan PlanOf(WebApp& app, const AssessmentInScope& a, const CompiledRubric& rubric,
                         const std::vector<store::AnswerRecord>& answers) {
  return PlanQuestionnaire(*rubric.rubric, a.factory, answers, app.StandingOfSaved(a, rubric, answers));
}

/// The questionnaire of a draft; `errors` (in the page's language) say why
/// answers of a section saved without script were not saved.
WebResponse QuestionnaireResponse(WebApp& app, const RequestContext& ctx, const AssessmentInScope& a,
                                  const CompiledRubric& rubric, const std::vector<std::string>& errors = {},
                                  const std::string& notice = "", int status = 200) {
  const std::vector<store::AnswerRecord> answers = app.store().ListAnswers(a.record.id);
  const QuestionnairePlan plan = PlanOf(app, a, rubric, answers);
  QuestionnairePageInput in{*rubric.rubric, a.factory, a.record, plan,
                            CanEditFactory(app.store(), ctx, a.factory), ctx.req.Query("unfold") == "1",
                            notice.empty() ? NoticeOf(ctx) : notice};
  EscapedView v = BuildQuestionnairePage(in, ctx);
  v.TextList("errors", errors);
  return app.pages().Page("questionnaire", a.factory.name + " · " + a.record.round, v, ctx, status);
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
  const std::string round = JsonString(body, "round").value_or("");
  Start s = StartAssessment(app, ctx, *f, rubric, round);
  switch (s.outcome) {
    case Start::kRubricMissing:
    case Start::kRoundMissing: return JsonError(400, "fields_required", "rubric (id) and round are required");
    case Start::kRoundInvalid: return JsonError(400, "invalid_round", kRoundRule, {"got '" + round + "'"});
    case Start::kNoActiveRubric:
      return JsonError(400, "no_active_rubric", "no such active rubric", {std::to_string(*rubric)});
    case Start::kDraftOpen:
      return LeadsToJson("draft_open", "a draft of this factory and round is open; continue it", s.record);
    case Start::kStarted: break;
  }
  return RecordJson(201, WriteAssessmentRecord, s.record);
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
                                           app.store().ListAnswers(a->record.id), app.UserNames(), app.config().zone,
                                           sign_off));
}

/// Where a draft stands now (service/draft_standing.h): the level its saved
/// answers reach, the highest level needed now and how many required
/// questions need no answer; the questionnaire asks after autosaves, to say
/// when its folds are out of date.
WebResponse StandingApi(WebApp& app, RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return JsonError(404, "not_found", "not found");
  auto rubric = app.rubrics().Get(a->record.rubric_pk);
  if (!rubric) return JsonError(500, "rubric_unavailable", "the assessment's rubric does not load");
  const DraftStanding s = app.StandingOfSaved(*a, *rubric, app.store().ListAnswers(a->record.id));
  JsonWriter w(false);
  w.BeginObject();
  w.Field("gated", s.gated);
  w.Field("levels", s.levels);
  w.Field("level", s.level);
  w.Field("needed", s.Needed());
  w.Field("not_needed", static_cast<int>(s.not_needed.size()));
  w.EndObject();
  return JsonResponse(200, w.str());
}

// ---- pages ----

WebResponse StartAssessmentPage(WebApp& app, RequestContext& ctx) {
  auto f = ReadableFactoryInPath(app.store(), ctx);
  if (!f) return app.pages().NotFound(ctx);
  StartForm form;
  form.rubric = ParseId(ctx.req.FormValue("rubric"));
  form.round = ctx.req.FormValue("round");
  Start s = StartAssessment(app, ctx, *f, form.rubric, form.round);
  switch (s.outcome) {
    case Start::kStarted: return Redirect("/assessments/" + std::to_string(s.record.id));
    case Start::kDraftOpen:
      return Redirect("/assessments/" + std::to_string(s.record.id) + "/resume?notice=draft_open");
    case Start::kRoundMissing:
    case Start::kRoundInvalid: form.round_error = ctx.Label("round_invalid"); break;
    case Start::kRubricMissing: form.rubric_error = ctx.Label("rubric_missing"); break;
    case Start::kNoActiveRubric: form.rubric_error = ctx.Label("rubric_not_active"); break;
  }
  return FactoryPageResponse(app, ctx, *f, form, 400);
}

WebResponse QuestionnairePage(WebApp& app, RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return app.pages().NotFound(ctx);
  if (a->record.status == store::AssessmentStatus::kSubmitted)
    return Redirect("/assessments/" + std::to_string(a->record.id) + "/report");
  std::string problem;
  auto rubric = app.rubrics().Get(a->record.rubric_pk, &problem);
  if (!rubric) return app.pages().Message(500, ctx.Label("rubric_does_not_load"), problem, ctx);
  return QuestionnaireResponse(app, ctx, *a, *rubric);
}

/// A visit resumes at the first unanswered question needed now (else the
/// first unanswered at all, else the submit button), through the anchor of
/// a redirect, which works without script.
WebResponse ResumePage(WebApp& app, RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return app.pages().NotFound(ctx);
  const std::string base = "/assessments/" + std::to_string(a->record.id);
  if (a->record.status == store::AssessmentStatus::kSubmitted) return Redirect(base + "/report");
  auto rubric = app.rubrics().Get(a->record.rubric_pk);
  if (!rubric) return Redirect(base);
  const QuestionnairePlan plan = PlanOf(app, *a, *rubric, app.store().ListAnswers(a->record.id));
  std::string query;
  const std::string notice = ctx.req.Query("notice");
  if (notice == "draft_open" || notice == "reopened" || notice == "already_reopened") query = "notice=" + notice;
  if ((notice == "imported" || notice == "workbook_applied") && !SavedCount(ctx).empty())
    query = "notice=" + notice + "&saved=" + SavedCount(ctx);
  if (plan.resume_folded) query += (query.empty() ? "" : "&") + std::string("unfold=1");
  return Redirect(base + (query.empty() ? "" : "?" + query) + "#" + plan.resume);
}

/// A section's answers as its form posts them: the questionnaire without
/// script (section_form.h). Each changed answer is saved as autosave saves
/// it, against the version the page showed; the page comes back at the
/// section, or with what was not saved.
WebResponse SaveSectionPage(WebApp& app, RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return app.pages().NotFound(ctx);
  const std::string base = "/assessments/" + std::to_string(a->record.id);
  if (!CanEditFactory(app.store(), ctx, a->factory))
    return app.pages().Message(403, ctx.Label("not_allowed"), ctx.Label("cannot_edit"), ctx);
  if (a->record.status == store::AssessmentStatus::kSubmitted) return Redirect(base + "/report");
  std::string problem;
  auto rubric = app.rubrics().Get(a->record.rubric_pk, &problem);
  if (!rubric) return app.pages().Message(500, ctx.Label("rubric_does_not_load"), problem, ctx);
  std::optional<QuestionSection> section;
  for (const QuestionSection& s : QuestionSections(*rubric->rubric))
    if (s.Anchor() == ctx.Param("section")) section = s;
  if (!section) return app.pages().NotFound(ctx);

  SectionEdits edits = ReadSectionForm(*rubric->rubric, *section, ctx.req, app.store().ListAnswers(a->record.id));
  std::vector<std::string> errors;
  for (const auto& [criterion, why] : edits.refused)
    errors.push_back(ctx.Label("section_refused", {criterion->text.In(ctx.lang), why}));
  int saved = 0;
  for (store::SaveAnswer& save : edits.saves) {
    save.assessment_id = a->record.id;
    const store::EditStatus status = app.store().SaveAnswerValue(save, ctx.Actor()).status;
    if (status == store::EditStatus::kSaved) ++saved;
    if (status == store::EditStatus::kImmutable) return Redirect(base + "/report");
    const Criterion* criterion = rubric->rubric->FindCriterion(save.criterion);
    if (status == store::EditStatus::kConflict)
      errors.push_back(ctx.Label("section_conflict", {criterion->text.In(ctx.lang)}));
  }
  if (errors.empty())
    return Redirect(base + "?notice=section_saved&saved=" + std::to_string(saved) + "#" + section->Anchor());
  return QuestionnaireResponse(app, ctx, *a, *rubric, errors,
                               ctx.Label("notice_section_saved", {std::to_string(saved)}), 409);
}

}  // namespace

RouteTable AssessmentRoutes() {
  return {
      {"GET", "/api/assessments", kSignedIn, ListAssessmentsApi},
      {"GET", "/api/factories/{id}/assessments", kSignedIn, FactoryAssessmentsApi},
      {"POST", "/api/factories/{id}/assessments", kConsultantRole, StartAssessmentApi},
      {"GET", "/api/assessments/{id}", kSignedIn, GetAssessmentApi},
      {"GET", "/api/assessments/{id}/result", kSignedIn, AssessmentResultApi},
      {"GET", "/api/assessments/{id}/answers-file", kSignedIn, AnswersFileApi},
      {"GET", "/api/assessments/{id}/standing", kSignedIn, StandingApi},
      {"POST", "/factories/{id}/assessments", kConsultantRole, StartAssessmentPage},
      {"GET", "/assessments/{id}", kSignedIn, QuestionnairePage},
      {"GET", "/assessments/{id}/resume", kSignedIn, ResumePage},
      {"POST", "/assessments/{id}/sections/{section}", kConsultantRole, SaveSectionPage},
  };
}

}  // namespace fa::web
