// The header of a cohort CSV resolved against the rubric, and what can be
// judged of the columns only once every row is read (cohort_csv_parts.h).
#include <algorithm>
#include <set>
#include <unordered_map>

#include "answers/cohort_csv_parts.h"
#include "base/csv_scanner.h"
#include "base/input_limits.h"
#include "base/input_text.h"
#include "base/text.h"
#include "base/utf8.h"

namespace fa {

namespace {

const std::vector<std::pair<std::string, ProfileColumn>> kProfileColumns = {
    {"credit_code", ProfileColumn::kCreditCode}, {"name", ProfileColumn::kName},
    {"town", ProfileColumn::kTown},              {"industry", ProfileColumn::kIndustry},
    {"manufacturing_type", ProfileColumn::kManufacturingType},
    {"employees", ProfileColumn::kEmployees},    {"revenue", ProfileColumn::kRevenue}};

void HeaderError(std::vector<PendingDiagnostic>& shown, size_t& errors, const CsvScanner& scanner,
                 size_t offset, std::string message) {
  ++errors;
  PendingDiagnostic d;
  scanner.Position(offset, d.line, d.column);
  d.offset = offset;
  d.message = std::move(message);
  shown.push_back(std::move(d));
}

}  // namespace

std::string CellTooLong(size_t bytes) {
  return "cell of " + std::to_string(bytes) + " bytes, the limit is " + std::to_string(kMaxCellBytes) +
         " (docs/limits.md)";
}

CohortLayout ResolveCohortHeader(const Rubric& rubric, std::string_view text, size_t begin,
                                 std::vector<PendingDiagnostic>& shown, size_t& errors) {
  CohortLayout layout;
  layout.rubric = &rubric;
  layout.criteria = rubric.AllCriteria();
  layout.column_of.assign(layout.criteria.size(), -1);
  CsvScanner scanner(text, begin, text.size());
  std::vector<CsvField> f;
  if (!scanner.Next(f)) {
    ++errors;
    shown.push_back({Severity::kError, 0, 0, 0, 0, "", "empty file: expected a header row naming the columns", ""});
    layout.body = text.size();
    return layout;
  }
  for (const auto& e : scanner.errors()) HeaderError(shown, errors, scanner, e.offset, e.message);
  layout.body = scanner.position();
  layout.header_lines = scanner.lines();
  layout.header_end = scanner.record_end();
  const std::string_view header = text.substr(scanner.record_begin(), layout.header_end - scanner.record_begin());
  if (auto bad = FirstInvalidUtf8(header)) {  // names are not read then: they are not text
    HeaderError(shown, errors, scanner, scanner.record_begin() + *bad,
                InvalidUtf8Message(text, scanner.record_begin() + *bad));
    layout.body = text.size();  // rows are not read against a header that cannot be
    layout.rows_unreadable = true;
    return layout;
  }
  for (const CsvField& field : f)
    if (field.text.size() > kMaxCellBytes) {
      HeaderError(shown, errors, scanner, field.offset, CellTooLong(field.text.size()));
      layout.body = text.size();
      layout.rows_unreadable = true;
      return layout;
    }

  std::unordered_map<std::string, int> criterion_index;
  std::vector<std::string> candidates;
  for (size_t c = 0; c < layout.criteria.size(); ++c) {
    criterion_index[layout.criteria[c]->id] = static_cast<int>(c);
    candidates.push_back(layout.criteria[c]->id);
  }
  for (const auto& [name, column] : kProfileColumns) candidates.push_back(name);
  std::unordered_map<std::string, size_t> seen;
  for (size_t i = 0; i < f.size(); ++i) {
    const std::string name(f[i].text);
    layout.names.push_back(name);
    layout.criterion.push_back(-1);
    layout.profile.push_back(ProfileColumn::kNone);
    auto known = std::find_if(kProfileColumns.begin(), kProfileColumns.end(),
                              [&](const auto& p) { return p.first == name; });
    auto criterion = criterion_index.find(name);
    if (name.empty()) {
      HeaderError(shown, errors, scanner, f[i].offset, "column " + std::to_string(i + 1) + " has no name");
    } else if (seen.count(name)) {
      HeaderError(shown, errors, scanner, f[i].offset,
                  "column '" + name + "' appears twice (first as column " + std::to_string(seen[name] + 1) + ")");
    } else if (known != kProfileColumns.end()) {
      layout.profile.back() = known->second;
    } else if (criterion != criterion_index.end()) {
      layout.criterion.back() = criterion->second;
      layout.column_of[static_cast<size_t>(criterion->second)] = static_cast<int>(i);
    } else if (std::string guess = ClosestMatch(name, candidates); !guess.empty()) {
      HeaderError(shown, errors, scanner, f[i].offset,
                  "unknown column '" + name + "', did you mean '" + guess + "'?");
    } else {
      layout.profile.back() = ProfileColumn::kExtra;  // a further profile field
    }
    seen.emplace(name, i);
  }
  for (const char* required : {"credit_code", "name"})
    if (!seen.count(required))
      HeaderError(shown, errors, scanner, layout.header_end,
                  std::string("no '") + required + "' column (every factory needs " +
                      (std::string(required) == "name" ? "a name)" : "its unified social credit code)"));

  const std::set<std::string> fields = rubric.ConditionFields();
  for (const std::string& field : fields)
    if (seen.count(field) && layout.profile[seen[field]] != ProfileColumn::kNone)
      layout.condition_columns.push_back(static_cast<int>(seen[field]));
  return layout;
}

void CheckAfterRows(const CohortLayout& layout, std::string_view text, size_t begin, bool header_ends_file,
                    const std::vector<size_t>& missing_rows, const std::vector<size_t>& missing_first,
                    CohortCsvSummary& summary, std::vector<PendingDiagnostic>& shown) {
  CsvScanner header(text, begin, text.size());
  std::vector<CsvField> ignored;
  header.Next(ignored);
  if (summary.rows == 0 && summary.errors == 0) {
    const bool cut = header_ends_file;
    HeaderError(shown, summary.errors, header, layout.header_end,
                cut ? "the file ends inside the header row: no factory rows (is the file cut short?)"
                    : "no factory rows after the header");
  }
  if (summary.rows > kMaxCohortRows)
    HeaderError(shown, summary.errors, header, layout.header_end,
                std::to_string(summary.rows) + " rows, the limit is " + std::to_string(kMaxCohortRows) +
                    " (docs/limits.md)");
  for (size_t c = 0; c < layout.criteria.size(); ++c)
    if (missing_rows[c] > 0)
      HeaderError(shown, summary.errors, header, layout.header_end,
                  "no column for required criterion '" + layout.criteria[c]->id + "' (it applies to " +
                      std::to_string(missing_rows[c]) + " row" + (missing_rows[c] == 1 ? "" : "s") +
                      ", the first is row " + std::to_string(missing_first[c]) + ")");
}

// Credit codes seen so far, each with the first row that had it: the text

std::vector<std::string> CohortCsvColumns(const Rubric& rubric) {
  std::vector<std::string> out;
  for (const auto& [name, column] : kProfileColumns) out.push_back(name);
  for (const Criterion* c : rubric.AllCriteria()) out.push_back(c->id);
  return out;
}

}  // namespace fa
