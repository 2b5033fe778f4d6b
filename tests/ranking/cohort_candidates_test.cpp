// Ranking candidates made straight from a cohort CSV's rows
// (src/ranking/cohort_candidates.h) against the path they replaced, kept
// here as the reference: each window's rows made AnswerSets, scored into
// Assessments (AssessOptions::ranking_only) and added by AddAssessment.
// The ranking, its JSON and CSV, and every diagnostic must be the same bytes.
#include "ranking/cohort_candidates.h"

#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "assessment/ranking_json.h"
#include "base/atomic_file.h"
#include "base/env.h"
#include "base/text.h"
#include "scoring/assessment_builder.h"
#include "service/compiled_rubric.h"
#include "service/rank.h"
#include "synth/synthetic_cohort.h"

namespace fa {
namespace {

const CompiledRubric& CapabilityMaturity() {
  static const auto compiled = [] {
    Diagnostics d;
    auto c = CompileRubricFile("rubrics/cmmm.yaml", d);
    REQUIRE_MESSAGE(c, d.Format());
    return c;
  }();
  return *compiled;
}

// A synthetic capability-maturity cohort of `n` rows as CSV text.
std::string SynthText(size_t n, uint64_t seed) {
  SynthOptions options;
  options.factories = n;
  options.seed = seed;
  options.threads = 1;
  std::string text;
  WriteSynthCohortCsv(CapabilityMaturity().model, options, [&](std::string_view chunk) { text += chunk; });
  return text;
}

std::vector<std::string> CohortLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> CohortCells(const std::string& line) {
  std::vector<std::string> cells;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

std::string JoinCells(const std::vector<std::string>& cells) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + cells[i];
  return line;
}

// Row `row`'s (1-based) cell of column `name` set to `value`; synthetic rows
// quote no cell, so splitting at commas is enough.
std::string SetCell(const std::string& text, size_t row, const std::string& name, const std::string& value) {
  std::vector<std::string> lines = CohortLines(text);
  const std::vector<std::string> header = CohortCells(lines[0]);
  size_t column = 0;
  while (column < header.size() && header[column] != name) ++column;
  REQUIRE(column < header.size());
  std::vector<std::string> cells = CohortCells(lines[row]);
  cells[column] = value;
  lines[row] = JoinCells(cells);
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

// What a ranking gave: its CSV and JSON (or nothing) and the diagnostics.
struct Ranked {
  std::string csv, json, diagnostics;
};

// Ranks by the config at `config_path`, the candidates added by `add`.
Ranked RankWith(const std::string& config_path, const std::function<void(RankingInputBuilder&, Diagnostics&)>& add,
                int samples) {
  Diagnostics diags;
  auto config = LoadRankingConfig(config_path, diags);
  REQUIRE_MESSAGE(config, diags.Format());
  RankRequest request;
  request.stability = config->stability;
  request.stability.samples = samples;
  request.stream = [&](RankingInputBuilder& builder) { add(builder, diags); };
  Ranked out;
  if (auto ranking = RankByConfig(*config, std::move(request), diags)) {
    out.csv = RankingToCsv(*ranking);
    out.json = RankingToJson(*ranking);
  }
  out.diagnostics = diags.Format();
  return out;
}

// The reference: the rows' Assessments, as rank_command.cpp made them
// before candidates were made from the rows.
void AddAsAssessments(const CompiledRubric& compiled, const std::string& path, RankingInputBuilder& builder,
                      Diagnostics& diags) {
  AssessOptions options;
  options.generated_at = "2026-01-01T00:00:00Z";
  options.ranking_only = true;
  ReadCohortAnswerSetWindows(
      *compiled.rubric, path, diags,
      [&](std::vector<AnswerSet>& sets, size_t first_row) {
        const std::vector<Assessment> assessed = Assess(compiled.model, sets, options);
        for (size_t i = 0; i < assessed.size(); ++i)
          builder.AddAssessment(assessed[i], path + ", row " + std::to_string(first_row + i + 1));
      },
      RankCohortWindows());
}

// Ranks `cohort` both ways and checks they agree to the byte; the lean
// path's result.
Ranked RankBothWays(const CompiledRubric& compiled, const std::string& config, const std::string& cohort,
                    int samples = 0) {
  const Ranked lean = RankWith(config, [&](RankingInputBuilder& b, Diagnostics& d) {
    AddCohortCandidates(compiled.model, cohort, b, d, RankCohortWindows());
  }, samples);
  const Ranked reference = RankWith(config, [&](RankingInputBuilder& b, Diagnostics& d) {
    AddAsAssessments(compiled, cohort, b, d);
  }, samples);
  CHECK(lean.csv == reference.csv);
  CHECK(lean.json == reference.json);
  CHECK_MESSAGE(lean.diagnostics == reference.diagnostics, lean.diagnostics, "\n---\n", reference.diagnostics);
  return lean;
}

// The TOPSIS cohort config of tests/cli/rank_cohort_test.cpp.
std::string TopsisCohortConfig() { return ReadFile("tests/data/ranking/cohort-topsis.yaml"); }

std::string WriteConfig(const TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.File(name);
  WriteFile(path, text);
  return path;
}

TEST_CASE("rank over a cohort: candidates made from the rows rank as the rows' Assessments, to the byte") {
  const CompiledRubric& cmmm = CapabilityMaturity();
  TempDir dir("fa-lean-rank");
  const std::string cohort = dir.File("cohort.csv");
  WriteFile(cohort, SynthText(3000, 5));  // three windows of RankCohortWindows()
  const std::string topsis = WriteConfig(dir, "topsis.yaml", TopsisCohortConfig());
  const Ranked all = RankBothWays(cmmm, topsis, cohort);
  CHECK(CohortLines(all.csv).size() == 3001);
  CHECK(all.diagnostics.empty());
  // With rank stability, over the candidates the filters leave.
  std::string filtered = TopsisCohortConfig();
  filtered += "filters: {town: [安亭镇, 马陆镇], industry: [automotive, ai, 航天]}\n";
  const Ranked some = RankBothWays(cmmm, WriteConfig(dir, "filtered.yaml", filtered), cohort, 300);
  CHECK(CohortLines(some.csv).size() > 100);
  CHECK(CohortLines(some.csv).size() < 1500);
  CHECK(some.diagnostics.find("industry '航天' matches no candidate") != std::string::npos);
}

TEST_CASE("rank over a cohort: tier verdicts told from a row's scores are its Assessment's") {
  const CompiledRubric& cmmm = CapabilityMaturity();
  REQUIRE_FALSE(cmmm.rubric->tiers.tiers.empty());
  TempDir dir("fa-lean-rank");
  const std::string cohort = dir.File("cohort.csv");
  WriteFile(cohort, SynthText(3000, 11));
  // Every tier as a filter: the candidates it keeps are the same, and some
  // are kept and some left out by each of the lower tiers.
  for (const char* tier : {"basic", "advanced", "excellent", "leading"}) {
    CAPTURE(tier);
    std::string config = TopsisCohortConfig();
    config += std::string("filters: {tier: [") + tier + "]}\n";
    const Ranked ranked = RankBothWays(cmmm, WriteConfig(dir, std::string(tier) + ".yaml", config), cohort);
    if (std::string(tier) == "basic" || std::string(tier) == "advanced") {
      CHECK(CohortLines(ranked.csv).size() > 2);
      CHECK(CohortLines(ranked.csv).size() < 3001);
    }
  }
  // Each row's eligible tiers, one by one.
  RankingConfig config;
  config.id = "tiers";
  config.method = FindRankingMethod("weighted");
  RankingCriterion score;
  score.id = "score";
  score.source = CriterionSource::kScore;
  config.criteria.push_back(score);
  Diagnostics d1, d2;
  RankingInputBuilder lean(config, d1), reference(config, d2);
  CHECK(AddCohortCandidates(cmmm.model, cohort, lean, d1, RankCohortWindows()).ok());
  AddAsAssessments(cmmm, cohort, reference, d2);
  const RankingInput a = lean.Finish(), b = reference.Finish();
  REQUIRE(a.candidates.size() == 3000);
  REQUIRE(b.candidates.size() == 3000);
  std::map<std::string, int> eligible;
  for (size_t i = 0; i < a.candidates.size(); ++i) {
    CAPTURE(i);
    REQUIRE(a.candidates[i].tiers.has_value());
    CHECK(a.candidates[i].tiers == b.candidates[i].tiers);
    CHECK(a.candidates[i].id == b.candidates[i].id);
    CHECK(a.candidates[i].file == b.candidates[i].file);
    CHECK(a.candidates[i].level == b.candidates[i].level);
    CHECK(a.candidates[i].maturity == b.candidates[i].maturity);
    for (const auto& t : *a.candidates[i].tiers) ++eligible[t];
  }
  REQUIRE(a.tier_names.size() == b.tier_names.size());
  CHECK(a.tier_names.size() == 4);
  for (auto i = a.tier_names.begin(), j = b.tier_names.begin(); i != a.tier_names.end(); ++i, ++j) {
    CHECK(i->first == j->first);
    CHECK(i->second.zh == j->second.zh);
    CHECK(i->second.en == j->second.en);
  }
  CHECK(eligible["basic"] > 0);
  CHECK(eligible["advanced"] > 0);
  CHECK(eligible["basic"] < 3000);
}

TEST_CASE("rank over a cohort: town and industry filters, a blank revenue and node sources agree with the Assessment path") {
  const CompiledRubric& cmmm = CapabilityMaturity();
  TempDir dir("fa-lean-rank");
  const std::string text = SynthText(3000, 5);
  const std::string topsis = WriteConfig(dir, "topsis.yaml", TopsisCohortConfig());

  // Row 2,500 without its revenue: the same error, naming the row.
  const std::string gap = dir.File("gap.csv");
  WriteFile(gap, SetCell(text, 2500, "revenue", ""));
  const Ranked missing = RankBothWays(cmmm, topsis, gap);
  CHECK(missing.csv.empty());
  CHECK_MESSAGE(missing.diagnostics.find("gap.csv, row 2500") != std::string::npos, missing.diagnostics);

  // A row of a town of its own, and one with no town or industry: the
  // filters leave them in or out alike.
  const std::string towns = dir.File("towns.csv");
  WriteFile(towns, SetCell(SetCell(SetCell(text, 7, "town", "外冈镇"), 1600, "town", ""), 1600, "industry", ""));
  std::string by_town = TopsisCohortConfig();
  by_town += "filters: {town: [外冈镇, 嘉定], industry: [automotive, electronics, general_equipment]}\n";
  const Ranked kept = RankBothWays(cmmm, WriteConfig(dir, "town.yaml", by_town), towns);
  CHECK(!kept.csv.empty());
  CHECK_MESSAGE(kept.diagnostics.find("town '嘉定' matches no candidate") != std::string::npos, kept.diagnostics);

  // Node sources: a node that does not apply to some rows is an error at
  // each (the first five, then a count), and an unknown node one at the config.
  std::string nodes = TopsisCohortConfig();
  nodes.replace(nodes.find("source: level"), 13, "source: \"node:manufacturing\"");
  const Ranked by_node = RankBothWays(cmmm, WriteConfig(dir, "nodes.yaml", nodes), towns);
  CHECK(by_node.diagnostics.find("does not apply to it") != std::string::npos);
  std::string unknown = TopsisCohortConfig();
  unknown.replace(unknown.find("source: level"), 13, "source: \"node:manufacturng\"");
  const Ranked misspelt = RankBothWays(cmmm, WriteConfig(dir, "unknown.yaml", unknown), towns);
  CHECK_MESSAGE(misspelt.diagnostics.find("did you mean 'manufacturing'") != std::string::npos, misspelt.diagnostics);

  // Another rubric's ranking: every row is an error, alike.
  std::string other = TopsisCohortConfig();
  other.replace(other.find("rubric: cmmm"), 12, "rubric: sme-digital-2024");
  const Ranked wrong = RankBothWays(cmmm, WriteConfig(dir, "other.yaml", other), towns);
  CHECK(wrong.diagnostics.find("the ranking is over rubric 'sme-digital-2024'") != std::string::npos);
}

TEST_CASE("rank over a cohort: the commission's example config, with profile fields of the cohort's own") {
  const CompiledRubric& cmmm = CapabilityMaturity();
  TempDir dir("fa-lean-rank");
  // rd_share and energy_intensity as further profile columns, one blank.
  std::vector<std::string> lines = CohortLines(SynthText(1200, 3));
  lines[0] += ",rd_share,energy_intensity";
  for (size_t i = 1; i < lines.size(); ++i)
    lines[i] += "," + FormatNumber(0.5 + static_cast<double>(i % 37) / 10) + "," +
                (i == 900 ? std::string() : FormatNumber(0.1 + static_cast<double>(i % 11) / 7));
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  const std::string cohort = dir.File("commission.csv");
  WriteFile(cohort, text);
  // The example config: its node criteria lack a value on rows where the
  // node does not apply, and its min_level filter leaves rows out, alike.
  const Ranked example = RankBothWays(cmmm, "examples/ranking/commission-2026.yaml", cohort);
  CHECK_MESSAGE(example.diagnostics.find("more candidates lack a value") != std::string::npos, example.diagnostics);
  // The fields as criteria: the blank one named by its row, then ranked.
  std::string fields = TopsisCohortConfig();
  fields.replace(fields.find("profile:revenue"), 15, "profile:rd_share");
  fields.replace(fields.find("profile:employees"), 17, "profile:energy_intensity");
  const std::string config = WriteConfig(dir, "fields.yaml", fields);
  const Ranked blank = RankBothWays(cmmm, config, cohort);
  CHECK_MESSAGE(blank.diagnostics.find("commission.csv, row 900") != std::string::npos, blank.diagnostics);
  WriteFile(cohort, SetCell(text, 900, "energy_intensity", "0.25"));
  const Ranked ranked = RankBothWays(cmmm, config, cohort, 500);
  CHECK(CohortLines(ranked.csv).size() == 1201);
}

}  // namespace
}  // namespace fa
