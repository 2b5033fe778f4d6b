// The ranking report: the whole view (cover, sections, running head) and
// the renderer over templates/ranking_report.html.
#include "report/ranking_report.h"

#include "base/text.h"
#include "base/version.h"
#include "report/ranking_view_parts.h"
#include "report/report_renderer.h"
#include "report/report_view.h"
#include "report/svg_charts.h"

namespace fa {

EscapedView BuildRankingView(const Ranking& ranking, const RankingReportOptions& options) {
  const RankingViewContext c(ranking, options);
  const std::string title = ranking.title.In(c.lang).empty() ? ranking.id : ranking.title.In(c.lang);
  const std::string date = !options.date.empty() ? options.date : options.generated_at.substr(0, 10);
  const std::string program = options.program_version.empty() ? ProgramVersion() : options.program_version;
  auto common = c.Common();
  EscapedView cover;
  cover.Text("title", title.empty() ? c.L("rk_report_title") : title)
      .Text("date", date)
      .Int("candidates", c.n)
      .Int("select", c.select)
      .Text("method", c.L(ranking.method == RankingMethod::kTopsis ? "rk_method_topsis"
                          : ranking.method == RankingMethod::kScore ? "rk_method_score"
                          : ranking.normalize == Normalization::kNone ? "rk_method_weighted_none"
                                                                      : "rk_method_weighted"));
  bool has_tiers = false;  // a CSV without a tiers column has none
  for (const auto& rc : ranking.candidates) has_tiers = has_tiers || rc.candidate.tiers.has_value();
  EscapedView table;
  table.Markup("intro", c.Fill(c.stable ? "rk_table_intro" : "rk_table_intro_plain", common))
      .Markup("col_ptop", c.Fill("rk_col_ptop", common))
      .Markup("col_in_top", c.Fill("rk_col_in_top", common))
      .Markup("col_mean_value", c.Fill("rk_col_mean_value", common))
      .Markup("cutoff_row", c.Fill("rk_cutoff_row", common))
      .Text("value_label", c.value_label)
      .Flag("show_value", ranking.method != RankingMethod::kScore)
      .Flag("show_tiers", has_tiers)
      .Int("colspan", 5 + (ranking.method != RankingMethod::kScore ? 1 : 0) + (has_tiers ? 1 : 0) + (c.stable ? 3 : 0));
  EscapedView reading;
  auto titled = common;
  titled["value_label"] = c.value_label;
  reading.Markup("value", c.Fill("rk_read_value", titled))
      .Markup("interval", c.Fill("rk_read_interval", common))
      .Markup("ptop", c.Fill("rk_read_ptop", common));
  EscapedView provenance;
  provenance.Text("program", program).Text("generated_at", options.generated_at).Text("config_sha", ranking.config_sha256);
  EscapedView v;
  v.Text("html_lang", c.lang == "en" ? "en" : "zh-CN")
      .Text("doc_title", (title.empty() ? ranking.id : title) + " — " + c.L("rk_report_title"))
      .Markup("running_head", CssString(TruncateToWidth(title, 60) + " · " + c.L("rk_report_title")))
      .Markup("running_date", CssString(date))
      .Child("L", LabelsView(c.lang))
      .Child("cover", cover)
      .Child("summary", BuildRankingSummary(c))
      .Child("table", table)
      .List("rows", BuildRankingRows(c))
      .Markup("leaders_chart", BuildLeadersChart(c))
      .Flag("stable", c.stable)
      .Child("weights", BuildRankingWeights(c))
      .Child("config", BuildRankingConfig(c))
      .List("by_town", BuildRankingGroups(c, "town"))
      .List("by_industry", BuildRankingGroups(c, "industry"))
      .Child("reading", reading)
      .Child("provenance", provenance);
  return v;
}

RankingReportRenderer::RankingReportRenderer(const RankingReportOptions& options)
    : options_(options),
      template_(ReportTemplate::Load(options.templates_dir.empty() ? DefaultTemplatesDir() : options.templates_dir,
                                     "ranking_report.html")) {}

std::string RankingReportRenderer::Render(const Ranking& ranking) const {
  return template_.Render(BuildRankingView(ranking, options_));
}

std::string RenderRankingReport(const Ranking& ranking, const RankingReportOptions& options) {
  return RankingReportRenderer(options).Render(ranking);
}

}  // namespace fa
