// Assessment rounds as people type them: a year, "2026", or a quarter of
// one, "2026-Q3". Full-width digits, letters and dash (as a Chinese input
// method gives them), a lower-case q and surrounding spaces are accepted and
// normalised; anything else ("2O26" with a letter O, "2026Q3", "26") is
// refused, so one round is always spelled one way.
#pragma once

#include <optional>
#include <string>

namespace fa::web {

/// The round in its one spelling ("2026", "2026-Q3"), or nullopt when `raw`
/// is not a year 2000–2099, optionally with a quarter 1–4.
std::optional<std::string> NormalizeRound(const std::string& raw);

/// The rule in English, for the API's messages.
constexpr const char* kRoundRule = "round must be a year YYYY or a quarter YYYY-Qn (n 1-4), e.g. 2026 or 2026-Q3";

}  // namespace fa::web
