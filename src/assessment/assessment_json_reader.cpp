// Reading Assessments back from JSON, for re-rendering without rescoring.
#include "assessment/assessment_json.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <optional>

#include "assessment/assessment_json_v1.h"
#include "assessment/json_fields.h"
#include "assessment/json_spans.h"
#include "base/input_limits.h"
#include "base/input_text.h"
#include "base/parallel.h"

namespace fa {

namespace {

// Version 2: an object; version 1: the requirement as text.
BandRequirement ReadBandRequirement(JsonFields& r, const JsonValue& v) {
  BandRequirement q;
  if (v.IsString()) {
    q.text = std::string(v.Text());
  } else if (!v.IsObject()) {
    r.Fail("a band requirement must be an object");
  } else {
    const JsonObject o = &v;
    q = {r.Str(o, "node"), r.Str(o, "tag"),  r.Int(o, "at_least"), r.Num(o, "min"),
         r.Int(o, "count"), r.Bool(o, "met"), r.Str(o, "text")};
  }
  return q;
}

void ReadRubric(JsonFields& r, const JsonObject& ru, RubricSummary& s) {
  s = {r.Str(ru, "id"),         r.Str(ru, "version"),    r.Text(ru, "title"),
       r.Str(ru, "basis"),      r.Bool(ru, "provisional"), r.Str(ru, "aggregate"),
       r.Str(ru, "level_rule"), r.Num(ru, "threshold"),  r.Str(ru, "empty_level"),
       {},                      {}};
  for (const auto& l : r.Objects(ru, "levels"))
    s.levels.push_back({r.Int(l, "level"), r.Text(l, "name"), r.Text(l, "description")});
  for (const auto& b : r.Objects(ru, "bands")) {
    RubricSummary::PointsBandInfo band{r.Int(b, "level"), r.Num(b, "min_total"), {}, r.Bool(b, "total_met")};
    if (JsonArray require = r.Arr(b, "require"))
      for (const JsonValue& q : *require) band.require.push_back(ReadBandRequirement(r, q));
    s.bands.push_back(std::move(band));
  }
}

void ReadProfile(JsonFields& r, const JsonObject& f, FactoryProfile& p) {
  p = {r.Str(f, "credit_code"), r.Str(f, "name"),         r.Str(f, "town"),
       r.Str(f, "industry"),    r.Str(f, "manufacturing_type"), r.OptNum(f, "employees"),
       r.OptNum(f, "revenue"),  {}};
  if (JsonObject extra = r.Obj(f, "extra"))
    for (const JsonMember& m : extra->members()) {
      const std::string key(m.key);
      if (m.value.IsString() || m.value.IsNumber()) p.extra[key] = std::string(m.value.Text());  // a number as written
      else if (m.value.IsBool()) p.extra[key] = m.value.Bool() ? "true" : "false";
      else if (m.value.IsNull()) p.extra[key] = "";
      else r.Fail("'extra." + key + "' must be a string");
    }
}

void ReadStanding(JsonFields& r, const JsonObject& from, CohortStanding& to) {
  to.percentile_cohort = r.OptNum(from, "percentile_cohort");
  to.percentile_industry = r.OptNum(from, "percentile_industry");
  to.percentile_town = r.OptNum(from, "percentile_town");
  to.median_cohort = r.OptNum(from, "median_cohort");
  to.median_industry = r.OptNum(from, "median_industry");
  to.median_town = r.OptNum(from, "median_town");
}

NodeResult ReadNode(JsonFields& r, const JsonObject& n, bool cohort) {
  NodeResult nr{r.Str(n, "id"),         r.Str(n, "parent"),     r.Int(n, "depth"), r.Text(n, "title"),
                r.Bool(n, "in_total"),  r.Bool(n, "applicable"), r.Num(n, "score"), r.Num(n, "max_points"),
                {},                     r.Int(n, "level"),      r.Num(n, "maturity"), {}};
  if (JsonArray ls = r.Arr(n, "level_scores"))
    for (const JsonValue& score : *ls) nr.level_scores.push_back(r.OptNum(score, "'level_scores'"));
  if (cohort) ReadStanding(r, n, nr.cohort);
  return nr;
}

CriterionResult ReadCriterion(JsonFields& r, const JsonObject& c) {
  return {r.Str(c, "id"),          r.Str(c, "node"),        r.Int(c, "level"),         r.Str(c, "kind"),
          r.Text(c, "text"),       r.Text(c, "evidence_hint"), r.Strings(c, "recommend"), r.Strings(c, "tags"),
          r.Bool(c, "applicable"), r.Str(c, "status"),      r.Str(c, "answer"),        r.Text(c, "answer_label"),
          r.Num(c, "points"),      r.Num(c, "max_points"),  r.Num(c, "score"),         r.Num(c, "weight"),
          r.Str(c, "evidence"),    r.Str(c, "note"),        r.Str(c, "assessor"),      r.Str(c, "date")};
}

FigureRange ReadRange(JsonFields& r, const JsonObject& o, const std::string& key) {
  const std::vector<double> v = r.Numbers(o, key);
  if (v.size() == 2) return {v[0], v[1]};
  if (o->Has(key)) r.Fail("'" + key + "' must be [min, max]");
  return {};
}

// A scenario's figures; none when the object has no "figures".
ScenarioFigures ReadFigures(JsonFields& r, const JsonObject& so) {
  ScenarioFigures f;
  if (!so->Has("figures")) return f;
  JsonObject fo = r.Obj(so, "figures");
  if (!fo) return f;
  if (JsonObject invest = r.Obj(fo, "invest"))
    for (const JsonMember& band : invest->members()) {
      const std::string name(band.key);
      f.invest[name] = ReadRange(r, invest, name);
    }
  f.months = ReadRange(r, fo, "months");
  for (const auto& k : r.Objects(fo, "kpis")) f.kpis.push_back({r.Str(k, "kpi"), ReadRange(r, k, "range")});
  f.source = r.Str(fo, "source");
  f.provisional = r.Bool(fo, "provisional");
  return f;
}

ScenarioCosting ReadCosting(JsonFields& r, const JsonObject& co) {
  ScenarioCosting c;
  if (!co) return c;
  c.file = r.Str(co, "file");
  for (const auto& b : r.Objects(co, "bands"))
    c.bands.push_back({r.Str(b, "id"), r.Text(b, "name"), r.Num(b, "min_employees"), r.Num(b, "min_revenue"), {}});
  for (const auto& k : r.Objects(co, "kpis"))
    c.kpis.push_back({r.Str(k, "id"), r.Text(k, "name"), r.Str(k, "better") == "lower", {}});
  return c;
}

void ReadPlan(JsonFields& r, const JsonObject& o, Assessment& a) {
  JsonObject g = r.Obj(o, "gap");
  a.gap.target_level = r.Int(g, "target_level");
  a.gap.reachable = r.Bool(g, "reachable");
  for (const auto& it : r.Objects(g, "items"))
    a.gap.items.push_back({r.Str(it, "criterion"), r.Int(it, "level"), r.Num(it, "score"), r.Num(it, "effect")});
  a.gap.minimal_set = r.Strings(g, "minimal_set");
  for (const auto& rc : r.Objects(o, "recommendations"))
    a.recommendations.push_back({r.Str(rc, "scenario"), r.Text(rc, "name"), r.Str(rc, "effort"), r.Str(rc, "benefit"),
                                 r.Num(rc, "effect"), r.Strings(rc, "because")});
  for (const auto& so : r.Objects(o, "scenarios"))
    a.scenarios.push_back({r.Str(so, "id"), r.Text(so, "name"), r.Str(so, "link"), r.Str(so, "effort"),
                           r.Str(so, "benefit"), r.Int(so, "min_level"), r.Strings(so, "prerequisites"),
                           ReadFigures(r, so)});
  if (o->Has("costing")) a.costing = ReadCosting(r, r.Obj(o, "costing"));
}

TierCheck ReadCheck(JsonFields& r, const JsonObject& co) {
  TierCheck c;
  c.id = r.Str(co, "id");
  c.text = r.Text(co, "text");
  c.kind = r.Str(co, "kind");
  c.met = r.Bool(co, "met");
  c.provisional = r.Bool(co, "provisional");
  if (const JsonValue* found = co->Find("found"); found && found->IsString()) {  // version 1
    c.found_text = r.Str(co, "found");
    return c;
  }
  const JsonObject q = r.Obj(co, "required");
  c.level = r.Int(q, "level");
  c.min = r.Num(q, c.kind == "criteria" ? "min_score" : "min");
  c.field = r.Str(q, "field");
  c.at_least = r.Int(q, "at_least");
  const JsonObject f = r.Obj(co, "found");
  c.found = r.OptNum(f, c.kind == "profile" ? "value" : "level");
  c.items_met = r.Int(f, "met");
  c.items_total = r.Int(f, "of");
  for (const auto& it : r.Objects(f, "items"))
    c.items.push_back({r.Str(it, "id"), r.Text(it, "name"), r.Bool(it, "met"),
                       r.OptNum(it, c.kind == "criteria" ? "score" : "level")});
  c.found_text = r.Str(f, "text");
  return c;
}

void ReadTiers(JsonFields& r, const JsonObject& t, Assessment& a) {
  a.tier_scheme = r.Str(t, "scheme");
  a.tier_scheme_title = r.Text(t, "title");
  for (const auto& vo : r.Objects(t, "verdicts")) {
    TierVerdict v{r.Str(vo, "tier"), r.Text(vo, "name"), r.Bool(vo, "eligible"), r.Str(vo, "requires_tier"), {},
                  r.Int(vo, "checks_met")};
    for (const auto& co : r.Objects(vo, "checks")) v.checks.push_back(ReadCheck(r, co));
    a.tiers.push_back(std::move(v));
  }
}

// Every level the assessment names lies in its rubric's range: 0 (below
// level 1; for a criterion of a points rubric, none) to the top level, and
// 1 to the top for the per-level scores — a report indexes its tables by them.
void CheckLevels(JsonFields& r, const Assessment& a) {
  int top = a.rubric.levels.empty() ? std::numeric_limits<int>::max() : 0;
  for (const auto& l : a.rubric.levels) top = std::max(top, l.level);
  auto check = [&](int level, int lowest, const std::string& what) {
    if (level < lowest || level > top)
      r.Fail(what + " is level " + std::to_string(level) + ", outside the rubric's levels " +
             std::to_string(lowest) + " to " + std::to_string(top));
  };
  check(a.level, 0, "result");
  for (const auto& l : a.levels) check(l.level, 1, "levels[]");
  for (const auto& n : a.nodes) check(n.level, 0, "node '" + n.id + "'");
  for (const auto& c : a.criteria) check(c.level, 0, "criterion '" + c.id + "'");
}

Assessment ReadAssessment(JsonFields& r, const JsonObject& o) {
  Assessment a;
  JsonObject p = r.Obj(o, "provenance");
  a.provenance = {r.Str(p, "rubric_id"), r.Str(p, "rubric_version"), r.Str(p, "rubric_sha256"),
                  r.Str(p, "answers_sha256"), r.Str(p, "program_version"), r.Str(p, "generated_at")};
  ReadRubric(r, r.Obj(o, "rubric"), a.rubric);
  ReadProfile(r, r.Obj(o, "factory"), a.factory);
  a.assessor = r.Str(o, "assessor");
  a.date = r.Str(o, "date");
  a.round = r.Str(o, "round");
  a.diagnosed_by = r.Str(o, "diagnosed_by");
  r.Require(o, {"result"});
  JsonObject res = r.Obj(o, "result");
  a.level = r.Int(res, "level");
  a.level_name = r.Text(res, "level_name");
  a.score = r.Num(res, "score");
  a.max_score = r.Num(res, "max_score");
  a.applicable = r.Int(res, "applicable");
  if (JsonObject co = r.Obj(o, "cohort")) {
    a.cohort.size = r.Int(co, "size");
    a.cohort.industry_peers = r.Int(co, "industry_peers");
    a.cohort.town_peers = r.Int(co, "town_peers");
    a.cohort.min_peers = r.Int(co, "min_peers");
    ReadStanding(r, co, a.cohort.score);
  }
  if (JsonObject pr = r.Obj(o, "previous"))
    a.previous = PreviousRound{r.Str(pr, "round"), r.Str(pr, "date"), r.Int(pr, "level"), r.Text(pr, "level_name"),
                               r.Num(pr, "score")};
  for (const auto& l : r.Objects(o, "levels"))
    a.levels.push_back({r.Int(l, "level"), r.OptNum(l, "score"), r.Int(l, "applicable"), r.Bool(l, "met")});
  for (const auto& n : r.Objects(o, "nodes")) a.nodes.push_back(ReadNode(r, n, a.cohort.size > 0));
  for (const auto& c : r.Objects(o, "criteria")) a.criteria.push_back(ReadCriterion(r, c));
  ReadPlan(r, o, a);
  if (JsonObject t = r.Obj(o, "tiers")) ReadTiers(r, t, a);
  CheckLevels(r, a);
  return a;
}

/// One element of an assessments document checked, parsed and read by
/// itself; false when it has anything to say (then the whole document is
/// read again the slow way, which says it).
bool ReadElement(std::string_view text, JsonSpan span, const std::string& file, int version, size_t index,
                 Assessment& into) {
  Diagnostics diags;
  const std::string_view element = text.substr(span.begin, span.end - span.begin);
  if (!CheckUtf8(element, file, diags)) return false;
  // Inside the document's object and its array: two levels down.
  const JsonDocumentPtr doc = ParseJsonPart(element, kMaxNestingDepth - 2, file, diags);
  if (!doc) return false;
  JsonFields r(file, diags);
  r.At("assessments[" + std::to_string(index) + "]");
  into = ReadAssessment(r, &doc->root());
  if (version < 2) UpgradeFromVersion1(into);
  return diags.empty();
}

/// The version of a clean assessments document whose array of assessments
/// is `spans` (the document parsed without it; each assessment is checked
/// by ReadElement), or nullopt.
std::optional<int> CleanDocumentVersion(std::string_view text, const JsonArraySpans& spans,
                                        const std::string& file) {
  Diagnostics scratch;
  if (!CheckSize(text, kMaxDocumentBytes, file, scratch)) return std::nullopt;
  const std::string head =
      std::string(text.substr(0, spans.array.begin)).append("[]").append(text.substr(spans.array.end));
  const JsonDocumentPtr doc = ParseJsonObject(head, file, scratch);
  if (!doc) return std::nullopt;
  const JsonObject top = &doc->root();
  JsonFields r(file, scratch);
  if (r.Str(top, "format") != kAssessmentFormat) return std::nullopt;
  const int version = r.Int(top, "version");
  if (version > kAssessmentFormatVersion || !scratch.empty()) return std::nullopt;
  return version;
}

/// A clean document of several assessments, its elements at `spans`, read
/// `part` assessments at a time, each part on `threads` threads and given
/// to `each`; false when it has anything to say.
bool ReadEachPart(std::string_view text, const JsonArraySpans& spans, const std::string& file, int threads,
                  size_t part, const std::function<void(size_t, std::vector<Assessment>&)>& each) {
  if (spans.elements.size() < 2 || part == 0) return false;
  const std::optional<int> version = CleanDocumentVersion(text, spans, file);
  if (!version) return false;
  for (size_t first = 0; first < spans.elements.size(); first += part) {
    std::vector<Assessment> list(std::min(part, spans.elements.size() - first));
    std::atomic<bool> clean{true};
    ParallelFor(
        list.size(),
        [&](size_t i) {
          if (clean && !ReadElement(text, spans.elements[first + i], file, *version, first + i, list[i]))
            clean = false;
        },
        threads);
    if (!clean) return false;
    each(first, list);
  }
  return true;
}

/// A clean document of several assessments read one assessment at a time
/// on `threads` threads: the same assessments as reading it whole, in
/// less time, and with no parsed tree of the whole document held at once.
/// The elements are found by the layout this program writes, or else by
/// scanning. nullopt when it has anything to say — then the whole document
/// is read as before, with the same messages.
std::optional<std::vector<Assessment>> ReadEachInParallel(std::string_view text, const std::string& file,
                                                          int threads) {
  for (JsonSpanSearch search : {JsonSpanSearch::kByLayout, JsonSpanSearch::kScan})
    if (const std::optional<JsonArraySpans> spans = TopLevelArraySpans(text, "assessments", search)) {
      std::vector<Assessment> out;
      const auto keep = [&](size_t, std::vector<Assessment>& list) { out = std::move(list); };
      if (ReadEachPart(text, *spans, file, threads, spans->elements.size(), keep)) return out;
    }
  return std::nullopt;
}

}  // namespace

std::vector<Assessment> AssessmentsFromJson(std::string_view text, const std::string& file, Diagnostics& diags,
                                            int threads) {
  if (auto each = ReadEachInParallel(text, file, threads)) return std::move(*each);
  std::vector<Assessment> out;
  const size_t errors = diags.ErrorCount();
  const JsonDocumentPtr doc = ParseJsonObject(text, file, diags);
  if (!doc) return out;
  const JsonObject top = &doc->root();
  JsonFields r(file, diags);
  if (!top->Has("assessments")) {
    out.push_back(ReadAssessment(r, top));  // a single assessment object: the current version
  } else {
    const std::string format = r.Str(top, "format");
    if (format != kAssessmentFormat) {
      diags.Error(file, {}, "expected format '" + std::string(kAssessmentFormat) + "', found '" + format + "'");
      return out;
    }
    const int version = r.Int(top, "version");
    if (version > kAssessmentFormatVersion) {
      diags.Error(file, {}, "version " + std::to_string(version) + " is newer than this program reads (" +
                                std::to_string(kAssessmentFormatVersion) + ")");
      return out;
    }
    const std::vector<JsonObject> list = r.Objects(top, "assessments");
    for (size_t i = 0; i < list.size(); ++i) {
      r.At("assessments[" + std::to_string(i) + "]");
      out.push_back(ReadAssessment(r, list[i]));
      if (version < 2) UpgradeFromVersion1(out.back());
    }
  }
  if (diags.ErrorCount() > errors) out.clear();
  return out;
}

bool ForEachAssessmentPart(std::string_view text, const std::string& file, int threads, size_t part,
                           const std::function<void(size_t first, std::vector<Assessment>& list)>& each) {
  // By layout when the text is laid out as this program writes it; a text
  // laid out otherwise is scanned. (A failure cannot be retried the other
  // way: parts have been given out.)
  std::optional<JsonArraySpans> spans = TopLevelArraySpans(text, "assessments", JsonSpanSearch::kByLayout);
  if (!spans) spans = TopLevelArraySpans(text, "assessments", JsonSpanSearch::kScan);
  return spans && ReadEachPart(text, *spans, file, threads, part, each);
}

}  // namespace fa
