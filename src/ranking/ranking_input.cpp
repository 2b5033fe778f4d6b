#include "ranking/ranking_input.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/text.h"

namespace fa {

namespace {

constexpr int kMissingReported = 5;

std::optional<double> ParseValue(const std::string& text) {
  double v = 0;
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (begin != end && *begin == '+') ++begin;
  auto [ptr, ec] = std::from_chars(begin, end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string Describe(const RankingCandidate& c) {
  std::string out = "candidate '" + c.id + "'";
  if (!c.name.empty() && c.name != c.id) out += " (" + c.name + ")";
  return out;
}

bool Listed(const std::vector<std::string>& list, const std::string& value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

const NodeResult* FindNode(const Assessment& a, const std::string& id) {
  for (const auto& node : a.nodes)
    if (node.id == id) return &node;
  return nullptr;
}

std::optional<double> ProfileValue(const FactoryProfile& p, const std::string& field) {
  if (field == "employees") return p.employees;
  if (field == "revenue") return p.revenue;
  auto it = p.extra.find(field);
  if (it == p.extra.end()) return std::nullopt;
  return ParseValue(it->second);
}

}  // namespace

const std::vector<std::string>& CandidateProfileColumns() {
  static const std::vector<std::string> columns = {"credit_code", "name",  "town",
                                                   "industry",    "level", "score", "tiers"};
  return columns;
}

RankingInputBuilder::RankingInputBuilder(const RankingConfig& config, Diagnostics& diags)
    : config_(config), diags_(diags), missing_(config.criteria.size(), 0) {}

bool RankingInputBuilder::Keep(const RankingCandidate& c, const std::string& file, SourcePos pos) {
  towns_.insert(c.town);
  industries_.insert(c.industry);
  switch (ApplyFilters(config_.filters, c)) {
    case FilterVerdict::kKept: return true;
    case FilterVerdict::kLeftOut: return false;
    case FilterVerdict::kNoLevel:
      diags_.Error(file, pos, Describe(c) + ": no level, which the min_level filter needs");
      return false;
    case FilterVerdict::kNoTiers:
      diags_.Error(file, pos, Describe(c) + ": no tier verdicts, which the tier filter needs "
                              "(assess against a rubric with a tier scheme, or give a 'tiers' column)");
      return false;
  }
  return false;
}

void RankingInputBuilder::Missing(size_t criterion, const std::string& file, SourcePos pos,
                                  const std::string& message) {
  if (++missing_[criterion] <= kMissingReported) diags_.Error(file, pos, message);
}

void RankingInputBuilder::Reserve(size_t candidates) {
  input_.candidates.reserve(input_.candidates.size() + candidates);
  rows_.reserve(rows_.size() + candidates * config_.criteria.size());
  ids_.reserve(ids_.size() + candidates);
}

void RankingInputBuilder::Add(RankingCandidate c, const std::vector<double>& values,
                              SourcePos pos) {
  auto [it, fresh] = ids_.emplace(c.id, std::make_pair(input_.candidates.size(), pos));
  if (!fresh) {
    diags_.Error(c.file, pos, Describe(c) + " is given twice");
    diags_.Note(input_.candidates[it->second.first].file, it->second.second, "first given here");
    return;
  }
  input_.candidates.push_back(std::move(c));
  rows_.insert(rows_.end(), values.begin(), values.end());
}

RankingCandidate CandidateOf(const Assessment& a, const std::string& file) {
  RankingCandidate c;
  c.id = a.factory.credit_code.empty() ? a.factory.name : a.factory.credit_code;
  c.name = a.factory.name;
  c.town = a.factory.town;
  c.industry = a.factory.industry;
  c.level = a.level;
  c.maturity = a.score;
  c.file = file;
  if (!a.tier_scheme.empty()) {
    c.tiers.emplace();
    for (const auto& v : a.tiers)
      if (v.eligible) c.tiers->push_back(v.tier);
  }
  return c;
}

FilterVerdict ApplyFilters(const RankingFilters& f, const RankingCandidate& c) {
  if (!Listed(f.towns, c.town) || !Listed(f.industries, c.industry)) return FilterVerdict::kLeftOut;
  if (f.min_level) {
    if (!c.level) return FilterVerdict::kNoLevel;
    if (*c.level < *f.min_level) return FilterVerdict::kLeftOut;
  }
  if (!f.tiers.empty()) {
    if (!c.tiers) return FilterVerdict::kNoTiers;
    bool eligible = false;
    for (const auto& t : *c.tiers) eligible = eligible || Listed(f.tiers, t);
    if (!eligible) return FilterVerdict::kLeftOut;
  }
  return FilterVerdict::kKept;
}

void RankingInputBuilder::AddAssessments(const std::vector<Assessment>& assessments,
                                         const std::string& file) {
  for (const Assessment& a : assessments) AddAssessment(a, file);
}

void RankingInputBuilder::AddAssessment(const Assessment& a, const std::string& file) {
  for (const auto& v : a.tiers) input_.tier_names.emplace(v.tier, v.name);
  const ScoredFactory f{a.rubric.id, a.factory, a.score, a.level,
                        [&a](const std::string& id) -> std::optional<NodeValue> {
                          const NodeResult* node = FindNode(a, id);
                          if (!node) return std::nullopt;
                          return NodeValue{node->applicable, node->score};
                        },
                        [&a] {
                          std::vector<std::string> ids;
                          for (const auto& n : a.nodes) ids.push_back(n.id);
                          return ids;
                        }};
  AddScored(CandidateOf(a, file), f);
}

void RankingInputBuilder::AddTierNames(const TierScheme& scheme) {
  for (const Tier& t : scheme.tiers) input_.tier_names.emplace(t.id, t.name);
}

void RankingInputBuilder::AddScored(RankingCandidate c, const ScoredFactory& f) {
  const std::string& file = c.file;  // c is moved only at the end
  if (!config_.rubric.empty() && f.rubric != config_.rubric) {
    diags_.Error(file, {},
                 Describe(c) + " was assessed against rubric '" + f.rubric +
                     "', the ranking is over rubric '" + config_.rubric + "'");
    return;
  }
  if (!Keep(c, file, {})) {
    ++input_.excluded;
    return;
  }
  std::vector<double>& values = values_;
  values.clear();
  bool ok = true;
  for (size_t j = 0; j < config_.criteria.size(); ++j) {
    const RankingCriterion& k = config_.criteria[j];
    auto who = [&] { return Describe(c) + ": criterion '" + k.id + "'"; };  // made only when needed
    std::optional<double> v;
    switch (k.source) {
      case CriterionSource::kScore:
        v = f.score;
        break;
      case CriterionSource::kLevel:
        v = f.level;
        break;
      case CriterionSource::kNode: {
        const std::optional<NodeValue> node = f.node(k.source_name);
        if (!node) {
          if (bad_sources_.insert(k.id).second)
            diags_.Error(config_.file, k.source_pos,
                         "criterion '" + k.id + "': rubric '" + f.rubric + "' has no node '" +
                             k.source_name + "'" + DidYouMean(k.source_name, f.node_ids()));
        } else if (!node->applicable) {
          Missing(j, file, {}, who() + ": node '" + k.source_name + "' does not apply to it");
        } else {
          v = node->score;
        }
        break;
      }
      case CriterionSource::kProfile:
        v = ProfileValue(f.factory, k.source_name);
        if (!v) Missing(j, file, {}, who() + ": no numeric profile field '" + k.source_name + "'");
        break;
      case CriterionSource::kColumn:
        if (bad_sources_.insert(k.id).second)
          diags_.Error(config_.file, k.source_pos,
                       "criterion '" + k.id + "': source '" + k.source_text +
                           "' reads a CSV column, but " + file + " holds assessments");
        break;
    }
    ok = ok && v.has_value();
    values.push_back(v.value_or(0));
  }
  if (ok) Add(std::move(c), values, {});
}

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
    auto v = ParseValue(row[*at.level].text);
    if (!v || *v != std::floor(*v)) {
      diags_.Error(file, row[*at.level].pos,
                   Describe(c) + ": level must be an integer, got '" + row[*at.level].text + "'");
      return;
    }
    c.level = static_cast<int>(*v);
  }
  if (at.score && !row[*at.score].text.empty()) c.maturity = ParseValue(row[*at.score].text);
  if (at.tiers) c.tiers = TierIds(row[*at.tiers].text);
  if (!Keep(c, file, pos)) {
    ++input_.excluded;
    return;
  }
  bool ok = true;
  if (config_.method && config_.method->ranks_by_maturity() && !c.maturity) {
    diags_.Error(file, row[*at.score].pos,
                 Describe(c) + ": 'score' must be a number, got '" + row[*at.score].text + "'");
    ok = false;
  }
  std::vector<double> values;
  for (size_t j = 0; j < at.values.size(); ++j) {
    const CsvCell& cell = row[*at.values[j]];
    std::optional<double> v = ParseValue(cell.text);
    if (!v) {
      Missing(j, file, cell.pos,
              Describe(c) + ": criterion '" + config_.criteria[j].id +
                  "' needs a number in column '" + table.header[*at.values[j]].text + "', got " +
                  (cell.text.empty() ? "nothing" : "'" + cell.text + "'"));
      ok = false;
    }
    values.push_back(v.value_or(0));
  }
  if (ok) Add(std::move(c), values, pos);
}

RankingInput RankingInputBuilder::Finish() {
  auto warn_unmatched = [&](const std::vector<std::string>& wanted,
                            const std::vector<SourcePos>& pos, const std::set<std::string>& seen,
                            const char* what) {
    std::vector<std::string> known(seen.begin(), seen.end());
    for (size_t i = 0; i < wanted.size(); ++i) {
      if (seen.count(wanted[i])) continue;
      // Chinese place names are often written without 镇 or 街道: a known
      // value that starts with the wanted one is the likeliest meaning.
      std::string hint = DidYouMean(wanted[i], known);
      for (const auto& k : known)
        if (hint.empty() && !wanted[i].empty() && k.rfind(wanted[i], 0) == 0)
          hint = ", did you mean '" + k + "'?";
      diags_.Warning(
          config_.file, pos[i],
          std::string("filters: ") + what + " '" + wanted[i] + "' matches no candidate" + hint);
    }
  };
  if (!ids_.empty() || input_.excluded > 0) {
    warn_unmatched(config_.filters.towns, config_.filters.town_pos, towns_, "town");
    warn_unmatched(config_.filters.industries, config_.filters.industry_pos, industries_,
                   "industry");
  }
  for (size_t j = 0; j < missing_.size(); ++j) {
    if (missing_[j] > kMissingReported)
      diags_.Error(config_.file, config_.criteria[j].source_pos,
                   "criterion '" + config_.criteria[j].id +
                       "': " + std::to_string(missing_[j] - kMissingReported) +
                       " more candidates lack a value");
  }
  const size_t k = config_.criteria.size();
  input_.values.resize(static_cast<Eigen::Index>(input_.candidates.size()), static_cast<Eigen::Index>(k));
  for (size_t i = 0; i < input_.candidates.size(); ++i)
    for (size_t j = 0; j < k; ++j)
      input_.values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = rows_[i * k + j];
  return std::move(input_);
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
      auto v = ParseValue(cell.text);
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
