// Reads answer files (YAML, or JSON read as YAML so positions stay exact)
// into AnswerSets. Reading checks the file's shape; checking the answers
// against a rubric is answers_check.h. docs/answers-format.md is the format.
#pragma once

#include <optional>
#include <string>

#include "answers/answer_set.h"
#include "base/diagnostics.h"

namespace fa {

/// Reads `path`; problems go to `diags`. nullopt when the file cannot be
/// used at all (unreadable, malformed, not a map); other problems are
/// reported and the rest is still read.
std::optional<AnswerSet> LoadAnswerSet(const std::string& path, Diagnostics& diags);

/// The same over text already in memory, reported against `file`.
std::optional<AnswerSet> LoadAnswerSetFromString(const std::string& text, const std::string& file,
                                                 Diagnostics& diags);

}  // namespace fa
