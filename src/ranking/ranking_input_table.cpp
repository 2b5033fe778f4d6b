// Ranking input from a CSV table (ranking_input.h): a candidates table's
// columns found by name and each row made a candidate, and a cohort table's
// criterion columns read as numbers.
#include <algorithm>
#include <cmath>

#include "base/text.h"
#include "ranking/ranking_input.h"
#include "ranking/ranking_input_parts.h"

namespace fa {

std::optional<RankingInputBuilder::TableColumns> RankingInputBuilder::FindColumns(const CsvTable& table) {
  const std::string& file = table.file;
  TableColumns at;
  at.code = table.Column("credit_code");
  at.name = table.Column("name");
  at.town = table.Column("town");
  at.industry = table.Column("industry");
  at.level = table.Column("level");
  at.score = table.Column("score");
  at.tiers = table.Column("tiers");
  // Where each criterion's value is, or nothing (reported once, at the header).
  bool usable = true;
  for (const RankingCriterion& k : config_.criteria) {
    std::string wanted = k.source == CriterionSource::kScore   ? "score"
                         : k.source == CriterionSource::kLevel ? "level"
                                                               : k.source_name;
    at.values.push_back(table.Column(wanted));
    if (!at.values.back()) {
      diags_.Error(file, {1, 1},
                   "no column '" + wanted + "' for criterion '" + k.id + "' (source " +
                       k.source_text + ")" + DidYouMean(wanted, table.ColumnNames()));
      usable = false;
    }
  }
  if (config_.filters.min_level && !at.level) {
    diags_.Error(
        file, {1, 1},
        "the min_level filter needs a 'level' column" + DidYouMean("level", table.ColumnNames()));
    usable = false;
  }
  if (config_.method && config_.method->ranks_by_maturity() && !at.score) {
    diags_.Error(file, {1, 1}, std::string("method ") + config_.method->name() + " needs a 'score' column");
    usable = false;
  }
  if (!usable) return std::nullopt;
  return at;
}

namespace {

// The largest level a table's `level` cell may give: far past any rubric's,
// and an int holds it (a larger whole number is refused, not cast).
constexpr double kMaxLevelValue = 1e6;

// Eligible tier ids, separated by ';'.
std::vector<std::string> TierIds(const std::string& cell) {
  std::vector<std::string> ids;
  std::string item;
  for (char ch : cell + ";") {
    if (ch != ';') {
      item += ch;
    } else {
      if (!item.empty()) ids.push_back(item);
      item.clear();
    }
  }
  return ids;
}

}  // namespace

void RankingInputBuilder::AddTable(const CsvTable& table) {
  const std::optional<TableColumns> at = FindColumns(table);
  if (!at) return;
  int row_number = 1;
  for (const auto& row : table.rows) AddTableRow(table, *at, row, ++row_number);
}

void RankingInputBuilder::AddTableRow(const CsvTable& table, const TableColumns& at,
                                      const std::vector<CsvCell>& row, int row_number) {
  const std::string& file = table.file;
  const SourcePos pos = row.front().pos;
  RankingCandidate c;
  c.file = file;
  c.name = at.name ? row[*at.name].text : "";
  c.id = at.code ? row[*at.code].text : c.name;
  if (c.id.empty()) c.id = "row " + std::to_string(row_number);
  c.town = at.town ? row[*at.town].text : "";
  c.industry = at.industry ? row[*at.industry].text : "";
  if (at.level && !row[*at.level].text.empty()) {
    auto v = ParseRankingValue(row[*at.level].text);
    if (!v || *v != std::floor(*v) || std::fabs(*v) > kMaxLevelValue) {
      diags_.Error(file, row[*at.level].pos,
                   DescribeCandidate(c) + ": level must be an integer, got '" + row[*at.level].text + "'");
      return;
    }
    c.level = static_cast<int>(*v);
  }
  if (at.score && !row[*at.score].text.empty()) c.maturity = ParseRankingValue(row[*at.score].text);
  if (at.tiers) c.tiers = TierIds(row[*at.tiers].text);
  if (!Keep(c, file, pos)) {
    ++input_.excluded;
    return;
  }
  bool ok = true;
  if (config_.method && config_.method->ranks_by_maturity() && !c.maturity) {
    diags_.Error(file, row[*at.score].pos,
                 DescribeCandidate(c) + ": 'score' must be a number, got '" + row[*at.score].text + "'");
    ok = false;
  }
  std::vector<double> values;
  for (size_t j = 0; j < at.values.size(); ++j) {
    const CsvCell& cell = row[*at.values[j]];
    std::optional<double> v = ParseRankingValue(cell.text);
    if (!v) {
      Missing(j, file, cell.pos,
              DescribeCandidate(c) + ": criterion '" + config_.criteria[j].id +
                  "' needs a number in column '" + table.header[*at.values[j]].text + "', got " +
                  (cell.text.empty() ? "nothing" : "'" + cell.text + "'"));
      ok = false;
    }
    values.push_back(v.value_or(0));
  }
  if (ok) Add(std::move(c), values, pos);
}

std::optional<CohortTable> ReadCohortTable(const CsvTable& table, Diagnostics& diags) {
  const auto& skip = CandidateProfileColumns();
  std::vector<size_t> columns;
  CohortTable out;
  for (size_t c = 0; c < table.header.size(); ++c) {
    if (std::find(skip.begin(), skip.end(), table.header[c].text) != skip.end()) continue;
    columns.push_back(c);
    out.criteria.push_back(table.header[c].text);
  }
  bool ok = true;
  if (columns.empty()) {
    diags.Error(table.file, {1, 1}, "no criterion columns (every column is a profile column)");
    ok = false;
  }
  if (table.rows.size() < 2) {
    diags.Error(table.file, table.end,
                "need at least 2 rows of values, found " + std::to_string(table.rows.size()));
    ok = false;
  }
  out.values.resize(static_cast<Eigen::Index>(table.rows.size()),
                    static_cast<Eigen::Index>(columns.size()));
  for (size_t r = 0; r < table.rows.size(); ++r) {
    for (size_t j = 0; j < columns.size(); ++j) {
      const CsvCell& cell = table.rows[r][columns[j]];
      auto v = ParseRankingValue(cell.text);
      if (!v) {
        diags.Error(table.file, cell.pos,
                    "column '" + out.criteria[j] + "': expected a number, got " +
                        (cell.text.empty() ? "nothing" : "'" + cell.text + "'"));
        ok = false;
      }
      out.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(j)) = v.value_or(0);
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace fa
