// A rubric loaded and compiled for a test; the test fails at once, with
// the problems found, when either step reports an error.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "rubric/rubric_loader.h"
#include "scoring/scoring_model.h"

namespace fa::testing {

struct CompiledRubric {
  Rubric rubric;
  ScoringModel model;  // refers to `rubric`: the struct is neither copied nor moved
  explicit CompiledRubric(const std::string& path) {
    Diagnostics d;
    auto r = LoadRubric(path, d);
    REQUIRE_MESSAGE(r, d.Format());
    rubric = std::move(*r);
    model = CompileRubric(rubric, d);
    REQUIRE_MESSAGE(!d.HasErrors(), d.Format());
  }
  CompiledRubric(const CompiledRubric&) = delete;
  CompiledRubric& operator=(const CompiledRubric&) = delete;
};

}  // namespace fa::testing
