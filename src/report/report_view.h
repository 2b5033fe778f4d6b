// The view data of the diagnosis report, built from one Assessment: every
// section the template lays out, every string HTML-escaped and every number
// formatted here, so the template only arranges it (DESIGN.md §4).
// templates/diagnosis_report.html documents which fields it reads.
#pragma once

#include <string>
#include <vector>

#include "report/escaped_view.h"
#include "report/report_options.h"
#include "assessment/assessment.h"

namespace fa {

/// The whole view: header, profile, summary, method, level scores or bands,
/// node scores with the radar, gap, recommendations, appendix, provenance,
/// and `L`, every label in options.lang.
EscapedView BuildDiagnosisView(const Assessment& a, const ReportOptions& options);

/// The nodes the radar shows: the applicable top-level nodes, or those one
/// level down when fewer than three are at the top.
std::vector<const NodeResult*> RadarNodes(const Assessment& a);

/// Every report label in `lang` as one view object ("L" in templates),
/// built once and shared.
const EscapedView& LabelsView(const std::string& lang);

/// A CSS string body (for `content: "…"` in the running head): everything
/// but letters, digits, spaces and non-ASCII bytes as a hex escape, so no
/// quote, backslash or "</style" survives.
std::string CssString(const std::string& raw);

}  // namespace fa
