// The words of matchmaking in Chinese and English (the only place the
// providers stage holds either): each reason of a match as a sentence, and
// the notes around a list of matches.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "providers/matching.h"
#include "rubric/district.h"

namespace fa {

/// The label `key` in `lang` ("zh" or "en"); the key itself when unknown.
std::string ProviderLabel(const std::string& key, const std::string& lang);

/// The label `key` in `lang` with each {name} replaced by its value.
std::string FillProviderLabel(const std::string& key, const std::string& lang,
                              const std::map<std::string, std::string>& values);

/// Every label key, for the tests.
std::vector<std::string> ProviderLabelKeys();

/// The name of scenario `id` among `needs` in `lang`, else the id.
std::string NeedName(const std::vector<ScenarioNeed>& needs, const std::string& id, const std::string& lang);

/// One reason in words, e.g. "覆盖所需场景 2/4 项：设备运行监控、…"; town
/// and industry by their names in `district` (null: as stored).
std::string ReasonText(const MatchReason& reason, const MatchResult& result, const District* district,
                       const std::string& lang);

}  // namespace fa
