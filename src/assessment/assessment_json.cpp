// Writing Assessments as JSON (docs/assessment-json.md).
#include "assessment/assessment_json.h"

namespace fa {

namespace {

void WriteText(JsonWriter& w, const std::string& key, const LocalizedText& t) {
  w.Key(key).BeginObject().Field("zh", t.zh).Field("en", t.en).EndObject();
}

void WriteProfile(JsonWriter& w, const FactoryProfile& p) {
  w.Key("factory").BeginObject();
  w.Field("credit_code", p.credit_code).Field("name", p.name).Field("town", p.town);
  w.Field("industry", p.industry).Field("manufacturing_type", p.manufacturing_type);
  if (p.employees) w.Field("employees", *p.employees);
  if (p.revenue) w.Field("revenue", *p.revenue);
  if (!p.extra.empty()) {
    w.Key("extra").BeginObject();
    for (const auto& [k, v] : p.extra) w.Field(k, v);
    w.EndObject();
  }
  w.EndObject();
}

void WriteRubric(JsonWriter& w, const RubricSummary& r) {
  w.Key("rubric").BeginObject();
  w.Field("id", r.id).Field("version", r.version);
  WriteText(w, "title", r.title);
  w.Field("basis", r.basis).Field("provisional", r.provisional).Field("aggregate", r.aggregate);
  w.Field("level_rule", r.level_rule);
  if (r.level_rule == "gated") w.Field("threshold", r.threshold).Field("empty_level", r.empty_level);
  w.Key("levels").BeginArray();
  for (const auto& l : r.levels) {
    w.BeginObject().Field("level", l.level);
    WriteText(w, "name", l.name);
    WriteText(w, "description", l.description);
    w.EndObject();
  }
  w.EndArray();
  if (!r.bands.empty()) {
    w.Key("bands").BeginArray();
    for (const auto& b : r.bands) {
      w.BeginObject().Field("level", b.level).Field("min_total", b.min_total).Field("total_met", b.total_met);
      w.Key("require").BeginArray();
      for (const auto& q : b.require) {
        w.BeginObject().Field("node", q.node).Field("tag", q.tag).Field("at_least", q.at_least).Field("min", q.min);
        w.Field("count", q.count).Field("met", q.met);
        if (!q.text.empty()) w.Field("text", q.text);
        w.EndObject();
      }
      w.EndArray().EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

void WriteStanding(JsonWriter& w, const CohortStanding& s) {
  w.Field("percentile_cohort", s.percentile_cohort);
  w.Field("percentile_industry", s.percentile_industry);
  w.Field("percentile_town", s.percentile_town);
  w.Field("median_cohort", s.median_cohort);
  w.Field("median_industry", s.median_industry);
  w.Field("median_town", s.median_town);
}

// What a tier check requires: the fields of its kind.
void WriteRequired(JsonWriter& w, const TierCheck& c) {
  w.Key("required").BeginObject();
  if (c.kind == "min_level" || c.kind == "nodes" || c.kind == "coverage") w.Field("level", c.level);
  if (c.kind == "criteria") w.Field("min_score", c.min);
  if (c.kind == "profile") w.Field("field", c.field).Field("min", c.min);
  if (c.kind == "criteria" || c.kind == "nodes" || c.kind == "coverage") w.Field("at_least", c.at_least);
  w.EndObject();
}

// What the factory has: a level, a value, or the items met and missing.
void WriteFound(JsonWriter& w, const TierCheck& c) {
  w.Key("found").BeginObject();
  if (c.kind == "min_level") w.Field("level", c.found);
  if (c.kind == "profile") w.Field("value", c.found);
  if (c.kind == "criteria" || c.kind == "nodes" || c.kind == "coverage") {
    w.Field("met", c.items_met).Field("of", c.items_total).Key("items").BeginArray();
    for (const auto& item : c.items) {
      w.BeginObject().Field("id", item.id);
      WriteText(w, "name", item.name);
      w.Field("met", item.met);
      if (c.kind != "coverage") w.Field(c.kind == "criteria" ? "score" : "level", item.value);
      w.EndObject();
    }
    w.EndArray();
  }
  if (!c.found_text.empty()) w.Field("text", c.found_text);
  w.EndObject();
}

void WriteTiers(JsonWriter& w, const Assessment& a) {
  w.Key("tiers").BeginObject().Field("scheme", a.tier_scheme);
  WriteText(w, "title", a.tier_scheme_title);
  w.Key("verdicts").BeginArray();
  for (const auto& v : a.tiers) {
    w.BeginObject().Field("tier", v.tier);
    WriteText(w, "name", v.name);
    w.Field("eligible", v.eligible).Field("requires_tier", v.requires_tier).Field("checks_met", v.checks_met);
    w.Key("checks").BeginArray();
    for (const auto& c : v.checks) {
      w.BeginObject().Field("id", c.id);
      WriteText(w, "text", c.text);
      w.Field("kind", c.kind).Field("met", c.met).Field("provisional", c.provisional);
      WriteRequired(w, c);
      WriteFound(w, c);
      w.EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
}

void WriteHead(JsonWriter& w, const Assessment& a) {
  w.Key("provenance").BeginObject();
  w.Field("rubric_id", a.provenance.rubric_id).Field("rubric_version", a.provenance.rubric_version);
  w.Field("rubric_sha256", a.provenance.rubric_sha256).Field("answers_sha256", a.provenance.answers_sha256);
  w.Field("program_version", a.provenance.program_version).Field("generated_at", a.provenance.generated_at);
  w.EndObject();
  WriteRubric(w, a.rubric);
  WriteProfile(w, a.factory);
  w.Field("assessor", a.assessor).Field("date", a.date).Field("round", a.round);
  if (!a.diagnosed_by.empty()) w.Field("diagnosed_by", a.diagnosed_by);  // only when given (docs/assessment-json.md)
  w.Key("result").BeginObject();
  w.Field("level", a.level);
  WriteText(w, "level_name", a.level_name);
  w.Field("score", a.score).Field("max_score", a.max_score).Field("applicable", a.applicable);
  w.EndObject();
  if (a.cohort.size > 0) {  // only when scored with a cohort (cohort_benchmarks.h)
    w.Key("cohort").BeginObject().Field("size", a.cohort.size).Field("industry_peers", a.cohort.industry_peers);
    w.Field("town_peers", a.cohort.town_peers).Field("min_peers", a.cohort.min_peers);
    WriteStanding(w, a.cohort.score);
    w.EndObject();
  }
  if (a.previous) {  // only when the factory's previous round was given (service/assess.h)
    const PreviousRound& p = *a.previous;
    w.Key("previous").BeginObject().Field("round", p.round).Field("date", p.date).Field("level", p.level);
    WriteText(w, "level_name", p.level_name);
    w.Field("score", p.score).EndObject();
  }
  w.Key("levels").BeginArray();
  for (const auto& l : a.levels) {
    w.BeginObject().Field("level", l.level);
    w.Field("score", l.score).Field("applicable", l.applicable).Field("met", l.met).EndObject();
  }
  w.EndArray();
}

void WriteNodes(JsonWriter& w, const Assessment& a) {
  w.Key("nodes").BeginArray();
  for (const auto& n : a.nodes) {
    w.BeginObject().Field("id", n.id).Field("parent", n.parent).Field("depth", n.depth);
    WriteText(w, "title", n.title);
    w.Field("in_total", n.in_total).Field("applicable", n.applicable).Field("score", n.score);
    if (a.rubric.aggregate == "sum") w.Field("max_points", n.max_points);
    if (a.rubric.level_rule == "gated") {
      w.Key("level_scores").BeginArray();
      for (const auto& s : n.level_scores) {
        if (s) w.Number(*s); else w.Null();
      }
      w.EndArray();
      w.Field("level", n.level).Field("maturity", n.maturity);
    }
    if (a.cohort.size > 0) WriteStanding(w, n.cohort);
    w.EndObject();
  }
  w.EndArray();
}

void WriteCriteria(JsonWriter& w, const Assessment& a) {
  w.Key("criteria").BeginArray();
  for (const auto& c : a.criteria) {
    w.BeginObject().Field("id", c.id).Field("node", c.node).Field("level", c.level).Field("kind", c.kind);
    WriteText(w, "text", c.text);
    WriteText(w, "evidence_hint", c.evidence_hint);
    w.Field("recommend", c.recommend).Field("tags", c.tags);
    w.Field("status", c.status).Field("applicable", c.applicable).Field("answer", c.answer);
    WriteText(w, "answer_label", c.answer_label);
    w.Field("points", c.points).Field("max_points", c.max_points).Field("score", c.score).Field("weight", c.weight);
    w.Field("evidence", c.evidence).Field("note", c.note).Field("assessor", c.assessor).Field("date", c.date);
    w.EndObject();
  }
  w.EndArray();
}

void WriteRange(JsonWriter& w, const std::string& key, const FigureRange& r) {
  w.Key(key).BeginArray().Number(r.min).Number(r.max).EndArray();
}

// A scenario's figures (rubric/scenario_figures.h), when it has any.
void WriteFigures(JsonWriter& w, const ScenarioFigures& f) {
  if (!f.Given()) return;
  w.Key("figures").BeginObject().Key("invest").BeginObject();
  for (const auto& [band, r] : f.invest) WriteRange(w, band, r);
  w.EndObject();
  WriteRange(w, "months", f.months);
  w.Key("kpis").BeginArray();
  for (const auto& k : f.kpis) {
    w.BeginObject().Field("kpi", k.kpi);
    WriteRange(w, "range", k.range);
    w.EndObject();
  }
  w.EndArray().Field("source", f.source).Field("provisional", f.provisional).EndObject();
}

// The size bands and KPIs the figures use, when the catalogue has them.
void WriteCosting(JsonWriter& w, const ScenarioCosting& c) {
  if (!c.Given()) return;
  w.Key("costing").BeginObject().Field("file", c.file).Key("bands").BeginArray();
  for (const auto& b : c.bands) {
    w.BeginObject().Field("id", b.id);
    WriteText(w, "name", b.name);
    w.Field("min_employees", b.min_employees).Field("min_revenue", b.min_revenue).EndObject();
  }
  w.EndArray().Key("kpis").BeginArray();
  for (const auto& k : c.kpis) {
    w.BeginObject().Field("id", k.id);
    WriteText(w, "name", k.name);
    w.Field("better", k.lower_is_better ? "lower" : "higher").EndObject();
  }
  w.EndArray().EndObject();
}

// The gap to the next level, the recommended scenarios and the catalogue.
void WritePlan(JsonWriter& w, const Assessment& a) {
  w.Key("gap").BeginObject().Field("target_level", a.gap.target_level).Field("reachable", a.gap.reachable);
  w.Key("items").BeginArray();
  for (const auto& g : a.gap.items)
    w.BeginObject().Field("criterion", g.criterion).Field("level", g.level).Field("score", g.score).Field("effect", g.effect).EndObject();
  w.EndArray();
  w.Field("minimal_set", a.gap.minimal_set).EndObject();
  w.Key("recommendations").BeginArray();
  for (const auto& r : a.recommendations) {
    w.BeginObject().Field("scenario", r.scenario);
    WriteText(w, "name", r.name);
    w.Field("effort", r.effort).Field("benefit", r.benefit).Field("effect", r.effect).Field("because", r.because);
    w.EndObject();
  }
  w.EndArray();
  w.Key("scenarios").BeginArray();
  for (const auto& sc : a.scenarios) {
    w.BeginObject().Field("id", sc.id);
    WriteText(w, "name", sc.name);
    w.Field("link", sc.link).Field("effort", sc.effort).Field("benefit", sc.benefit);
    w.Field("min_level", sc.min_level).Field("prerequisites", sc.prerequisites);
    WriteFigures(w, sc.figures);
    w.EndObject();
  }
  w.EndArray();
  WriteCosting(w, a.costing);
}

}  // namespace

void WriteAssessment(const Assessment& a, JsonWriter& w) {
  w.BeginObject();
  WriteHead(w, a);
  WriteNodes(w, a);
  WriteCriteria(w, a);
  WritePlan(w, a);
  if (!a.tier_scheme.empty()) WriteTiers(w, a);
  w.EndObject();
}

std::string AssessmentsToJson(const std::vector<Assessment>& assessments) {
  JsonWriter w;
  w.BeginObject().Field("format", kAssessmentFormat).Field("version", kAssessmentFormatVersion);
  w.Key("assessments").BeginArray();
  for (const auto& a : assessments) WriteAssessment(a, w);
  w.EndArray().EndObject();
  return w.str() + "\n";
}

}  // namespace fa
