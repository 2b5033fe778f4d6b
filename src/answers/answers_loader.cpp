#include "answers/answers_loader.h"

#include <set>

#include "answers/credit_code.h"
#include "base/hash.h"
#include "base/text.h"
#include "rubric/yaml_source.h"

namespace fa {

namespace {

const std::vector<std::string> kTopKeys = {"rubric", "rubric_version", "assessor", "date",
                                           "round", "diagnosed_by", "factory", "answers"};
const std::vector<std::string> kAnswerKeys = {"value", "evidence", "note", "assessor", "date"};
const std::vector<std::string> kKnownProfile = {"credit_code", "name", "town", "industry",
                                                "manufacturing_type", "employees", "revenue"};

// The value of an answer as written; its kind is settled against the
// rubric later (answers_check.h), since "1" may be a scale value or an id.
void ReadValue(const YamlValue& v, Answer& a) {
  a.pos = v.pos();
  if (!v.present()) {
    a.kind = AnswerKind::kNone;
    return;
  }
  if (v.IsSequence()) {
    a.kind = AnswerKind::kOptions;
    for (const YamlValue& item : v.Items())
      if (auto s = item.String()) a.options.push_back(*s);
    return;
  }
  if (!v.IsScalar()) {
    v.TypeError("a value (number, option id, list of option ids, true/false, text or na)");
    a.kind = AnswerKind::kNone;
    return;
  }
  a.text = v.Text();
  if (a.text == "na" || a.text == "NA" || a.text == "n/a") {
    a.kind = AnswerKind::kNotApplicable;
    return;
  }
  a.kind = AnswerKind::kText;
}

void ReadProfile(const YamlMap& map, AnswerSet& set) {
  map.CheckDuplicateKeys();
  FactoryProfile& p = set.factory;
  for (const auto& [key, value] : map.Entries()) {
    const std::string k = key.Text();
    set.profile_pos[k] = value.pos();
    if (k == "employees" || k == "revenue") {
      if (auto n = value.Number()) {
        if (*n < 0) value.Error(k + " must be >= 0, got " + FormatNumber(*n));
        (k == "employees" ? p.employees : p.revenue) = *n;
      }
      continue;
    }
    if (value.present() && !value.IsScalar()) {
      value.TypeError("a single value");
      continue;
    }
    std::string s = value.Text();
    if (k == "credit_code") p.credit_code = s;
    else if (k == "name") p.name = s;
    else if (k == "town") p.town = s;
    else if (k == "industry") p.industry = s;
    else if (k == "manufacturing_type") p.manufacturing_type = s;
    else p.extra[k] = s;
  }
  if (!map.ok()) return;
  map.Require("name");
  YamlValue code = map.Require("credit_code");
  if (code.present()) {
    std::string problem = CheckCreditCode(p.credit_code);
    if (!problem.empty()) {
      // A wrong check character is usually a typo in an otherwise real code.
      if (problem.rfind("check character", 0) == 0)
        code.Warning("credit_code: " + problem);
      else
        code.Error("credit_code: " + problem);
    }
  }
}

}  // namespace

std::optional<AnswerSet> LoadAnswerSetFromString(const std::string& text, const std::string& file,
                                                 Diagnostics& diags) {
  YamlSource src(file, diags);
  std::optional<YamlNode> root = src.Parse(text);
  if (!root) return std::nullopt;
  YamlValue top = YamlValue::Root(src, *root);
  if (!top.IsMap()) {
    top.TypeError("a map with 'factory' and 'answers'");
    return std::nullopt;
  }
  AnswerSet set;
  set.file = file;
  set.sha256 = Sha256Hex(text);
  YamlMap map(top, "");
  map.CheckKeys(kTopKeys);
  YamlValue rubric = map.Require("rubric");
  set.rubric_pos = rubric.pos();
  if (auto v = rubric.Id()) set.rubric = *v;
  if (auto v = map.Get("rubric_version").String()) set.rubric_version = *v;
  if (auto v = map.Get("assessor").String()) set.assessor = *v;
  if (auto v = map.Get("date").String()) set.date = *v;
  if (auto v = map.Get("round").String()) set.round = *v;
  if (auto v = map.Get("diagnosed_by").Id()) set.diagnosed_by = *v;
  YamlValue factory = map.Require("factory");
  if (factory.present()) ReadProfile(YamlMap(factory, "factory"), set);

  YamlValue answers = map.Require("answers");
  set.answers_pos = answers.pos();
  if (answers.present()) {
    YamlMap amap(answers, "answers");
    amap.CheckDuplicateKeys();
    for (const auto& [key, value] : amap.Entries()) {
      Answer a;
      a.criterion = key.Text();
      a.key_pos = key.pos();
      if (a.criterion.empty()) {
        key.Error("empty criterion id (a stray comma or colon?)");
        continue;
      }
      if (value.IsMap()) {
        YamlMap long_form(value, "answer '" + a.criterion + "'");
        long_form.CheckKeys(kAnswerKeys);
        ReadValue(long_form.Require("value"), a);
        if (auto s = long_form.Get("evidence").String()) a.evidence = *s;
        if (auto s = long_form.Get("note").String()) a.note = *s;
        if (auto s = long_form.Get("assessor").String()) a.assessor = *s;
        if (auto s = long_form.Get("date").String()) a.date = *s;
        if (a.kind == AnswerKind::kNone) a.pos = value.pos();
      } else {
        ReadValue(value, a);
        if (!value.present()) a.pos = key.pos();
      }
      if (a.assessor.empty()) a.assessor = set.assessor;
      if (a.date.empty()) a.date = set.date;
      set.answers.push_back(std::move(a));
    }
  }
  return set;
}

std::optional<AnswerSet> LoadAnswerSet(const std::string& path, Diagnostics& diags) {
  std::optional<std::string> text = ReadSource(path, diags, "an answers file");
  if (!text) return std::nullopt;
  return LoadAnswerSetFromString(*text, path, diags);
}

}  // namespace fa
