// A node's `weights: {ahp: MATRIX, max_cr}`: AHP pairwise judgments over
// its children. Checked here: shape, positive entries, unit diagonal and
// reciprocity. The consistency ratio needs an eigenvalue solver and is
// checked when scoring/ compiles the rubric.
#include <cmath>
#include <string>

#include "base/input_limits.h"
#include "base/input_text.h"
#include "base/text.h"
#include "rubric/rubric_parts.h"

namespace fa {

namespace {

const std::vector<std::string> kWeightsKeys = {"ahp", "max_cr"};
constexpr double kReciprocalTolerance = 1e-6;  // relative, docs/rubric-format.md

std::string Entry(size_t i, size_t j) {
  return "(" + std::to_string(i + 1) + ", " + std::to_string(j + 1) + ")";
}

// "1/3" for 3, "5" for 0.2: the reciprocal as a judgment would be written.
std::string ReciprocalText(double a) {
  if (a >= 1 && a == std::floor(a)) return "1/" + FormatNumber(a);
  return FormatNumber(1 / a);
}

}  // namespace

std::optional<AhpJudgments> ReadAhpWeights(RubricLoad& load, const YamlValue& value,
                                           const Node& node) {
  YamlMap map(value, value.owner());
  if (!map.ok()) return std::nullopt;
  map.CheckKeys(kWeightsKeys);
  AhpJudgments ahp;
  if (auto v = map.Get("max_cr").PositiveNumber("max_cr")) ahp.max_cr = *v;
  YamlValue matrix = map.Require("ahp");
  if (matrix.absent()) return std::nullopt;
  ahp.pos = matrix.pos();
  if (!matrix.IsSequence()) {
    matrix.TypeError("a matrix (a list of rows)");
    return std::nullopt;
  }
  // Read every entry, remembering where it is written.
  const size_t n = matrix.node().size();
  if (n > static_cast<size_t>(kMaxJudgmentCriteria)) {
    matrix.Error(TooManyToCompare(n));
    return std::nullopt;
  }
  bool complete = true;
  std::vector<std::vector<YamlValue>> cells;
  size_t r = 0;
  for (const auto& row : matrix.Items()) {
    ++r;
    YamlValue labelled(load.src, row.node(), row.pos(), row.owner(),
                       "ahp row " + std::to_string(r));
    if (!row.IsSequence()) {
      labelled.TypeError("a list of " + std::to_string(n) + " numbers");
      complete = false;
      cells.emplace_back();
      continue;
    }
    if (row.node().size() != n) {
      row.Error("ahp row " + std::to_string(r) + " has " + std::to_string(row.node().size()) +
                " entries, expected " + std::to_string(n) + " (the matrix must be square)");
      complete = false;
    }
    std::vector<double> values;
    cells.emplace_back();
    size_t c = 0;
    for (const auto& cell : labelled.Items()) {
      YamlValue entry(load.src, cell.node(), cell.pos(), cell.owner(),
                      "ahp entry " + Entry(r - 1, c));
      auto v = entry.Ratio();
      if (v && *v <= 0) {
        entry.Error("ahp entry " + Entry(r - 1, c) + " must be > 0, got " + entry.Text());
        v.reset();
      }
      if (!v) complete = false;
      values.push_back(v.value_or(0));
      cells.back().push_back(entry);
      ++c;
    }
    ahp.matrix.push_back(std::move(values));
  }
  if (n != node.children.size())
    matrix.Error("ahp matrix has " + std::to_string(n) + " rows, but the node has " +
                 std::to_string(node.children.size()) + " children");
  if (!complete) return ahp;
  const auto& a = ahp.matrix;
  for (size_t i = 0; i < n; ++i) {
    if (a[i][i] != 1)
      cells[i][i].Error("ahp entry " + Entry(i, i) + " is on the diagonal and must be 1, got " +
                        cells[i][i].Text());
    for (size_t j = 0; j < i; ++j) {
      double expected = 1 / a[j][i];
      if (std::fabs(a[i][j] - expected) > kReciprocalTolerance * expected)
        cells[i][j].Error("ahp entry " + Entry(i, j) + " must be the reciprocal of entry " +
                          Entry(j, i) + " (" + cells[j][i].Text() + "), i.e. " +
                          ReciprocalText(a[j][i]) + ", got " + cells[i][j].Text());
    }
  }
  return ahp;
}

}  // namespace fa
