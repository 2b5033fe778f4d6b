#include "web/factory_form.h"

#include <Poco/JSON/Parser.h>

#include "answers/credit_code.h"
#include "base/json_writer.h"
#include "base/text.h"
#include "web/web_labels.h"

namespace fa::web {

const std::vector<std::string> kFactoryTextFields = {"name", "credit_code", "town", "industry",
                                                     "manufacturing_type"};

namespace {

const std::string kCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

std::string Trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string UpperAscii(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::map<std::string, std::string> ReadExtra(const std::string& json) {
  std::map<std::string, std::string> out;
  try {
    Poco::JSON::Parser parser;
    auto o = parser.parse(json.empty() ? "{}" : json).extract<Poco::JSON::Object::Ptr>();
    for (const auto& [k, v] : *o)
      if (!v.isEmpty()) out[k] = v.convert<std::string>();
  } catch (const std::exception&) {
  }
  return out;
}

std::string WriteExtra(const std::map<std::string, std::string>& extra) {
  JsonWriter w(false);
  w.BeginObject();
  for (const auto& [k, v] : extra) w.Field(k, v);
  w.EndObject();
  return w.str();
}

struct ChoiceField {
  const char* name;  ///< also the label of the field's name
  ChoiceList list;
  std::string store::Factory::*member;
};

const ChoiceField kChoiceFields[] = {
    {"town", ChoiceList::kTown, &store::Factory::town},
    {"industry", ChoiceList::kIndustry, &store::Factory::industry},
    {"manufacturing_type", ChoiceList::kManufacturingType, &store::Factory::manufacturing_type},
};

/// Applies one pick-list field; the problem in `lang` or "".
std::string ApplyChoice(const District& d, const ChoiceField& field, const std::string& typed, const std::string& lang,
                        store::Factory& f) {
  const std::string value = Trimmed(typed);
  if (value.empty()) {
    f.*field.member = "";
    return "";
  }
  if (const DistrictChoice* c = d.Find(field.list, value)) {
    f.*field.member = c->id;
    return "";
  }
  std::vector<std::string> names;
  for (const auto& c : d.Choices(field.list)) names.push_back(c.name.In(lang));
  return LabelIn(lang, "unknown_choice", {LabelIn(lang, field.name), value, Join(names, LabelIn(lang, "list_separator"))});
}

}  // namespace

std::string CreditCodeMessage(const std::string& typed, const std::string& lang) {
  const std::string code = UpperAscii(Trimmed(typed));
  if (code.empty()) return LabelIn(lang, "credit_code_missing");
  for (size_t i = 0; i < code.size(); ++i) {
    if (kCodeAlphabet.find(code[i]) != std::string::npos) continue;
    // A byte outside ASCII starts a character the code cannot hold (e.g. a
    // full-width letter): name the position, not the byte.
    const std::string pos = std::to_string(i + 1);
    if (static_cast<unsigned char>(code[i]) >= 0x80) return LabelIn(lang, "credit_code_char_wide", {pos});
    return LabelIn(lang, "credit_code_char", {pos, std::string(1, code[i])});
  }
  if (code.size() != 18) return LabelIn(lang, "credit_code_length", {std::to_string(code.size())});
  const char expected = CreditCodeCheckChar(code.substr(0, 17));
  if (code[17] != expected)
    return LabelIn(lang, "credit_code_check", {std::string(1, expected), std::string(1, code[17])});
  return "";
}

std::vector<FieldProblem> ApplyFactoryInput(const District& d, const FactoryInput& input, const std::string& lang,
                                            store::Factory& f) {
  std::vector<FieldProblem> out;
  auto given = [&](const std::string& k) { return input.find(k) != input.end(); };
  if (given("name")) f.name = Trimmed(input.at("name"));
  if (given("name") || f.name.empty()) {
    if (f.name.empty()) out.push_back({"name", LabelIn(lang, "factory_name_missing")});
    else if (f.name.size() > 200) out.push_back({"name", LabelIn(lang, "factory_names_too_long")});
  }
  if (given("credit_code") || f.credit_code.empty()) {
    const std::string typed = given("credit_code") ? input.at("credit_code") : f.credit_code;
    f.credit_code = UpperAscii(Trimmed(typed));
    if (std::string m = CreditCodeMessage(typed, lang); !m.empty()) out.push_back({"credit_code", m});
  }
  for (const ChoiceField& field : kChoiceFields)
    if (given(field.name))
      if (std::string m = ApplyChoice(d, field, input.at(field.name), lang, f); !m.empty())
        out.push_back({field.name, m});
  std::map<std::string, std::string> extra = ReadExtra(f.extra_json);
  for (const ProfileField& field : d.profile_fields) {
    if (!given(field.id)) continue;
    ProfileValueProblem problem;
    std::optional<double> v = ParseProfileValue(field, input.at(field.id), problem);
    if (problem.kind != ProfileValueProblem::kNone) {
      out.push_back({field.id, ProfileValueMessage(field, input.at(field.id), problem, lang)});
      continue;
    }
    if (field.id == "employees") f.employees = v;
    else if (field.id == "revenue") f.revenue = v;
    else if (v) extra[field.id] = FormatNumber(*v);
    else extra.erase(field.id);
  }
  f.extra_json = WriteExtra(extra);
  return out;
}

std::map<std::string, double> ProfileValues(const store::Factory& f) {
  std::map<std::string, double> out;
  for (const auto& [k, v] : ReadExtra(f.extra_json)) {
    char* end = nullptr;
    double d = std::strtod(v.c_str(), &end);
    if (end && *end == '\0' && !v.empty()) out[k] = d;
  }
  if (f.employees) out["employees"] = *f.employees;
  if (f.revenue) out["revenue"] = *f.revenue;
  return out;
}

FactoryInput FactoryAsInput(const store::Factory& f, const District& district) {
  FactoryInput in = {{"name", f.name}, {"credit_code", f.credit_code}, {"town", f.town}, {"industry", f.industry},
                     {"manufacturing_type", f.manufacturing_type}};
  const std::map<std::string, double> values = ProfileValues(f);
  for (const auto& field : district.profile_fields) {
    auto it = values.find(field.id);
    in[field.id] = it == values.end() ? "" : FormatNumber(it->second);
  }
  return in;
}

void FactoryFormView(EscapedView& v, const District& d, const FactoryInput& values,
                     const std::vector<FieldProblem>& problems, const std::string& lang) {
  auto value = [&](const std::string& k) {
    auto it = values.find(k);
    return it == values.end() ? std::string() : it->second;
  };
  auto problem = [&](const std::string& k) {
    for (const auto& p : problems)
      if (p.field == k) return p.message;
    return std::string();
  };
  for (const char* k : {"name", "credit_code"}) {
    v.Text(k, value(k));
    v.Text(std::string(k) + "_error", problem(k));
  }
  for (const ChoiceField& field : kChoiceFields) {
    const std::string chosen = value(field.name);
    const DistrictChoice* known = d.Find(field.list, chosen);
    std::vector<EscapedView> options;
    for (const auto& c : d.Choices(field.list)) {
      EscapedView o;
      o.Text("id", c.id);
      o.Text("name", c.name.In(lang));
      o.Flag("selected", known == &c);
      options.push_back(o);
    }
    if (!chosen.empty() && !known) {  // kept, so saving the form does not lose it
      EscapedView o;
      o.Text("id", chosen);
      o.Text("name", chosen);
      o.Flag("selected", true);
      options.push_back(o);
    }
    v.List(std::string(field.name) + "_options", options);
    v.Text(std::string(field.name) + "_error", problem(field.name));
  }
  std::vector<EscapedView> fields;
  for (const auto& field : d.profile_fields) {
    EscapedView fv;
    fv.Text("id", field.id);
    fv.Text("name", field.name.In(lang));
    fv.Text("label", LabelIn(lang, "with_unit", {field.name.In(lang), field.unit.In(lang)}));
    fv.Text("value", value(field.id));
    fv.Text("error", problem(field.id));
    fields.push_back(fv);
  }
  v.List("profile_fields", fields);
  v.Flag("has_errors", !problems.empty());
}

void FactoryDisplayView(EscapedView& v, const District& d, const store::Factory& f, const std::string& lang) {
  v.Text("town_name", d.NameOf(ChoiceList::kTown, f.town, lang));
  v.Text("industry_name", d.NameOf(ChoiceList::kIndustry, f.industry, lang));
  v.Text("manufacturing_type_name", d.NameOf(ChoiceList::kManufacturingType, f.manufacturing_type, lang));
  const std::map<std::string, double> values = ProfileValues(f);
  std::vector<EscapedView> rows;
  for (const auto& field : d.profile_fields) {
    auto it = values.find(field.id);
    if (it == values.end()) continue;
    EscapedView r;
    r.Text("name", field.name.In(lang));
    r.Text("value", FormatNumber(it->second));
    r.Text("unit", field.unit.In(lang));
    rows.push_back(r);
  }
  v.List("profile", rows);
}

}  // namespace fa::web
