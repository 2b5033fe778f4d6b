// Ranking candidate factories by a ranking config: the one sequence the
// command line (`rank`) and the web app (the commission's ranking page)
// share — weights resolved and checked (AHP consistency), candidates read
// from assessments and candidate tables with the config's filters, ranked by
// its method, with rank stability.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "assessment/ranking.h"
#include "base/diagnostics.h"
#include "ranking/ranking_config.h"
#include "ranking/ranking_config_csv.h"

namespace fa {

/// Assessments read from one source (a file, a cohort CSV, the store).
struct AssessmentSource {
  std::string file;
  std::vector<Assessment> assessments;
  /// One assessment per row of a cohort CSV, in row order: each candidate is
  /// then named "FILE, row N" in diagnostics.
  bool per_row = false;
};

class RankingInputBuilder;

/// What to rank and how.
struct RankRequest {
  std::vector<AssessmentSource> sources;
  /// Candidates read as a stream, after `sources`: a cohort too large to be
  /// held as Assessments adds each window's to the builder and drops them.
  std::function<void(RankingInputBuilder& builder)> stream;
  std::vector<CsvTable> tables;  ///< candidate tables (docs/ranking.md "Inputs")
  StabilitySettings stability;   ///< usually the config's, with overrides
  int threads = 1;               ///< Monte Carlo threads; the figures do not depend on it
  /// With more candidates than rank stability can take: false reports an
  /// error, true ranks them without the stability figures.
  bool skip_stability_when_too_many = false;
};

/// Ranks the request's candidates by `config`; nullopt when `diags` got
/// errors (inconsistent AHP judgments, missing values, no candidate left
/// after the filters, too many candidates for stability).
std::optional<Ranking> RankByConfig(const RankingConfig& config, RankRequest request, Diagnostics& diags);

}  // namespace fa
