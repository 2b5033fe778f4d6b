#include "scoring/assessment_builder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "base/parallel.h"
#include "base/text.h"
#include "base/time_format.h"
#include "base/version.h"
#include "scoring/answer_matrix.h"
#include "scoring/batch_scorer.h"
#include "scoring/gap_analysis.h"
#include "scoring/level_rules.h"
#include "scoring/tiers.h"

namespace fa {

RubricSummary SummarizeRubric(const Rubric& rubric) {
  RubricSummary s;
  s.id = rubric.id;
  s.version = rubric.version;
  s.title = rubric.title;
  s.basis = rubric.basis;
  s.provisional = rubric.provisional;
  s.aggregate = rubric.aggregate == Aggregate::kSum ? "sum" : "weighted_mean";
  s.level_rule = rubric.level_rule.kind == LevelRuleKind::kGated ? "gated" : "points";
  s.threshold = rubric.level_rule.threshold;
  s.empty_level = rubric.level_rule.empty_level == EmptyLevel::kMet ? "met" : "not_met";
  for (const auto& l : rubric.levels) s.levels.push_back({l.level, l.name, l.description});
  for (const auto& b : rubric.level_rule.bands) {
    RubricSummary::PointsBandInfo info;
    info.level = b.level;
    info.min_total = b.min_total;
    for (const auto& r : b.require) info.require.push_back({r.node, r.tagged, r.at_least, r.min, 0, false, ""});
    s.bands.push_back(info);
  }
  return s;
}

namespace {

// Canonical answer text and its label in both languages.
void DescribeAnswer(const Criterion& c, const Answer& a, const Rubric& rubric,
                    CriterionResult& r) {
  switch (a.kind) {
    case AnswerKind::kNone: r.answer = ""; return;
    case AnswerKind::kNotApplicable:
      r.answer = "na";
      r.answer_label = {"不适用", "not applicable"};
      return;
    default: break;
  }
  r.answer = c.kind->AnswerText(c, a);
  r.answer_label = c.kind->AnswerLabel(rubric, c, a);
}

std::string NodeId(const ScoringModel& m, int n) { return n == 0 ? "" : m.nodes[n].node->id; }

// Points rubrics: per band and count requirement, how many criteria of each
// factory qualify (one column operation for the whole batch).
using BandCounts = std::vector<std::vector<Eigen::VectorXd>>;
BandCounts CountBandRequirements(const ScoringModel& model, const AnswerMatrix& answers) {
  BandCounts counts;
  for (const auto& b : model.rubric->level_rule.bands) {
    counts.emplace_back();
    for (const auto& req : b.require) counts.back().push_back(CountMeeting(model, answers, req));
  }
  return counts;
}

// Factory f's standing in each band: its total and each count requirement.
void FillBands(const BandCounts& counts, Eigen::Index f, double total,
               std::vector<RubricSummary::PointsBandInfo>& bands) {
  for (size_t b = 0; b < bands.size(); ++b) {
    bands[b].total_met = total >= bands[b].min_total - kThresholdTolerance;
    for (size_t q = 0; q < bands[b].require.size(); ++q) {
      BandRequirement& req = bands[b].require[q];
      req.count = static_cast<int>(std::lround(counts[b][q][f]));
      req.met = req.count >= req.at_least;
    }
  }
}

// The counts of the first band above `level` (PointsGap's counts_next).
std::vector<double> NextBandCounts(const std::vector<RubricSummary::PointsBandInfo>& bands, int level) {
  std::vector<double> counts;
  for (const auto& b : bands)
    if (b.level > level) {
      for (const auto& req : b.require) counts.push_back(req.count);
      break;
    }
  return counts;
}

// What every factory of one batch shares: the model, the scored batch and
// the rubric-wide facts each Assessment copies.
struct Batch {
  const ScoringModel& model;
  const Rubric& rubric;
  const AnswerMatrix& answers;
  const BatchScores& scores;
  BandCounts band_counts;
  RubricSummary summary;
  std::string stamp;
  bool gated;
  std::vector<const Criterion*> all;
  std::vector<int> model_index;  ///< of every criterion in rubric order (-1: text, not scored)
  std::vector<ScenarioInfo> scenarios;  ///< the catalogue entries the rubric's criteria lead to
  bool ranking_only = false;            ///< AssessOptions::ranking_only
};

Batch MakeBatch(const ScoringModel& model, const AnswerMatrix& answers, const BatchScores& scores,
                const AssessOptions& options) {
  const Rubric& rubric = *model.rubric;
  Batch b{model, rubric, answers, scores, CountBandRequirements(model, answers), SummarizeRubric(rubric),
          options.generated_at.empty() ? UtcNow() : options.generated_at,
          rubric.level_rule.kind == LevelRuleKind::kGated, rubric.AllCriteria(), {}, {}};
  b.ranking_only = options.ranking_only;
  for (const Criterion* c : b.all) b.model_index.push_back(model.CriterionIndex(c->id));
  std::set<std::string> used;
  for (const Criterion* c : b.all) used.insert(c->recommend.begin(), c->recommend.end());
  // With their prerequisites, so reports can name them (the catalogue has
  // no cycle: the walk ends).
  std::vector<std::string> todo(used.begin(), used.end());
  while (!todo.empty()) {
    const Scenario* s = rubric.scenarios.Find(todo.back());
    todo.pop_back();
    if (s)
      for (const auto& p : s->prerequisites)
        if (used.insert(p).second) todo.push_back(p);
  }
  for (const Scenario& s : rubric.scenarios.scenarios)
    if (used.count(s.id))
      b.scenarios.push_back({s.id, s.name, s.link, s.effort, s.benefit, s.min_level, s.prerequisites, s.figures});
  return b;
}

// Factory f's score at every level of the root; returns the effective level
// scores the gap analysis works from.
std::vector<double> AddLevels(const Batch& b, Eigen::Index f, Assessment& a) {
  const ScoringModel& model = b.model;
  std::vector<double> level_scores;
  for (int l = 1; l <= model.levels; ++l) {
    LevelScore ls;
    ls.level = l;
    const double den = b.scores.present(f, model.Column(0, l));
    if (den > 0) ls.score = b.scores.value(f, model.Column(0, l));
    for (size_t c = 0; c < model.criteria.size(); ++c)
      ls.applicable += model.criterion_level[c] == l && b.answers.mask(f, static_cast<Eigen::Index>(c)) > 0;
    level_scores.push_back(EffectiveLevelScore(ls.score.value_or(0), den > 0, b.rubric.level_rule.empty_level));
    ls.met = l <= a.level;
    a.levels.push_back(ls);
  }
  return level_scores;
}

// Factory f's result for every node below the root.
void AddNodes(const Batch& b, Eigen::Index f, Assessment& a) {
  const ScoringModel& model = b.model;
  for (size_t n = 1; n < model.nodes.size(); ++n) {
    const FlatNode& fn = model.nodes[n];
    NodeResult r;
    r.id = fn.node->id;
    r.parent = NodeId(model, fn.parent);
    r.depth = fn.depth;
    r.title = fn.node->title;
    r.in_total = fn.in_total;
    const int col = model.Column(static_cast<int>(n), 0);
    r.applicable = b.scores.present(f, col) > 0;
    r.score = b.scores.value(f, col);
    if (model.sum) r.max_points = b.scores.max_points(f, col);
    for (int l = 1; l <= model.levels; ++l) {
      const int lc = model.Column(static_cast<int>(n), l);
      if (b.scores.present(f, lc) > 0)
        r.level_scores.push_back(b.scores.value(f, lc));
      else
        r.level_scores.push_back(std::nullopt);
    }
    r.level = b.scores.node_level(f, static_cast<Eigen::Index>(n));
    r.maturity = b.scores.node_maturity(f, static_cast<Eigen::Index>(n));
    a.nodes.push_back(r);
  }
}

// A scored criterion's weight share in the root's score of its level: the
// product of renormalised shares up the tree (0 outside the total).
double WeightShare(const Batch& b, Eigen::Index f, const Criterion& c, int mi) {
  const ScoringModel& model = b.model;
  const int l = c.level >= 1 && c.level <= model.levels ? c.level : 0;
  const int node = model.criterion_node[static_cast<size_t>(mi)];
  double w_share = c.weight / b.scores.present(f, model.Column(node, l));
  for (int at = node; at > 0; at = model.nodes[at].parent) {
    const FlatNode& fn = model.nodes[at];
    if (!fn.in_total) return 0;
    w_share *= fn.weight / b.scores.present(f, model.Column(fn.parent, l));
  }
  return w_share;
}

// Criterion i's result for factory f; `share` gets its weight share.
CriterionResult CriterionFor(const Batch& b, Eigen::Index f, const AnswerSet& set,
                             const std::map<std::string, std::string>& fields, size_t i, double& share) {
  const ScoringModel& model = b.model;
  const Criterion& c = *b.all[i];
  CriterionResult r;
  share = 0;
  if (b.ranking_only) {  // what the tier verdicts read: applicable and score
    r.id = c.id;
    const int mi = b.model_index[i];
    r.applicable = mi >= 0 && b.answers.mask(f, static_cast<Eigen::Index>(mi)) > 0;
    if (r.applicable &&
        std::find(set.not_assessed.begin(), set.not_assessed.end(), c.id) == set.not_assessed.end()) {
      r.max_points = c.MaxPoints(b.rubric);
      r.points = b.answers.points(f, static_cast<Eigen::Index>(mi));
      r.score = r.max_points > 0 ? r.points / r.max_points : 0;
    }
    return r;
  }
  r.id = c.id;
  r.level = c.level;
  r.kind = c.kind->name();
  r.text = c.text;
  r.evidence_hint = c.evidence;
  r.recommend = c.recommend;
  r.tags = c.tags;
  r.max_points = c.MaxPoints(b.rubric);
  const Answer* ans = set.Find(c.id);
  if (ans) {
    r.evidence = ans->evidence;
    r.note = ans->note;
    r.assessor = ans->assessor;
    r.date = ans->date;
    DescribeAnswer(c, *ans, b.rubric, r);
  }
  share = 0;
  const int mi = b.model_index[i];
  if (mi < 0) {  // text: recorded, not scored
    r.applicable = false;
    r.status = ans && ans->kind != AnswerKind::kNone ? (ans->kind == AnswerKind::kNotApplicable ? "na" : "answered") : "unanswered";
    r.node = "";
    return r;
  }
  const auto mc = static_cast<Eigen::Index>(mi);
  r.node = NodeId(model, model.criterion_node[static_cast<size_t>(mi)]);
  r.applicable = b.answers.mask(f, mc) > 0;
  const bool not_assessed =
      std::find(set.not_assessed.begin(), set.not_assessed.end(), c.id) != set.not_assessed.end();
  if (r.applicable && not_assessed) {
    r.status = "not_assessed";  // its level cannot change the result: scored as not met
  } else if (r.applicable) {
    r.status = "answered";
    r.points = b.answers.points(f, mc);
    r.score = r.max_points > 0 ? r.points / r.max_points : 0;
  } else if (!ConditionsHold(model.criterion_conditions[static_cast<size_t>(mi)], fields)) {
    r.status = "not_applicable";
  } else if (ans && ans->kind == AnswerKind::kNotApplicable) {
    r.status = "na";
  } else {
    r.status = "unanswered";
  }
  if (r.applicable && !model.sum) r.weight = share = WeightShare(b, f, c, mi);
  return r;
}

// The whole Assessment of factory f.
Assessment AssessOne(const Batch& b, Eigen::Index f, const AnswerSet& set) {
  const ScoringModel& model = b.model;
  const Rubric& rubric = b.rubric;
  Assessment a;
  a.provenance = {rubric.id, rubric.version, rubric.sha256, set.sha256, ProgramVersion(), b.stamp};
  a.rubric = b.summary;
  a.factory = set.factory;
  a.assessor = set.assessor;
  a.date = set.date;
  a.round = set.round;
  a.diagnosed_by = set.diagnosed_by;
  a.level = b.scores.level[f];
  if (const Level* l = rubric.FindLevel(a.level)) a.level_name = l->name;
  a.score = b.scores.score[f];
  a.max_score = b.gated ? model.levels : b.scores.max_points(f, model.Column(0, 0));
  FillBands(b.band_counts, f, a.score, a.rubric.bands);
  const std::vector<double> level_scores = AddLevels(b, f, a);
  AddNodes(b, f, a);

  std::vector<double> share(b.all.size());
  const auto fields = set.factory.AsFields();
  a.criteria.reserve(b.all.size());
  for (size_t i = 0; i < b.all.size(); ++i) {
    a.criteria.push_back(CriterionFor(b, f, set, fields, i, share[i]));
    a.applicable += a.criteria.back().applicable;
  }
  if (!b.ranking_only) {
    if (b.gated)
      a.gap = GatedGap(model, a.criteria, share, level_scores, a.level, rubric.level_rule.threshold);
    else
      a.gap = PointsGap(model, a.criteria, b.model_index, a.score, a.level, NextBandCounts(a.rubric.bands, a.level));
    a.recommendations = RecommendScenarios(rubric, a.gap, a.criteria);
    a.scenarios = b.scenarios;
    const ScenarioCatalogue& cat = b.rubric.scenarios;
    if (!cat.size_bands.empty())
      a.costing = {b.rubric.scenarios_path.empty() ? cat.file : b.rubric.scenarios_path, cat.size_bands, cat.kpis};
  }
  if (!rubric.tiers.tiers.empty()) {
    a.tier_scheme = rubric.tiers.id;
    a.tier_scheme_title = rubric.tiers.title;
    a.tiers = EvaluateTiers(rubric.tiers, a);
  }
  if (b.ranking_only) {
    a.criteria.clear();
    a.criteria.shrink_to_fit();
    for (TierVerdict& t : a.tiers) t.checks.clear();
  }
  return a;
}

}  // namespace

std::vector<Assessment> Assess(const ScoringModel& model, const std::vector<AnswerSet>& sets,
                               const AssessOptions& options) {
  const AnswerMatrix answers = EncodeAnswers(model, sets);
  const BatchScores scores = ScoreBatch(model, answers);
  const Batch batch = MakeBatch(model, answers, scores, options);
  std::vector<Assessment> out(sets.size());
  ParallelFor(
      sets.size(), [&](size_t fi) { out[fi] = AssessOne(batch, static_cast<Eigen::Index>(fi), sets[fi]); },
      options.threads);
  return out;
}

}  // namespace fa
