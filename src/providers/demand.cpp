// The demand map (providers/demand.h; the formulas are in docs/providers.md
// "Demand map").
#include "providers/demand.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace fa {

namespace {

// Each factory's latest assessment (by credit code, else name; latest by
// round, then date, then input order), in input order.
std::vector<const Assessment*> LatestPerFactory(const std::vector<Assessment>& assessments) {
  std::map<std::string, size_t> latest;
  for (size_t i = 0; i < assessments.size(); ++i) {
    const FactoryProfile& f = assessments[i].factory;
    const std::string key = !f.credit_code.empty() ? "c:" + f.credit_code : "n:" + f.name;
    auto [it, added] = latest.emplace(key, i);
    const Assessment &was = assessments[it->second], &is = assessments[i];
    if (!added && std::tie(was.round, was.date) <= std::tie(is.round, is.date)) it->second = i;
  }
  std::vector<size_t> kept;
  for (const auto& [key, i] : latest) kept.push_back(i);
  std::sort(kept.begin(), kept.end());
  std::vector<const Assessment*> out;
  for (size_t i : kept) out.push_back(&assessments[i]);
  return out;
}

void AddShare(std::map<std::string, DemandShare>& shares, const std::string& id, double weight) {
  DemandShare& s = shares[id];
  s.id = id;
  ++s.factories;
  s.weighted += weight;
}

std::vector<DemandShare> MostFirst(const std::map<std::string, DemandShare>& shares) {
  std::vector<DemandShare> out;
  for (const auto& [id, s] : shares) out.push_back(s);
  std::stable_sort(out.begin(), out.end(),
                   [](const DemandShare& a, const DemandShare& b) { return a.factories > b.factories; });
  return out;
}

// One factory and its needs.
struct FactoryNeeds {
  const Assessment* a = nullptr;
  std::vector<ScenarioNeed> needs;
  double WeightOf(const std::string& scenario) const {
    for (const auto& n : needs)
      if (n.scenario == scenario) return n.weight;
    return -1;
  }
};

// Demand counted by an id (a scenario or a capability): factories, their
// weights and level gains, by town and by industry.
struct Tally {
  std::map<std::string, ScenarioDemand> rows;
  std::map<std::string, std::map<std::string, DemandShare>> towns, industries;

  void Add(const std::string& id, const LocalizedText& name, const Assessment& a, double weight, double effect) {
    ScenarioDemand& d = rows[id];
    d.scenario = id;
    if (d.name.zh.empty() && d.name.en.empty()) d.name = name;
    ++d.factories;
    d.weighted += weight;
    d.effect += effect;
    AddShare(towns[id], a.factory.town, weight);
    AddShare(industries[id], a.factory.industry, weight);
  }

  /// The rows, largest weighted demand first (ties by id), each with the
  /// providers `delivers` says deliver it, their capacity and the unmet
  /// demand.
  template <class Delivers>
  std::vector<ScenarioDemand> Rows(const ProviderCatalogue& catalogue, Delivers delivers) {
    std::vector<ScenarioDemand> out;
    for (auto& [id, d] : rows) {
      d.by_town = MostFirst(towns[id]);
      d.by_industry = MostFirst(industries[id]);
      for (const auto& p : catalogue.providers) {
        if (!delivers(p, id)) continue;
        d.providers.push_back(&p);
        d.capacity += p.capacity;
        d.spare += p.Spare();
      }
      d.unmet = std::max(0, d.factories - d.spare);
      out.push_back(std::move(d));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const ScenarioDemand& a, const ScenarioDemand& b) { return a.weighted > b.weighted; });
    return out;
  }
};

struct CapabilityNeed {
  LocalizedText name;
  double weight = 0, effect = 0;
};

// A factory's capabilities: the second-level nodes of its rubric (the
// catalogue's sub-domains) above the requirements behind its needs, each
// with the sum of the weights and level gains of the needs that reach it.
std::map<std::string, CapabilityNeed> CapabilitiesOf(const FactoryNeeds& f) {
  const Assessment& a = *f.a;
  std::map<std::string, const NodeResult*> nodes;
  for (const auto& n : a.nodes) nodes[n.id] = &n;
  std::map<std::string, CapabilityNeed> out;
  for (const auto& need : f.needs) {
    std::set<std::string> reached;
    for (const auto& r : a.recommendations) {
      if (r.scenario != need.scenario) continue;
      for (const auto& id : r.because)
        for (const auto& c : a.criteria) {
          if (c.id != id) continue;
          // Up from the criterion's leaf to the node at depth 1.
          auto it = nodes.find(c.node);
          for (int guard = 0; it != nodes.end() && it->second->depth > 1 && guard < 64; ++guard)
            it = nodes.find(it->second->parent);
          if (it != nodes.end() && it->second->depth == 1) reached.insert(it->first);
        }
    }
    for (const auto& id : reached) {
      CapabilityNeed& c = out[id];
      c.name = nodes[id]->title;
      c.weight += need.weight;
      c.effect += need.effect;
    }
  }
  return out;
}

// The providers suggested for an event: those with spare capacity first,
// then those serving more of its factories' industries, then more of its
// factories' towns, then more spare engagements; ties by id.
std::vector<const Provider*> Suggested(const ScenarioDemand& d, const std::vector<const Assessment*>& factories,
                                       size_t limit) {
  struct Ranked {
    const Provider* p;
    int industries, towns;
  };
  std::vector<Ranked> ranked;
  for (const Provider* p : d.providers) {
    Ranked r{p, 0, 0};
    for (const Assessment* a : factories) {
      r.industries += p->Serves(a->factory.industry) ? 1 : 0;
      r.towns += !p->town.empty() && p->town == a->factory.town ? 1 : 0;
    }
    ranked.push_back(r);
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& x, const Ranked& y) {
    const int xs = x.p->Spare(), ys = y.p->Spare();
    return std::make_tuple(xs == 0, -x.industries, -x.towns, -xs, x.p->id) <
           std::make_tuple(ys == 0, -y.industries, -y.towns, -ys, y.p->id);
  });
  std::vector<const Provider*> out;
  for (const auto& r : ranked)
    if (out.size() < limit) out.push_back(r.p);
  return out;
}

// Greedy: while some scenario without an event is needed by at least
// options.min_event factories that may still be invited, the one needed by
// most of them (ties: more weighted demand among them, then id) makes an
// event of them; a factory is invited options.invitations times at most.
void PlanEvents(const std::vector<FactoryNeeds>& factories, const DemandOptions& options, DemandMap& map) {
  std::vector<size_t> invited(factories.size(), 0);
  std::set<std::string> held;
  auto may_come = [&](size_t i, const std::string& scenario) {
    return invited[i] < options.invitations && factories[i].WeightOf(scenario) >= 0;
  };
  for (;;) {
    const ScenarioDemand* best = nullptr;
    int best_count = 0;
    double best_weight = 0;
    for (const auto& d : map.scenarios) {
      if (held.count(d.scenario)) continue;
      int count = 0;
      double weight = 0;
      for (size_t i = 0; i < factories.size(); ++i)
        if (may_come(i, d.scenario)) {
          ++count;
          weight += factories[i].WeightOf(d.scenario);
        }
      if (std::make_tuple(count, weight) > std::make_tuple(best_count, best_weight) ||
          (best && count == best_count && weight == best_weight && d.scenario < best->scenario)) {
        best = &d;
        best_count = count;
        best_weight = weight;
      }
    }
    if (!best || best_count < static_cast<int>(std::max<size_t>(options.min_event, 1))) break;
    held.insert(best->scenario);
    std::vector<std::pair<double, size_t>> members;
    for (size_t i = 0; i < factories.size(); ++i)
      if (may_come(i, best->scenario)) members.push_back({factories[i].WeightOf(best->scenario), i});
    std::sort(members.begin(), members.end(), [&](const auto& x, const auto& y) {
      if (x.first != y.first) return x.first > y.first;
      const FactoryProfile &a = factories[x.second].a->factory, &b = factories[y.second].a->factory;
      return std::tie(a.name, a.credit_code, x.second) < std::tie(b.name, b.credit_code, y.second);
    });
    DemandEvent e;
    e.scenario = best->scenario;
    e.name = best->name;
    std::set<std::string> towns, industries;
    for (const auto& [w, i] : members) {
      ++invited[i];
      e.factories.push_back(factories[i].a);
      if (!factories[i].a->factory.town.empty()) towns.insert(factories[i].a->factory.town);
      if (!factories[i].a->factory.industry.empty()) industries.insert(factories[i].a->factory.industry);
    }
    e.towns.assign(towns.begin(), towns.end());
    e.industries.assign(industries.begin(), industries.end());
    e.providers = Suggested(*best, e.factories, options.providers_per_event);
    map.events.push_back(std::move(e));
  }
  for (size_t i = 0; i < factories.size(); ++i)
    if (invited[i] == 0) map.unplanned.push_back(factories[i].a);
}

}  // namespace

DemandMap BuildDemandMap(const std::vector<Assessment>& assessments, const ProviderCatalogue& catalogue,
                         const DemandOptions& options) {
  DemandMap map;
  map.catalogue = catalogue.id;
  map.example = catalogue.example;
  map.options = options;
  if (!assessments.empty()) map.rubric = assessments.front().rubric;
  std::vector<FactoryNeeds> factories;
  for (const Assessment* a : LatestPerFactory(assessments)) {
    ++map.factories;
    FactoryNeeds f{a, NeedsOf(*a)};
    if (!f.needs.empty()) factories.push_back(std::move(f));
  }
  map.with_needs = static_cast<int>(factories.size());
  Tally scenarios, capabilities;
  for (const auto& f : factories) {
    for (const auto& n : f.needs) scenarios.Add(n.scenario, n.name, *f.a, n.weight, n.effect);
    for (const auto& [id, c] : CapabilitiesOf(f)) capabilities.Add(id, c.name, *f.a, c.weight, c.effect);
  }
  map.scenarios = scenarios.Rows(catalogue, [](const Provider& p, const std::string& id) { return p.Delivers(id); });
  auto covers = [](const Provider& p, const std::string& id) {
    return std::find(p.sub_domains.begin(), p.sub_domains.end(), id) != p.sub_domains.end();
  };
  map.capabilities = capabilities.Rows(catalogue, covers);
  for (const auto& d : map.capabilities) map.sub_domains_match = map.sub_domains_match || !d.providers.empty();
  for (size_t i = 0; i < map.scenarios.size(); ++i)
    if (map.scenarios[i].unmet > 0) map.attract.push_back(i);
  std::stable_sort(map.attract.begin(), map.attract.end(), [&](size_t x, size_t y) {
    const ScenarioDemand &a = map.scenarios[x], &b = map.scenarios[y];
    if (a.unmet != b.unmet) return a.unmet > b.unmet;
    return a.weighted > b.weighted;
  });
  PlanEvents(factories, options, map);
  return map;
}

}  // namespace fa
