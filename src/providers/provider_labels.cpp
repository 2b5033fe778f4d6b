// The label table of matchmaking (providers/provider_labels.h).
#include "providers/provider_labels.h"

#include <map>

#include "base/text.h"

namespace fa {

namespace {

struct Label {
  const char* key;
  const char* zh;
  const char* en;
};

const std::vector<Label>& Labels() {
  static const std::vector<Label> labels = {
      {"covers", "覆盖所需场景 {n}/{of} 项（占提升效果的 {share}%）：{names}",
       "delivers {n} of the {of} scenarios needed ({share}% of the level gain): {names}"},
      {"industry", "服务过同行业（{industry}）企业", "has served the same industry ({industry})"},
      {"town", "同在{town}", "based in the same town ({town})"},
      {"spare", "本季度尚可承接 {n} 个项目", "can take {n} more engagements this quarter"},
      {"no_spare", "本季度已无余量", "no spare capacity this quarter"},
      {"effect", "所服务企业的成熟度等级平均变化 {value}", "the factories it served changed level by {value} on average"},
      {"conflict", "利益冲突：本次诊断由该服务商承担，实施宜另选或经委托方确认",
       "conflict of interest: this provider performed the diagnosis; choose another or have the client confirm"},
      {"name_sep", "、", ", "},
      {"example_note", "示例数据：服务商名录为虚构示例，名称、信用代码与联系方式均不对应真实企业。",
       "Example data: the provider catalogue is made up; its names, credit codes and contacts are not real companies."},
      {"conflict_excluded", "承担本次诊断的服务商未列入实施推荐（利益冲突）。",
       "The provider that performed the diagnosis is not proposed for the implementation (conflict of interest)."},
      {"none", "名录中没有服务商覆盖所推荐的场景。", "No provider of the catalogue delivers the recommended scenarios."},
      {"no_needs", "没有推荐场景，无需对接。", "No scenario is recommended, so there is nothing to match."},
      {"uncovered", "尚无服务商覆盖：{names}", "Not delivered by any provider yet: {names}"},
      {"score", "匹配分", "match score"},
      {"diagnoses", "可承担诊断", "also performs diagnoses"},
  };
  return labels;
}

std::string Fill(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [key, value] : values) {
    const std::string slot = "{" + key + "}";
    for (size_t at = text.find(slot); at != std::string::npos; at = text.find(slot, at + value.size()))
      text.replace(at, slot.size(), value);
  }
  return text;
}

}  // namespace

std::string ProviderLabel(const std::string& key, const std::string& lang) {
  for (const auto& l : Labels())
    if (key == l.key) return lang == "en" ? l.en : l.zh;
  return key;
}

std::string FillProviderLabel(const std::string& key, const std::string& lang,
                              const std::map<std::string, std::string>& values) {
  return Fill(ProviderLabel(key, lang), values);
}

std::vector<std::string> ProviderLabelKeys() {
  std::vector<std::string> keys;
  for (const auto& l : Labels()) keys.push_back(l.key);
  return keys;
}

std::string NeedName(const std::vector<ScenarioNeed>& needs, const std::string& id, const std::string& lang) {
  for (const auto& n : needs)
    if (n.scenario == id && !n.name.In(lang).empty()) return n.name.In(lang);
  return id;
}

std::string ReasonText(const MatchReason& reason, const MatchResult& result, const District* district,
                       const std::string& lang) {
  auto label = [&](const char* key, const std::map<std::string, std::string>& values) {
    return Fill(ProviderLabel(key, lang), values);
  };
  switch (reason.kind) {
    case MatchReason::kCovers: {
      std::vector<std::string> names;
      for (const auto& id : reason.scenarios) names.push_back(NeedName(result.needs, id, lang));
      return label("covers", {{"n", std::to_string(reason.scenarios.size())},
                              {"of", std::to_string(result.needs.size())},
                              {"share", FormatFixed(reason.share * 100, 0)},
                              {"names", Join(names, ProviderLabel("name_sep", lang))}});
    }
    case MatchReason::kIndustry:
      return label("industry",
                   {{"industry", district ? district->NameOf(ChoiceList::kIndustry, reason.text, lang) : reason.text}});
    case MatchReason::kTown:
      return label("town", {{"town", district ? district->NameOf(ChoiceList::kTown, reason.text, lang) : reason.text}});
    case MatchReason::kSpare:
      return label("spare", {{"n", std::to_string(reason.count)}});
    case MatchReason::kNoSpare:
      return label("no_spare", {});
    case MatchReason::kEffect:
      return label("effect", {{"value", (reason.value >= 0 ? "+" : "") + FormatFixed(reason.value, 2)}});
    case MatchReason::kConflict:
      return label("conflict", {});
  }
  return "";
}

}  // namespace fa
