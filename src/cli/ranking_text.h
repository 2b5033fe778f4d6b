// Text for people at a terminal: aligned tables whose column widths count
// East Asian wide characters as two cells (base/utf8.h), and the ranking as
// a commission would read it (method, weights with CR, the ranked
// candidates with their stability).
#pragma once

#include <string>
#include <vector>

#include "assessment/ranking.h"

namespace fa {

/// `text` cut to at most `width` cells (DisplayWidth, base/utf8.h), with
/// "…" when cut.
std::string Truncate(const std::string& text, int width);

/// A table of text cells printed with aligned columns.
class TextTable {
 public:
  /// One entry per column: true for right alignment (numbers).
  explicit TextTable(std::vector<bool> right_aligned) : right_(std::move(right_aligned)) {}
  void AddRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  /// Every row, columns two spaces apart, each line starting with `indent`
  /// and without trailing blanks.
  std::string Render(const std::string& indent = "") const;

 private:
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

/// The whole ranking as text. `lang` ("zh" | "en") picks titles; `limit`
/// > 0 shows only the first `limit` candidates (and says so).
std::string RankingToText(const Ranking& ranking, const std::string& lang, int limit = 0);

}  // namespace fa
