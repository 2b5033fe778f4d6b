// "Service providers who can deliver this" of the diagnosis report view:
// when the report is given a provider catalogue (ReportOptions::providers),
// the best few providers for the recommended scenarios
// (providers/matching.h), each with the scenarios it covers and the reasons
// of its score in words, two lines each (the report keeps to its page
// limits, tests/report/report_checks_test.cpp); a made-up catalogue is said
// to be one.
#include "base/text.h"
#include "providers/provider_labels.h"
#include "report/report_view_parts.h"

namespace fa {

EscapedView BuildProvidersView(const DiagnosisContext& c) {
  EscapedView v;
  v.Flag("shown", c.providers != nullptr);
  if (!c.providers) return v;
  const ProviderCatalogue& cat = *c.providers;
  const MatchResult result = MatchProviders(cat, c.a, c.match);
  const District* names = cat.district ? cat.district.get() : c.district.get();
  MatchReason conflict;
  conflict.kind = MatchReason::kConflict;
  std::vector<EscapedView> rows;
  int rank = 0;
  for (const auto& m : result.matches) {
    const Provider& p = *m.provider;
    std::vector<std::string> covers, reasons;
    for (const auto& id : m.coverage.scenarios) covers.push_back(NeedName(result.needs, id, c.lang));
    for (const auto& r : m.reasons)
      if (r.kind != MatchReason::kCovers && r.kind != MatchReason::kConflict)
        reasons.push_back(ReasonText(r, result, names, c.lang));
    EscapedView row;
    row.Int("rank", ++rank)
        .Text("name", c.T(p.name))
        .Text("town", names ? names->NameOf(ChoiceList::kTown, p.town, c.lang) : p.town)
        .Text("covers", c.FillText("provider_covers", {{"names", Join(covers, c.L("name_sep"))},
                                                         {"share", FormatFixed(m.coverage.weight * 100, 0)}}))
        .Text("reasons", Join(reasons, c.L("list_sep")))
        .Text("contact", p.contact)
        .Text("score", FormatFixed(m.score, 1))
        .Flag("conflict", m.conflict)
        .Text("conflict_text", m.conflict ? ReasonText(conflict, result, names, c.lang) : "");
    rows.push_back(row);
  }
  std::vector<std::string> uncovered;
  for (const auto& id : result.uncovered) uncovered.push_back(NeedName(result.needs, id, c.lang));
  const std::string none = result.needs.empty() ? ProviderLabel("no_needs", c.lang) : ProviderLabel("none", c.lang);
  v.List("rows", rows)
      .Flag("has", !rows.empty())
      .Text("none", none)
      .Flag("example", result.example)
      .Text("example_note", ProviderLabel("example_note", c.lang))
      .Int("candidates", result.candidates)
      .Flag("excluded", result.conflict_excluded)
      .Text("excluded_note", ProviderLabel("conflict_excluded", c.lang))
      .Flag("has_uncovered", !uncovered.empty())
      .Text("uncovered", FillProviderLabel("uncovered", c.lang, {{"names", Join(uncovered, c.L("name_sep"))}}));
  return v;
}

}  // namespace fa
