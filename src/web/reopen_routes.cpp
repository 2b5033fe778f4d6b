// Reopening a submitted assessment as a new draft version (Store::Reopen:
// the answers copied, the submitted one kept and still readable, both
// audited), by the factory's assigned consultant or admin. The new draft is
// edited and submitted like any other; its result is then the factory's
// latest. One operation with a page rendering (a button in the assessment
// history) and an API rendering.
#include "web/access_policy.h"
#include "web/api_json.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

struct Reopened {
  enum Outcome { kNotFound, kNotAllowed, kNotSubmitted, kAlreadyReopened, kDraftOpen, kDone };
  Outcome outcome = kNotFound;
  /// kDone: the new draft; kDraftOpen: the round's open draft;
  /// kAlreadyReopened: the version reopened from it; kNotSubmitted: itself.
  store::AssessmentRecord record;
};

Reopened ReopenAssessment(WebApp& app, const RequestContext& ctx) {
  Reopened out;
  auto finish = [&out](Reopened::Outcome outcome, const store::AssessmentRecord& record) {
    out.outcome = outcome;
    out.record = record;
    return out;
  };
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return out;
  if (!CanReopenFactory(app.store(), ctx, a->factory)) return finish(Reopened::kNotAllowed, a->record);
  store::EditResult<store::AssessmentRecord> r = app.store().Reopen(a->record.id, ctx.Actor());
  switch (r.status) {
    case store::EditStatus::kSaved: return finish(Reopened::kDone, r.current);
    case store::EditStatus::kDuplicate: return finish(Reopened::kDraftOpen, r.current);
    case store::EditStatus::kConflict:
      return finish(r.current.id == a->record.id ? Reopened::kNotSubmitted : Reopened::kAlreadyReopened, r.current);
    default: return out;
  }
}

WebResponse ReopenApi(WebApp& app, RequestContext& ctx) {
  Reopened r = ReopenAssessment(app, ctx);
  switch (r.outcome) {
    case Reopened::kNotFound: return JsonError(404, "not_found", "not found");
    case Reopened::kNotAllowed: return JsonError(403, "not_editable", "you cannot reopen this assessment");
    case Reopened::kNotSubmitted: return JsonError(409, "still_draft", "only a submitted assessment is reopened");
    case Reopened::kAlreadyReopened:
      return LeadsToJson("already_reopened", "the assessment was reopened before; this is its newer version",
                         r.record);
    case Reopened::kDraftOpen:
      return LeadsToJson("draft_open", "a draft of this factory and round is open; continue it", r.record);
    case Reopened::kDone: break;
  }
  return RecordJson(201, WriteAssessmentRecord, r.record);
}

WebResponse ReopenPage(WebApp& app, RequestContext& ctx) {
  Reopened r = ReopenAssessment(app, ctx);
  const std::string to = "/assessments/" + std::to_string(r.record.id);
  switch (r.outcome) {
    case Reopened::kNotFound: return app.pages().NotFound(ctx);
    case Reopened::kNotAllowed:
      return app.pages().Message(403, ctx.Label("not_allowed"), ctx.Label("cannot_reopen"), ctx);
    case Reopened::kNotSubmitted: return Redirect(to);
    case Reopened::kAlreadyReopened: return Redirect(to + "/resume?notice=already_reopened");
    case Reopened::kDraftOpen: return Redirect(to + "/resume?notice=draft_open");
    case Reopened::kDone: break;
  }
  return Redirect(to + "/resume?notice=reopened");
}

}  // namespace

RouteTable ReopenRoutes() {
  return {
      {"POST", "/api/assessments/{id}/reopen", kConsultantRole | kAdminRole, ReopenApi},
      {"POST", "/assessments/{id}/reopen", kConsultantRole | kAdminRole, ReopenPage},
  };
}

}  // namespace fa::web
