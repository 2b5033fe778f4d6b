#include "providers/demand_json.h"

#include "base/json_writer.h"

namespace fa {

namespace {

void Shares(JsonWriter& w, const char* key, const char* id_key, const std::vector<DemandShare>& shares) {
  w.Key(key).BeginArray();
  for (const auto& s : shares)
    w.BeginObject().Field(id_key, s.id).Field("factories", s.factories).Field("weighted", s.weighted).EndObject();
  w.EndArray();
}

void Factories(JsonWriter& w, const char* key, const std::vector<const Assessment*>& factories) {
  w.Key(key).BeginArray();
  for (const Assessment* a : factories)
    w.BeginObject()
        .Field("credit_code", a->factory.credit_code)
        .Field("name", a->factory.name)
        .Field("town", a->factory.town)
        .Field("industry", a->factory.industry)
        .EndObject();
  w.EndArray();
}

std::vector<std::string> Ids(const std::vector<const Provider*>& providers) {
  std::vector<std::string> ids;
  for (const Provider* p : providers) ids.push_back(p->id);
  return ids;
}

void Rows(JsonWriter& w, const char* key, const char* id_key, const std::vector<ScenarioDemand>& rows,
          const std::string& lang) {
  w.Key(key).BeginArray();
  for (const auto& d : rows) {
    w.BeginObject().Field(id_key, d.scenario).Field("name", d.name.In(lang));
    w.Field("factories", d.factories).Field("weighted", d.weighted).Field("effect", d.effect);
    Shares(w, "by_town", "town", d.by_town);
    Shares(w, "by_industry", "industry", d.by_industry);
    w.Field("providers", Ids(d.providers)).Field("capacity", d.capacity).Field("spare", d.spare);
    w.Field("unmet", d.unmet).EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string DemandToJson(const DemandMap& map, const std::string& lang) {
  JsonWriter w;
  w.BeginObject().Field("catalogue", map.catalogue).Field("example", map.example);
  w.Field("rubric", map.rubric.id).Field("factories", map.factories).Field("with_needs", map.with_needs);
  Rows(w, "scenarios", "scenario", map.scenarios, lang);
  Rows(w, "capabilities", "capability", map.capabilities, lang);
  w.Field("sub_domains_match", map.sub_domains_match);
  std::vector<std::string> attract;
  for (size_t i : map.attract) attract.push_back(map.scenarios[i].scenario);
  w.Field("attract", attract);
  w.Key("events").BeginArray();
  for (const auto& e : map.events) {
    w.BeginObject().Field("scenario", e.scenario).Field("name", e.name.In(lang));
    Factories(w, "factories", e.factories);
    w.Field("towns", e.towns).Field("industries", e.industries);
    w.Key("providers").BeginArray();
    for (const Provider* p : e.providers)
      w.BeginObject()
          .Field("provider", p->id)
          .Field("name", p->name.In(lang))
          .Field("town", p->town)
          .Field("spare", p->Spare())
          .Field("contact", p->contact)
          .EndObject();
    w.EndArray().EndObject();
  }
  w.EndArray();
  Factories(w, "unplanned", map.unplanned);
  w.EndObject();
  return w.str();
}

}  // namespace fa
