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
//
// A filled-in questionnaire workbook (docs/workbook.md) is checked the same
// way, read by the workbook reader (answers/workbook_answers.h; its
// problems at their cells, `Sheet!C17`), and each change is told as new,
// changed, or a conflict: the stored answer was saved on the web after the
// workbook was downloaded (its version differs from the one the workbook's
// meta sheet recorded; with no record, any stored answer it differs from).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rubric/rubric.h"
#include "store/store.h"
#include "web/request_context.h"

namespace fa::web {

/// (Not ImportProblem: factory_import.h has that name for the bulk
/// import's CSV problems, in the same namespace.)
struct AnswersProblem {
  int line = 0, column = 0;  ///< 0 when the problem has no place in the file
  std::string cell;          ///< a workbook's `Sheet!C17`, else ""
  std::string local;         ///< in the page's language, with its place
  std::string english;       ///< "file:line:col: message" (a workbook's "file:Sheet!C17: message"), for the API
};

/// What one save would change.
struct ImportChange {
  enum Kind { kNew, kChanged, kConflict };
  Kind kind = kNew;
  std::optional<store::AnswerRecord> old;  ///< the stored answer, when there is one
};

struct ImportCheck {
  std::vector<AnswersProblem> problems;
  std::vector<store::SaveAnswer> saves;  ///< the answers that change something (none when any problem)
  std::vector<ImportChange> changes;     ///< one per save, in its order
  /// The workbook's rubric is not the assessment's (or another text of it).
  bool wrong_rubric = false;
  /// Answers in the file equal to the stored ones; for a workbook also the
  /// rows left as downloaded whose answer the web has changed since (the
  /// web's answer stays).
  int unchanged = 0;
  int given = 0;                         ///< answers with a value in the file
};

/// Checks the answers file `text` (named `file`) for assessment `record` of
/// `factory` under `rubric`, against its stored answers `stored`.
ImportCheck CheckImport(const Rubric& rubric, const store::Factory& factory, const store::AssessmentRecord& record,
                        const std::vector<store::AnswerRecord>& stored, const std::string& text,
                        const std::string& file, const RequestContext& ctx);

/// The same for the workbook `bytes` (named `file`), its changes told
/// apart (ImportChange) by the origin its meta sheet records.
ImportCheck CheckWorkbookImport(const Rubric& rubric, const store::Factory& factory,
                                const store::AssessmentRecord& record, const std::vector<store::AnswerRecord>& stored,
                                const std::string& bytes, const std::string& file, const RequestContext& ctx);

/// The digest of a saved answer a downloaded workbook records
/// (workbook::AnswerMark), to tell a row left as it was downloaded.
std::string AnswerFingerprint(const std::string& value_json, const std::string& evidence, const std::string& note);

/// The conflicts of `check` the user did not choose to take from the
/// workbook (`take` holds criterion ids) dropped from its saves and changes.
void KeepWebAnswers(ImportCheck& check, const std::vector<std::string>& take);

}  // namespace fa::web
