// Inside the synthetic cohort generator (synthetic_cohort.h): a small
// seeded random number generator with its own distributions (the standard
// library's distributions differ between implementations, which would break
// byte-identical output), and the plant profiles — industries, towns, sizes,
// names and credit codes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <functional>

#include "answers/answer_set.h"
#include "rubric/rubric.h"
#include "scoring/scoring_model.h"
#include "synth/synthetic_cohort.h"

namespace fa {

/// xoshiro256** seeded through splitmix64 (Blackman and Vigna, 2018).
class SynthRng {
 public:
  explicit SynthRng(uint64_t seed);
  uint64_t Next();
  double Uniform();                 ///< [0, 1)
  double Normal();                  ///< standard normal (Box–Muller)
  /// An index drawn with probability proportional to `weights`.
  size_t Pick(const double* weights, size_t n);

 private:
  uint64_t s_[4];
  double spare_ = 0;
  bool has_spare_ = false;
};

/// A seed for stream `tag` of factory `index`, mixed from the cohort seed.
uint64_t SynthStream(uint64_t seed, uint64_t index, uint64_t tag);

/// What decides a plant's capability, drawn before anything else about it.
struct SynthPlant {
  size_t industry = 0;    ///< index into the industry table
  double employees = 0;
  double revenue = 0;     ///< 10k CNY
  double latent = 0;      ///< standard normal: size, industry and chance together
};

/// The plant's industry and size (stream 0 of factory `index`).
SynthPlant DrawSynthPlant(uint64_t seed, size_t index);

/// Its full profile: name, town, manufacturing type (one the rubric allows),
/// and a unique, valid unified social credit code.
FactoryProfile SynthProfile(const Rubric& rubric, uint64_t seed, size_t index, const SynthPlant& plant);

/// Generates the cohort in batches, one per thread at a time: `format` runs
/// on the batch's own thread, `emit` on the caller's, batch after batch in
/// order.
void SynthesizeBatches(const ScoringModel& model, const SynthOptions& options,
                       const std::function<std::string(const std::vector<SynthFactory>&)>& format,
                       const std::function<void(const std::vector<SynthFactory>&, std::string&)>& emit);

/// The organisation code check character of GB 11714-1997 for an 8-character
/// body, or '\0' when it holds a character outside 0-9 A-Z.
char OrganisationCodeCheckChar(const std::string& body);

}  // namespace fa
