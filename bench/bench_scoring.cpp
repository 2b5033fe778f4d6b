// Benchmark: the scoring core (answer matrix in memory → every node score at
// every level, levels and maturity scores) over the full capability-maturity
// rubric. Prints factories per second. Not a test: run it by hand.
//
//   build/bench_scoring [RUBRIC] [FACTORIES] [BATCH]
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "rubric/rubric_loader.h"
#include "scoring/batch_scorer.h"

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "rubrics/cmmm.yaml";
  const long factories = argc > 2 ? std::stol(argv[2]) : 1000000;
  const long batch = argc > 3 ? std::stol(argv[3]) : 256;  // the chunk size streaming scorers use
  fa::Diagnostics diags;
  auto rubric = fa::LoadRubric(path, diags);
  if (!rubric) {
    std::fputs(diags.Format().c_str(), stderr);
    return 1;
  }
  fa::ScoringModel model = fa::CompileRubric(*rubric, diags);
  const auto criteria = static_cast<Eigen::Index>(model.criteria.size());

  // One batch of realistic answers: values from the satisfaction scale, a
  // plant-level propensity so answers correlate, ~5% not applicable.
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(0, 1);
  const double steps[] = {0, 0.5, 0.8, 1};
  fa::AnswerMatrix answers;
  answers.points.resize(batch, criteria);
  answers.mask.resize(batch, criteria);
  for (Eigen::Index f = 0; f < batch; ++f) {
    double propensity = u(rng);
    for (Eigen::Index c = 0; c < criteria; ++c) {
      double level_penalty = 0.18 * model.criterion_level[static_cast<size_t>(c)];
      double x = propensity + 0.3 * (u(rng) - 0.5) - level_penalty + 0.4;
      int step = x < 0.25 ? 0 : x < 0.5 ? 1 : x < 0.75 ? 2 : 3;
      answers.mask(f, c) = u(rng) < 0.95 ? 1 : 0;
      answers.points(f, c) = answers.mask(f, c) * steps[step] * model.max_points[c];
    }
  }

  long done = 0;
  double checksum = 0;
  auto start = std::chrono::steady_clock::now();
  fa::BatchScores s;  // reused across chunks, as a streaming scorer would
  while (done < factories) {
    fa::ScoreBatchInto(model, answers, s);
    checksum += s.score.sum();
    done += batch;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("scoring core: %s, %ld criteria, %zu nodes, batch %ld\n", path.c_str(),
              static_cast<long>(criteria), model.nodes.size() - 1, batch);
  std::printf("  %ld factory-assessments in %.3f s on one core = %.0f per second (checksum %.3f)\n",
              done, seconds, done / seconds, checksum / done);
  return 0;
}
