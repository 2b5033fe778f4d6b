#include "cli/report_batch.h"

#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>

#include "assessment/assessment_json.h"
#include "base/atomic_file.h"
#include "base/parallel.h"
#include "report/report_renderer.h"

namespace fa {

namespace {

constexpr size_t kCreditCodeLength = 18;

/// What names a report: the factory's credit code, and its name for messages.
struct ReportKey {
  std::string credit_code;
  std::string name;
};

ReportKey KeyOf(const Assessment& a) { return {a.factory.credit_code, a.factory.name}; }

/// One report to write: which assessment, and the file.
struct PlannedReport {
  size_t index;
  std::string path;
};

/// Says why an assessment gets no file.
void NoUsableName(const ReportKey& key, size_t index, std::ostream& err) {
  err << "report: error: assessment " << index + 1 << " (" << key.name << "): credit code '" << key.credit_code
      << "' is not 18 characters of 0-9 and A-Z; no report written\n";
}

/// The reports to write: one per credit code, the last assessment of each,
/// in input order. Assessments without a usable name are counted in
/// `failed`; codes met twice are warned about.
std::vector<PlannedReport> PlanReports(const std::vector<ReportKey>& keys, const std::string& dir,
                                       std::ostream& err, size_t& failed) {
  std::vector<std::string> names(keys.size());
  std::map<std::string, size_t> last, count;
  for (size_t i = 0; i < keys.size(); ++i) {
    names[i] = BatchReportName(keys[i].credit_code);
    if (names[i].empty()) {
      NoUsableName(keys[i], i, err);
      ++failed;
      continue;
    }
    last[names[i]] = i;
    ++count[names[i]];
  }
  std::vector<PlannedReport> plan;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (names[i].empty() || last[names[i]] != i) continue;
    plan.push_back({i, (std::filesystem::path(dir) / names[i]).string()});
    if (count[names[i]] > 1)
      err << "report: warning: " << count[names[i]] << " assessments of credit code " << keys[i].credit_code
          << "; " << plan.back().path << " is the last one's\n";
  }
  return plan;
}

/// Makes `dir`; false, and the error said, when it cannot be made.
bool MakeDirectory(const std::string& dir, std::ostream& err) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (std::filesystem::is_directory(dir, ec)) return true;
  err << "report: error: " << dir << ": cannot make the directory"
      << (ec ? ": " + ec.message() : std::string(": a file of that name is in the way")) << "\n";
  return false;
}

/// Puts the batch's files in place and counts, for the reports of `plan`,
/// those written and those not (`problems`: "" or why, by assessment).
void Finish(AtomicFileBatch& files, const std::vector<PlannedReport>& plan, std::vector<std::string>& problems,
            std::ostream& err, BatchResult& result) {
  std::map<std::string, size_t> index;  // each planned path is another file
  for (const PlannedReport& p : plan) index[p.path] = p.index;
  for (const AtomicFileBatch::Failure& failure : files.Commit()) problems[index[failure.path]] = failure.problem;
  for (const PlannedReport& p : plan) {
    if (problems[p.index].empty()) {
      ++result.written;
    } else {
      err << "report: error: " << problems[p.index] << "\n";
      ++result.failed;
    }
  }
}

/// Renders the report of `a` into `files` as `path` (the write of a later
/// assessment of the same factory supersedes it); the problem, or "".
std::string RenderInto(AtomicFileBatch& files, const DiagnosisReportRenderer& renderer, const Assessment& a,
                       const std::string& path, size_t index) {
  std::string html;
  try {
    html = renderer.Render(a);
  } catch (const std::exception& e) {
    files.Withdraw(path, index);
    return e.what();
  }
  try {
    files.Write(path, html, index);
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
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
  std::vector<ReportKey> keys;
  for (const Assessment& a : assessments) keys.push_back(KeyOf(a));
  const std::vector<PlannedReport> plan = PlanReports(keys, dir, err, result.failed);
  if (plan.empty()) return result;
  if (!MakeDirectory(dir, err)) {
    result.failed += plan.size();
    return result;
  }
  // The templates compiled once for every report. The threads share the
  // renderer, its options and the assessments read-only: Render is const,
  // and the view builders keep no state but constant tables (thread-safe
  // statics) and format times with gmtime_r; no Poco object is touched.
  const DiagnosisReportRenderer renderer(options);
  std::vector<std::string> problems(assessments.size());
  AtomicFileBatch files;
  ParallelFor(
      plan.size(),
      [&](size_t i) {
        problems[plan[i].index] = RenderInto(files, renderer, assessments[plan[i].index], plan[i].path, plan[i].index);
      },
      threads);
  Finish(files, plan, problems, err, result);
  return result;
}

std::optional<BatchResult> WriteBatchReportsFromJson(std::string_view text, const std::string& file,
                                                     const std::string& dir, const ReportOptions& options,
                                                     int threads, std::ostream& err, size_t part) {
  std::error_code ec;
  const bool existed = std::filesystem::exists(dir, ec);
  std::ostringstream unsaid;  // the in-memory way says it, after what the document has to say
  if (!MakeDirectory(dir, unsaid)) return std::nullopt;
  const DiagnosisReportRenderer renderer(options);
  std::vector<ReportKey> keys;
  std::vector<std::string> problems;
  auto files = std::make_unique<AtomicFileBatch>();
  const auto render = [&](size_t first, std::vector<Assessment>& list) {
    keys.resize(first + list.size());
    problems.resize(first + list.size());
    for (size_t i = 0; i < list.size(); ++i) keys[first + i] = KeyOf(list[i]);
    ParallelFor(
        list.size(),
        [&](size_t i) {
          const std::string name = BatchReportName(list[i].factory.credit_code);
          if (!name.empty())
            problems[first + i] =
                RenderInto(*files, renderer, list[i], (std::filesystem::path(dir) / name).string(), first + i);
        },
        threads);
  };
  if (!ForEachAssessmentPart(text, file, threads, part, render)) {
    files.reset();  // no file of this call is left
    if (!existed) std::filesystem::remove(dir, ec);
    return std::nullopt;
  }
  BatchResult result;
  const std::vector<PlannedReport> plan = PlanReports(keys, dir, err, result.failed);
  Finish(*files, plan, problems, err, result);
  if (plan.empty() && !existed) std::filesystem::remove(dir, ec);  // no report: no directory, as read whole
  return result;
}

}  // namespace fa
