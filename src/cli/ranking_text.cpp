#include "cli/ranking_text.h"

#include <algorithm>

#include "base/text.h"
#include "base/utf8.h"
#include "assessment/ranking_json.h"

namespace fa {

namespace {

std::string Percent(double share) { return FormatFixed(100 * share, 1) + "%"; }

std::string FilterText(const Ranking& r) {
  std::vector<std::string> parts;
  if (!r.filters.towns.empty()) parts.push_back("town: " + Join(r.filters.towns, ", "));
  if (!r.filters.industries.empty())
    parts.push_back("industry: " + Join(r.filters.industries, ", "));
  if (r.filters.min_level) parts.push_back("min_level: " + std::to_string(*r.filters.min_level));
  return Join(parts, "; ");
}

std::string MethodText(const Ranking& r) { return r.method.name + ": " + r.method.summary; }

std::string WeightsText(const Ranking& r) {
  if (r.weights_from == "none") return "none (method score)";
  if (r.weights_from == "equal") return "equal";
  if (r.weights_from == "given") return "as given in the config, normalised to sum 1";
  if (!r.ahp) return r.weights_from;
  const AhpSummary& a = *r.ahp;
  return "AHP (" + a.method + "), lambda_max " + FormatFixed(a.lambda_max, 4) + ", CI " +
         FormatFixed(a.ci, 4) + ", RI " + FormatFixed(a.ri, 4) + " (" + a.ri_table + "), CR " +
         FormatFixed(a.cr, 4) + (a.consistent ? " <= " : " > ") + FormatNumber(a.max_cr) +
         (a.consistent ? ": consistent" : ": inconsistent");
}

}  // namespace

std::string Truncate(const std::string& text, int width) {
  if (DisplayWidth(text) <= width) return text;
  return std::string(WidthPrefix(text, width - 1)) + "…";
}

std::string TextTable::Render(const std::string& indent) const {
  std::vector<int> widths(right_.size(), 0);
  for (const auto& row : rows_)
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
  std::string out;
  for (const auto& row : rows_) {
    std::string line = indent;
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      std::string pad(static_cast<size_t>(widths[c] - DisplayWidth(row[c])), ' ');
      if (c > 0) line += "  ";
      line += right_[c] ? pad + row[c] : row[c] + pad;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

namespace {

// The criteria with their weights, directions and sources.
std::string CriteriaText(const Ranking& r, const std::string& lang) {
  if (r.criteria.empty()) return "";
  TextTable criteria({false, true, false, false});
  criteria.AddRow({"criterion", "weight", "direction", "source"});
  for (const auto& c : r.criteria) {
    std::string name = c.title.empty() ? c.id : c.id + " (" + c.title.In(lang) + ")";
    criteria.AddRow({name, r.weights_from == "none" ? "-" : Percent(c.weight), c.cost ? "cost" : "benefit", c.source});
  }
  return "\n" + criteria.Render("  ");
}

// The stability settings and what the figures mean, or why there are none.
std::string StabilityText(const Ranking& r, const std::string& top_n) {
  if (!r.stability_computed)
    return "\nstability:  not computed (" +
           (!r.method.uses_weights ? "method " + r.method.name + " has no weights to vary"
            : r.stability.samples == 0 ? std::string("samples: 0")
                                       : std::string("fewer than 2 candidates")) +
           ")\n";
  return "\nstability:  " + std::to_string(r.stability.samples) +
         " samples of weights ~ Dirichlet(kappa * w), kappa = " + FormatNumber(r.stability.kappa) + ", seed " +
         std::to_string(r.stability.seed) + "\n" +
         "            interval: 5th-95th percentile rank; P(1st): share of samples ranked first;\n"
         "            " +
         top_n + ": share of samples in which it is among the first " + std::to_string(r.stability.select) + "\n";
}

// The cells whose column is shown.
template <typename T>
std::vector<T> Kept(const std::vector<T>& cells, const std::vector<bool>& shown) {
  std::vector<T> out;
  for (size_t k = 0; k < cells.size(); ++k)
    if (shown[k]) out.push_back(cells[k]);
  return out;
}

// "1st", "2nd", "3rd", "4th", "11th", "22nd".
std::string Ordinal(int n) {
  const int tens = n % 100, ones = n % 10;
  const char* suffix = tens >= 11 && tens <= 13 ? "th" : ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

// The tied groups under the table ("=2" in the rank column), all of them
// even when --limit cuts the table: "tied 2nd: A, B".
std::string TiesText(const Ranking& r) {
  std::vector<std::string> groups;
  for (size_t i = 0; i < r.candidates.size(); ++i) {
    const RankedCandidate& c = r.candidates[i];
    if (c.tied_with.empty() || (i > 0 && r.candidates[i - 1].rank == c.rank)) continue;
    std::vector<std::string> names;
    for (size_t j = i; j < r.candidates.size() && r.candidates[j].rank == c.rank; ++j)
      names.push_back(r.candidates[j].candidate.name.empty() ? r.candidates[j].candidate.id
                                                             : r.candidates[j].candidate.name);
    groups.push_back("  tied " + Ordinal(c.rank) + ": " + Join(names, ", ") + "\n");
  }
  if (groups.empty()) return "";
  return "\n  ties (=): equal " + std::string(r.method.value_heading) +
         (r.method.ranks_by_maturity ? " and level" : "") + ", so one rank; the next rank skips\n" +
         Join(groups, "");
}

// A candidate's cells: rank, name, credit code, town, industry, value,
// level, and with stability its interval, median, P(1st) and P(top N).
std::vector<std::string> CandidateRow(const Ranking& r, const RankedCandidate& c) {
  std::vector<std::string> row = {c.tied_with.empty() ? std::to_string(c.rank) : "=" + std::to_string(c.rank),
                                  Truncate(c.candidate.name.empty() ? c.candidate.id : c.candidate.name, 28),
                                  c.candidate.id == c.candidate.name ? "" : c.candidate.id,
                                  c.candidate.town,
                                  c.candidate.industry,
                                  FormatFixed(c.value, r.method.value_digits),
                                  c.candidate.level ? std::to_string(*c.candidate.level) : "-",
                                  "",
                                  "",
                                  "",
                                  ""};
  if (r.stability_computed && c.stability) {
    const CandidateStability& s = *c.stability;
    row[7] = s.rank_p5 == s.rank_p95 ? std::to_string(s.rank_p5)
                                     : std::to_string(s.rank_p5) + "-" + std::to_string(s.rank_p95);
    row[8] = std::to_string(s.rank_median);
    row[9] = Percent(s.top_rank_acceptability);
    row[10] = Percent(s.p_top_n);
  }
  return row;
}

// One row per candidate (the first `limit`; 0: all), without the columns
// every candidate leaves empty (a bare CSV table).
std::string CandidatesText(const Ranking& r, const std::string& top_n, int limit) {
  const bool stable = r.stability_computed;
  bool has_code = false, has_town = false, has_industry = false, has_level = false;
  for (const auto& c : r.candidates) {
    has_code = has_code || c.candidate.id != c.candidate.name;
    has_town = has_town || !c.candidate.town.empty();
    has_industry = has_industry || !c.candidate.industry.empty();
    has_level = has_level || c.candidate.level.has_value();
  }
  const std::vector<bool> shown_column = {true,      true,   has_code, has_town, has_industry, true,
                                          has_level, stable, stable,   stable,   stable};
  const std::vector<std::string> head = {"rank", "candidate", "credit code", "town", "industry", r.method.value_heading,
                                         "level", "interval", "median", "P(1st)", top_n};
  const std::vector<bool> right_aligned = {true, false, false, false, false, true, true, false, true, true, true};
  TextTable table(Kept(right_aligned, shown_column));
  table.AddRow(Kept(head, shown_column));
  const size_t shown = limit > 0 ? std::min(r.candidates.size(), static_cast<size_t>(limit)) : r.candidates.size();
  for (size_t i = 0; i < shown; ++i) table.AddRow(Kept(CandidateRow(r, r.candidates[i]), shown_column));
  std::string out = "\n" + table.Render("  ");
  out += TiesText(r);
  if (shown < r.candidates.size())
    out += "  … " + std::to_string(r.candidates.size() - shown) + " more (use --limit 0 to show all, or --json / --csv)\n";
  return out;
}

}  // namespace

std::string RankingToText(const Ranking& r, const std::string& lang, int limit) {
  std::string out = "ranking " + r.id;
  if (!r.title.empty()) out += ": " + r.title.In(lang);
  out += "\nmethod:     " + MethodText(r) + "\n";
  out += "candidates: " + std::to_string(r.candidates.size()) + " ranked";
  if (!r.filters.empty()) out += "; " + std::to_string(r.excluded) + " left out by filters (" + FilterText(r) + ")";
  out += "\nweights:    " + WeightsText(r) + "\n";
  out += CriteriaText(r, lang);
  const std::string top_n = "P(top " + std::to_string(r.stability.select) + ")";
  return out + StabilityText(r, top_n) + CandidatesText(r, top_n, limit);
}

}  // namespace fa
