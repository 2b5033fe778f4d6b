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

void WriteDutyGroups(JsonWriter& w, const char* key, const char* name_key, const std::vector<DutyGroup>& groups) {
  w.Key(key).BeginArray();
  for (const auto& g : groups)
    w.BeginObject()
        .Field(name_key, g.name)
        .Field("listed", g.listed)
        .Field("diagnosed", g.diagnosed)
        .Field("in_progress", g.in_progress)
        .Field("not_yet", g.not_yet)
        .EndObject();
  w.EndArray();
}

void WriteDuty(JsonWriter& w, const DutyCoverage& d) {
  w.Key("duty").BeginObject();
  w.Field("list", d.file)
      .Field("listed", d.district.listed)
      .Field("diagnosed", d.district.diagnosed)
      .Field("in_progress", d.district.in_progress)
      .Field("not_yet", d.district.not_yet);
  WriteDutyGroups(w, "by_town", "town", d.by_town);
  WriteDutyGroups(w, "by_industry", "industry", d.by_industry);
  if (d.has_provider) WriteDutyGroups(w, "by_provider", "provider", d.by_provider);
  if (d.has_consultant) WriteDutyGroups(w, "by_consultant", "consultant", d.by_consultant);
  w.Key("factories").BeginArray();
  for (const auto& f : d.factories) {
    w.BeginObject()
        .Field("credit_code", f.entry.credit_code)
        .Field("name", f.entry.name)
        .Field("town", f.entry.town)
        .Field("industry", f.entry.industry);
    if (d.has_provider) w.Field("provider", f.entry.provider);
    if (d.has_consultant) w.Field("consultant", f.entry.consultant);
    w.Field("status", DutyStatusId(f.status)).Field("round", f.round).Field("date", f.date).EndObject();
  }
  w.EndArray();
  w.Key("not_listed").BeginArray();
  for (const auto& n : d.not_listed) w.String(n);
  w.EndArray();
  w.EndObject();
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
  if (p.duty) WriteDuty(w, *p.duty);
}

}  // namespace fa
