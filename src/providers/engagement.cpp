// Reading engagements (providers/engagement.h): each entry's provider,
// factory, scenarios and dates checked against the catalogue.
#include "providers/engagement.h"

#include <algorithm>

#include "answers/credit_code.h"
#include "base/text.h"
#include "rubric/scenario_loader.h"
#include "rubric/yaml_source.h"

namespace fa {

namespace {

const std::vector<std::string> kTopKeys = {"engagements_id", "example", "engagements"};
const std::vector<std::string> kEntryKeys = {"provider", "credit_code", "factory", "scenarios", "start", "end"};

std::optional<std::string> ReadDate(const YamlValue& value, const std::string& key) {
  auto text = value.String();
  if (!text) return std::nullopt;
  if (!IsCalendarDate(*text)) {
    value.Error(key + ": expected a date YYYY-MM-DD, got '" + *text + "'");
    return std::nullopt;
  }
  return text;
}

Engagement ReadEngagement(const YamlValue& value, const ProviderCatalogue& catalogue,
                          const std::vector<std::string>& scenario_ids) {
  Engagement e;
  YamlMap map(value, "engagement");
  if (!map.ok()) return e;
  e.pos = map.pos();
  map.CheckKeys(kEntryKeys);
  YamlValue provider = map.Require("provider");
  const Provider* p = nullptr;
  if (auto id = provider.Id()) {
    p = catalogue.Find(*id);
    if (!p) {
      std::vector<std::string> ids;
      for (const auto& q : catalogue.providers) ids.push_back(q.id);
      provider.Error("unknown provider '" + *id + "'" + DidYouMean(*id, ids) + " (the providers are in " +
                     catalogue.file + ")");
    } else {
      e.provider = *id;
    }
  }
  YamlValue code = map.Get("credit_code");
  if (auto v = code.String()) {
    e.credit_code = *v;
    if (std::string problem = CheckCreditCode(*v); !problem.empty()) code.Error("credit_code: " + problem);
  }
  if (auto v = map.Get("factory").String()) e.factory = *v;
  if (e.credit_code.empty() && e.factory.empty() && map.ok())
    map.Error("give the factory's credit_code (or at least its name as 'factory')");
  for (const YamlValue& item : map.Require("scenarios").NonEmptyItems()) {
    auto id = item.Id();
    if (!id) continue;
    if (!scenario_ids.empty() && std::find(scenario_ids.begin(), scenario_ids.end(), *id) == scenario_ids.end()) {
      item.Error("unknown scenario '" + *id + "'" + DidYouMean(*id, scenario_ids));
      continue;
    }
    if (std::find(e.scenarios.begin(), e.scenarios.end(), *id) != e.scenarios.end()) {
      item.Error("scenario '" + *id + "' is listed twice");
      continue;
    }
    if (p && !p->Delivers(*id))
      item.Warning("provider '" + p->id + "' does not list scenario '" + *id + "' in the catalogue");
    e.scenarios.push_back(*id);
  }
  auto start = ReadDate(map.Require("start"), "start");
  YamlValue end_value = map.Require("end");
  auto end = ReadDate(end_value, "end");
  if (start) e.start = *start;
  if (end) e.end = *end;
  if (start && end && *end < *start) end_value.Error("end " + *end + " is before start " + *start);
  return e;
}

}  // namespace

bool IsCalendarDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const int year = std::stoi(s.substr(0, 4)), month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::optional<EngagementList> LoadEngagementsFromString(const std::string& text, const std::string& file_name,
                                                        const ProviderCatalogue& catalogue, Diagnostics& diags) {
  Diagnostics found;
  YamlSource src(file_name, found);
  diags.AddSource(file_name, text);
  // The scenario ids: those of the catalogue's scenario catalogue (loaded
  // with the catalogue, so it loads again here).
  std::vector<std::string> scenario_ids;
  if (!catalogue.scenarios_file.empty()) {
    Diagnostics ignored;
    if (auto scenarios = LoadScenarioCatalogue(catalogue.scenarios_file, ignored))
      for (const auto& s : scenarios->scenarios) scenario_ids.push_back(s.id);
  }
  EngagementList list;
  list.file = file_name;
  if (auto root = src.Parse(text)) {
    YamlMap map(YamlValue::Root(src, *root), "");
    if (map.ok()) {
      map.CheckKeys(kTopKeys);
      if (auto v = map.Get("engagements_id").Id()) list.id = *v;
      if (auto v = map.Get("example").Bool()) list.example = *v;
      for (const YamlValue& item : map.Require("engagements").Items())
        list.engagements.push_back(ReadEngagement(item, catalogue, scenario_ids));
    }
  }
  AppendInFileOrder(found, diags, {file_name});
  if (found.HasErrors()) return std::nullopt;
  return list;
}

std::optional<EngagementList> LoadEngagements(const std::string& path, const ProviderCatalogue& catalogue,
                                              Diagnostics& diags) {
  std::optional<std::string> text = ReadSource(path, diags, "an engagements file");
  if (!text) return std::nullopt;
  return LoadEngagementsFromString(*text, path, catalogue, diags);
}

}  // namespace fa
