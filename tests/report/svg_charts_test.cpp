#include <doctest/doctest.h>

#include "report/svg_charts.h"
#include "text_checks.h"

namespace fa {

namespace {
using testing::Count;
}  // namespace

TEST_CASE("radar: four nodes give four axes and the polygon at the documented geometry") {
  // Centre (280, 225), radius 120, axes clockwise from 12 o'clock:
  // 1.0 up -> (280, 105); 0.5 right -> (340, 225); 0.25 down -> (280, 255);
  // 0 left -> the centre.
  RadarChart chart{"scores", {{"A", 1.0, ""}, {"B", 0.5, ""}, {"C", 0.25, ""}, {"D", 0.0, ""}}, {}, ""};
  std::string svg = RadarChartSvg(chart);
  CHECK(Count(svg, "class=\"radar-axis\"") == 4);
  CHECK(svg.find("<polygon class=\"radar-value\" points=\"280.0,105.0 340.0,225.0 280.0,255.0 280.0,225.0\"") !=
        std::string::npos);
  CHECK(svg.find("x2=\"400.0\" y2=\"225.0\"") != std::string::npos);  // axis B ends at the rim
  CHECK(Count(svg, "class=\"radar-ring\"") == 4);
}

TEST_CASE("radar: values outside 0..1 are clamped and fewer than three axes draw nothing") {
  RadarChart chart{"", {{"A", 1.7, ""}, {"B", -1, ""}, {"C", 0.5, ""}}, {}, ""};
  std::string svg = RadarChartSvg(chart);
  CHECK(svg.find("points=\"280.0,105.0 280.0,225.0 228.0,255.0\"") != std::string::npos);
  CHECK(RadarChartSvg(RadarChart{"", {{"A", 1, ""}, {"B", 1, ""}}, {}, ""}).empty());
}

TEST_CASE("radar: a reference series is drawn dashed with its legend") {
  RadarChart chart{"t", {{"A", 1, ""}, {"B", 1, ""}, {"C", 1, ""}}, {0.5, 0.5, 0.5}, "cohort median"};
  std::string svg = RadarChartSvg(chart);
  CHECK(Count(svg, "class=\"radar-reference\"") == 1);
  CHECK(svg.find(">cohort median</text>") != std::string::npos);
}

TEST_CASE("svg charts escape every label, title and value text") {
  const std::string bad = "<script>alert(1)</script> & \"q\" 's'";
  const std::string escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;s&#39;";
  RadarChart radar{bad, {{bad, 1, bad}, {"b", 1, ""}, {"c", 1, ""}}, {1, 1, 1}, bad};
  LevelLadder ladder{bad, {{1, bad}, {2, "x"}}, 1, 0.5, bad};
  BarChart bars{bad, {{"short", 1, bad, true}}};
  for (const std::string& svg : {RadarChartSvg(radar), LevelLadderSvg(ladder), HorizontalBarChartSvg(bars)}) {
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("<title>" + escaped + "</title>") != std::string::npos);
    CHECK(svg.find("'s'") == std::string::npos);
  }
}

TEST_CASE("ladder: the reached steps are filled, the current one marked, the marker placed in step widths") {
  LevelLadder ladder{"ladder", {{1, "one"}, {2, "two"}, {3, "three"}, {4, "four"}}, 2, 1.5, "1.5"};
  std::string svg = LevelLadderSvg(ladder);
  CHECK(Count(svg, "class=\"ladder-step reached\"") == 1);
  CHECK(Count(svg, "class=\"ladder-step current\"") == 1);
  CHECK(Count(svg, "class=\"ladder-step\"") == 2);
  // Four steps across 616 units from x = 12: 1.5 steps is at 12 + 231.
  CHECK(svg.find("<line class=\"ladder-marker\" x1=\"243.0\"") != std::string::npos);
}

TEST_CASE("bars: scaled to the largest value, highlighted bars in the accent colour") {
  BarChart chart{"gap", {{"a", 2, "+2", true}, {"b", 1, "+1", false}}};
  std::string svg = HorizontalBarChartSvg(chart);
  CHECK(svg.find("width=\"300.0\" height=\"16\" rx=\"2\" fill=\"#1f4e86\"") != std::string::npos);
  CHECK(svg.find("width=\"150.0\" height=\"16\" rx=\"2\" fill=\"#b9c4d2\"") != std::string::npos);
  CHECK(HorizontalBarChartSvg(BarChart{"none", {}}).empty());
}

TEST_CASE("a label wider than its room is squeezed into it, never cut, CJK counting two units") {
  CHECK(FitWidth("short", 10).empty());
  CHECK(FitWidth("智能制造", 8).empty());
  CHECK(FitWidth("智能制造能力成熟度", 8) == " textLength=\"52.0\" lengthAdjust=\"spacingAndGlyphs\"");
  BarChart chart{"t", {{"一个很长很长很长很长很长很长很长很长很长很长的名称", 1.0, "1", true}}};
  const std::string svg = HorizontalBarChartSvg(chart);
  CHECK(svg.find("一个很长很长很长很长很长很长很长很长很长很长的名称</text>") != std::string::npos);
  CHECK(svg.find("lengthAdjust") != std::string::npos);
  CHECK(svg.find("\xE2\x80\xA6") == std::string::npos);
}

}  // namespace fa
