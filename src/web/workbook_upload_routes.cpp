// A filled-in questionnaire workbook uploaded into an open assessment
// (docs/workbook.md, "In the web app"): read and checked whole
// (answers_import.h, CheckWorkbookImport), then a preview of what it would
// change — new answers, changed ones, and conflicts with a web edit made
// since the workbook was downloaded — and only then applied, in one
// Store::SaveAnswers call against the assessment's version the preview was
// computed at (each answer versioned and audited). With any problem nothing
// is saved and each is listed at its cell.
//
// The preview is stateless: it posts the workbook back (Base64 in a hidden
// field) with that version, and the apply checks it all again, so a changed
// workbook or a save made meanwhile cannot slip through.
#include <Poco/JSON/Array.h>

#include "answers/answers_check.h"
#include "base/base64.h"
#include "web/access_policy.h"
#include "web/answers_import.h"
#include "web/api_json.h"
#include "web/assessment_service.h"
#include "web/route_table.h"
#include "web/web_labels.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

/// The largest workbook taken: its Base64 text must fit one form field
/// when the preview posts it back.
constexpr size_t kMaxUploadBytes = kMaxFormValueBytes / 4 * 3;

/// True when `bytes` start as a ZIP archive does (an XLSX file is one).
bool LooksLikeZip(const std::string& bytes) { return bytes.rfind("PK\x03\x04", 0) == 0; }

struct Uploaded {
  enum Outcome { kNotFound, kNotEditable, kSubmitted, kRubricMissing, kNoFile, kNotXlsx, kTooLarge, kStale,
                 kProblems, kPreview, kDone };
  Outcome outcome = kNotFound;
  std::optional<AssessmentInScope> assessment;
  std::shared_ptr<const CompiledRubric> rubric;
  ImportCheck check;
  int kept_web = 0;                ///< conflicts left as the web has them (applied)
  store::AssessmentRecord record;  ///< after the saves (kDone)
};

/// Checks the workbook `bytes` against the path's assessment at `version`;
/// with `apply`, saves its changes (the conflicts only where `take` names
/// them).
Uploaded Upload(WebApp& app, const RequestContext& ctx, const std::string& bytes, const std::string& file,
                std::optional<int64_t> version, bool apply, const std::vector<std::string>& take) {
  Uploaded out;
  auto finish = [&out](Uploaded::Outcome outcome) {
    out.outcome = outcome;
    return out;
  };
  out.assessment = ReadableAssessmentInPath(app.store(), ctx);
  if (!out.assessment) return out;
  const AssessmentInScope& a = *out.assessment;
  if (!CanEditFactory(app.store(), ctx, a.factory)) return finish(Uploaded::kNotEditable);
  if (a.record.status == store::AssessmentStatus::kSubmitted) return finish(Uploaded::kSubmitted);
  if (bytes.empty()) return finish(Uploaded::kNoFile);
  if (bytes.size() > kMaxUploadBytes) return finish(Uploaded::kTooLarge);
  if (!LooksLikeZip(bytes)) return finish(Uploaded::kNotXlsx);
  if (!version || *version != a.record.version) return finish(Uploaded::kStale);
  out.rubric = app.rubrics().Get(a.record.rubric_pk);
  if (!out.rubric) return finish(Uploaded::kRubricMissing);
  out.check = CheckWorkbookImport(*out.rubric->rubric, a.factory, a.record, app.store().ListAnswers(a.record.id),
                                  bytes, file.empty() ? "workbook.xlsx" : file, ctx);
  if (!out.check.problems.empty()) return finish(Uploaded::kProblems);
  if (!apply) return finish(Uploaded::kPreview);
  const size_t before = out.check.saves.size();
  KeepWebAnswers(out.check, take);
  out.kept_web = static_cast<int>(before - out.check.saves.size());
  if (out.check.saves.empty()) {
    out.record = a.record;
    return finish(Uploaded::kDone);
  }
  auto r = app.store().SaveAnswers(a.record.id, *version, out.check.saves, ctx.Actor());
  switch (r.status) {
    case store::EditStatus::kSaved: out.record = r.current; return finish(Uploaded::kDone);
    case store::EditStatus::kImmutable: return finish(Uploaded::kSubmitted);
    case store::EditStatus::kNotFound: return finish(Uploaded::kNotFound);
    default: return finish(Uploaded::kStale);
  }
}

const char* KindKey(ImportChange::Kind kind) {
  switch (kind) {
    case ImportChange::kNew: return "new";
    case ImportChange::kChanged: return "changed";
    case ImportChange::kConflict: return "conflict";
  }
  return "";
}

std::string KindLabel(ImportChange::Kind kind, const RequestContext& ctx) {
  switch (kind) {
    case ImportChange::kNew: return ctx.Label("upload_kind_new");
    case ImportChange::kChanged: return ctx.Label("upload_kind_changed");
    case ImportChange::kConflict: return ctx.Label("upload_kind_conflict");
  }
  return "";
}

/// The preview's rows: the question, what the web holds and what the
/// workbook gives; a conflict with its choice.
std::vector<EscapedView> ChangeRows(const Rubric& rubric, const ImportCheck& check, const RequestContext& ctx) {
  std::vector<EscapedView> rows;
  for (size_t i = 0; i < check.saves.size(); ++i) {
    const store::SaveAnswer& s = check.saves[i];
    const ImportChange& change = check.changes[i];
    const Criterion* c = rubric.FindCriterion(s.criterion);
    const std::string old_value = change.old ? change.old->value_json : "";
    EscapedView r;
    r.Text("id", s.criterion);  // the radio buttons' name only, never shown
    r.Text("index", std::to_string(i));
    r.Text("question", c ? c->text.In(ctx.lang) : s.criterion);
    r.Text("kind", KindLabel(change.kind, ctx));
    r.Text("kind_class", KindKey(change.kind));
    r.Flag("conflict", change.kind == ImportChange::kConflict);
    r.Text("web", ShownValue(rubric, s.criterion, old_value, ctx.lang));
    r.Text("workbook", ShownValue(rubric, s.criterion, s.value_json, ctx.lang));
    std::vector<std::string> also;
    if (change.old && change.old->evidence != s.evidence) also.push_back(ctx.Label("upload_evidence_changes"));
    if (change.old && change.old->note != s.note) also.push_back(ctx.Label("upload_note_changes"));
    if (!change.old && (!s.evidence.empty() || !s.note.empty())) also.push_back(ctx.Label("upload_with_evidence"));
    r.TextList("also", also);
    rows.push_back(std::move(r));
  }
  return rows;
}

int CountKind(const ImportCheck& check, ImportChange::Kind kind) {
  int n = 0;
  for (const auto& c : check.changes) n += c.kind == kind;
  return n;
}

EscapedView AssessmentView(const AssessmentInScope& a) {
  EscapedView v;
  EscapedView as;
  as.Int("id", a.record.id).Int("version", a.record.version).Text("round", a.record.round);
  v.Child("assessment", as);
  EscapedView f;
  f.Int("id", a.factory.id).Text("name", a.factory.name);
  v.Child("factory", f);
  return v;
}

WebResponse PreviewPage(WebApp& app, const RequestContext& ctx, const Uploaded& u, const std::string& bytes,
                        const std::string& file) {
  const ImportCheck& check = u.check;
  EscapedView v = AssessmentView(*u.assessment);
  v.Text("file", file).Text("data", Base64Encode(bytes));
  v.Text("counts", ctx.Label("upload_counts", {std::to_string(CountKind(check, ImportChange::kNew)),
                                               std::to_string(CountKind(check, ImportChange::kChanged)),
                                               std::to_string(CountKind(check, ImportChange::kConflict)),
                                               std::to_string(check.unchanged)}));
  v.Flag("has_changes", !check.saves.empty());
  v.Flag("has_conflicts", CountKind(check, ImportChange::kConflict) > 0);
  v.List("rows", ChangeRows(*u.rubric->rubric, check, ctx));
  return app.pages().Page("import_preview", ctx.Label("upload_preview_title"), v, ctx);
}

/// The import page again with `error` and the workbook's problems.
WebResponse RefusedPage(WebApp& app, const RequestContext& ctx, const AssessmentInScope& a, const std::string& error,
                        const std::vector<AnswersProblem>& problems, int status) {
  EscapedView v = AssessmentView(a);
  v.Text("text", "").Text("file", "answers.yaml").Text("error", error);
  std::vector<std::string> lines;
  for (const auto& p : problems) lines.push_back(p.local);
  v.TextList("problems", lines);
  if (!problems.empty()) v.Text("problems_heading", ctx.Label("import_problems", {std::to_string(problems.size())}));
  return app.pages().Page("import", ctx.Label("import_title"), v, ctx, status);
}

WebResponse UploadPage(WebApp& app, RequestContext& ctx, const std::string& bytes, const std::string& file,
                       bool apply) {
  std::vector<std::string> take;
  for (const auto& [name, value] : ctx.req.Form())
    if (name.rfind("take:", 0) == 0 && value == "workbook") take.push_back(name.substr(5));
  Uploaded u = Upload(app, ctx, bytes, file, ParseId(ctx.req.FormValue("version")), apply, take);
  const std::string base = u.assessment ? "/assessments/" + std::to_string(u.assessment->record.id) : "";
  if (u.assessment) ctx.page_path = base + "/import";  // the language switch's page
  switch (u.outcome) {
    case Uploaded::kNotFound: return app.pages().NotFound(ctx);
    case Uploaded::kNotEditable:
      return app.pages().Message(403, ctx.Label("not_allowed"), ctx.Label("cannot_edit"), ctx);
    case Uploaded::kSubmitted: return Redirect(base + "/report");
    case Uploaded::kRubricMissing: return app.pages().Message(500, ctx.Label("rubric_does_not_load"), "", ctx);
    case Uploaded::kNoFile:
      return RefusedPage(app, ctx, *u.assessment, ctx.Label("workbook_choose_file"), {}, 400);
    case Uploaded::kNotXlsx:
      return RefusedPage(app, ctx, *u.assessment, ctx.Label("workbook_not_xlsx"), {}, 400);
    case Uploaded::kTooLarge:
      return RefusedPage(app, ctx, *u.assessment,
                         ctx.Label("workbook_too_large", {std::to_string(kMaxUploadBytes >> 10)}), {}, 413);
    case Uploaded::kStale: return RefusedPage(app, ctx, *u.assessment, ctx.Label("upload_stale"), {}, 409);
    case Uploaded::kProblems:
      return RefusedPage(app, ctx, *u.assessment,
                         u.check.wrong_rubric ? ctx.Label("workbook_wrong_rubric") : ctx.Label("workbook_nothing_saved"),
                         u.check.problems, 400);
    case Uploaded::kPreview: return PreviewPage(app, ctx, u, bytes, file);
    case Uploaded::kDone: break;
  }
  return Redirect(base + "/resume?notice=workbook_applied&saved=" + std::to_string(u.check.saves.size()));
}

// The upload form's post: a preview of the chosen file.
WebResponse UploadPost(WebApp& app, RequestContext& ctx) {
  const UploadedFile* f = ctx.req.File("workbook");
  return UploadPage(app, ctx, f ? f->bytes : "", f ? f->filename : "", false);
}

// The preview's post: the same workbook (Base64), applied.
WebResponse ApplyPost(WebApp& app, RequestContext& ctx) {
  // Not Base64 (not what the preview posts): as if no file came.
  auto bytes = Base64Decode(ctx.req.FormValue("data"));
  return UploadPage(app, ctx, bytes.value_or(""), ctx.req.FormValue("file"), true);
}

void WriteChanges(JsonWriter& w, const Rubric& rubric, const ImportCheck& check, const std::string& lang) {
  w.Key("changes").BeginArray();
  for (size_t i = 0; i < check.saves.size(); ++i) {
    const store::SaveAnswer& s = check.saves[i];
    const ImportChange& c = check.changes[i];
    w.BeginObject().Field("criterion", s.criterion).Field("kind", KindKey(c.kind));
    w.Key("old");
    if (c.old && !c.old->value_json.empty())
      WriteStoredValue(w, c.old->value_json);
    else
      w.Null();
    w.Key("new");
    WriteStoredValue(w, s.value_json);
    w.Field("old_label", c.old ? ShownValue(rubric, s.criterion, c.old->value_json, lang) : "")
        .Field("new_label", ShownValue(rubric, s.criterion, s.value_json, lang));
    w.EndObject();
  }
  w.EndArray();
}

WebResponse UploadApi(WebApp& app, RequestContext& ctx) {
  if (!ReadableAssessmentInPath(app.store(), ctx)) return JsonError(404, "not_found", "not found");
  auto body = ParseJsonObject(ctx.req.body);
  auto data = JsonString(body, "workbook");
  if (!data || !JsonInt(body, "version"))
    return JsonError(400, "fields_required", "workbook (the .xlsx file in Base64) and version are required");
  auto bytes = Base64Decode(*data);
  if (!bytes) return JsonError(400, "not_base64", "workbook is not Base64 (the standard alphabet, padded)");
  std::vector<std::string> take;
  if (body->has("take")) {
    auto list = body->getArray("take");
    if (!list) return JsonError(400, "invalid_take", "take must be a list of criterion ids");
    for (size_t i = 0; i < list->size(); ++i) {
      if (!list->get(static_cast<unsigned>(i)).isString())
        return JsonError(400, "invalid_take", "take must be a list of criterion ids");
      take.push_back(list->getElement<std::string>(static_cast<unsigned>(i)));
    }
  }
  const bool preview = JsonBool(body, "preview").value_or(false);
  Uploaded u = Upload(app, ctx, *bytes, JsonString(body, "file").value_or(""), JsonInt(body, "version"), !preview,
                      take);
  std::vector<std::string> details;
  switch (u.outcome) {
    case Uploaded::kNotFound: return JsonError(404, "not_found", "not found");
    case Uploaded::kNotEditable: return JsonError(403, "not_editable", "you cannot edit this assessment");
    case Uploaded::kSubmitted:
      return JsonError(409, "submitted", "the assessment is submitted and can no longer change");
    case Uploaded::kRubricMissing:
      return JsonError(500, "rubric_unavailable", "the assessment's rubric does not load");
    case Uploaded::kNoFile: return JsonError(400, "fields_required", "workbook is empty");
    case Uploaded::kNotXlsx: return JsonError(400, "not_xlsx", "the file is not an XLSX workbook");
    case Uploaded::kTooLarge:
      return JsonError(413, "workbook_too_large",
                       "the workbook is larger than " + std::to_string(kMaxUploadBytes) + " bytes");
    case Uploaded::kStale:
      return JsonError(409, "stale_version", "the assessment changed since that version; nothing was saved");
    case Uploaded::kProblems:
      for (const auto& p : u.check.problems) details.push_back(p.english);
      if (u.check.wrong_rubric)
        return JsonError(400, "wrong_rubric",
                         "the workbook was made for another rubric or another text of it; download this "
                         "assessment's workbook and copy the answers into it. Nothing was saved",
                         details);
      return JsonError(400, "invalid_workbook", "the workbook has problems; nothing was saved", details);
    case Uploaded::kPreview:
    case Uploaded::kDone: break;
  }
  JsonWriter w(false);
  w.BeginObject();
  if (u.outcome == Uploaded::kPreview) {
    w.Field("preview", true)
        .Key("version").Int(u.assessment->record.version)
        .Field("new", CountKind(u.check, ImportChange::kNew))
        .Field("changed", CountKind(u.check, ImportChange::kChanged))
        .Field("conflicts", CountKind(u.check, ImportChange::kConflict))
        .Field("unchanged", u.check.unchanged);
    WriteChanges(w, *u.rubric->rubric, u.check, ctx.lang);
  } else {
    w.Field("saved", static_cast<int>(u.check.saves.size()))
        .Field("unchanged", u.check.unchanged)
        .Field("kept_web", u.kept_web);
    w.Key("assessment");
    WriteAssessmentRecord(w, u.record);
  }
  w.EndObject();
  return JsonResponse(200, w.str());
}

}  // namespace

RouteTable WorkbookUploadRoutes() {
  return {
      {"POST", "/assessments/{id}/import-workbook", kConsultantRole, UploadPost},
      {"POST", "/assessments/{id}/import-workbook/apply", kConsultantRole, ApplyPost},
      {"POST", "/api/assessments/{id}/workbook", kConsultantRole, UploadApi},
  };
}

}  // namespace fa::web
