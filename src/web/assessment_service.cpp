#include "web/assessment_service.h"

#include <Poco/JSON/Parser.h>

#include "answers/answer_set.h"
#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "base/json_writer.h"
#include "base/text.h"
#include "scoring/assessment_builder.h"
#include "assessment/assessment_json.h"
#include "web/web_labels.h"

namespace fa::web {

Poco::Dynamic::Var ParseJsonValue(const std::string& text) {
  Poco::JSON::Parser parser;
  Poco::Dynamic::Var wrapped = parser.parse("[" + text + "]");
  Poco::JSON::Array::Ptr array = wrapped.extract<Poco::JSON::Array::Ptr>();
  if (array->size() != 1) throw std::runtime_error("not one JSON value");
  return array->get(0);
}

std::vector<std::string> DiagnosticLines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.items())
    if (d.severity == Severity::kError) out.push_back(d.message);
  return out;
}

void WriteStoredValue(JsonWriter& w, const std::string& value_json) {
  // Canonical JSON as stored; re-emitted through the writer so the output
  // stays valid whatever the text holds.
  Poco::Dynamic::Var v = ParseJsonValue(value_json);
  if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    w.BeginArray();
    for (const auto& item : *v.extract<Poco::JSON::Array::Ptr>()) w.String(item.convert<std::string>());
    w.EndArray();
  } else if (v.isBoolean()) {
    w.Bool(v.extract<bool>());
  } else if (v.isNumeric()) {
    w.Number(v.convert<double>());
  } else {
    w.String(v.convert<std::string>());
  }
}

std::map<std::string, std::string> ProfileFields(const store::Factory& f) {
  std::map<std::string, std::string> out;
  auto put = [&](const char* k, const std::string& v) {
    if (!v.empty()) out[k] = v;
  };
  put("credit_code", f.credit_code);
  put("name", f.name);
  put("town", f.town);
  put("industry", f.industry);
  put("manufacturing_type", f.manufacturing_type);
  if (f.employees) out["employees"] = FormatNumber(*f.employees);
  if (f.revenue) out["revenue"] = FormatNumber(*f.revenue);
  try {
    Poco::JSON::Parser parser;
    auto extra = parser.parse(f.extra_json.empty() ? "{}" : f.extra_json).extract<Poco::JSON::Object::Ptr>();
    for (const auto& [k, v] : *extra)
      if (!out.count(k) && !v.isEmpty()) out[k] = v.convert<std::string>();
  } catch (const std::exception&) {
  }
  return out;
}

bool ReadJsonValue(const std::string& value_json, Answer& a) {
  a.kind = AnswerKind::kNone;
  if (value_json.empty()) return true;
  Poco::Dynamic::Var v;
  try {
    v = ParseJsonValue(value_json);
  } catch (const std::exception&) {
    return false;
  }
  if (v.isEmpty()) return true;
  if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    a.kind = AnswerKind::kOptions;
    for (const auto& item : *v.extract<Poco::JSON::Array::Ptr>()) {
      if (item.isArray() || item.type() == typeid(Poco::JSON::Object::Ptr)) return false;
      a.options.push_back(item.convert<std::string>());
    }
    return true;
  }
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) return false;
  if (v.isBoolean()) {
    a.text = v.extract<bool>() ? "true" : "false";
  } else if (v.isNumeric()) {
    a.text = value_json;  // the number as written
    while (!a.text.empty() && (a.text.back() == ' ' || a.text.back() == '\n')) a.text.pop_back();
    while (!a.text.empty() && a.text.front() == ' ') a.text.erase(0, 1);
  } else {
    a.text = v.convert<std::string>();
  }
  if (a.text == "na" || a.text == "NA" || a.text == "n/a") {
    a.kind = AnswerKind::kNotApplicable;
    return true;
  }
  a.kind = AnswerKind::kText;
  return true;
}

std::string CanonicalAnswerValue(const Rubric& rubric, const Criterion& criterion, const std::string& value_json,
                                 std::vector<std::string>& problems) {
  Answer a;
  a.criterion = criterion.id;
  if (!ReadJsonValue(value_json, a)) {
    problems.push_back("the value is not a JSON number, string, boolean or list of strings");
    return "";
  }
  if (a.kind == AnswerKind::kNone) return "";
  if (a.kind == AnswerKind::kNotApplicable) return "\"na\"";
  if (a.kind == AnswerKind::kText && a.text.empty() && criterion.kind->scored()) return "";
  problems = CheckAnswerValue(rubric, criterion, a);
  if (!problems.empty()) return "";
  return CanonicalJson(a);
}

std::string CanonicalJson(const Answer& a) {
  switch (a.kind) {
    case AnswerKind::kNone: return "";
    case AnswerKind::kNotApplicable: return "\"na\"";
    case AnswerKind::kNumber: return FormatNumber(a.number);
    case AnswerKind::kBool: return a.boolean ? "true" : "false";
    case AnswerKind::kOptions: {
      JsonWriter w(false);
      w.BeginArray();
      for (const auto& o : a.options) w.String(o);
      w.EndArray();
      return w.str();
    }
    default: return JsonQuote(a.text);
  }
}

Progress ComputeProgress(const Rubric& rubric, const store::Factory& factory,
                         const std::vector<store::AnswerRecord>& answers) {
  Progress p;
  std::map<std::string, const store::AnswerRecord*> by_id;
  for (const auto& a : answers) by_id[a.criterion] = &a;
  std::vector<const Criterion*> all = rubric.AllCriteria();
  std::vector<bool> applies = CriteriaApplying(rubric, ProfileFields(factory));
  for (size_t i = 0; i < all.size(); ++i) {
    if (!applies[i]) continue;
    ++p.applicable;
    auto it = by_id.find(all[i]->id);
    bool answered = it != by_id.end() && !it->second->value_json.empty();
    if (answered)
      ++p.answered;
    else if (all[i]->required)
      ++p.required_missing;
  }
  return p;
}

std::string AnswersDocument(const Rubric& rubric, const store::Factory& factory,
                            const store::AssessmentRecord& record, const std::vector<store::AnswerRecord>& answers,
                            const std::map<int64_t, std::string>& user_names, const TimeZone& zone,
                            const SignOff& sign_off) {
  JsonWriter w(true);
  w.BeginObject();
  w.Field("rubric", rubric.id);
  w.Field("rubric_version", rubric.version);
  if (!record.round.empty()) w.Field("round", record.round);
  if (!sign_off.assessor.empty()) w.Field("assessor", sign_off.assessor);
  if (!sign_off.date.empty()) w.Field("date", sign_off.date);
  // The provider the district gave the diagnosis to diagnoses it: the
  // matching flags it for conflict of interest (docs/providers.md).
  if (!factory.provider.empty()) w.Field("diagnosed_by", factory.provider);
  w.Key("factory").BeginObject();
  std::map<std::string, std::string> profile = ProfileFields(factory);
  for (const char* k : {"credit_code", "name", "town", "industry", "manufacturing_type"})
    if (profile.count(k)) w.Field(k, profile[k]);
  if (factory.employees) w.Field("employees", *factory.employees);
  if (factory.revenue) w.Field("revenue", *factory.revenue);
  for (const auto& [k, v] : profile) {
    static const std::vector<std::string> known = {"credit_code", "name", "town", "industry",
                                                   "manufacturing_type", "employees", "revenue"};
    if (std::find(known.begin(), known.end(), k) == known.end()) w.Field(k, v);
  }
  w.EndObject();
  w.Key("answers").BeginObject();
  std::map<std::string, const store::AnswerRecord*> by_id;
  for (const auto& a : answers) by_id[a.criterion] = &a;
  const std::vector<const Criterion*> all = rubric.AllCriteria();
  const std::vector<bool> applies = CriteriaApplying(rubric, profile);
  for (size_t i = 0; i < all.size(); ++i) {  // rubric order, stable
    const Criterion* c = all[i];
    auto it = by_id.find(c->id);
    if (it == by_id.end() || it->second->value_json.empty()) continue;
    // An answer to a question that no longer applies (the profile changed
    // after it was given) stays in the store and its history, but is not
    // part of the factory's answers: the report shows the question as not
    // applicable, as for a question never answered.
    if (!applies[i]) continue;
    const store::AnswerRecord& a = *it->second;
    w.Key(c->id).BeginObject();
    w.Key("value");
    WriteStoredValue(w, a.value_json);
    if (!a.evidence.empty()) w.Field("evidence", a.evidence);
    if (!a.note.empty()) w.Field("note", a.note);
    if (a.updated_by) {
      auto u = user_names.find(*a.updated_by);
      if (u != user_names.end()) w.Field("assessor", u->second);
    }
    if (a.updated_at.size() >= 10) w.Field("date", LocalIsoDay(a.updated_at, zone).substr(0, 10));
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  return w.str() + "\n";
}

std::string ShownValue(const Rubric& rubric, const std::string& criterion, const std::string& value_json,
                       const std::string& lang) {
  Answer a;
  a.criterion = criterion;
  if (value_json.empty() || !ReadJsonValue(value_json, a) || a.kind == AnswerKind::kNone) return "";
  if (a.kind == AnswerKind::kNotApplicable) return LabelIn(lang, "na");
  const Criterion* c = rubric.FindCriterion(criterion);
  if (!c || !CheckAnswerValue(rubric, *c, a).empty()) return a.kind == AnswerKind::kOptions ? "" : a.text;
  return c->kind->AnswerLabel(rubric, *c, a).In(lang);
}

}  // namespace fa::web
