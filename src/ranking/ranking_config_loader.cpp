// The ranking config loader: reads every key, checks it, and reports every
// problem with its position (docs/ranking.md is the format).
#include <algorithm>
#include <map>
#include <stdexcept>

#include "base/hash.h"
#include "base/text.h"
#include "ranking/ranking_config.h"
#include "ranking/ranking_yaml.h"
#include "rubric/yaml_source.h"

namespace fa {

namespace {

const std::vector<std::string> kTopKeys = {"ranking", "title",     "description", "rubric",
                                           "method",  "normalize", "criteria",    "weights",
                                           "filters", "stability"};
const std::vector<std::string> kCriterionKeys = {"id", "title", "source", "direction", "weight"};
const std::vector<std::string> kWeightsKeys = {"ahp", "max_cr", "ri", "method"};
const std::vector<std::string> kFilterKeys = {"town", "industry", "min_level", "tier"};
const std::vector<std::string> kStabilityKeys = {"samples", "kappa", "seed", "select"};
const std::vector<std::string> kLanguages = {"zh", "en"};
const std::vector<std::string> kSourceKinds = {"node", "profile", "column"};
const std::vector<std::string> kPlainSources = {"score", "level"};

constexpr int kMaxSamples = 1000000;

// Parses "node:x", "profile:x", "column:x", "score" or "level".
void ReadSource(const YamlValue& value, RankingCriterion& c) {
  auto text = value.String();
  if (!text) return;
  c.source_text = *text;
  c.source_pos = value.pos();
  if (*text == "score" || *text == "level") {
    c.source = *text == "score" ? CriterionSource::kScore : CriterionSource::kLevel;
    return;
  }
  size_t colon = text->find(':');
  std::string kind = colon == std::string::npos ? "" : text->substr(0, colon);
  std::string name = colon == std::string::npos ? "" : text->substr(colon + 1);
  const std::string expected =
      "expected score, level, node:<node id>, profile:<field> or column:<csv column>";
  if (colon == std::string::npos ||
      std::find(kSourceKinds.begin(), kSourceKinds.end(), kind) == kSourceKinds.end()) {
    std::string hint = colon == std::string::npos ? DidYouMean(*text, kPlainSources) : "";
    if (colon != std::string::npos) {
      std::string k = ClosestMatch(kind, kSourceKinds);
      if (!k.empty()) hint = ", did you mean '" + k + ":" + name + "'?";
    }
    value.Error("unknown source '" + *text + "': " + expected + hint);
    return;
  }
  if (name.empty()) {
    value.Error("source '" + *text + "' names no " +
                (kind == "node"      ? "node"
                 : kind == "profile" ? "field"
                                     : "column"));
    return;
  }
  if (kind != "column" && !IsValidId(name)) {
    value.Error("source '" + *text + "': '" + name + "' is not an id ([A-Za-z0-9_.-]+)");
    return;
  }
  c.source_name = name;
  c.source = kind == "node"      ? CriterionSource::kNode
             : kind == "profile" ? CriterionSource::kProfile
                                 : CriterionSource::kColumn;
}

void ReadCriteria(const YamlValue& value, RankingConfig& config) {
  std::map<std::string, SourcePos> ids;
  int n = 0;
  for (const auto& item : value.NonEmptyItems()) {
    YamlMap map(item, "criterion " + std::to_string(++n));
    if (!map.ok()) continue;
    RankingCriterion c;
    c.pos = map.pos();
    YamlValue id = map.Require("id");
    if (auto v = id.Id()) {
      c.id = *v;
      map.set_owner("criterion '" + *v + "'");
      CheckListedOnce(ids, *v, id, "duplicate criterion id '" + *v + "'", "first defined here");
    }
    map.CheckKeys(kCriterionKeys);
    if (auto v = map.Get("title").Localized(kLanguages)) c.title = *v;
    ReadSource(map.Require("source"), c);
    if (auto v = map.Require("direction").OneOf({"benefit", "cost"})) c.cost = *v == "cost";
    c.weight = ReadRelativeWeight(map.Get("weight"));
    config.criteria.push_back(std::move(c));
  }
}

void ReadWeights(const YamlValue& value, RankingConfig& config) {
  YamlMap map(value, "weights");
  if (!map.ok()) return;
  map.CheckKeys(kWeightsKeys);
  RankingAhp ahp;
  if (auto v = map.Get("max_cr").PositiveNumber("max_cr")) ahp.max_cr = *v;
  YamlValue ri = map.Get("ri");
  if (auto v = ri.String()) {
    ahp.ri_table = *v;
    ahp.ri_pos = ri.pos();
  }
  if (auto v = map.Get("method").OneOf({"eigen", "geometric"})) ahp.method = *v;
  std::vector<std::string> names;
  for (const auto& c : config.criteria) names.push_back(c.id);
  YamlValue matrix = map.Require("ahp");
  if (matrix.absent()) return;
  if (auto m = ReadPairwiseMatrix(matrix, names)) {
    ahp.judgments = *m;
    config.ahp = std::move(ahp);
  } else {
    config.ahp.reset();
  }
  for (const auto& c : config.criteria) {
    if (c.weight)
      value.source().Error(c.pos, "criterion '" + c.id +
                                      "': 'weight' cannot be given when "
                                      "'weights: {ahp}' sets the weights");
  }
}

void CheckGivenWeights(const RankingConfig& config, const YamlSource& src) {
  const RankingCriterion* with = nullptr;
  const RankingCriterion* without = nullptr;
  double total = 0;
  for (const auto& c : config.criteria) {
    if (c.weight) {
      if (!with) with = &c;
      total += *c.weight;
    } else if (!without) {
      without = &c;
    }
  }
  if (with && without) {
    src.Error(without->pos,
              "criterion '" + without->id + "' has no weight, but '" + with->id +
                  "' has one: give every criterion a weight, or none (equal weights)");
  } else if (with && total <= 0) {
    src.Error(with->pos, "the criteria's weights are all 0");
  }
}

void ReadFilters(const YamlValue& value, RankingConfig& config) {
  YamlMap map(value, "filters");
  if (!map.ok()) return;
  map.CheckKeys(kFilterKeys);
  auto read_list = [&](const char* key, std::vector<std::string>& out,
                       std::vector<SourcePos>& pos) {
    YamlValue list = map.Get(key);
    for (const auto& item : list.NonEmptyItems()) {
      if (auto s = item.String()) {
        out.push_back(*s);
        pos.push_back(item.pos());
      }
    }
  };
  read_list("town", config.filters.towns, config.filters.town_pos);
  read_list("industry", config.filters.industries, config.filters.industry_pos);
  read_list("tier", config.filters.tiers, config.filters.tier_pos);
  YamlValue level = map.Get("min_level");
  if (auto v = level.Integer()) {
    if (*v < 0) level.Error("min_level must be >= 0, got " + std::to_string(*v));
    config.filters.min_level = *v;
    config.filters.min_level_pos = level.pos();
  }
}

void ReadStability(const YamlValue& value, RankingConfig& config) {
  YamlMap map(value, "stability");
  if (!map.ok()) return;
  map.CheckKeys(kStabilityKeys);
  StabilitySettings& s = config.stability;
  YamlValue samples = map.Get("samples");
  if (auto v = samples.Integer()) {
    if (*v < 0 || *v > kMaxSamples)
      samples.Error("samples must be between 0 and " + std::to_string(kMaxSamples) + ", got " +
                    std::to_string(*v));
    s.samples = *v;
  }
  YamlValue kappa = map.Get("kappa");
  if (auto v = kappa.Number()) {
    if (*v <= 0) kappa.Error("kappa must be > 0, got " + FormatNumber(*v));
    s.kappa = *v;
  }
  YamlValue seed = map.Get("seed");
  if (!seed.absent()) {
    std::string t = seed.Text();
    if (!seed.IsScalar() || t.empty() || t.size() > 19 ||
        t.find_first_not_of("0123456789") != std::string::npos)
      seed.TypeError("a non-negative integer");
    else
      s.seed = std::stoull(t);
  }
  YamlValue select = map.Get("select");
  if (auto v = select.Integer()) {
    if (*v < 1) select.Error("select must be >= 1, got " + std::to_string(*v));
    s.select = *v;
  }
}

// The normalisations a config may choose: those of the methods that offer
// more than one.
std::vector<std::string> NormalizeChoices() {
  std::vector<std::string> choices;
  for (const RankingMethod* m : RankingMethods()) {
    const std::vector<std::string> offered = m->normalizations();
    if (offered.size() < 2) continue;
    for (const auto& n : offered)
      if (std::find(choices.begin(), choices.end(), n) == choices.end()) choices.push_back(n);
  }
  return choices;
}

// "'normalize' applies to method weighted only (topsis always uses vector
// normalisation; score uses no criteria)": the methods that offer a choice,
// then why each other one does not, those that use criteria first.
std::string NormalizeMisplaced() {
  std::vector<const RankingMethod*> others;
  std::vector<std::string> choosing, why_not;
  for (const RankingMethod* m : RankingMethods()) {
    if (m->normalizations().size() > 1)
      choosing.push_back(m->name());
    else
      others.push_back(m);
  }
  std::stable_partition(others.begin(), others.end(), [](const RankingMethod* m) { return m->uses_weights(); });
  for (const RankingMethod* m : others)
    why_not.push_back(std::string(m->name()) + (m->uses_weights()
                                                    ? " always uses " + m->normalizations().front() + " normalisation"
                                                    : " uses no criteria"));
  return "'normalize' applies to method " + Join(choosing, ", ") + " only (" + Join(why_not, "; ") + ")";
}

// `method:` (returned, for later diagnostics at it) and `normalize:`.
YamlValue ReadMethod(const YamlMap& top, RankingConfig& config) {
  YamlValue method = top.Require("method");
  config.method_pos = method.pos();
  if (auto v = method.OneOf(RankingMethodNames())) config.method = FindRankingMethod(*v);
  YamlValue normalize = top.Get("normalize");
  if (auto v = normalize.OneOf(NormalizeChoices())) {
    config.normalization = *v;
    if (config.method && config.method->normalizations().size() < 2) normalize.Error(NormalizeMisplaced());
  }
  return method;
}

// `weights:`, or the criteria's own weights; a warning when the method
// uses none.
void ReadAnyWeights(const YamlMap& top, const YamlValue& method, RankingConfig& config) {
  YamlValue weights = top.Get("weights");
  config.weights_pos = weights.pos();
  if (!weights.absent())
    ReadWeights(weights, config);
  else
    CheckGivenWeights(config, top.source());
  const bool weighted =
      !weights.absent() || std::any_of(config.criteria.begin(), config.criteria.end(),
                                       [](const RankingCriterion& c) { return c.weight.has_value(); });
  if (config.method && !config.method->uses_weights() && method.present() && weighted)
    method.Warning(std::string("method ") + config.method->name() +
                   (config.method->ranks_by_maturity() ? " ranks by maturity score" : " uses no weights") +
                   ": the weights are not used");
}

void ReadConfig(const YamlMap& top, RankingConfig& config) {
  top.CheckKeys(kTopKeys);
  if (auto v = top.Require("ranking").Id()) config.id = *v;
  if (auto v = top.Require("title").Localized(kLanguages)) config.title = *v;
  top.Get("description").Localized(kLanguages);
  if (auto v = top.Get("rubric").Id()) config.rubric = *v;
  YamlValue method = ReadMethod(top, config);
  YamlValue criteria = top.Get("criteria");
  ReadCriteria(criteria, config);
  if (config.method && config.method->uses_weights() && criteria.absent() && top.ok() && method.present())
    method.Error(std::string("method ") + config.method->name() + " needs 'criteria'");
  ReadAnyWeights(top, method, config);
  ReadFilters(top.Get("filters"), config);
  ReadStability(top.Get("stability"), config);
}

}  // namespace

std::optional<RankingConfig> LoadRankingConfigFromString(const std::string& text,
                                                         const std::string& file,
                                                         Diagnostics& diags) {
  RankingConfig config;
  config.file = file;
  config.sha256 = Sha256Hex(text);
  if (!ReadYamlDocument(text, file, diags, [&](const YamlMap& top) { ReadConfig(top, config); }))
    return std::nullopt;
  return config;
}

std::optional<RankingConfig> LoadRankingConfig(const std::string& path, Diagnostics& diags) {
  std::optional<std::string> text = ReadSource(path, diags, "a ranking config");
  if (!text) return std::nullopt;
  return LoadRankingConfigFromString(*text, path, diags);
}

}  // namespace fa
