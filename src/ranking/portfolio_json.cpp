#include "ranking/portfolio_json.h"

#include "base/json_writer.h"

namespace fa {

namespace {

void WriteGroups(JsonWriter& w, const char* key, const char* name_key, const std::vector<PortfolioGroup>& groups) {
  w.Key(key).BeginArray();
  for (const auto& g : groups)
    w.BeginObject().Field(name_key, g.name).Field("factories", g.factories).Field("smart", g.smart).EndObject();
  w.EndArray();
}

}  // namespace

std::string PortfolioToJson(const Portfolio& p) {
  JsonWriter w(false);
  w.BeginObject();
  WritePortfolioFields(w, p);
  w.EndObject();
  return w.str();
}

void WritePortfolioFields(JsonWriter& w, const Portfolio& p) {
  w.Field("assessments", p.assessments);
  w.Field("factories", p.district.factories);
  w.Field("smart", p.district.smart);
  w.Key("per_level").BeginArray();
  for (int n : p.district.per_level) w.Int(n);
  w.EndArray();
  w.Key("tiers").BeginArray();
  for (size_t i = 0; i < p.tiers.size(); ++i) {
    w.BeginObject().Field("id", p.tiers[i].id);
    w.Field("factories", i < p.district.per_tier.size() ? p.district.per_tier[i] : 0);
    w.EndObject();
  }
  w.EndArray();
  WriteGroups(w, "by_town", "town", p.by_town);
  WriteGroups(w, "by_industry", "industry", p.by_industry);
  w.Field("moved_up", p.moved_up).Field("unchanged", p.unchanged).Field("moved_down", p.moved_down);
}

}  // namespace fa
