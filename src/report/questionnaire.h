// The printable questionnaire for site visits (docs/reports.md "The
// questionnaire"): every criterion of a rubric grouped by node, with its
// level, text, evidence hint and answer options as checkboxes, and room for
// evidence and notes. Blank, or partly filled from an answer set. One
// self-contained HTML file with A4 print CSS, rendered from
// templates/questionnaire.html.
#pragma once

#include <string>

#include "answers/answer_set.h"
#include "report/escaped_view.h"
#include "report/report_options.h"
#include "report/report_template.h"
#include "rubric/rubric.h"

namespace fa {

/// The view of the questionnaire of `rubric`. `answers` (may be null) must
/// have had its values settled by CheckAnswerValue; answers to unknown
/// criteria are ignored. Every string is escaped here.
EscapedView BuildQuestionnaireView(const Rubric& rubric, const AnswerSet* answers, const ReportOptions& options);

/// Loads templates/questionnaire.html once and renders many forms.
class QuestionnaireRenderer {
 public:
  /// Throws std::runtime_error naming the file when a template is missing
  /// or malformed.
  explicit QuestionnaireRenderer(const ReportOptions& options);
  std::string Render(const Rubric& rubric, const AnswerSet* answers) const;

 private:
  ReportOptions options_;
  ReportTemplate template_;
};

}  // namespace fa
