// What every report's renderer is: its template loaded once (with the
// partials of its sections), then rendered over the view its builder makes
// of each input — many reports, from several threads at once. Each report
// names its renderer after it (DiagnosisReportRenderer, RankingReportRenderer,
// PortfolioReportRenderer).
#pragma once

#include <string>
#include <vector>

#include "report/escaped_view.h"
#include "report/report_options.h"
#include "report/report_template.h"

namespace fa {

/// options.templates_dir, or DefaultTemplatesDir() when it is "".
std::string TemplatesDir(const ReportOptions& options);

template <typename Input, typename Options>
class TemplateRenderer {
 public:
  using ViewBuilder = EscapedView (*)(const Input& input, const Options& options);

  /// Loads `template_name` from the options' templates directory. Throws
  /// std::runtime_error naming the file when a template is missing or
  /// malformed.
  TemplateRenderer(const Options& options, const std::string& template_name, ViewBuilder build,
                   const std::vector<std::string>& sections = {})
      : options_(options), build_(build), template_(ReportTemplate::Load(TemplatesDir(options), template_name, sections)) {}

  std::string Render(const Input& input) const { return template_.Render(build_(input, options_)); }

 private:
  Options options_;
  ViewBuilder build_;
  ReportTemplate template_;
};

}  // namespace fa
