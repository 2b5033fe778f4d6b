// SVG charts drawn by the program for the reports (docs/reports.md): a radar of
// node scores, a level ladder and horizontal bars. Pure functions from plain
// values to SVG markup: every label is HTML-escaped here, numbers have fixed
// decimals and colours are attributes, so the output is byte-stable and
// renders the same inline, standalone or printed.
#pragma once

#include <string>
#include <vector>

namespace fa {

struct RadarAxis {
  std::string label;       ///< raw text, escaped in the markup
  double value = 0;        ///< in [0, 1]; clamped
  std::string value_text;  ///< raw, shown under the label, e.g. "72.0%"
};

/// Axes run clockwise from 12 o'clock; the chart is a 560 x 430 viewBox
/// with its centre at (280, 215) and radius 140, so axis i of n ends at
/// (280 + 140 cos a, 215 + 140 sin a), a = -90° + i * 360° / n.
struct RadarChart {
  std::string title;              ///< accessible name (<title>), raw
  std::vector<RadarAxis> axes;
  std::vector<double> reference;  ///< optional second series, e.g. a cohort median
  std::string reference_label;    ///< its legend entry, raw
};

/// The radar as <svg>; "" when there are fewer than three axes.
std::string RadarChartSvg(const RadarChart& chart);

struct LadderStep {
  int level = 0;
  std::string name;  ///< raw
};

struct LevelLadder {
  std::string title;              ///< raw
  std::vector<LadderStep> steps;  ///< ascending levels
  int current = 0;                ///< the level reached; 0 for none
  /// Where the marker stands, in step widths from the left edge: 2.75 is
  /// three quarters across the third step. Clamped to [0, steps].
  double position = 0;
  std::string marker_label;  ///< raw, e.g. "3.55"
};

/// A staircase of levels, those reached filled, with a marker.
std::string LevelLadderSvg(const LevelLadder& ladder);

struct Bar {
  std::string label;       ///< raw; squeezed into its room when too wide (FitWidth)
  double value = 0;        ///< >= 0
  std::string value_text;  ///< raw, printed after the bar
  bool highlight = false;  ///< drawn in the accent colour
};

struct BarChart {
  std::string title;  ///< raw
  std::vector<Bar> bars;
};

/// One horizontal bar per item, top to bottom, scaled to the largest value.
std::string HorizontalBarChartSvg(const BarChart& chart);

struct HeatmapRow {
  std::string label;    ///< raw; squeezed into its room when too wide (FitWidth)
  bool marked = false;  ///< drawn with a star (e.g. a constrained scene)
  int value = 0;        ///< the step reached, 1-based; 0 for none
  std::string status;   ///< raw, shown across the row when value is 0
};

/// Rows × ordered steps (e.g. 16 scenes × L1–L4): each row filled up to the
/// step it reached, darker for higher steps, the reached step labelled.
struct Heatmap {
  std::string title;                 ///< raw
  std::vector<std::string> columns;  ///< raw step names, lowest first
  std::vector<HeatmapRow> rows;
  std::string marked_legend;         ///< raw; "" draws no star legend
};

/// The heat map as <svg>; "" without rows or columns.
std::string SceneHeatmapSvg(const Heatmap& map);

struct TimelineBar {
  std::string label;  ///< raw; squeezed into its room when too wide (FitWidth)
  int from = 0;       ///< first quarter, 0-based
  int to = 0;         ///< one past the last quarter; may pass the last column
  int stage = 0;      ///< 0, 1, 2: the bar's shade
};

/// The roadmap's quarterly plan: quarters on the x axis, one bar per
/// scenario; a bar running past the last quarter ends in an arrow.
struct Timeline {
  std::string title;                  ///< raw
  std::vector<std::string> quarters;  ///< raw column names, e.g. "2026Q3"
  std::vector<TimelineBar> bars;
};

/// The timeline as <svg>; "" without quarters or bars.
std::string TimelineSvg(const Timeline& t);

/// For an SVG <text> of `text`: when it is wider than `max_width` display
/// units (DisplayWidth, base/utf8.h; `unit_px` pixels each), the attributes
/// that squeeze it into that width (textLength, lengthAdjust), else "". A
/// label is never cut: a name or a requirement reads whole or not at all.
std::string FitWidth(const std::string& text, int max_width, double unit_px = 6.5);

}  // namespace fa
