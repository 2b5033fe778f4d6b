// Internal to the diagnosis report view (report_view*.cpp): the context the
// section builders share and their declarations. Not for use elsewhere.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "report/escaped_view.h"
#include "report/report_labels.h"
#include "assessment/assessment.h"

namespace fa {

struct ViewContext {
  ViewContext(const Assessment& assessment, const std::string& language);
  ViewContext(const ViewContext&) = delete;  // scenarios_ points into catalogue_
  ViewContext& operator=(const ViewContext&) = delete;

  const Assessment& a;
  std::string lang;
  bool gated;  ///< the gated level rule (else points)
  bool sum;    ///< sum aggregation: scores are points

  std::string L(const std::string& key) const { return Label(key, lang); }
  std::string Fill(const std::string& key, const std::map<std::string, std::string>& values) const {
    return FillLabel(key, lang, values);
  }
  /// Unescaped, for text escaped later as a whole (SVG).
  std::string FillText(const std::string& key, const std::map<std::string, std::string>& values) const {
    return FillLabelText(key, lang, values);
  }
  const std::string& T(const LocalizedText& text) const { return text.In(lang); }
  /// Raw display name of a level: the rubric's name, "Level n", or
  /// "below level 1" for 0.
  std::string LevelName(int level) const;
  const CriterionResult* Criterion(const std::string& id) const;
  const NodeResult* Node(const std::string& id) const;
  /// A node's title, else its id.
  std::string NodeTitle(const NodeResult& n) const { return T(n.title).empty() ? n.id : T(n.title); }
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

/// "72.5%" from 0.725.
std::string Percent(double fraction);
/// Points with at most two decimals and no trailing zeros: "27.9", "3".
std::string Points(double points);
/// An effect as shown: gated, percentage points of a level score ("+12.5");
/// points rubrics, points ("+8").
std::string EffectText(const ViewContext& c, double effect);

/// A points band requirement in words in c.lang, as markup (a version-1
/// text that did not convert: that text, escaped).
std::string DescribeBandRequirement(const ViewContext& c, const BandRequirement& r);
/// A tag's display name: its label "tag_NAME" when there is one, else NAME.
std::string TagName(const ViewContext& c, const std::string& tag);

EscapedView BuildMethodView(const ViewContext& c);
EscapedView BuildLevelsView(const ViewContext& c);
EscapedView BuildNodesView(const ViewContext& c);
/// The ladder SVG of the summary.
std::string BuildLadderSvg(const ViewContext& c);
EscapedView BuildGapView(const ViewContext& c);
EscapedView BuildTiersView(const ViewContext& c);
EscapedView BuildRoadmapView(const ViewContext& c);
/// The summary's "next three things to do" and what they achieve.
EscapedView BuildNextStepsView(const ViewContext& c);
EscapedView BuildCohortView(const ViewContext& c);
EscapedView BuildScenesView(const ViewContext& c);
std::vector<EscapedView> BuildAppendix(const ViewContext& c);

}  // namespace fa
