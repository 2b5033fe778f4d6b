#include "web/answers_import.h"

#include <map>

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
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

  /// A problem at `pos`: `local` (a label's text) prefixed by its place in
  /// the page's language, `english` as the CLI reports it.
  void Add(SourcePos pos, const std::string& local, const std::string& english) {
    ImportProblem p;
    p.line = pos.line;
    p.column = pos.column;
    p.local = pos.line > 0 ? ctx.Label("import_at", {std::to_string(pos.line), std::to_string(pos.column), local})
                           : local;
    p.english = file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + english;
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
  check.Header(*set, factory, record);

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
  for (Answer& a : set->answers) {
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
    if (old && old->value_json == save.value_json && old->evidence == save.evidence && old->note == save.note)
      ++out.unchanged;
    else
      out.saves.push_back(std::move(save));
  }
  if (!out.problems.empty()) out.saves.clear();
  return out;
}

}  // namespace fa::web
