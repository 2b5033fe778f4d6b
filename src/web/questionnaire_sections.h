// The questionnaire's sections: one per node that holds criteria (a
// sub-domain of CMMM, a top-level group of a flat rubric), in rubric order,
// each under its top-level node (an element of CMMM) in the contents. The
// questionnaire page, the submit confirmation and the resume link share
// them, and the anchors of sections and items.
#pragma once

#include <string>
#include <vector>

#include "rubric/rubric.h"

namespace fa::web {

struct QuestionSection {
  const Node* top = nullptr;      ///< the top-level node it is under
  const Node* node = nullptr;     ///< the node holding the criteria
  std::vector<const Node*> path;  ///< the nodes below `top` down to `node` (empty when node is top)

  /// The titles of `path` joined by " › " (the top-level node's own title
  /// when it holds the criteria itself).
  std::string Title(const std::string& lang) const;
  /// The section's anchor, "s-" and its node's id.
  std::string Anchor() const;
};

/// Every section of `rubric`, depth first in file order.
std::vector<QuestionSection> QuestionSections(const Rubric& rubric);

/// The anchor of a criterion's item on the questionnaire page: "q-" and its
/// id with any character other than letters, digits, '-' and '_' as '_'.
std::string ItemAnchor(const std::string& criterion_id);

}  // namespace fa::web
