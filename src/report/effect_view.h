// The effect of services in a report (providers/effect.h): one escaped row
// per group — served and measured counts, the mean change of level and score
// with their intervals or the suppression note, the comparable factories
// not served, the difference — and the method in words. Shared by the
// provider page (provider_report.h) and the portfolio (portfolio_report.h)
// over templates/partials/effect_table.html.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "providers/effect.h"
#include "report/escaped_view.h"
#include "report/view_context.h"

namespace fa {

/// "+0.67", "−1.00", "0.00".
std::string SignedFixed(double value, int digits = 2);

/// The rows of `groups` (each with its label, unescaped) of `effect`.
std::vector<EscapedView> EffectRows(const ViewContext& c, const ServiceEffect& effect,
                                    const std::vector<std::pair<const EffectGroup*, std::string>>& groups);

/// The method note: pairing, bootstrap (draws, level, seed), the comparable
/// factories and the minimum count.
std::string EffectMethod(const ViewContext& c, const EffectOptions& options);

}  // namespace fa
