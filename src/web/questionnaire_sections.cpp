#include "web/questionnaire_sections.h"

#include <cctype>

namespace fa::web {

namespace {

std::string Sanitized(const std::string& prefix, const std::string& id) {
  std::string out = prefix;
  for (char c : id) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  return out;
}

void Collect(const Node& top, const Node& node, std::vector<const Node*>& path, std::vector<QuestionSection>& out) {
  if (!node.criteria.empty()) out.push_back(QuestionSection{&top, &node, path});
  for (const Node& child : node.children) {
    path.push_back(&child);
    Collect(top, child, path, out);
    path.pop_back();
  }
}

}  // namespace

std::string QuestionSection::Title(const std::string& lang) const {
  if (path.empty()) return top->title.In(lang);
  std::string out;
  for (const Node* n : path) out += (out.empty() ? "" : " \xE2\x80\xBA ") + n->title.In(lang);
  return out;
}

std::string QuestionSection::Anchor() const { return Sanitized("s-", node->id); }

std::vector<QuestionSection> QuestionSections(const Rubric& rubric) {
  std::vector<QuestionSection> out;
  std::vector<const Node*> path;
  for (const Node& top : rubric.tree) Collect(top, top, path, out);
  return out;
}

std::string ItemAnchor(const std::string& criterion_id) { return Sanitized("q-", criterion_id); }

}  // namespace fa::web
