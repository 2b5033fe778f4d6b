// Benchmark: full diagnosis reports rendered per second (docs/architecture.md
// "Benchmarks"). Scores a synthetic cohort over the capability-maturity
// rubric — seeded random answer sets with a plant-level propensity, so
// levels, gaps, tiers and recommendations vary as they do in real cohorts —
// benchmarks it, then renders every assessment with one
// DiagnosisReportRenderer, on one thread and on several. Scoring is not
// timed. Not a test: run it by hand.
//
//   build/bench_reports [RUBRIC] [FACTORIES] [THREADS] [LANG]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "base/text.h"
#include "report/report_renderer.h"
#include "rubric/rubric_loader.h"
#include "scoring/assessment_builder.h"
#include "scoring/cohort_benchmarks.h"
#include "scoring/scoring_model.h"

namespace {

// One factory's answers: scale steps drawn around a propensity that falls
// with the level, ~4% stated not applicable.
fa::AnswerSet SyntheticAnswers(const fa::Rubric& rubric, int index, std::mt19937_64& rng) {
  static const char* towns[] = {"安亭镇", "南翔镇", "马陆镇", "江桥镇", "外冈镇", "华亭镇"};
  static const char* industries[] = {"automotive", "electronics", "biomedicine", "machinery", "textiles"};
  std::uniform_real_distribution<double> u(0, 1);
  fa::AnswerSet set;
  set.rubric = rubric.id;
  set.sha256 = "bench";
  set.assessor = "bench";
  set.date = "2026-05-01";
  set.round = "2026";
  char code[24];
  std::snprintf(code, sizeof code, "91310114MA%08d", index);
  set.factory.credit_code = code;
  set.factory.name = "上海合成样本制造有限公司 " + std::to_string(index);
  set.factory.town = towns[index % 6];
  set.factory.industry = industries[index % 5];
  set.factory.manufacturing_type = u(rng) < 0.7 ? "discrete" : "process";
  set.factory.employees = 50 + static_cast<int>(u(rng) * 2000);
  set.factory.revenue = 2000 + static_cast<int>(u(rng) * 200000);
  const double propensity = u(rng);
  for (const fa::Criterion* c : rubric.AllCriteria()) {
    fa::Answer a;
    a.criterion = c->id;
    if (u(rng) < 0.04) {
      a.kind = fa::AnswerKind::kNotApplicable;
    } else {
      const auto& steps = rubric.scales.at(c->scale).steps;
      const double x = propensity + 0.35 * (u(rng) - 0.5) - 0.17 * c->level + 0.45;
      const size_t step = std::min(steps.size() - 1, static_cast<size_t>(std::max(0.0, x) * steps.size()));
      a.kind = fa::AnswerKind::kNumber;
      a.number = steps[step].value;
      a.text = fa::FormatNumber(a.number);
    }
    set.answers.push_back(a);
  }
  return set;
}

double Render(const fa::DiagnosisReportRenderer& renderer, const std::vector<fa::Assessment>& cohort, int threads,
              size_t& bytes) {
  std::atomic<size_t> next{0}, total{0};
  auto work = [&] {
    size_t mine = 0;
    for (size_t i = next++; i < cohort.size(); i = next++) mine += renderer.Render(cohort[i]).size();
    total += mine;
  };
  const auto start = std::chrono::steady_clock::now();
  fa::ParallelFor(static_cast<size_t>(threads), [&](size_t) { work(); }, threads);
  bytes = total;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "rubrics/cmmm.yaml";
  const int factories = argc > 2 ? std::stoi(argv[2]) : 2000;
  const int threads = fa::ThreadCount(argc > 3 ? std::stoi(argv[3]) : 0);
  const std::string lang = argc > 4 ? argv[4] : "zh";
  fa::Diagnostics diags;
  auto rubric = fa::LoadRubric(path, diags);
  if (!rubric) {
    std::fputs(diags.Format().c_str(), stderr);
    return 1;
  }
  const fa::ScoringModel model = fa::CompileRubric(*rubric, diags);
  std::mt19937_64 rng(20260501);
  std::vector<fa::AnswerSet> sets;
  for (int i = 0; i < factories; ++i) sets.push_back(SyntheticAnswers(*rubric, i, rng));
  fa::AssessOptions options;
  options.generated_at = "2026-05-01T00:00:00Z";
  std::vector<fa::Assessment> cohort = fa::Assess(model, sets, options);
  fa::AddCohortBenchmarks(cohort);

  fa::ReportOptions report_options;
  report_options.lang = lang;
  const fa::DiagnosisReportRenderer renderer(report_options);
  int levels[6] = {0};
  for (const auto& a : cohort) ++levels[std::clamp(a.level, 0, 5)];
  std::printf("diagnosis reports: %s, %d factories (levels 0-5: %d %d %d %d %d %d), lang %s\n", path.c_str(),
              factories, levels[0], levels[1], levels[2], levels[3], levels[4], levels[5], lang.c_str());
  for (int t : {1, threads}) {
    size_t bytes = 0;
    const double seconds = Render(renderer, cohort, t, bytes);
    std::printf("  %d thread%s: %d reports in %.3f s = %.0f reports per second (%.0f KB each)\n", t,
                t == 1 ? " " : "s", factories, seconds, factories / seconds, bytes / 1024.0 / factories);
    if (threads == 1) break;
  }
  return 0;
}
