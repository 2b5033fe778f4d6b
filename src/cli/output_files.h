// What the report-writing commands share at the file edge: the templates
// directory they read (--templates, else the installed one), and a rendered
// report written as HTML and/or printed to PDF through headless Chromium.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/args.h"
#include "rubric/district.h"

namespace fa {

/// The templates directory: --templates when given, else DefaultTemplatesDir().
std::string TemplatesDir(const Args& args);

/// The district whose names reports show: districts/jiading.yaml beside the
/// templates when it is there (report/report_renderer.h LoadReportDistrict).
/// Throws std::runtime_error with its problems when it does not load.
std::shared_ptr<const District> ReportDistrict(const std::string& templates_dir);

/// Writes `html_text` to `html` and/or prints it to `pdf` (through a
/// temporary HTML file beside the PDF when no `html` is asked for). Returns
/// "" or what went wrong (Chromium missing or failing).
std::string WriteHtmlAndPdf(const std::string& html_text, const std::optional<std::string>& html,
                            const std::optional<std::string>& pdf);

}  // namespace fa
