// Internal to the diagnosis report view (report_view*.cpp): the context the
// section builders share, their declarations and the table of sections.
// Not for use elsewhere.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/local_time.h"
#include "report/escaped_view.h"
#include "report/report_sections.h"
#include "report/report_options.h"
#include "report/view_context.h"
#include "assessment/assessment.h"

namespace fa {

/// The diagnosis report's context: the Assessment, its level rule, and
/// look-ups of its criteria, nodes and scenarios.
struct DiagnosisContext : ViewContext {
  DiagnosisContext(const Assessment& assessment, const std::string& language, const TimeZone& time_zone,
                   std::shared_ptr<const District> names = nullptr, Appendix appendix_shown = Appendix::kGaps,
                   int horizon_year = kDefaultHorizon);
  DiagnosisContext(const DiagnosisContext&) = delete;  // scenarios_ points into catalogue_
  DiagnosisContext& operator=(const DiagnosisContext&) = delete;

  const Assessment& a;
  const TimeZone& zone;  ///< dates and times are shown in it
  Appendix appendix;     ///< what the appendix lists
  bool gated;  ///< the gated level rule (else points)
  bool sum;    ///< sum aggregation: scores are points
  int horizon;       ///< the roadmap's plan runs to the end of this year
  std::string band;  ///< the factory's size band id; "" when unknown
  /// The providers to match the factory with (null: none) and how.
  std::shared_ptr<const ProviderCatalogue> providers;
  MatchOptions match;

  /// The figures of scenario `id`: the district's, else the catalogue's;
  /// null when neither gives any.
  const ScenarioFigures* Figures(const std::string& id) const;
  /// The investment range of `f` for the factory's band (unknown: the span
  /// over every band).
  FigureRange Invest(const ScenarioFigures& f) const;
  /// True when the district's file gives the figures of `id`.
  bool FiguresOverridden(const std::string& id) const;
  /// The catalogue name of scenario `id`, "" when unknown (never the id).
  std::string ScenarioName(const std::string& id) const;

  /// Raw display name of a level: the rubric's name, "Level n", or
  /// "below level 1" for 0.
  std::string LevelName(int level) const;
  const CriterionResult* Criterion(const std::string& id) const;
  const NodeResult* Node(const std::string& id) const;
  /// A node's title, else its id.
  std::string NodeTitle(const NodeResult& n) const { return TOr(n.title, n.id); }
  /// A criterion's text, else its id.
  std::string CriterionText(const std::string& id) const;
  /// A criterion's answer as shown: its label, else its canonical text.
  std::string AnswerText(const CriterionResult& c) const;
  /// "low|medium|high" as a label, else the raw value.
  std::string Grade(const std::string& value) const;
  /// The recommendation of scenario `id`, when the Assessment has one.
  const Recommendation* Scenario(const std::string& id) const;
  /// Effective score s_l of the whole factory (null: nothing applies).
  std::optional<double> LevelScore(int level) const;
  int TopLevel() const { return a.rubric.levels.empty() ? 0 : a.rubric.levels.back().level; }

 private:
  std::map<std::string, const CriterionResult*> criteria_;
  std::map<std::string, const NodeResult*> nodes_;
  std::map<std::string, const Recommendation*> scenarios_;
  /// Catalogue scenarios that are not recommendations (yet), as rows.
  std::deque<Recommendation> catalogue_;
};

/// The compact figures of a recommendation card (report_view_costs.cpp):
/// cost, duration, KPIs with ranges, prerequisites by name; `has` false
/// when the scenario has no figures.
EscapedView CostView(const DiagnosisContext& c, const std::string& scenario);
/// "50–300 万元" / "CNY 0.5–3 m" for a range in 万元.
std::string CostText(const DiagnosisContext& c, const FigureRange& r);

/// Points with at most two decimals and no trailing zeros: "27.9", "3".
std::string Points(double points);
/// An effect as shown: gated, percentage points of a level score ("+12.5");
/// points rubrics, points ("+8").
std::string EffectText(const DiagnosisContext& c, double effect);

/// The rows of the gap table: every requirement of the minimal set, then
/// the largest other effects up to a limit per level group
/// (report_view_gap.cpp); `hidden` counts the gap's other items, which the
/// appendix lists instead.
struct GapTable {
  std::vector<const GapItem*> shown;
  size_t hidden = 0;
};
GapTable GapTableRows(const DiagnosisContext& c);

/// A points band requirement in words in c.lang, as markup (a version-1
/// text that did not convert: that text, escaped).
std::string DescribeBandRequirement(const DiagnosisContext& c, const BandRequirement& r);
/// A tag's display name: its label "tag_NAME" when there is one, else NAME.
std::string TagName(const DiagnosisContext& c, const std::string& tag);

/// The sections in reading order (report_view_sections.cpp).
const std::vector<ReportSection<DiagnosisContext>>& DiagnosisSections();

/// The sections' builders, each in its own file (report_view_<section>.cpp;
/// levels and method in report_view_levels.cpp).
SectionBuilder<DiagnosisContext> BuildSummaryView, BuildProfileView, BuildTiersView, BuildLevelsView,
    BuildNodesView, BuildCohortView, BuildScenesView, BuildGapView, BuildRoadmapView, BuildProvidersView,
    BuildMethodView, BuildAppendixView;

/// The ladder SVG of the summary.
std::string BuildLadderSvg(const DiagnosisContext& c);
/// The summary's "next three things to do" and what they achieve.
EscapedView BuildNextStepsView(const DiagnosisContext& c);

}  // namespace fa
