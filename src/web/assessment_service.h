// The questionnaire's data work between the store and the scoring pipeline:
// checking one answer value as it is saved, the progress of a draft, and at
// submit the answers document (docs/answers-format.md) built from the
// stored answers, which service/assess.h checks and scores exactly as
// `factory-assess score` scores that file.
#pragma once

#include <Poco/Dynamic/Var.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/json_writer.h"
#include "base/local_time.h"
#include "rubric/rubric.h"
#include "store/store.h"

namespace fa::web {

/// Parses one JSON value of any kind (Poco's parser wants a container at the
/// top, so the value is read as the element of a one-element array). Throws
/// on malformed text.
Poco::Dynamic::Var ParseJsonValue(const std::string& text);

/// Writes a stored (canonical JSON) answer value. Throws on malformed text.
void WriteStoredValue(JsonWriter& w, const std::string& value_json);

/// The error messages of `diags`, one line each (for a 400's details or a
/// page's list).
std::vector<std::string> DiagnosticLines(const Diagnostics& diags);

/// A stored JSON value as the raw Answer a loader would read from the same
/// text (kind kNone for "", kNotApplicable for "na"); false when it is not
/// a number, string, boolean or list of strings.
bool ReadJsonValue(const std::string& value_json, Answer& a);

/// A stored value (JSON text) of `criterion` as people read it, in `lang`:
/// the option's label, "35 %", not applicable; "" for none.
std::string ShownValue(const Rubric& rubric, const std::string& criterion, const std::string& value_json,
                       const std::string& lang);

/// Profile fields of a stored factory, as an answers file would hold them.
std::map<std::string, std::string> ProfileFields(const store::Factory& factory);

/// Checks a value (JSON text: 0.8, true, "opt", ["a","b"], "na", or ""
/// for "not answered") for `criterion` and returns it in canonical JSON
/// ("0.80" → 0.8, "yes" → true, "n/a" → "na"); `problems` gets the reasons
/// it is refused ("expected one of the 'satisfaction' scale values …").
std::string CanonicalAnswerValue(const Rubric& rubric, const Criterion& criterion,
                                 const std::string& value_json, std::vector<std::string>& problems);

/// The canonical JSON of an answer settled by CheckAnswerValue (as
/// CanonicalAnswerValue returns it): "" for none, "na" quoted, numbers,
/// booleans, option lists and text.
std::string CanonicalJson(const Answer& settled);

struct Progress {
  int answered = 0;    ///< applicable criteria with a value (na counts)
  int applicable = 0;  ///< criteria that apply to the factory's profile
  int required_missing = 0;
  int Percent() const { return applicable == 0 ? 100 : answered * 100 / applicable; }
};
Progress ComputeProgress(const Rubric& rubric, const store::Factory& factory,
                         const std::vector<store::AnswerRecord>& answers);

/// Who signs an assessment off and on which day: the top-level assessor
/// and date of its answers document (docs/answers-format.md); empty ones
/// are left out.
struct SignOff {
  std::string assessor;  ///< the display name of who submitted it
  std::string date;      ///< the local day of the submission, "2026-12-02"
};

/// The answers document (JSON) of a stored assessment: rubric id and
/// version, round, assessor and date (`sign_off`), the factory's profile and
/// every saved answer in long form (value, evidence, note, assessor = who
/// saved it, date = the local day in `zone` it was saved).
std::string AnswersDocument(const Rubric& rubric, const store::Factory& factory,
                            const store::AssessmentRecord& record,
                            const std::vector<store::AnswerRecord>& answers,
                            const std::map<int64_t, std::string>& user_names, const TimeZone& zone,
                            const SignOff& sign_off = {});

}  // namespace fa::web
