#include "cli/report_batch.h"

#include <exception>
#include <filesystem>
#include <map>
#include <ostream>

#include "base/atomic_file.h"
#include "base/parallel.h"
#include "report/report_renderer.h"

namespace fa {

namespace {

constexpr size_t kCreditCodeLength = 18;

/// One report to write: the assessment and the file.
struct PlannedReport {
  const Assessment* assessment;
  std::string path;
};

/// Says why an assessment gets no file.
void NoUsableName(const Assessment& a, size_t index, std::ostream& err) {
  err << "report: error: assessment " << index + 1 << " (" << a.factory.name << "): credit code '"
      << a.factory.credit_code << "' is not 18 characters of 0-9 and A-Z; no report written\n";
}

/// The reports to write: one per credit code, the last assessment of each,
/// in input order. Assessments without a usable name are counted in
/// `failed`; codes met twice are warned about.
std::vector<PlannedReport> PlanReports(const std::vector<Assessment>& assessments, const std::string& dir,
                                       std::ostream& err, size_t& failed) {
  std::vector<std::string> names(assessments.size());
  std::map<std::string, size_t> last, count;
  for (size_t i = 0; i < assessments.size(); ++i) {
    names[i] = BatchReportName(assessments[i].factory.credit_code);
    if (names[i].empty()) {
      NoUsableName(assessments[i], i, err);
      ++failed;
      continue;
    }
    last[names[i]] = i;
    ++count[names[i]];
  }
  std::vector<PlannedReport> plan;
  for (size_t i = 0; i < assessments.size(); ++i) {
    if (names[i].empty() || last[names[i]] != i) continue;
    plan.push_back({&assessments[i], (std::filesystem::path(dir) / names[i]).string()});
    if (count[names[i]] > 1)
      err << "report: warning: " << count[names[i]] << " assessments of credit code "
          << assessments[i].factory.credit_code << "; " << plan.back().path << " is the last one's\n";
  }
  return plan;
}

/// Renders and writes every planned report; "" or the problem, per report.
std::vector<std::string> RenderAll(const std::vector<PlannedReport>& plan, const ReportOptions& options,
                                   int threads) {
  // The templates compiled once for every report. The threads share the
  // renderer, its options and the assessments read-only: Render is const,
  // and the view builders keep no state but constant tables (thread-safe
  // statics) and format times with gmtime_r; no Poco object is touched.
  const DiagnosisReportRenderer renderer(options);
  std::vector<std::string> problems(plan.size());
  AtomicFileBatch files;
  ParallelFor(
      plan.size(),
      [&](size_t i) {
        try {
          files.Write(plan[i].path, renderer.Render(*plan[i].assessment));
        } catch (const std::exception& e) {
          problems[i] = e.what();
        }
      },
      threads);
  std::map<std::string, size_t> index;  // each planned path is another file
  for (size_t i = 0; i < plan.size(); ++i) index[plan[i].path] = i;
  for (const AtomicFileBatch::Failure& failure : files.Commit()) problems[index[failure.path]] = failure.problem;
  return problems;
}

}  // namespace

std::string BatchReportName(const std::string& credit_code) {
  if (credit_code.size() != kCreditCodeLength) return "";
  for (char c : credit_code)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return "";
  return credit_code + ".html";
}

BatchResult WriteBatchReports(const std::vector<Assessment>& assessments, const std::string& dir,
                              const ReportOptions& options, int threads, std::ostream& err) {
  BatchResult result;
  std::vector<PlannedReport> plan = PlanReports(assessments, dir, err, result.failed);
  if (plan.empty()) return result;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!std::filesystem::is_directory(dir, ec)) {
    err << "report: error: " << dir << ": cannot make the directory"
        << (ec ? ": " + ec.message() : std::string(": a file of that name is in the way")) << "\n";
    result.failed += plan.size();
    return result;
  }
  const std::vector<std::string> problems = RenderAll(plan, options, threads);
  for (const std::string& problem : problems) {
    if (problem.empty()) {
      ++result.written;
    } else {
      err << "report: error: " << problem << "\n";
      ++result.failed;
    }
  }
  return result;
}

}  // namespace fa
