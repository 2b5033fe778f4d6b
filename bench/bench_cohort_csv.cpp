// Benchmark: a cohort CSV scored end to end — read the file, check every
// row, score, write the compact results — over the full capability-maturity
// rubric, on a synthetic cohort made by the `synth` generator. Prints how
// fast the CSV is read and checked (MB/s), the time of each phase and
// factories per second end to end; also how fast synth writes (streamed,
// as the command does, with its peak memory). Run it at 10k, 100k and 1M
// factories for the cost curve.
// Not a test: run it by hand.
//
//   build/bench_cohort_csv [RUBRIC] [FACTORIES] [THREADS]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <ostream>
#include <string>
#include <string_view>

#include "base/atomic_file.h"
#include "base/parallel.h"
#include "base/text.h"
#include "service/assess.h"
#include "scoring/cohort_scoring.h"
#include "synth/synthetic_cohort.h"

namespace {
double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "rubrics/cmmm.yaml";
  const size_t factories = argc > 2 ? std::stoul(argv[2]) : 100000;
  const int threads = argc > 3 ? std::stoi(argv[3]) : 0;
  fa::Diagnostics diags;
  auto compiled = fa::CompileRubricFile(path, diags);
  if (!compiled) {
    std::fputs(diags.Format().c_str(), stderr);
    return 1;
  }
  const std::string cohort = "/tmp/fa-bench-cohort.csv", results = "/tmp/fa-bench-results.csv";

  // synth as the command does it: streamed to the file one batch at a time.
  // The peak resident size so far is synth's (nothing else has run yet).
  auto t = std::chrono::steady_clock::now();
  fa::SynthOptions synth;
  synth.factories = factories;
  synth.seed = 42;
  synth.threads = threads;
  size_t bytes = 0;
  fa::WriteFileStreamed(cohort, [&](std::ostream& out) {
    fa::WriteSynthCohortCsv(compiled->model, synth, [&](std::string_view chunk) {
      out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      bytes += chunk.size();
    });
  });
  const double synth_total = Since(t);
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("synth: %zu factories, %.1f MB streamed in %.3f s = %.0f factories per second, peak RSS %.1f MB\n",
              factories, static_cast<double>(bytes) / 1e6, synth_total, static_cast<double>(factories) / synth_total,
              static_cast<double>(usage.ru_maxrss) / 1024.0);

  // Reading and checking alone, every row handed to a sink that keeps
  // nothing: how fast the CSV itself is parsed.
  struct Count : fa::CohortSink {
    void Row(int, const fa::CohortRow&) override {}
  } count;
  fa::CohortCsvOptions options;
  options.threads = threads;
  t = std::chrono::steady_clock::now();
  const fa::CohortCsvSummary parsed = fa::ReadCohortCsvFile(*compiled->rubric, cohort, count, diags, options);
  const double parse = Since(t);
  std::printf("read and check: %zu rows, %.1f MB in %.3f s = %.0f MB/s (%d thread%s, %d part%s a window)\n",
              parsed.rows, static_cast<double>(bytes) / 1e6, parse, static_cast<double>(bytes) / 1e6 / parse,
              fa::ThreadCount(threads, 8), fa::ThreadCount(threads, 8) == 1 ? "" : "s", parsed.parts,
              parsed.parts == 1 ? "" : "s");

  // End to end, as `score --cohort` does it: read a window at a time, each
  // row formatted as it is scored, then written with its percentiles.
  t = std::chrono::steady_clock::now();
  fa::CohortCsvSummary summary;
  auto scores = fa::ScoreCohortStreamed(compiled->model, [&](fa::CohortSink& sink) {
    summary = fa::ReadCohortCsvFile(*compiled->rubric, cohort, sink, diags, options);
    return summary;
  });
  const double scored = Since(t);
  if (!scores) {
    std::fputs(diags.Format().c_str(), stderr);
    return 1;
  }
  {
    std::ofstream out(results, std::ios::binary | std::ios::trunc);
    fa::WriteCohortResults(compiled->model, *scores,
                           [&](std::string_view piece) { out.write(piece.data(), static_cast<std::streamsize>(piece.size())); });
  }
  const double total = Since(t);
  getrusage(RUSAGE_SELF, &usage);
  std::printf("score --cohort: %s, %zu criteria, %zu factories, %d parts a window\n", path.c_str(), compiled->model.criteria.size(),
              scores->size(), summary.parts);
  std::printf("  read, check and score %.3f s, write results %.3f s\n", scored, total - scored);
  std::printf("  end to end %.3f s = %.0f factories per second = %.0f MB/s of CSV; peak RSS so far %.1f MB\n", total,
              static_cast<double>(scores->size()) / total, static_cast<double>(bytes) / 1e6 / total,
              static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
