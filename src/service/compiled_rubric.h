// A rubric loaded, checked and compiled once: the first step of every
// pipeline, whether the rubric comes from a file (the command line) or from
// texts kept in the store (the web app). The compiled model points into the
// rubric, so both live together behind one shared pointer.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "base/diagnostics.h"
#include "rubric/rubric.h"
#include "scoring/scoring_model.h"

namespace fa {

struct CompiledRubric {
  std::unique_ptr<Rubric> rubric;
  ScoringModel model;  ///< points into *rubric
};

/// Loads, checks and compiles the rubric at `path` with the companion files
/// it names (scenario catalogue, tier scheme) beside it; null when
/// `diags` got errors.
std::shared_ptr<const CompiledRubric> CompileRubricFile(const std::string& path, Diagnostics& diags);

/// The same from texts: the main file's text and name, and the companions'
/// texts by the names the main file gives them.
std::shared_ptr<const CompiledRubric> CompileRubricTexts(const std::string& main_name, const std::string& main_text,
                                                         const std::map<std::string, std::string>& companions,
                                                         Diagnostics& diags);

}  // namespace fa
