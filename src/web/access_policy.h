// Who may read and edit what, factory by factory: admin and the commission
// read every factory, a consultant the factories assigned to them (of their
// service provider, when the factory has one), a manufacturer its own; only
// such a consultant edits. A record out of
// scope is answered like one that does not exist (404), so its existence is
// not revealed. The route table's roles come first (router.h); these are
// the per-factory checks the handlers add.
#pragma once

#include <optional>
#include <vector>

#include "store/store.h"
#include "web/request_context.h"

namespace fa::web {

/// An assessment with the factory it belongs to.
struct AssessmentInScope {
  store::AssessmentRecord record;
  store::Factory factory;
};

/// Whether a consultant's service provider lets them work on `factory`: a
/// factory the district gave to a provider is that provider's consultants'
/// alone (docs/providers.md "In the web app"); one without is anyone's.
bool ProviderAllows(const store::User& consultant, const store::Factory& factory);

/// The factory when the user may read it; nullopt when it does not exist or
/// is out of the user's scope.
std::optional<store::Factory> ReadableFactory(store::Store& store, const RequestContext& ctx, int64_t id);
/// Whether the user may create assessments and save answers for `factory`
/// (as just read from the store, e.g. by ReadableFactory: its provider is
/// not read again, which spares every autosave a round trip).
bool CanEditFactory(store::Store& store, const RequestContext& ctx, const store::Factory& factory);
/// Whether the user may reopen the factory's submitted assessments as new
/// drafts: admin, or a consultant assigned to it.
bool CanReopenFactory(store::Store& store, const RequestContext& ctx, const store::Factory& factory);
std::optional<AssessmentInScope> ReadableAssessment(store::Store& store, const RequestContext& ctx, int64_t id);
/// The factories the user may read, by name.
std::vector<store::Factory> VisibleFactories(store::Store& store, const RequestContext& ctx);

/// The readable factory or assessment named by the path's {id}.
std::optional<store::Factory> ReadableFactoryInPath(store::Store& store, const RequestContext& ctx);
std::optional<AssessmentInScope> ReadableAssessmentInPath(store::Store& store, const RequestContext& ctx);

}  // namespace fa::web
