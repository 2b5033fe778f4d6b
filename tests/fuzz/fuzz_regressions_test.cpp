// Every input that once made a fuzz target fail (tests/fuzz/regressions/
// <target>/, added by scripts/fuzz.sh with each finding) and every seed of
// its corpus runs through the target again here, in the normal test build,
// so a fixed bug stays fixed (and under scripts/test-sanitizers.sh, with
// AddressSanitizer and UndefinedBehaviorSanitizer watching).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "../../fuzz/fuzz_targets.h"
#include "base/text.h"

namespace fa {
namespace {

namespace fs = std::filesystem;

// Runs every regular file below `dir` through `target`; returns how many.
int Replay(const fuzz::NamedTarget& target, const fs::path& dir) {
  if (!fs::is_directory(dir)) return 0;
  int n = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string bytes = ReadFile(entry.path().string());
    CAPTURE(entry.path().string());
    CHECK(target.run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()) == 0);
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("fuzz: every regression input and every seed goes through its target without failing") {
  REQUIRE_MESSAGE(fs::is_directory("tests/fuzz"), "tests must run from the repository root");
  for (const auto& target : fuzz::Targets()) {
    CAPTURE(target.name);
    int seeds = 0;
    for (const auto& dir : target.seeds) seeds += Replay(target, dir);
    CHECK(seeds > 0);  // every target has a seed corpus
    Replay(target, fs::path("tests/fuzz/regressions") / target.name);
  }
}

}  // namespace fa
