// The appendix of the diagnosis report view: the requirements below full
// marks (ReportOptions::appendix, by default) or every criterion, in rubric
// order under the path of its node, with the answer, score, status,
// evidence, note, and who answered when — once per node when the same.
#include <set>

#include "report/report_view_parts.h"

namespace fa {

namespace {

const char* StatusKey(const std::string& status) {
  if (status == "answered") return "status_answered";
  if (status == "na") return "status_na";
  if (status == "not_applicable") return "status_not_applicable";
  if (status == "not_assessed") return "status_not_assessed";
  return "status_unanswered";
}

// "Element › Domain › Sub-domain" for a node; a malformed parent chain must
// not loop forever.
std::string NodePath(const DiagnosisContext& c, const std::string& id) {
  std::string path;
  int hops = 0;
  for (const NodeResult* n = c.Node(id); n && hops < 16; ++hops, n = n->parent.empty() ? nullptr : c.Node(n->parent))
    path = c.NodeTitle(*n) + (path.empty() ? "" : " › " + path);
  return path.empty() ? id : path;
}

/// Whether the appendix lists `cr`: every requirement in full, else those
/// answered below full marks that the next level needs (gated: levels up to
/// the gap's target; points: all) — what the plant has to act on now.
/// Not-applicable, not-assessed and text questions, and gaps of the levels
/// beyond, are left to the full appendix.
bool Listed(const DiagnosisContext& c, const CriterionResult& cr) {
  if (c.appendix == Appendix::kFull) return true;
  if (c.gated && c.a.gap.target_level > 0 && cr.level > c.a.gap.target_level) return false;
  return cr.status == "answered" && cr.applicable && cr.max_points > 0 && cr.score < 1 - 1e-9;
}

/// "周工 · 2026年6月23日": who answered and when, as people read it.
std::string By(const DiagnosisContext& c, const CriterionResult& cr) {
  std::string by = cr.assessor;
  if (!cr.date.empty()) by += (by.empty() ? "" : " · ") + DayForPeople(cr.date, c.zone, c.lang);
  return by;
}

EscapedView RowView(const DiagnosisContext& c, const CriterionResult& cr, bool show_by) {
  EscapedView r;
  const bool known = cr.status == "answered" || cr.status == "na" || cr.status == "not_applicable" ||
                     cr.status == "unanswered" || cr.status == "not_assessed";
  std::string score;
  if (cr.applicable && cr.max_points > 0)
    score = c.sum ? Points(cr.points) + " / " + Points(cr.max_points) : Percent(cr.score);
  if (known)
    r.Markup("status", c.L(StatusKey(cr.status)));
  else
    r.Text("status", cr.status);
  r.Text("level", cr.level > 0 ? "L" + std::to_string(cr.level) : "")
      .Text("text", c.T(cr.text))
      .Text("answer", c.AnswerText(cr))
      .Text("score", score)
      .Flag("muted", !cr.applicable)
      .Text("evidence", cr.evidence)
      .Text("note", cr.note)
      .Text("by", show_by ? By(c, cr) : "");
  return r;
}

}  // namespace

EscapedView BuildAppendixView(const DiagnosisContext& c) {
  EscapedView v;
  v.Flag("shown", c.appendix != Appendix::kNone);
  if (c.appendix == Appendix::kNone) return v;
  // The listed requirements by their node, in rubric order. Who answered
  // and when is said once for a node when it is the same for all of its
  // rows (it usually is: one consultant, one visit), else on each row.
  // The gaps appendix leaves out what the gap table shows with its
  // evidence and note: the appendix holds the rest.
  std::set<std::string> in_gap_table;
  if (c.appendix == Appendix::kGaps)
    for (const GapItem* item : GapTableRows(c).shown) in_gap_table.insert(item->criterion);
  std::vector<std::pair<std::string, std::vector<const CriterionResult*>>> groups;
  size_t listed = 0, below = 0;
  for (const auto& cr : c.a.criteria) {
    if (!Listed(c, cr)) continue;
    ++below;
    if (in_gap_table.count(cr.id)) continue;
    ++listed;
    if (groups.empty() || groups.back().first != cr.node) groups.push_back({cr.node, {}});
    groups.back().second.push_back(&cr);
  }
  // Said once above the table when the same for every listed row.
  std::string everyone = groups.empty() ? "" : By(c, *groups.front().second.front());
  for (const auto& group : groups)
    for (const CriterionResult* cr : group.second) everyone = By(c, *cr) == everyone ? everyone : "";
  std::vector<EscapedView> group_views;
  group_views.reserve(groups.size());
  for (const auto& [node, members] : groups) {
    const std::string by = By(c, *members.front());
    bool same = !by.empty();
    for (const CriterionResult* cr : members) same = same && By(c, *cr) == by;
    std::vector<EscapedView> rows;
    rows.reserve(members.size());
    for (const CriterionResult* cr : members) rows.push_back(RowView(c, *cr, everyone.empty() && (!same || node.empty())));
    EscapedView g;
    g.Text("title", node.empty() ? "" : NodePath(c, node))
        .Text("by", same && everyone.empty() && !node.empty() ? by : "")
        .List("rows", rows);
    group_views.push_back(g);
  }
  const bool full = c.appendix == Appendix::kFull;
  // The gaps appendix lists answered requirements only: no status column.
  v.List("groups", group_views)
      .Flag("status", full)
      .Text("by", everyone)
      .Flag("empty", listed == 0)
      .Markup("intro", full ? c.L("appendix_intro")
                            : c.Fill("appendix_intro_gaps", {{"n", std::to_string(listed)},
                                                             {"below", std::to_string(below)},
                                                             {"shown", std::to_string(below - listed)},
                                                             {"all", std::to_string(c.a.criteria.size())}}));
  return v;
}

}  // namespace fa
