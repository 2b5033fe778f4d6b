#include "report/questionnaire.h"

#include "report/report_renderer.h"

namespace fa {

QuestionnaireRenderer::QuestionnaireRenderer(const ReportOptions& options)
    : options_(options),
      template_(ReportTemplate::Load(TemplatesDir(options), "questionnaire.html")) {}

std::string QuestionnaireRenderer::Render(const Rubric& rubric, const AnswerSet* answers) const {
  return template_.Render(BuildQuestionnaireView(rubric, answers, options_));
}

}  // namespace fa
