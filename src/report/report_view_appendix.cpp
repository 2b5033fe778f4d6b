// The appendix of the diagnosis report view: every criterion in rubric
// order under the path of its node, with the answer, score, status,
// evidence, note, and who answered when.
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

}  // namespace

EscapedView BuildAppendixView(const DiagnosisContext& c) {
  std::vector<EscapedView> rows;
  rows.reserve(c.a.criteria.size() + c.a.nodes.size());
  std::string group = "\x01";  // no node yet
  for (const auto& cr : c.a.criteria) {
    if (!cr.node.empty() && cr.node != group) {
      group = cr.node;
      EscapedView g;
      g.Flag("group", true).Text("title", NodePath(c, group));
      rows.push_back(g);
    }
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
    std::string by = cr.assessor;
    if (!cr.date.empty()) by += (by.empty() ? "" : " · ") + DayForPeople(cr.date, c.zone, c.lang);
    r.Flag("group", false)
        .Text("id", cr.id)
        .Text("level", cr.level > 0 ? "L" + std::to_string(cr.level) : "")
        .Text("text", c.T(cr.text))
        .Text("answer", c.AnswerText(cr))
        .Text("score", score)
        .Flag("muted", !cr.applicable)
        .Text("evidence", cr.evidence)
        .Text("note", cr.note)
        .Text("by", by);
    rows.push_back(r);
  }
  EscapedView v;
  v.List("rows", rows);
  return v;
}

}  // namespace fa
