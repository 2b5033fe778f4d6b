// A factory's matches as JSON (`factory-assess match --json`,
// docs/providers.md "JSON").
#pragma once

#include <string>

#include "base/json_writer.h"
#include "providers/matching.h"

namespace fa {

/// Writes one factory's matches as an object into `w`: the factory, its
/// needs, each provider shown with its score, parts and reasons in `lang`.
void WriteMatchJson(JsonWriter& w, const Assessment& a, const MatchResult& result, const District* district,
                    const std::string& lang);

}  // namespace fa
