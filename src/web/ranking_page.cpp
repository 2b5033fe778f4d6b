// The view of the ranking page: method, weights and the ranked candidates
// with their stability figures, every string escaped.
#include "base/text.h"
#include "report/escaped_view.h"
#include "ranking/ranking_config.h"
#include "ranking/rank_candidates.h"
#include "web/request_context.h"

namespace fa::web {

EscapedView RankingPageView(const Ranking& ranking, const RequestContext& ctx) {
  EscapedView v;
  v.Text("title", ranking.title.In(ctx.lang));
  v.Text("method", RankingMethodName(ranking.method));
  v.Text("weights_from", ranking.weights_from);
  if (ranking.ahp) v.Text("cr", FormatFixed(ranking.ahp->cr, 3));
  v.Int("excluded", ranking.excluded);
  v.Flag("stability", ranking.stability_computed);
  v.Int("select", ranking.stability.select);
  v.Int("samples", ranking.stability.samples);
  std::vector<EscapedView> criteria;
  for (const auto& c : ranking.criteria) {
    EscapedView cv;
    cv.Text("title", c.title.In(ctx.lang));
    cv.Text("source", c.source);
    cv.Text("weight", FormatFixed(c.weight * 100, 1));
    cv.Flag("cost", c.cost);
    criteria.push_back(cv);
  }
  v.List("criteria", criteria);
  std::vector<EscapedView> rows;
  for (const auto& rc : ranking.candidates) {
    EscapedView r;
    r.Int("rank", rc.rank);
    r.Text("name", rc.candidate.name.empty() ? rc.candidate.id : rc.candidate.name);
    r.Text("town", rc.candidate.town);
    r.Text("industry", rc.candidate.industry);
    r.Text("level", rc.candidate.level ? std::to_string(*rc.candidate.level) : "");
    r.Text("maturity", rc.candidate.maturity ? FormatFixed(*rc.candidate.maturity, 2) : "");
    r.Text("value", FormatFixed(rc.value, 4));
    if (rc.stability) {
      r.Flag("has_stability", true);
      r.Text("interval", std::to_string(rc.stability->rank_p5) + "–" + std::to_string(rc.stability->rank_p95));
      r.Text("p_top", FormatFixed(rc.stability->p_top_n * 100, 1));
    }
    rows.push_back(r);
  }
  v.List("candidates", rows);
  return v;
}

}  // namespace fa::web
