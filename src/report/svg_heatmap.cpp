// The scene heat map (svg_charts.h): one row per scene, one column per
// step, each row filled up to the step it reached.
#include <cstdio>
#include <string>

#include "base/text.h"
#include "report/svg_charts.h"
#include "report/svg_parts.h"

namespace fa {

using namespace svg;

namespace {

// Step i of n on a ramp from a pale to the primary blue.
std::string RampColour(size_t i, size_t n) {
  static const int from[3] = {0xdb, 0xe5, 0xf1}, to[3] = {0x1f, 0x4e, 0x86};
  const double t = n <= 1 ? 1.0 : static_cast<double>(i) / static_cast<double>(n - 1);
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(from[0] + (to[0] - from[0]) * t + 0.5),
                static_cast<int>(from[1] + (to[1] - from[1]) * t + 0.5),
                static_cast<int>(from[2] + (to[2] - from[2]) * t + 0.5));
  return buf;
}

// A five-pointed star of outer radius r centred on (x, y).
std::string Star(double x, double y, double r) {
  static const double unit[10][2] = {{0, -1},          {0.2245, -0.309}, {0.9511, -0.309}, {0.3633, 0.118},
                                     {0.5878, 0.809},  {0, 0.382},       {-0.5878, 0.809}, {-0.3633, 0.118},
                                     {-0.9511, -0.309}, {-0.2245, -0.309}};
  std::string pts;
  for (int k = 0; k < 10; ++k) pts += (k ? " " : "") + F(x + r * unit[k][0]) + "," + F(y + r * unit[k][1]);
  return "<polygon points=\"" + pts + "\" fill=\"" + kAccent + "\"/>";
}

}  // namespace

std::string SceneHeatmapSvg(const Heatmap& map) {
  const size_t n = map.columns.size();
  if (n == 0 || map.rows.empty()) return "";
  const double label_right = 236, star_x = 250, cells_x = 264, right = 632, head = 26, row_h = 24;
  const double cell_w = (right - cells_x) / static_cast<double>(n);
  const double legend_y = head + row_h * static_cast<double>(map.rows.size()) + 10;
  const int height = static_cast<int>(legend_y + 26);
  std::string o = OpenSvg("heatmap", 640, height, map.title);
  o.reserve(o.size() + 420 * map.rows.size());
  for (size_t j = 0; j < n; ++j)
    o += "<text x=\"" + F(cells_x + cell_w * (j + 0.5)) + "\" y=\"17\" text-anchor=\"middle\" font-size=\"12\" "
         "font-weight=\"700\" fill=\"" + kMuted + "\">" + HtmlEscape(map.columns[j]) + "</text>\n";
  for (size_t i = 0; i < map.rows.size(); ++i) {
    const HeatmapRow& r = map.rows[i];
    const double y = head + row_h * static_cast<double>(i);
    o += "<text x=\"" + F(label_right) + "\" y=\"" + F(y + 16) + "\" text-anchor=\"end\" font-size=\"12\" fill=\"" +
         (r.value > 0 ? kInk : kMuted) + "\"" + FitWidth(r.label, 36, 7) + ">" + HtmlEscape(r.label) + "</text>\n";
    if (r.marked) o += Star(star_x, y + 12, 6) + "\n";
    if (r.value <= 0) {
      o += "<rect x=\"" + F(cells_x + 1) + "\" y=\"" + F(y + 2) + "\" width=\"" + F(right - cells_x - 2) +
           "\" height=\"" + F(row_h - 4) + "\" rx=\"2\" fill=\"" + kPale + "\"/>\n<text x=\"" +
           F((cells_x + right) / 2) + "\" y=\"" + F(y + 16) + "\" text-anchor=\"middle\" font-size=\"11\" fill=\"" +
           kMuted + "\">" + HtmlEscape(r.status) + "</text>\n";
      continue;
    }
    for (size_t j = 0; j < n; ++j) {
      const bool reached = static_cast<int>(j) < r.value;
      const bool at = static_cast<int>(j) + 1 == r.value;
      o += "<rect class=\"heat-cell" + std::string(at ? " at" : "") + "\" x=\"" + F(cells_x + cell_w * j + 1) +
           "\" y=\"" + F(y + 2) + "\" width=\"" + F(cell_w - 2) + "\" height=\"" + F(row_h - 4) +
           "\" rx=\"2\" fill=\"" + (reached ? RampColour(j, n) : std::string("#f2f5f8")) + "\"/>\n";
      if (at)
        o += "<text x=\"" + F(cells_x + cell_w * (j + 0.5)) + "\" y=\"" + F(y + 16) +
             "\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"700\" fill=\"" +
             (j * 2 >= n ? "#ffffff" : kInk) + "\">" + HtmlEscape(map.columns[j]) + "</text>\n";
    }
  }
  double x = cells_x;
  for (size_t j = 0; j < n; ++j, x += 34)
    o += "<rect x=\"" + F(x) + "\" y=\"" + F(legend_y + 3) + "\" width=\"14\" height=\"10\" rx=\"2\" fill=\"" +
         RampColour(j, n) + "\"/><text x=\"" + F(x + 17) + "\" y=\"" + F(legend_y + 12) +
         "\" font-size=\"10\" fill=\"" + kMuted + "\">" + HtmlEscape(map.columns[j]) + "</text>\n";
  if (!map.marked_legend.empty())
    o += Star(star_x - 120, legend_y + 8, 6) + "<text x=\"" + F(star_x - 110) + "\" y=\"" + F(legend_y + 12) +
         "\" font-size=\"10.5\" fill=\"" + kMuted + "\">" + HtmlEscape(map.marked_legend) + "</text>\n";
  return o + "</svg>";
}

}  // namespace fa
