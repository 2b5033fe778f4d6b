// The fuzz targets: one function per parser that takes untrusted input,
// each feeding arbitrary bytes through the parser and what consumes its
// result, as a file or a request would. libFuzzer drives them
// (fuzz/fuzz_main.cpp, built with -DFA_FUZZ=ON by clang; scripts/fuzz.sh);
// the test suite replays every input that once found a bug
// (tests/fuzz/regressions/<target>/, tests/fuzz_regressions_test.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace fa::fuzz {

using Target = int (*)(const uint8_t* data, size_t size);

struct NamedTarget {
  const char* name;  ///< as in fuzz_<name> and tests/fuzz/regressions/<name>/
  Target run;
  /// Folders (from the project root) whose files seed its corpus.
  std::vector<std::string> seeds;
};

/// Every target, in the order scripts/fuzz.sh runs them.
const std::vector<NamedTarget>& Targets();

int FuzzRubric(const uint8_t* data, size_t size);
int FuzzAnswers(const uint8_t* data, size_t size);
int FuzzWorkbook(const uint8_t* data, size_t size);
int FuzzCohortCsv(const uint8_t* data, size_t size);
int FuzzRankingConfig(const uint8_t* data, size_t size);
int FuzzCandidatesCsv(const uint8_t* data, size_t size);
int FuzzJudgments(const uint8_t* data, size_t size);
int FuzzAssessmentJson(const uint8_t* data, size_t size);
int FuzzRankingJson(const uint8_t* data, size_t size);
int FuzzHttpRequest(const uint8_t* data, size_t size);
int FuzzTemplate(const uint8_t* data, size_t size);
int FuzzProviders(const uint8_t* data, size_t size);

}  // namespace fa::fuzz
