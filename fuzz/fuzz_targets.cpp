#include "fuzz_targets.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequest.h>

#include <cctype>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "answers/cohort_csv.h"
#include "answers/workbook_answers.h"
#include "assessment/assessment_json.h"
#include "assessment/ranking_json.h"
#include "base/json_writer.h"
#include "base/text.h"
#include "providers/match_json.h"
#include "providers/provider_labels.h"
#include "providers/provider_loader.h"
#include "ranking/ranking_config.h"
#include "ranking/ranking_config_csv.h"
#include "ranking/ranking_config_judgments.h"
#include "ranking/ranking_input.h"
#include "ranking/ranking_method.h"
#include "ranking/ranking_weights.h"
#include "report/ranking_report.h"
#include "report/report_renderer.h"
#include "report/template_program.h"
#include "scoring/cohort_scoring.h"
#include "service/compiled_rubric.h"
#include "web/http_message.h"

namespace fa::fuzz {

namespace {

const std::string kSource = FA_SOURCE_DIR;

std::string Text(const uint8_t* data, size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

std::string Shipped(const std::string& name) { return ReadFile(kSource + "/rubrics/" + name); }

// The shipped rubrics, compiled once per process.
const CompiledRubric& Rubric(const std::string& name) {
  static std::map<std::string, std::shared_ptr<const CompiledRubric>> compiled;
  auto& slot = compiled[name];
  if (!slot) {
    Diagnostics diags;
    slot = CompileRubricFile(kSource + "/rubrics/" + name, diags);
    if (!slot) throw std::logic_error("fuzz: the shipped rubric " + name + " does not load:\n" + diags.Format());
  }
  return *slot;
}

const RankingConfig& CommissionConfig() {
  static const RankingConfig config = [] {
    Diagnostics diags;
    auto c = LoadRankingConfig(kSource + "/examples/ranking/commission-2026.yaml", diags);
    if (!c) throw std::logic_error("fuzz: the example ranking config does not load:\n" + diags.Format());
    return *c;
  }();
  return config;
}

ReportOptions Options() {
  ReportOptions options;
  options.templates_dir = kSource + "/templates";
  return options;
}

}  // namespace

int FuzzRubric(const uint8_t* data, size_t size) {
  // The shipped catalogue and tier scheme are there to be named, so that a
  // fuzzed rubric can reach the checks against them.
  static const std::map<std::string, std::string> companions = {
      {"scenarios.yaml", Shipped("scenarios.yaml")}, {"smart-factory-tiers.yaml", Shipped("smart-factory-tiers.yaml")}};
  Diagnostics diags;
  CompileRubricTexts("fuzz.yaml", Text(data, size), companions, diags);
  return 0;
}

int FuzzAnswers(const uint8_t* data, size_t size) {
  const CompiledRubric& cmmm = Rubric("cmmm.yaml");
  Diagnostics diags;
  std::optional<AnswerSet> set = LoadAnswerSetFromString(Text(data, size), "fuzz.yaml", diags);
  if (set) CheckAnswers(*cmmm.rubric, *set, diags);
  return 0;
}

int FuzzWorkbook(const uint8_t* data, size_t size) {
  const CompiledRubric& cmmm = Rubric("cmmm.yaml");
  Diagnostics diags;
  std::optional<AnswerSet> set =
      WorkbookAnswersFromBytes(*cmmm.rubric, std::string(reinterpret_cast<const char*>(data), size), "fuzz.xlsx", {},
                               diags);
  if (set) CheckAnswers(*cmmm.rubric, *set, diags);
  diags.Format();
  return 0;
}

int FuzzCohortCsv(const uint8_t* data, size_t size) {
  const CompiledRubric& sme = Rubric("sme-digital-2024.yaml");
  const std::string text = Text(data, size);
  CohortCsvOptions options;
  options.threads = 1;
  Diagnostics read, scored;
  ReadCohortAnswerSets(*sme.rubric, text, "fuzz.csv", read, options);
  ScoreCohortCsv(sme.model, text, "fuzz.csv", scored, options);
  return 0;
}

int FuzzRankingConfig(const uint8_t* data, size_t size) {
  Diagnostics diags;
  if (auto config = LoadRankingConfigFromString(Text(data, size), "fuzz.yaml", diags))
    ResolveRankingWeights(*config, diags);
  return 0;
}

int FuzzCandidatesCsv(const uint8_t* data, size_t size) {
  const RankingConfig& config = CommissionConfig();
  Diagnostics diags;
  std::optional<CsvTable> table = ParseCsv(Text(data, size), "fuzz.csv", diags);
  if (!table) return 0;
  RankingInputBuilder builder(config, diags);
  builder.AddTable(*table);
  builder.Finish();
  return 0;
}

int FuzzJudgments(const uint8_t* data, size_t size) {
  // The first byte picks the syntax: "c" CSV, anything else YAML.
  if (size == 0) return 0;
  Diagnostics diags;
  LoadJudgmentsFromString(Text(data + 1, size - 1), data[0] == 'c' ? "fuzz.csv" : "fuzz.yaml", diags);
  return 0;
}

int FuzzAssessmentJson(const uint8_t* data, size_t size) {
  static const DiagnosisReportRenderer renderer(Options());
  Diagnostics diags;
  std::vector<Assessment> read = AssessmentsFromJson(Text(data, size), "fuzz.json", diags);
  // What reads back is rendered, as `report` would.
  if (!diags.HasErrors() && read.size() == 1) renderer.Render(read.front());
  return 0;
}

int FuzzRankingJson(const uint8_t* data, size_t size) {
  static const RankingReportRenderer renderer([] {
    RankingReportOptions options;
    options.templates_dir = kSource + "/templates";
    return options;
  }());
  Diagnostics diags;
  if (std::optional<Ranking> ranking = RankingFromJson(Text(data, size), "fuzz.json",
                                                                RankingMethodFactsTable(), diags))
    renderer.Render(*ranking);
  return 0;
}

int FuzzHttpRequest(const uint8_t* data, size_t size) {
  // A request as it comes off the wire: Poco parses the head (and refuses a
  // malformed one with a MessageException, which the server answers 400);
  // the rest is what server.cpp makes of it.
  std::istringstream in(Text(data, size));
  Poco::Net::HTTPRequest head;
  try {
    head.read(in);
  } catch (const Poco::Exception&) {
    return 0;
  }
  web::WebRequest req;
  req.method = head.getMethod();
  req.SetTarget(head.getURI());
  for (const auto& [name, value] : head) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    req.headers[lower] = value;
  }
  req.cookies = web::ParseCookies(req.Header("cookie"));
  req.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  req.ReadForm();
  if (req.Header("content-type").rfind("application/json", 0) == 0) {
    try {
      Poco::JSON::Parser().parse(req.body);
    } catch (const Poco::Exception&) {
    }
  }
  return 0;
}

int FuzzTemplate(const uint8_t* data, size_t size) {
  TemplateProgram program;
  try {
    program = TemplateProgram::Compile(Text(data, size), "fuzz.html");
  } catch (const std::runtime_error&) {
    return 0;  // a malformed template is reported, as documented
  }
  EscapedView view;
  view.Text("a", "<b>").Int("n", 3).Flag("yes", true).List("items", {EscapedView().Text("x", "1")});
  std::string out;
  program.Render(view.object(), out);
  return 0;
}

int FuzzProviders(const uint8_t* data, size_t size) {
  // Named inside providers/ so that a fuzzed catalogue's companion files
  // resolve to the shipped ones; matched against a shipped example's
  // assessment as `match` and the report would.
  static const std::vector<Assessment> assessments = [] {
    Diagnostics d;
    const std::string file = kSource + "/tests/golden/assessments/cmmm-autoparts-anting.json";
    return AssessmentsFromJson(ReadFile(file), file, d);
  }();
  Diagnostics diags;
  std::optional<ProviderCatalogue> cat =
      LoadProviderCatalogueFromString(Text(data, size), kSource + "/providers/fuzz.yaml", diags);
  diags.Format();
  if (!cat) return 0;
  for (const auto& a : assessments) {
    const MatchResult result = MatchProviders(*cat, a, MatchOptions{});
    JsonWriter w;
    WriteMatchJson(w, a, result, cat->district.get(), "zh");
  }
  return 0;
}

const std::vector<NamedTarget>& Targets() {
  static const std::vector<NamedTarget> targets = {
      {"rubric", FuzzRubric, {"rubrics", "tests/data/ok", "tests/data/bad/rubric", "tests/data/report"}},
      {"answers", FuzzAnswers, {"examples", "tests/data/bad/answers", "tests/data/report"}},
      {"workbook", FuzzWorkbook, {"tests/data/workbook"}},
      {"cohort_csv", FuzzCohortCsv, {"tests/data/cohort/ok", "tests/data/cohort/bad"}},
      {"ranking_config", FuzzRankingConfig, {"examples/ranking", "tests/data/ranking", "tests/data/ranking/bad"}},
      {"candidates_csv", FuzzCandidatesCsv, {"examples/ranking", "tests/data/ranking"}},
      {"judgments", FuzzJudgments, {"tests/fuzz/seeds/judgments"}},
      {"assessment_json", FuzzAssessmentJson, {"tests/golden/assessments", "tests/data/assessments/v1"}},
      {"ranking_json", FuzzRankingJson, {"tests/golden/ranking", "tests/data/ranking/v1"}},
      {"http_request", FuzzHttpRequest, {"tests/fuzz/seeds/http_request"}},
      {"template", FuzzTemplate, {"templates", "templates/partials"}},
      {"providers", FuzzProviders, {"providers"}},
  };
  return targets;
}

}  // namespace fa::fuzz
