#include "web/audit_view.h"

#include <algorithm>
#include <cstdlib>

#include "assessment/json_tree.h"
#include "report/provider_report.h"
#include "web/assessment_service.h"
#include "web/web_app.h"
#include "web/web_labels.h"

namespace fa::web {

namespace {

// A flat audit record (store/audit_json.h) as its fields' texts, in order;
// empty when there is none or it does not read.
std::vector<std::pair<std::string, std::string>> Fields(const std::string& json) {
  std::vector<std::pair<std::string, std::string>> out;
  if (json.empty()) return out;
  JsonSyntaxError error;
  const auto doc = ParseJson(json, error, 4, JsonText::kView);
  if (!doc || !doc->root().IsObject()) return out;
  for (const JsonMember& m : doc->root().members()) {
    const JsonValue& v = m.value;
    std::string text;
    if (v.IsBool()) text = v.Bool() ? "true" : "false";
    else if (v.IsString() || v.IsNumber()) text = std::string(v.Text());
    out.emplace_back(std::string(m.key), std::move(text));
  }
  return out;
}

// Bookkeeping no reader needs beside the change itself, and what the
// record's name already says (a rubric's id; an engagement's factory, named
// by its id).
bool Bookkeeping(const std::string& key) {
  return key == "version" || key == "sha256" || key == "answers_sha256" || key == "extra_json" ||
         key == "rubric_id" || key == "factory_name";
}

// How a field's values read (AuditChange::style).
const char* StyleOf(const std::string& key) {
  if (key == "evidence" || key == "note" || key == "name" || key == "display_name" || key == "title" ||
      key == "round")
    return "typed";
  if (key == "username" || key == "credit_code" || key == "file_name") return "mono";
  return "";
}

std::optional<int64_t> IdIn(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (*end != '\0') return std::nullopt;
  return v;
}

}  // namespace

AuditReader::AuditReader(WebApp& app, const RequestContext& ctx) : app_(app), ctx_(ctx) {
  providers_ = app.providers();
  if (providers_) scenario_names_ = ScenarioNamesOf(*providers_);
}

const store::AssessmentRecord* AuditReader::Assessment(int64_t id) {
  auto it = assessments_.find(id);
  if (it == assessments_.end()) it = assessments_.emplace(id, app_.store().GetAssessment(id)).first;
  return it->second ? &*it->second : nullptr;
}

std::string AuditReader::FactoryName(int64_t id) {
  auto it = factories_.find(id);
  if (it != factories_.end()) return it->second;
  const auto f = app_.store().GetFactory(id);
  return factories_[id] = f ? f->name : "";
}

const std::pair<std::string, std::string>& AuditReader::Names(int64_t id) {
  auto it = users_.find(id);
  if (it != users_.end()) return it->second;
  const auto u = app_.store().GetUser(id);
  return users_[id] = u ? std::make_pair(u->display_name, u->username) : std::make_pair(std::string(), std::string());
}

std::string AuditReader::DisplayName(int64_t id) { return Names(id).first; }

std::string AuditReader::UserName(int64_t id) {
  const auto& [display, login] = Names(id);
  return display.empty() ? login : display;
}

std::string AuditReader::RubricTitle(int64_t pk) {
  auto it = rubric_titles_.find(pk);
  if (it != rubric_titles_.end()) return it->second;
  const auto r = app_.store().GetRubric(pk);
  return rubric_titles_[pk] = r ? app_.rubrics().Title(*r, ctx_.lang) : "";
}

const Rubric* AuditReader::RubricOf(int64_t assessment_id) {
  const store::AssessmentRecord* a = Assessment(assessment_id);
  if (!a) return nullptr;
  auto it = rubrics_.find(a->rubric_pk);
  if (it == rubrics_.end()) it = rubrics_.emplace(a->rubric_pk, app_.rubrics().Get(a->rubric_pk)).first;
  return it->second ? it->second->rubric.get() : nullptr;
}

std::string AuditReader::Subject(const store::AuditEntry& e) {
  const std::string join = " · ";
  if (e.entity == "answer") {  // "assessment/criterion"
    const size_t slash = e.entity_id.find('/');
    const auto id = IdIn(e.entity_id.substr(0, slash));
    if (!id || slash == std::string::npos) return "";
    const std::string criterion = e.entity_id.substr(slash + 1);
    const store::AssessmentRecord* a = Assessment(*id);
    const Rubric* rubric = RubricOf(*id);
    const Criterion* c = rubric ? rubric->FindCriterion(criterion) : nullptr;
    std::string s = a ? FactoryName(a->factory_id) : "";
    if (c) s += (s.empty() ? "" : join) + c->text.In(ctx_.lang);
    return s;
  }
  if (e.entity == "assessment") {
    const auto id = IdIn(e.entity_id);
    const store::AssessmentRecord* a = id ? Assessment(*id) : nullptr;
    return a ? FactoryName(a->factory_id) + join + a->round : "";
  }
  if (e.entity == "factory") {
    const auto id = IdIn(e.entity_id);
    return id ? FactoryName(*id) : "";
  }
  if (e.entity == "user") {  // by display name; a login name is an id, shown as one among the changes
    const auto id = IdIn(e.entity_id);
    return id ? DisplayName(*id) : "";
  }
  if (e.entity == "rubric") {
    const auto id = IdIn(e.entity_id);
    return id ? RubricTitle(*id) : "";
  }
  if (e.entity == "assignment") {  // "factory/consultant"
    const size_t slash = e.entity_id.find('/');
    const auto factory = IdIn(e.entity_id.substr(0, slash));
    const auto consultant = slash == std::string::npos ? std::nullopt : IdIn(e.entity_id.substr(slash + 1));
    if (!consultant || !factory) return "";
    return FactoryName(*factory) + " / " + UserName(*consultant);
  }
  if (e.entity == "engagement") {  // the factory served, as the record names it
    for (const auto& [key, value] : Fields(e.new_value.empty() ? e.old_value : e.new_value))
      if (key == "factory_name") return value;
  }
  return "";
}

std::string AuditReader::Shown(const store::AuditEntry& e, const std::string& key, const std::string& value) {
  if (value.empty()) return "";
  const District& district = app_.district();
  if (key == "value" && e.entity == "answer") {
    const size_t slash = e.entity_id.find('/');
    const auto id = IdIn(e.entity_id.substr(0, slash));
    const Rubric* rubric = id ? RubricOf(*id) : nullptr;
    const std::string shown =
        rubric && slash != std::string::npos ? ShownValue(*rubric, e.entity_id.substr(slash + 1), value, ctx_.lang) : "";
    return shown.empty() ? value : shown;
  }
  if (key == "active" || key == "must_change_password")
    return value == "true" ? ctx_.Label("yes") : ctx_.Label("no");
  if (key == "role") {
    if (value == "admin") return ctx_.Label("role_admin");
    if (value == "consultant") return ctx_.Label("role_consultant");
    if (value == "manufacturer") return ctx_.Label("role_manufacturer");
    if (value == "commission") return ctx_.Label("role_commission");
  }
  if (key == "status") return value == "submitted" ? ctx_.Label("status_submitted") : ctx_.Label("status_draft");
  if (key == "town") return district.NameOf(ChoiceList::kTown, value, ctx_.lang);
  if (key == "industry") return district.NameOf(ChoiceList::kIndustry, value, ctx_.lang);
  if (key == "manufacturing_type") return district.NameOf(ChoiceList::kManufacturingType, value, ctx_.lang);
  if (key == "factory_id") {
    const auto id = IdIn(value);
    const std::string name = id ? FactoryName(*id) : "";
    return name.empty() ? value : name;
  }
  if (key == "consultant_id") {
    const auto id = IdIn(value);
    const std::string name = id ? UserName(*id) : "";
    return name.empty() ? value : name;
  }
  if (key == "rubric_pk") {
    const auto id = IdIn(value);
    const std::string title = id ? RubricTitle(*id) : "";
    return title.empty() ? value : title;
  }
  if (key == "reopened_from") return ctx_.Label("entity_assessment") + " " + value;
  if (key == "provider" && providers_) {
    const Provider* p = providers_->Find(value);
    return p ? p->name.In(ctx_.lang) : value;
  }
  if (key == "scenarios") {
    std::string out;
    for (size_t at = 0; at <= value.size();) {
      const size_t comma = std::min(value.find(' ', at), value.size());  // ids apart by spaces
      const std::string id = value.substr(at, comma - at);
      auto it = scenario_names_.find(id);
      out += (out.empty() ? "" : ctx_.Label("list_separator")) +
             (it == scenario_names_.end() ? id : it->second.In(ctx_.lang));
      at = comma + 1;
    }
    return out;
  }
  return value;
}

std::vector<AuditChange> AuditReader::Changes(const store::AuditEntry& e) {
  const auto before = Fields(e.old_value), after = Fields(e.new_value);
  auto find = [](const std::vector<std::pair<std::string, std::string>>& fields, const std::string& key) {
    for (const auto& [k, v] : fields)
      if (k == key) return &v;
    return static_cast<const std::string*>(nullptr);
  };
  std::vector<AuditChange> out;
  auto add = [&](const std::string& key, const std::string* was, const std::string* is) {
    if (Bookkeeping(key)) return;
    if (was && is && *was == *is) return;
    if (!was && is && is->empty()) return;  // created without it
    if (was && !is && was->empty()) return;
    out.push_back({FieldName(key), was ? Shown(e, key, *was) : "", is ? Shown(e, key, *is) : "", StyleOf(key)});
  };
  for (const auto& [key, value] : after) add(key, find(before, key), &value);
  for (const auto& [key, value] : before)
    if (!find(after, key)) add(key, &value, nullptr);
  return out;
}

std::string AuditReader::FieldName(const std::string& key) const {
  if (key == "value") return ctx_.Label("audit_field_answer");
  if (key == "evidence") return ctx_.Label("evidence");
  if (key == "note") return ctx_.Label("note");
  if (key == "username") return ctx_.Label("username");
  if (key == "display_name") return ctx_.Label("display_name");
  if (key == "role") return ctx_.Label("role");
  if (key == "active") return ctx_.Label("active");
  if (key == "must_change_password") return ctx_.Label("audit_field_must_change_password");
  if (key == "factory_id" || key == "factory_name") return ctx_.Label("factory");
  if (key == "consultant_id") return ctx_.Label("role_consultant");
  if (key == "provider") return ctx_.Label("audit_field_provider");
  if (key == "name") return ctx_.Label("name");
  if (key == "credit_code") return ctx_.Label("credit_code");
  if (key == "town") return ctx_.Label("town");
  if (key == "industry") return ctx_.Label("industry");
  if (key == "manufacturing_type") return ctx_.Label("manufacturing_type");
  if (key == "employees") return ctx_.Label("employees");
  if (key == "revenue") return ctx_.Label("revenue");
  if (key == "rubric_pk" || key == "rubric_id") return ctx_.Label("rubric");
  if (key == "round") return ctx_.Label("round");
  if (key == "status") return ctx_.Label("status");
  if (key == "reopened_from") return ctx_.Label("audit_field_reopened_from");
  if (key == "title") return ctx_.Label("audit_field_title");
  if (key == "file_name") return ctx_.Label("audit_field_file");
  if (key == "scenarios") return ctx_.Label("provider_scenarios");
  if (key == "start") return ctx_.Label("audit_field_start");
  if (key == "end") return ctx_.Label("audit_field_end");
  return key;
}

}  // namespace fa::web
