// The candidates of a ranking: read from Assessments (scored answer files or
// saved assessments) and from CSV tables of candidates × values, each value
// taken from the source its criterion names, the config's filters applied,
// and every missing or malformed value reported with its position.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "ranking/ranking_config.h"
#include "ranking/ranking_config_csv.h"
#include "assessment/assessment.h"
#include "ranking/rank_candidates.h"
#include "rubric/rubric.h"

namespace fa {

/// Columns of a CSV candidate table that describe a candidate rather than
/// hold a criterion value: credit_code, name, town, industry (and level and
/// score, which are read as the candidate's level and maturity score).
const std::vector<std::string>& CandidateProfileColumns();

/// A ranking candidate as an Assessment gives it (id: the credit code, else
/// the name; its level, maturity score and eligible tiers), read from `file`.
RankingCandidate CandidateOf(const Assessment& a, const std::string& file = "");

/// A node's result as a ranking reads it.
struct NodeValue {
  bool applicable = false;
  double score = 0;
};

/// What a ranking reads of one scored factory besides its candidate: an
/// Assessment's (RankingInputBuilder::AddAssessment) or a cohort row's
/// scores, with no Assessment made (ranking/cohort_candidates.h).
struct ScoredFactory {
  const std::string& rubric;  ///< the rubric's id
  const FactoryProfile& factory;
  double score = 0;
  int level = 0;
  /// The result of node `id`; nullopt when the rubric has no such node.
  std::function<std::optional<NodeValue>(const std::string& id)> node;
  /// Every node's id, to suggest one for a misspelt id.
  std::function<std::vector<std::string>()> node_ids;
};

enum class FilterVerdict {
  kKept,
  kLeftOut,
  kNoLevel,  ///< a min_level filter, and the candidate has no level
  kNoTiers,  ///< a tier filter, and the candidate has no tier verdicts
};

/// The config's filters (towns, industries, min_level, tiers) applied to
/// one candidate: the one rule the builder and the web app's ranking page
/// (which counts what the filters leave) both use.
FilterVerdict ApplyFilters(const RankingFilters& filters, const RankingCandidate& c);

class RankingInputBuilder {
 public:
  /// `diags` must already know the config's text (it does when the config
  /// was loaded into it), so filter warnings quote it.
  RankingInputBuilder(const RankingConfig& config, Diagnostics& diags);

  /// Candidates from Assessments read from `file`: `score` and `level` are
  /// the maturity score and level, `node:<id>` the node's score,
  /// `profile:<field>` a numeric profile field; `column:` is an error.
  void AddAssessments(const std::vector<Assessment>& assessments, const std::string& file);
  /// One of them, read from `file` (e.g. "cohort.csv, row 12").
  void AddAssessment(const Assessment& assessment, const std::string& file);
  /// A candidate (read from `c.file`) and what was scored of its factory:
  /// what AddAssessment adds of an Assessment.
  void AddScored(RankingCandidate c, const ScoredFactory& factory);
  /// Room for about `candidates` more (e.g. a cohort's estimated rows), so
  /// that a large cohort's are not moved as they come.
  void Reserve(size_t candidates);
  /// The display names of the tiers of `scheme` (as AddAssessment takes
  /// them from an Assessment's verdicts).
  void AddTierNames(const TierScheme& scheme);

  /// Candidates from a CSV table: `column:<name>` reads that column;
  /// `node:<id>`, `profile:<field>`, `score` and `level` read the column of
  /// that name, so a table exported from assessments ranks the same way.
  void AddTable(const CsvTable& table);

  /// Warns about filter values that matched no candidate (with a
  /// did-you-mean) and hands over what was read.
  RankingInput Finish();

 private:
  /// Where a table's candidate fields and criterion values are.
  struct TableColumns {
    std::optional<size_t> code, name, town, industry, level, score, tiers;
    std::vector<std::optional<size_t>> values;  ///< one per criterion
  };
  /// The table's columns; nullopt, with every problem reported at the
  /// header, when a criterion's column or one the config needs is missing.
  std::optional<TableColumns> FindColumns(const CsvTable& table);
  /// One row of a table as a candidate (`row_number` counts the header as 1).
  void AddTableRow(const CsvTable& table, const TableColumns& at, const std::vector<CsvCell>& row, int row_number);
  bool Keep(const RankingCandidate& c, const std::string& file, SourcePos pos);
  void Add(RankingCandidate c, const std::vector<double>& values, SourcePos pos);
  /// Reports a missing value; after five for one criterion, only counts.
  void Missing(size_t criterion, const std::string& file, SourcePos pos,
               const std::string& message);

  const RankingConfig& config_;
  Diagnostics& diags_;
  RankingInput input_;
  std::vector<double> rows_;  ///< candidates × criteria, row-major
  std::vector<double> values_;  ///< one candidate's, as they are read
  std::unordered_map<std::string, std::pair<size_t, SourcePos>> ids_;  ///< id → first candidate, pos
  std::set<std::string> towns_, industries_;
  std::vector<int> missing_;           ///< per criterion
  std::set<std::string> bad_sources_;  ///< config problems reported once
};

/// A cohort table for objective weights: every column except the profile
/// columns is a criterion; every cell must be a number.
struct CohortTable {
  std::vector<std::string> criteria;
  Eigen::MatrixXd values;  ///< rows × criteria
};

/// Reads a cohort table; problems (a non-numeric or empty cell, no
/// criterion column, fewer than 2 rows) go to `diags` with positions.
std::optional<CohortTable> ReadCohortTable(const CsvTable& table, Diagnostics& diags);

}  // namespace fa
