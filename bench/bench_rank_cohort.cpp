// Benchmark: `rank` over a cohort CSV (src/ranking/cohort_candidates.h) —
// read, check and score every row, make it a candidate, rank by the TOPSIS
// cohort config (tests/data/ranking/cohort-topsis.yaml) and write the ranking as
// CSV — at 10k and 100k synthetic capability-maturity factories (the
// `synth` generator, seed 7), then with rank stability (10,000 samples)
// over the 100k rows filtered down to about 1,000 candidates. Prints
// rows per second and the peak resident size so far; each cohort is
// written by a child process, so the peak is the ranking's own.
// Not a test: run it by hand from the project root.
//
//   build/bench_rank_cohort [RUBRIC] [FACTORIES...]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "assessment/ranking_json.h"
#include "base/atomic_file.h"
#include "ranking/cohort_candidates.h"
#include "service/compiled_rubric.h"
#include "service/rank.h"
#include "synth/synthetic_cohort.h"

namespace {

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

double PeakMb() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The cohort written by a child process, whose memory is then gone.
bool WriteCohort(const fa::ScoringModel& model, size_t factories, const std::string& path) {
  const pid_t child = fork();
  if (child == 0) {
    fa::SynthOptions synth;
    synth.factories = factories;
    synth.seed = 7;
    fa::WriteFileStreamed(path, [&](std::ostream& out) {
      fa::WriteSynthCohortCsv(model, synth, [&](std::string_view chunk) {
        out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      });
    });
    _exit(0);
  }
  int status = 0;
  return child > 0 && waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Ranks the cohort at `cohort` by the config at `config`; the CSV's bytes,
// 0 after printing the problems.
size_t Rank(const fa::CompiledRubric& compiled, const std::string& config_path, const std::string& cohort,
            int samples) {
  fa::Diagnostics diags;
  auto config = fa::LoadRankingConfig(config_path, diags);
  if (!config) {
    std::fputs(diags.Format().c_str(), stderr);
    return 0;
  }
  fa::RankRequest request;
  request.stability = config->stability;
  request.stability.samples = samples;
  request.stream = [&](fa::RankingInputBuilder& builder) {
    fa::AddCohortCandidates(compiled.model, cohort, builder, diags, fa::RankCohortWindows());
  };
  auto ranking = fa::RankByConfig(*config, std::move(request), diags);
  if (!ranking) {
    std::fputs(diags.Format().c_str(), stderr);
    return 0;
  }
  return fa::RankingToCsv(*ranking).size();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string rubric = argc > 1 ? argv[1] : "rubrics/cmmm.yaml";
  std::vector<size_t> sizes;
  for (int i = 2; i < argc; ++i) sizes.push_back(std::stoul(argv[i]));
  if (sizes.empty()) sizes = {10000, 100000};
  fa::Diagnostics diags;
  auto compiled = fa::CompileRubricFile(rubric, diags);
  if (!compiled) {
    std::fputs(diags.Format().c_str(), stderr);
    return 1;
  }
  const std::string config = "tests/data/ranking/cohort-topsis.yaml", filtered = "/tmp/fa-bench-rank-cohort-1k.yaml";
  // Two towns and one industry: about 1,000 of 100,000 synthetic factories.
  fa::WriteFile(filtered, fa::ReadFile(config) + "filters: {town: [安亭镇, 马陆镇], industry: [ai]}\n");
  std::printf("rank over a cohort CSV: %s, TOPSIS over score, level, revenue, employees; CSV written to memory\n",
              rubric.c_str());
  std::string cohort;
  for (size_t n : sizes) {
    cohort = "/tmp/fa-bench-rank-cohort-" + std::to_string(n) + ".csv";
    if (!WriteCohort(compiled->model, n, cohort)) {
      std::fprintf(stderr, "cannot write %s\n", cohort.c_str());
      return 1;
    }
    const auto t = std::chrono::steady_clock::now();
    const size_t bytes = Rank(*compiled, config, cohort, 0);
    const double s = Since(t);
    if (bytes == 0) return 1;
    std::printf("  %zu rows, %zu candidates, no stability: %.3f s = %.0f rows/s; peak RSS so far %.1f MB\n", n, n, s,
                static_cast<double>(n) / s, PeakMb());
  }
  const auto t = std::chrono::steady_clock::now();
  const size_t bytes = Rank(*compiled, filtered, cohort, 10000);
  const double s = Since(t);
  if (bytes == 0) return 1;
  std::printf("  %zu rows filtered to about 1,000 candidates, 10,000 stability samples: %.3f s = %.0f rows/s; "
              "peak RSS so far %.1f MB\n",
              sizes.back(), s, static_cast<double>(sizes.back()) / s, PeakMb());
  return 0;
}
