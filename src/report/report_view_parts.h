// Internal to the diagnosis report view (report_view*.cpp): the context the
// section builders share and their declarations. Not for use elsewhere.
#pragma once

#include <map>
#include <string>

#include "report/escaped_view.h"
#include "report/report_labels.h"
#include "scoring/assessment.h"

namespace fa {

struct ViewContext {
  ViewContext(const Assessment& assessment, const std::string& language);

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
  /// A criterion's answer as shown: its label, else its canonical text.
  std::string AnswerText(const CriterionResult& c) const;
  /// "low|medium|high" as a label, else the raw value.
  std::string Grade(const std::string& value) const;

 private:
  std::map<std::string, const CriterionResult*> criteria_;
  std::map<std::string, const NodeResult*> nodes_;
};

/// "72.5%" from 0.725.
std::string Percent(double fraction);
/// Points with at most two decimals and no trailing zeros: "27.9", "3".
std::string Points(double points);

EscapedView BuildMethodView(const ViewContext& c);
EscapedView BuildLevelsView(const ViewContext& c);
EscapedView BuildNodesView(const ViewContext& c);
/// The ladder SVG of the summary.
std::string BuildLadderSvg(const ViewContext& c);
EscapedView BuildGapView(const ViewContext& c);
std::vector<EscapedView> BuildRecommendationsView(const ViewContext& c);

}  // namespace fa
