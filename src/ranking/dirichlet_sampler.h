// Seeded random weight vectors for rank stability: Dirichlet(κ·w) draws, each
// a positive vector summing to 1 whose mean is w (docs/ranking.md "Rank
// stability"). Built on std::mt19937_64 alone, whose output the C++ standard
// fixes, so the draws do not depend on a standard library's distribution
// algorithms.
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <random>
#include <vector>

namespace fa {

/// Uniform, normal and gamma variates from one seeded std::mt19937_64. The
/// std:: distributions are not used: their algorithms are left to each
/// standard library, which would make "same seed, same output" hold only on
/// one platform.
class RandomStream {
 public:
  explicit RandomStream(std::uint64_t seed) : engine_(seed) {}

  /// Uniform on the open interval (0, 1): ((x >> 11) + ½) / 2^53, so its
  /// logarithm is always finite.
  double Uniform() {
    return (static_cast<double>(engine_() >> 11) + 0.5) * (1.0 / 9007199254740992.0);
  }

  /// Standard normal, by Marsaglia's polar method (Marsaglia & Bray 1964);
  /// the second variate of each pair is kept for the next call.
  double Normal();

  /// log of a Gamma(alpha, 1) variate, alpha > 0. Marsaglia & Tsang (2000),
  /// "A simple method for generating gamma variables", ACM TOMS 26(3):363–372
  /// for alpha ≥ 1; for alpha < 1 their boost G(α) = G(α+1)·U^(1/α), taken
  /// in logs so that tiny alphas cannot underflow to 0.
  double LogGamma(double alpha);

 private:
  std::mt19937_64 engine_;
  bool has_spare_ = false;
  double spare_ = 0;
};

/// The stream for block `block` of a Monte Carlo seeded with `seed`:
/// independent streams for fixed blocks of samples make the result the same
/// whatever the number of threads. The engine's seed is SplitMix64 (Steele,
/// Lea & Flood 2014) of seed + (block + 1)·0x9E3779B97F4A7C15.
RandomStream BlockStream(std::uint64_t seed, std::uint64_t block);

/// Dirichlet(α) with α = κ·w: E[W_j] = w_j and Var[W_j] = w_j(1 − w_j)/(κ + 1),
/// so κ is the "confidence" in w — the larger, the less the weights move.
/// Drawn as W_j = G_j / Σ_k G_k with G_j ~ Gamma(α_j, 1) (e.g. Devroye 1986,
/// Non-Uniform Random Variate Generation, §XI.4). A criterion with w_j = 0
/// keeps weight 0 in every draw.
class DirichletSampler {
 public:
  /// `mean`: weights ≥ 0, not all 0 (normalised here); `kappa` > 0.
  /// Throws std::invalid_argument otherwise.
  DirichletSampler(const Eigen::VectorXd& mean, double kappa);

  Eigen::Index size() const { return static_cast<Eigen::Index>(alpha_.size()); }
  const std::vector<double>& alpha() const { return alpha_; }

  /// Writes one draw into out[0 .. size()): every entry ≥ 0, summing to 1
  /// up to rounding. Allocates nothing.
  void Draw(RandomStream& rng, double* out) const;
  void Draw(RandomStream& rng, Eigen::VectorXd& out) const { Draw(rng, out.data()); }

 private:
  std::vector<double> alpha_;
};

}  // namespace fa
