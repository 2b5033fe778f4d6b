// Decision matrices of published worked examples, shared by the ranking
// tests that reproduce them.
#pragma once

#include <Eigen/Dense>

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

}  // namespace fa::testing
