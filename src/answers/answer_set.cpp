#include "answers/answer_set.h"

#include "base/text.h"

namespace fa {

std::map<std::string, std::string> FactoryProfile::AsFields() const {
  std::map<std::string, std::string> f = extra;
  if (!credit_code.empty()) f["credit_code"] = credit_code;
  if (!name.empty()) f["name"] = name;
  if (!town.empty()) f["town"] = town;
  if (!industry.empty()) f["industry"] = industry;
  if (!manufacturing_type.empty()) f["manufacturing_type"] = manufacturing_type;
  if (employees) f["employees"] = FormatNumber(*employees);
  if (revenue) f["revenue"] = FormatNumber(*revenue);
  return f;
}

const Answer* AnswerSet::Find(const std::string& criterion) const {
  for (const auto& a : answers)
    if (a.criterion == criterion) return &a;
  return nullptr;
}

}  // namespace fa
