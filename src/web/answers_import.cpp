#include "web/answers_import.h"

#include <algorithm>
#include <map>

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "answers/workbook_answers.h"
#include "base/hash.h"
#include "base/text.h"
#include "web/assessment_round.h"
#include "web/assessment_service.h"
#include "web/reader_messages.h"

namespace fa::web {

namespace {

struct Checker {
  const Rubric& rubric;
  const std::string& file;
  const RequestContext& ctx;
  ImportCheck& out;
  const Diagnostics* book = nullptr;  ///< a workbook's reading: its sheets' names

  /// A problem at `pos`: `local` (a label's text) prefixed by its place in
  /// the page's language, `english` as the CLI reports it.
  void Add(SourcePos pos, const std::string& local, const std::string& english) {
    AnswersProblem p;
    p.line = pos.line;
    p.column = pos.column;
    p.cell = book ? book->CellOf(file, pos) : "";
    if (!p.cell.empty()) {
      p.local = ctx.Label("import_at_cell", {p.cell, local});
      p.english = file + ":" + p.cell + ": " + english;
    } else {
      p.local = pos.line > 0 ? ctx.Label("import_at", {std::to_string(pos.line), std::to_string(pos.column), local})
                             : local;
      p.english = file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + english;
    }
    out.problems.push_back(std::move(p));
  }

  /// The file's rubric, factory and round against the assessment's.
  void Header(const AnswerSet& set, const store::Factory& factory, const store::AssessmentRecord& record) {
    if (set.rubric != rubric.id)
      Add(set.rubric_pos, ctx.Label("import_other_rubric", {set.rubric, rubric.id}),
          "answers are for rubric '" + set.rubric + "', not '" + rubric.id + "'");
    if (!factory.credit_code.empty() && set.factory.credit_code != factory.credit_code) {
      auto pos = set.profile_pos.find("credit_code");
      Add(pos == set.profile_pos.end() ? SourcePos{} : pos->second,
          ctx.Label("import_other_factory", {set.factory.credit_code, factory.credit_code}),
          "the file is for factory '" + set.factory.credit_code + "', not '" + factory.credit_code + "'");
    }
    if (!set.round.empty() && NormalizeRound(set.round).value_or(set.round) != record.round)
      Add({}, ctx.Label("import_other_round", {set.round, record.round}),
          "the file is for round '" + set.round + "', not '" + record.round + "'");
  }

  /// One answer checked; its canonical value when it is good ("" when the
  /// file gives none).
  std::string Value(Answer& a, bool applies, const std::vector<std::string>& ids) {
    const Criterion* c = rubric.FindCriterion(a.criterion);
    if (!c) {
      const std::string closest = ClosestMatch(a.criterion, ids);
      Add(a.key_pos,
          closest.empty() ? ctx.Label("import_unknown", {a.criterion})
                          : ctx.Label("import_unknown_near", {a.criterion, closest}),
          "unknown criterion '" + a.criterion + "'" + DidYouMean(a.criterion, ids));
      return "";
    }
    if (a.kind == AnswerKind::kNone) return "";
    if (a.kind == AnswerKind::kNotApplicable) return CanonicalJson(a);
    const std::string written = a.kind == AnswerKind::kOptions ? Join(a.options, ", ") : a.text;
    if (!applies) {
      Add(a.pos, ctx.Label("import_not_applicable", {c->text.In(ctx.lang)}),
          "criterion '" + c->id + "' does not apply to this factory; leave it out or answer na");
      return "";
    }
    std::vector<std::string> problems = CheckAnswerValue(rubric, *c, a);
    if (!problems.empty()) {
      Add(a.pos, ctx.Label("import_invalid", {written, c->text.In(ctx.lang), ExpectedAnswer(rubric, *c, ctx.lang)}),
          "answer to '" + c->id + "': " + problems.front());
      return "";
    }
    return CanonicalJson(a);
  }
};

}  // namespace

namespace {

/// `set` checked against the assessment; each change told apart by
/// `origin` when `workbook` (a YAML file's changes are all new or changed).
void CheckSet(Checker& check, AnswerSet& set, const store::Factory& factory, const store::AssessmentRecord& record,
              const std::vector<store::AnswerRecord>& stored, bool workbook, const workbook::Origin& origin) {
  ImportCheck& out = check.out;
  const Rubric& rubric = check.rubric;
  check.Header(set, factory, record);

  std::map<std::string, const store::AnswerRecord*> by_id;
  for (const auto& a : stored) by_id[a.criterion] = &a;
  std::vector<std::string> ids;
  std::map<std::string, bool> applies;
  const std::vector<const Criterion*> all = rubric.AllCriteria();
  const std::vector<bool> applying = CriteriaApplying(rubric, ProfileFields(factory));
  for (size_t i = 0; i < all.size(); ++i) {
    ids.push_back(all[i]->id);
    applies[all[i]->id] = applying[i];
  }
  const bool known_origin = origin.assessment == record.id;
  for (Answer& a : set.answers) {
    const std::string value = check.Value(a, applies[a.criterion], ids);
    if (value.empty()) continue;
    ++out.given;
    auto it = by_id.find(a.criterion);
    const store::AnswerRecord* old = it == by_id.end() ? nullptr : it->second;
    store::SaveAnswer save;
    save.criterion = a.criterion;
    save.value_json = value;
    save.evidence = !a.evidence.empty() || !old ? a.evidence : old->evidence;
    save.note = !a.note.empty() || !old ? a.note : old->note;
    if (old && old->value_json == save.value_json && old->evidence == save.evidence && old->note == save.note) {
      ++out.unchanged;
      continue;
    }
    ImportChange change;
    if (old) change.old = *old;
    if (!old || old->value_json.empty()) {
      change.kind = ImportChange::kNew;
    } else if (!workbook) {
      change.kind = ImportChange::kChanged;
    } else if (!known_origin) {
      change.kind = ImportChange::kConflict;  // no telling which is newer
    } else {
      // Saved on the web since the download when its version is not the
      // one the workbook recorded (0: it had none then); a row the
      // workbook left as downloaded then keeps the web's answer.
      auto mark = origin.answers.find(a.criterion);
      const int64_t at_download = mark == origin.answers.end() ? 0 : mark->second.version;
      if (old->version == at_download) {
        change.kind = ImportChange::kChanged;
      } else if (mark != origin.answers.end() &&
                 AnswerFingerprint(value, a.evidence, a.note) == mark->second.fingerprint) {
        ++out.unchanged;
        continue;
      } else {
        change.kind = ImportChange::kConflict;
      }
    }
    out.saves.push_back(std::move(save));
    out.changes.push_back(std::move(change));
  }
  if (!out.problems.empty()) {
    out.saves.clear();
    out.changes.clear();
  }
}

/// The workbook reader's message `d` in the page's language.
std::string WorkbookProblem(const Diagnostic& d, const Rubric& rubric, const RequestContext& ctx, bool& wrong_rubric) {
  const std::string& m = d.message;
  auto starts = [&m](const char* prefix) { return m.rfind(prefix, 0) == 0; };
  if (starts("not an XLSX workbook") || starts("the archive") || starts("the file has "))
    return ctx.Label("workbook_not_xlsx");
  if (starts("not a questionnaire workbook")) return ctx.Label("workbook_not_questionnaire");
  if (starts("the workbook is for rubric") || starts("the workbook was made for another text")) {
    wrong_rubric = true;
    return ctx.Label("workbook_other_rubric", {rubric.title.In(ctx.lang), rubric.version});
  }
  if (starts("the cell holds the error")) return ctx.Label("workbook_cell_error");
  if (starts("the cell holds the formula")) return ctx.Label("workbook_cell_formula");
  if (m.find("has a second row") != std::string::npos) return ctx.Label("workbook_second_row");
  if (starts("this row has an answer but no criterion id")) return ctx.Label("workbook_no_id");
  if (starts("no sheet has the columns")) return ctx.Label("workbook_no_columns");
  return LocalizeDiagnostic(d, ctx.lang).text;
}

}  // namespace

ImportCheck CheckImport(const Rubric& rubric, const store::Factory& factory, const store::AssessmentRecord& record,
                        const std::vector<store::AnswerRecord>& stored, const std::string& text,
                        const std::string& file, const RequestContext& ctx) {
  ImportCheck out;
  Checker check{rubric, file, ctx, out};
  Diagnostics diags;
  std::optional<AnswerSet> set = LoadAnswerSetFromString(text, file, diags);
  for (const Diagnostic& d : diags.items())
    if (d.severity == Severity::kError) check.Add(d.pos, LocalizeDiagnostic(d, ctx.lang).text, d.message);
  if (!set || !out.problems.empty()) return out;
  CheckSet(check, *set, factory, record, stored, false, {});
  return out;
}

ImportCheck CheckWorkbookImport(const Rubric& rubric, const store::Factory& factory,
                                const store::AssessmentRecord& record, const std::vector<store::AnswerRecord>& stored,
                                const std::string& bytes, const std::string& file, const RequestContext& ctx) {
  ImportCheck out;
  Diagnostics diags;
  Checker check{rubric, file, ctx, out, &diags};
  workbook::Origin origin;
  std::optional<AnswerSet> set = WorkbookAnswersFromBytes(rubric, bytes, file, {}, diags, &origin);
  for (const Diagnostic& d : diags.items()) {
    if (d.severity != Severity::kError) continue;
    const std::string local = WorkbookProblem(d, rubric, ctx, out.wrong_rubric);
    if (d.cell.rfind(workbook::kMetaSheet, 0) == 0) {
      // A cell of the hidden sheet means nothing to whoever filled it in:
      // the page says what is wrong without it, the API with it.
      AnswersProblem p;
      p.local = local;
      p.english = file + ":" + d.cell + ": " + d.message;
      out.problems.push_back(std::move(p));
      continue;
    }
    check.Add(d.pos, local, d.message);
  }
  if (!set || !out.problems.empty()) return out;
  CheckSet(check, *set, factory, record, stored, true, origin);
  return out;
}

std::string AnswerFingerprint(const std::string& value_json, const std::string& evidence, const std::string& note) {
  return Sha256Hex(value_json + '\n' + evidence + '\n' + note).substr(0, 16);
}

void KeepWebAnswers(ImportCheck& check, const std::vector<std::string>& take) {
  std::vector<store::SaveAnswer> saves;
  std::vector<ImportChange> changes;
  for (size_t i = 0; i < check.saves.size(); ++i) {
    const bool taken = std::find(take.begin(), take.end(), check.saves[i].criterion) != take.end();
    if (check.changes[i].kind == ImportChange::kConflict && !taken) continue;
    saves.push_back(std::move(check.saves[i]));
    changes.push_back(std::move(check.changes[i]));
  }
  check.saves = std::move(saves);
  check.changes = std::move(changes);
}

}  // namespace fa::web
