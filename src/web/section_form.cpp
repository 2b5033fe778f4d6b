#include "web/section_form.h"

#include <cstdlib>
#include <map>

#include "base/json_writer.h"
#include "web/assessment_service.h"

namespace fa::web {

namespace {

bool IsNumber(const std::string& text) {
  if (text.empty()) return false;
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return end && *end == '\0';
}

/// The value of one question's fields as JSON text, as the page's script
/// would send it: "" for no answer, "\"na\"", a number, true/false, an
/// option id or a list of them, text.
std::string PostedValue(const Rubric& rubric, const Criterion& c, const WebRequest& req, const std::string& name,
                        const store::AnswerRecord* stored) {
  if (req.FormValue(name + "-na") == "na") return "\"na\"";
  const AnswerForm form = c.kind->Form(rubric, c, nullptr);
  const std::string v = req.FormValue(name);
  switch (form.input) {
    case AnswerForm::Input::kChoices: {
      const std::vector<std::string> chosen = req.FormAll(name);
      // No box ticked: an empty selection only when it replaces a stored answer.
      if (chosen.empty() && (!stored || stored->value_json.empty())) return "";
      JsonWriter w(false);
      w.BeginArray();
      for (const auto& option : chosen) w.String(option);
      w.EndArray();
      return w.str();
    }
    case AnswerForm::Input::kYesNo: return v == "true" || v == "false" ? v : "";
    case AnswerForm::Input::kChoice:
      if (v.empty()) return "";
      return form.numeric_values && IsNumber(v) ? v : JsonQuote(v);
    case AnswerForm::Input::kNumber:
      if (v.empty()) return "";
      return IsNumber(v) ? v : JsonQuote(v);
    case AnswerForm::Input::kText: return v.empty() ? "" : JsonQuote(v);
  }
  return "";
}

}  // namespace

SectionEdits ReadSectionForm(const Rubric& rubric, const QuestionSection& section, const WebRequest& req,
                             const std::vector<store::AnswerRecord>& answers) {
  SectionEdits out;
  std::map<std::string, const store::AnswerRecord*> by_id;
  for (const auto& a : answers) by_id[a.criterion] = &a;
  for (const Criterion& c : section.node->criteria) {
    const std::string name = ItemAnchor(c.id);
    const std::string version = req.FormValue(name + "-version");
    if (version.empty() || version.find_first_not_of("0123456789") != std::string::npos || version.size() > 15)
      continue;  // not in the form
    auto it = by_id.find(c.id);
    const store::AnswerRecord* stored = it == by_id.end() ? nullptr : it->second;
    std::vector<std::string> problems;
    const std::string value =
        CanonicalAnswerValue(rubric, c, PostedValue(rubric, c, req, name, stored), problems);
    if (!problems.empty()) {
      out.refused.emplace_back(&c, problems.front());
      continue;
    }
    store::SaveAnswer save;
    save.criterion = c.id;
    save.value_json = value;
    save.evidence = req.FormValue(name + "-evidence");
    save.note = req.FormValue(name + "-note");
    if (save.evidence.size() > 20000 || save.note.size() > 20000) {  // as the answer API's limit
      out.refused.emplace_back(&c, "evidence and note hold at most 20000 bytes");
      continue;
    }
    save.base_version = std::stoll(version);
    const bool same = stored ? stored->value_json == save.value_json && stored->evidence == save.evidence &&
                                   stored->note == save.note
                             : save.value_json.empty() && save.evidence.empty() && save.note.empty();
    if (!same) out.saves.push_back(std::move(save));
  }
  return out;
}

}  // namespace fa::web
