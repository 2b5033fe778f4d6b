// The ranking report's view, part three: the candidates per town and per
// industry — how many, the best rank and who holds it, how many are in the
// top N, and the mean maturity score and ranking value.
#include <algorithm>
#include <map>

#include "base/text.h"
#include "report/ranking_view_parts.h"

namespace fa {

namespace {

struct Group {
  std::string name;
  int count = 0;
  int best_rank = 0;
  std::string best_name;
  int in_top = 0;
  double value_sum = 0;
  double maturity_sum = 0;
  int maturity_count = 0;
};

// The groups of one kind ("town" or "industry"), most candidates in the top
// N first.
std::vector<EscapedView> GroupRows(const RankingContext& c, const std::string& by) {
  std::map<std::string, Group> groups;
  for (const auto& rc : c.r.candidates) {  // in rank order: the first seen is the best
    const std::string& key = by == "town" ? rc.candidate.town : rc.candidate.industry;
    Group& g = groups[key];
    if (g.count == 0) {
      g.name = key;
      g.best_rank = rc.rank;
      g.best_name = c.Name(rc);
    }
    ++g.count;
    g.in_top += rc.rank <= c.select ? 1 : 0;
    g.value_sum += rc.value;
    if (rc.candidate.maturity) {
      g.maturity_sum += *rc.candidate.maturity;
      ++g.maturity_count;
    }
  }
  std::vector<const Group*> order;
  for (const auto& [key, g] : groups) order.push_back(&g);
  // Most candidates in the top N first, then the best rank.
  std::sort(order.begin(), order.end(), [](const Group* a, const Group* b) {
    if (a->in_top != b->in_top) return a->in_top > b->in_top;
    return a->best_rank < b->best_rank;
  });
  std::vector<EscapedView> rows;
  for (const Group* g : order) {
    EscapedView row;
    row.Text("name", g->name.empty() ? c.L("rk_unknown_group")
                                     : c.Named(by == "town" ? ChoiceList::kTown : ChoiceList::kIndustry, g->name))
        .Int("count", g->count)
        .Int("best_rank", g->best_rank)
        .Text("best_name", g->best_name)
        .Int("in_top", g->in_top)
        .Text("mean_score",
              g->maturity_count > 0 ? FormatFixed(g->maturity_sum / g->maturity_count, 2) : c.L("rk_none"))
        .Text("mean_value", c.Value(g->value_sum / g->count));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

EscapedView BuildRankingGroups(const RankingContext& c) {
  const auto& common = c.Common();
  std::vector<EscapedView> tables;
  for (const std::string by : {"town", "industry"}) {
    EscapedView table;
    table.Markup("title", c.L("rk_by_" + by)).Markup("group_head", c.L("rk_col_group_" + by)).List("rows", GroupRows(c, by));
    tables.push_back(table);
  }
  EscapedView v;
  v.Markup("col_in_top", c.Fill("rk_col_in_top", common))
      .Markup("col_mean_value", c.Fill("rk_col_mean_value", common))
      .List("tables", tables);
  return v;
}

}  // namespace fa
