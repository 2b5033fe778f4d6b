// Inside the ranking input (ranking_input.h): what building it from
// assessments (ranking_input.cpp) and from CSV tables
// (ranking_input_table.cpp) share.
#pragma once

#include <optional>
#include <string>

#include "ranking/ranking_input.h"

namespace fa {

/// A criterion's value as a table or a profile field writes it: a finite
/// number, a leading '+' allowed; nullopt otherwise.
std::optional<double> ParseRankingValue(const std::string& text);

/// "candidate 'ID' (NAME)", for diagnostics.
std::string DescribeCandidate(const RankingCandidate& c);

}  // namespace fa
