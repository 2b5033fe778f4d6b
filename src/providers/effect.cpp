// The effect of services (providers/effect.h): engagements paired with the
// assessments before and after, grouped, averaged and bootstrapped.
#include "providers/effect.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "ranking/dirichlet_sampler.h"
#include "ranking/portfolio_json.h"

namespace fa {

namespace {

// Each factory's assessments (by credit code, else name), oldest first by
// round, then date, then input order (as ranking/portfolio.cpp orders them).
using FactoryIndex = std::map<std::string, std::vector<size_t>>;

std::string FactoryKey(const FactoryProfile& f) {
  return !f.credit_code.empty() ? "c:" + f.credit_code : "n:" + f.name;
}

FactoryIndex IndexFactories(const std::vector<Assessment>& assessments) {
  FactoryIndex index;
  for (size_t i = 0; i < assessments.size(); ++i) index[FactoryKey(assessments[i].factory)].push_back(i);
  for (auto& [key, list] : index)
    std::sort(list.begin(), list.end(), [&](size_t x, size_t y) {
      const Assessment &a = assessments[x], &b = assessments[y];
      return std::tie(a.round, a.date, x) < std::tie(b.round, b.date, y);
    });
  return index;
}

// The key of the factory an engagement names: its credit code when the
// inputs know it, else its name; "" when the inputs know neither.
std::string KeyOf(const Engagement& e, const FactoryIndex& index, const std::vector<Assessment>& assessments) {
  if (!e.credit_code.empty() && index.count("c:" + e.credit_code)) return "c:" + e.credit_code;
  if (e.factory.empty()) return "";
  for (const auto& [key, list] : index)
    if (assessments[list.front()].factory.name == e.factory) return key;
  return "";
}

// The latest assessment of `list` dated on or before `day` (before) or on
// or after it (after); null when none.
const Assessment* Latest(const std::vector<size_t>& list, const std::vector<Assessment>& assessments,
                         const std::string& day, bool before) {
  const Assessment* found = nullptr;
  for (size_t i : list) {
    const Assessment& a = assessments[i];
    const std::string d = a.date.substr(0, 10);
    if (d.empty()) continue;
    if (before ? d <= day : d >= day) found = &a;
  }
  return found;
}

// The latest assessment of `list` in round `round`; null when none.
const Assessment* InRound(const std::vector<size_t>& list, const std::vector<Assessment>& assessments,
                          const std::string& round) {
  const Assessment* found = nullptr;
  for (size_t i : list)
    if (assessments[i].round == round) found = &assessments[i];
  return found;
}

struct Pairing {
  const std::vector<Assessment>& assessments;
  const FactoryIndex& index;
  std::set<std::string> served;  ///< keys of every factory any engagement names
};

// Engagements of one group, by factory key.
using GroupEngagements = std::map<std::string, std::vector<const Engagement*>>;

EffectGroup BuildGroup(const Pairing& pairing, const std::string& provider, const std::string& scenario,
                       const GroupEngagements& by_factory, const EffectOptions& options) {
  EffectGroup g;
  g.provider = provider;
  g.scenario = scenario;
  g.engaged = static_cast<int>(by_factory.size());
  for (const auto& [key, list] : by_factory) {
    std::string start = list.front()->start, end = list.front()->end;
    for (const Engagement* e : list) {
      start = std::min(start, e->start);
      end = std::max(end, e->end);
    }
    const std::vector<size_t>& mine = pairing.index.at(key);
    const Assessment* before = Latest(mine, pairing.assessments, start, true);
    const Assessment* after = Latest(mine, pairing.assessments, end, false);
    if (!before || !after) continue;
    const Assessment& latest = pairing.assessments[mine.back()];
    g.measured.push_back({latest.factory.name, latest.factory.credit_code, before, after});
  }
  std::sort(g.measured.begin(), g.measured.end(), [](const ServedChange& a, const ServedChange& b) {
    return std::tie(a.factory, a.credit_code) < std::tie(b.factory, b.credit_code);
  });
  g.suppressed = static_cast<int>(g.measured.size()) < options.min_count;
  if (!g.suppressed) {
    std::vector<std::vector<double>> rows;
    for (const auto& m : g.measured) rows.push_back({m.level_change(), m.score_change()});
    const auto means = BootstrapMeans(rows, options.draws, options.seed, options.level);
    g.level = means[0];
    g.score = means[1];
  }
  // Comparable factories nobody served: the same two rounds, the same T0 level.
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  double level_sum = 0, score_sum = 0;
  for (const auto& m : g.measured) {
    if (m.before->round.empty() || m.after->round.empty() || m.before->round == m.after->round) continue;
    for (const auto& [key, list] : pairing.index) {
      if (pairing.served.count(key)) continue;
      const Assessment* t0 = InRound(list, pairing.assessments, m.before->round);
      const Assessment* t1 = InRound(list, pairing.assessments, m.after->round);
      if (!t0 || !t1 || t0->level != m.before->level) continue;
      if (!seen.insert({key, m.before->round, m.after->round}).second) continue;
      level_sum += t1->level - t0->level;
      score_sum += t1->score - t0->score;
    }
  }
  g.comparison = static_cast<int>(seen.size());
  g.comparison_suppressed = g.comparison < options.min_count;
  if (!g.comparison_suppressed) {
    g.comparison_level = level_sum / g.comparison;
    g.comparison_score = score_sum / g.comparison;
  }
  return g;
}

void WriteInterval(JsonWriter& w, const char* key, const MeanInterval& m) {
  w.Key(key).BeginObject().Field("mean", m.mean).Field("low", m.low).Field("high", m.high).EndObject();
}

void WriteGroup(JsonWriter& w, const EffectGroup& g) {
  w.BeginObject();
  if (!g.provider.empty()) w.Field("provider", g.provider);
  if (!g.scenario.empty()) w.Field("scenario", g.scenario);
  w.Field("engaged", g.engaged).Field("measured", static_cast<int>(g.measured.size())).Field("suppressed", g.suppressed);
  if (!g.suppressed) {
    WriteInterval(w, "level_change", g.level);
    WriteInterval(w, "score_change", g.score);
  }
  w.Field("comparison", g.comparison).Field("comparison_suppressed", g.comparison_suppressed);
  if (!g.comparison_suppressed) {
    w.Field("comparison_level_change", g.comparison_level).Field("comparison_score_change", g.comparison_score);
    if (!g.suppressed)
      w.Field("difference_level", g.difference_level()).Field("difference_score", g.difference_score());
  }
  w.EndObject();
}

void WriteGroups(JsonWriter& w, const char* key, const std::vector<EffectGroup>& groups) {
  w.Key(key).BeginArray();
  for (const auto& g : groups) WriteGroup(w, g);
  w.EndArray();
}

}  // namespace

std::vector<MeanInterval> BootstrapMeans(const std::vector<std::vector<double>>& rows, int draws,
                                         std::uint64_t seed, double level) {
  const size_t n = rows.size(), width = rows.empty() ? 0 : rows.front().size();
  std::vector<MeanInterval> out(width);
  if (n == 0) return out;
  for (size_t c = 0; c < width; ++c) {
    double sum = 0;
    for (const auto& r : rows) sum += r[c];
    out[c].mean = sum / static_cast<double>(n);
  }
  if (draws < 1) {
    for (auto& m : out) m.low = m.high = m.mean;
    return out;
  }
  RandomStream rng(seed);
  std::vector<std::vector<double>> means(width, std::vector<double>(static_cast<size_t>(draws)));
  std::vector<double> sums(width);
  for (int b = 0; b < draws; ++b) {
    std::fill(sums.begin(), sums.end(), 0.0);
    for (size_t i = 0; i < n; ++i) {
      const size_t pick = std::min(n - 1, static_cast<size_t>(rng.Uniform() * static_cast<double>(n)));
      for (size_t c = 0; c < width; ++c) sums[c] += rows[pick][c];
    }
    for (size_t c = 0; c < width; ++c) means[c][static_cast<size_t>(b)] = sums[c] / static_cast<double>(n);
  }
  const size_t k = static_cast<size_t>(std::floor((1.0 - level) / 2.0 * draws + 1e-9));
  for (size_t c = 0; c < width; ++c) {
    std::sort(means[c].begin(), means[c].end());
    out[c].low = means[c][std::min(k, means[c].size() - 1)];
    out[c].high = means[c][means[c].size() - 1 - std::min(k, means[c].size() - 1)];
  }
  return out;
}

ServiceEffect MeasureEffect(const std::vector<Assessment>& assessments, const EngagementList& engagements,
                            const EffectOptions& options) {
  ServiceEffect effect;
  effect.options = options;
  effect.example = engagements.example;
  const FactoryIndex index = IndexFactories(assessments);
  Pairing pairing{assessments, index, {}};
  std::map<std::string, GroupEngagements> by_provider;
  std::map<std::pair<std::string, std::string>, GroupEngagements> by_provider_scenario;
  std::map<std::string, GroupEngagements> by_scenario;
  for (const Engagement& e : engagements.engagements) {
    const std::string key = KeyOf(e, index, assessments);
    if (key.empty()) {
      effect.unmeasured.push_back({&e, UnmeasuredEngagement::kNoFactory});
      continue;
    }
    pairing.served.insert(key);
    const std::vector<size_t>& mine = index.at(key);
    if (!Latest(mine, assessments, e.start, true))
      effect.unmeasured.push_back({&e, UnmeasuredEngagement::kNoBefore});
    else if (!Latest(mine, assessments, e.end, false))
      effect.unmeasured.push_back({&e, UnmeasuredEngagement::kNoAfter});
    by_provider[e.provider][key].push_back(&e);
    for (const auto& s : e.scenarios) {
      by_provider_scenario[{e.provider, s}][key].push_back(&e);
      by_scenario[s][key].push_back(&e);
    }
  }
  effect.not_served = static_cast<int>(index.size() - pairing.served.size());
  for (const auto& [provider, group] : by_provider)
    effect.providers.push_back(BuildGroup(pairing, provider, "", group, options));
  for (const auto& [ids, group] : by_provider_scenario)
    effect.provider_scenarios.push_back(BuildGroup(pairing, ids.first, ids.second, group, options));
  for (const auto& [scenario, group] : by_scenario)
    effect.scenarios.push_back(BuildGroup(pairing, "", scenario, group, options));
  return effect;
}

std::vector<const EffectGroup*> ScenarioGroupsOf(const ServiceEffect& effect, const std::string& provider) {
  std::vector<const EffectGroup*> out;
  for (const auto& g : effect.provider_scenarios)
    if (g.provider == provider) out.push_back(&g);
  return out;
}

const EffectGroup* ProviderGroup(const ServiceEffect& effect, const std::string& provider) {
  for (const auto& g : effect.providers)
    if (g.provider == provider) return &g;
  return nullptr;
}

void WriteEffectJson(JsonWriter& w, const ServiceEffect& effect) {
  const EffectOptions& o = effect.options;
  w.BeginObject()
      .Field("min_count", o.min_count)
      .Field("draws", o.draws)
      .Key("seed")
      .Int(static_cast<long long>(o.seed))
      .Field("level", o.level)
      .Field("example", effect.example)
      .Field("not_served", effect.not_served);
  WriteGroups(w, "providers", effect.providers);
  WriteGroups(w, "provider_scenarios", effect.provider_scenarios);
  WriteGroups(w, "scenarios", effect.scenarios);
  w.Key("unmeasured").BeginArray();
  static const char* kWhy[] = {"no_assessment", "no_assessment_before", "no_assessment_after"};
  for (const auto& u : effect.unmeasured)
    w.BeginObject()
        .Field("provider", u.engagement->provider)
        .Field("credit_code", u.engagement->credit_code)
        .Field("factory", u.engagement->factory)
        .Field("start", u.engagement->start)
        .Field("end", u.engagement->end)
        .Field("why", kWhy[u.why])
        .EndObject();
  w.EndArray().EndObject();
}

std::string PortfolioToJson(const Portfolio& portfolio, const ServiceEffect* effect) {
  if (!effect) return PortfolioToJson(portfolio);
  JsonWriter w(false);
  w.BeginObject();
  WritePortfolioFields(w, portfolio);
  w.Key("effect");
  WriteEffectJson(w, *effect);
  w.EndObject();
  return w.str();
}

}  // namespace fa
