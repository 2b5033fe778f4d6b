// Benchmark: the scoring core (answer matrix in memory → every node score at
// every level, levels and maturity scores) over the full capability-maturity
// rubric. Prints factories per second: one batch scored over and over (in
// cache), then STREAMED distinct factories from memory in a blocked layout,
// with the memory-bandwidth limit for them — as an answer matrix (two
// doubles a criterion) and packed (two bytes a criterion,
// scoring/packed_answers.h). Not a test: run it by hand.
//
//   build/bench_scoring [RUBRIC] [FACTORIES] [BATCH] [STREAMED]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "rubric/rubric_loader.h"
#include "scoring/batch_scorer.h"
#include "scoring/packed_answers.h"

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "rubrics/cmmm.yaml";
  const long factories = argc > 2 ? std::stol(argv[2]) : 1000000;
  const long batch = argc > 3 ? std::stol(argv[3]) : 256;  // the chunk size streaming scorers use
  fa::Diagnostics diags;
  auto rubric = fa::LoadRubric(path, diags);
  if (!rubric) {
    std::fputs(diags.Format().c_str(), stderr);
    return 1;
  }
  fa::ScoringModel model = fa::CompileRubric(*rubric, diags);
  const auto criteria = static_cast<Eigen::Index>(model.criteria.size());

  // One batch of realistic answers: values from the satisfaction scale, a
  // plant-level propensity so answers correlate, ~5% not applicable.
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(0, 1);
  const double steps[] = {0, 0.5, 0.8, 1};
  fa::AnswerMatrix answers;
  answers.points.resize(batch, criteria);
  answers.mask.resize(batch, criteria);
  for (Eigen::Index f = 0; f < batch; ++f) {
    double propensity = u(rng);
    for (Eigen::Index c = 0; c < criteria; ++c) {
      double level_penalty = 0.18 * model.criterion_level[static_cast<size_t>(c)];
      double x = propensity + 0.3 * (u(rng) - 0.5) - level_penalty + 0.4;
      int step = x < 0.25 ? 0 : x < 0.5 ? 1 : x < 0.75 ? 2 : 3;
      answers.mask(f, c) = u(rng) < 0.95 ? 1 : 0;
      answers.points(f, c) = answers.mask(f, c) * steps[step] * model.max_points[c];
    }
  }

  long done = 0;
  double checksum = 0;
  auto start = std::chrono::steady_clock::now();
  fa::BatchScores s;  // reused across chunks, as a streaming scorer would
  while (done < factories) {
    fa::ScoreBatchInto(model, answers, s);
    checksum += s.score.sum();
    done += batch;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("scoring core: %s, %ld criteria, %zu nodes, batch %ld\n", path.c_str(),
              static_cast<long>(criteria), model.nodes.size() - 1, batch);
  std::printf("  %ld factory-assessments in %.3f s on one core = %.0f per second (checksum %.3f)\n",
              done, seconds, done / seconds, checksum / done);

  // The same batch packed, two bytes a criterion (packed_answers.h).
  fa::PackedAnswers packed_batch;
  packed_batch.Pack(model, answers);
  done = 0;
  double packed_cache_checksum = 0;
  start = std::chrono::steady_clock::now();
  while (done < factories) {
    fa::ScoreBatchInto(model, packed_batch, s);
    packed_cache_checksum += s.score.sum();
    done += batch;
  }
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("  the same batch packed: %.3f s = %.0f per second (checksum %.3f%s)\n", seconds, done / seconds,
              packed_cache_checksum / done, packed_cache_checksum == checksum ? ", the same bits" : ", DIFFERENT");

  // A batch of `streamed` distinct factories held in memory, blocked: 64
  // rows at a time contiguous (each block its own column-major matrix, the
  // rows the scorer takes together, batch_scorer.cpp kBlockRows), so the
  // inner loops read one contiguous stretch of memory and each block's
  // results stay in cache. (256-row blocks run ~40% slower: their columns
  // are 2 KB apart, too many streams for the prefetcher.) Every factory's answers
  // come from memory once: the bound is the memory bandwidth over the bytes
  // read per factory.
  const long streamed = argc > 4 ? std::stol(argv[4]) : 100000;
  constexpr Eigen::Index kBlock = 64;
  std::vector<fa::AnswerMatrix> blocks;
  for (long first = 0; first < streamed; first += kBlock) {
    const Eigen::Index rows = std::min<Eigen::Index>(kBlock, streamed - first);
    fa::AnswerMatrix m;
    m.points.resize(rows, criteria);
    m.mask.resize(rows, criteria);
    for (Eigen::Index r = 0; r < rows; ++r) {  // the in-cache batch's rows, shifted so no two blocks are alike
      const Eigen::Index from = (first + r) % batch;
      m.points.row(r) = answers.points.row(from);
      m.mask.row(r) = answers.mask.row(from);
    }
    blocks.push_back(std::move(m));
  }
  // The best of five passes (each pass reads all 100k factories from memory
  // again: they are far larger than the caches), as the machine is shared.
  constexpr int kPasses = 5;
  seconds = 1e300;
  for (int pass = 0; pass < kPasses; ++pass) {
    checksum = 0;
    start = std::chrono::steady_clock::now();
    for (const fa::AnswerMatrix& m : blocks) {
      fa::ScoreBatchInto(model, m, s);
      checksum += s.score.sum();
    }
    seconds = std::min(seconds, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  // The same factories packed, two bytes a criterion (packed_answers.h),
  // as one batch scored a block at a time: the results of each block stay
  // in cache, the answers come from memory.
  fa::AnswerMatrix whole;
  whole.points.resize(streamed, criteria);
  whole.mask.resize(streamed, criteria);
  for (size_t b = 0; b < blocks.size(); ++b) {
    whole.points.middleRows(static_cast<Eigen::Index>(b) * kBlock, blocks[b].points.rows()) = blocks[b].points;
    whole.mask.middleRows(static_cast<Eigen::Index>(b) * kBlock, blocks[b].mask.rows()) = blocks[b].mask;
  }
  fa::PackedAnswers packed;
  packed.Pack(model, whole);
  whole = fa::AnswerMatrix();
  double packed_seconds = 1e300, packed_checksum = 0;
  for (int pass = 0; pass < kPasses; ++pass) {
    packed_checksum = 0;
    start = std::chrono::steady_clock::now();
    for (Eigen::Index first = 0; first < streamed; first += kBlock) {
      fa::ScoreBatchInto(model, packed, s, first, std::min<Eigen::Index>(kBlock, streamed - first));
      packed_checksum += s.score.sum();
    }
    packed_seconds =
        std::min(packed_seconds, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  // The memory bandwidth one core reaches reading a buffer larger than the caches.
  std::vector<double> big(size_t{32} << 20, 1.0);  // 256 MB
  double part[8] = {};  // eight sums, so the loop waits on memory, not on one chain of additions
  const auto read_start = std::chrono::steady_clock::now();
  for (size_t i = 0; i < big.size(); i += 8)
    for (size_t k = 0; k < 8; ++k) part[k] += big[i + k];
  double sum = 0;
  for (double p : part) sum += p;
  const double read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - read_start).count();
  const double bandwidth = static_cast<double>(big.size() * sizeof(double)) / read_seconds;
  const double bytes = static_cast<double>(criteria) * 2 * sizeof(double);  // points and mask
  std::printf("  %ld distinct factories streamed from memory in %d-row blocks: %.3f s (best of %d passes) = %.0f per second (checksum %.3f)\n",
              streamed, static_cast<int>(kBlock), seconds, kPasses, streamed / seconds, checksum / streamed);
  std::printf("  memory-bandwidth limit: %.1f GB/s read on one core (sum %.0f) / %.0f bytes of answers a factory = %.0f per second\n",
              bandwidth / 1e9, sum, bytes, bandwidth / bytes);
  // The same blocks only read (every answer summed): the part of the time
  // above that is the memory's; the rest is the scorer's own work.
  double read_only = 1e300, read_sum = 0;
  for (int pass = 0; pass < kPasses; ++pass) {
    const auto at = std::chrono::steady_clock::now();
    for (const fa::AnswerMatrix& m : blocks) read_sum += m.points.sum() + m.mask.sum();
    read_only = std::min(read_only, std::chrono::duration<double>(std::chrono::steady_clock::now() - at).count());
  }
  std::printf("  reading the same blocks alone: %.3f s (%.1f GB/s, sum %.0f)\n", read_only,
              static_cast<double>(streamed) * bytes / read_only / 1e9, read_sum);
  const double packed_bytes = static_cast<double>(packed.bytes()) / static_cast<double>(streamed);
  std::printf("  the same factories PACKED (two bytes a criterion, %d of %ld criteria as doubles): %.3f s (best of %d passes) = %.0f per second (checksum %.3f%s)\n",
              packed.wide_criteria(), static_cast<long>(criteria), packed_seconds, kPasses, streamed / packed_seconds,
              packed_checksum / streamed, packed_checksum == checksum ? ", the same bits" : ", DIFFERENT");
  std::printf("  memory-bandwidth limit packed: %.0f bytes a factory = %.0f per second\n", packed_bytes,
              bandwidth / packed_bytes);
  return 0;
}
