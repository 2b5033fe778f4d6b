// Loading and checking many answer files (service/assess.h
// LoadCheckedAnswers): on any number of threads, the clean sets and every
// message come in the files' order, as when the files are loaded one after
// the other.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "service/assess.h"
#include "service/compiled_rubric.h"

namespace fa {
namespace {

TEST_CASE("load answers: clean sets and messages come in the files' order whatever the number of threads") {
  Diagnostics d;
  auto compiled = CompileRubricFile("rubrics/cmmm.yaml", d);
  REQUIRE(compiled);
  const std::string bad = "tests/data/bad/answers/";
  const std::vector<std::string> paths = {bad + "bad_values.yaml",       "examples/cmmm-ic-packaging.yaml",
                                          bad + "unknown_ids.yaml",      bad + "malformed.yaml",
                                          bad + "missing_required.yaml", "examples/cmmm-weak-textile.yaml",
                                          "tests/data/nope.yaml",        "examples/cmmm-biomed-malu.yaml"};
  Diagnostics one;
  const std::vector<AnswerSet> in_turn = LoadCheckedAnswers(*compiled, paths, one, 1);
  REQUIRE(one.HasErrors());
  CHECK(in_turn.size() == 3);
  for (int threads : {2, 3, 8}) {
    CAPTURE(threads);
    Diagnostics many;
    const std::vector<AnswerSet> together = LoadCheckedAnswers(*compiled, paths, many, threads);
    CHECK(many.Format() == one.Format());
    REQUIRE(together.size() == in_turn.size());
    for (size_t i = 0; i < together.size(); ++i) CHECK(together[i].file == in_turn[i].file);
  }
}

}  // namespace
}  // namespace fa
