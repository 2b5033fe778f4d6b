// The questionnaire without script: each section is a form of its own
// (templates/web/questionnaire.html) whose "save this section" button
// posts every question's fields — the inputs the page shows (radio buttons,
// check boxes, a number, text), "not applicable", evidence, note, and the
// answer's version the page was rendered with. This reads them back into the
// saves autosave would make: the value as autosave's script would send it
// (questionnaire.js valueOf), checked and made canonical as every answer is
// (CanonicalAnswerValue), only for the questions that changed.
#pragma once

#include <string>
#include <vector>

#include "rubric/rubric.h"
#include "store/store.h"
#include "web/http_message.h"
#include "web/questionnaire_sections.h"

namespace fa::web {

struct SectionEdits {
  std::vector<store::SaveAnswer> saves;  ///< each against the version the page showed
  /// Questions whose value is refused: the criterion and the first reason.
  std::vector<std::pair<const Criterion*, std::string>> refused;
};

/// The changed answers of `section` as the form `req` posts them, against
/// the stored `answers`. A question whose fields are absent (one that does
/// not apply: its fieldset is disabled) is left alone.
SectionEdits ReadSectionForm(const Rubric& rubric, const QuestionSection& section, const WebRequest& req,
                             const std::vector<store::AnswerRecord>& answers);

}  // namespace fa::web
