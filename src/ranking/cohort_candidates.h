// Ranking candidates straight from the rows of a cohort CSV (docs/cohort-csv.md):
// each chunk of clean rows scored as `score --cohort` scores it
// (scoring/cohort_chunk.h), the tier verdicts told from the scores
// (TierEligibility, scoring/tiers.h), and each row handed to a
// RankingInputBuilder as it reads a scored factory — no AnswerSet or
// Assessment is made, and nothing of a row is kept but its candidate. The
// candidates are those AddAssessment makes of the rows' Assessments.
#pragma once

#include <string>

#include "answers/cohort_csv.h"
#include "base/diagnostics.h"
#include "ranking/ranking_input.h"
#include "scoring/scoring_model.h"

namespace fa {

/// How `rank` reads a cohort: windows of 1 MB (about 1,400 capability-maturity
/// rows; the rows of a window reach the builder together, so where a
/// problem stops the reading decides which rows were ranked before it),
/// each read in parts of at least 256 KB on the cores there are.
CohortCsvOptions RankCohortWindows();

/// Reads, checks and scores the cohort file at `path` against `model`,
/// adding a candidate to `builder` per clean row, named "PATH, row N" (N
/// counts data rows from 1) in diagnostics. Problems in the file go to
/// `diags`; rows stop coming once one is found (as for any CohortSink), so
/// the builder's candidates are usable only when the summary is ok().
/// Throws std::runtime_error naming the file when it cannot be read.
CohortCsvSummary AddCohortCandidates(const ScoringModel& model, const std::string& path,
                                     RankingInputBuilder& builder, Diagnostics& diags,
                                     const CohortCsvOptions& options = {});

}  // namespace fa
