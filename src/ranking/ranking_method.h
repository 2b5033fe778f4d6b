// Ranking methods. Everything that differs between ways of ranking
// candidates is one class per method: its name in configs, whether it uses
// weights, the normalisations it offers, how it prepares a decision matrix
// and scores it for a weight vector, and what results need to show it. The
// methods are the rows of RankingMethods() (ranking_methods.cpp), each in a
// file of its own (method_*.cpp); code elsewhere asks the method, never
// tests which method it is. docs/architecture.md "Adding a ranking method".
#pragma once

#include <Eigen/Dense>
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "assessment/ranking.h"

namespace fa {

/// What a method ranks: one row per candidate.
struct DecisionMatrix {
  Eigen::MatrixXd values;    ///< candidates × criteria, as read (finite)
  std::vector<bool> cost;    ///< per criterion: less is better
  Eigen::VectorXd maturity;  ///< per candidate: the maturity score; may be empty when unused
  Eigen::VectorXd level;     ///< per candidate: the maturity level; may be empty when unused
};

/// Work space a method's Score reuses from one weight vector to the next,
/// one per thread: sized on first use, so that scoring allocates nothing
/// after the first sample.
class ScoreBuffers {
 public:
  static constexpr size_t kVectors = 4;
  /// Scratch vector `i` (< kVectors) with `size` entries; what it holds is
  /// the method's business.
  Eigen::VectorXd& Vector(size_t i, Eigen::Index size) {
    Eigen::VectorXd& v = vectors_.at(i);
    if (v.size() != size) v.resize(size);
    return v;
  }

 private:
  std::array<Eigen::VectorXd, kVectors> vectors_;
};

/// A decision matrix prepared once by one method, then scored for any
/// number of weight vectors (the rank-stability Monte Carlo scores it once
/// per sample).
class PreparedMatrix {
 public:
  virtual ~PreparedMatrix() = default;
  /// Every candidate's score for `weights` (one per criterion, ≥ 0) into
  /// `out`, which has one entry per candidate. Higher is better.
  virtual void Score(const Eigen::VectorXd& weights, Eigen::VectorXd& out, ScoreBuffers& buffers) const = 0;
  /// The second key of a candidate's place for exactly equal scores, higher
  /// first; the last key is the lower id. 0 for everyone unless the method
  /// says otherwise.
  virtual double Tie(Eigen::Index candidate) const { return 0; }
};

class RankingMethod {
 public:
  virtual ~RankingMethod() = default;

  /// The name in ranking configs (`method:`) and in Ranking JSON: "topsis".
  virtual const char* name() const = 0;
  /// False: ranks without weights, so it needs no criteria and has no rank
  /// stability.
  virtual bool uses_weights() const { return true; }
  /// True: ranks by the maturity score itself, which every candidate needs.
  virtual bool ranks_by_maturity() const { return false; }
  /// How it may put criteria on one scale, its default first: "normalization"
  /// in Ranking JSON; a config's `normalize:` chooses when there are several.
  virtual std::vector<std::string> normalizations() const = 0;
  /// The value's key in Ranking JSON and CSV: "closeness".
  virtual const char* value_name() const = 0;
  /// Decimals of the value in the report and the terminal.
  virtual int value_digits() const { return 4; }
  /// The value's column in the terminal: "closeness".
  virtual const char* value_heading() const = 0;
  /// What it does, in the terminal after "NAME: ": "closeness to the ideal
  /// candidate (vector normalisation), higher is better".
  virtual std::string Summary(const std::string& normalization) const = 0;
  /// `matrix` prepared once with `normalization` (one of normalizations()).
  /// Throws std::invalid_argument on a matrix it cannot rank.
  virtual std::unique_ptr<const PreparedMatrix> Prepare(const DecisionMatrix& matrix,
                                                        const std::string& normalization) const = 0;

  /// What results show of it with `normalization` ("": its default). The
  /// label keys come from its name: "rk_method_NAME" ("rk_method_NAME_NORM"
  /// for a normalisation other than the default) and "rk_value_NAME".
  RankingMethodFacts Facts(const std::string& normalization = "") const;
  /// `normalization`, or the default for ""; throws std::invalid_argument
  /// for one the method does not offer.
  std::string ResolveNormalization(const std::string& normalization) const;
};

/// Every method, in the order the docs list them.
const std::vector<const RankingMethod*>& RankingMethods();
/// The method named `name`, or null.
const RankingMethod* FindRankingMethod(const std::string& name);
/// Every method's name, in table order.
std::vector<std::string> RankingMethodNames();
/// Every method with each normalisation it offers, as results show them:
/// what RankingFromJson reads a saved ranking with.
std::vector<RankingMethodFacts> RankingMethodFactsTable();

}  // namespace fa
