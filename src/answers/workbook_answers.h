// Reads a filled-in questionnaire workbook (docs/workbook.md; written by
// `factory-assess workbook`, report/workbook.h) into an AnswerSet, as the
// YAML loader reads an answers file (answers_loader.h): the values as
// written, their kinds settled later by CheckAnswers, every problem
// positioned at its cell (`form.xlsx:Sheet!F17: error: …`). Columns are
// found by their headings, so rows may be re-ordered, blank rows and extra
// columns added; the sheets' names do not matter.
#pragma once

#include <optional>
#include <string>

#include "answers/answer_set.h"
#include "answers/workbook_layout.h"
#include "base/diagnostics.h"
#include "rubric/rubric.h"

namespace fa {

struct WorkbookReadOptions {
  /// A workbook made for another text of the rubric (its SHA-256 differs)
  /// is refused unless this is set; then its answers are matched by
  /// criterion id and those no longer in the rubric are listed and left out.
  bool allow_rubric_change = false;
};

/// True when `path` names a workbook (ends in .xlsx, any case).
bool IsWorkbookPath(const std::string& path);

/// Reads the workbook at `path` against `rubric` (whose multi-option
/// criteria read a list, and whose SHA-256 the workbook must carry).
/// nullopt when the file cannot be used at all; other problems are
/// reported and the rest is still read.
std::optional<AnswerSet> LoadWorkbookAnswers(const Rubric& rubric, const std::string& path,
                                             const WorkbookReadOptions& options, Diagnostics& diags);

/// The same over the bytes of a workbook, reported against `file`;
/// `origin` (may be null) gets where a web download came from (its meta
/// rows; left as is when the workbook has none).
std::optional<AnswerSet> WorkbookAnswersFromBytes(const Rubric& rubric, const std::string& bytes,
                                                  const std::string& file, const WorkbookReadOptions& options,
                                                  Diagnostics& diags, workbook::Origin* origin = nullptr);

}  // namespace fa
