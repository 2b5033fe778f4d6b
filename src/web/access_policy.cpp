#include "web/access_policy.h"

#include <set>

namespace fa::web {

bool ProviderAllows(const store::User& consultant, const store::Factory& factory) {
  return factory.provider.empty() || factory.provider == consultant.provider;
}

std::optional<store::Factory> ReadableFactory(store::Store& store, const RequestContext& ctx, int64_t id) {
  if (!ctx.user) return std::nullopt;
  std::optional<store::Factory> f = store.GetFactory(id);
  if (!f) return std::nullopt;
  switch (ctx.user->role) {
    case store::Role::kAdmin:
    case store::Role::kCommission: return f;
    case store::Role::kConsultant:
      return store.IsAssigned(ctx.user->id, id) && ProviderAllows(*ctx.user, *f) ? f : std::nullopt;
    case store::Role::kManufacturer:
      return ctx.user->factory_id && *ctx.user->factory_id == id ? f : std::nullopt;
  }
  return std::nullopt;
}

bool CanEditFactory(store::Store& store, const RequestContext& ctx, const store::Factory& factory) {
  return ctx.Is(store::Role::kConsultant) && ProviderAllows(*ctx.user, factory) &&
         store.IsAssigned(ctx.user->id, factory.id);
}

bool CanReopenFactory(store::Store& store, const RequestContext& ctx, const store::Factory& factory) {
  return ctx.Is(store::Role::kAdmin) || CanEditFactory(store, ctx, factory);
}

std::optional<AssessmentInScope> ReadableAssessment(store::Store& store, const RequestContext& ctx, int64_t id) {
  std::optional<store::AssessmentRecord> a = store.GetAssessment(id);
  if (!a) return std::nullopt;
  std::optional<store::Factory> f = ReadableFactory(store, ctx, a->factory_id);
  if (!f) return std::nullopt;
  return AssessmentInScope{*a, *f};
}

std::vector<store::Factory> VisibleFactories(store::Store& store, const RequestContext& ctx) {
  std::vector<store::Factory> out;
  if (!ctx.user) return out;
  std::vector<store::Factory> all = store.ListFactories();
  if (ctx.Is(store::Role::kAdmin) || ctx.Is(store::Role::kCommission)) return all;
  std::set<int64_t> allowed;
  if (ctx.Is(store::Role::kConsultant))
    for (int64_t id : store.AssignedFactories(ctx.user->id)) allowed.insert(id);
  if (ctx.Is(store::Role::kManufacturer) && ctx.user->factory_id) allowed.insert(*ctx.user->factory_id);
  for (auto& f : all)
    if (allowed.count(f.id) && (!ctx.Is(store::Role::kConsultant) || ProviderAllows(*ctx.user, f)))
      out.push_back(std::move(f));
  return out;
}

std::optional<store::Factory> ReadableFactoryInPath(store::Store& store, const RequestContext& ctx) {
  std::optional<int64_t> id = ParseId(ctx.Param("id"));
  return id ? ReadableFactory(store, ctx, *id) : std::nullopt;
}

std::optional<AssessmentInScope> ReadableAssessmentInPath(store::Store& store, const RequestContext& ctx) {
  std::optional<int64_t> id = ParseId(ctx.Param("id"));
  return id ? ReadableAssessment(store, ctx, *id) : std::nullopt;
}

}  // namespace fa::web
