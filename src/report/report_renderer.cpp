#include "report/report_renderer.h"

#include <filesystem>

#include <unistd.h>

#include <Poco/Exception.h>
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

}  // namespace

std::string TemplatesDir(const ReportOptions& options) {
  return options.templates_dir.empty() ? DefaultTemplatesDir() : options.templates_dir;
}

std::string DefaultTemplatesDir() {
  if (const char* env = std::getenv("FA_TEMPLATES_DIR"); env && *env) return env;
  // templates/ beside the directory holding the binary (build/ or bin/).
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    std::string dir(exe);
    for (int up = 0; up < 2 && dir.find('/') != std::string::npos; ++up) dir.erase(dir.rfind('/'));
    if (HoldsDiagnosisTemplate(dir + "/templates")) return dir + "/templates";
  }
  if (HoldsDiagnosisTemplate("templates")) return "templates";
#ifdef FA_SOURCE_TEMPLATES
  if (HoldsDiagnosisTemplate(FA_SOURCE_TEMPLATES)) return FA_SOURCE_TEMPLATES;
#endif
  return "templates";
}

std::shared_ptr<const District> LoadReportDistrict(const std::string& file, const std::string& templates_dir,
                                                   Diagnostics& diags) {
  std::string path = file;
  if (path.empty()) {
    path = (templates_dir.empty() ? DefaultTemplatesDir() : templates_dir) + "/../districts/jiading.yaml";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return nullptr;
  }
  std::optional<District> d = LoadDistrict(path, diags);
  return d ? std::make_shared<const District>(std::move(*d)) : nullptr;
}

DiagnosisReportRenderer::DiagnosisReportRenderer(const ReportOptions& options)
    : TemplateRenderer(options, kDiagnosisTemplate, BuildDiagnosisView, DiagnosisSectionPartials()) {}

std::string RenderDiagnosisReport(const Assessment& a, const ReportOptions& options) {
  return DiagnosisReportRenderer(options).Render(a);
}

}  // namespace fa
