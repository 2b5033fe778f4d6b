// Many diagnosis reports in one call (`report ASSESSMENTS.json --all -o DIR`,
// `report --rubric R A1.yaml A2.yaml … -o DIR`): one file per factory in one
// directory, named after its credit code, the template loaded once and the
// reports rendered on every core. docs/reports.md "Many reports at once".
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessment/assessment.h"
#include "report/report_options.h"

namespace fa {

/// The name of a factory's report in a batch: "CREDIT_CODE.html" when the
/// credit code is 18 characters of 0-9 and A-Z (every well-formed GB 32100
/// code is), else "" — no other text ever becomes a file name.
std::string BatchReportName(const std::string& credit_code);

/// How many reports a batch wrote and how many it could not.
struct BatchResult {
  size_t written = 0;
  size_t failed = 0;
};

/// Writes the report of every assessment into `dir` (made when missing),
/// each atomically (base/atomic_file.h), rendered by one renderer on
/// `threads` threads (0: one per core; never more than there are reports).
/// A credit code met twice: the last assessment's report is written, with a
/// warning on `err`. An assessment without a usable credit code, or a file
/// that cannot be written, is an error on `err`, in input order; the others
/// are still written. The bytes of each file never depend on `threads`.
BatchResult WriteBatchReports(const std::vector<Assessment>& assessments, const std::string& dir,
                              const ReportOptions& options, int threads, std::ostream& err);

/// WriteBatchReports for the assessments of a clean assessments document
/// (`report ASSESSMENTS.json --all`), read and rendered `part` at a time
/// (ForEachAssessmentPart), so that memory does not grow with the district:
/// the same files and messages. The reports are put in place only once the
/// whole document has read cleanly; nullopt when it has not, or when `dir`
/// cannot be made — then nothing of the call is left, nothing is said, and
/// the document is to be read whole (AssessmentsFromJson), which says it.
std::optional<BatchResult> WriteBatchReportsFromJson(std::string_view text, const std::string& file,
                                                     const std::string& dir, const ReportOptions& options,
                                                     int threads, std::ostream& err, size_t part = 64);

}  // namespace fa
