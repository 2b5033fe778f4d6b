// Internal to the SVG charts (svg_*.cpp): the palette, number formatting
// and text measuring they share. Not for use elsewhere.
#pragma once

#include <string>
#include <vector>

namespace fa::svg {

// A restrained palette: one blue in three strengths, greys for structure.
constexpr const char* kInk = "#1a2433";
constexpr const char* kMuted = "#6b7785";
constexpr const char* kGrid = "#d5dbe3";
constexpr const char* kPrimary = "#1f4e86";
constexpr const char* kPrimaryLight = "#a9c1de";
constexpr const char* kPale = "#e8edf3";
constexpr const char* kBarOther = "#b9c4d2";
constexpr const char* kAccent = "#c7891a";  ///< markers (stars), never data

/// A coordinate with one decimal.
std::string F(double v);
/// Lines of at most `width` units (DisplayWidth, base/utf8.h), at spaces
/// when possible; at most `max_lines`, the last holding the rest (to fit with
/// FitWidth, never to cut).
std::vector<std::string> WrapLabel(const std::string& text, int width, size_t max_lines);
/// "<svg …><title>…</title>" with an escaped title.
std::string OpenSvg(const std::string& css_class, int width, int height, const std::string& title);

}  // namespace fa::svg
