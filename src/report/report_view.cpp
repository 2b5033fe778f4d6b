// The diagnosis report's view: the page frame, the cover and provenance,
// and the sections of DiagnosisSections() (report_view_sections.cpp).
#include "report/report_view.h"

#include <algorithm>

#include "report/report_view_parts.h"
#include "report/svg_charts.h"

namespace fa {

namespace {

// Drops every median that comes without its percentile — its group (the
// whole cohort, the industry or the town, for the overall score and every
// node) held fewer values than the minimum (scoring/cohort_benchmarks.h) —
// so that a report read by one firm never gives another's scores away (of
// two firms, the median is their mean).
void HideSmallGroupMedians(Assessment& a) {
  auto hide = [](CohortStanding& s) {
    if (!s.percentile_cohort) s.median_cohort.reset();
    if (!s.percentile_industry) s.median_industry.reset();
    if (!s.percentile_town) s.median_town.reset();
  };
  hide(a.cohort.score);
  for (auto& n : a.nodes) hide(n.cohort);
}

// The first 12 hex digits of a hash, or "—".
std::string HashPrefix(const std::string& hash) { return hash.empty() ? "—" : hash.substr(0, 12); }

// The company's name, or "not given".
std::string Company(const DiagnosisContext& c) { return c.a.factory.name.empty() ? c.L("not_given") : c.a.factory.name; }

// The assessment's date, else the local day it was scored, as people write it.
std::string Date(const DiagnosisContext& c) {
  const Assessment& a = c.a;
  return DayForPeople(!a.date.empty() ? a.date : a.provenance.generated_at, c.zone, c.lang);
}

// When the report was scored, in local time with the zone's offset
// ("2026年12月2日 12:32 (UTC+8)"); the stored text when it is no stamp.
std::string Generated(const DiagnosisContext& c) { return StampWithZone(c.a.provenance.generated_at, c.zone, c.lang); }

EscapedView BuildHeader(const DiagnosisContext& c) {
  const Assessment& a = c.a;
  EscapedView v;
  v.Text("company", Company(c))
      .Text("rubric_title", c.T(a.rubric.title))
      .Markup("report_title", c.L("report_title"))
      .Text("date", Date(c))
      .Text("assessor", a.assessor)
      .Text("round", a.round)
      .Text("credit_code", a.factory.credit_code);
  return v;
}

EscapedView BuildProvenance(const DiagnosisContext& c) {
  const Provenance& p = c.a.provenance;
  EscapedView v;
  v.Text("rubric", p.rubric_id + " " + p.rubric_version)
      .Text("rubric_sha", HashPrefix(p.rubric_sha256))
      .Text("answers_sha", HashPrefix(p.answers_sha256))
      .Text("program", p.program_version)
      .Text("generated_at", Generated(c));  // the method section says when the rubric is provisional
  return v;
}

}  // namespace

std::vector<const NodeResult*> RadarNodes(const Assessment& a) {
  int max_depth = 0;
  for (const auto& n : a.nodes) max_depth = std::max(max_depth, n.depth);
  std::vector<std::vector<const NodeResult*>> by_depth(static_cast<size_t>(max_depth) + 1);
  for (const auto& n : a.nodes)
    if (n.applicable && n.depth >= 0) by_depth[static_cast<size_t>(n.depth)].push_back(&n);
  // A radar reads best with 5 to 12 axes: four elements make a bare
  // quadrilateral, twenty sub-domains a hedge of labels.
  for (const auto& nodes : by_depth)
    if (nodes.size() >= 5 && nodes.size() <= 12) return nodes;
  for (const auto& nodes : by_depth)
    if (nodes.size() >= 3) return nodes;
  return {};
}

std::vector<std::string> DiagnosisSectionPartials() { return SectionPartials(DiagnosisSections()); }

EscapedView BuildDiagnosisView(const Assessment& assessment, const ReportOptions& options) {
  // No median of a group too small to compare is shown.
  Assessment a = assessment;
  HideSmallGroupMedians(a);
  DiagnosisContext context(a, options.lang, options.zone, options.district, options.appendix, options.horizon);
  context.providers = options.providers;
  context.match = options.match;
  const DiagnosisContext& c = context;
  const std::string company = Company(c);
  EscapedView v = c.BeginPage({c.L("report_title"), company, company, Date(c)});
  v.Flag("gated", c.gated)
      .Flag("points", !c.gated)
      .Flag("sum", c.sum)
      .Child("header", BuildHeader(c))
      .Child("provenance", BuildProvenance(c));
  AddSections(v, DiagnosisSections(), c);
  return v;
}

}  // namespace fa
