// The questionnaire on paper and back: the printable questionnaire of an
// assessment (the CLI's `factory-assess questionnaire`, report/questionnaire.h,
// filled with the saved answers or blank), its workbook to fill in offline
// (the CLI's `factory-assess workbook`, report/workbook.h), and a filled-in answers file
// taken back in (answers_import.h): checked whole, then saved at once
// against the version the user started from, or nothing saved and every
// problem listed with its line and column.
#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "report/questionnaire.h"
#include "report/workbook.h"
#include "web/access_policy.h"
#include "web/answers_import.h"
#include "web/api_json.h"
#include "web/ranking_request.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

/// The saved answers as an answer set for the printable questionnaire,
/// each settled by its question (a value that no longer checks is left out).
std::optional<AnswerSet> SavedAnswers(WebApp& app, const AssessmentInScope& a, const Rubric& rubric) {
  const std::string doc =
      AnswersDocument(rubric, a.factory, a.record, app.store().ListAnswers(a.record.id), app.UserNames(),
                      app.config().zone);
  Diagnostics diags;
  std::optional<AnswerSet> set = LoadAnswerSetFromString(doc, "answers.json", diags);
  if (!set) return std::nullopt;
  for (Answer& answer : set->answers) {
    const Criterion* c = rubric.FindCriterion(answer.criterion);
    if (!c || !CheckAnswerValue(rubric, *c, answer).empty()) answer.kind = AnswerKind::kNone;
  }
  return set;
}

// A form of the path's assessment, printable or to download: its rubric,
// its saved answers (none with ?blank=1) and the options in the page's
// language, or the page saying why there is none.
struct FormSource {
  std::optional<AssessmentInScope> assessment;
  std::shared_ptr<const CompiledRubric> rubric;
  std::optional<AnswerSet> answers;
  ReportOptions options;
  std::optional<WebResponse> refused;
};

FormSource FormOfPath(WebApp& app, RequestContext& ctx) {
  FormSource out;
  out.assessment = ReadableAssessmentInPath(app.store(), ctx);
  if (!out.assessment) {
    out.refused = app.pages().NotFound(ctx);
    return out;
  }
  std::string problem;
  out.rubric = app.rubrics().Get(out.assessment->record.rubric_pk, &problem);
  if (!out.rubric) {
    out.refused = app.pages().Message(500, ctx.Label("rubric_does_not_load"), problem, ctx);
    return out;
  }
  if (ctx.req.Query("blank") != "1") out.answers = SavedAnswers(app, *out.assessment, *out.rubric->rubric);
  out.options.lang = ctx.lang;
  out.options.templates_dir = app.config().templates_dir;
  out.options.zone = app.config().zone;
  out.options.district = app.shared_district();  // town and industry by name, as the CLI's forms
  return out;
}

WebResponse PrintableQuestionnaire(WebApp& app, RequestContext& ctx) {
  FormSource f = FormOfPath(app, ctx);
  if (f.refused) return *f.refused;
  WebResponse r;
  r.body = QuestionnaireRenderer(f.options).Render(*f.rubric->rubric, f.answers ? &*f.answers : nullptr);
  r.csp = ReportCsp(r.body);  // its inline style, under a nonce
  return r;
}

// The questionnaire workbook, pre-filled with the saved answers (or blank
// with ?blank=1), as a download.
WebResponse QuestionnaireWorkbook(WebApp& app, RequestContext& ctx) {
  FormSource f = FormOfPath(app, ctx);
  if (f.refused) return *f.refused;
  // What the workbook was made from, so its upload tells a web edit made
  // since from its own changes (workbook_upload_routes.cpp).
  workbook::Origin origin;
  origin.assessment = f.assessment->record.id;
  origin.assessment_version = f.assessment->record.version;
  for (const store::AnswerRecord& a : app.store().ListAnswers(f.assessment->record.id))
    origin.answers[a.criterion] = {a.version, AnswerFingerprint(a.value_json, a.evidence, a.note)};
  return XlsxDownload(
      [&](const std::string& path) {
        WriteQuestionnaireWorkbook(*f.rubric->rubric, f.answers ? &*f.answers : nullptr, f.options, path, &origin);
      },
      "questionnaire-" + std::to_string(f.assessment->record.id) + ".xlsx");
}

// ---- the import ----

struct Imported {
  enum Outcome { kNotFound, kNotEditable, kSubmitted, kRubricMissing, kStale, kProblems, kDone };
  Outcome outcome = kNotFound;
  std::optional<AssessmentInScope> assessment;
  ImportCheck check;
  store::AssessmentRecord record;  ///< after the saves (kDone)
};

/// Checks `text` against the path's assessment and saves its answers
/// against `version`, the assessment's version the user started from.
Imported Import(WebApp& app, const RequestContext& ctx, const std::string& text, const std::string& file,
                std::optional<int64_t> version) {
  Imported out;
  auto finish = [&out](Imported::Outcome outcome) {
    out.outcome = outcome;
    return out;
  };
  out.assessment = ReadableAssessmentInPath(app.store(), ctx);
  if (!out.assessment) return out;
  const AssessmentInScope& a = *out.assessment;
  if (!CanEditFactory(app.store(), ctx, a.factory)) return finish(Imported::kNotEditable);
  if (a.record.status == store::AssessmentStatus::kSubmitted) return finish(Imported::kSubmitted);
  if (!version || *version != a.record.version) return finish(Imported::kStale);
  auto rubric = app.rubrics().Get(a.record.rubric_pk);
  if (!rubric) return finish(Imported::kRubricMissing);
  out.check = CheckImport(*rubric->rubric, a.factory, a.record, app.store().ListAnswers(a.record.id), text,
                          file.empty() ? "answers.yaml" : file, ctx);
  if (!out.check.problems.empty()) return finish(Imported::kProblems);
  auto r = app.store().SaveAnswers(a.record.id, *version, out.check.saves, ctx.Actor());
  switch (r.status) {
    case store::EditStatus::kSaved: out.record = r.current; return finish(Imported::kDone);
    case store::EditStatus::kImmutable: return finish(Imported::kSubmitted);
    case store::EditStatus::kNotFound: return finish(Imported::kNotFound);
    default: return finish(Imported::kStale);
  }
}

/// The import page: the form (with `text` kept), and `error` or the problems.
WebResponse ImportPage(WebApp& app, const RequestContext& ctx, const AssessmentInScope& a, const std::string& text,
                       const std::string& file, const std::string& error,
                       const std::vector<AnswersProblem>& problems, int status) {
  EscapedView v;
  EscapedView as;
  as.Int("id", a.record.id).Int("version", a.record.version).Text("round", a.record.round);
  v.Child("assessment", as);
  EscapedView f;
  f.Int("id", a.factory.id).Text("name", a.factory.name);
  v.Child("factory", f);
  v.Text("text", text).Text("file", file.empty() ? "answers.yaml" : file).Text("error", error);
  std::vector<std::string> lines;
  for (const auto& p : problems) lines.push_back(p.local);
  v.TextList("problems", lines);
  if (!problems.empty())
    v.Text("problems_heading", ctx.Label("import_problems", {std::to_string(problems.size())}));
  return app.pages().Page("import", ctx.Label("import_title"), v, ctx, status);
}

WebResponse ImportFormPage(WebApp& app, RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return app.pages().NotFound(ctx);
  if (a->record.status == store::AssessmentStatus::kSubmitted)
    return Redirect("/assessments/" + std::to_string(a->record.id) + "/report");
  if (!CanEditFactory(app.store(), ctx, a->factory))
    return app.pages().Message(403, ctx.Label("not_allowed"), ctx.Label("cannot_edit"), ctx);
  return ImportPage(app, ctx, *a, "", "", "", {}, 200);
}

WebResponse ImportPost(WebApp& app, RequestContext& ctx) {
  const std::string text = ctx.req.FormValue("text"), file = ctx.req.FormValue("file");
  Imported r = Import(app, ctx, text, file, ParseId(ctx.req.FormValue("version")));
  const std::string base = r.assessment ? "/assessments/" + std::to_string(r.assessment->record.id) : "";
  switch (r.outcome) {
    case Imported::kNotFound: return app.pages().NotFound(ctx);
    case Imported::kNotEditable:
      return app.pages().Message(403, ctx.Label("not_allowed"), ctx.Label("cannot_edit"), ctx);
    case Imported::kSubmitted: return Redirect(base + "/report");
    case Imported::kRubricMissing: return app.pages().Message(500, ctx.Label("rubric_does_not_load"), "", ctx);
    case Imported::kStale:
      return ImportPage(app, ctx, *r.assessment, text, file, ctx.Label("import_stale"), {}, 409);
    case Imported::kProblems:
      return ImportPage(app, ctx, *r.assessment, text, file, ctx.Label("import_nothing_saved"), r.check.problems,
                        400);
    case Imported::kDone: break;
  }
  return Redirect(base + "/resume?notice=imported&saved=" + std::to_string(r.check.saves.size()));
}

WebResponse ImportApi(WebApp& app, RequestContext& ctx) {
  if (!ReadableAssessmentInPath(app.store(), ctx)) return JsonError(404, "not_found", "not found");
  auto body = ParseJsonObject(ctx.req.body);
  auto text = JsonString(body, "text");
  if (!text || !JsonInt(body, "version"))
    return JsonError(400, "fields_required", "text (the answers file) and version are required");
  Imported r = Import(app, ctx, *text, JsonString(body, "file").value_or(""), JsonInt(body, "version"));
  std::vector<std::string> details;
  switch (r.outcome) {
    case Imported::kNotFound: return JsonError(404, "not_found", "not found");
    case Imported::kNotEditable: return JsonError(403, "not_editable", "you cannot edit this assessment");
    case Imported::kSubmitted:
      return JsonError(409, "submitted", "the assessment is submitted and can no longer change");
    case Imported::kRubricMissing:
      return JsonError(500, "rubric_unavailable", "the assessment's rubric does not load");
    case Imported::kStale:
      return JsonError(409, "stale_version", "the assessment changed since that version; nothing was saved");
    case Imported::kProblems:
      for (const auto& p : r.check.problems) details.push_back(p.english);
      return JsonError(400, "invalid_answers_file", "the answers file has problems; nothing was saved", details);
    case Imported::kDone: break;
  }
  JsonWriter w(false);
  w.BeginObject().Field("saved", static_cast<int>(r.check.saves.size())).Field("unchanged", r.check.unchanged);
  w.Key("assessment");
  WriteAssessmentRecord(w, r.record);
  w.EndObject();
  return JsonResponse(200, w.str());
}

}  // namespace

RouteTable ImportRoutes() {
  return {
      {"GET", "/assessments/{id}/questionnaire.html", kSignedIn, PrintableQuestionnaire},
      {"GET", "/assessments/{id}/workbook.xlsx", kSignedIn, QuestionnaireWorkbook},
      {"GET", "/assessments/{id}/import", kConsultantRole, ImportFormPage},
      {"POST", "/assessments/{id}/import", kConsultantRole, ImportPost},
      {"POST", "/api/assessments/{id}/answers-file", kConsultantRole, ImportApi},
  };
}

}  // namespace fa::web
