// The questionnaire workbook (docs/workbook.md): the printable
// questionnaire's offline twin, an XLSX file written with libxlsxwriter
// that consultants and plant staff fill in in Excel or LibreOffice and that
// `score` and `report` read back (answers/workbook_answers.h). A cover sheet
// for the factory's profile with pick lists, one sheet per top-level domain
// with one row per requirement and a drop-down or a checked number for its
// answer, and hidden sheets holding the rubric's id, version and SHA-256
// and the drop-down lists. Blank, or pre-filled from an answer set.
#pragma once

#include <string>

#include "answers/answer_set.h"
#include "answers/workbook_layout.h"
#include "report/report_options.h"
#include "rubric/rubric.h"

namespace fa {

/// Writes the workbook of `rubric` to `path` (replaced as a whole: written
/// beside it, then renamed). `answers` (may be null) must have had its
/// values settled by CheckAnswerValue; answers to unknown criteria are
/// ignored. Labels and texts are in options.lang; the pick lists come from
/// options.district (when null, from the rubric's `applicability`). Throws
/// std::runtime_error when the file cannot be written. `origin` (may be
/// null; the web app's download) is recorded in the hidden meta sheet.
void WriteQuestionnaireWorkbook(const Rubric& rubric, const AnswerSet* answers, const ReportOptions& options,
                                const std::string& path, const workbook::Origin* origin = nullptr);

}  // namespace fa
