// The coverage of the diagnosis duty (docs/coverage.md): the district's
// action plan asks for every above-scale manufacturer to be digitally
// diagnosed. The list of those manufacturers (a CSV: credit code, name,
// town, industry, and optionally the provider and the consultant the
// diagnosis is assigned to) is set against the diagnoses made — each listed
// factory is diagnosed, in progress (a draft in the web app) or not yet —
// and counted by town, industry, provider and consultant. Plain values;
// report/portfolio_report.h shows them in the portfolio.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "base/diagnostics.h"
#include "rubric/district.h"

namespace fa {

/// One manufacturer of the above-scale list.
struct DutyEntry {
  std::string credit_code;  ///< checked (GB 32100); may be empty when a name is given
  std::string name;
  std::string town;         ///< a town id of the district (or as written without one)
  std::string industry;     ///< an industry id of the district (or as written)
  std::string provider;     ///< the provider its diagnosis is assigned to; "" when none
  std::string consultant;   ///< the consultant its diagnosis is assigned to; "" when none
  int line = 0;             ///< its line in the CSV
};

struct DutyList {
  std::string file;
  std::vector<DutyEntry> entries;  ///< in the file's order
  bool has_provider = false, has_consultant = false;  ///< the columns are there
};

/// Reads the above-scale list from `text` (as read from `file`). Columns are
/// found by their headings: a field id (credit_code, name, town, industry,
/// provider, consultant) or a heading the district lists for it
/// (District::import_headings, e.g. the Chinese headings of the district's
/// own lists); other columns are ignored. Every problem goes to `diags` at
/// its line and column: no credit_code or name column, a row with neither,
/// a wrong credit code, a credit code or name listed twice, a town or
/// industry the district does not know (with a did-you-mean). Nullopt while
/// any error remains.
std::optional<DutyList> ParseDutyList(const std::string& text, const std::string& file, const District* district,
                                      Diagnostics& diags);
/// Reads the file; an unreadable one is an error at `file`.
std::optional<DutyList> LoadDutyList(const std::string& file, const District* district, Diagnostics& diags);

/// A diagnosis made, of any rubric: a submitted assessment, or a draft
/// still being filled in (web app).
struct DiagnosisRecord {
  std::string credit_code;
  std::string name;
  std::string round;  ///< "" when none
  std::string date;   ///< YYYY-MM-DD; "" when none
  bool submitted = true;
};

enum class DutyStatus { kDiagnosed, kInProgress, kNotYet };

/// Counts of one town, industry, provider or consultant (or the district).
struct DutyGroup {
  std::string name;  ///< the id as listed; "" for entries without one
  int listed = 0, diagnosed = 0, in_progress = 0, not_yet = 0;
};

struct DutyFactory {
  DutyEntry entry;
  DutyStatus status = DutyStatus::kNotYet;
  /// Its latest submitted diagnosis (by round, then date); empty when none.
  std::string round, date;
};

struct DutyCoverage {
  std::string file;
  DutyGroup district;
  /// Most listed first, then by name; those without a value last.
  std::vector<DutyGroup> by_town, by_industry, by_provider, by_consultant;
  std::vector<DutyFactory> factories;  ///< the list's order
  /// Factories diagnosed that the list does not hold (by name), sorted.
  std::vector<std::string> not_listed;
  bool has_provider = false, has_consultant = false;
};

/// Sets `list` against `records`: a listed factory is matched by its credit
/// code, else (when the entry or the record has none) by its exact name.
DutyCoverage CountDutyCoverage(const DutyList& list, const std::vector<DiagnosisRecord>& records);

/// "diagnosed" | "in_progress" | "not_yet".
const char* DutyStatusId(DutyStatus status);

/// The diagnoses `assessments` record (all submitted), for CountDutyCoverage.
std::vector<DiagnosisRecord> DiagnosisRecordsOf(const std::vector<Assessment>& assessments);

}  // namespace fa
