// What the report-writing commands share at the file edge: the templates
// directory they read (--templates, else the installed one), the time zone
// they show moments in (--tz), and a rendered
// report written as HTML and/or printed to PDF through headless Chromium.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/local_time.h"
#include "cli/args.h"
#include "rubric/district.h"

namespace fa {

/// The templates directory: --templates when given, else DefaultTemplatesDir().
std::string TemplatesDir(const Args& args);

/// The district whose names reports show: districts/jiading.yaml beside the
/// templates when it is there (report/report_renderer.h LoadReportDistrict).
/// Throws std::runtime_error with its problems when it does not load.
std::shared_ptr<const District> ReportDistrict(const std::string& templates_dir);
/// The zone pages and reports show moments in: --tz when given, else $FA_TZ,
/// else Asia/Shanghai (base/local_time.h). Sets `problem` when the zone is
/// neither a tz database name nor an offset like UTC+8.
TimeZone TimeZoneOption(const Args& args, std::string& problem);

/// Writes `html_text` to `html` and/or prints it to `pdf` (through a
/// temporary HTML file beside the PDF when no `html` is asked for). Returns
/// "" or what went wrong (Chromium missing or failing).
std::string WriteHtmlAndPdf(const std::string& html_text, const std::optional<std::string>& html,
                            const std::optional<std::string>& pdf);

}  // namespace fa
