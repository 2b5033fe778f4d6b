// A realistic synthetic cohort for demos and benchmarks (`factory-assess
// synth`, docs/cohort-csv.md): the district's towns and key industries, plant
// sizes by industry, valid credit codes, and answers that hang together
// within a plant — a latent capability, per-domain offsets and noise, mapped
// onto each criterion's scale, options or bands. For gated rubrics the
// levels follow the national self-assessment (docs/domain.md §2). Factory i
// depends only on (seed, cohort size, i), so the output for a seed is
// byte-identical however many threads produce it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "answers/answer_set.h"
#include "scoring/scoring_model.h"

namespace fa {

/// Share of factories at levels 0 (none reached), 1, … 5 in the 2020
/// national self-assessment of 12,000+ firms (docs/domain.md §2): 14% at level
/// 2, 6% at 3, 5% at 4 or above [confirmed]. How the rest splits between
/// levels 0 and 1 (30 / 45) and the 5% between 4 and 5 (4 / 1) is our own
/// assumption.
const std::vector<double>& NationalLevelShares();

struct SynthOptions {
  size_t factories = 1000;
  uint64_t seed = 1;
  /// Gated rubrics: target share per level 0..L; empty means
  /// NationalLevelShares() (shares above the rubric's top level fold into it).
  std::vector<double> level_shares;
  /// Threads generating in parallel; 0 means one per core.
  int threads = 0;
  /// When set, called on the calling thread after each round of batches
  /// with the number of factories generated so far (for a progress line).
  std::function<void(size_t done)> progress;
};

/// One generated answer, compactly; written out by the cohort writers.
struct SynthAnswer {
  enum Kind : unsigned char { kEmpty, kNa, kStep, kOption, kOptions, kNumber, kBool, kText };
  Kind kind = kEmpty;
  unsigned char index = 0;  ///< kStep, kOption: the choice of the criterion's AnswerForm
  bool yes = false;         ///< kBool
  uint64_t options = 0;     ///< kOptions: bit i set = option i chosen
  double number = 0;        ///< kNumber
};

struct SynthFactory {
  size_t index = 0;
  FactoryProfile profile;
  std::vector<SynthAnswer> answers;  ///< per criterion of rubric.AllCriteria()
  int level = 0;                     ///< as scored
  double score = 0;
};

/// Generates factories [0, options.factories) in batches and hands each,
/// in order, to `emit` (on the calling thread).
void SynthesizeCohort(const ScoringModel& model, const SynthOptions& options,
                      const std::function<void(const SynthFactory&)>& emit);

/// A synthetic cohort as a cohort CSV (docs/cohort-csv.md), handed to
/// `write` in order in chunks of bounded size (the header, then one batch of
/// 256 rows at a time), so a cohort of any size streams in bounded memory.
/// `level_counts`, when given, receives how many factories were scored at
/// each level (index: level). The bytes are those of SynthCohortCsv.
void WriteSynthCohortCsv(const ScoringModel& model, const SynthOptions& options,
                         const std::function<void(std::string_view chunk)>& write,
                         std::vector<size_t>* level_counts = nullptr);

/// A synthetic cohort as a cohort CSV (docs/cohort-csv.md), whole in memory.
/// `levels`, when given, receives each factory's scored level.
std::string SynthCohortCsv(const ScoringModel& model, const SynthOptions& options,
                           std::vector<int>* levels = nullptr);

/// One factory's cells, as written in a cohort CSV (unquoted).
std::vector<std::string> SynthCells(const Rubric& rubric, const SynthFactory& factory);

/// One factory as an answer file (docs/answers-format.md).
std::string SynthAnswerYaml(const Rubric& rubric, const SynthFactory& factory);

}  // namespace fa
