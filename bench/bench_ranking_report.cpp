// Benchmark: the commission's ranking report for a large ranking
// (docs/architecture.md "Benchmarks"). Ranks a synthetic field of candidates
// (TOPSIS over four criteria with AHP weights, rank stability from 2,000
// Monte Carlo samples — not timed), then renders the whole report — one row,
// interval bar and sentence set per candidate — several times and prints
// reports per second and the size. Also times the district portfolio over as
// many assessments. Not a test.
//
//   build/bench_ranking_report [CANDIDATES] [RUNS]
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "report/portfolio_report.h"
#include "report/ranking_report.h"
#include "ranking/ranking_config.h"
#include "ranking/rank_candidates.h"
#include "ranking/ranking_weights.h"

namespace {

const char* kConfig =
    "ranking: bench\n"
    "title: {zh: 基准排序, en: Benchmark ranking}\n"
    "method: topsis\n"
    "criteria:\n"
    "  - {id: maturity, source: \"column:maturity\", direction: benefit}\n"
    "  - {id: manufacturing, source: \"column:manufacturing\", direction: benefit}\n"
    "  - {id: rd_share, source: \"column:rd_share\", direction: benefit}\n"
    "  - {id: energy, source: \"column:energy\", direction: cost}\n"
    "weights:\n"
    "  ahp:\n"
    "    - [1, 2, 3, 4]\n"
    "    - [\"1/2\", 1, 2, 3]\n"
    "    - [\"1/3\", \"1/2\", 1, 2]\n"
    "    - [\"1/4\", \"1/3\", \"1/2\", 1]\n"
    "stability: {samples: 2000, kappa: 50, seed: 1, select: 100}\n";

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 1000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 20;
  static const char* towns[] = {"安亭镇", "南翔镇", "马陆镇", "江桥镇", "外冈镇", "华亭镇", "嘉定工业区"};
  static const char* industries[] = {"automotive", "integrated_circuits", "biomedicine", "ai", "industrial_internet"};
  fa::Diagnostics diags;
  auto config = fa::LoadRankingConfigFromString(kConfig, "bench.yaml", diags);
  auto weights = config ? fa::ResolveRankingWeights(*config, diags) : std::nullopt;
  if (!config || !weights) {
    std::fprintf(stderr, "%s", diags.Format().c_str());
    return 1;
  }
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  fa::RankingInput input;
  input.values.resize(n, 4);
  std::vector<fa::Assessment> district;
  for (int i = 0; i < n; ++i) {
    fa::RankingCandidate c;
    char code[24];
    std::snprintf(code, sizeof code, "91310114MA%08d", i);
    c.id = code;
    c.name = "上海嘉定某智能制造有限公司" + std::to_string(i);
    c.town = towns[i % 7];
    c.industry = industries[i % 5];
    const double m = 1 + 3.5 * u(rng);
    c.maturity = m;
    c.level = static_cast<int>(m);
    c.tiers = std::vector<std::string>{m > 2 ? "basic" : "none"};
    input.values.row(i) << m, u(rng), 1 + 6 * u(rng), 0.05 + 0.3 * u(rng);
    input.candidates.push_back(c);
    fa::Assessment a;
    a.rubric.id = "cmmm";
    a.factory.credit_code = code;
    a.factory.name = c.name;
    a.factory.town = c.town;
    a.factory.industry = c.industry;
    a.round = i % 3 == 0 ? "2025" : "2026";
    a.level = *c.level;
    a.score = m;
    district.push_back(a);
  }
  auto start = std::chrono::steady_clock::now();
  const fa::Ranking ranking = fa::RankCandidates(*config, std::move(input), *weights, config->stability);
  std::printf("ranked %d candidates with %d stability samples in %.2f s (not part of the report figure)\n", n,
              config->stability.samples, Seconds(start));
  fa::RankingReportOptions options;
  options.generated_at = "2026-11-27T08:00:00Z";
  const fa::RankingReportRenderer renderer(options);
  size_t bytes = 0;
  start = std::chrono::steady_clock::now();
  for (int r = 0; r < runs; ++r) bytes = renderer.Render(ranking).size();
  double s = Seconds(start);
  std::printf("ranking report, %d candidates: %.1f reports/s (%.1f ms each), %.0f KB of HTML\n", n, runs / s,
              1000 * s / runs, bytes / 1024.0);
  fa::PortfolioOptions portfolio_options;
  portfolio_options.generated_at = options.generated_at;
  fa::SmartFactoryRule rule;
  rule.min_level = 2;
  const fa::PortfolioReportRenderer portfolio(portfolio_options);
  start = std::chrono::steady_clock::now();
  for (int r = 0; r < runs; ++r) bytes = portfolio.Render(fa::BuildPortfolio(district, rule)).size();
  s = Seconds(start);
  std::printf("district portfolio, %d assessments: %.1f reports/s (%.1f ms each), %.0f KB of HTML\n", n, runs / s,
              1000 * s / runs, bytes / 1024.0);
  return 0;
}
