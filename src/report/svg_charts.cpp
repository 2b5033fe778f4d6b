#include "report/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "base/text.h"
#include "base/utf8.h"
#include "report/svg_parts.h"

namespace fa {

namespace svg {

std::string F(double v) { return FormatFixed(v, 1); }

// Splits `text` into lines of at most `width` display units: at spaces when
// it can, inside words (CJK runs) when it must. At most `max_lines` lines.
std::vector<std::string> WrapLabel(const std::string& text, int width, size_t max_lines) {
  std::vector<std::string> lines;
  std::string line;
  int line_width = 0;
  auto flush = [&] {
    if (!line.empty()) lines.push_back(line);
    line.clear();
    line_width = 0;
  };
  std::istringstream words(text);
  std::string word;
  while (words >> word) {
    int ww = DisplayWidth(word);
    if (!line.empty() && line_width + 1 + ww > width) flush();
    if (ww > width) {
      for (size_t i = 0; i < word.size();) {
        const Utf8Char c = DecodeUtf8(word, i);
        const int cw = CodePointWidth(c.code_point);
        if (line_width + cw > width) flush();
        line.append(word, i, c.length);
        line_width += cw;
        i += c.length;
      }
      continue;
    }
    if (!line.empty()) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += ww;
  }
  flush();
  if (lines.size() > max_lines) {
    std::string rest;
    for (size_t k = max_lines - 1; k < lines.size(); ++k) rest += (rest.empty() ? "" : " ") + lines[k];
    lines.resize(max_lines - 1);
    lines.push_back(rest);  // the caller fits it (FitWidth), never cuts it
  }
  return lines;
}

std::string OpenSvg(const std::string& css_class, int width, int height, const std::string& title) {
  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart " << css_class << "\" viewBox=\"0 0 "
    << width << ' ' << height << "\" role=\"img\">\n<title>" << HtmlEscape(title) << "</title>\n";
  return o.str();
}

}  // namespace svg

using namespace svg;

namespace {
constexpr double kPi = 3.14159265358979323846;
}  // namespace

std::string FitWidth(const std::string& text, int max_width, double unit_px) {
  if (DisplayWidth(text) <= max_width) return "";
  return " textLength=\"" + F(max_width * unit_px) + "\" lengthAdjust=\"spacingAndGlyphs\"";
}

// Drawn at its figure's width (templates/report.css: up to 128 mm on screen,
// 96 mm in print), its labels are 12 px and 9 pt or more: 19 units of 560.
std::string RadarChartSvg(const RadarChart& chart) {
  const size_t n = chart.axes.size();
  if (n < 3) return "";
  const double cx = 280, cy = 225, r = 120;
  auto angle = [&](size_t i) { return -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(n); };
  auto point = [&](size_t i, double v) {
    v = std::clamp(v, 0.0, 1.0);
    return F(cx + r * v * std::cos(angle(i))) + "," + F(cy + r * v * std::sin(angle(i)));
  };
  auto polygon = [&](const std::vector<double>& values) {
    std::string pts;
    for (size_t i = 0; i < n; ++i) pts += (i ? " " : "") + point(i, values[i]);
    return pts;
  };

  std::ostringstream o;
  o << OpenSvg("radar", 560, 460, chart.title);
  for (int k = 1; k <= 4; ++k)
    o << "<polygon class=\"radar-ring\" points=\"" << polygon(std::vector<double>(n, k / 4.0))
      << "\" fill=\"none\" stroke=\"" << kGrid << "\" stroke-width=\"1\"/>\n";
  for (size_t i = 0; i < n; ++i) {
    o << "<line class=\"radar-axis\" x1=\"" << F(cx) << "\" y1=\"" << F(cy) << "\" x2=\""
      << F(cx + r * std::cos(angle(i))) << "\" y2=\"" << F(cy + r * std::sin(angle(i)))
      << "\" stroke=\"" << kGrid << "\" stroke-width=\"1\"/>\n";
  }
  for (int k = 2; k <= 4; k += 2)
    o << "<text x=\"" << F(cx - 5) << "\" y=\"" << F(cy - r * k / 4.0 + 15)
      << "\" text-anchor=\"end\" font-size=\"15\" fill=\"" << kMuted << "\">" << k * 25 << "%</text>\n";
  if (chart.reference.size() == n)
    o << "<polygon class=\"radar-reference\" points=\"" << polygon(chart.reference)
      << "\" fill=\"none\" stroke=\"" << kMuted << "\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n";
  std::vector<double> values;
  for (const auto& a : chart.axes) values.push_back(a.value);
  o << "<polygon class=\"radar-value\" points=\"" << polygon(values) << "\" fill=\"" << kPrimary
    << "\" fill-opacity=\"0.16\" stroke=\"" << kPrimary << "\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\n";
  for (size_t i = 0; i < n; ++i) {
    const std::string p = point(i, values[i]);
    const size_t comma = p.find(',');
    o << "<circle cx=\"" << p.substr(0, comma) << "\" cy=\"" << p.substr(comma + 1) << "\" r=\"3.5\" fill=\""
      << kPrimary << "\"/>\n";
  }
  for (size_t i = 0; i < n; ++i) {
    const RadarAxis& a = chart.axes[i];
    const double c = std::cos(angle(i)), s = std::sin(angle(i));
    const double x = cx + (r + 16) * c, y = cy + (r + 16) * s;
    const char* anchor = c > 0.3 ? "start" : c < -0.3 ? "end" : "middle";
    std::vector<std::string> lines = WrapLabel(a.label, 12, 3);
    const size_t count = lines.size() + (a.value_text.empty() ? 0 : 1);
    const double lh = 22;
    double first = s < -0.5 ? y - (count - 1) * lh - 4 : s > 0.5 ? y + 16 : y - (count - 1) * lh / 2 + 6;
    o << "<text class=\"radar-label\" text-anchor=\"" << anchor << "\" font-size=\"19\" fill=\"" << kInk << "\">";
    for (size_t k = 0; k < lines.size(); ++k)
      o << "<tspan x=\"" << F(x) << "\" y=\"" << F(first + k * lh) << "\"" << FitWidth(lines[k], 12, 10) << ">"
        << HtmlEscape(lines[k]) << "</tspan>";
    if (!a.value_text.empty())
      o << "<tspan x=\"" << F(x) << "\" y=\"" << F(first + lines.size() * lh) << "\" font-weight=\"700\" fill=\""
        << kPrimary << "\">" << HtmlEscape(a.value_text) << "</tspan>";
    o << "</text>\n";
  }
  if (chart.reference.size() == n && !chart.reference_label.empty())
    o << "<line x1=\"8\" y1=\"448\" x2=\"32\" y2=\"448\" stroke=\"" << kMuted
      << "\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/><text x=\"38\" y=\"453\" font-size=\"15\" fill=\""
      << kMuted << "\">" << HtmlEscape(chart.reference_label) << "</text>\n";
  o << "</svg>";
  return o.str();
}

// Drawn at its figure's width (templates/report.css: 118 mm on screen, 96 mm
// in print), its labels are at least 9 pt: 22 units of 640.
std::string LevelLadderSvg(const LevelLadder& ladder) {
  const size_t n = ladder.steps.size();
  if (n == 0) return "";
  const double left = 12, width = 616, bottom = 124, step_w = width / static_cast<double>(n);
  const double min_h = 34, max_h = 84;
  auto height = [&](size_t i) {
    return n == 1 ? max_h : min_h + (max_h - min_h) * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  std::ostringstream o;
  o << OpenSvg("ladder", 640, 160, ladder.title);
  for (size_t i = 0; i < n; ++i) {
    const LadderStep& st = ladder.steps[i];
    const double h = height(i);
    const double x = left + step_w * static_cast<double>(i);
    const bool current = st.level == ladder.current;
    const bool reached = st.level <= ladder.current;
    const char* fill = current ? kPrimary : reached ? kPrimaryLight : kPale;
    o << "<rect class=\"ladder-step" << (current ? " current" : reached ? " reached" : "") << "\" x=\""
      << F(x + 2) << "\" y=\"" << F(bottom - h) << "\" width=\"" << F(step_w - 4) << "\" height=\"" << F(h)
      << "\" rx=\"3\" fill=\"" << fill << "\"/>\n";
    o << "<text x=\"" << F(x + step_w / 2) << "\" y=\"" << F(bottom - h + 26)
      << "\" text-anchor=\"middle\" font-size=\"24\" font-weight=\"700\" fill=\""
      << (current ? "#ffffff" : reached ? kPrimary : kMuted) << "\">" << st.level << "</text>\n";
    o << "<text x=\"" << F(x + step_w / 2) << "\" y=\"" << F(bottom + 27)
      << "\" text-anchor=\"middle\" font-size=\"22\" fill=\"" << (current ? kInk : kMuted) << "\""
      << (current ? " font-weight=\"700\"" : "") << FitWidth(st.name, static_cast<int>((step_w - 8) / 11), 11)
      << ">" << HtmlEscape(st.name) << "</text>\n";
  }
  // The marker stops at the top of the step it stands on.
  const double position = std::clamp(ladder.position, 0.0, static_cast<double>(n));
  const double mx = left + step_w * position;
  const size_t under = std::min(n - 1, static_cast<size_t>(position));
  o << "<line class=\"ladder-marker\" x1=\"" << F(mx) << "\" y1=\"33\" x2=\"" << F(mx) << "\" y2=\""
    << F(bottom - height(under) - 3) << "\" stroke=\"" << kInk << "\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>\n";
  o << "<path d=\"M" << F(mx - 6) << ",25 L" << F(mx + 6) << ",25 L" << F(mx) << ",33 Z\" fill=\"" << kInk
    << "\"/>\n";
  const char* anchor = mx < 80 ? "start" : mx > 560 ? "end" : "middle";
  o << "<text x=\"" << F(mx) << "\" y=\"20\" text-anchor=\"" << anchor
    << "\" font-size=\"22\" font-weight=\"700\" fill=\"" << kInk << "\">" << HtmlEscape(ladder.marker_label)
    << "</text>\n</svg>";
  return o.str();
}

std::string HorizontalBarChartSvg(const BarChart& chart) {
  if (chart.bars.empty()) return "";
  const double label_w = 262, bar_x = 272, bar_max = 300, row = 26, top = 8;
  double max_value = 0;
  for (const auto& b : chart.bars) max_value = std::max(max_value, b.value);
  const int height = static_cast<int>(top * 2 + row * static_cast<double>(chart.bars.size()));
  std::ostringstream o;
  o << OpenSvg("bars", 640, height, chart.title);
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    const Bar& b = chart.bars[i];
    const double y = top + row * static_cast<double>(i);
    const double w = max_value > 0 ? std::max(1.0, bar_max * std::max(0.0, b.value) / max_value) : 1.0;
    o << "<text x=\"" << F(label_w) << "\" y=\"" << F(y + 17) << "\" text-anchor=\"end\" font-size=\"12\" fill=\""
      << kInk << "\"" << FitWidth(b.label, 36, 7) << ">" << HtmlEscape(b.label) << "</text>\n";
    o << "<rect x=\"" << F(bar_x) << "\" y=\"" << F(y + 5) << "\" width=\"" << F(w) << "\" height=\"16\" rx=\"2\" fill=\""
      << (b.highlight ? kPrimary : kBarOther) << "\"/>\n";
    o << "<text x=\"" << F(bar_x + w + 6) << "\" y=\"" << F(y + 17) << "\" font-size=\"12\" font-weight=\"700\" fill=\""
      << (b.highlight ? kPrimary : kMuted) << "\">" << HtmlEscape(b.value_text) << "</text>\n";
  }
  o << "<line x1=\"" << F(bar_x) << "\" y1=\"" << F(top) << "\" x2=\"" << F(bar_x) << "\" y2=\""
    << F(height - top) << "\" stroke=\"" << kGrid << "\" stroke-width=\"1\"/>\n</svg>";
  return o.str();
}

}  // namespace fa
