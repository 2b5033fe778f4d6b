#include "providers/match_json.h"

#include "providers/provider_labels.h"

namespace fa {

namespace {

const char* KindName(MatchReason::Kind kind) {
  switch (kind) {
    case MatchReason::kCovers: return "covers";
    case MatchReason::kIndustry: return "industry";
    case MatchReason::kTown: return "town";
    case MatchReason::kSpare: return "spare";
    case MatchReason::kNoSpare: return "no_spare";
    case MatchReason::kEffect: return "effect";
    case MatchReason::kConflict: return "conflict";
  }
  return "";
}

}  // namespace

void WriteMatchJson(JsonWriter& w, const Assessment& a, const MatchResult& result, const District* district,
                    const std::string& lang) {
  w.BeginObject();
  w.Field("credit_code", a.factory.credit_code).Field("name", a.factory.name);
  w.Field("diagnosed_by", a.diagnosed_by).Field("example", result.example);
  w.Key("needs").BeginArray();
  for (const auto& n : result.needs)
    w.BeginObject().Field("scenario", n.scenario).Field("effect", n.effect).Field("weight", n.weight).EndObject();
  w.EndArray();
  w.Field("uncovered", result.uncovered).Field("candidates", result.candidates);
  w.Field("conflict_excluded", result.conflict_excluded);
  w.Key("matches").BeginArray();
  for (const auto& m : result.matches) {
    const Provider& p = *m.provider;
    std::vector<std::string> recognitions;
    for (const auto& r : p.recognitions) recognitions.push_back(r.In(lang));
    w.BeginObject().Field("provider", p.id).Field("name", p.name.In(lang)).Field("credit_code", p.credit_code);
    w.Field("town", p.town).Field("contact", p.contact).Field("recognitions", recognitions);
    w.Field("spare", p.Spare()).Field("diagnoses", p.diagnoses);
    w.Field("score", m.score).Field("conflict", m.conflict).Field("covers", m.coverage.scenarios);
    w.Key("reasons").BeginArray();
    for (const auto& r : m.reasons)
      w.BeginObject()
          .Field("kind", KindName(r.kind))
          .Field("points", r.points)
          .Field("text", ReasonText(r, result, district, lang))
          .EndObject();
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
}

}  // namespace fa
