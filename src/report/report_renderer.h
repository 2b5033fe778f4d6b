// The diagnosis report as one self-contained HTML file (inline CSS and SVG,
// no script, no network, A4 print CSS) from an Assessment, rendered from
// templates/diagnosis_report.html (docs/reports.md).
#pragma once

#include <string>

#include "report/report_options.h"
#include "report/template_renderer.h"
#include "assessment/assessment.h"

namespace fa {

/// The templates directory: $FA_TEMPLATES_DIR when set; else templates/
/// beside the directory of the running binary (build/../templates); else
/// ./templates when it holds the diagnosis report; else the source tree's
/// templates/ when the build defines FA_SOURCE_TEMPLATES; else "templates".
std::string DefaultTemplatesDir();

/// The district file whose names reports show: `file`, or when it is "",
/// districts/jiading.yaml beside `templates_dir` (nothing when that does
/// not exist: values are then shown as stored). A file that does not load
/// puts its problems into `diags` and gives null.
std::shared_ptr<const District> LoadReportDistrict(const std::string& file, const std::string& templates_dir,
                                                   Diagnostics& diags);

/// Loads the templates once and renders many reports (a batch, a server).
class DiagnosisReportRenderer : public TemplateRenderer<Assessment, ReportOptions> {
 public:
  explicit DiagnosisReportRenderer(const ReportOptions& options);
};

/// The whole report. Throws std::runtime_error naming the file when a
/// template is missing or malformed.
std::string RenderDiagnosisReport(const Assessment& a, const ReportOptions& options);

}  // namespace fa
