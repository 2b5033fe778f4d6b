// Internal to the rubric loader: the state of one load and the readers of
// each part of a rubric file (rubric_loader.cpp, tree_loader.cpp,
// criterion_loader.cpp, ahp_loader.cpp, level_rule_loader.cpp) and the
// whole-rubric checks (rubric_checks.cpp). Not for use outside src/rubric.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rubric/rubric.h"
#include "rubric/yaml_source.h"

namespace fa {

/// A `count:` requirement of a points level rule, with where its names are
/// written, checked once the tree is read.
struct CountReference {
  std::string owner;  ///< e.g. "level_rule band 3"
  std::string node;
  SourcePos node_pos;
  std::string tagged;  ///< "" when not given
  SourcePos tagged_pos;
};

/// The state shared by the readers of one rubric file.
struct RubricLoad {
  RubricLoad(const YamlSource& source, Rubric& into, Diagnostics& caller)
      : src(source), rubric(into), out(caller) {}

  const YamlSource& src;
  Rubric& rubric;
  /// The caller's diagnostics: files read along the way (the catalogue)
  /// are registered there too, so their lines are quoted.
  Diagnostics& out;
  /// The level rule's kind, when it could be read (checks that depend on
  /// it are skipped otherwise, to avoid follow-on errors).
  std::optional<LevelRuleKind> rule_kind;
  /// `scenarios:` given and the catalogue read: `recommend` ids resolve.
  bool catalogue_read = false;
  bool catalogue_named = false;
  SourcePos tree_pos;
  /// First definition of each node and criterion id (one namespace).
  std::map<std::string, SourcePos> ids;
  std::vector<CountReference> counts;

  /// Records `id` defined at `pos`; a second definition is an error with a
  /// note at the first.
  void DefineId(const std::string& id, SourcePos pos);
  /// Where a node or criterion (`what`) starts, and its required `id`:
  /// defined, and the map's owner named after it ("node 'x'"); `id` stays
  /// empty when it is not an id.
  void ReadIdentity(YamlMap& map, const std::string& what, SourcePos& pos, std::string& id);
};

void ReadScales(RubricLoad& load, const YamlValue& value);
void ReadLevels(RubricLoad& load, const YamlValue& value);
void ReadApplicability(RubricLoad& load, const YamlValue& value);
/// Reads `level_rule`; its `count` names are checked later (CheckRubric).
void ReadLevelRule(RubricLoad& load, const YamlValue& value);
/// Reads the `tree` sequence into load.rubric.tree.
void ReadTree(RubricLoad& load, const YamlValue& value);
Criterion ReadCriterion(RubricLoad& load, const YamlValue& value);
/// Reads `applies_if` of `owner`, checking fields and values against the
/// rubric's applicability.
Conditions ReadConditions(RubricLoad& load, const YamlValue& value);
/// Reads a node's `weights: {ahp, max_cr}` over its (already read) children.
std::optional<AhpJudgments> ReadAhpWeights(RubricLoad& load, const YamlValue& value,
                                           const Node& node);
/// Checks that need the whole tree: sibling weights, `count` references.
void CheckRubric(RubricLoad& load);

/// "1, 2, 3" — the rubric's levels, for messages.
std::string LevelList(const Rubric& rubric);

}  // namespace fa
