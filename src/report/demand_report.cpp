// The demand map's view (summary, unmet demand, scenarios, events) and its
// renderer over templates/demand.html.
#include "report/demand_report.h"

#include "base/text.h"
#include "base/version.h"
#include "report/view_context.h"

namespace fa {

namespace {

struct DemandContext : ViewContext {
  DemandContext(const DemandMap& map, const DemandReportOptions& options)
      : ViewContext(options.lang, options.district), m(map), o(options) {}
  const DemandMap& m;
  const DemandReportOptions& o;

  std::string Weighted(double w) const { return FormatFixed(w, 2); }
  std::string Place(ChoiceList list, const std::string& id) const { return id.empty() ? L("dm_unknown") : Named(list, id); }
  /// Town or industry and its count of factories, the first `limit`
  /// shares, then how many more.
  std::string Shares(const std::vector<DemandShare>& shares, ChoiceList list, size_t limit = 3) const {
    std::vector<std::string> parts;
    for (const auto& s : shares)
      if (parts.size() < limit)
        parts.push_back(FillText("dm_share", {{"name", Place(list, s.id)}, {"n", std::to_string(s.factories)}}));
    if (shares.size() > limit) parts.push_back(FillText("dm_more", {{"n", std::to_string(shares.size() - limit)}}));
    return Join(parts, L("dm_name_sep"));
  }
  std::string ProviderNames(const std::vector<const Provider*>& providers) const {
    std::vector<std::string> names;
    for (const Provider* p : providers) names.push_back(T(p->name));
    return names.empty() ? L("dm_none_delivers") : Join(names, L("dm_name_sep"));
  }
};

EscapedView ScenarioRow(const DemandContext& c, const ScenarioDemand& d, int rank) {
  EscapedView row;
  row.Int("rank", rank)
      .Text("name", c.TOr(d.name, d.scenario))
      .Int("factories", d.factories)
      .Text("weighted", c.Weighted(d.weighted))
      .Text("effect", FormatFixed(d.effect, 2))
      .Text("towns", c.Shares(d.by_town, ChoiceList::kTown))
      .Text("industries", c.Shares(d.by_industry, ChoiceList::kIndustry))
      .Int("provider_count", static_cast<long long>(d.providers.size()))
      .Text("providers", c.ProviderNames(d.providers))
      .Int("spare", d.spare)
      .Int("unmet", d.unmet)
      .Flag("short", d.unmet > 0)
      .Flag("nobody", d.providers.empty());
  return row;
}

EscapedView EventView(const DemandContext& c, const DemandEvent& e, int n) {
  std::vector<EscapedView> factories, providers;
  for (const Assessment* a : e.factories) {
    EscapedView f;
    f.Text("name", a->factory.name)
        .Text("town", c.Place(ChoiceList::kTown, a->factory.town))
        .Text("industry", c.Place(ChoiceList::kIndustry, a->factory.industry));
    factories.push_back(f);
  }
  for (const Provider* p : e.providers) {
    EscapedView v;
    v.Text("name", c.T(p->name))
        .Text("town", c.Place(ChoiceList::kTown, p->town))
        .Int("spare", p->Spare())
        .Text("contact", p->contact);
    providers.push_back(v);
  }
  std::vector<std::string> towns;
  for (const auto& t : e.towns) towns.push_back(c.Named(ChoiceList::kTown, t));
  EscapedView v;
  v.Markup("title", c.Fill("dm_event_n", {{"n", std::to_string(n)}, {"name", c.TOr(e.name, e.scenario)}}))
      .Markup("meta", c.Fill("dm_event_meta", {{"count", std::to_string(e.factories.size())},
                                               {"towns", Join(towns, c.L("dm_name_sep"))}}))
      .List("factories", factories)
      .List("providers", providers);
  return v;
}

// A table of demand rows (templates/partials/demand_table.html), with the
// providers' supply or without.
EscapedView Table(const std::string& head, const std::vector<EscapedView>& rows, bool supply) {
  EscapedView t;
  t.Markup("head", head).List("rows", rows).Flag("supply", supply);
  return t;
}

}  // namespace

EscapedView BuildDemandView(const DemandMap& m, const DemandReportOptions& options) {
  const DemandContext c(m, options);
  const std::string title = options.title.empty() ? c.L("dm_default_title") : options.title;
  const std::string date =
      !options.date.empty() ? options.date : LocalIsoDay(options.generated_at, options.zone).substr(0, 10);
  const std::string program = options.program_version.empty() ? ProgramVersion() : options.program_version;
  EscapedView cover;
  cover.Text("title", title)
      .Text("date", date)
      .Text("rubric", c.TOr(m.rubric.title, m.rubric.id))
      .Text("catalogue", c.TOr(options.catalogue_title, m.catalogue))
      .Int("factories", m.factories)
      .Int("with_needs", m.with_needs)
      .Text("xlsx_href", options.xlsx_href);
  EscapedView summary;
  summary.Int("scenarios", static_cast<long long>(m.scenarios.size()))
      .Int("unmet", static_cast<long long>(m.attract.size()))
      .Int("events", static_cast<long long>(m.events.size()))
      .Markup("lead", m.scenarios.empty()
                          ? c.L("dm_no_needs")
                          : c.Fill("dm_summary_lead", {{"factories", std::to_string(m.factories)},
                                                       {"with_needs", std::to_string(m.with_needs)},
                                                       {"scenarios", std::to_string(m.scenarios.size())},
                                                       {"unmet", std::to_string(m.attract.size())}}));
  std::vector<EscapedView> attract, scenarios, capabilities, events;
  int rank = 0;
  for (size_t i : m.attract) attract.push_back(ScenarioRow(c, m.scenarios[i], ++rank));
  rank = 0;
  for (const auto& d : m.scenarios) scenarios.push_back(ScenarioRow(c, d, ++rank));
  rank = 0;
  for (const auto& d : m.capabilities) capabilities.push_back(ScenarioRow(c, d, ++rank));
  for (const auto& e : m.events) events.push_back(EventView(c, e, static_cast<int>(events.size()) + 1));
  std::vector<std::string> unplanned;
  for (const Assessment* a : m.unplanned) unplanned.push_back(a->factory.name);
  EscapedView provenance;
  provenance.Text("program", program).Text("generated_at", StampWithZone(options.generated_at, options.zone, options.lang));
  EscapedView v = c.BeginPage({c.L("dm_report_title"), title, title, date});
  v.Child("cover", cover)
      .Flag("example", m.example)
      .Child("summary", summary)
      .List("attract", attract)
      .List("scenario_tables", {Table(c.L("dm_col_scenario"), scenarios, true)})
      .List("capability_tables", capabilities.empty() ? std::vector<EscapedView>{}
                                                      : std::vector<EscapedView>{Table(c.L("dm_col_capability"),
                                                                                       capabilities, m.sub_domains_match)})
      .Markup("capability_note", m.sub_domains_match ? "" : c.L("dm_capabilities_no_supply"))
      .List("events", events)
      .Markup("events_intro", c.Fill("dm_events_intro", {{"invitations", std::to_string(m.options.invitations)},
                                                         {"min", std::to_string(m.options.min_event)}}))
      .Markup("unplanned", unplanned.empty() ? "" : c.Fill("dm_unplanned", {{"names", Join(unplanned, c.L("dm_name_sep"))}}))
      .Child("provenance", provenance);
  return v;
}

DemandReportRenderer::DemandReportRenderer(const DemandReportOptions& options)
    : TemplateRenderer(options, "demand.html", BuildDemandView) {}

std::string RenderDemandReport(const DemandMap& map, const DemandReportOptions& options) {
  return DemandReportRenderer(options).Render(map);
}

}  // namespace fa
