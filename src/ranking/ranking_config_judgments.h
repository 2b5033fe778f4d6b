// AHP pairwise judgments as people write them — a YAML matrix (`[1, 3,
// "1/5"]` rows) or a CSV table — read with the position of every entry, for
// ranking configs' `weights: {ahp: …}` and for `factory-assess weights`.
// Checked here: shape, positive entries, unit diagonal, reciprocity. The
// consistency ratio needs an eigen solver and is checked in scoring/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "rubric/yaml_source.h"

namespace fa {

/// A square matrix of judgments a_ij ("criterion i over criterion j").
struct PairwiseJudgments {
  std::string file;
  SourcePos pos;                                    ///< the matrix as a whole
  std::vector<std::vector<double>> matrix;          ///< "1/5" is stored as 0.2
  std::vector<std::vector<SourcePos>> cell_pos;     ///< where each entry is written
  std::vector<std::vector<std::string>> cell_text;  ///< each entry as written
};

/// One expert's judgments (a whole file, or an entry of `experts:`).
struct ExpertJudgments {
  std::string name;
  std::optional<double> weight;  ///< relative; absent means equal
  PairwiseJudgments judgments;
};

/// A judgments file for `factory-assess weights` (docs/ranking.md):
///   criteria: [a, b, c]           criteria: [a, b, c]
///   matrix: [[1, 3, "1/5"], …]    experts: [{name, weight?, matrix}, …]
/// or CSV: a header row of criterion names, then the matrix rows (a first
/// header cell left empty means every row starts with its criterion's name).
struct JudgmentsFile {
  std::string file;
  std::vector<std::string> criteria;
  std::vector<ExpertJudgments> experts;  ///< one for `matrix:` and CSV
  bool has_experts_key = false;
};

/// Relative tolerance of reciprocity: a_ij · a_ji = 1 within 1e-6, the same
/// as the rubric loader; "1/3" is exact, 0.333 is not.
constexpr double kJudgmentReciprocalTolerance = 1e-6;

/// Reads a YAML matrix whose order must be `criteria.size()` (the criteria
/// are named in messages). Reports every problem found; nullopt unless the
/// matrix is complete, positive, with a unit diagonal and reciprocal.
std::optional<PairwiseJudgments> ReadPairwiseMatrix(const YamlValue& value,
                                                    const std::vector<std::string>& criteria);

/// Reads a judgments file, YAML or CSV by extension (".csv"). Problems go
/// to `diags`; nullopt when any is an error.
std::optional<JudgmentsFile> LoadJudgmentsFile(const std::string& path, Diagnostics& diags);
/// The same over `text` read from `file` (whose extension picks the syntax).
std::optional<JudgmentsFile> LoadJudgmentsFromString(const std::string& text, const std::string& file,
                                                     Diagnostics& diags);

/// A judgment as people write it: "3", "1/5" for 0.2, else two decimals
/// ("4.47" for an aggregated judgment).
std::string JudgmentText(double a);

}  // namespace fa
