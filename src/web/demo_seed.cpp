#include "web/demo_seed.h"

#include <algorithm>
#include <filesystem>

#include "answers/answers_loader.h"
#include "assessment/assessment_json.h"
#include "base/json_writer.h"
#include "base/text.h"
#include "ranking/ranking_config_csv.h"
#include "web/assessment_round.h"
#include "web/assessment_service.h"
#include "web/factory_import.h"
#include "web/password.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

namespace fs = std::filesystem;

/// An answer's value as the store keeps it (the API's JSON value).
std::string ValueJson(const Answer& a) {
  switch (a.kind) {
    case AnswerKind::kNotApplicable: return "\"na\"";
    case AnswerKind::kNumber: return FormatNumber(a.number);
    case AnswerKind::kBool: return a.boolean ? "true" : "false";
    case AnswerKind::kOptions: {
      JsonWriter w(false);
      w.BeginArray();
      for (const auto& o : a.options) w.String(o);
      w.EndArray();
      return w.str();
    }
    case AnswerKind::kNone: return "null";
    default: return JsonQuote(a.text);
  }
}

store::Actor ActorOf(const store::User& u) {
  store::Actor a;
  a.user_id = u.id;
  a.username = u.username;
  return a;
}

store::User MakeUser(WebApp& app, const std::string& username, const std::string& display, store::Role role,
                     std::optional<int64_t> factory, const std::string& provider, const std::string& password,
                     bool must_change) {
  store::User u;
  u.username = username;
  u.display_name = display;
  u.role = role;
  u.factory_id = factory;
  u.provider = provider;
  u.password_hash = HashPassword(password);
  u.must_change_password = must_change;
  store::Actor system;
  system.username = "system";
  auto r = app.store().CreateUser(u, system);
  if (r.status != store::EditStatus::kSaved) throw DemoSeedError("demo: the user '" + username + "' exists already");
  return r.current;
}

/// The users of users.csv (username, display_name, role, factory's credit
/// code, optionally the consultant's provider: a catalogue id, kept only
/// when the app has that catalogue); returns the first consultant, whom
/// every factory is assigned to.
store::User DemoUsers(WebApp& app, const std::string& file, const std::vector<store::Factory>& factories,
                      const std::string& pw, bool one_time) {
  Diagnostics diags;
  std::optional<CsvTable> table = LoadCsv(file, diags);
  auto column = [&](const char* name) {
    std::optional<size_t> c = table ? table->Column(name) : std::nullopt;
    if (!c) throw DemoSeedError("demo: " + file + " needs a column '" + name + "'\n" + diags.Format());
    return *c;
  };
  const size_t username = column("username"), display = column("display_name"), role = column("role"),
               code = column("factory");
  const std::optional<size_t> provider = table->Column("provider");
  const auto catalogue = app.providers();
  std::optional<store::User> consultant;
  for (const auto& row : table->rows) {
    std::optional<store::Role> r = store::ParseRole(row[role].text);
    if (!r) throw DemoSeedError("demo: " + file + ": no role '" + row[role].text + "'");
    std::optional<int64_t> factory;
    for (const auto& f : factories)
      if (!row[code].text.empty() && f.credit_code == row[code].text) factory = f.id;
    std::string provider_id = provider ? row[*provider].text : "";
    if (!catalogue || !catalogue->Find(provider_id)) provider_id.clear();
    store::User u = MakeUser(app, row[username].text, row[display].text, *r, factory, provider_id, pw, one_time);
    if (*r == store::Role::kConsultant && !consultant) consultant = u;
  }
  if (!consultant) throw DemoSeedError("demo: " + file + " names no consultant");
  return *consultant;
}

std::vector<fs::path> AnswerFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".yaml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

/// Saves the answers of `file` into a new assessment of its factory and
/// submits it, as `consultant`.
void SubmitExample(WebApp& app, const fs::path& file, const std::string& round, const store::User& consultant) {
  Diagnostics diags;
  std::optional<AnswerSet> set = LoadAnswerSet(file.string(), diags);
  if (!set) throw DemoSeedError("demo: " + file.string() + " does not load:\n" + diags.Format());
  std::optional<store::Factory> factory;
  for (const auto& f : app.store().ListFactories())
    if (f.credit_code == set->factory.credit_code) factory = f;
  std::optional<store::RubricRecord> rubric;
  for (const auto& r : app.store().ListRubrics())
    if (r.rubric_id == set->rubric && r.active) rubric = r;
  if (!factory || !rubric)
    throw DemoSeedError("demo: " + file.string() + ": no factory " + set->factory.credit_code +
                        " in examples/web/factories.csv, or no active rubric '" + set->rubric + "'");
  const store::Actor actor = ActorOf(consultant);
  store::AssessmentRecord a;
  a.factory_id = factory->id;
  a.rubric_pk = rubric->id;
  a.round = round;
  a.created_by = consultant.id;
  a = app.store().CreateAssessment(a, actor).current;
  for (const auto& answer : set->answers) {
    store::SaveAnswer save;
    save.assessment_id = a.id;
    save.criterion = answer.criterion;
    save.value_json = ValueJson(answer);
    save.evidence = answer.evidence;
    save.note = answer.note;
    if (app.store().SaveAnswerValue(save, actor).status != store::EditStatus::kSaved)
      throw DemoSeedError("demo: " + file.string() + ": the answer to " + answer.criterion + " is not saved");
  }
  auto compiled = app.rubrics().Get(rubric->id);
  a = *app.store().GetAssessment(a.id);
  std::optional<Assessment> scored = compiled ? app.ScoreSaved({a, *factory}, *compiled, set->assessor.empty() ? consultant.display_name : set->assessor, diags) : std::nullopt;
  if (!scored) throw DemoSeedError("demo: " + file.string() + " does not score:\n" + diags.Format());
  auto r = app.store().Submit(a.id, a.version, AssessmentsToJson({*scored}), scored->provenance.answers_sha256, actor);
  if (r.status != store::EditStatus::kSaved) throw DemoSeedError("demo: " + file.string() + " is not submitted");
}

/// Opens a draft of the round `file` names for its factory and saves its
/// answers, each checked against its question, as `consultant`; not
/// submitted. Returns what was done, for the log.
std::string OpenExampleDraft(WebApp& app, const fs::path& file, const store::User& consultant) {
  Diagnostics diags;
  std::optional<AnswerSet> set = LoadAnswerSet(file.string(), diags);
  if (!set || diags.HasErrors()) throw DemoSeedError("demo: " + file.string() + " does not load:\n" + diags.Format());
  std::optional<store::Factory> factory;
  for (const auto& f : app.store().ListFactories())
    if (f.credit_code == set->factory.credit_code) factory = f;
  std::optional<store::RubricRecord> rubric;
  for (const auto& r : app.store().ListRubrics())
    if (r.rubric_id == set->rubric && r.active) rubric = r;
  auto compiled = rubric ? app.rubrics().Get(rubric->id) : nullptr;
  const std::optional<std::string> round = NormalizeRound(set->round);
  if (!factory || !compiled || !round)
    throw DemoSeedError("demo: " + file.string() + ": no factory " + set->factory.credit_code + ", no active rubric '" +
                        set->rubric + "', or no round (" + kRoundRule + ")");
  const store::Actor actor = ActorOf(consultant);
  store::AssessmentRecord a;
  a.factory_id = factory->id;
  a.rubric_pk = rubric->id;
  a.round = *round;
  a.created_by = consultant.id;
  auto created = app.store().CreateAssessment(a, actor);
  if (created.status != store::EditStatus::kSaved) throw DemoSeedError("demo: " + file.string() + ": no draft opened");
  for (const auto& answer : set->answers) {
    const Criterion* c = compiled->rubric->FindCriterion(answer.criterion);
    std::vector<std::string> problems;
    store::SaveAnswer save;
    save.assessment_id = created.current.id;
    save.criterion = answer.criterion;
    save.value_json = c ? CanonicalAnswerValue(*compiled->rubric, *c, ValueJson(answer), problems) : "";
    save.evidence = answer.evidence;
    save.note = answer.note;
    if (!c || !problems.empty() || app.store().SaveAnswerValue(save, actor).status != store::EditStatus::kSaved)
      throw DemoSeedError("demo: " + file.string() + ": the answer to " + answer.criterion + " is not saved" +
                          (problems.empty() ? "" : ": " + problems.front()));
  }
  return "demo: an open draft of round " + *round + " with " + std::to_string(set->answers.size()) +
         " answers from " + file.string();
}

}  // namespace

std::vector<std::string> SeedDemo(WebApp& app, const std::string& examples_dir, const std::string& password) {
  if (!app.store().ListFactories().empty()) return {};
  std::vector<std::string> log;
  const fs::path dir(examples_dir);
  const std::string csv_file = (dir / "web" / "factories.csv").string();
  ImportPlan plan = PlanFactoryImport(app.district(), ReadFile(csv_file), {}, "en");
  if (!plan.problems.empty())
    throw DemoSeedError("demo: " + csv_file + ":" + std::to_string(plan.problems.front().line) + ": " +
                        plan.problems.front().message);
  store::Actor system;
  system.username = "system";
  const store::FactoryImport imported = app.store().ImportFactories(plan.factories, system);
  if (imported.status != store::EditStatus::kSaved) throw DemoSeedError("demo: the factories are not stored");
  log.push_back("demo: " + std::to_string(imported.saved.size()) + " factories from " + csv_file);

  const bool one_time = password.empty();
  const std::string pw = one_time ? RandomToken(15) : password;
  const store::User consultant = DemoUsers(app, (dir / "web" / "users.csv").string(), imported.saved, pw, one_time);
  for (const auto& f : imported.saved) {
    app.store().Assign(consultant.id, f.id, system);
    if (consultant.provider.empty()) continue;
    store::Factory given = f;  // the district gave its diagnosis to the consultant's provider
    given.provider = consultant.provider;
    app.store().UpdateFactory(given, system);
  }
  log.push_back("demo: users demo-consultant, demo-manufacturer, demo-commission, demo-consultant-b" +
                (one_time ? " with the one-time password " + pw + " (shown once)" : std::string(" ($FA_DEMO_PASSWORD)")));

  int submitted = 0;
  for (const auto& file : AnswerFiles(dir / "rounds" / "2025")) SubmitExample(app, file, "2025", consultant), ++submitted;
  for (const auto& file : AnswerFiles(dir)) SubmitExample(app, file, "2026", consultant), ++submitted;
  log.push_back("demo: " + std::to_string(submitted) + " assessments submitted (rounds 2025 and 2026)");
  for (const auto& file : AnswerFiles(dir / "web" / "drafts")) log.push_back(OpenExampleDraft(app, file, consultant));
  return log;
}

}  // namespace fa::web
