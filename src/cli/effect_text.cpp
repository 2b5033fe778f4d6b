// The effect of services as text (cli/effect_text.h).
#include "cli/effect_text.h"

#include <ostream>

#include "base/text.h"

namespace fa {

namespace {

std::string Signed(double v) { return (v >= 0 ? "+" : "-") + FormatFixed(v >= 0 ? v : -v, 2); }

void PrintGroup(const EffectGroup& g, const std::string& label, int min_count, std::ostream& out) {
  out << label << ": served " << g.engaged << ", assessed before and after " << g.measured.size();
  if (g.suppressed) {
    out << " (fewer than " << min_count << ": not shown)\n";
    return;
  }
  out << "; level " << Signed(g.level.mean) << " [" << Signed(g.level.low) << ", " << Signed(g.level.high)
      << "], score " << Signed(g.score.mean) << " [" << Signed(g.score.low) << ", " << Signed(g.score.high) << "]";
  if (g.comparison_suppressed)
    out << "; comparable not served " << g.comparison << " (fewer than " << min_count << ": not shown)\n";
  else
    out << "; comparable not served " << g.comparison << ": level " << Signed(g.comparison_level) << ", score "
        << Signed(g.comparison_score) << "; difference level " << Signed(g.difference_level()) << ", score "
        << Signed(g.difference_score()) << "\n";
}

}  // namespace

void PrintEffect(const ServiceEffect& e, const std::string& only, std::ostream& out) {
  const EffectOptions& o = e.options;
  out << "effect of services (T0 -> T1)" << (e.example ? " — example engagements, made up" : "") << ": "
      << e.not_served << " factories not served; " << FormatFixed(o.level * 100, 0) << "% bootstrap interval, "
      << o.draws << " resamples, seed " << o.seed << "; figures of fewer than " << o.min_count
      << " factories not shown\n";
  for (const auto& g : e.providers) {
    if (!only.empty() && g.provider != only) continue;
    PrintGroup(g, "provider " + g.provider, o.min_count, out);
    for (const EffectGroup* s : ScenarioGroupsOf(e, g.provider)) PrintGroup(*s, "  " + s->scenario, o.min_count, out);
  }
  if (only.empty()) {
    out << "per scenario, across providers:\n";
    for (const auto& g : e.scenarios) PrintGroup(g, "  " + g.scenario, o.min_count, out);
  }
  for (const auto& u : e.unmeasured) {
    if (!only.empty() && u.engagement->provider != only) continue;
    static const char* kWhy[] = {"no assessment of the factory", "no assessment before the start",
                                 "no assessment after the end yet"};
    out << "not measured: " << u.engagement->provider << " at "
        << (u.engagement->factory.empty() ? u.engagement->credit_code : u.engagement->factory) << " ("
        << u.engagement->start << " to " << u.engagement->end << "): " << kWhy[u.why] << "\n";
  }
}

}  // namespace fa
