// Benchmark: loading a rubric — its YAML and its companions' (scenario
// catalogue, tiers) parsed, read and checked, as every command and `serve`
// do at start. Prints the time of one load (fastest and median of RUNS)
// and the YAML parser's own speed on the rubric's text. Not a test: run it
// by hand.
//
//   build/bench_rubric_load [RUBRIC] [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "base/text.h"
#include "rubric/rubric_loader.h"
#include "rubric/yaml_tree.h"

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "rubrics/cmmm.yaml";
  const int runs = argc > 2 ? std::stoi(argv[2]) : 50;
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
  };

  std::vector<double> loads;
  size_t criteria = 0;
  for (int i = 0; i < runs; ++i) {
    fa::Diagnostics diags;
    const auto at = Clock::now();
    auto rubric = fa::LoadRubric(path, diags);
    loads.push_back(ms(at, Clock::now()));
    if (!rubric) {
      std::fputs(diags.Format().c_str(), stderr);
      return 1;
    }
    criteria = rubric->AllCriteria().size();
  }
  std::sort(loads.begin(), loads.end());
  std::printf("rubric load: %s (%zu criteria), %d runs: fastest %.2f ms, median %.2f ms\n", path.c_str(), criteria,
              runs, loads.front(), loads[loads.size() / 2]);

  const std::string text = fa::ReadFile(path);
  std::vector<double> parses;
  for (int i = 0; i < runs; ++i) {
    const auto at = Clock::now();
    const fa::YamlParse parsed = fa::ParseYaml(text);
    parses.push_back(ms(at, Clock::now()));
    if (!parsed.doc) return 1;
  }
  std::sort(parses.begin(), parses.end());
  std::printf("  its YAML alone (%zu bytes) parsed into a tree: median %.2f ms = %.0f MB/s\n", text.size(),
              parses[parses.size() / 2], static_cast<double>(text.size()) / parses[parses.size() / 2] / 1e3);
  return 0;
}
