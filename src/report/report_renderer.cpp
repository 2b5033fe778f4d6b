#include "report/report_renderer.h"

#include <Poco/File.h>

#include <cstdlib>

#include "report/report_view.h"

namespace fa {

namespace {

constexpr const char* kDiagnosisTemplate = "diagnosis_report.html";

bool HoldsDiagnosisTemplate(const std::string& dir) {
  try {
    return Poco::File(dir + "/" + kDiagnosisTemplate).exists();
  } catch (const Poco::Exception&) {
    return false;
  }
}

std::string TemplatesDir(const ReportOptions& options) {
  return options.templates_dir.empty() ? DefaultTemplatesDir() : options.templates_dir;
}

}  // namespace

std::string DefaultTemplatesDir() {
  if (const char* env = std::getenv("FA_TEMPLATES_DIR"); env && *env) return env;
  if (HoldsDiagnosisTemplate("templates")) return "templates";
#ifdef FA_SOURCE_TEMPLATES
  if (HoldsDiagnosisTemplate(FA_SOURCE_TEMPLATES)) return FA_SOURCE_TEMPLATES;
#endif
  return "templates";
}

DiagnosisReportRenderer::DiagnosisReportRenderer(const ReportOptions& options)
    : options_(options), template_(ReportTemplate::Load(TemplatesDir(options), kDiagnosisTemplate)) {}

std::string DiagnosisReportRenderer::Render(const Assessment& a) const {
  return template_.Render(BuildDiagnosisView(a, options_));
}

std::string RenderDiagnosisReport(const Assessment& a, const ReportOptions& options) {
  return DiagnosisReportRenderer(options).Render(a);
}

}  // namespace fa
