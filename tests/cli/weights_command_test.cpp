// `factory-assess weights` through the built binary: published AHP examples
// reproduced to their printed precision, an inconsistent matrix exiting 1
// with its worst judgment named, groups, entropy and CRITIC, exit codes.
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include "cli/cli_runner.h"
#include <sys/wait.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include "base/text.h"
#include "scoring/ahp.h"
#include "ranking/objective_weights.h"
#include "text_checks.h"

namespace fa {
namespace {

using Run = CliRun;

Run Weights(const std::string& args) { return RunCli("weights " + args); }

Poco::JSON::Object::Ptr Json(const Run& run) {
  return Poco::JSON::Parser().parse(run.out).extract<Poco::JSON::Object::Ptr>();
}

double Weight(const Poco::JSON::Object::Ptr& json, const std::string& name) {
  return json->getObject("weights")->getValue<double>(name);
}

using testing::Has;

TEST_CASE("weights command: Wikipedia's leader example gives the printed priorities") {
  // "Analytic hierarchy process – leader example": experience .547,
  // education .127, charisma .270, age .056 (the page truncates .5476).
  Run run = Weights("tests/data/ranking/leader.yaml --json");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  auto json = Json(run);
  CHECK(std::abs(Weight(json, "experience") - 0.547) < 1e-3);
  CHECK(std::abs(Weight(json, "education") - 0.127) < 5e-4);
  CHECK(std::abs(Weight(json, "charisma") - 0.270) < 5e-4);
  CHECK(std::abs(Weight(json, "age") - 0.056) < 5e-4);
  CHECK(json->getValue<std::string>("ri_table") == "alonso-lamata");
  CHECK(json->getValue<bool>("consistent"));
  CHECK(json->getValue<std::string>("method") == "eigen");
}

TEST_CASE("weights command: Saaty's house example (1990) gives its priorities, λmax, CI, CR") {
  // Saaty (1990) EJOR 48:9–26: priorities .173 .054 .188 .018 .031 .036 .167
  // .333, λmax 9.669, C.I. 0.238, C.R. 0.169 with Saaty's 1980 RI (1.41).
  Run run = Weights("tests/data/ranking/house.yaml --ri saaty1980 --json");
  CHECK(run.status == 1);  // inconsistent: the result is printed all the same
  auto json = Json(run);
  const char* names[] = {"size", "transportation", "neighbourhood", "age",
                         "yard", "facilities",     "condition",     "financing"};
  const double printed[] = {.173, .054, .188, .018, .031, .036, .167, .333};
  for (int j = 0; j < 8; ++j) {
    CAPTURE(names[j]);
    CHECK(std::abs(Weight(json, names[j]) - printed[j]) < 5e-4);
  }
  CHECK(std::abs(json->getValue<double>("lambda_max") - 9.669) < 5e-4);
  CHECK(std::abs(json->getValue<double>("ci") - 0.238) < 5e-4);
  CHECK(std::abs(json->getValue<double>("cr") - 0.169) < 5e-4);
  CHECK(json->getValue<double>("ri") == 1.41);
  CHECK_FALSE(json->getValue<bool>("consistent"));
  auto worst = json->getArray("worst_judgments")->getObject(0);
  CHECK(worst->getValue<std::string>("row") == "neighbourhood");
  CHECK(worst->getValue<std::string>("column") == "condition");
}

TEST_CASE(
    "weights command: an inconsistent matrix exits 1, printing the result and the worst judgment") {
  Run run = Weights("tests/data/ranking/house.yaml --ri saaty1980");
  CHECK(run.status == 1);
  CHECK(Has(run.out, "  financing       33.32%"));
  CHECK(Has(run.out, "  CR          0.1691 > 0.1: inconsistent\n"));
  CHECK(Has(run.out,
            "judgments contributing most to the inconsistency:\n"
            "  neighbourhood over condition is judged 6; the weights imply 1.13"));
  CHECK(run.err.rfind("tests/data/ranking/house.yaml:9:3: error: the judgments are inconsistent: "
                      "CR 0.169 > 0.1 (λmax 9.669, CI 0.238, RI 1.410 from saaty1980)\n",
                      0) == 0);
  CHECK(Has(run.err,
            "tests/data/ranking/house.yaml:11:44: note: contributes most: neighbourhood "
            "over condition is judged 6; the weights imply 1.13 (26% of λmax − n)\n"
            "  - [\"1/3\", 3,     1,     6, 3,     4,     6,     \"1/5\"]\n"
            "                                           ^\n"));
}

TEST_CASE("weights command: Saaty's drinks matrix (2008) from CSV gives its estimates and CR") {
  // Saaty (2008) Int. J. Services Sciences 1(1):83–98: coffee .177, wine
  // .019, tea .042, beer .116, sodas .190, milk .129, water .327; CR .022.
  Run run = Weights("tests/data/ranking/drinks.csv --ri saaty2005 --json");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  auto json = Json(run);
  const char* names[] = {"coffee", "wine", "tea", "beer", "sodas", "milk", "water"};
  const double printed[] = {.177, .019, .042, .116, .190, .129, .327};
  for (int j = 0; j < 7; ++j) {
    CAPTURE(names[j]);
    CHECK(std::abs(Weight(json, names[j]) - printed[j]) < 5e-4);
  }
  CHECK(std::abs(json->getValue<double>("cr") - 0.022) < 5e-4);
  CHECK(json->getValue<std::string>("ri_table") == "saaty2005");
}

TEST_CASE("weights command: text names the random-index table and its source") {
  Run run = Weights("tests/data/ranking/leader.yaml");
  CHECK(run.status == 0);
  CHECK(Has(run.out, "  RI          0.9094 (alonso-lamata: Alonso & Lamata 2006, linear fit)\n"));
  CHECK(Has(run.out, "  experience  54.76%"));
  CHECK(Has(run.out, "verdict: consistent\n"));
  Run later = Weights("tests/data/ranking/leader.yaml --ri saaty2005");
  CHECK(Has(later.out, "  RI          0.8900 (saaty2005: Saaty 2005)\n"));
  Run geometric = Weights("tests/data/ranking/leader.yaml --method geometric --json");
  CHECK(geometric.status == 0);
  // Hand-computed in tests/scoring/ahp_test.cpp: 0.546240 for experience.
  CHECK(std::abs(Weight(Json(geometric), "experience") - 0.546240) < 1e-6);
}

TEST_CASE("weights command: group AHP, weighted experts, by hand (AIJ and AIP)") {
  // group.yaml: experts weighted 3 : 1 judge a_12 = 9 and 1, so AIJ's
  // a_12 = 9^(3/4) = 5.196152 and w_1 = 5.196152/6.196152 = 0.838610.
  for (const char* aggregate : {"aij", "aip"}) {
    CAPTURE(aggregate);
    Run run = Weights(std::string("tests/data/ranking/group.yaml --json --aggregate ") + aggregate);
    REQUIRE_MESSAGE(run.status == 0, run.err);
    auto json = Json(run);
    CHECK(std::abs(Weight(json, "quality") - 0.838610) < 1e-6);
    CHECK(json->getValue<std::string>("aggregate") == aggregate);
    CHECK(json->getArray("experts")->size() == 2);
  }
}

TEST_CASE("weights command: a group's inconsistent expert is a warning for aij, an error for aip") {
  Run aij = Weights("tests/data/ranking/group3.yaml --json");
  CHECK(aij.status == 0);
  CHECK(Has(aij.err, "group3.yaml:19:7: warning: expert '王工': the judgments are inconsistent"));
  // The command's group weights are the library's AhpWeightsAij.
  Eigen::MatrixXd a(4, 4), b(4, 4), c(4, 4);
  a << 1, 3, 5, 7, 1. / 3, 1, 3, 5, 1. / 5, 1. / 3, 1, 3, 1. / 7, 1. / 5, 1. / 3, 1;
  b << 1, 2, 4, 6, 1. / 2, 1, 2, 4, 1. / 4, 1. / 2, 1, 2, 1. / 6, 1. / 4, 1. / 2, 1;
  c << 1, 1. / 5, 5, 2, 5, 1, 1. / 7, 3, 1. / 5, 7, 1, 1. / 3, 1. / 2, 1. / 3, 3, 1;
  Eigen::VectorXd want = AhpWeightsAij({a, b, c}).weights;
  const char* names[] = {"quality", "cost", "delivery", "service"};
  for (int j = 0; j < 4; ++j) CHECK(Weight(Json(aij), names[j]) == doctest::Approx(want(j)));
  Run aip = Weights("tests/data/ranking/group3.yaml --aggregate aip");
  CHECK(aip.status == 1);
  CHECK(Has(aip.err, "group3.yaml:19:7: error: expert '王工': the judgments are inconsistent"));
  CHECK(Has(aip.out,
            "judgments contributing most to the inconsistency of expert '王工':\n"
            "  cost over delivery is judged 1/7"));
}

TEST_CASE("weights command: several files are several experts") {
  Run run = Weights("tests/data/ranking/leader.yaml tests/data/ranking/leader.yaml --json");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  auto json = Json(run);
  CHECK(json->getArray("experts")->size() == 2);
  CHECK(std::abs(Weight(json, "experience") - 0.5476) < 1e-4);
  Run mismatch = Weights("tests/data/ranking/leader.yaml tests/data/ranking/group.yaml");
  CHECK(mismatch.status == 1);
  CHECK(Has(mismatch.err, "group.yaml:1:1: error: criteria (quality, cost) differ from"));
}

TEST_CASE("weights command: entropy and CRITIC over a cohort table equal the library's") {
  Eigen::MatrixXd x(4, 6);
  x << 2.0, 1500, 20000, 5.5, 5, 9,  //
      2.5, 2700, 18000, 6.5, 3, 5,   //
      1.8, 2000, 21000, 4.5, 7, 7,   //
      2.2, 1800, 20000, 5.0, 5, 5;
  const char* names[] = {"max_speed", "ferry_range", "max_payload",
                         "cost",      "reliability", "maneuverability"};
  Run entropy = Weights("--entropy tests/data/ranking/fighter.csv --json");
  REQUIRE_MESSAGE(entropy.status == 0, entropy.err);
  Eigen::VectorXd want = EntropyWeights(x).weights;
  for (int j = 0; j < 6; ++j) CHECK(Weight(Json(entropy), names[j]) == doctest::Approx(want(j)));
  Run critic = Weights("--critic tests/data/ranking/fighter.csv --cost cost --json");
  REQUIRE_MESSAGE(critic.status == 0, critic.err);
  std::vector<CriterionDirection> dirs(6, CriterionDirection::kBenefit);
  dirs[3] = CriterionDirection::kCost;
  want = CriticWeights(x, dirs).weights;
  for (int j = 0; j < 6; ++j) CHECK(Weight(Json(critic), names[j]) == doctest::Approx(want(j)));
  Run text = Weights("--critic tests/data/ranking/fighter.csv --cost cost");
  CHECK(Has(text.out,
            "CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995), 6 criteria over 4 rows"));
}

TEST_CASE("weights command: a cohort whose every column is constant gives no objective weights, exit 1") {
  for (const char* method : {"--entropy", "--critic"}) {
    CAPTURE(method);
    Run run = Weights(std::string(method) + " tests/data/ranking/constant.csv");
    CHECK(run.status == 1);
    CHECK(run.out.empty());
    CHECK(run.err == std::string("tests/data/ranking/constant.csv: error: every criterion column is constant, so the "
                                 "rows cannot be told apart and no ") +
                         (std::string(method) == "--critic" ? "CRITIC" : "entropy") + " weights follow from them\n");
  }
}

TEST_CASE("weights command: a matrix past the end of a printed RI table gets a warning naming the stand-in") {
  Run saaty = Weights("tests/data/ranking/twelve.yaml --ri saaty1980");
  CHECK(saaty.status == 0);
  CHECK(saaty.err ==
        "tests/data/ranking/twelve.yaml: warning: random-index table saaty1980 is printed only up to n = 10, so "
        "RI(10) = 1.4900 stands in for n = 12 (the consistency ratio comes out stricter); alonso-lamata is defined "
        "for every n\n");
  CHECK(Weights("tests/data/ranking/twelve.yaml --ri alonso-lamata-table").err.empty());  // printed up to 15
  CHECK(Weights("tests/data/ranking/twelve.yaml").err.empty());  // the default is defined for every n
}

TEST_CASE("weights command: a matrix that is not reciprocal is a positioned error, exit 1") {
  Run run = Weights("tests/data/ranking/bad/judgments/not_reciprocal.csv");
  CHECK(run.status == 1);
  CHECK(run.out.empty());
  CHECK(run.err == ReadFile("tests/data/ranking/bad/judgments/not_reciprocal.csv.expected"));
}

TEST_CASE("weights command: usage errors exit 2, --help exits 0") {
  CHECK(Weights("").status == 2);
  CHECK(Weights("--bogus tests/data/ranking/leader.yaml").status == 2);
  Run ri = Weights("tests/data/ranking/leader.yaml --ri saaty2008");
  CHECK(ri.status == 2);
  CHECK(Has(ri.err,
            "--ri must be one of saaty1980, saaty2005, alonso-lamata, alonso-lamata-table, "
            "got 'saaty2008', did you mean 'saaty2005'?"));
  CHECK(Weights("tests/data/ranking/leader.yaml --method power").status == 2);
  CHECK(Weights("tests/data/ranking/leader.yaml --max-cr -1").status == 2);
  CHECK(Weights("--entropy a.csv --critic b.csv").status == 2);
  CHECK(Weights("--critic tests/data/ranking/fighter.csv --cost speed").status == 2);
  CHECK(Weights("nope.yaml").status == 1);
  Run help = Weights("--help");
  CHECK(help.status == 0);
  CHECK(help.out.rfind("usage: factory-assess weights JUDGMENTS...", 0) == 0);
  CHECK(Has(help.out, "judgments over the consistency limit - then the result is still printed"));
}

}  // namespace
}  // namespace fa
