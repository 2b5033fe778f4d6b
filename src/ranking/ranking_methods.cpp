// The table of ranking methods: one row per method, each defined in its own
// file (method_<name>.cpp). A new method is a new file and a row here.
#include <algorithm>
#include <stdexcept>

#include "ranking/ranking_method.h"

namespace fa {

const RankingMethod& ScoreMethod();
const RankingMethod& WeightedMethod();
const RankingMethod& TopsisMethod();

const std::vector<const RankingMethod*>& RankingMethods() {
  static const std::vector<const RankingMethod*> methods = {
      &ScoreMethod(),
      &WeightedMethod(),
      &TopsisMethod(),
  };
  return methods;
}

const RankingMethod* FindRankingMethod(const std::string& name) {
  const auto& methods = RankingMethods();
  auto it = std::find_if(methods.begin(), methods.end(), [&](const RankingMethod* m) { return name == m->name(); });
  return it == methods.end() ? nullptr : *it;
}

std::vector<std::string> RankingMethodNames() {
  std::vector<std::string> names;
  for (const RankingMethod* method : RankingMethods()) names.push_back(method->name());
  return names;
}

std::vector<RankingMethodFacts> RankingMethodFactsTable() {
  std::vector<RankingMethodFacts> table;
  for (const RankingMethod* method : RankingMethods())
    for (const auto& normalization : method->normalizations()) table.push_back(method->Facts(normalization));
  return table;
}

std::string RankingMethod::ResolveNormalization(const std::string& normalization) const {
  const std::vector<std::string> offered = normalizations();
  if (normalization.empty()) return offered.front();
  if (std::find(offered.begin(), offered.end(), normalization) == offered.end())
    throw std::invalid_argument(std::string("ranking: method ") + name() + " has no normalisation '" +
                                normalization + "'");
  return normalization;
}

RankingMethodFacts RankingMethod::Facts(const std::string& normalization) const {
  RankingMethodFacts facts;
  facts.name = name();
  facts.normalization = ResolveNormalization(normalization);
  facts.value_name = value_name();
  facts.value_digits = value_digits();
  facts.uses_weights = uses_weights();
  facts.ranks_by_maturity = ranks_by_maturity();
  const bool by_default = facts.normalization == normalizations().front();
  facts.label = "rk_method_" + facts.name + (by_default ? "" : "_" + facts.normalization);
  facts.value_label = "rk_value_" + facts.name;
  facts.summary = Summary(facts.normalization);
  facts.value_heading = value_heading();
  return facts;
}

}  // namespace fa
