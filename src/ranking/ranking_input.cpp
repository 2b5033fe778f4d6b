// Ranking input from assessments and scored cohort rows (ranking_input.h):
// candidates made, filtered and gathered; the CSV tables are read in
// ranking_input_table.cpp.
#include "ranking/ranking_input.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/text.h"
#include "ranking/ranking_input_parts.h"

namespace fa {

namespace {

constexpr int kMissingReported = 5;

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
  return ParseRankingValue(it->second);
}

}  // namespace

std::optional<double> ParseRankingValue(const std::string& text) {
  double v = 0;
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (begin != end && *begin == '+') ++begin;
  auto [ptr, ec] = std::from_chars(begin, end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string DescribeCandidate(const RankingCandidate& c) {
  std::string out = "candidate '" + c.id + "'";
  if (!c.name.empty() && c.name != c.id) out += " (" + c.name + ")";
  return out;
}

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
      diags_.Error(file, pos, DescribeCandidate(c) + ": no level, which the min_level filter needs");
      return false;
    case FilterVerdict::kNoTiers:
      diags_.Error(file, pos, DescribeCandidate(c) + ": no tier verdicts, which the tier filter needs "
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
    diags_.Error(c.file, pos, DescribeCandidate(c) + " is given twice");
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
                 DescribeCandidate(c) + " was assessed against rubric '" + f.rubric +
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
    auto who = [&] { return DescribeCandidate(c) + ": criterion '" + k.id + "'"; };  // made only when needed
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

}  // namespace fa
