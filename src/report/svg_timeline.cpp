// The roadmap's timeline (svg_charts.h): one row per scenario, its bar
// over the quarters it runs in, shaded by stage.
#include <algorithm>
#include <string>

#include "base/text.h"
#include "report/svg_charts.h"
#include "report/svg_parts.h"

namespace fa {

using namespace svg;

std::string TimelineSvg(const Timeline& t) {
  const int n = static_cast<int>(t.quarters.size());
  if (n == 0 || t.bars.empty()) return "";
  const char* shades[] = {kPrimary, kPrimaryLight, kBarOther};
  // Drawn at the page's width (about 150 mm on screen, 180 mm printed), the
  // labels stay at 12 px and 9 pt or more.
  const double label_right = 236, cells_x = 244, right = 632, head = 26, row_h = 20;
  const double w = (right - cells_x) / n;
  const int height = static_cast<int>(head + row_h * static_cast<double>(t.bars.size()) + 6);
  std::string o = OpenSvg("timeline", 640, height, t.title);
  o.reserve(o.size() + 300 * t.bars.size() + 200 * t.quarters.size());
  for (int j = 0; j < n; ++j) {
    const double x = cells_x + w * j;
    o += "<line x1=\"" + F(x) + "\" y1=\"4\" x2=\"" + F(x) + "\" y2=\"" + std::to_string(height - 4) +
         "\" stroke=\"" + kGrid + "\" stroke-width=\"1\"/>\n<text x=\"" + F(x + w / 2) +
         "\" y=\"17\" text-anchor=\"middle\" font-size=\"13\" fill=\"" + kMuted + "\"" +
         FitWidth(t.quarters[j], static_cast<int>((w - 4) / 7.2), 7.2) + ">" + HtmlEscape(t.quarters[j]) + "</text>\n";
  }
  for (size_t i = 0; i < t.bars.size(); ++i) {
    const TimelineBar& b = t.bars[i];
    const double y = head + row_h * static_cast<double>(i);
    o += "<text x=\"" + F(label_right) + "\" y=\"" + F(y + 14.5) + "\" text-anchor=\"end\" font-size=\"13.5\" fill=\"" +
         kInk + "\"" + FitWidth(b.label, 34, 6.75) + ">" + HtmlEscape(b.label) + "</text>\n";
    const int from = std::min(std::max(b.from, 0), n), to = std::min(std::max(b.to, from), n);
    const std::string fill = shades[std::min(std::max(b.stage, 0), 2)];
    if (to > from)
      o += "<rect x=\"" + F(cells_x + w * from + 1) + "\" y=\"" + F(y + 3) + "\" width=\"" + F(w * (to - from) - 2) +
           "\" height=\"" + F(row_h - 6) + "\" rx=\"2\" fill=\"" + fill + "\"/>\n";
    if (b.to > n)  // runs past the plan period
      o += "<polygon points=\"" + F(right - 1) + "," + F(y + 3) + " " + F(right + 6) + "," + F(y + row_h / 2) + " " +
           F(right - 1) + "," + F(y + row_h - 3) + "\" fill=\"" + fill + "\"/>\n";
  }
  o += "</svg>";
  return o;
}

}  // namespace fa
