#include "service/rank.h"

#include "ranking/rank_candidates.h"
#include "ranking/rank_stability.h"
#include "ranking/ranking_input.h"
#include "ranking/ranking_weights.h"

namespace fa {

std::optional<Ranking> RankByConfig(const RankingConfig& config, RankRequest request, Diagnostics& diags) {
  const size_t errors_before = diags.ErrorCount();
  std::optional<RankingWeights> weights = ResolveRankingWeights(config, diags);
  if (!weights) return std::nullopt;
  RankingInputBuilder builder(config, diags);
  for (const auto& table : request.tables) builder.AddTable(table);
  for (const auto& source : request.sources) {
    if (!source.per_row) {
      builder.AddAssessments(source.assessments, source.file);
      continue;
    }
    for (size_t row = 0; row < source.assessments.size(); ++row)
      builder.AddAssessment(source.assessments[row], source.file + ", row " + std::to_string(row + 1));
  }
  if (request.stream) request.stream(builder);
  RankingInput input = builder.Finish();
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  const auto n = static_cast<int>(input.candidates.size());
  if (n == 0) {
    diags.Error(config.file, {},
                "no candidates to rank (" + std::to_string(input.excluded) + " left out by the filters)");
    return std::nullopt;
  }
  StabilitySettings stability = request.stability;
  const bool stable = config.method->uses_weights() && stability.samples > 0;
  if (stable && n > kMaxStabilityCandidates) {
    if (!request.skip_stability_when_too_many) {
      diags.Error(config.file, {},
                  std::to_string(n) + " candidates: rank stability is computed for at most " +
                      std::to_string(kMaxStabilityCandidates) + "; filter them, or pass --samples 0");
      return std::nullopt;
    }
    stability.samples = 0;
  }
  return RankCandidates(config, std::move(input), *weights, stability, request.threads);
}

}  // namespace fa
