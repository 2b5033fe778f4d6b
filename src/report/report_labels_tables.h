// Internal to report_labels*.cpp: the label tables, one per report part,
// that ReportLabels() joins. Keys are unique across all of them.
#pragma once

#include <vector>

#include "report/report_labels.h"

namespace fa {

const std::vector<ReportLabel>& DiagnosisLabels();
/// Tiers, cohort, scenes, roadmap and the next steps.
const std::vector<ReportLabel>& PlanLabels();
const std::vector<ReportLabel>& QuestionnaireLabels();
/// The commission's ranking report (rk_*) and district portfolio (pf_*).
const std::vector<ReportLabel>& RankingLabels();
const std::vector<ReportLabel>& PortfolioLabels();
/// The demand map of service providers (dm_*).
const std::vector<ReportLabel>& DemandLabels();
/// The provider page (pv_*).
const std::vector<ReportLabel>& ProviderPageLabels();

}  // namespace fa
