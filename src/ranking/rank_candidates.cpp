#include "ranking/rank_candidates.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string_view>

#include "ranking/rank_order.h"
#include "ranking/rank_stability.h"

namespace fa {

RankingScorer::RankingScorer(const RankingMethod& method, const DecisionMatrix& matrix,
                             const std::string& normalization)
    : method_(&method), rows_(matrix.values.rows()), cols_(matrix.values.cols()) {
  if (static_cast<Eigen::Index>(matrix.cost.size()) != cols_)
    throw std::invalid_argument("ranking: one direction per criterion needed");
  if (!matrix.values.allFinite()) throw std::invalid_argument("ranking: a criterion value is not finite");
  prepared_ = method.Prepare(matrix, method.ResolveNormalization(normalization));
}

void SortRankKeys(std::vector<RankKey>& keys) {
  std::sort(keys.begin(), keys.end(), [](const RankKey& a, const RankKey& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.tie != b.tie) return a.tie > b.tie;
    return a.index < b.index;
  });
}

std::vector<int> RankSortedKeys(std::vector<RankKey>& keys) {
  SortRankKeys(keys);
  std::vector<int> ranks(keys.size());
  for (size_t first = 0; first < keys.size();) {
    size_t end = first + 1;
    while (end < keys.size() && ScoresTie(keys[first].score, keys[end].score)) ++end;
    // Within a run of tied scores the exact values no longer count: the
    // second key, then the index (the id) decide the order.
    if (end - first > 1)
      std::sort(keys.begin() + static_cast<std::ptrdiff_t>(first), keys.begin() + static_cast<std::ptrdiff_t>(end),
                [](const RankKey& a, const RankKey& b) { return a.tie != b.tie ? a.tie > b.tie : a.index < b.index; });
    for (size_t place = first; place < end; ++place)
      ranks[place] = place > first && keys[place].tie == keys[place - 1].tie ? ranks[place - 1]
                                                                            : static_cast<int>(place) + 1;
    first = end;
  }
  return ranks;
}

namespace {

// The candidates in id order with their decision matrix: from here on a
// candidate's index, and so every tie and every floating-point sum, is the
// same whatever the input order.
struct Ordered {
  std::vector<RankingCandidate> candidates;
  DecisionMatrix matrix;
};

Ordered InIdOrder(const RankingConfig& config, RankingInput& input) {
  const auto n = static_cast<Eigen::Index>(input.candidates.size());
  const Eigen::Index k = input.values.cols();
  // The ids side by side in one buffer: sorting 100,000 of them then reads
  // memory in order instead of chasing each string's own.
  std::string ids;
  for (const auto& c : input.candidates) ids += c.id;
  std::vector<std::pair<std::string_view, size_t>> keys;
  keys.reserve(input.candidates.size());
  size_t at = 0;
  for (size_t i = 0; i < input.candidates.size(); ++i) {
    keys.emplace_back(std::string_view(ids).substr(at, input.candidates[i].id.size()), i);
    at += input.candidates[i].id.size();
  }
  std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<size_t> order;
  order.reserve(keys.size());
  for (const auto& key : keys) order.push_back(key.second);
  Ordered out;
  DecisionMatrix& m = out.matrix;
  m.values.resize(n, k);
  m.maturity.resize(n);
  m.level.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const size_t from = order[static_cast<size_t>(i)];
    out.candidates.push_back(std::move(input.candidates[from]));
    // A row of an n x 0 matrix is a null pointer plus an offset (undefined
    // behaviour that UBSan reports), so the score method's empty table is
    // not copied row by row.
    if (k > 0) m.values.row(i) = input.values.row(static_cast<Eigen::Index>(from));
    m.maturity(i) = out.candidates.back().maturity.value_or(0);
    m.level(i) = out.candidates.back().level.value_or(0);
  }
  for (const auto& c : config.criteria) m.cost.push_back(c.cost);
  // What was moved from is freed now: with 100,000 candidates, 20 MB.
  input.candidates = {};
  return out;
}

// The Ranking's header: the config, its method and weights, the filters.
Ranking RankingOf(const RankingConfig& config, const RankingWeights& weights, RankingInput& input,
                  const StabilitySettings& stability) {
  Ranking r;
  r.id = config.id;
  r.title = config.title;
  r.config_file = config.file;
  r.config_sha256 = config.sha256;
  r.method = config.method->Facts(config.normalization);
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
  return r;
}

// Each candidate of a shared rank names the others (in rank order, so by id
// within the tie).
void AddTiedWith(std::vector<RankedCandidate>& ranked) {
  for (size_t first = 0; first < ranked.size();) {
    size_t end = first + 1;
    while (end < ranked.size() && ranked[end].rank == ranked[first].rank) ++end;
    for (size_t i = first; end - first > 1 && i < end; ++i)
      for (size_t j = first; j < end; ++j)
        if (j != i) ranked[i].tied_with.push_back(ranked[j].candidate.id);
    first = end;
  }
}

}  // namespace

Ranking RankCandidates(const RankingConfig& config, RankingInput input,
                       const RankingWeights& weights, const StabilitySettings& stability,
                       int threads) {
  if (!config.method) throw std::invalid_argument("ranking: the config names no method");
  const auto n = static_cast<Eigen::Index>(input.candidates.size());
  const Eigen::Index k = input.values.cols();
  if (input.values.rows() != n)
    throw std::invalid_argument("ranking: one row of values per candidate needed");
  Ordered ordered = InIdOrder(config, input);
  const RankingScorer scorer(*config.method, ordered.matrix, config.normalization);
  Eigen::VectorXd scores;
  ScoreBuffers buffers;
  scorer.Score(weights.weights, scores, buffers);
  std::vector<RankKey> keys;
  for (Eigen::Index i = 0; i < n; ++i) keys.push_back({scores(i), scorer.Tie(i), static_cast<int>(i)});
  const std::vector<int> ranks = RankSortedKeys(keys);

  Ranking r = RankingOf(config, weights, input, stability);
  std::optional<RankSamples> histogram;
  if (scorer.uses_weights() && stability.samples > 0 && n >= 2 && k > 0) {
    histogram = RankStability(scorer, weights.weights,
                              {stability.samples, stability.kappa, stability.seed, threads});
    r.stability_computed = true;
  }
  r.candidates.reserve(keys.size());
  for (size_t place = 0; place < keys.size(); ++place) {
    const int i = keys[place].index;
    RankedCandidate out;
    out.rank = ranks[place];
    out.candidate = std::move(ordered.candidates[static_cast<size_t>(i)]);  // each is taken once
    out.value = scores(i);
    for (Eigen::Index j = 0; j < k; ++j) out.values.push_back(ordered.matrix.values(i, j));
    if (histogram) out.stability = SummarizeStability(*histogram, i, stability.select);
    r.candidates.push_back(std::move(out));
  }
  AddTiedWith(r.candidates);
  return r;
}

}  // namespace fa
