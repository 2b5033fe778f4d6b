// Decision matrices of published worked examples, shared by the ranking
// tests that reproduce them.
#pragma once

#include <doctest/doctest.h>

#include <Eigen/Dense>
#include <cmath>
#include <vector>

namespace fa::testing {

/// Hwang & Yoon (1981), "Multiple Attribute Decision Making", the fighter
/// aircraft example: 4 aircraft x 6 attributes (maximum speed, ferry range,
/// maximum payload, acquisition cost, reliability, manoeuvrability); the
/// fourth is a cost.
inline Eigen::MatrixXd FighterAircraft() {
  Eigen::MatrixXd x(4, 6);
  // clang-format off
  x << 2.0, 1500, 20000, 5.5, 5, 9,
       2.5, 2700, 18000, 6.5, 3, 5,
       1.8, 2000, 21000, 4.5, 7, 7,
       2.2, 1800, 20000, 5.0, 5, 5;
  // clang-format on
  return x;
}

/// Every element of `got` within `tolerance` of `want`.
inline void CheckNear(const Eigen::VectorXd& got, const std::vector<double>& want, double tolerance) {
  REQUIRE(got.size() == static_cast<Eigen::Index>(want.size()));
  for (size_t i = 0; i < want.size(); ++i) {
    INFO("element " << i << ": got " << got(static_cast<Eigen::Index>(i)) << ", want " << want[i]);
    CHECK(std::abs(got(static_cast<Eigen::Index>(i)) - want[i]) <= tolerance);
  }
}

/// A deterministic matrix of values 1..17 without a pattern the methods
/// would notice, for properties that hold for any data.
inline Eigen::MatrixXd Randomish(Eigen::Index rows, Eigen::Index cols) {
  Eigen::MatrixXd x(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i) {
    for (Eigen::Index j = 0; j < cols; ++j)
      x(i, j) = 1 + std::fmod(37.0 * i + 11.0 * j * j + 3.0 * i * j, 17.0);
  }
  return x;
}

}  // namespace fa::testing
