// Input limits: the largest inputs the loaders accept, in one place. Each
// is far above real use (docs/limits.md gives the reason for every number);
// an input past one is an error naming the limit, never truncated.
#pragma once

#include <cstddef>

namespace fa {

/// Bytes of one YAML or JSON document, candidate table or judgments file
/// (a full rubric is ~0.3 MB; a saved Assessment ~0.1 MB per factory).
constexpr size_t kMaxDocumentBytes = size_t{512} << 20;
/// Nodes of a YAML document once its aliases are expanded (the "billion
/// laughs" document is tiny but expands to 10^9 nodes).
constexpr size_t kMaxYamlNodes = 1'000'000;
/// Nesting of YAML collections and of JSON arrays and objects.
constexpr int kMaxNestingDepth = 64;
/// Criteria in one rubric (the full capability-maturity rubric has 260).
constexpr size_t kMaxRubricCriteria = 10'000;
/// Depth of a rubric's node tree (shipped rubrics have 3).
constexpr int kMaxRubricDepth = 12;
/// Data rows of a cohort CSV (read in parts, one row at a time).
constexpr size_t kMaxCohortRows = 10'000'000;
/// Data rows of a candidate table (a district has some thousands of factories).
constexpr size_t kMaxTableRows = 1'000'000;
/// Bytes of one CSV cell.
constexpr size_t kMaxCellBytes = size_t{64} << 10;
/// Bytes of one XLSX workbook file (a fully answered CMMM workbook is ~40 KB).
constexpr size_t kMaxWorkbookBytes = size_t{32} << 20;
/// Bytes of a workbook's parts once unpacked, all of them together (a zip
/// bomb is small and unpacks to gigabytes).
constexpr size_t kMaxWorkbookUnpackedBytes = size_t{256} << 20;
/// Entries (parts) of a workbook's ZIP archive.
constexpr size_t kMaxWorkbookEntries = 1'000;
/// Rows holding a value in one sheet of a workbook (a sheet may reach row
/// 1,048,576; a questionnaire has one row per criterion).
constexpr size_t kMaxWorkbookRows = 100'000;
/// Cells holding a value in one sheet of a workbook (a questionnaire sheet
/// has ~1,000).
constexpr size_t kMaxWorkbookCells = 1'000'000;
/// Criteria compared in one AHP judgment matrix (Saaty's method is meant
/// for 7 ± 2; consistency ratios are tabulated to n = 15).
constexpr int kMaxJudgmentCriteria = 30;

}  // namespace fa
