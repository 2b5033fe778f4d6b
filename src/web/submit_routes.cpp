// Submitting an assessment — one operation (SubmitAssessment: scope check,
// scoring through WebApp::ScoreSaved, the store's submit and its conflicts)
// with a page rendering and an API rendering. On the pages, the
// questionnaire's submit button opens a confirmation (GET …/submit) that
// says the answers will be locked and lists, section by section, every
// question still to be dealt with, each linked to its item on the
// questionnaire; its form is the final POST, made against the version that
// was confirmed. The API keeps its English messages and stable codes.
#include "assessment/assessment_json.h"
#include "web/access_policy.h"
#include "web/api_json.h"
#include "web/questionnaire_page.h"
#include "web/route_table.h"
#include "web/submit_check.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

struct Submitted {
  enum Outcome { kNotFound, kNotEditable, kAlreadySubmitted, kRubricMissing, kIncomplete, kChangedMeanwhile, kDone };
  Outcome outcome = kNotFound;
  std::optional<AssessmentInScope> assessment;
  std::shared_ptr<const CompiledRubric> rubric;
  std::vector<std::string> problems;  ///< why the answers do not score (kIncomplete)
  store::AssessmentRecord record;     ///< as submitted (kDone)
};

/// Scores the saved answers of the path's assessment and submits the result,
/// against `version` when given (the version the user confirmed), else the
/// version read now.
Submitted SubmitAssessment(WebApp& app, const RequestContext& ctx, std::optional<int64_t> version) {
  Submitted out;
  auto finish = [&out](Submitted::Outcome outcome) {
    out.outcome = outcome;
    return out;
  };
  out.assessment = ReadableAssessmentInPath(app.store(), ctx);
  if (!out.assessment) return out;
  const AssessmentInScope& a = *out.assessment;
  if (!CanEditFactory(app.store(), ctx, a.factory)) return finish(Submitted::kNotEditable);
  if (a.record.status == store::AssessmentStatus::kSubmitted) return finish(Submitted::kAlreadySubmitted);
  if (version && *version != a.record.version) return finish(Submitted::kChangedMeanwhile);
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

/// A profile field by its name on the pages (other fields as they are named).
std::string FieldName(const std::string& field, const RequestContext& ctx) {
  if (field == "manufacturing_type") return ctx.Label("manufacturing_type");
  if (field == "industry") return ctx.Label("industry");
  if (field == "town") return ctx.Label("town");
  if (field == "employees") return ctx.Label("employees");
  if (field == "revenue") return ctx.Label("revenue");
  return field;
}

/// The gaps as the confirmation lists them: per section, each question's
/// level, text (never its id) and what is wrong, linked to its item.
EscapedView GapsView(const SubmitGaps& gaps, int64_t assessment, const DraftStanding& standing,
                     const RequestContext& ctx) {
  EscapedView v;
  std::vector<EscapedView> sections;
  for (const auto& section : gaps.sections) {
    EscapedView s;
    s.Text("title", section.section.Title(ctx.lang));
    s.Int("count", static_cast<long long>(section.gaps.size()));
    std::vector<EscapedView> items, later;  // later: at the levels not needed yet, folded
    for (const SubmitGap& gap : section.gaps) {
      EscapedView i;
      const int level = gap.criterion->level;
      const bool folded = standing.gated && level > standing.Needed();  // opened by ?unfold=1
      i.Text("level", level > 0 ? LevelTag(level, ctx) : "");
      i.Text("text", gap.criterion->text.In(ctx.lang));
      i.Text("href", "/assessments/" + std::to_string(assessment) + (folded ? "?unfold=1#" : "#") +
                         ItemAnchor(gap.criterion->id));
      i.Text("problem", gap.kind == SubmitGap::kMissing ? ctx.Label("gap_missing") : ctx.Label("gap_invalid"));
      i.Flag("missing", gap.kind == SubmitGap::kMissing);
      (folded ? later : items).push_back(i);
    }
    s.List("items", items);
    s.List("later", later);
    s.Text("later_count", ctx.Label("later_gaps", {std::to_string(later.size())}));
    sections.push_back(s);
  }
  v.List("sections", sections);
  std::vector<std::string> profile;
  for (const auto& [field, value] : gaps.profile)
    profile.push_back(ctx.Label("gap_profile", {FieldName(field, ctx), value}));
  v.TextList("profile", profile);
  v.Text("heading", ctx.Label("gaps_heading", {std::to_string(gaps.count + gaps.profile.size())}));
  return v;
}

/// What the submit records as not assessed: the unanswered questions of the
/// levels that cannot change the result, said as a count and a level range.
void NotNeededView(EscapedView& v, const Rubric& rubric, const DraftStanding& standing, const RequestContext& ctx) {
  int from = 0, to = 0;
  for (const std::string& id : standing.not_needed) {
    const Criterion* c = rubric.FindCriterion(id);
    if (!c) continue;
    from = from == 0 ? c->level : std::min(from, c->level);
    to = std::max(to, c->level);
  }
  v.Flag("not_needed", from > 0);
  if (from == 0) return;
  const std::string levels = from == to ? LevelTag(from, ctx)
                                        : ctx.Label("levels_range", {std::to_string(from), std::to_string(to)});
  const std::string unmet = LevelWithName(standing.settled_unmet, rubric, ctx);
  v.Text("not_needed_text",
         ctx.Label("not_needed_on_submit", {std::to_string(standing.not_needed.size()), levels, unmet}));
}

/// The confirmation of the assessment as stored now; `error` (in the page's
/// language) says why a submit just failed.
WebResponse ConfirmResponse(WebApp& app, const RequestContext& ctx, const AssessmentInScope& a,
                            const CompiledRubric& rubric, const std::string& error, int status) {
  const std::vector<store::AnswerRecord> answers = app.store().ListAnswers(a.record.id);
  const DraftStanding standing = app.StandingOfSaved(a, rubric, answers);
  const SubmitGaps gaps = FindSubmitGaps(*rubric.rubric, a.factory, answers, standing.not_needed);
  const Progress progress = ComputeProgress(*rubric.rubric, a.factory, answers);
  EscapedView v;
  EscapedView as;
  as.Int("id", a.record.id).Int("version", a.record.version).Text("round", a.record.round);
  v.Child("assessment", as);
  EscapedView f;
  f.Int("id", a.factory.id).Text("name", a.factory.name);
  v.Child("factory", f);
  v.Text("rubric_title", rubric.rubric->title.In(ctx.lang));
  v.Text("progress", ctx.Label("answered_of", {std::to_string(progress.answered),
                                               std::to_string(progress.applicable)}));
  v.Flag("ready", gaps.empty());
  v.Child("gaps", GapsView(gaps, a.record.id, standing, ctx));
  NotNeededView(v, *rubric.rubric, standing, ctx);
  v.Text("set_aside", gaps.set_aside > 0 ? ctx.Label("answers_set_aside", {std::to_string(gaps.set_aside)}) : "");
  v.Text("error", error);
  return app.pages().Page("submit", ctx.Label("confirm_submit_title"), v, ctx, status);
}

// ---- API ----

WebResponse SubmitAssessmentApi(WebApp& app, RequestContext& ctx) {
  Submitted s = SubmitAssessment(app, ctx, JsonInt(ParseJsonObject(ctx.req.body), "version"));
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

// ---- pages ----

WebResponse ConfirmSubmitPage(WebApp& app, RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return app.pages().NotFound(ctx);
  const std::string base = "/assessments/" + std::to_string(a->record.id);
  if (a->record.status == store::AssessmentStatus::kSubmitted) return Redirect(base + "/report");
  if (!CanEditFactory(app.store(), ctx, a->factory))
    return app.pages().Message(403, ctx.Label("not_allowed"), ctx.Label("cannot_submit"), ctx);
  std::string problem;
  auto rubric = app.rubrics().Get(a->record.rubric_pk, &problem);
  if (!rubric) return app.pages().Message(500, ctx.Label("rubric_does_not_load"), problem, ctx);
  return ConfirmResponse(app, ctx, *a, *rubric, "", 200);
}

WebResponse SubmitAssessmentPage(WebApp& app, RequestContext& ctx) {
  Submitted s = SubmitAssessment(app, ctx, ParseId(ctx.req.FormValue("version")));
  const std::string base = s.assessment ? "/assessments/" + std::to_string(s.assessment->record.id) : "";
  switch (s.outcome) {
    case Submitted::kNotFound: return app.pages().NotFound(ctx);
    case Submitted::kNotEditable:
      return app.pages().Message(403, ctx.Label("not_allowed"), ctx.Label("cannot_submit"), ctx);
    case Submitted::kRubricMissing:
      return app.pages().Message(500, ctx.Label("rubric_does_not_load"), ctx.Label("submit_not_scored"), ctx);
    case Submitted::kIncomplete: {
      // The confirmation lists the gaps; a problem it cannot name item by
      // item is said in general (the API's details give the diagnostics).
      const std::vector<store::AnswerRecord> answers = app.store().ListAnswers(s.assessment->record.id);
      const SubmitGaps gaps =
          FindSubmitGaps(*s.rubric->rubric, s.assessment->factory, answers,
                         app.StandingOfSaved(*s.assessment, *s.rubric, answers).not_needed);
      return ConfirmResponse(app, ctx, *s.assessment, *s.rubric,
                             gaps.empty() ? ctx.Label("submit_not_scored") : ctx.Label("submit_incomplete"), 400);
    }
    case Submitted::kChangedMeanwhile: {
      auto now = ReadableAssessmentInPath(app.store(), ctx);
      auto rubric = now ? app.rubrics().Get(now->record.rubric_pk) : nullptr;
      if (!now || !rubric || now->record.status == store::AssessmentStatus::kSubmitted) return Redirect(base);
      return ConfirmResponse(app, ctx, *now, *rubric, ctx.Label("submit_changed_meanwhile"), 409);
    }
    case Submitted::kAlreadySubmitted:
    case Submitted::kDone: break;
  }
  return Redirect(base + "/report");
}

}  // namespace

RouteTable SubmitRoutes() {
  return {
      {"POST", "/api/assessments/{id}/submit", kConsultantRole, SubmitAssessmentApi},
      {"GET", "/assessments/{id}/submit", kConsultantRole, ConfirmSubmitPage},
      {"POST", "/assessments/{id}/submit", kConsultantRole, SubmitAssessmentPage},
  };
}

}  // namespace fa::web
