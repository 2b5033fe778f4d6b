// The Rubric: the criteria of one assessment model, as loaded from YAML.
//
// Plain values only. Nothing about a particular model (CMMM, the SME digital
// indicator, a district's own scheme) lives in C++: it is all rubric data.
// rubric_loader.h builds a Rubric and checks it; scoring/ compiles it into
// matrices. docs/rubric-format.md documents every field.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/localized.h"
#include "rubric/criterion_kind.h"
#include "rubric/scenario_figures.h"

namespace fa {

/// One step of a named answer scale, e.g. {0.8, 大部分满足 / largely met}.
struct ScaleStep {
  double value = 0;
  LocalizedText label;
};

struct Scale {
  std::string id;
  std::vector<ScaleStep> steps;  ///< in file order; values strictly increase
  SourcePos pos;
  double MaxValue() const { return steps.empty() ? 0 : steps.back().value; }
};

/// An option of a `single` or `multi` criterion.
struct Option {
  std::string id;
  LocalizedText label;
  double points = 0;
  SourcePos pos;
};

/// A band of a `number` criterion: a value v falls in the band when
/// (no `over` or v > over) and (no `upto` or v <= upto).
struct Band {
  std::optional<double> over;
  std::optional<double> upto;
  double points = 0;
  LocalizedText label;
  SourcePos pos;
};

/// Profile conditions: field -> allowed values. Empty means "always".
using Conditions = std::map<std::string, std::vector<std::string>>;

/// A questionnaire item. In gated rubrics each criterion is a requirement of
/// one maturity level.
struct Criterion {
  std::string id;
  const CriterionKind* kind = &ScaleKind();  ///< never null
  int level = 0;                 ///< gated rubrics: 1..N; 0 when not levelled
  // The parts a kind reads (each kind's file says which it uses and how).
  std::string scale;             ///< scale: the scale's id
  std::vector<Option> options;   ///< single, multi
  std::optional<double> cap;     ///< multi: points are capped here
  std::vector<Band> bands;       ///< number, percent (its thresholds)
  std::optional<double> min;     ///< number: domain lower bound (inclusive)
  std::optional<double> max;     ///< number: domain upper bound (inclusive)
  std::string unit;              ///< number, e.g. "%"
  double points = 1;             ///< boolean: points for "yes"; percent: the most points
  double weight = 1;             ///< relative to sibling criteria; >= 0
  bool required = true;          ///< an unanswered required criterion is an error
  Conditions applies_if;         ///< empty: applies to every profile
  LocalizedText text;            ///< the question or requirement
  LocalizedText evidence;        ///< what shows it: document, system, record
  LocalizedText help;            ///< guidance for the assessor
  std::vector<std::string> recommend;  ///< scenario ids
  std::vector<std::string> tags;
  bool provisional = false;
  SourcePos pos;

  /// The most points an answer can earn (1 for scales ending at 1).
  double MaxPoints(const Rubric& rubric) const;
};

/// AHP pairwise judgments over a node's children, in child order.
/// Entries are stored as numbers; "1/5" in YAML becomes 0.2.
struct AhpJudgments {
  std::vector<std::vector<double>> matrix;
  std::optional<double> max_cr;  ///< consistency-ratio limit; default 0.10
  SourcePos pos;
};

struct Node {
  std::string id;
  LocalizedText title;
  LocalizedText description;
  double weight = 1;              ///< relative to siblings (ignored when the parent has AHP)
  bool weight_given = false;
  bool in_total = true;           ///< false: reported, but not part of the parent's score
  Conditions applies_if;
  std::optional<AhpJudgments> ahp;  ///< judgments over `children`
  std::vector<Node> children;
  std::vector<Criterion> criteria;  ///< leaves hold criteria
  std::vector<std::string> tags;
  SourcePos pos;
};

struct Level {
  int level = 0;
  LocalizedText name;
  LocalizedText description;
  SourcePos pos;
};

/// `points` rule requirement: at least `at_least` criteria under node
/// `node` (restricted to those tagged `tagged`, when set) whose points are
/// >= `min`.
struct CountRequirement {
  std::string node;
  std::string tagged;
  int at_least = 0;
  double min = 0;
  bool provisional = false;
  SourcePos pos;
};

struct PointsBand {
  int level = 0;
  double min_total = 0;
  std::vector<CountRequirement> require;
  SourcePos pos;
};

enum class LevelRuleKind { kGated, kPoints };

/// How a factory with no applicable requirement at some level is treated
/// by the gated rule: `met` (the level counts as reached with s = 1; the
/// default, since the model has nothing to ask of it) or `not_met`.
enum class EmptyLevel { kMet, kNotMet };

struct LevelRule {
  LevelRuleKind kind = LevelRuleKind::kGated;
  double threshold = 0.8;  ///< gated: a level is met at s_l >= threshold
  EmptyLevel empty_level = EmptyLevel::kMet;
  std::vector<PointsBand> bands;  ///< points: ascending by level
  SourcePos pos;
};

enum class Aggregate { kWeightedMean, kSum };

/// A typical smart-manufacturing scenario, the unit of recommendation.
struct Scenario {
  std::string id;
  LocalizedText name;
  std::string link;               ///< id of the catalogue's link (e.g. production)
  LocalizedText description;
  std::vector<LocalizedText> technologies;
  std::vector<std::string> prerequisites;  ///< scenario ids
  int min_level = 0;              ///< capability level the scenario presumes
  std::string effort;             ///< low | medium | high
  std::string benefit;            ///< low | medium | high
  LocalizedText expected_benefit;
  ScenarioFigures figures;        ///< cost, duration and KPIs; empty when not given
  bool provisional = false;
  SourcePos pos;
};

struct ScenarioLink {
  std::string id;
  LocalizedText name;
  SourcePos pos;
};

struct ScenarioCatalogue {
  std::string file;
  std::string id;
  std::string version;
  LocalizedText title;
  bool provisional = false;       ///< some facts in the catalogue are unconfirmed
  std::vector<ScenarioLink> links;
  std::vector<SizeBand> size_bands;  ///< ascending; the bands `invest` is given for
  std::vector<KpiInfo> kpis;         ///< the KPI vocabulary of the figures
  std::vector<Scenario> scenarios;
  const Scenario* Find(const std::string& id) const;
};

/// One requirement of a tier, over an Assessment of the rubric. Exactly one
/// of the kinds is set (docs/rubric-format.md, "Tiers").
struct TierRequirement {
  enum class Kind {
    kMinLevel,     ///< the factory's level >= level
    kCriteria,     ///< every listed criterion scores >= min_score
    kNodesLevel,   ///< every listed node's own level >= level
    kCoverage,     ///< at least `at_least` groups have a node at level >= level
    kProfile,      ///< a numeric profile field >= min
  };
  Kind kind = Kind::kMinLevel;
  std::string id;                 ///< stable id, e.g. "mes_deployed"
  LocalizedText text;             ///< what is required, in words
  int level = 0;
  double min_score = 1;           ///< kCriteria (default: full marks)
  std::vector<std::string> ids;   ///< kCriteria: criterion ids; kNodesLevel: node ids
  struct Group {
    std::string id;
    LocalizedText name;
    std::vector<std::string> nodes;
  };
  std::vector<Group> groups;      ///< kCoverage
  int at_least = 0;               ///< kCoverage
  std::string field;              ///< kProfile
  double min = 0;                 ///< kProfile
  bool provisional = false;
  SourcePos pos;
};

struct Tier {
  std::string id;
  LocalizedText name;
  LocalizedText description;
  std::string requires_tier;      ///< a lower tier that must be met first, or ""
  std::vector<TierRequirement> require;
  SourcePos pos;
};

/// A tier scheme (e.g. the four smart-factory tiers) over one rubric's
/// Assessments: declarative requirement lists, lowest tier first.
struct TierScheme {
  std::string file;
  std::string id;
  std::string version;
  LocalizedText title;
  bool provisional = false;
  std::vector<Tier> tiers;
};

struct Rubric {
  std::string id;
  std::string version;
  LocalizedText title;
  LocalizedText description;
  std::string basis;
  std::vector<std::string> languages{"zh", "en"};
  bool provisional = false;       ///< some facts in the rubric are unconfirmed
  Aggregate aggregate = Aggregate::kWeightedMean;
  std::map<std::string, Scale> scales;
  std::vector<Level> levels;
  LevelRule level_rule;
  std::map<std::string, std::vector<std::string>> applicability;  ///< field -> values
  std::vector<Node> tree;
  std::string scenarios_path;     ///< as written in the file
  ScenarioCatalogue scenarios;    ///< loaded from scenarios_path, when given
  std::string tiers_path;         ///< as written in the file
  TierScheme tiers;               ///< loaded from tiers_path, when given

  std::string file;               ///< path it was loaded from
  std::string sha256;             ///< of the file's bytes

  const Level* FindLevel(int level) const;
  int MaxLevel() const { return levels.empty() ? 0 : levels.back().level; }
  /// Every criterion, depth first in file order.
  std::vector<const Criterion*> AllCriteria() const;
  /// The profile fields any node's or criterion's `applies_if` names, sorted.
  std::set<std::string> ConditionFields() const;
  const Criterion* FindCriterion(const std::string& id) const;
  const Node* FindNode(const std::string& id) const;
};

/// True when `profile` satisfies every condition (a missing field fails).
bool ConditionsHold(const Conditions& conditions,
                    const std::map<std::string, std::string>& profile);

}  // namespace fa
