// The gated staircase and the points rule, at their boundaries
// (docs/architecture.md "Scoring").
#include <doctest/doctest.h>

#include "scoring/level_rules.h"

namespace fa {
namespace {

LevelResult Gated(std::vector<double> s, std::vector<double> present = {},
                  EmptyLevel empty = EmptyLevel::kMet) {
  Eigen::MatrixXd sm(1, static_cast<Eigen::Index>(s.size()));
  Eigen::MatrixXd pm = Eigen::MatrixXd::Ones(1, static_cast<Eigen::Index>(s.size()));
  for (size_t i = 0; i < s.size(); ++i) sm(0, static_cast<Eigen::Index>(i)) = s[i];
  for (size_t i = 0; i < present.size(); ++i) pm(0, static_cast<Eigen::Index>(i)) = present[i];
  return ApplyGatedRule(sm, pm, 0.8, empty);
}

TEST_CASE("gated rule: a level score of exactly 0.8 meets the level") {
  LevelResult r = Gated({1, 0.8, 0.5, 0, 0});
  CHECK(r.level[0] == 2);
  CHECK(r.score[0] == doctest::Approx(1 + 0.8 + 0.5));
}

TEST_CASE("gated rule: a level score of 0.8 computed in floating point still meets it") {
  double s = (0.7 + 0.9) / 2;  // 0.7999999999999999 in binary floating point
  LevelResult r = Gated({s, 0, 0, 0, 0});
  CHECK(r.level[0] == 1);
}

TEST_CASE("gated rule: just below 0.8 does not meet the level") {
  LevelResult r = Gated({0.7999, 0.9, 0.9, 0.9, 0.9});
  CHECK(r.level[0] == 0);
  CHECK(r.score[0] == doctest::Approx(0.7999));
}

TEST_CASE("gated rule: a gap at level 2 caps the factory at level 1 whatever lies above") {
  LevelResult r = Gated({1, 0.5, 1, 1, 1});
  CHECK(r.level[0] == 1);
  CHECK(r.score[0] == doctest::Approx(0 + 1 + 0.5));
}

TEST_CASE("gated rule: k = 0 scores s_1") {
  LevelResult r = Gated({0.3, 0, 0, 0, 0});
  CHECK(r.level[0] == 0);
  CHECK(r.score[0] == doctest::Approx(0.3));
}

TEST_CASE("gated rule: k = 5 scores 4 + s_5, with s_6 = 0") {
  LevelResult r = Gated({1, 1, 1, 1, 0.9});
  CHECK(r.level[0] == 5);
  CHECK(r.score[0] == doctest::Approx(4.9));
  CHECK(Gated({1, 1, 1, 1, 1}).score[0] == doctest::Approx(5));
}

TEST_CASE("gated rule: S always lies inside its level's band, from k - 0.2 up to k + 0.8") {
  const double steps[] = {0, 0.3, 0.5, 0.79, 0.8, 0.85, 1};
  for (double a : steps)
    for (double b : steps)
      for (double c : steps)
        for (double d : steps) {
          LevelResult r = Gated({a, b, c, d, 0.9});
          int k = r.level[0];
          double s = r.score[0];
          CAPTURE(a); CAPTURE(b); CAPTURE(c); CAPTURE(d);
          if (k == 0) {
            CHECK(s < 0.8);
          } else {
            CHECK(s >= k - 0.2 - 1e-9);
            CHECK(s <= (k == 5 ? 5.0 : k + 0.8));
            if (k < 5) CHECK(s < k + 0.8);
          }
        }
}

TEST_CASE("gated rule: a level with no applicable requirement counts as met by default") {
  LevelResult r = Gated({1, 0, 0.9, 0.2, 0}, {1, 0, 1, 1, 1});
  CHECK(r.level[0] == 3);
  CHECK(r.score[0] == doctest::Approx(2 + 0.9 + 0.2));
}

TEST_CASE("gated rule: with empty_level not_met an empty level blocks the staircase") {
  LevelResult r = Gated({1, 0, 0.9, 0.2, 0}, {1, 0, 1, 1, 1}, EmptyLevel::kNotMet);
  CHECK(r.level[0] == 1);
  CHECK(r.score[0] == doctest::Approx(0 + 1 + 0));
}

TEST_CASE("gated rule: many factories are scored independently in one call") {
  Eigen::MatrixXd s(3, 2);
  s << 0.9, 0.9, 0.5, 1, 1, 0.2;
  LevelResult r = ApplyGatedRule(s, Eigen::MatrixXd::Ones(3, 2), 0.8, EmptyLevel::kMet);
  CHECK(r.level[0] == 2);
  CHECK(r.level[1] == 0);
  CHECK(r.level[2] == 1);
  CHECK(r.score[2] == doctest::Approx(1.2));
}

TEST_CASE("points rule: the level is the top of an unbroken run of bands that hold") {
  std::vector<PointsBand> bands(4);
  for (int i = 0; i < 4; ++i) bands[static_cast<size_t>(i)].level = i + 1;
  Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic> holds(3, 4);
  holds << true, true, false, false,
           false, true, true, true,   // band 1 fails: no level at all
           true, true, true, true;
  Eigen::VectorXi level = ApplyPointsRule(holds, bands);
  CHECK(level[0] == 2);
  CHECK(level[1] == 0);
  CHECK(level[2] == 4);
}

}  // namespace
}  // namespace fa
