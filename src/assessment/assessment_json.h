// The JSON form of Assessments (docs/assessment-json.md): written by
// `score`, read back by `report` to re-render without rescoring.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/json_writer.h"
#include "assessment/assessment.h"

namespace fa {

/// The format tag of an assessments document.
constexpr const char* kAssessmentFormat = "factory-assess/assessments";
constexpr int kAssessmentFormatVersion = 2;

void WriteAssessment(const Assessment& a, JsonWriter& w);

/// `{"format": …, "version": 2, "assessments": [ … ]}`, pretty-printed,
/// ending in a newline.
std::string AssessmentsToJson(const std::vector<Assessment>& assessments);

/// Parses an assessments document of version 1 or 2 (version 1's texts
/// converted, assessment_json_v1.h) or a single assessment object of the
/// current version. Problems go to `diags` against `file`; returns an empty
/// list on error. A clean document of several assessments is read one
/// assessment at a time on `threads` threads (0: one per core); the result
/// never depends on how many.
std::vector<Assessment> AssessmentsFromJson(std::string_view text, const std::string& file,
                                            Diagnostics& diags, int threads = 0);

/// A clean document of several assessments read part by part, so that no
/// more than `part` Assessments are held at once: `each(first, list)` is
/// called with the assessments first, first + 1, … of each part in turn,
/// each part read on `threads` threads. False when the text is not such a
/// document or has anything to say — possibly after some calls; then read
/// it with AssessmentsFromJson, which says it. Nothing is said here.
bool ForEachAssessmentPart(std::string_view text, const std::string& file, int threads, size_t part,
                           const std::function<void(size_t first, std::vector<Assessment>& list)>& each);

}  // namespace fa
