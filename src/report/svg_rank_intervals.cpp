#include "report/svg_rank_intervals.h"

#include <algorithm>

#include "base/text.h"
#include "report/svg_charts.h"
#include "report/svg_parts.h"

namespace fa {

using svg::F;

namespace {

// x of rank r on a scale of `n` ranks drawn from `left` over `width`.
double RankX(double r, int n, double left, double width) {
  if (n <= 1) return left + width / 2;
  return left + (std::clamp(r, 1.0, static_cast<double>(n)) - 1) / (n - 1) * width;
}

}  // namespace

std::string RankIntervalBarSvg(const RankInterval& in, int candidates, int cutoff, const std::string& title) {
  constexpr double kLeft = 4, kWidth = 112;
  const int n = std::max(candidates, 1);
  std::string s = "<svg class=\"ri\" viewBox=\"0 0 120 14\" width=\"120\" height=\"14\" role=\"img\"><title>" +
                  HtmlEscape(title) + "</title>";
  s += "<rect x=\"4\" y=\"6\" width=\"112\" height=\"2\" fill=\"" + std::string(svg::kPale) + "\"/>";
  if (cutoff > 0 && cutoff < n) {
    const std::string x = F(RankX(cutoff + 0.5, n, kLeft, kWidth));
    s += "<line x1=\"" + x + "\" y1=\"1\" x2=\"" + x + "\" y2=\"13\" stroke=\"" + svg::kMuted +
         "\" stroke-width=\"0.8\" stroke-dasharray=\"2 1.5\"/>";
  }
  const double x5 = RankX(in.p5, n, kLeft, kWidth), x95 = RankX(in.p95, n, kLeft, kWidth);
  s += "<rect x=\"" + F(x5 - 1.5) + "\" y=\"4\" width=\"" + F(std::max(x95 - x5, 0.0) + 3) +
       "\" height=\"6\" rx=\"3\" fill=\"" + (in.selected ? svg::kPrimary : svg::kPrimaryLight) + "\" opacity=\"" +
       (in.selected ? "0.55" : "0.9") + "\"/>";
  const std::string xm = F(RankX(in.median, n, kLeft, kWidth));
  s += "<line x1=\"" + xm + "\" y1=\"2.5\" x2=\"" + xm + "\" y2=\"11.5\" stroke=\"" + svg::kInk + "\" stroke-width=\"1.4\"/>";
  s += "<circle cx=\"" + F(RankX(in.rank, n, kLeft, kWidth)) + "\" cy=\"7\" r=\"2\" fill=\"#fff\" stroke=\"" +
       svg::kInk + "\" stroke-width=\"1\"/></svg>";
  return s;
}

std::string RankIntervalChartSvg(const RankIntervalChart& chart) {
  if (chart.rows.empty()) return "";
  constexpr int kWidth = 680, kRow = 19, kTop = 30, kLabel = 210, kRight = 16;
  int scale = std::max(chart.cutoff + 1, static_cast<int>(chart.rows.size()));
  for (const auto& r : chart.rows) scale = std::max(scale, r.p95);
  const int height = kTop + kRow * static_cast<int>(chart.rows.size()) + 34;
  const double left = kLabel + 10, width = kWidth - left - kRight;
  std::string s = svg::OpenSvg("chart-intervals", kWidth, height, chart.title);
  // Rank axis: ticks at 1, the cut-off, and a few round numbers.
  std::vector<int> ticks = {1};
  const int step = scale <= 12 ? 1 : scale <= 30 ? 5 : scale <= 60 ? 10 : scale <= 150 ? 25 : scale <= 400 ? 50 : 100;
  for (int t = step; t <= scale; t += step)
    if (t != 1) ticks.push_back(t);
  const double axis_y = kTop + kRow * static_cast<double>(chart.rows.size()) + 4;
  for (int t : ticks) {
    const std::string x = F(RankX(t, scale, left, width));
    s += "<line x1=\"" + x + "\" y1=\"" + F(kTop - 4) + "\" x2=\"" + x + "\" y2=\"" + F(axis_y) + "\" stroke=\"" +
         svg::kGrid + "\" stroke-width=\"0.6\"/>";
    s += "<text x=\"" + x + "\" y=\"" + F(axis_y + 12) + "\" font-size=\"9\" fill=\"" + svg::kMuted +
         "\" text-anchor=\"middle\">" + std::to_string(t) + "</text>";
  }
  if (chart.cutoff > 0 && chart.cutoff < scale) {
    const std::string x = F(RankX(chart.cutoff + 0.5, scale, left, width));
    s += "<line x1=\"" + x + "\" y1=\"" + F(kTop - 12) + "\" x2=\"" + x + "\" y2=\"" + F(axis_y) + "\" stroke=\"" +
         svg::kInk + "\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>";
    s += "<text x=\"" + x + "\" y=\"" + F(kTop - 15) + "\" font-size=\"9\" fill=\"" + svg::kInk +
         "\" text-anchor=\"middle\">N = " + std::to_string(chart.cutoff) + "</text>";
  }
  for (size_t i = 0; i < chart.rows.size(); ++i) {
    const RankInterval& r = chart.rows[i];
    const double y = kTop + kRow * static_cast<double>(i);
    s += "<text x=\"" + std::to_string(kLabel) + "\" y=\"" + F(y + 12.5) + "\" font-size=\"10\" fill=\"" + svg::kInk +
         "\" text-anchor=\"end\"" + FitWidth(std::to_string(r.rank) + ". " + r.label, 34, 5.5) + ">" +
         std::to_string(r.rank) + ". " + HtmlEscape(r.label) + "</text>";
    const double x5 = RankX(r.p5, scale, left, width), x95 = RankX(r.p95, scale, left, width);
    s += "<rect x=\"" + F(x5 - 3) + "\" y=\"" + F(y + 4) + "\" width=\"" + F(std::max(x95 - x5, 0.0) + 6) +
         "\" height=\"10\" rx=\"5\" fill=\"" + (r.selected ? svg::kPrimary : svg::kPrimaryLight) + "\" opacity=\"" +
         (r.selected ? "0.5" : "0.9") + "\"/>";
    const std::string xm = F(RankX(r.median, scale, left, width));
    s += "<line x1=\"" + xm + "\" y1=\"" + F(y + 2) + "\" x2=\"" + xm + "\" y2=\"" + F(y + 16) + "\" stroke=\"" +
         svg::kInk + "\" stroke-width=\"2\"/>";
    s += "<circle cx=\"" + F(RankX(r.rank, scale, left, width)) + "\" cy=\"" + F(y + 9) +
         "\" r=\"3\" fill=\"#fff\" stroke=\"" + svg::kInk + "\" stroke-width=\"1.2\"/>";
  }
  s += "<text x=\"" + F(left) + "\" y=\"" + F(axis_y + 26) + "\" font-size=\"9\" fill=\"" + svg::kMuted + "\">" +
       HtmlEscape(chart.legend) + "</text>";
  s += "</svg>";
  return s;
}

}  // namespace fa
