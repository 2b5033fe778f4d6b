// The view data of the diagnosis report, built from one Assessment: every
// section the template lays out, every string HTML-escaped and every number
// formatted here, so the template only arranges it (docs/reports.md).
// templates/diagnosis_report.html documents which fields it reads.
#pragma once

#include <string>
#include <vector>

#include "report/escaped_view.h"
#include "report/report_options.h"
#include "assessment/assessment.h"

namespace fa {

/// The whole view: the page frame (view_context.h), the cover ("header"),
/// "provenance", and every section of the report's table
/// (report_view_sections.cpp): summary, profile, tiers, level scores, node
/// scores with the radar, cohort, scenes, gap, roadmap, method, appendix.
EscapedView BuildDiagnosisView(const Assessment& a, const ReportOptions& options);

/// The nodes the radar shows: the applicable top-level nodes, or those one
/// level down when fewer than three are at the top.
std::vector<const NodeResult*> RadarNodes(const Assessment& a);

/// The partials of the report's sections in reading order: what
/// <? sections ?> in templates/diagnosis_report.html stands for.
std::vector<std::string> DiagnosisSectionPartials();

}  // namespace fa
