#include "cli/output_files.h"

#include <stdexcept>

#include <Poco/Path.h>

#include <optional>

#include "base/atomic_file.h"
#include "base/env.h"
#include "base/text.h"
#include "report/pdf_printer.h"
#include "report/report_renderer.h"

namespace fa {

TimeZone TimeZoneOption(const Args& args, std::string& problem) {
  const std::string name = args.Value("--tz").value_or(DefaultTimeZoneName());
  try {
    return TimeZone::Parse(name);
  } catch (const std::invalid_argument& e) {
    problem = std::string(args.Value("--tz") ? "--tz" : "$FA_TZ") + ": " + e.what();
    return TimeZone();
  }
}

std::string TemplatesDir(const Args& args) {
  auto given = args.Value("--templates");
  return given && !given->empty() ? *given : DefaultTemplatesDir();
}

std::shared_ptr<const District> ReportDistrict(const std::string& templates_dir) {
  Diagnostics diags;
  std::shared_ptr<const District> d = LoadReportDistrict("", templates_dir, diags);
  if (diags.HasErrors()) throw std::runtime_error("the district file does not load:\n" + diags.Format());
  return d;
}

std::string WriteHtmlAndPdf(const std::string& html_text, const std::optional<std::string>& html,
                            const std::optional<std::string>& pdf) {
  if (html) WriteFile(*html, html_text);
  if (!pdf) return "";
  std::optional<TempDir> scratch;  // the HTML Chromium reads when only a PDF is wanted
  if (!html) scratch.emplace("fa-pdf");
  const std::string source = html ? *html : scratch->File("report.html");
  if (!html) WriteFile(source, html_text);
  std::string problem;
  try {
    PdfPrinter().Print(Poco::Path(source).absolute().toString(), *pdf);
  } catch (const PdfError& e) {
    problem = e.what();
  }
  return problem;
}

}  // namespace fa
