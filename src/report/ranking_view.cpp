// The ranking report's view, part one: the shared context, and the summary
// — its sentences and the leaders' chart (ranking_view_parts.h).
#include <algorithm>
#include <cctype>
#include <cmath>

#include "base/text.h"
#include "report/ranking_report.h"
#include "report/ranking_view_parts.h"
#include "report/svg_charts.h"
#include "report/svg_rank_intervals.h"

namespace fa {

RankingContext::RankingContext(const Ranking& ranking, const RankingReportOptions& options)
    : ViewContext(options.lang, options.district), r(ranking), o(options) {
  n = static_cast<int>(r.candidates.size());
  select = std::min(std::max(r.stability.select, 1), std::max(n, 1));
  stable = r.stability_computed;
  for (const auto& rc : r.candidates) stable = stable && rc.stability.has_value();
  method_label = L(r.method.label);
  value_label = L(r.method.value_label);
  common_ = CommonValues();
}

std::string RankingContext::Name(const RankedCandidate& c) const {
  if (!c.candidate.name.empty()) return c.candidate.name;
  if (!c.candidate.id.empty()) return c.candidate.id;
  return L("rk_none");
}

std::string RankingContext::Value(double v) const {
  return FormatFixed(v, r.method.value_digits);
}

std::string RankingContext::TierName(const std::string& id) const {
  auto it = r.tier_names.find(id);
  return it == r.tier_names.end() ? id : TOr(it->second, id);
}

std::string RankingContext::Interval(const CandidateStability& s) const {
  if (s.rank_p5 == s.rank_p95) return std::to_string(s.rank_p5);
  return std::to_string(s.rank_p5) + "–" + std::to_string(s.rank_p95);
}

std::map<std::string, std::string> RankingContext::CommonValues() const {
  // In an English sentence the value's name is a common noun: "closeness 0.81".
  std::string in_sentence = value_label;
  if (lang == "en" && !in_sentence.empty()) in_sentence[0] = static_cast<char>(std::tolower(in_sentence[0]));
  return {{"value_label", in_sentence},
          {"select", std::to_string(select)},
          {"samples", std::to_string(r.stability.samples)},
          {"kappa", FormatNumber(r.stability.kappa)}};
}

namespace {

// A candidate is "borderline" when its selection depends on the weights.
bool Borderline(const CandidateStability& s) { return s.p_top_n >= 0.10 && s.p_top_n <= 0.90; }

constexpr size_t kMaxSentences = 20;

// How many candidates are secure (in the top N in more than 95% of the
// samples) and how many borderline.
struct Certainty {
  int secure = 0;
  int borderline = 0;
};

Certainty CountCertainty(const RankingContext& c) {
  Certainty n;
  if (c.stable)
    for (const auto& rc : c.r.candidates) {
      n.secure += rc.stability->p_top_n > 0.95 ? 1 : 0;
      n.borderline += Borderline(*rc.stability) ? 1 : 0;
    }
  return n;
}

// A line of markup, as the partial's lists show it.
EscapedView Line(const std::string& markup) {
  EscapedView line;
  line.Markup("text", markup);
  return line;
}

// The names of the candidates ranked `rank`, joined ("A、B" / "A, B").
std::string NamesAt(const RankingContext& c, int rank) {
  std::vector<std::string> names;
  for (const auto& rc : c.r.candidates)
    if (rc.rank == rank) names.push_back(c.Name(rc));
  return Join(names, c.L("rk_name_sep"));
}

// The sentence on the gap between the N-th and the next candidate, by their
// ranks; when they are tied, that the tie straddles the cut-off.
std::string CutoffSentence(const RankingContext& c) {
  const RankedCandidate& at = c.r.candidates[static_cast<size_t>(c.select) - 1];
  const RankedCandidate& after = c.r.candidates[static_cast<size_t>(c.select)];
  if (at.rank == after.rank)
    return c.Fill("rk_lead_cutoff_tied", {{"n", std::to_string(at.rank)},
                                          {"names", NamesAt(c, at.rank)},
                                          {"value_n", c.Value(at.value)},
                                          {"select", std::to_string(c.select)}});
  return c.Fill("rk_lead_cutoff", {{"n", std::to_string(at.rank)},
                                   {"n1", std::to_string(after.rank)},
                                   {"name_n", c.Name(at)},
                                   {"value_n", c.Value(at.value)},
                                   {"name_n1", c.Name(after)},
                                   {"value_n1", c.Value(after.value)},
                                   {"gap", c.Value(at.value - after.value)}});
}

// The opening paragraphs: who leads, by how much and how sure that is; the
// gap at the cut-off; how many are secure. `values` gains the leader's figures.
std::vector<EscapedView> LeadParagraphs(const RankingContext& c, const Certainty& certainty,
                                        std::map<std::string, std::string>& values) {
  const auto& cs = c.r.candidates;
  const RankedCandidate& first = cs[0];
  values["name"] = c.Name(first);
  values["value"] = c.Value(first.value);
  if (cs.size() >= 2) {
    values["second"] = c.Name(cs[1]);
    values["margin"] = c.Value(first.value - cs[1].value);
  }
  const bool tied_first = cs.size() >= 2 && cs[1].rank == 1;
  if (tied_first) values["names"] = NamesAt(c, 1);
  std::string lead =
      c.Fill(tied_first ? "rk_lead_tied" : cs.size() >= 2 ? "rk_lead_leader" : "rk_lead_alone", values) + " ";
  std::string secure;
  if (c.stable) {
    values["p1"] = Percent(first.stability->top_rank_acceptability);
    values["interval"] = c.Interval(*first.stability);
    lead += c.Fill("rk_lead_stability", values);
    values["secure"] = std::to_string(certainty.secure);
    values["borderline"] = std::to_string(certainty.borderline);
    secure = c.Fill("rk_lead_secure", values);
  } else {
    lead += c.L(c.r.method.uses_weights ? "rk_lead_no_stability" : "rk_lead_no_weights");
  }
  std::vector<EscapedView> paragraphs = {Line(lead)};
  if (c.n > c.select) paragraphs.push_back(Line(CutoffSentence(c)));
  if (!secure.empty()) paragraphs.push_back(Line(secure));
  return paragraphs;
}

// A sentence per leader — every candidate ranked N or better, so a tie at
// rank N lists all of its members: rank, interval, P(top N).
std::vector<EscapedView> LeaderLines(const RankingContext& c) {
  const auto& cs = c.r.candidates;
  std::vector<EscapedView> leaders;
  size_t leading = 0;
  while (leading < cs.size() && cs[leading].rank <= c.select) ++leading;
  for (size_t i = 0; i < leading && i < kMaxSentences; ++i) {
    auto lv = c.Common();
    lv["name"] = c.Name(cs[i]);
    lv["rank"] = std::to_string(cs[i].rank);
    lv["value"] = c.Value(cs[i].value);
    if (c.stable) {
      const CandidateStability& s = *cs[i].stability;
      lv["interval"] = c.Interval(s);
      lv["median"] = std::to_string(s.rank_median);
      lv["ptop"] = Percent(s.p_top_n);
      lv["p1"] = Percent(s.top_rank_acceptability);
    }
    EscapedView line;
    line.Markup("text", c.Fill(c.stable ? "rk_leader_line" : "rk_leader_line_plain", lv))
        .Flag("uncertain", c.stable && Borderline(*cs[i].stability));
    leaders.push_back(line);
  }
  if (leading > kMaxSentences)
    leaders.push_back(Line(c.Fill("rk_more_lines", {{"n", std::to_string(leading - kMaxSentences)}})));
  return leaders;
}

// The figure of the leading candidates' rank intervals (markup, "" without
// stability).
std::string LeadersChart(const RankingContext& c) {
  if (!c.stable || c.n < 2) return "";
  RankIntervalChart chart;
  chart.title = c.L("rk_chart_title");
  chart.legend = c.L("rk_chart_legend");
  chart.cutoff = c.n > c.select ? c.select : 0;
  // The selection and as many again (at least ten rows, at most thirty).
  const size_t rows = std::min<size_t>(c.r.candidates.size(), std::clamp<size_t>(2 * static_cast<size_t>(c.select), 10, 30));
  for (size_t i = 0; i < rows; ++i) {
    const RankedCandidate& rc = c.r.candidates[i];
    const CandidateStability& s = *rc.stability;
    chart.rows.push_back({c.Name(rc), rc.rank, s.rank_p5, s.rank_median, s.rank_p95, rc.rank <= c.select});
  }
  return RankIntervalChartSvg(chart);
}

// Candidates whose selection depends on the weights, in rank order.
std::vector<EscapedView> UncertainLines(const RankingContext& c, const Certainty& certainty) {
  std::vector<EscapedView> uncertain;
  if (!c.stable) return uncertain;
  for (const auto& rc : c.r.candidates) {
    if (!Borderline(*rc.stability) || uncertain.size() >= kMaxSentences) continue;
    auto uv = c.Common();
    uv["name"] = c.Name(rc);
    uv["rank"] = std::to_string(rc.rank);
    uv["interval"] = c.Interval(*rc.stability);
    uv["ptop"] = Percent(rc.stability->p_top_n);
    uncertain.push_back(Line(c.Fill("rk_uncertain_line", uv)));
  }
  const int more = certainty.borderline - static_cast<int>(uncertain.size());
  if (more > 0) uncertain.push_back(Line(c.Fill("rk_more_lines", {{"n", std::to_string(more)}})));
  return uncertain;
}

}  // namespace

EscapedView BuildRankingSummary(const RankingContext& c) {
  const Certainty certainty = CountCertainty(c);
  EscapedView v;
  v.Int("ranked", c.n).Int("excluded", c.r.excluded).Int("select", c.select).Flag("stable", c.stable);
  v.Int("secure", certainty.secure).Markup("leaders_chart", LeadersChart(c));
  if (c.r.candidates.empty()) return v;
  auto values = c.Common();
  v.List("leads", LeadParagraphs(c, certainty, values)).List("leaders", LeaderLines(c));
  v.Markup("leaders_title", c.Fill("rk_leaders_title", values)).List("uncertain", UncertainLines(c, certainty));
  if (c.stable) v.Markup("uncertain_none", c.Fill("rk_uncertain_none", values));
  return v;
}

}  // namespace fa
