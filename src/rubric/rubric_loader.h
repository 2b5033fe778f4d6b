// Loading a rubric file (docs/rubric-format.md) into a checked Rubric.
//
// Every problem in the file — and in the scenario catalogue it names — is
// reported in one pass, in file order, with its position; the rubric is
// returned only when there is none. (The AHP consistency ratio needs Eigen
// and is checked when scoring/ compiles the rubric.)
#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "rubric/rubric.h"

namespace fa {

/// Reads and checks the rubric at `path`; fills `file` (= path) and
/// `sha256`, and loads the `scenarios:` catalogue relative to the rubric's
/// directory. A file that cannot be read is reported as a diagnostic.
/// Returns nullopt when any error was reported (warnings do not count).
std::optional<Rubric> LoadRubric(const std::string& path, Diagnostics& diags);

/// As LoadRubric, over `text` named `file_name` in diagnostics; a
/// `scenarios:` path is resolved relative to file_name's directory.
std::optional<Rubric> LoadRubricFromString(const std::string& text, const std::string& file_name,
                                           Diagnostics& diags);

/// As LoadRubricFromString, with the companion files the rubric names
/// (`scenarios:`, `tiers:`) taken from `companions` (file name as written in
/// the rubric -> text) instead of the disk — a rubric kept in a database.
/// A named companion missing from the map is reported like a missing file.
std::optional<Rubric> LoadRubricFromTexts(const std::string& text, const std::string& file_name,
                                          const std::map<std::string, std::string>& companions,
                                          Diagnostics& diags);

}  // namespace fa
