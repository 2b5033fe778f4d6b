#include "assessment/ranking_json.h"

#include "base/csv_text.h"
#include "base/json_writer.h"
#include "base/text.h"
#include "base/version.h"

namespace fa {

namespace {

void WriteLocalized(JsonWriter& w, const std::string& key, const LocalizedText& text) {
  w.Key(key).BeginObject().Field("zh", text.zh).Field("en", text.en).EndObject();
}

void WriteConfig(JsonWriter& w, const Ranking& r) {
  w.Key("config").BeginObject();
  w.Field("file", r.config_file).Field("sha256", r.config_sha256);
  w.Key("criteria").BeginArray();
  for (const auto& c : r.criteria) {
    w.BeginObject().Field("id", c.id);
    if (!c.title.empty()) WriteLocalized(w, "title", c.title);
    w.Field("source", c.source).Field("direction", c.cost ? "cost" : "benefit");
    w.EndObject();
  }
  w.EndArray();
  w.Key("filters").BeginObject();
  w.Field("town", r.filters.towns).Field("industry", r.filters.industries);
  w.Field("min_level", r.filters.min_level);
  w.Field("tier", r.filters.tiers);
  w.EndObject();
  w.EndObject();
}

void WriteWeights(JsonWriter& w, const Ranking& r) {
  w.Key("weights").BeginObject().Field("from", r.weights_from);
  w.Key("values").BeginObject();
  for (const auto& c : r.criteria) w.Field(c.id, c.weight);
  w.EndObject();
  if (r.ahp) {
    const AhpSummary& a = *r.ahp;
    w.Key("ahp").BeginObject();
    w.Field("method", a.method).Field("lambda_max", a.lambda_max).Field("ci", a.ci);
    w.Field("ri", a.ri).Field("ri_table", a.ri_table).Field("cr", a.cr);
    w.Field("max_cr", a.max_cr).Field("consistent", a.consistent);
    w.Key("judgments").BeginArray();
    for (const auto& row : a.judgments) {
      w.BeginArray();
      for (double v : row) w.Number(v);
      w.EndArray();
    }
    w.EndArray();
    w.Key("ri_values").BeginArray();
    for (double v : a.ri_values) w.Number(v);
    w.EndArray();
    w.EndObject();
  }
  w.EndObject();
}

void WriteStabilitySettings(JsonWriter& w, const Ranking& r) {
  w.Key("stability").BeginObject();
  w.Field("computed", r.stability_computed);
  w.Key("samples").Int(r.stability.samples);
  w.Field("kappa", r.stability.kappa);
  w.Key("seed").Int(static_cast<long long>(r.stability.seed));
  w.Field("select", r.stability.select);
  w.Field("sampler", "dirichlet(kappa * w), Marsaglia-Tsang gamma, mt19937_64 blocks of 1000");
  w.Field("interval", "5th-95th percentile rank, nearest-rank method");
  w.EndObject();
}

void WriteCandidate(JsonWriter& w, const Ranking& r, const RankedCandidate& c) {
  w.BeginObject();
  w.Field("rank", c.rank).Field("tied_with", c.tied_with);
  w.Field("id", c.candidate.id).Field("name", c.candidate.name);
  w.Field("town", c.candidate.town).Field("industry", c.candidate.industry);
  w.Field("level", c.candidate.level).Field("maturity_score", c.candidate.maturity);
  if (c.candidate.tiers)
    w.Field("tiers", *c.candidate.tiers);
  else
    w.Key("tiers").Null();
  w.Field(r.method.value_name, c.value);
  w.Key("values").BeginObject();
  for (size_t j = 0; j < r.criteria.size() && j < c.values.size(); ++j)
    w.Field(r.criteria[j].id, c.values[j]);
  w.EndObject();
  if (c.stability) {
    const CandidateStability& s = *c.stability;
    w.Key("stability").BeginObject();
    w.Field("rank_p5", s.rank_p5).Field("rank_median", s.rank_median);
    w.Field("rank_p95", s.rank_p95).Field("mean_rank", s.mean_rank);
    w.Field("top_rank_acceptability", s.top_rank_acceptability);
    w.Field("p_top_n", s.p_top_n);
    w.Key("acceptability").BeginArray();
    for (double a : s.acceptability) w.Number(a);
    w.EndArray();
    w.EndObject();
  }
  w.EndObject();
}

}  // namespace

std::string RankingToJson(const Ranking& r) {
  // Round-trip numbers: RankingFromJson gives back the very Ranking, so a
  // report rendered from the file rounds as the one rendered before saving.
  JsonWriter w(true, JsonWriter::Digits::kRoundTrip);
  w.BeginObject();
  w.Field("format", kRankingFormat).Field("version", kRankingFormatVersion);
  w.Field("program_version", ProgramVersion());
  w.Field("ranking", r.id);
  WriteLocalized(w, "title", r.title);
  w.Field("method", r.method.name);
  w.Field("normalization", r.method.normalization);
  w.Field("value", r.method.value_name);
  WriteConfig(w, r);
  WriteWeights(w, r);
  WriteStabilitySettings(w, r);
  w.Key("ranked").Int(static_cast<long long>(r.candidates.size()));
  w.Field("excluded_by_filters", r.excluded);
  w.Key("tier_names").BeginObject();
  for (const auto& [id, name] : r.tier_names) WriteLocalized(w, id, name);
  w.EndObject();
  w.Key("candidates").BeginArray();
  w.Reserve(r.candidates.size() * (320 + 48 * r.criteria.size()));  // a cohort's are 100,000
  for (const auto& c : r.candidates) WriteCandidate(w, r, c);
  w.EndArray();
  w.EndObject();
  std::string out = w.Take();
  out += '\n';
  return out;
}

std::string RankingToCsv(const Ranking& r) {
  std::string out = "rank,id,name,town,industry,level,maturity_score,";
  out += CsvQuote(r.method.value_name);
  out += ",rank_p5,rank_median,rank_p95,mean_rank,top_rank_acceptability,p_top_" +
         std::to_string(r.stability.select);
  for (const auto& c : r.criteria) out += "," + CsvQuote(c.id);
  out += "\n";
  // Appended piece by piece: a ranking of a cohort has 100,000 rows. Room
  // for them at once (pages reserved are not memory until written), so the
  // text is not copied as it grows.
  out.reserve(out.size() + r.candidates.size() * (64 + 24 * (8 + r.criteria.size())));
  auto cell = [&out](std::string_view text) {
    out += ',';
    AppendCsvQuoted(out, text);
  };
  auto number = [&out](double v) {
    out += ',';
    out += FormatNumber(v);
  };
  auto integer = [&out](long long v) {
    out += ',';
    out += std::to_string(v);
  };
  for (const auto& c : r.candidates) {
    out += std::to_string(c.rank);
    cell(c.candidate.id);
    cell(c.candidate.name);
    cell(c.candidate.town);
    cell(c.candidate.industry);
    out += ',';
    if (c.candidate.level) out += std::to_string(*c.candidate.level);
    out += ',';
    if (c.candidate.maturity) out += FormatNumber(*c.candidate.maturity);
    out += ',';
    out += FormatNumber(c.value);
    if (c.stability) {
      const CandidateStability& s = *c.stability;
      integer(s.rank_p5);
      integer(s.rank_median);
      integer(s.rank_p95);
      number(s.mean_rank);
      number(s.top_rank_acceptability);
      number(s.p_top_n);
    } else {
      out += ",,,,,,";
    }
    for (double v : c.values) number(v);
    out += "\n";
  }
  return out;
}

}  // namespace fa
