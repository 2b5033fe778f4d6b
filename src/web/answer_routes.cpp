// Answers of a draft assessment, the questionnaire's autosave: list them,
// and save one against the version it was edited from — checked as an
// answers file would be, 409 with both values when someone else saved in
// between. The questionnaire page itself is the assessment's
// (assessment_routes.cpp).
#include "base/json_writer.h"
#include "web/access_policy.h"
#include "web/api_json.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

WebResponse ListAnswersApi(WebApp& app, RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return JsonError(404, "not_found", "not found");
  JsonWriter w(false);
  w.BeginObject().Key("version").Int(a->record.version);
  w.Key("answers").BeginArray();
  for (const auto& ans : app.store().ListAnswers(a->record.id)) WriteAnswer(w, ans);
  w.EndArray().EndObject();
  return JsonResponse(200, w.str());
}

/// The answer as the body gives it, checked against the criterion;
/// `problems` says why it is refused.
store::SaveAnswer ReadAnswerJson(const Poco::JSON::Object::Ptr& body, const Rubric& rubric,
                                 const Criterion& criterion, std::vector<std::string>& problems) {
  store::SaveAnswer save;
  save.criterion = criterion.id;
  save.value_json = CanonicalAnswerValue(rubric, criterion, JsonValueText(body, "value"), problems);
  save.evidence = JsonString(body, "evidence").value_or("");
  save.note = JsonString(body, "note").value_or("");
  if (save.evidence.size() > 20000 || save.note.size() > 20000)
    problems.push_back("evidence and note hold at most 20000 bytes");
  return save;
}

WebResponse SaveAnswerApi(WebApp& app, RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return JsonError(404, "not_found", "not found");
  if (!CanEditFactory(app.store(), ctx, a->factory))
    return JsonError(403, "not_editable", "you cannot edit this assessment");
  if (a->record.status == store::AssessmentStatus::kSubmitted)
    return JsonError(409, "submitted", "the assessment is submitted and can no longer change");
  auto rubric = app.rubrics().Get(a->record.rubric_pk);
  if (!rubric) return JsonError(500, "rubric_unavailable", "the assessment's rubric does not load");
  const Criterion* criterion = rubric->rubric->FindCriterion(ctx.Param("criterion"));
  if (!criterion) return JsonError(404, "not_found", "not found");
  auto body = ParseJsonObject(ctx.req.body);
  auto version = JsonInt(body, "version");
  if (!body || !version)
    return JsonError(400, "invalid", "a JSON object with the answer's version is required");
  std::vector<std::string> problems;
  store::SaveAnswer save = ReadAnswerJson(body, *rubric->rubric, *criterion, problems);
  if (!problems.empty()) return JsonError(400, "invalid_value", "the value is not valid for this question", problems);
  save.assessment_id = a->record.id;
  save.base_version = *version;
  store::EditResult<store::AnswerRecord> r = app.store().SaveAnswerValue(save, ctx.Actor());
  switch (r.status) {
    case store::EditStatus::kSaved: return RecordJson(200, WriteAnswer, r.current);
    case store::EditStatus::kConflict: {
      store::AnswerRecord yours = r.current;
      yours.value_json = save.value_json;
      yours.evidence = save.evidence;
      yours.note = save.note;
      yours.version = *version;
      return StaleVersionJson("someone else changed this answer", WriteAnswer, r.current, yours);
    }
    case store::EditStatus::kImmutable:
      return JsonError(409, "submitted", "the assessment is submitted and can no longer change");
    case store::EditStatus::kNotFound: return JsonError(404, "not_found", "not found");
    default: return JsonError(400, "not_saved", "not saved");
  }
}

}  // namespace

RouteTable AnswerRoutes() {
  return {
      {"GET", "/api/assessments/{id}/answers", kSignedIn, ListAnswersApi},
      {"PUT", "/api/assessments/{id}/answers/{criterion}", kConsultantRole, SaveAnswerApi},
  };
}

}  // namespace fa::web
