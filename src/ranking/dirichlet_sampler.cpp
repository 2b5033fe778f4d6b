#include "ranking/dirichlet_sampler.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace fa {

double RandomStream::Normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  // A point uniform in the unit disc (rejecting the ~21% outside it) gives
  // two independent normals without trigonometry.
  double u, v, s;
  do {
    u = 2 * Uniform() - 1;
    v = 2 * Uniform() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s == 0);
  const double factor = std::sqrt(-2 * std::log(s) / s);
  spare_ = v * factor;
  has_spare_ = true;
  return u * factor;
}

double RandomStream::LogGamma(double alpha) {
  if (alpha < 1) return LogGamma(alpha + 1) + std::log(Uniform()) / alpha;
  // Marsaglia & Tsang: X = d·v with v = (1 + c·z)³, z standard normal,
  // accepted with the squeeze u < 1 − 0.0331 z⁴ or the exact test
  // log u < z²/2 + d − d·v + d·log v. Acceptance is above 95% for all α ≥ 1.
  const double d = alpha - 1.0 / 3.0;
  const double c = 1 / std::sqrt(9 * d);
  for (;;) {
    double z, v;
    do {
      z = Normal();
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const double u = Uniform();
    const double z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2) return std::log(d * v);
    if (std::log(u) < 0.5 * z2 + d * (1 - v + std::log(v))) return std::log(d * v);
  }
}

RandomStream BlockStream(std::uint64_t seed, std::uint64_t block) {
  std::uint64_t z = seed + (block + 1) * 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return RandomStream(z ^ (z >> 31));
}

DirichletSampler::DirichletSampler(const Eigen::VectorXd& mean, double kappa) {
  if (!(kappa > 0) || !std::isfinite(kappa))
    throw std::invalid_argument("dirichlet: kappa must be finite and > 0");
  if (mean.size() == 0) throw std::invalid_argument("dirichlet: no weights");
  if (!mean.allFinite() || (mean.array() < 0).any() || mean.sum() <= 0)
    throw std::invalid_argument("dirichlet: weights must be finite, >= 0 and not all 0");
  const double total = mean.sum();
  alpha_.resize(static_cast<size_t>(mean.size()));
  for (Eigen::Index j = 0; j < mean.size(); ++j)
    alpha_[static_cast<size_t>(j)] = kappa * mean(j) / total;
}

void DirichletSampler::Draw(RandomStream& rng, double* out) const {
  // Normalising exp(log G_j − max) instead of G_j keeps every draw finite
  // even when some α_j are so small that G_j itself would underflow.
  double top = -std::numeric_limits<double>::infinity();
  const size_t k = alpha_.size();
  for (size_t j = 0; j < k; ++j) {
    out[j] = alpha_[j] > 0 ? rng.LogGamma(alpha_[j]) : -std::numeric_limits<double>::infinity();
    top = std::max(top, out[j]);
  }
  double sum = 0;
  for (size_t j = 0; j < k; ++j) {
    out[j] = alpha_[j] > 0 ? std::exp(out[j] - top) : 0;
    sum += out[j];
  }
  const double scale = 1 / sum;
  for (size_t j = 0; j < k; ++j) out[j] *= scale;
}

}  // namespace fa
