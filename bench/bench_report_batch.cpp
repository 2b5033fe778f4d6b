// Benchmark: diagnosis reports per second end to end through the command
// line (docs/architecture.md "Benchmarks", docs/reports.md "Many reports at
// once"). Makes a synthetic cohort with `synth`, scores it into an
// assessments file with `score` (not timed), then times ONE process call
// of `report ASSESSMENTS.json --all -o DIR`, one of `report --rubric R
// A1.yaml A2.yaml … -o DIR` over the same cohort as answers files, and
// SINGLE calls of `report ASSESSMENTS.json --factory CODE -o FILE` (one
// report per call, as before --all); then splits the batch into its two
// phases in this process: reading the assessments file, and rendering (the
// templates loaded for each report, as RenderDiagnosisReport does; then
// one renderer, on one thread and on THREADS). Not a test: run it by hand
// from the project root.
//
//   build/bench_report_batch [FACTORIES] [SINGLE] [THREADS] [BINARY]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "assessment/assessment_json.h"
#include "base/diagnostics.h"
#include "base/env.h"
#include "base/mapped_file.h"
#include "base/parallel.h"
#include "report/report_renderer.h"

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// CPU seconds (user and system) of the finished child processes.
double ChildrenCpu() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// Wall-clock and CPU seconds of one call; the CPU time is the figure to
/// compare on a machine shared with other work.
struct Seconds {
  double wall = 0;
  double cpu = 0;
};

/// Runs `binary ARGS` (shell text) quietly; exits the benchmark when it fails.
Seconds Timed(const std::string& binary, const std::string& args) {
  const auto start = Clock::now();
  const double cpu = ChildrenCpu();
  const std::string command = "'" + binary + "' " + args + " >/dev/null";
  if (std::system(command.c_str()) != 0) {
    std::fprintf(stderr, "failed: %s\n", command.c_str());
    std::exit(1);
  }
  return {Since(start), ChildrenCpu() - cpu};
}

/// Renders every assessment with one renderer on `threads` threads.
double RenderAll(const fa::DiagnosisReportRenderer& renderer, const std::vector<fa::Assessment>& cohort,
                 int threads) {
  const auto start = Clock::now();
  fa::ParallelFor(cohort.size(), [&](size_t i) { (void)renderer.Render(cohort[i]); }, threads);
  return Since(start);
}

/// The batch's two phases in this process: reading, then rendering.
void Phases(const std::string& json, int threads) {
  const auto start = Clock::now();
  fa::Diagnostics diags;
  const std::unique_ptr<fa::MappedFile> file = fa::MapSource(json, diags, "");  // as `report` reads it
  std::vector<fa::Assessment> cohort;
  if (file) cohort = fa::AssessmentsFromJson(file->text(), json, diags);
  const double read = Since(start);
  if (cohort.empty()) {
    std::fputs(diags.Format().c_str(), stderr);
    std::exit(1);
  }
  const double n = static_cast<double>(cohort.size());
  std::printf("  in this process: reading %zu assessments %.3f s (%.0f per second)\n", cohort.size(), read, n / read);
  const auto loading = Clock::now();
  for (const fa::Assessment& a : cohort) (void)fa::RenderDiagnosisReport(a, fa::ReportOptions{});
  const double each = Since(loading);
  std::printf("  in this process: rendering with the templates loaded for each report, 1 thread %.3f s"
              " (%.0f reports per second)\n", each, n / each);
  const fa::DiagnosisReportRenderer renderer{fa::ReportOptions{}};
  for (int t : {1, threads}) {
    const double seconds = RenderAll(renderer, cohort, t);
    std::printf("  in this process: rendering on %d thread%s %.3f s (%.0f reports per second)\n", t, t == 1 ? "" : "s",
                seconds, n / seconds);
    if (threads == 1) break;
  }
}

/// One call of `report --all` over the assessments file.
void BatchCall(const std::string& binary, const std::string& json, const std::string& out, int factories,
               int threads) {
  const Seconds batch = Timed(binary, "report " + json + " --all --threads " + std::to_string(threads) + " -o " + out);
  std::printf("  one call, --all: %d reports in %.3f s = %.0f reports per second (%.3f s CPU)\n", factories,
              batch.wall, factories / batch.wall, batch.cpu);
}

/// One call of `report --rubric` over an answers file per factory.
void AnswersCall(const std::string& binary, const fa::TempDir& dir, int factories, int threads) {
  const std::string answers = dir.File("answers");
  Timed(binary, "synth --rubric rubrics/cmmm.yaml -n " + std::to_string(factories) + " --seed 7 --answers-dir " +
                    answers);
  const Seconds call = Timed(binary, "report --rubric rubrics/cmmm.yaml " + answers + "/*.yaml --threads " +
                                         std::to_string(threads) + " -o " + dir.File("from-answers"));
  std::printf("  one call, %d answers files (checked, scored, rendered): %.3f s = %.0f reports per second"
              " (%.3f s CPU)\n",
              factories, call.wall, factories / call.wall, call.cpu);
}

/// `single` calls of `report --factory`, one report each.
void SingleCalls(const std::string& binary, const std::string& json, const std::string& out, int single) {
  fa::Diagnostics diags;
  const std::vector<fa::Assessment> cohort = fa::AssessmentsFromJson(*fa::ReadSource(json, diags), json, diags);
  Seconds total;
  for (int i = 0; i < single && i < static_cast<int>(cohort.size()); ++i) {
    const std::string& code = cohort[static_cast<size_t>(i)].factory.credit_code;
    const Seconds one = Timed(binary, "report " + json + " --factory " + code + " -o " + out);
    total.wall += one.wall;
    total.cpu += one.cpu;
  }
  std::printf("  one call per report (--factory), %d calls: %.3f s each = %.2f reports per second"
              " (%.3f s CPU each)\n",
              single, total.wall / single, single / total.wall, total.cpu / single);
}

}  // namespace

int main(int argc, char** argv) {
  const int factories = argc > 1 ? std::stoi(argv[1]) : 200;
  const int single = argc > 2 ? std::stoi(argv[2]) : 10;
  const int threads = fa::ThreadCount(argc > 3 ? std::stoi(argv[3]) : 0);
  const std::string binary = argc > 4 ? argv[4] : "build/factory-assess";
  const fa::TempDir dir("fa-bench-batch");
  const std::string csv = dir.File("cohort.csv"), json = dir.File("assessments.json");
  Timed(binary, "synth --rubric rubrics/cmmm.yaml -n " + std::to_string(factories) + " --seed 7 -o " + csv);
  Timed(binary, "score --rubric rubrics/cmmm.yaml --cohort " + csv + " -o " + json +
                    " --generated-at 2026-01-01T00:00:00Z");
  std::printf("report --all: %s, %d factories of rubrics/cmmm.yaml (synth --seed 7), %d threads\n", binary.c_str(),
              factories, threads);
  BatchCall(binary, json, dir.File("reports"), factories, threads);
  AnswersCall(binary, dir, factories, threads);
  if (single > 0) SingleCalls(binary, json, dir.File("one.html"), single);
  Phases(json, threads);
  return 0;
}
