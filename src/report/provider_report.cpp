// The provider page's view (report/provider_report.h) and its renderer over
// templates/provider.html.
#include "report/provider_report.h"

#include <algorithm>
#include <cmath>

#include "base/local_time.h"
#include "base/text.h"
#include "base/version.h"
#include "providers/matching.h"
#include "rubric/scenario_loader.h"
#include "report/effect_view.h"
#include "report/view_context.h"

namespace fa {

namespace {

struct ProviderContext : ViewContext {
  ProviderContext(const ProviderPage& page, const ProviderPageOptions& options)
      : ViewContext(options.lang, page.catalogue->district ? page.catalogue->district : options.district),
        pg(page),
        p(*page.provider) {}

  const ProviderPage& pg;
  const Provider& p;

  std::string Scenario(const std::string& id) const {
    if (pg.scenario_names) {
      auto it = pg.scenario_names->find(id);
      if (it != pg.scenario_names->end()) return TOr(it->second, id);
    }
    return id;
  }
  std::string Scenarios(const std::vector<std::string>& ids) const {
    std::vector<std::string> names;
    for (const auto& id : ids) names.push_back(Scenario(id));
    return Join(names, L("name_sep"));
  }
};

EscapedView BuildEffect(const ProviderContext& c) {
  EscapedView v;
  const ServiceEffect* effect = c.pg.effect;
  v.Flag("shown", effect != nullptr);
  if (!effect) return v;
  std::vector<std::pair<const EffectGroup*, std::string>> groups;
  const EffectGroup* all = ProviderGroup(*effect, c.p.id);
  if (all) groups.emplace_back(all, c.L("pv_all_scenarios"));
  for (const EffectGroup* g : ScenarioGroupsOf(*effect, c.p.id)) groups.emplace_back(g, c.Scenario(g->scenario));
  const EffectOptions& o = effect->options;
  v.Text("head", c.L("pv_col_scenario")).List("rows", EffectRows(c, *effect, groups)).Flag("has", !groups.empty()).Markup("method", EffectMethod(c, o));
  if (all && !all->suppressed)
    v.Markup("lead", c.Fill("pv_effect_lead", {{"n", std::to_string(all->measured.size())},
                                               {"level", SignedFixed(all->level.mean)},
                                               {"interval", c.Fill("pv_interval", {{"low", SignedFixed(all->level.low)}, {"high", SignedFixed(all->level.high)}})}}));
  else
    v.Markup("lead", c.Fill("pv_effect_lead_suppressed",
                            {{"measured", std::to_string(all ? all->measured.size() : 0)},
                             {"n", std::to_string(o.min_count)}}));
  return v;
}

// The engagements recorded for the provider, newest first as listed.
std::vector<EscapedView> BuildEngagements(const ProviderContext& c) {
  std::vector<EscapedView> rows;
  if (!c.pg.engagements) return rows;
  for (const auto& e : c.pg.engagements->engagements) {
    if (e.provider != c.p.id) continue;
    std::string status = c.L("pv_status_measured");
    if (c.pg.effect)
      for (const auto& u : c.pg.effect->unmeasured)
        if (u.engagement == &e)
          status = c.L(u.why == UnmeasuredEngagement::kNoFactory ? "pv_status_no_factory"
                       : u.why == UnmeasuredEngagement::kNoBefore ? "pv_status_no_before"
                                                                    : "pv_status_no_after");
    EscapedView row;
    row.Text("factory", e.factory.empty() ? e.credit_code : e.factory)
        .Text("credit_code", e.factory.empty() ? "" : e.credit_code)
        .Text("scenarios", c.Scenarios(e.scenarios))
        .Text("start", e.start)
        .Text("end", e.end)
        .Text("status", c.pg.effect ? status : "");
    rows.push_back(row);
  }
  return rows;
}

// Each factory's latest assessment whose needs the provider delivers some of.
std::vector<EscapedView> BuildCovered(const ProviderContext& c) {
  std::vector<EscapedView> rows;
  if (!c.pg.assessments) return rows;
  std::map<std::string, const Assessment*> latest;
  for (const auto& a : *c.pg.assessments) {
    const std::string key = !a.factory.credit_code.empty() ? "c:" + a.factory.credit_code : "n:" + a.factory.name;
    const Assessment*& slot = latest[key];
    if (!slot || std::tie(slot->round, slot->date) <= std::tie(a.round, a.date)) slot = &a;
  }
  std::vector<std::pair<double, EscapedView>> found;
  for (const auto& [key, a] : latest) {
    const std::vector<ScenarioNeed> needs = NeedsOf(*a);
    const Coverage cov = CoverageOf(c.p, needs);
    if (cov.scenarios.empty()) continue;
    EscapedView row;
    row.Text("factory", a->factory.name)
        .Text("town", a->factory.town.empty() ? "" : c.Named(ChoiceList::kTown, a->factory.town))
        .Int("level", a->level)
        .Text("scenarios", c.Scenarios(cov.scenarios))
        .Text("share", FormatFixed(cov.weight * 100, 0) + "%");
    found.emplace_back(cov.weight, row);
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  for (auto& [w, row] : found) rows.push_back(row);
  return rows;
}

}  // namespace

std::map<std::string, LocalizedText> ScenarioNamesOf(const ProviderCatalogue& catalogue) {
  std::map<std::string, LocalizedText> names;
  if (catalogue.scenarios_file.empty()) return names;
  Diagnostics ignored;
  if (auto scenarios = LoadScenarioCatalogue(catalogue.scenarios_file, ignored))
    for (const auto& s : scenarios->scenarios) names[s.id] = s.name;
  return names;
}

EscapedView BuildProviderView(const ProviderPage& page, const ProviderPageOptions& options) {
  const ProviderContext c(page, options);
  const Provider& p = c.p;
  const std::string name = c.TOr(p.name, p.id);
  const std::string date = LocalIsoDay(options.generated_at, options.zone).substr(0, 10);
  std::vector<std::string> industries, recognitions;
  for (const auto& i : p.industries) industries.push_back(c.Named(ChoiceList::kIndustry, i));
  for (const auto& r : p.recognitions) recognitions.push_back(c.T(r));
  std::vector<std::string> scenarios;
  for (const auto& s : p.scenarios) scenarios.push_back(c.Scenario(s));
  EscapedView entry;
  entry.Text("name", name)
      .Text("catalogue", c.TOr(page.catalogue->title, page.catalogue->id))
      .Text("credit_code", p.credit_code)
      .Text("town", c.Named(ChoiceList::kTown, p.town))
      .Text("contact", p.contact)
      .Int("capacity", p.capacity)
      .Int("spare", p.Spare())
      .Text("diagnoses", c.L(p.diagnoses ? "pv_yes" : "pv_no"))
      .TextList("scenarios", scenarios)
      .Text("industries", industries.empty() ? c.L("pv_none") : Join(industries, c.L("name_sep")))
      .TextList("recognitions", recognitions);
  const std::vector<EscapedView> engagements = BuildEngagements(c);
  const std::vector<EscapedView> covered = BuildCovered(c);
  EscapedView provenance;
  provenance.Text("program", options.program_version.empty() ? ProgramVersion() : options.program_version)
      .Text("generated_at", StampWithZone(options.generated_at, options.zone, options.lang));
  EscapedView v = c.BeginPage({c.L("pv_report_title"), name, name, date});
  v.Child("entry", entry)
      .Flag("example", page.catalogue->example || (page.engagements && page.engagements->example))
      .Text("back_href", options.back_href)
      .Flag("has_engagement_file", page.engagements != nullptr)
      .List("engagements", engagements)
      .Flag("has_engagements", !engagements.empty())
      .Flag("has_status", page.effect != nullptr)
      .Child("effect", BuildEffect(c))
      .Flag("has_assessments", page.assessments && !page.assessments->empty())
      .List("covered", covered)
      .Flag("has_covered", !covered.empty())
      .Child("provenance", provenance);
  return v;
}

ProviderReportRenderer::ProviderReportRenderer(const ProviderPageOptions& options)
    : TemplateRenderer(options, "provider.html", BuildProviderView) {}

std::string RenderProviderReport(const ProviderPage& page, const ProviderPageOptions& options) {
  return ProviderReportRenderer(options).Render(page);
}

}  // namespace fa
