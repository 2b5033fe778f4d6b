// One pipeline: the web app and the command line give byte-identical
// results for the same answers. Six factories are assessed through the web
// app (answers saved one by one through the API, then submitted); their
// answers files are scored by `factory-assess score`, alone and together,
// and the reports rendered by `factory-assess report` — the stored results
// and the served report pages (benchmarked among the stored peers) must be
// the same bytes. A second round of one plant is `report --previous` over the
// first round's result, byte for byte too.
#include <doctest/doctest.h>

#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "../cli/cli_runner.h"
#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "base/atomic_file.h"
#include "synth/synthetic_cohort.h"
#include "test_server.h"
#include "web/nonces.h"

namespace fa::webtest {
namespace {

// Five synthetic SME plants, each created in the store, assigned to
// consultant A, answered through the API and submitted; returns the
// assessment ids.
std::vector<int64_t> AssessSyntheticPlants(TestServer& server, const World& world, Client& consultant) {
  auto rubric = server.app().rubrics().Get(world.rubric_sme);
  REQUIRE(rubric);
  SynthOptions options;
  options.factories = 5;
  options.seed = 11;
  options.threads = 1;
  std::vector<AnswerSet> sets;
  SynthesizeCohort(rubric->model, options, [&](const SynthFactory& f) {
    Diagnostics diags;
    auto set = LoadAnswerSetFromString(SynthAnswerYaml(*rubric->rubric, f), "synth.yaml", diags);
    REQUIRE(set);
    REQUIRE(CheckAnswers(*rubric->rubric, *set, diags));
    sets.push_back(*set);
  });
  store::Actor system;
  system.username = "system";
  std::vector<int64_t> ids;
  for (const AnswerSet& set : sets) {
    store::Factory f;
    f.credit_code = set.factory.credit_code;
    f.name = set.factory.name;
    f.town = set.factory.town;
    f.industry = set.factory.industry;
    f.manufacturing_type = set.factory.manufacturing_type;
    f.employees = set.factory.employees;
    f.revenue = set.factory.revenue;
    auto created = server.store().CreateFactory(f, system);
    REQUIRE(created.status == store::EditStatus::kSaved);
    server.store().Assign(world.consultant_a, created.current.id, system);
    HttpResult r = consultant.PostJson("/api/factories/" + std::to_string(created.current.id) + "/assessments",
                                       "{\"rubric\": " + std::to_string(world.rubric_sme) + ", \"round\": \"2026\"}");
    REQUIRE(r.status == 201);
    const int64_t id = r.Json()->getValue<int64_t>("id");
    for (const auto& ans : set.answers) {
      HttpResult saved = consultant.PutJson(
          "/api/assessments/" + std::to_string(id) + "/answers/" + web::UrlEncode(ans.criterion),
          "{\"value\": " + AnswerValueJson(ans) + ", \"evidence\": " + JsonQuote(ans.evidence) + ", \"version\": 0}");
      INFO(ans.criterion << ": " << saved.body);
      REQUIRE(saved.status == 200);
    }
    HttpResult submitted = consultant.PostJson("/api/assessments/" + std::to_string(id) + "/submit", "{}");
    INFO(submitted.body);
    REQUIRE(submitted.status == 200);
    ids.push_back(id);
  }
  return ids;
}

}  // namespace

TEST_CASE("web: the web app and the command line give byte-identical assessments and reports") {
  TestServer server;  // its clock stands still: every submit gets the same stamp
  const std::string stamp = server.clock.NowUtc();
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  std::vector<int64_t> ids = AssessSyntheticPlants(server, world, a);
  ids.push_back(world.submitted);

  const std::string rubric = "'" + std::string(FA_SOURCE_DIR) + "/rubrics/sme-digital-2024.yaml'";
  std::string files, all_json = (server.dir() / "all.json").string();
  std::vector<std::string> codes;
  for (int64_t id : ids) {
    const std::string base = "/api/assessments/" + std::to_string(id);
    HttpResult answers = a.Get(base + "/answers-file");
    REQUIRE(answers.status == 200);
    const std::string file = (server.dir() / ("answers-" + std::to_string(id) + ".json")).string();
    WriteFile(file, answers.body);
    files += " '" + file + "'";
    // The stored result is what `score` writes for the file alone.
    HttpResult stored = a.Get(base + "/result");
    REQUIRE(stored.status == 200);
    CliRun alone = RunCli("score --rubric " + rubric + " '" + file + "' --generated-at " + stamp);
    INFO(alone.err);
    REQUIRE(alone.status == 0);
    CHECK(stored.body == alone.out);
    codes.push_back(stored.Json()->getArray("assessments")->getObject(0)->getObject("factory")->getValue<std::string>(
        "credit_code"));
  }
  // Scored together, the six are each other's peers, as the web app's
  // reports benchmark them against the store's latest assessments.
  CliRun together = RunCli("score --rubric " + rubric + files + " --generated-at " + stamp + " -o '" + all_json + "'");
  INFO(together.err);
  REQUIRE(together.status == 0);
  for (size_t i = 0; i < ids.size(); ++i) {
    for (const char* lang : {"zh", "en"}) {
      CAPTURE(lang);
      const std::string html = (server.dir() / ("report-" + std::to_string(i) + "-" + lang + ".html")).string();
      CliRun report = RunCli("report '" + all_json + "' --factory " + codes[i] + " --lang " + lang + " -o '" + html + "'");
      INFO(report.err);
      REQUIRE(report.status == 0);
      HttpResult page = a.Get("/assessments/" + std::to_string(ids[i]) + "/report?lang=" + lang);
      REQUIRE(page.status == 200);
      CHECK(StripNonces(StripWebChrome(page.body)) == ReadFile(html));
    }
  }
  // Percentiles are there: six peers are enough.
  HttpResult page = a.Get("/assessments/" + std::to_string(world.submitted) + "/report?lang=en");
  CHECK(page.body.find("Among the 6 factories assessed together, the") != std::string::npos);
  CHECK(page.body.find("th</strong> percentile (median") != std::string::npos);
  CHECK(page.body.find("<td>All factories, same rubric</td><td class=\"num\">6</td>") != std::string::npos);

  // A second round of the first plant, the same answers but one: its page
  // is `report` over the six latest scored together, with --previous the
  // first round's result.
  const std::string first = "/api/assessments/" + std::to_string(ids[0]);
  HttpResult r = a.PostJson("/api/factories/" + std::to_string(a.Get(first).Json()->getValue<int64_t>("factory_id")) +
                                "/assessments",
                            "{\"rubric\": " + std::to_string(world.rubric_sme) + ", \"round\": \"2027\"}");
  REQUIRE(r.status == 201);
  const int64_t second = r.Json()->getValue<int64_t>("id");
  auto answers = a.Get(first + "/answers").Json()->getArray("answers");
  for (unsigned i = 0; i < answers->size(); ++i) {
    auto ans = answers->getObject(i);
    if (ans->isNull("value")) continue;
    std::ostringstream value;
    Poco::JSON::Stringifier::stringify(ans->get("value"), value);
    REQUIRE(a.PutJson("/api/assessments/" + std::to_string(second) + "/answers/" +
                          web::UrlEncode(ans->getValue<std::string>("criterion")),
                      "{\"value\": " + value.str() + ", \"version\": 0}")
                .status == 200);
  }
  REQUIRE(a.PostJson("/api/assessments/" + std::to_string(second) + "/submit", "{}").status == 200);
  const std::string second_file = (server.dir() / "answers-second.json").string();
  const std::string previous_file = (server.dir() / "previous.json").string();
  WriteFile(second_file, a.Get("/api/assessments/" + std::to_string(second) + "/answers-file").body);
  WriteFile(previous_file, a.Get(first + "/result").body);
  std::string latest = " '" + second_file + "'";
  for (size_t i = 1; i < ids.size(); ++i)
    latest += " '" + (server.dir() / ("answers-" + std::to_string(ids[i]) + ".json")).string() + "'";
  const std::string latest_json = (server.dir() / "latest.json").string();
  CliRun rescored = RunCli("score --rubric " + rubric + latest + " --generated-at " + stamp + " -o '" + latest_json + "'");
  REQUIRE(rescored.status == 0);
  for (const char* lang : {"zh", "en"}) {
    CAPTURE(lang);
    const std::string html = (server.dir() / (std::string("second-") + lang + ".html")).string();
    CliRun report = RunCli("report '" + latest_json + "' --factory " + codes[0] + " --previous '" + previous_file +
                           "' --lang " + lang + " -o '" + html + "'");
    INFO(report.err);
    REQUIRE(report.status == 0);
    HttpResult second_page = a.Get("/assessments/" + std::to_string(second) + "/report?lang=" + lang);
    REQUIRE(second_page.status == 200);
    CHECK(StripNonces(StripWebChrome(second_page.body)) == ReadFile(html));
    CHECK(second_page.body.find("class=\"previous-round\"") != std::string::npos);
  }
}

}  // namespace fa::webtest
