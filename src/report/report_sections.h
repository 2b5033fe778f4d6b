// A report's sections as one table: each row names a section's view (the
// key its partial reads), the function that builds that view from the
// report's context, and the partial that lays it out. The report's view
// holds every row's view, and its template's <? sections ?> stands for
// every row's partial in table order (report_template.h), so a section is a
// row, a view file and a partial. docs/architecture.md "Adding a report
// section".
#pragma once

#include <string>
#include <vector>

#include "report/escaped_view.h"

namespace fa {

/// The function type of a section's builder: the section's view from the
/// report's context, every string escaped (escaped_view.h). Builders are
/// declared with it: `SectionBuilder<DiagnosisContext> BuildGapView;`.
template <typename Context>
using SectionBuilder = EscapedView(const Context& c);

template <typename Context>
struct ReportSection {
  const char* name;                 ///< the view's key: "gap"
  SectionBuilder<Context>* build;
  const char* partial;              ///< the template, below templates/: "partials/gap.html"
};

/// Adds every section's view to `view` under its name.
template <typename Context>
void AddSections(EscapedView& view, const std::vector<ReportSection<Context>>& sections, const Context& c) {
  for (const auto& section : sections) view.Child(section.name, section.build(c));
}

/// The sections' partials in table order, for ReportTemplate::Load.
template <typename Context>
std::vector<std::string> SectionPartials(const std::vector<ReportSection<Context>>& sections) {
  std::vector<std::string> partials;
  for (const auto& section : sections) partials.push_back(section.partial);
  return partials;
}

}  // namespace fa
