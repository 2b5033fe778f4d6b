// The ranking report's view, part two: the criteria with their weights, the
// AHP consistency figures and judgment matrix, and the ranking config used.
#include <algorithm>
#include <cmath>

#include "base/text.h"
#include "report/ranking_view_parts.h"

namespace fa {

namespace {

// A judgment as written on Saaty's scale: "3", "1/5", else two decimals.
std::string Judgment(double a) {
  if (a >= 1) {
    if (std::fabs(a - std::round(a)) < 1e-9) return FormatFixed(a, 0);
    return FormatFixed(a, 2);
  }
  const double inverse = 1 / a;
  if (std::fabs(inverse - std::round(inverse)) < 1e-6) return "1/" + FormatFixed(inverse, 0);
  return FormatFixed(a, 2);
}

std::string CriterionTitle(const RankingContext& c, const RankedCriterion& k) {
  return c.TOr(k.title, k.id);
}

EscapedView BuildAhp(const RankingContext& c, const AhpSummary& ahp) {
  const int n = static_cast<int>(c.r.criteria.size());
  const std::map<std::string, std::string> limits = {{"max", FormatNumber(ahp.max_cr)}, {"n", std::to_string(n)}};
  // The table by its source ("Alonso & Lamata (2006)"), not its config name.
  const std::string table = c.LabelOr("rk_ri_source_" + ahp.ri_table, ahp.ri_table);
  EscapedView v;
  v.Text("method", c.L(ahp.method == "geometric" ? "rk_ahp_method_geometric" : "rk_ahp_method_eigen"))
      .Text("lambda_max", FormatFixed(ahp.lambda_max, 4))
      .Text("ci", FormatFixed(ahp.ci, 4))
      .Text("ri", FormatFixed(ahp.ri, 4))
      .Text("ri_table", table)
      .Text("cr", FormatFixed(ahp.cr, 4))
      .Flag("consistent", ahp.consistent)
      .Markup("verdict", c.Fill(ahp.consistent ? "rk_ahp_consistent" : "rk_ahp_inconsistent", limits))
      .Markup("formula", c.Fill("rk_ahp_formula", limits))
      .Markup("ri_row_title", c.Fill("rk_ri_row", {{"table", table}}));
  // The random-index table's row for orders 3 … 10, the order used marked.
  std::vector<EscapedView> ri_row;
  for (int k = 3; k <= static_cast<int>(ahp.ri_values.size()); ++k) {
    EscapedView cell;
    cell.Int("n", k).Text("ri", FormatFixed(ahp.ri_values[static_cast<size_t>(k - 1)], 4)).Flag("current", k == n);
    ri_row.push_back(cell);
  }
  v.List("ri_row", ri_row);
  std::vector<EscapedView> heads, rows;
  for (const auto& k : c.r.criteria) {
    EscapedView h;
    h.Text("title", CriterionTitle(c, k));
    heads.push_back(h);
  }
  for (size_t i = 0; i < ahp.judgments.size() && i < c.r.criteria.size(); ++i) {
    std::vector<std::string> cells;
    for (double a : ahp.judgments[i]) cells.push_back(Judgment(a));
    EscapedView row;
    row.Text("title", CriterionTitle(c, c.r.criteria[i])).TextList("cells", cells);
    rows.push_back(row);
  }
  v.List("heads", heads).List("matrix", rows);
  return v;
}

}  // namespace

std::string RankingSourceText(const RankedCriterion& k, const District* district, const std::string& lang) {
  const ViewContext c(lang);
  const size_t colon = k.source.find(':');
  const std::string kind = k.source.substr(0, colon);
  const std::string name = colon == std::string::npos ? "" : k.source.substr(colon + 1);
  if (kind == "score") return c.L("rk_source_score");
  if (kind == "level") return c.L("rk_source_level");
  if (kind == "node") return c.L("rk_source_node");
  if (kind == "profile") {
    const ProfileField* f = district ? district->Field(name) : nullptr;
    if (f && !f->unit.In(lang).empty()) return c.FillText("rk_source_profile_unit", {{"unit", f->unit.In(lang)}});
    return c.L("rk_source_profile");
  }
  return c.FillText("rk_source_column", {{"name", name}});
}

EscapedView BuildRankingWeights(const RankingContext& c) {
  EscapedView v;
  const std::string& from = c.r.weights_from;
  v.Markup("from", c.L(from == "ahp" ? "rk_weights_from_ahp"
                       : from == "given" ? "rk_weights_from_given"
                       : from == "equal" ? "rk_weights_from_equal"
                                         : "rk_weights_from_none"));
  double max_weight = 0;
  for (const auto& k : c.r.criteria) max_weight = std::max(max_weight, k.weight);
  std::vector<EscapedView> rows;
  for (const auto& k : c.r.criteria) {
    EscapedView row;
    row.Text("title", CriterionTitle(c, k))
        .Text("source", RankingSourceText(k, c.district.get(), c.lang))
        .Text("direction", c.L(k.cost ? "rk_cost" : "rk_benefit"))
        .Flag("cost", k.cost)
        .Text("weight", c.r.method.uses_weights ? Percent(k.weight) : c.L("rk_none"))
        .Markup("meter", FormatFixed(max_weight > 0 ? 100 * k.weight / max_weight : 0, 1));
    rows.push_back(row);
  }
  v.List("criteria", rows).Flag("weighted", c.r.method.uses_weights);
  if (c.r.ahp) v.Child("ahp", BuildAhp(c, *c.r.ahp));
  v.Flag("has_ahp", c.r.ahp.has_value());
  return v;
}

EscapedView BuildRankingConfig(const RankingContext& c) {
  const RankingFilters& f = c.r.filters;
  std::vector<std::string> filters;
  auto names = [&c](ChoiceList list, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids) out.push_back(c.Named(list, id));
    return Join(out, "、");
  };
  if (!f.towns.empty()) filters.push_back(c.FillText("rk_cfg_filter_town", {{"v", names(ChoiceList::kTown, f.towns)}}));
  if (!f.industries.empty())
    filters.push_back(c.FillText("rk_cfg_filter_industry", {{"v", names(ChoiceList::kIndustry, f.industries)}}));
  if (f.min_level) filters.push_back(c.FillText("rk_cfg_filter_level", {{"v", std::to_string(*f.min_level)}}));
  if (!f.tiers.empty()) {
    std::vector<std::string> names;
    for (const auto& t : f.tiers) names.push_back(c.TierName(t));
    filters.push_back(c.FillText("rk_cfg_filter_tier", {{"v", Join(names, "、")}}));
  }
  if (filters.empty()) filters.push_back(c.L("rk_cfg_no_filters"));
  const StabilitySettings& s = c.r.stability;
  EscapedView v;
  v.Text("title", c.TOr(c.r.title, c.r.id))
      .Text("file", c.r.config_file)
      .Text("sha", c.r.config_sha256)
      .Text("method", c.r.method.name)
      .Text("method_title", c.method_label)
      .TextList("filters", filters)
      .Int("excluded", c.r.excluded)
      .Text("stability", c.stable ? c.FillText("rk_cfg_stability_value", {{"samples", std::to_string(s.samples)},
                                                                          {"kappa", FormatNumber(s.kappa)},
                                                                          {"seed", std::to_string(s.seed)},
                                                                          {"select", std::to_string(c.select)}})
                                  : c.L("rk_cfg_stability_off"));
  return v;
}

}  // namespace fa
