// Ranking configs and judgment files (src/rubric/ranking_config*.h): the
// shipped example loads with every field, CSV cells keep their positions,
// and the bad corpora (tests/data/ranking/bad/*.yaml for configs,
// tests/data/ranking/bad/judgments/* for `weights` inputs) give exactly the
// diagnostics in the `.expected` file beside each one.
//
// FA_REGENERATE_GOLDEN=1 rewrites the .expected files from the current
// output instead of comparing; review them line by line before committing.
#include "ranking/ranking_config.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "base/atomic_file.h"
#include "base/text.h"
#include "ranking/ranking_config_csv.h"
#include "ranking/ranking_weights.h"

namespace fa {
namespace {

namespace fs = std::filesystem;

const char kExample[] = "examples/ranking/commission-2026.yaml";

bool Regenerating() {
  const char* v = std::getenv("FA_REGENERATE_GOLDEN");
  return v && std::string(v) == "1";
}

std::vector<std::string> FilesIn(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string path = entry.path().generic_string();
    if (entry.is_regular_file() && entry.path().extension() != ".expected") files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

void CheckAgainstExpected(const std::string& file, const std::string& got) {
  const std::string expected_file = file + ".expected";
  if (Regenerating()) {
    WriteFile(expected_file, got);
    return;
  }
  REQUIRE_MESSAGE(fs::exists(expected_file), "missing " << expected_file);
  CHECK(got == ReadFile(expected_file));
}

TEST_CASE("ranking config: the complete example of docs/ranking.md is the shipped example") {
  std::string doc = ReadFile(std::string(FA_SOURCE_DIR) + "/docs/ranking.md");
  const std::string open = "```yaml\n# The district economic commission's ranking";
  size_t start = doc.find(open);
  REQUIRE(start != std::string::npos);
  start += 8;
  CHECK(doc.substr(start, doc.find("```", start) - start) == ReadFile(kExample));
}

TEST_CASE("ranking config: the shipped example loads with every field") {
  Diagnostics diags;
  std::optional<RankingConfig> c = LoadRankingConfig(kExample, diags);
  REQUIRE_MESSAGE(c, diags.Format());
  CHECK(diags.empty());
  CHECK(c->id == "commission-2026");
  CHECK(c->title.en == "District smart-factory designation 2026, candidate ranking (example)");
  CHECK(c->rubric == "cmmm");
  CHECK(c->method == FindRankingMethod("topsis"));
  REQUIRE(c->criteria.size() == 5);
  CHECK(c->criteria[0].source == CriterionSource::kScore);
  CHECK(c->criteria[1].source == CriterionSource::kNode);
  CHECK(c->criteria[1].source_name == "manufacturing");
  CHECK(c->criteria[4].source == CriterionSource::kProfile);
  CHECK(c->criteria[4].source_name == "energy_intensity");
  CHECK(c->criteria[4].cost);
  CHECK_FALSE(c->criteria[0].cost);
  REQUIRE(c->ahp);
  CHECK(c->ahp->judgments.matrix[0][4] == 5);
  CHECK(c->ahp->judgments.matrix[4][0] == 0.2);
  CHECK(c->ahp->ri_table == "alonso-lamata");
  CHECK(c->filters.min_level == 2);
  CHECK(c->stability.samples == 10000);
  CHECK(c->stability.kappa == 50);
  CHECK(c->stability.seed == 2026);
  CHECK(c->stability.select == 10);
  std::optional<RankingWeights> w = ResolveRankingWeights(*c, diags);
  REQUIRE(w);
  CHECK(w->from == "ahp");
  CHECK(w->weights.sum() == doctest::Approx(1));
  CHECK(w->ahp->consistent);
}

TEST_CASE("ranking config: defaults — equal weights, stability 10000 / 50 / 42 / 10") {
  Diagnostics diags;
  auto c = LoadRankingConfigFromString(
      "ranking: r\ntitle: {zh: 甲, en: A}\nmethod: weighted\ncriteria:\n"
      "  - {id: a, source: score, direction: benefit}\n"
      "  - {id: b, source: \"column:b\", direction: cost}\n",
      "inline.yaml", diags);
  REQUIRE_MESSAGE(c, diags.Format());
  CHECK(c->normalization.empty());  // the method's default
  CHECK(c->method->Facts(c->normalization).normalization == "minmax");
  CHECK(c->stability.samples == 10000);
  CHECK(c->stability.kappa == 50);
  CHECK(c->stability.seed == 42);
  CHECK(c->stability.select == 10);
  auto w = ResolveRankingWeights(*c, diags);
  REQUIRE(w);
  CHECK(w->from == "equal");
  CHECK(w->weights(0) == 0.5);
  CHECK(w->weights(1) == 0.5);
}

TEST_CASE("ranking config: every bad config gives exactly the expected diagnostics") {
  const auto files = FilesIn("tests/data/ranking/bad");
  REQUIRE(files.size() >= 10);
  for (const auto& file : files) {
    if (fs::path(file).extension() != ".yaml") continue;
    CAPTURE(file);
    Diagnostics diags;
    std::optional<RankingConfig> c = LoadRankingConfig(file, diags);
    if (c) CHECK_FALSE(ResolveRankingWeights(*c, diags));
    CHECK(diags.HasErrors());
    CheckAgainstExpected(file, diags.Format());
  }
}

TEST_CASE("weights judgments: every bad judgments file gives exactly the expected diagnostics") {
  const auto files = FilesIn("tests/data/ranking/bad/judgments");
  REQUIRE(files.size() >= 6);
  for (const auto& file : files) {
    CAPTURE(file);
    Diagnostics diags;
    CHECK_FALSE(LoadJudgmentsFile(file, diags));
    CHECK(diags.HasErrors());
    CheckAgainstExpected(file, diags.Format());
  }
}

TEST_CASE("ranking csv: quotes, doubled quotes, CRLF and a byte-order mark, with positions") {
  Diagnostics diags;
  auto t = ParseCsv(
      "\xEF\xBB\xBF"
      "a, \"b,c\" ,d\r\n1,\"say \"\"hi\"\"\",3\r\n\r\n 4 ,5,6\n",
      "t.csv", diags);
  REQUIRE_MESSAGE(t, diags.Format());
  CHECK(t->ColumnNames() == std::vector<std::string>{"a", "b,c", "d"});
  REQUIRE(t->rows.size() == 2);
  CHECK(t->rows[0][1].text == "say \"hi\"");
  CHECK(t->rows[0][1].pos.line == 2);
  CHECK(t->rows[0][1].pos.column == 3);
  CHECK(t->rows[1][0].text == "4");
  CHECK(t->rows[1][0].pos.line == 4);
  CHECK(t->rows[1][0].pos.column == 2);
  CHECK(t->header[1].pos.column == 4);
  CHECK(t->Column("d") == 2u);
}

TEST_CASE("ranking csv: an unterminated quote and an empty file are errors") {
  Diagnostics diags;
  CHECK_FALSE(ParseCsv("a,b\n1,\"open\n", "q.csv", diags));
  CHECK(diags.Format().find("q.csv:2:3: error: unterminated quoted field") == 0);
  Diagnostics empty;
  CHECK_FALSE(ParseCsv("\n\n", "e.csv", empty));
  CHECK(empty.Format().find("e.csv:1:1: error: the table is empty") == 0);
}

TEST_CASE("ranking csv: text after a closing quote is an error at its line and column, as in a cohort CSV") {
  Diagnostics diags;
  CHECK_FALSE(ParseCsv("name,score\n\"A1\"junk,0.5\n\"A2\",0.7\n", "candidates.csv", diags));
  CHECK(diags.Format() ==
        "candidates.csv:2:5: error: unexpected text after a closing quote (a quote inside a quoted field is "
        "written \"\")\n\"A1\"junk,0.5\n    ^\n");
}

}  // namespace
}  // namespace fa
