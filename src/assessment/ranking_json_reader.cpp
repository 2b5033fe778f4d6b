// Reading a Ranking back from its JSON (ranking_json.h), so a ranking report
// re-renders from saved output without ranking again.
#include <cstdint>

#include "assessment/json_fields.h"
#include "assessment/ranking_json.h"

namespace fa {

namespace {

void ReadCriteria(JsonFields& r, const JsonObject& config, Ranking& out) {
  const std::vector<JsonObject> list = r.Objects(config, "criteria");
  for (size_t i = 0; i < list.size(); ++i) {
    r.At("config.criteria[" + std::to_string(i) + "]");
    const JsonObject& k = list[i];
    r.Require(k, {"id", "source", "direction"});
    const std::string direction = r.Str(k, "direction");
    if (!direction.empty() && direction != "benefit" && direction != "cost")
      r.Fail("'direction' must be benefit or cost, found '" + direction + "'");
    out.criteria.push_back({r.Str(k, "id"), r.Text(k, "title"), r.Str(k, "source"), direction == "cost", 0});
  }
}

void ReadConfig(JsonFields& r, const JsonObject& top, Ranking& out) {
  const JsonObject config = r.Obj(top, "config");
  r.At("config");
  r.Require(config, {"file", "sha256", "criteria", "filters"});
  out.config_file = r.Str(config, "file");
  out.config_sha256 = r.Str(config, "sha256");
  ReadCriteria(r, config, out);
  r.At("config.filters");
  const JsonObject f = r.Obj(config, "filters");
  out.filters.towns = r.Strings(f, "town");
  out.filters.industries = r.Strings(f, "industry");
  if (auto level = r.OptNum(f, "min_level")) out.filters.min_level = static_cast<int>(*level);
  out.filters.tiers = r.Strings(f, "tier");  // version 2
}

AhpSummary ReadAhp(JsonFields& r, const JsonObject& a) {
  r.Require(a, {"method", "lambda_max", "ci", "ri", "ri_table", "cr", "max_cr", "consistent", "judgments"});
  AhpSummary s{r.Str(a, "method"), r.Num(a, "lambda_max"), r.Num(a, "ci"),     r.Num(a, "ri"),
               r.Str(a, "ri_table"), r.Num(a, "cr"),        r.Num(a, "max_cr"), r.Bool(a, "consistent"),
               {},                   {}};
  if (JsonArray rows = r.Arr(a, "judgments"))
    for (unsigned i = 0; i < rows->size(); ++i) {
      JsonArray row = (*rows)[i].IsArray() ? &(*rows)[i] : nullptr;
      if (!row) r.Fail("'judgments[" + std::to_string(i) + "]' must be an array");
      s.judgments.emplace_back();
      for (unsigned j = 0; row && j < row->size(); ++j)
        s.judgments.back().push_back(
            r.OptNum((*row)[j], "'judgments[" + std::to_string(i) + "][" + std::to_string(j) + "]'").value_or(0));
    }
  s.ri_values = r.Numbers(a, "ri_values");  // version 2
  return s;
}

void ReadWeights(JsonFields& r, const JsonObject& top, Ranking& out) {
  const JsonObject w = r.Obj(top, "weights");
  r.At("weights");
  r.Require(w, {"from", "values"});
  out.weights_from = r.Str(w, "from");
  const JsonObject values = r.Obj(w, "values");
  r.At("weights.values");
  for (auto& c : out.criteria)
    if (r.Require(values, {c.id.c_str()})) c.weight = r.Num(values, c.id);
  r.At("weights.ahp");
  if (JsonObject a = r.Obj(w, "ahp")) out.ahp = ReadAhp(r, a);
}

void ReadStability(JsonFields& r, const JsonObject& top, Ranking& out) {
  const JsonObject s = r.Obj(top, "stability");
  r.At("stability");
  r.Require(s, {"computed", "samples", "kappa", "seed", "select"});
  out.stability_computed = r.Bool(s, "computed");
  out.stability.samples = r.Int(s, "samples");
  out.stability.kappa = r.Num(s, "kappa");
  out.stability.seed = static_cast<std::uint64_t>(r.Int64(s, "seed"));  // written as a signed integer
  out.stability.select = r.Int(s, "select");
}

CandidateStability ReadCandidateStability(JsonFields& r, const JsonObject& s) {
  r.Require(s, {"rank_p5", "rank_median", "rank_p95", "mean_rank", "top_rank_acceptability", "p_top_n"});
  return {r.Int(s, "rank_p5"),         r.Int(s, "rank_median"),
          r.Int(s, "rank_p95"),        r.Num(s, "mean_rank"),
          r.Num(s, "top_rank_acceptability"), r.Num(s, "p_top_n"),
          r.Numbers(s, "acceptability")};
}

RankedCandidate ReadCandidate(JsonFields& r, const JsonObject& o, const Ranking& ranking) {
  const char* value = ranking.method.value_name.c_str();
  r.Require(o, {"rank", "id", value, "values"});
  RankedCandidate c;
  c.rank = r.Int(o, "rank");
  c.tied_with = r.Strings(o, "tied_with");  // version 3; before, ranks were never shared
  RankingCandidate& k = c.candidate;
  k.id = r.Str(o, "id");
  k.name = r.Str(o, "name");
  k.town = r.Str(o, "town");
  k.industry = r.Str(o, "industry");
  if (auto level = r.OptNum(o, "level")) k.level = static_cast<int>(*level);
  k.maturity = r.OptNum(o, "maturity_score");
  if (r.Arr(o, "tiers")) k.tiers = r.Strings(o, "tiers");  // version 2; null: the input had no tiers
  c.value = r.Num(o, value);
  const std::string at = r.where();
  if (JsonObject s = r.Obj(o, "stability")) {
    r.At(at + ".stability");
    c.stability = ReadCandidateStability(r, s);
  }
  const JsonObject values = r.Obj(o, "values");
  r.At(at + ".values");
  for (const auto& criterion : ranking.criteria)
    c.values.push_back(r.Require(values, {criterion.id.c_str()}) ? r.Num(values, criterion.id) : 0);
  return c;
}

// "a, b or c".
std::string OneOf(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return out;
}

// The facts of the document's method with its normalisation (its default
// when the document names none).
bool ReadMethod(JsonFields& r, const JsonObject& top, const std::vector<RankingMethodFacts>& methods, Ranking& out) {
  const std::string name = r.Str(top, "method");
  const std::string normalization = r.Str(top, "normalization");
  std::vector<std::string> names, offered;
  const RankingMethodFacts* found = nullptr;
  for (const auto& m : methods) {
    if (names.empty() || names.back() != m.name) names.push_back(m.name);
    if (m.name != name) continue;
    offered.push_back(m.normalization);
    if (!found || m.normalization == normalization) found = &m;
  }
  if (!found) {
    r.Fail("'method' must be " + OneOf(names) + ", found '" + name + "'");
    return false;
  }
  if (!normalization.empty() && found->normalization != normalization) {
    r.Fail("'normalization' of method " + name + " must be " + OneOf(offered) + ", found '" + normalization + "'");
    return false;
  }
  out.method = *found;
  return true;
}

// The header: format, version, id, title, method and normalisation.
bool ReadHeader(JsonFields& r, const JsonObject& top, const std::vector<RankingMethodFacts>& methods, Ranking& out) {
  const std::string format = r.Str(top, "format");
  if (format != kRankingFormat) {
    r.Fail("expected format '" + std::string(kRankingFormat) + "', found '" + format + "'");
    return false;
  }
  const int version = r.Int(top, "version");
  if (version > kRankingFormatVersion) {
    r.Fail("version " + std::to_string(version) + " is newer than this program reads (" +
           std::to_string(kRankingFormatVersion) + ")");
    return false;
  }
  if (!r.Require(top, {"version", "ranking", "title", "method", "config", "weights", "stability", "candidates"}))
    return false;
  out.id = r.Str(top, "ranking");
  out.title = r.Text(top, "title");
  return ReadMethod(r, top, methods, out);
}

}  // namespace

std::optional<Ranking> RankingFromJson(const std::string& text, const std::string& file,
                                       const std::vector<RankingMethodFacts>& methods, Diagnostics& diags) {
  const size_t errors = diags.ErrorCount();
  const JsonDocumentPtr doc = ParseJsonObject(text, file, diags);
  if (!doc) return std::nullopt;
  const JsonObject top = &doc->root();
  JsonFields r(file, diags);
  Ranking out;
  if (!ReadHeader(r, top, methods, out)) return std::nullopt;
  ReadConfig(r, top, out);
  ReadWeights(r, top, out);
  ReadStability(r, top, out);
  r.At("");
  out.excluded = r.Int(top, "excluded_by_filters");
  if (JsonObject names = r.Obj(top, "tier_names"))  // version 2
    for (const JsonMember& entry : names->members()) {
      const std::string tier(entry.key);
      out.tier_names[tier] = r.Text(names, tier);
    }
  const std::vector<JsonObject> list = r.Objects(top, "candidates");
  const int ranked = r.Int(top, "ranked");
  if (top->Has("ranked") && ranked != static_cast<int>(list.size()))
    r.Fail("'ranked' is " + std::to_string(ranked) + " but there are " + std::to_string(list.size()) + " candidates");
  for (size_t i = 0; i < list.size(); ++i) {
    r.At("candidates[" + std::to_string(i) + "]");
    out.candidates.push_back(ReadCandidate(r, list[i], out));
  }
  if (diags.ErrorCount() > errors) return std::nullopt;
  return out;
}

}  // namespace fa
