// Reading a Ranking back from its JSON: the round trip against a golden
// file (tests/golden/ranking/), a version-1 document (tests/data/ranking/v1/,
// report/commission_fixtures.h's SampleRanking as version 1 wrote it), and
// bad input reported in full.
#include <doctest/doctest.h>

#include <Poco/JSON/Parser.h>

#include <cstdlib>
#include <functional>
#include <sstream>

#include "assessment/ranking_json.h"
#include "base/atomic_file.h"
#include "ranking/ranking_method.h"
#include "base/text.h"
#include "base/version.h"
#include "report/commission_fixtures.h"

namespace fa {
namespace {

const std::string kGolden = "tests/golden/ranking/commission-2026.json";
const std::string kGoldenTies = "tests/golden/ranking/commission-2026-ties.json";

// The document with the program's version as the golden file has it.
std::string Pinned(std::string json) {
  const std::string version = ProgramVersion();
  const size_t at = json.find(version);
  return at == std::string::npos ? json : json.replace(at, version.size(), "factory-assess (golden)");
}

// The golden document with `edit` applied.
std::string Edited(const std::function<void(Poco::JSON::Object::Ptr)>& edit) {
  Poco::JSON::Object::Ptr top = Poco::JSON::Parser().parse(ReadFile(kGolden)).extract<Poco::JSON::Object::Ptr>();
  edit(top);
  std::ostringstream out;
  top->stringify(out);
  return out.str();
}

// Every diagnostic of reading `text`, which must fail.
std::string Errors(const std::string& text) {
  Diagnostics d;
  CHECK_FALSE(RankingFromJson(text, "ranking.json", RankingMethodFactsTable(), d));
  return d.Format();
}

Poco::JSON::Object::Ptr Candidate(const Poco::JSON::Object::Ptr& top, unsigned i) {
  return top->getArray("candidates")->getObject(i);
}

}  // namespace

TEST_CASE("ranking JSON: written, read and written again, the document is the golden file byte for byte") {
  const std::string json = Pinned(RankingToJson(testing::SampleRanking()));
  const char* regenerate = std::getenv("FA_REGENERATE_GOLDEN");
  if (regenerate && std::string(regenerate) == "1") {
    WriteFile(kGolden, json);
    return;
  }
  CHECK(json == ReadFile(kGolden));
  Diagnostics d;
  const std::optional<Ranking> back = RankingFromJson(ReadFile(kGolden), kGolden, RankingMethodFactsTable(), d);
  REQUIRE_MESSAGE(back, d.Format());
  CHECK(d.empty());
  CHECK(Pinned(RankingToJson(*back)) == json);
  // What version 2 added is there.
  CHECK(back->tier_names.at("advanced").zh == "先进级智能工厂");
  CHECK(back->ahp->ri_values.size() == 10);
  CHECK(back->candidates[0].candidate.tiers == std::vector<std::string>{"basic", "advanced"});
  CHECK(back->stability.seed == 2026);
}

TEST_CASE("ranking JSON: shared ranks and who is tied with whom survive the round trip through their golden file") {
  const std::string json = Pinned(RankingToJson(testing::TiedSampleRanking()));
  const char* regenerate = std::getenv("FA_REGENERATE_GOLDEN");
  if (regenerate && std::string(regenerate) == "1") {
    WriteFile(kGoldenTies, json);
    return;
  }
  CHECK(json == ReadFile(kGoldenTies));
  Diagnostics d;
  const std::optional<Ranking> back = RankingFromJson(ReadFile(kGoldenTies), kGoldenTies, RankingMethodFactsTable(), d);
  REQUIRE_MESSAGE(back, d.Format());
  CHECK(Pinned(RankingToJson(*back)) == json);
  std::vector<int> ranks;
  for (const auto& c : back->candidates) ranks.push_back(c.rank);
  CHECK(ranks == std::vector<int>{1, 2, 3, 4, 5, 5, 7, 8, 9, 10, 11, 11});
  CHECK(back->candidates[4].tied_with == std::vector<std::string>{"91310114MA1G05K2L3X"});
  CHECK(back->candidates[5].tied_with == std::vector<std::string>{"91310114MA1G04K2L3X"});
  CHECK(back->candidates[3].tied_with.empty());
}

TEST_CASE("ranking JSON: a version-2 document reads, its ranks not shared") {
  Diagnostics d;
  const std::string file = "tests/data/ranking/v2/commission-2026.json";
  const std::optional<Ranking> old = RankingFromJson(ReadFile(file), file, RankingMethodFactsTable(), d);
  REQUIRE_MESSAGE(old, d.Format());
  CHECK(d.empty());
  REQUIRE(old->candidates.size() == 12);
  for (size_t i = 0; i < old->candidates.size(); ++i) {
    CHECK(old->candidates[i].rank == static_cast<int>(i) + 1);
    CHECK(old->candidates[i].tied_with.empty());
  }
  // Written again it is the current golden file: nothing else changed.
  CHECK(Pinned(RankingToJson(*old)) == ReadFile(kGolden));
}

TEST_CASE("ranking JSON: a version-1 document reads, without the tier names, tiers and RI row it did not hold") {
  Diagnostics d;
  const std::string file = "tests/data/ranking/v1/commission-2026.json";
  const std::optional<Ranking> old = RankingFromJson(ReadFile(file), file, RankingMethodFactsTable(), d);
  REQUIRE_MESSAGE(old, d.Format());
  CHECK(old->tier_names.empty());
  CHECK(old->ahp->ri_values.empty());
  CHECK_FALSE(old->candidates[0].candidate.tiers.has_value());
  CHECK(old->filters.tiers.empty());
  // The rest as written (version 1 wrote 12 significant digits).
  const Ranking sample = testing::SampleRanking();
  CHECK(old->id == sample.id);
  CHECK(old->method.name == "topsis");
  CHECK(old->method.value_digits == 4);
  CHECK(old->ahp->judgments == sample.ahp->judgments);
  CHECK(old->criteria[2].cost);
  CHECK(old->filters.min_level == 2);
  REQUIRE(old->candidates.size() == 12);
  CHECK(old->candidates[11].candidate.name == "上海嘉定某包装材料有限公司");
  CHECK(old->candidates[5].value == doctest::Approx(sample.candidates[5].value).epsilon(1e-12));
  CHECK(old->candidates[1].stability->p_top_n == 0.9981);
}

TEST_CASE("ranking JSON: another format, a newer version or an unknown method stop the reading") {
  CHECK(Errors(Edited([](auto top) { top->set("format", "factory-assess/assessments"); })) ==
        "ranking.json: error: expected format 'factory-assess/ranking', found 'factory-assess/assessments'\n");
  CHECK(Errors(Edited([](auto top) { top->set("version", 4); })) ==
        "ranking.json: error: version 4 is newer than this program reads (3)\n");
  CHECK(Errors(Edited([](auto top) { top->set("method", "vikor"); })) ==
        "ranking.json: error: 'method' must be score, weighted or topsis, found 'vikor'\n");
  CHECK(Errors("[1, 2]") == "ranking.json: error: expected a JSON object\n");
}

TEST_CASE("ranking JSON: missing fields are errors naming the field and where it is missing") {
  CHECK(Errors(Edited([](auto top) { top->remove("method"); })) == "ranking.json: error: missing 'method'\n");
  CHECK(Errors(Edited([](auto top) {
          top->getObject("weights")->getObject("ahp")->remove("cr");
          Candidate(top, 0)->remove("closeness");
          Candidate(top, 3)->getObject("values")->remove("energy");
        })) ==
        "ranking.json: error: weights.ahp: missing 'cr'\n"
        "ranking.json: error: candidates[0]: missing 'closeness'\n"
        "ranking.json: error: candidates[3].values: missing 'energy'\n");
}

TEST_CASE("ranking JSON: values of the wrong type are errors saying what they must be, all of them") {
  CHECK(Errors(Edited([](auto top) {
          top->getObject("stability")->set("samples", "many");
          top->getObject("config")->getArray("criteria")->getObject(2)->set("direction", "lower");
          Candidate(top, 2)->getObject("stability")->set("rank_p5", "first");
          Candidate(top, 5)->set("tiers", "basic");
          Candidate(top, 6)->set("tied_with", "91310114MA1G05K2L3X");
          top->set("ranked", 13);
        })) ==
        "ranking.json: error: config.criteria[2]: 'direction' must be benefit or cost, found 'lower'\n"
        "ranking.json: error: stability: 'samples' must be a number\n"
        "ranking.json: error: 'ranked' is 13 but there are 12 candidates\n"
        "ranking.json: error: candidates[2].stability: 'rank_p5' must be a number\n"
        "ranking.json: error: candidates[5]: 'tiers' must be an array\n"
        "ranking.json: error: candidates[6]: 'tied_with' must be an array\n");
}

}  // namespace fa
