#include "synth/synthetic_cohort.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <numeric>
#include <set>

#include "answers/answers_check.h"
#include "base/parallel.h"
#include "scoring/answer_matrix.h"
#include "scoring/batch_scorer.h"
#include "synth/synthetic_cohort_parts.h"

namespace fa {

namespace {

constexpr size_t kBatch = 256;   // factories generated and calibrated together
constexpr int kAttempts = 16;    // redraws of a plant that misses its target level

double Clamp01(double x) { return std::min(1.0, std::max(0.0, x)); }

// A fixed pseudo-random number in [0, 1) for a text, so that a criterion's
// difficulty is the same in every cohort.
double HashUnit(const std::string& text) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
  return static_cast<double>(SynthStream(h, 0, 0) >> 11) * 0x1.0p-53;
}

size_t Nearest(const std::vector<double>& fractions, double q) {
  size_t best = 0;
  for (size_t i = 1; i < fractions.size(); ++i)
    if (std::fabs(fractions[i] - q) < std::fabs(fractions[best] - q)) best = i;
  return best;
}

struct Context {
  const ScoringModel& model;
  const Rubric& rubric;
  SynthOptions options;
  std::vector<const Criterion*> all;
  std::vector<int> model_index;             // per criterion, -1 for text
  std::vector<std::vector<int>> path;       // per criterion: node ordinals, top first
  std::vector<int> depth;                   // per node ordinal
  std::vector<double> difficulty;           // per criterion, in [-0.1, 0.1)
  std::vector<AnswerForm> forms;            // per criterion: what its questionnaire offers
  std::vector<std::vector<double>> fraction;  // per criterion: each choice's share of the most points
  std::vector<std::vector<double>> option_difficulty;  // per choice, in [-0.2, 0.2) (used for several answers)
  std::vector<std::string> condition_fields;
  bool gated = false, weighted_mean = true;
  std::vector<double> level_shares;         // per level 0..L, summing to 1 (up to rounding)
  double level_total = 0;                   // their sum before normalising, as Targets() divides by it
  // Per factory: its rank by latent capability among all n, the one thing
  // about a plant that depends on the others. 4 bytes a factory (12 while
  // ranking); the rest — its plant, capability and target level — is worked
  // out again from (seed, i) and the rank where needed, so the cohort's
  // size costs little memory and the CSV streams (docs/cohort-csv.md).
  std::vector<uint32_t> rank;

  Context(const ScoringModel& m, const SynthOptions& o) : model(m), rubric(*m.rubric), options(o) {
    all = rubric.AllCriteria();
    gated = rubric.level_rule.kind == LevelRuleKind::kGated && model.levels > 0;
    weighted_mean = rubric.aggregate == Aggregate::kWeightedMean;
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < all.size(); ++i) index[all[i]->id] = i;
    path.resize(all.size());
    std::vector<int> stack;
    std::function<void(const Node&)> walk = [&](const Node& n) {
      stack.push_back(static_cast<int>(depth.size()));
      depth.push_back(static_cast<int>(stack.size()) - 1);
      for (const Criterion& c : n.criteria) path[index[c.id]] = stack;
      for (const Node& child : n.children) walk(child);
      stack.pop_back();
    };
    for (const Node& n : rubric.tree) walk(n);
    for (const Criterion* c : all) {
      model_index.push_back(model.CriterionIndex(c->id));
      difficulty.push_back(0.2 * (HashUnit(c->id) - 0.5));
      forms.push_back(c->kind->Form(rubric, *c));
      std::vector<double> f, od;
      double max = 0;
      for (const auto& choice : forms.back().choices) max = std::max(max, choice.points);
      for (const auto& choice : forms.back().choices) {
        f.push_back(max > 0 ? choice.points / max : 0);
        od.push_back(0.4 * (HashUnit(c->id + "/" + choice.value) - 0.5));
      }
      fraction.push_back(f);
      option_difficulty.push_back(od);
    }
    const std::set<std::string> fields = rubric.ConditionFields();
    condition_fields.assign(fields.begin(), fields.end());
    Targets();
  }

  // Plants are ranked by their latent capability; rank r of n maps to the
  // capability (r + 1/2) / n and, for gated rubrics, to the level whose
  // cumulative share it falls in, so the cohort follows the shares exactly.
  // Ties keep the order of the index (as a stable sort of 0..n-1 would).
  void Targets() {
    const size_t n = options.factories;
    if (n > std::numeric_limits<uint32_t>::max())
      throw std::length_error("a synthetic cohort has at most 4294967295 factories");
    {
      std::vector<double> latent(n);
      for (size_t i = 0; i < n; ++i) latent[i] = DrawSynthPlant(options.seed, i).latent;
      std::vector<uint32_t> order(n);
      std::iota(order.begin(), order.end(), uint32_t{0});
      std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return latent[a] < latent[b] || (!(latent[b] < latent[a]) && a < b);
      });
      latent = {};
      rank.resize(n);
      for (size_t r = 0; r < n; ++r) rank[order[r]] = static_cast<uint32_t>(r);
    }
    level_shares = options.level_shares.empty() ? NationalLevelShares() : options.level_shares;
    const size_t levels = static_cast<size_t>(std::max(0, model.levels)) + 1;
    for (size_t l = levels; l < level_shares.size(); ++l) level_shares[levels - 1] += level_shares[l];  // fold into the top
    level_shares.resize(levels, 0.0);
    level_total = std::accumulate(level_shares.begin(), level_shares.end(), 0.0);
  }

  // Factory i's capability, in (0, 1).
  double Capability(size_t i) const {
    return (static_cast<double>(rank[i]) + 0.5) / static_cast<double>(options.factories);
  }

  // Factory i's target level (gated rubrics): where its capability falls
  // among the cumulative level shares.
  int Target(size_t i) const {
    const double c = Capability(i);
    double cumulative = 0;
    size_t level = 0;
    while (level + 1 < level_shares.size() && (cumulative += level_shares[level] / level_total) <= c) ++level;
    return static_cast<int>(level);
  }
};

// One answer for a plant that meets the criterion to q in [0, 1], mapped
// onto what its questionnaire offers.
void DrawAnswer(const AnswerForm& form, const std::vector<double>& fraction, const std::vector<double>& difficulty,
                double q, SynthRng& rng, SynthAnswer& a) {
  switch (form.input) {
    case AnswerForm::Input::kChoice:
      a.kind = form.numeric_values ? SynthAnswer::kStep : SynthAnswer::kOption;
      a.index = static_cast<unsigned char>(Nearest(fraction, q));
      break;
    case AnswerForm::Input::kChoices:
      a.kind = SynthAnswer::kOptions;
      for (size_t o = 0; o < form.choices.size() && o < 64; ++o)
        if (rng.Uniform() < Clamp01(q - difficulty[o])) a.options |= uint64_t{1} << o;
      break;
    case AnswerForm::Input::kNumber: {
      a.kind = SynthAnswer::kNumber;
      const bool banded = !form.choices.empty();
      double lo = form.min.value_or(0), hi = form.max.value_or(100);
      if (banded) {
        const AnswerForm::Choice& b = form.choices[Nearest(fraction, q)];
        lo = b.over.value_or(form.min.value_or(b.upto ? std::min(0.0, *b.upto) : 0.0));
        hi = b.upto.value_or(form.max.value_or(lo * 1.5 + 10));
      }
      double v = std::round((lo + (hi - lo) * (banded ? rng.Uniform() : q)) * 10) / 10;
      if (banded && v <= lo && lo + 0.1 <= hi) v = std::round((lo + 0.1) * 10) / 10;
      if (form.min) v = std::max(v, *form.min);
      if (form.max) v = std::min(v, *form.max);
      a.number = v;
      break;
    }
    case AnswerForm::Input::kYesNo:
      a.kind = SynthAnswer::kBool;
      a.yes = rng.Uniform() < q;
      break;
    case AnswerForm::Input::kText: break;
  }
}

// The answers of factory `i`, draw `attempt`. q in [0, 1] is how far the
// plant meets a criterion; it is mapped onto the criterion's values.
void DrawAnswers(const Context& ctx, size_t i, int attempt, const std::vector<unsigned char>& applies, SynthFactory& f) {
  SynthRng rng(SynthStream(ctx.options.seed, i, 2 + static_cast<uint64_t>(attempt)));
  std::vector<double> offset(ctx.depth.size());
  std::vector<bool> node_na(ctx.depth.size());
  for (size_t n = 0; n < offset.size(); ++n) {
    offset[n] = rng.Normal() * (ctx.depth[n] == 0 ? 0.25 : 0.15);  // a domain ahead of or behind the plant
    node_na[n] = ctx.weighted_mean && rng.Uniform() < 0.02;        // e.g. no own logistics
  }
  const double theta = ctx.Target(i) + 0.05 + 0.9 * rng.Uniform();  // where in its level band
  const double capability = ctx.gated ? theta / ctx.model.levels : ctx.Capability(i);
  f.answers.assign(ctx.all.size(), SynthAnswer{});
  for (size_t c = 0; c < ctx.all.size(); ++c) {
    const Criterion& cr = *ctx.all[c];
    SynthAnswer& a = f.answers[c];
    const double noise = rng.Normal(), u = rng.Uniform();
    if (!applies[c]) continue;
    const AnswerForm& form = ctx.forms[c];
    if (form.input == AnswerForm::Input::kText) {
      if (cr.required || u < 0.5) a.kind = SynthAnswer::kText;
      continue;
    }
    if (!cr.required && u < 0.2) continue;
    double off = 0;
    bool na = ctx.weighted_mean && u > 0.99;
    for (int n : ctx.path[c]) {
      off += offset[static_cast<size_t>(n)];
      na = na || node_na[static_cast<size_t>(n)];
    }
    if (na) {
      a.kind = SynthAnswer::kNa;
      continue;
    }
    // Gated: a requirement of level l is met around theta = l (0.8 at
    // theta - l = 0.15); otherwise around the plant's capability.
    const double q = ctx.gated && cr.level > 0 ? Clamp01(0.5 + 0.6 * (theta - cr.level + 0.35 + off + 0.35 * noise))
                                               : Clamp01(capability + off + 0.15 * noise - ctx.difficulty[c]);
    DrawAnswer(form, ctx.fraction[c], ctx.option_difficulty[c], q, rng, a);
  }
}

// The Answer a SynthAnswer stands for, as far as its kind's points need it
// (a choice carries its value as text and, for scales, as its number).
void Settle(const AnswerForm& form, const SynthAnswer& s, Answer& a) {
  a.options.clear();
  switch (s.kind) {
    case SynthAnswer::kStep:
    case SynthAnswer::kOption:
      a.kind = s.kind == SynthAnswer::kStep ? AnswerKind::kNumber : AnswerKind::kOption;
      a.number = form.choices[s.index].points;
      a.text = form.choices[s.index].value;
      break;
    case SynthAnswer::kOptions:
      a.kind = AnswerKind::kOptions;
      for (size_t o = 0; o < form.choices.size() && o < 64; ++o)
        if (s.options >> o & 1) a.options.push_back(form.choices[o].value);
      break;
    case SynthAnswer::kNumber: a.kind = AnswerKind::kNumber; a.number = s.number; break;
    case SynthAnswer::kBool: a.kind = AnswerKind::kBool; a.boolean = s.yes; break;
    default: a.kind = AnswerKind::kNone; break;
  }
}

// Scores factories `which` of `batch`, storing each one's level and score.
void ScoreSome(const Context& ctx, std::vector<SynthFactory>& batch, const std::vector<size_t>& which) {
  const auto criteria = static_cast<Eigen::Index>(ctx.model.criteria.size());
  AnswerMatrix m;
  m.points.setZero(static_cast<Eigen::Index>(which.size()), criteria);
  m.mask.setZero(static_cast<Eigen::Index>(which.size()), criteria);
  Answer a;
  for (size_t k = 0; k < which.size(); ++k) {
    const SynthFactory& f = batch[which[k]];
    for (size_t c = 0; c < ctx.all.size(); ++c) {
      const int mi = ctx.model_index[c];
      if (mi < 0) continue;
      Settle(ctx.forms[c], f.answers[c], a);
      if (a.kind == AnswerKind::kNone) continue;
      m.mask(static_cast<Eigen::Index>(k), mi) = 1;
      m.points(static_cast<Eigen::Index>(k), mi) = AnswerPoints(*ctx.all[c], a, ctx.rubric);
    }
  }
  BatchScores s = ScoreBatch(ctx.model, m);
  for (size_t k = 0; k < which.size(); ++k) {
    batch[which[k]].level = s.level[static_cast<Eigen::Index>(k)];
    batch[which[k]].score = s.score[static_cast<Eigen::Index>(k)];
  }
}

// Factories [begin, end): profiles, answers, and — for gated rubrics — a
// redraw of every plant whose scored level misses its target.
void GenerateBatch(const Context& ctx, size_t begin, size_t end, std::vector<SynthFactory>& out) {
  out.resize(end - begin);
  std::map<std::string, std::vector<unsigned char>> applies_by_key;
  std::vector<const std::vector<unsigned char>*> applies(out.size());
  std::vector<size_t> pending;
  for (size_t k = 0; k < out.size(); ++k) {
    SynthFactory& f = out[k];
    f.index = begin + k;
    f.profile = SynthProfile(ctx.rubric, ctx.options.seed, f.index, DrawSynthPlant(ctx.options.seed, f.index));
    const auto fields = f.profile.AsFields();
    std::string key;
    for (const auto& field : ctx.condition_fields) {
      auto it = fields.find(field);
      key += (it == fields.end() ? std::string("\x1e") : it->second) + '\x1f';
    }
    auto it = applies_by_key.find(key);
    if (it == applies_by_key.end()) {
      std::vector<bool> holds = CriteriaApplying(ctx.rubric, fields);
      it = applies_by_key.emplace(key, std::vector<unsigned char>(holds.begin(), holds.end())).first;
    }
    applies[k] = &it->second;
    DrawAnswers(ctx, f.index, 0, *applies[k], f);
    pending.push_back(k);
  }
  for (int attempt = 0; !pending.empty(); ++attempt) {
    ScoreSome(ctx, out, pending);
    if (!ctx.gated || attempt + 1 == kAttempts) break;
    std::vector<size_t> missed;
    for (size_t k : pending)
      if (out[k].level != ctx.Target(out[k].index)) missed.push_back(k);
    for (size_t k : missed) DrawAnswers(ctx, out[k].index, attempt + 1, *applies[k], out[k]);
    pending = std::move(missed);
  }
}

}  // namespace

const std::vector<double>& NationalLevelShares() {
  static const std::vector<double> shares = {0.30, 0.45, 0.14, 0.06, 0.04, 0.01};
  return shares;
}

void SynthesizeBatches(const ScoringModel& model, const SynthOptions& options,
                       const std::function<std::string(const std::vector<SynthFactory>&)>& format,
                       const std::function<void(const std::vector<SynthFactory>&, std::string&)>& emit) {
  const Context ctx(model, options);
  const size_t n = options.factories;
  const size_t threads = static_cast<size_t>(ThreadCount(options.threads));
  std::vector<std::vector<SynthFactory>> slots(threads);
  std::vector<std::string> text(threads);
  for (size_t round = 0; round * threads * kBatch < n; ++round) {
    ParallelFor(
        threads,
        [&](size_t t) {
          const size_t begin = (round * threads + t) * kBatch;
          slots[t].clear();
          text[t].clear();
          if (begin >= n) return;
          GenerateBatch(ctx, begin, std::min(n, begin + kBatch), slots[t]);
          if (format) text[t] = format(slots[t]);
        },
        static_cast<int>(threads));
    for (size_t t = 0; t < threads; ++t)
      if (!slots[t].empty()) emit(slots[t], text[t]);
    if (options.progress) options.progress(std::min(n, (round + 1) * threads * kBatch));
  }
}

void SynthesizeCohort(const ScoringModel& model, const SynthOptions& options,
                      const std::function<void(const SynthFactory&)>& emit) {
  SynthesizeBatches(model, options, nullptr, [&](const std::vector<SynthFactory>& batch, std::string&) {
    for (const SynthFactory& f : batch) emit(f);
  });
}

}  // namespace fa
