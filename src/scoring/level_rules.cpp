#include "scoring/level_rules.h"

namespace fa {

double EffectiveLevelScore(double value, bool present, EmptyLevel empty_level) {
  if (present) return value;
  return empty_level == EmptyLevel::kMet ? 1.0 : 0.0;
}

LevelResult ApplyGatedRule(const Eigen::MatrixXd& s, const Eigen::MatrixXd& present,
                           double threshold, EmptyLevel empty_level) {
  const Eigen::Index factories = s.rows();
  const Eigen::Index levels = s.cols();
  const double empty = empty_level == EmptyLevel::kMet ? 1.0 : 0.0;
  Eigen::MatrixXd eff(factories, levels);
  for (Eigen::Index l = 0; l < levels; ++l)
    eff.col(l) = (present.col(l).array() > 0).select(s.col(l), empty);

  Eigen::ArrayXi k = Eigen::ArrayXi::Zero(factories);
  Eigen::Array<bool, Eigen::Dynamic, 1> climbing = Eigen::Array<bool, Eigen::Dynamic, 1>::Constant(factories, true);
  for (Eigen::Index l = 0; l < levels; ++l) {
    climbing = climbing && (eff.col(l).array() >= threshold - kThresholdTolerance);
    k += climbing.cast<int>();
  }
  LevelResult r;
  r.level = k.matrix();
  r.score.resize(factories);
  for (Eigen::Index f = 0; f < factories; ++f) {
    int kf = k[f];
    if (levels == 0) {
      r.score[f] = 0;
    } else if (kf == 0) {
      r.score[f] = eff(f, 0);
    } else {
      double next = kf < levels ? eff(f, kf) : 0.0;
      r.score[f] = (kf - 1) + eff(f, kf - 1) + next;
    }
  }
  return r;
}

Eigen::VectorXi ApplyPointsRule(const Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>& band_holds,
                                const std::vector<PointsBand>& bands) {
  const Eigen::Index factories = band_holds.rows();
  Eigen::VectorXi level = Eigen::VectorXi::Zero(factories);
  for (Eigen::Index f = 0; f < factories; ++f) {
    for (size_t b = 0; b < bands.size(); ++b) {
      if (!band_holds(f, static_cast<Eigen::Index>(b))) break;
      level[f] = bands[b].level;
    }
  }
  return level;
}

}  // namespace fa
