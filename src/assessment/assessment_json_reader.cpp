// Reading Assessments back from JSON, for re-rendering without rescoring.
#include "assessment/assessment_json.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

namespace fa {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

struct Reader {
  const std::string& file;
  Diagnostics& diags;
  std::string where;

  void Fail(const std::string& msg) { diags.Error(file, {}, where + msg); }

  std::string Str(const Object::Ptr& o, const std::string& key) {
    if (!o || !o->has(key) || o->isNull(key)) return "";
    try { return o->getValue<std::string>(key); } catch (const Poco::Exception&) {
      Fail("'" + key + "' must be a string");
      return "";
    }
  }
  double Num(const Object::Ptr& o, const std::string& key) {
    if (!o || !o->has(key) || o->isNull(key)) return 0;
    try { return o->getValue<double>(key); } catch (const Poco::Exception&) {
      Fail("'" + key + "' must be a number");
      return 0;
    }
  }
  std::optional<double> OptNum(const Poco::Dynamic::Var& v) {
    if (v.isEmpty()) return std::nullopt;
    try { return v.convert<double>(); } catch (const Poco::Exception&) { return std::nullopt; }
  }
  bool Bool(const Object::Ptr& o, const std::string& key) {
    if (!o || !o->has(key) || o->isNull(key)) return false;
    try { return o->getValue<bool>(key); } catch (const Poco::Exception&) {
      Fail("'" + key + "' must be true or false");
      return false;
    }
  }
  Object::Ptr Obj(const Object::Ptr& o, const std::string& key) {
    if (!o || !o->has(key)) return nullptr;
    return o->getObject(key);
  }
  Array::Ptr Arr(const Object::Ptr& o, const std::string& key) {
    if (!o || !o->has(key)) return nullptr;
    return o->getArray(key);
  }
  LocalizedText Text(const Object::Ptr& o, const std::string& key) {
    Object::Ptr t = Obj(o, key);
    return {Str(t, "zh"), Str(t, "en")};
  }
  std::vector<std::string> Strings(const Object::Ptr& o, const std::string& key) {
    std::vector<std::string> out;
    if (Array::Ptr a = Arr(o, key))
      for (size_t i = 0; i < a->size(); ++i) out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
    return out;
  }
};

Assessment ReadAssessment(Reader& r, const Object::Ptr& o) {
  Assessment a;
  Object::Ptr p = r.Obj(o, "provenance");
  a.provenance = {r.Str(p, "rubric_id"), r.Str(p, "rubric_version"), r.Str(p, "rubric_sha256"),
                  r.Str(p, "answers_sha256"), r.Str(p, "program_version"), r.Str(p, "generated_at")};
  Object::Ptr ru = r.Obj(o, "rubric");
  a.rubric.id = r.Str(ru, "id");
  a.rubric.version = r.Str(ru, "version");
  a.rubric.title = r.Text(ru, "title");
  a.rubric.basis = r.Str(ru, "basis");
  a.rubric.provisional = r.Bool(ru, "provisional");
  a.rubric.aggregate = r.Str(ru, "aggregate");
  a.rubric.level_rule = r.Str(ru, "level_rule");
  a.rubric.threshold = r.Num(ru, "threshold");
  a.rubric.empty_level = r.Str(ru, "empty_level");
  if (Array::Ptr levels = r.Arr(ru, "levels"))
    for (size_t i = 0; i < levels->size(); ++i) {
      Object::Ptr l = levels->getObject(static_cast<unsigned>(i));
      a.rubric.levels.push_back({static_cast<int>(r.Num(l, "level")), r.Text(l, "name"), r.Text(l, "description")});
    }
  if (Array::Ptr bands = r.Arr(ru, "bands"))
    for (size_t i = 0; i < bands->size(); ++i) {
      Object::Ptr b = bands->getObject(static_cast<unsigned>(i));
      a.rubric.bands.push_back({static_cast<int>(r.Num(b, "level")), r.Num(b, "min_total"), r.Strings(b, "require")});
    }
  Object::Ptr f = r.Obj(o, "factory");
  a.factory.credit_code = r.Str(f, "credit_code");
  a.factory.name = r.Str(f, "name");
  a.factory.town = r.Str(f, "town");
  a.factory.industry = r.Str(f, "industry");
  a.factory.manufacturing_type = r.Str(f, "manufacturing_type");
  if (f && f->has("employees")) a.factory.employees = r.Num(f, "employees");
  if (f && f->has("revenue")) a.factory.revenue = r.Num(f, "revenue");
  if (Object::Ptr extra = r.Obj(f, "extra"))
    for (const auto& [k, v] : *extra) a.factory.extra[k] = v.toString();
  a.assessor = r.Str(o, "assessor");
  a.date = r.Str(o, "date");
  a.round = r.Str(o, "round");
  Object::Ptr res = r.Obj(o, "result");
  if (!res) r.Fail("missing 'result'");
  a.level = static_cast<int>(r.Num(res, "level"));
  a.level_name = r.Text(res, "level_name");
  a.score = r.Num(res, "score");
  a.max_score = r.Num(res, "max_score");
  auto standing = [&](const Object::Ptr& from, CohortStanding& to) {
    to.percentile_cohort = r.OptNum(from->get("percentile_cohort"));
    to.percentile_industry = r.OptNum(from->get("percentile_industry"));
    to.median_cohort = r.OptNum(from->get("median_cohort"));
    to.median_industry = r.OptNum(from->get("median_industry"));
  };
  if (Object::Ptr co = r.Obj(o, "cohort")) {
    a.cohort.size = static_cast<int>(r.Num(co, "size"));
    a.cohort.industry_peers = static_cast<int>(r.Num(co, "industry_peers"));
    a.cohort.min_peers = static_cast<int>(r.Num(co, "min_peers"));
    standing(co, a.cohort.score);
  }
  if (Array::Ptr levels = r.Arr(o, "levels"))
    for (size_t i = 0; i < levels->size(); ++i) {
      Object::Ptr l = levels->getObject(static_cast<unsigned>(i));
      LevelScore ls;
      ls.level = static_cast<int>(r.Num(l, "level"));
      ls.score = r.OptNum(l->get("score"));
      ls.applicable = static_cast<int>(r.Num(l, "applicable"));
      ls.met = r.Bool(l, "met");
      a.levels.push_back(ls);
    }
  if (Array::Ptr nodes = r.Arr(o, "nodes"))
    for (size_t i = 0; i < nodes->size(); ++i) {
      Object::Ptr n = nodes->getObject(static_cast<unsigned>(i));
      NodeResult nr;
      nr.id = r.Str(n, "id");
      nr.parent = r.Str(n, "parent");
      nr.depth = static_cast<int>(r.Num(n, "depth"));
      nr.title = r.Text(n, "title");
      nr.in_total = r.Bool(n, "in_total");
      nr.applicable = r.Bool(n, "applicable");
      nr.score = r.Num(n, "score");
      nr.max_points = r.Num(n, "max_points");
      if (Array::Ptr ls = r.Arr(n, "level_scores"))
        for (size_t j = 0; j < ls->size(); ++j) nr.level_scores.push_back(r.OptNum(ls->get(static_cast<unsigned>(j))));
      nr.level = static_cast<int>(r.Num(n, "level"));
      nr.maturity = r.Num(n, "maturity");
      if (a.cohort.size > 0) standing(n, nr.cohort);
      a.nodes.push_back(nr);
    }
  if (Array::Ptr cs = r.Arr(o, "criteria"))
    for (size_t i = 0; i < cs->size(); ++i) {
      Object::Ptr c = cs->getObject(static_cast<unsigned>(i));
      CriterionResult cr;
      cr.id = r.Str(c, "id");
      cr.node = r.Str(c, "node");
      cr.level = static_cast<int>(r.Num(c, "level"));
      cr.kind = r.Str(c, "kind");
      cr.text = r.Text(c, "text");
      cr.evidence_hint = r.Text(c, "evidence_hint");
      cr.recommend = r.Strings(c, "recommend");
      cr.tags = r.Strings(c, "tags");
      cr.status = r.Str(c, "status");
      cr.applicable = r.Bool(c, "applicable");
      cr.answer = r.Str(c, "answer");
      cr.answer_label = r.Text(c, "answer_label");
      cr.points = r.Num(c, "points");
      cr.max_points = r.Num(c, "max_points");
      cr.score = r.Num(c, "score");
      cr.weight = r.Num(c, "weight");
      cr.evidence = r.Str(c, "evidence");
      cr.note = r.Str(c, "note");
      cr.assessor = r.Str(c, "assessor");
      cr.date = r.Str(c, "date");
      a.criteria.push_back(cr);
    }
  Object::Ptr g = r.Obj(o, "gap");
  a.gap.target_level = static_cast<int>(r.Num(g, "target_level"));
  a.gap.reachable = r.Bool(g, "reachable");
  if (Array::Ptr items = r.Arr(g, "items"))
    for (size_t i = 0; i < items->size(); ++i) {
      Object::Ptr it = items->getObject(static_cast<unsigned>(i));
      a.gap.items.push_back({r.Str(it, "criterion"), static_cast<int>(r.Num(it, "level")), r.Num(it, "score"), r.Num(it, "effect")});
    }
  a.gap.minimal_set = r.Strings(g, "minimal_set");
  if (Array::Ptr recs = r.Arr(o, "recommendations"))
    for (size_t i = 0; i < recs->size(); ++i) {
      Object::Ptr rc = recs->getObject(static_cast<unsigned>(i));
      Recommendation rec;
      rec.scenario = r.Str(rc, "scenario");
      rec.name = r.Text(rc, "name");
      rec.effort = r.Str(rc, "effort");
      rec.benefit = r.Str(rc, "benefit");
      rec.effect = r.Num(rc, "effect");
      rec.because = r.Strings(rc, "because");
      a.recommendations.push_back(rec);
    }
  if (Array::Ptr list = r.Arr(o, "scenarios"))
    for (size_t i = 0; i < list->size(); ++i) {
      Object::Ptr so = list->getObject(static_cast<unsigned>(i));
      a.scenarios.push_back({r.Str(so, "id"), r.Text(so, "name"), r.Str(so, "link"), r.Str(so, "effort"),
                             r.Str(so, "benefit"), static_cast<int>(r.Num(so, "min_level")),
                             r.Strings(so, "prerequisites")});
    }
  if (Object::Ptr t = r.Obj(o, "tiers")) {
    a.tier_scheme = r.Str(t, "scheme");
    a.tier_scheme_title = r.Text(t, "title");
    if (Array::Ptr verdicts = r.Arr(t, "verdicts"))
      for (size_t i = 0; i < verdicts->size(); ++i) {
        Object::Ptr vo = verdicts->getObject(static_cast<unsigned>(i));
        TierVerdict v;
        v.tier = r.Str(vo, "tier");
        v.name = r.Text(vo, "name");
        v.eligible = r.Bool(vo, "eligible");
        v.requires_tier = r.Str(vo, "requires_tier");
        if (Array::Ptr checks = r.Arr(vo, "checks"))
          for (size_t j = 0; j < checks->size(); ++j) {
            Object::Ptr co = checks->getObject(static_cast<unsigned>(j));
            v.checks.push_back({r.Str(co, "id"), r.Text(co, "text"), r.Bool(co, "met"), r.Str(co, "found"),
                                r.Bool(co, "provisional")});
          }
        a.tiers.push_back(std::move(v));
      }
  }
  return a;
}

}  // namespace

std::vector<Assessment> AssessmentsFromJson(const std::string& text, const std::string& file,
                                            Diagnostics& diags) {
  std::vector<Assessment> out;
  Poco::Dynamic::Var root;
  try {
    Poco::JSON::Parser parser;
    root = parser.parse(text);
  } catch (const Poco::Exception& e) {
    diags.Error(file, {}, "not valid JSON: " + e.message());
    return out;
  }
  Reader r{file, diags, ""};
  try {
    Object::Ptr top = root.extract<Object::Ptr>();
    if (top->has("assessments")) {
      std::string format = r.Str(top, "format");
      if (format != kAssessmentFormat) {
        diags.Error(file, {}, "expected format '" + std::string(kAssessmentFormat) + "', found '" + format + "'");
        return out;
      }
      Array::Ptr list = top->getArray("assessments");
      for (size_t i = 0; list && i < list->size(); ++i) {
        r.where = "assessments[" + std::to_string(i) + "]: ";
        out.push_back(ReadAssessment(r, list->getObject(static_cast<unsigned>(i))));
      }
    } else {
      out.push_back(ReadAssessment(r, top));
    }
  } catch (const Poco::Exception& e) {
    diags.Error(file, {}, "not an assessment document: " + e.displayText());
  } catch (const std::exception& e) {
    diags.Error(file, {}, std::string("not an assessment document: ") + e.what());
  }
  if (diags.HasErrors()) out.clear();
  return out;
}

}  // namespace fa
