// The ranking report: the whole view (the page frame, the cover, the
// sections of RankingSections(), provenance) and the renderer over
// templates/ranking_report.html.
#include "report/ranking_report.h"

#include "base/version.h"
#include "report/ranking_view_parts.h"
#include "report/report_renderer.h"
#include "report/svg_charts.h"

namespace fa {

EscapedView BuildRankingView(const Ranking& ranking, const RankingReportOptions& options) {
  const RankingContext c(ranking, options);
  const std::string title = c.TOr(ranking.title, ranking.id);
  // The local day of the stamp: a report generated at 01:00 in Shanghai is
  // dated that day, not the day before as the stamp's UTC date would say.
  const std::string date = !options.date.empty() ? options.date : LocalIsoDay(options.generated_at, options.zone).substr(0, 10);
  const std::string program = options.program_version.empty() ? ProgramVersion() : options.program_version;
  EscapedView cover;
  cover.Text("title", title.empty() ? c.L("rk_report_title") : title)
      .Text("date", date)
      .Int("candidates", c.n)
      .Int("select", c.select)
      .Text("method", c.method_label);
  EscapedView provenance;
  provenance.Text("program", program).Text("generated_at", StampWithZone(options.generated_at, options.zone, options.lang)).Text("config_sha", ranking.config_sha256);
  EscapedView v = c.BeginPage({c.L("rk_report_title"), title, title, date});
  v.Child("cover", cover).Flag("stable", c.stable).Child("provenance", provenance);
  AddSections(v, RankingSections(), c);
  return v;
}

std::vector<std::string> RankingSectionPartials() { return SectionPartials(RankingSections()); }

RankingReportRenderer::RankingReportRenderer(const RankingReportOptions& options)
    : TemplateRenderer(options, "ranking_report.html", BuildRankingView, RankingSectionPartials()) {}

std::string RenderRankingReport(const Ranking& ranking, const RankingReportOptions& options) {
  return RankingReportRenderer(options).Render(ranking);
}

}  // namespace fa
