// The questionnaire workbook's layout (docs/workbook.md), shared by its
// writer (report/workbook.h) and its reader (answers/workbook_answers.h):
// the hidden sheets' names, the keys of the columns, and how a drop-down
// entry carries its value.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace fa::workbook {

/// The hidden sheet of facts about the workbook: one `key | value` row
/// each (format, rubric id, version and SHA-256, language) and one
/// `header:KEY | heading` row per column heading, so the reader finds each
/// column by its heading wherever it has been moved.
constexpr char kMetaSheet[] = "_factory_assess";
/// The hidden sheet holding the drop-down lists, one list per column.
constexpr char kListsSheet[] = "_lists";
constexpr char kFormat[] = "factory-assess questionnaire workbook";
constexpr char kFormatVersion[] = "1";

// Meta keys.
constexpr char kMetaFormat[] = "format";
constexpr char kMetaFormatVersion[] = "format_version";
constexpr char kMetaRubric[] = "rubric";
constexpr char kMetaRubricVersion[] = "rubric_version";
constexpr char kMetaRubricSha256[] = "rubric_sha256";
constexpr char kMetaLang[] = "lang";
constexpr char kMetaHeaderPrefix[] = "header:";
// Written only by the web app's download (docs/workbook.md): the
// assessment the workbook was made from, its version then, and one
// `answer_version:ID | N | FINGERPRINT` row per saved answer (the answer's
// own version, and a digest of its value, evidence and note then), so an
// upload tells a web edit made since from the workbook's own change.
// A workbook without them (the CLI's, or an older download) still reads.
constexpr char kMetaAssessment[] = "assessment";
constexpr char kMetaAssessmentVersion[] = "assessment_version";
constexpr char kMetaAnswerVersionPrefix[] = "answer_version:";

// Column keys. The cover sheet has field (hidden), label, value and hint;
// a domain sheet id (hidden, locked), area, level, requirement, guidance,
// answer, evidence, note, assessor and date.
constexpr char kColField[] = "field";
constexpr char kColLabel[] = "label";
constexpr char kColValue[] = "value";
constexpr char kColHint[] = "hint";
constexpr char kColId[] = "id";
constexpr char kColArea[] = "area";
constexpr char kColLevel[] = "level";
constexpr char kColRequirement[] = "requirement";
constexpr char kColGuidance[] = "guidance";
constexpr char kColAnswer[] = "answer";
constexpr char kColEvidence[] = "evidence";
constexpr char kColNote[] = "note";
constexpr char kColAssessor[] = "assessor";
constexpr char kColDate[] = "date";

/// A saved answer as it was when the workbook was made.
struct AnswerMark {
  int64_t version = 0;      ///< the answer's version in the store
  std::string fingerprint;  ///< the web app's digest of its value, evidence and note
};

/// Where a downloaded workbook came from (the meta rows above).
struct Origin {
  int64_t assessment = 0;  ///< 0: not known
  int64_t assessment_version = 0;
  std::map<std::string, AnswerMark> answers;  ///< criterion id -> the saved answer then
};

/// Between a value and its label in a drop-down entry: "0.8 — 大部分满足".
constexpr char kChoiceSeparator[] = " — ";

/// The drop-down entry of `value` with its `label` ("" : the value alone).
inline std::string ChoiceEntry(const std::string& value, const std::string& label) {
  return label.empty() || label == value ? value : value + kChoiceSeparator + label;
}

/// The value an entry or a typed answer carries: what stands before the
/// separator, trimmed of spaces.
std::string ChoiceValue(const std::string& cell);

}  // namespace fa::workbook
