#include "ranking/rank_candidates.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "ranking/rank_stability.h"
#include "ranking/topsis.h"

namespace fa {

RankingScorer::RankingScorer(RankingMethod method, Normalization normalize,
                             const Eigen::MatrixXd& values, const std::vector<bool>& cost,
                             const Eigen::VectorXd& maturity)
    : method_(method), rows_(values.rows()), cols_(values.cols()) {
  if (static_cast<Eigen::Index>(cost.size()) != cols_)
    throw std::invalid_argument("ranking: one direction per criterion needed");
  if (!values.allFinite()) throw std::invalid_argument("ranking: a criterion value is not finite");
  switch (method) {
    case RankingMethod::kScore:
      if (maturity.size() != rows_)
        throw std::invalid_argument("ranking: one maturity score per candidate needed");
      maturity_ = maturity;
      break;
    case RankingMethod::kWeighted:
      normalized_ = values;
      for (Eigen::Index j = 0; j < cols_; ++j) {
        const bool is_cost = cost[static_cast<size_t>(j)];
        if (normalize == Normalization::kNone) {
          if (is_cost) normalized_.col(j) = -values.col(j);
          continue;
        }
        if (rows_ == 0) continue;
        // Min–max puts every criterion on [0, 1] with 1 the best value, so a
        // weight means the same for criteria in different units. A column
        // that does not vary tells no one apart: it scores 0 for everyone.
        const double lo = values.col(j).minCoeff();
        const double hi = values.col(j).maxCoeff();
        if (hi - lo <= 0) {
          normalized_.col(j).setZero();
        } else if (is_cost) {
          normalized_.col(j) = ((hi - values.col(j).array()) / (hi - lo)).matrix();
        } else {
          normalized_.col(j) = ((values.col(j).array() - lo) / (hi - lo)).matrix();
        }
      }
      break;
    case RankingMethod::kTopsis: {
      std::vector<CriterionDirection> directions;
      for (bool c : cost)
        directions.push_back(c ? CriterionDirection::kCost : CriterionDirection::kBenefit);
      TopsisMatrix m = PrepareTopsis(values, directions);
      ideal_gap_sq_ = std::move(m.ideal_gap_sq);
      anti_ideal_gap_sq_ = std::move(m.anti_ideal_gap_sq);
      break;
    }
  }
}

void RankingScorer::Score(const Eigen::VectorXd& weights, Eigen::VectorXd& out,
                          ScoreBuffers& buffers) const {
  if (out.size() != rows_) out.resize(rows_);
  switch (method_) {
    case RankingMethod::kScore:
      out = maturity_;
      return;
    case RankingMethod::kWeighted:
      out.noalias() = normalized_ * weights;
      return;
    case RankingMethod::kTopsis: {
      if (buffers.to_ideal.size() != rows_) {
        buffers.to_ideal.resize(rows_);
        buffers.to_anti_ideal.resize(rows_);
      }
      buffers.squared_weights = weights.array().square().matrix();
      buffers.to_ideal.noalias() = ideal_gap_sq_ * buffers.squared_weights;
      buffers.to_anti_ideal.noalias() = anti_ideal_gap_sq_ * buffers.squared_weights;
      for (Eigen::Index i = 0; i < rows_; ++i) {
        const double plus = std::sqrt(buffers.to_ideal(i));
        const double minus = std::sqrt(buffers.to_anti_ideal(i));
        const double total = plus + minus;
        out(i) = total > 0 ? minus / total : 0.5;
      }
      return;
    }
  }
}

void SortRankKeys(std::vector<RankKey>& keys) {
  std::sort(keys.begin(), keys.end(), [](const RankKey& a, const RankKey& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.tie != b.tie) return a.tie > b.tie;
    return a.index < b.index;
  });
}

Ranking RankCandidates(const RankingConfig& config, RankingInput input,
                       const RankingWeights& weights, const StabilitySettings& stability,
                       int threads) {
  const auto n = static_cast<Eigen::Index>(input.candidates.size());
  const Eigen::Index k = input.values.cols();
  if (input.values.rows() != n)
    throw std::invalid_argument("ranking: one row of values per candidate needed");

  // Id order first: from here on a candidate's index, and so every tie
  // and every floating-point sum, is the same whatever the input order.
  std::vector<size_t> order(input.candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return input.candidates[a].id < input.candidates[b].id;
  });
  std::vector<RankingCandidate> candidates;
  Eigen::MatrixXd values(n, k);
  Eigen::VectorXd maturity(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const size_t from = order[static_cast<size_t>(i)];
    candidates.push_back(std::move(input.candidates[from]));
    values.row(i) = input.values.row(static_cast<Eigen::Index>(from));
    maturity(i) = candidates.back().maturity.value_or(0);
  }

  std::vector<bool> cost;
  for (const auto& c : config.criteria) cost.push_back(c.cost);
  RankingScorer scorer(config.method, config.normalize, values, cost, maturity);
  Eigen::VectorXd scores;
  ScoreBuffers buffers;
  scorer.Score(weights.weights, scores, buffers);

  // Method score: equal maturity scores are broken by the higher level
  // (points rubrics: requirements beyond the total), then by id.
  std::vector<RankKey> keys;
  for (Eigen::Index i = 0; i < n; ++i) {
    double tie = config.method == RankingMethod::kScore
                     ? static_cast<double>(candidates[static_cast<size_t>(i)].level.value_or(0))
                     : 0;
    keys.push_back({scores(i), tie, static_cast<int>(i)});
  }
  SortRankKeys(keys);

  Ranking r;
  r.id = config.id;
  r.title = config.title;
  r.config_file = config.file;
  r.config_sha256 = config.sha256;
  r.method = config.method;
  r.normalize = config.normalize;
  r.weights_from = weights.from;
  r.ahp = weights.ahp;
  for (size_t j = 0; j < config.criteria.size(); ++j) {
    const RankingCriterion& c = config.criteria[j];
    double w = weights.weights.size() > static_cast<Eigen::Index>(j)
                   ? weights.weights(static_cast<Eigen::Index>(j))
                   : 0;
    r.criteria.push_back({c.id, c.title, c.source_text, c.cost, w});
  }
  r.filters = config.filters;
  r.excluded = input.excluded;
  r.tier_names = std::move(input.tier_names);
  r.stability = stability;

  std::optional<RankSamples> histogram;
  if (scorer.uses_weights() && stability.samples > 0 && n >= 2 && k > 0) {
    histogram = RankStability(scorer, weights.weights,
                              {stability.samples, stability.kappa, stability.seed, threads});
    r.stability_computed = true;
  }
  for (size_t place = 0; place < keys.size(); ++place) {
    const int i = keys[place].index;
    RankedCandidate out;
    out.rank = static_cast<int>(place) + 1;
    out.candidate = candidates[static_cast<size_t>(i)];
    out.value = scores(i);
    for (Eigen::Index j = 0; j < k; ++j) out.values.push_back(values(i, j));
    if (histogram) out.stability = SummarizeStability(*histogram, i, stability.select);
    r.candidates.push_back(std::move(out));
  }
  return r;
}

}  // namespace fa
