// The table of criterion kinds: one row per kind, each defined in its own
// file (kind_<name>.cpp). A new kind is a new file and a row here.
#include "rubric/criterion_kind.h"

namespace fa {

const CriterionKind& SingleKind();
const CriterionKind& MultiKind();
const CriterionKind& NumberKind();
const CriterionKind& PercentKind();
const CriterionKind& BooleanKind();
const CriterionKind& TextKind();

const std::vector<const CriterionKind*>& CriterionKinds() {
  static const std::vector<const CriterionKind*> kinds = {
      &ScaleKind(),   //
      &SingleKind(),  //
      &MultiKind(),   //
      &NumberKind(),  //
      &PercentKind(),
      &BooleanKind(),  //
      &TextKind(),
  };
  return kinds;
}

const CriterionKind* FindCriterionKind(const std::string& name) {
  for (const CriterionKind* kind : CriterionKinds())
    if (name == kind->name()) return kind;
  return nullptr;
}

}  // namespace fa
