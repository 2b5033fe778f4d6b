// The progress line (src/cli/progress.h): drawn in place, throttled, erased
// at the end, and never written unless enabled — nor enabled on a stream
// that is not the process's stderr.
#include "cli/progress.h"

#include <doctest/doctest.h>

#include <sstream>

namespace fa {
namespace {

struct FakeClock {
  double now = 100;
  Progress::Clock Get() {
    return [this] { return now; };
  }
};

TEST_CASE("progress: a count is redrawn at most every 0.2 s, and always when complete") {
  std::ostringstream err;
  FakeClock clock;
  {
    Progress p(err, true, clock.Get());
    p.set_prefix("synth");
    p.Count("generating", 0, 2500000);
    clock.now += 0.1;
    p.Count("generating", 1000, 2500000);  // too soon: not drawn
    clock.now += 0.15;
    p.Count("generating", 1250000, 2500000);
    clock.now += 0.01;
    p.Count("generating", 2500000, 2500000);  // complete: drawn at once
  }
  CHECK(err.str() ==
        "\r\x1b[Ksynth: generating: 0 / 2,500,000 (0%)"
        "\r\x1b[Ksynth: generating: 1,250,000 / 2,500,000 (50%)"
        "\r\x1b[Ksynth: generating: 2,500,000 / 2,500,000 (100%)"
        "\r\x1b[K");
}

TEST_CASE("progress: a phase is drawn at once and the line is erased once at the end") {
  std::ostringstream err;
  {
    FakeClock clock;  // outlives the progress line that reads it
    Progress p(err, true, clock.Get());
    p.Phase("reading cohort.csv");
    p.Clear();
    p.Clear();
  }
  CHECK(err.str() == "\r\x1b[Kreading cohort.csv...\r\x1b[K");
}

TEST_CASE("progress: disabled, it writes nothing at all") {
  std::ostringstream err;
  {
    Progress p(err, false);
    p.Phase("reading");
    p.Count("rows", 5, 10);
  }
  CHECK(err.str().empty());
}

TEST_CASE("progress: only the process's own terminal stderr is wanted, never a test stream") {
  std::ostringstream out, err;
  CHECK_FALSE(ProgressWanted(out, err));
}

}  // namespace
}  // namespace fa
