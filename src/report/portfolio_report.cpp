// The district portfolio's view (progress, levels, tiers, rounds) and its
// renderer over templates/portfolio.html.
#include "report/portfolio_report.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "base/text.h"
#include "base/utf8.h"
#include "base/version.h"
#include "report/report_renderer.h"
#include "report/effect_view.h"
#include "report/view_context.h"
#include "report/svg_charts.h"

namespace fa {

namespace {

// The portfolio's context: the Portfolio, the report's options, and the
// names of levels and tiers.
struct PortfolioContext : ViewContext {
  PortfolioContext(const Portfolio& portfolio, const PortfolioOptions& options)
      : ViewContext(options.lang, options.district), p(portfolio), o(options) {}

  const Portfolio& p;
  const PortfolioOptions& o;

  /// "Level 3", or "below level 1" for 0.
  std::string LevelNumber(int level) const {
    return level <= 0 ? L("pf_below_level1") : FillText("pf_level_n", {{"n", std::to_string(level)}});
  }
  /// The rubric's name of a level; "" when it has none.
  std::string LevelName(int level) const {
    for (const auto& l : p.rubric.levels)
      if (l.level == level) return T(l.name);
    return "";
  }
  std::string TierName(int index) const {
    if (index < 0 || index >= static_cast<int>(p.tiers.size())) return L("pf_none");
    const PortfolioTier& t = p.tiers[static_cast<size_t>(index)];
    return TOr(t.name, t.id);
  }
  std::string Score(double s) const { return FormatFixed(s, 2); }
};

std::vector<EscapedView> Cells(const std::vector<int>& counts) {
  std::vector<EscapedView> cells;
  for (int n : counts) {
    EscapedView cell;
    cell.Int("n", n).Flag("zero", n == 0);
    cells.push_back(cell);
  }
  return cells;
}

EscapedView GroupRow(const PortfolioContext& c, const PortfolioGroup& g, ChoiceList list) {
  EscapedView row;
  row.Text("name", g.name.empty() ? c.L("pf_unknown_group") : c.Named(list, g.name))
      .Int("factories", g.factories)
      .List("levels", Cells(g.per_level))
      .List("tiers", Cells(g.per_tier))
      .Int("smart", g.smart)
      .Flag("smart_zero", g.smart == 0)
      .Text("mean", g.factories ? c.Score(g.score_sum / g.factories) : c.L("pf_none"));
  return row;
}

std::vector<EscapedView> GroupRows(const PortfolioContext& c, const std::vector<PortfolioGroup>& groups,
                                   ChoiceList list) {
  std::vector<EscapedView> rows;
  for (const auto& g : groups) rows.push_back(GroupRow(c, g, list));
  return rows;
}

// One table of counts: per town or per industry, of levels or of tiers.
EscapedView Table(const PortfolioContext& c, const std::string& title, const std::string& head,
                  const std::vector<PortfolioGroup>& groups, bool tiers) {
  const ChoiceList list = head == "pf_col_town" ? ChoiceList::kTown : ChoiceList::kIndustry;
  EscapedView t;
  t.Markup("title", c.L(title)).Markup("group_head", c.L(head)).List("rows", GroupRows(c, groups, list)).Flag("tiers", tiers);
  return t;
}

// The year and month of an ISO date ("2026-11-27"); nullopt when malformed.
std::optional<std::pair<int, int>> YearMonth(const std::string& date) {
  if (date.size() < 7 || date[4] != '-') return std::nullopt;
  try {
    return std::make_pair(std::stoi(date.substr(0, 4)), std::stoi(date.substr(5, 2)));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

EscapedView BuildProgress(const PortfolioContext& c, const std::string& date) {
  const Portfolio& p = c.p;
  EscapedView v;
  v.Flag("has_rule", p.has_rule);
  if (!p.has_rule) {
    v.Markup("lead", c.L("pf_progress_no_rule"));
    return v;
  }
  const int smart = p.district.smart, target = std::max(c.o.target, 1);
  const int remaining = std::max(target - smart, 0);
  std::map<std::string, std::string> values = {{"smart", std::to_string(smart)},
                                               {"target", std::to_string(target)},
                                               {"year", std::to_string(c.o.target_year)},
                                               {"remaining", std::to_string(remaining)},
                                               {"percent", FormatFixed(100.0 * smart / target, 1) + "%"}};
  v.Markup("lead", c.Fill(remaining == 0 ? "pf_progress_met" : "pf_progress_lead", values))
      .Int("smart", smart)
      .Int("target", target)
      .Int("remaining", remaining)
      .Markup("kpi_target", c.Fill("pf_kpi_target", values))
      .Markup("caption", c.Fill("pf_progress_caption", values))
      .Markup("fill", FormatFixed(std::min(100.0, 100.0 * smart / target), 1));
  if (auto ym = YearMonth(date); ym && remaining > 0 && ym->first <= c.o.target_year) {
    const double years = (c.o.target_year + 1) - (ym->first + (ym->second - 1) / 12.0);
    values["years"] = FormatFixed(years, 1);
    values["per_year"] = std::to_string(static_cast<int>(std::ceil(remaining / years)));
    v.Markup("pace", c.Fill("pf_progress_pace", values));
  }
  if (p.rule_tier >= 0) {
    const std::string scheme = c.TOr(p.tier_scheme_title, p.tier_scheme);
    v.Markup("rule", c.Fill("pf_rule_tier", {{"tier", c.TierName(p.rule_tier)}, {"scheme", scheme}}));
  } else {
    std::string level = c.LevelNumber(p.rule_level);
    if (!c.LevelName(p.rule_level).empty())
      level += c.lang == "en" ? " (" + c.LevelName(p.rule_level) + ")" : "（" + c.LevelName(p.rule_level) + "）";
    v.Markup("rule", c.Fill("pf_rule_level", {{"level", level}}));
  }
  return v;
}

EscapedView BuildChanges(const PortfolioContext& c) {
  const Portfolio& p = c.p;
  EscapedView v;
  const int count = static_cast<int>(p.changes.size());
  v.Int("count", count);
  double delta = 0;
  std::vector<EscapedView> rows;
  for (const auto& ch : p.changes) {
    const Assessment &b = *ch.before, &a = *ch.after;
    const double d = a.score - b.score;
    delta += d;
    EscapedView row;
    row.Text("name", a.factory.name.empty() ? c.L("pf_none") : a.factory.name)
        .Text("credit_code", a.factory.credit_code)
        .Text("town", a.factory.town.empty() ? c.L("pf_none") : c.Named(ChoiceList::kTown, a.factory.town))
        .Text("round_before", b.round.empty() ? b.date : b.round)
        .Text("round_after", a.round.empty() ? a.date : a.round)
        .Text("level_before", c.LevelNumber(b.level))
        .Text("level_after", c.LevelNumber(a.level))
        .Flag("up", a.level > b.level)
        .Flag("down", a.level < b.level)
        .Text("score_before", c.Score(b.score))
        .Text("score_after", c.Score(a.score))
        .Text("delta", (d >= 0 ? "+" : "−") + c.Score(std::fabs(d)))
        .Flag("delta_up", d > 0.005)
        .Flag("delta_down", d < -0.005)
        .Text("tier_before", c.TierName(ch.tier_before))
        .Text("tier_after", c.TierName(ch.tier_after));
    rows.push_back(row);
  }
  v.List("rows", rows);
  if (count > 0) {
    const double mean = delta / count;
    v.Markup("lead", c.Fill("pf_changes_lead", {{"count", std::to_string(count)},
                                                {"up", std::to_string(p.moved_up)},
                                                {"same", std::to_string(p.unchanged)},
                                                {"down", std::to_string(p.moved_down)},
                                                {"delta", (mean >= 0 ? "+" : "−") + c.Score(std::fabs(mean))}}));
  } else {
    v.Markup("lead", c.L("pf_changes_none"));
  }
  // The transition matrix: rows the level before, columns the level after.
  std::vector<EscapedView> matrix;
  for (size_t b = 0; b < p.transitions.size(); ++b) {
    std::vector<EscapedView> cells;
    for (size_t a = 0; a < p.transitions[b].size(); ++a) {
      const int n = p.transitions[b][a];
      EscapedView cell;
      cell.Int("n", n).Flag("zero", n == 0).Text("kind", a == b ? "diag" : a > b ? "up" : "down");
      cells.push_back(cell);
    }
    EscapedView row;
    row.Text("label", c.LevelNumber(static_cast<int>(b))).List("cells", cells);
    matrix.push_back(row);
  }
  v.List("matrix", matrix);
  std::vector<EscapedView> rounds;
  for (const auto& r : p.rounds) {
    EscapedView row;
    row.Text("round", r.round.empty() ? c.L("pf_no_round") : r.round)
        .Int("assessments", r.assessments)
        .Int("smart", r.smart)
        .Text("mean", c.Score(r.score_sum / std::max(r.assessments, 1)));
    rounds.push_back(row);
  }
  v.List("rounds", rounds).Flag("has_rule", p.has_rule);
  return v;
}

/// A provider of the above-scale list by its name in the catalogue when the
/// report has one and knows the id; else as the list writes it.
std::string ProviderName(const PortfolioContext& c, const std::string& id) {
  if (id.empty()) return c.L("pf_duty_unassigned");
  if (c.o.providers)
    if (const Provider* p = c.o.providers->Find(id)) return c.T(p->name);
  return id;
}

std::string DutyShare(int part, int whole) { return FormatFixed(whole > 0 ? 100.0 * part / whole : 0, 1) + "%"; }

// One table of the duty's groups: by town, industry, provider or consultant.
EscapedView DutyTable(const PortfolioContext& c, const char* title, const char* head,
                      const std::vector<DutyGroup>& groups, const std::function<std::string(const std::string&)>& name) {
  std::vector<EscapedView> rows;
  for (const DutyGroup& g : groups) {
    EscapedView row;
    row.Text("name", name(g.name))
        .Int("listed", g.listed)
        .Int("diagnosed", g.diagnosed)
        .Int("in_progress", g.in_progress)
        .Int("not_yet", g.not_yet)
        .Flag("not_yet_zero", g.not_yet == 0)
        .Text("share", DutyShare(g.diagnosed, g.listed));
    rows.push_back(row);
  }
  EscapedView t;
  t.Markup("title", c.L(title)).Markup("head", c.L(head)).List("rows", rows);
  return t;
}

/// The manufacturers of the list not yet diagnosed shown on the page; the
/// workbook holds them all.
constexpr size_t kDutyRowsShown = 100;

EscapedView BuildDuty(const PortfolioContext& c) {
  EscapedView v;
  if (!c.p.duty) return v;
  const DutyCoverage& d = *c.p.duty;
  const DutyGroup& all = d.district;
  v.Flag("shown", true);
  const std::map<std::string, std::string> values = {{"listed", std::to_string(all.listed)},
                                                     {"diagnosed", std::to_string(all.diagnosed)},
                                                     {"in_progress", std::to_string(all.in_progress)},
                                                     {"not_yet", std::to_string(all.not_yet)},
                                                     {"percent", DutyShare(all.diagnosed, all.listed)}};
  v.Markup("lead", c.Fill(all.diagnosed == all.listed ? "pf_duty_met" : "pf_duty_lead", values))
      .Int("listed", all.listed)
      .Int("diagnosed", all.diagnosed)
      .Int("in_progress", all.in_progress)
      .Int("not_yet", all.not_yet)
      .Markup("fill", FormatFixed(all.listed ? 100.0 * all.diagnosed / all.listed : 0, 1))
      .Markup("fill_progress", FormatFixed(all.listed ? 100.0 * all.in_progress / all.listed : 0, 1))
      .Markup("caption", c.Fill("pf_duty_caption", values));
  auto town = [&](const std::string& id) { return id.empty() ? c.L("pf_unknown_group") : c.Named(ChoiceList::kTown, id); };
  auto industry = [&](const std::string& id) {
    return id.empty() ? c.L("pf_unknown_group") : c.Named(ChoiceList::kIndustry, id);
  };
  auto provider = [&](const std::string& id) { return ProviderName(c, id); };
  auto consultant = [&](const std::string& name) { return name.empty() ? c.L("pf_duty_unassigned") : name; };
  std::vector<EscapedView> tables = {DutyTable(c, "pf_duty_by_town", "pf_col_town", d.by_town, town),
                                     DutyTable(c, "pf_duty_by_industry", "pf_col_industry", d.by_industry, industry)};
  if (d.has_provider)
    tables.push_back(DutyTable(c, "pf_duty_by_provider", "pf_duty_col_provider", d.by_provider, provider));
  if (d.has_consultant)
    tables.push_back(DutyTable(c, "pf_duty_by_consultant", "pf_duty_col_consultant", d.by_consultant, consultant));
  v.List("tables", tables);
  std::vector<EscapedView> todo;
  size_t open = 0;
  for (const DutyFactory& f : d.factories) {
    if (f.status == DutyStatus::kDiagnosed) continue;
    if (open++ >= kDutyRowsShown) continue;
    EscapedView row;
    row.Text("name", f.entry.name.empty() ? f.entry.credit_code : f.entry.name)
        .Text("credit_code", f.entry.name.empty() ? "" : f.entry.credit_code)
        .Text("town", town(f.entry.town))
        .Text("industry", industry(f.entry.industry))
        .Text("provider", provider(f.entry.provider))
        .Text("consultant", consultant(f.entry.consultant))
        .Text("status", c.L(std::string("pf_duty_status_") + DutyStatusId(f.status)))
        .Flag("in_progress", f.status == DutyStatus::kInProgress);
    todo.push_back(row);
  }
  v.List("todo", todo)
      .Flag("has_provider", d.has_provider)
      .Flag("has_consultant", d.has_consultant);
  if (open > kDutyRowsShown) v.Markup("todo_more", c.Fill("pf_duty_todo_more", {{"more", std::to_string(open - kDutyRowsShown)}}));
  if (!d.not_listed.empty()) {
    std::vector<std::string> names(d.not_listed.begin(),
                                   d.not_listed.begin() + static_cast<long>(std::min<size_t>(d.not_listed.size(), 20)));
    std::string joined = Join(names, c.L("name_sep"));
    if (d.not_listed.size() > names.size()) joined += c.L("pf_duty_and_more");
    v.Markup("not_listed", c.Fill("pf_duty_not_listed", {{"count", std::to_string(d.not_listed.size())},
                                                         {"names", joined}}));
  }
  v.Markup("method", c.Fill("pf_duty_method", {{"list", d.file}}));
  return v;
}

// The effect of services per provider, when measured.
EscapedView BuildEffect(const PortfolioContext& c) {
  EscapedView v;
  const ServiceEffect* effect = c.o.effect;
  v.Flag("shown", effect != nullptr);
  if (!effect) return v;
  std::vector<std::pair<const EffectGroup*, std::string>> groups;
  for (const auto& g : effect->providers) {
    const Provider* p = c.o.providers ? c.o.providers->Find(g.provider) : nullptr;
    groups.emplace_back(&g, p ? c.TOr(p->name, p->id) : g.provider);
  }
  v.Text("head", c.L("pf_col_provider"))
      .List("rows", EffectRows(c, *effect, groups))
      .Flag("has", !groups.empty())
      .Flag("example", effect->example)
      .Markup("method", EffectMethod(c, effect->options));
  return v;
}

}  // namespace

EscapedView BuildPortfolioView(const Portfolio& p, const PortfolioOptions& options) {
  const PortfolioContext c(p, options);
  const std::string title = options.title.empty() ? c.L("pf_default_title") : options.title;
  // The local day of the stamp: a report generated at 01:00 in Shanghai is
  // dated that day, not the day before as the stamp's UTC date would say.
  const std::string date = !options.date.empty() ? options.date : LocalIsoDay(options.generated_at, options.zone).substr(0, 10);
  const std::string program = options.program_version.empty() ? ProgramVersion() : options.program_version;
  const std::string rubric_title = c.TOr(p.rubric.title, p.rubric.id);
  std::vector<EscapedView> level_heads, tier_heads;
  for (int l = 0; l <= p.top_level; ++l) {
    EscapedView h;
    h.Text("num", c.LevelNumber(l)).Text("name", l > 0 ? c.LevelName(l) : "");
    level_heads.push_back(h);
  }
  std::vector<std::string> tier_names;
  for (int t = 0; t < static_cast<int>(p.tiers.size()); ++t) tier_names.push_back(c.TierName(t));
  // The break opportunity is a <wbr>, not the U+200B it marks: a heading
  // copied from the page carries no invisible character.
  for (const std::string& name : BreakInSharedEnding(tier_names)) {
    const size_t at = name.find("\u200b");
    EscapedView h;
    if (at == std::string::npos)
      h.Text("name", name);
    else
      h.Markup("name", HtmlEscape(name.substr(0, at)) + "<wbr>" + HtmlEscape(name.substr(at + 3)));
    tier_heads.push_back(h);
  }
  EscapedView cover;
  cover.Text("title", title)
      .Text("date", date)
      .Text("rubric", rubric_title)
      .Int("factories", p.district.factories)
      .Int("assessments", p.assessments)
      .Text("xlsx_href", options.xlsx_href);
  EscapedView method;
  method.Markup("rubric", c.Fill("pf_method_rubric", {{"rubric", rubric_title}, {"id", p.rubric.id}, {"version", p.rubric.version}}))
      .Markup("target", c.Fill("pf_method_target", {{"target", std::to_string(options.target)},
                                                    {"year", std::to_string(options.target_year)}}));
  EscapedView provenance;
  provenance.Text("program", program).Text("generated_at", StampWithZone(options.generated_at, options.zone, options.lang));
  EscapedView v = c.BeginPage({c.L("pf_report_title"), title, title, date});
  v.Child("cover", cover)
      .Child("progress", BuildProgress(c, date))
      .Child("duty", BuildDuty(c))
      .Int("reassessed", static_cast<int>(p.changes.size()))
      .Int("colspan_levels", p.top_level + 1)
      .List("level_heads", level_heads)
      .List("tier_heads", tier_heads)
      .Flag("has_tiers", !p.tiers.empty())
      .Flag("has_rule", p.has_rule)
      .Child("district", GroupRow(c, p.district, ChoiceList::kTown))  // its name is the district's own
      .List("level_tables", {Table(c, "pf_by_town", "pf_col_town", p.by_town, false),
                             Table(c, "pf_by_industry", "pf_col_industry", p.by_industry, false)})
      .List("tier_tables", {Table(c, "pf_by_town", "pf_col_town", p.by_town, true),
                            Table(c, "pf_by_industry", "pf_col_industry", p.by_industry, true)})
      .Child("changes", BuildChanges(c))
      .Child("effect", BuildEffect(c))
      .Child("method", method)
      .Child("provenance", provenance);
  return v;
}

PortfolioReportRenderer::PortfolioReportRenderer(const PortfolioOptions& options)
    : TemplateRenderer(options, "portfolio.html", BuildPortfolioView) {}

std::string RenderPortfolioReport(const Portfolio& portfolio, const PortfolioOptions& options) {
  return PortfolioReportRenderer(options).Render(portfolio);
}

}  // namespace fa
