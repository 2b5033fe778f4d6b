// A filled-in answers file (YAML or JSON, docs/answers-format.md — the
// CLI's format, as `factory-assess questionnaire`'s users fill it in or the
// app's own answers-file gives it) checked against an assessment before
// anything of it is saved: read by the answers loader (its problems with
// line:column), then against the assessment's rubric, factory and round and
// each answer against its question — an unknown question, a value outside
// its options or range, an answer to a question that does not apply. Any
// problem and nothing is saved; otherwise the answers that change something
// are saved at once (Store::SaveAnswers), against the assessment's version
// the user started from. A question left without a value in the file is
// left as it is; evidence and note replace the stored ones only when given.
#pragma once

#include <string>
#include <vector>

#include "rubric/rubric.h"
#include "store/store.h"
#include "web/request_context.h"

namespace fa::web {

struct ImportProblem {
  int line = 0, column = 0;  ///< 0 when the problem has no place in the file
  std::string local;         ///< in the page's language, with its place
  std::string english;       ///< "file:line:col: message", for the API
};

struct ImportCheck {
  std::vector<ImportProblem> problems;
  std::vector<store::SaveAnswer> saves;  ///< the answers that change something (none when any problem)
  int unchanged = 0;                     ///< answers in the file equal to the stored ones
  int given = 0;                         ///< answers with a value in the file
};

/// Checks the answers file `text` (named `file`) for assessment `record` of
/// `factory` under `rubric`, against its stored answers `stored`.
ImportCheck CheckImport(const Rubric& rubric, const store::Factory& factory, const store::AssessmentRecord& record,
                        const std::vector<store::AnswerRecord>& stored, const std::string& text,
                        const std::string& file, const RequestContext& ctx);

}  // namespace fa::web
