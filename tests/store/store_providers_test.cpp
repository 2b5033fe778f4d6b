// Store: the service side (migration 4, src/store/sql_store_providers.cpp) —
// the provider catalogue as versioned text with a stale upload refused, the
// engagements recorded, seeded once and deleted, and the provider a
// consultant or a factory belongs to; on both engines.
#include <doctest/doctest.h>

#include "store_fixture.h"

namespace fa::store {
namespace {

using namespace test;

ProviderCatalogueRecord CatalogueText(const std::string& text) {
  ProviderCatalogueRecord c;
  c.file_name = "providers/district.yaml";
  c.text = text;
  return c;
}

EngagementRecord MakeEngagement(const std::string& provider, const std::string& start) {
  EngagementRecord e;
  e.provider = provider;
  e.credit_code = "91310114MA1GB8R235";
  e.factory_name = "Plant";
  e.scenarios = {"scn_a", "scn_b"};
  e.start = start;
  e.end = "2026-06-30";
  return e;
}

TEST_CASE_TEMPLATE("store: the provider catalogue is kept as versions and a stale upload is refused", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  CHECK_FALSE(store->CurrentProviderCatalogue());
  auto first = store->PutProviderCatalogue(CatalogueText("catalogue: a\n"), 0, Admin());
  REQUIRE(first.status == EditStatus::kSaved);
  CHECK(first.current.id > 0);
  CHECK(first.current.sha256.size() == 64);
  // Against no catalogue when there is one: stale, the one in use answered.
  auto stale = store->PutProviderCatalogue(CatalogueText("catalogue: b\n"), 0, Admin());
  CHECK(stale.status == EditStatus::kConflict);
  CHECK(stale.current.id == first.current.id);
  // The same text again stores nothing.
  auto same = store->PutProviderCatalogue(CatalogueText("catalogue: a\n"), first.current.id, Admin());
  CHECK(same.status == EditStatus::kSaved);
  CHECK(same.current.id == first.current.id);
  auto second = store->PutProviderCatalogue(CatalogueText("catalogue: b\n"), first.current.id, Admin());
  REQUIRE(second.status == EditStatus::kSaved);
  CHECK(second.current.id > first.current.id);
  CHECK(store->CurrentProviderCatalogue()->text == "catalogue: b\n");
  AuditFilter filter;
  filter.entity = "provider_catalogue";
  CHECK(store->ListAudit(filter).size() == 2);
}

TEST_CASE_TEMPLATE("store: engagements are recorded, seeded only into an empty list, and deleted", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  CHECK(store->SeedEngagements({MakeEngagement("p1", "2026-01-01"), MakeEngagement("p2", "2026-02-01")}, Admin()));
  CHECK_FALSE(store->SeedEngagements({MakeEngagement("p3", "2026-03-01")}, Admin()));  // not again
  auto made = store->CreateEngagement(MakeEngagement("p1", "2026-04-01"), Admin());
  REQUIRE(made.status == EditStatus::kSaved);
  const std::vector<EngagementRecord> all = store->ListEngagements();
  REQUIRE(all.size() == 3);
  CHECK(all[0].provider == "p1");
  CHECK(all[1].provider == "p2");
  CHECK(all[2].start == "2026-04-01");
  CHECK(all[2].scenarios == std::vector<std::string>{"scn_a", "scn_b"});
  CHECK(all[2].credit_code == "91310114MA1GB8R235");
  CHECK_FALSE(all[2].factory_id);
  CHECK(store->DeleteEngagement(made.current.id, Admin()) == EditStatus::kSaved);
  CHECK(store->DeleteEngagement(made.current.id, Admin()) == EditStatus::kNotFound);
  CHECK(store->ListEngagements().size() == 2);
}

TEST_CASE_TEMPLATE("store: a consultant and a factory belong to a provider", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  User u = MakeUser("carl");
  u.provider = "p02_iiot";
  auto carl = store->CreateUser(u, Admin());
  REQUIRE(carl.status == EditStatus::kSaved);
  CHECK(store->GetUser(carl.current.id)->provider == "p02_iiot");
  carl.current.provider = "p19_consulting";
  CHECK(store->UpdateUser(carl.current, Admin()).current.provider == "p19_consulting");
  Factory f;
  f.name = "Plant P";
  f.provider = "p02_iiot";
  auto plant = store->CreateFactory(f, Admin());
  REQUIRE(plant.status == EditStatus::kSaved);
  CHECK(store->GetFactory(plant.current.id)->provider == "p02_iiot");
  plant.current.provider = "";
  CHECK(store->UpdateFactory(plant.current, Admin()).current.provider.empty());
}

}  // namespace
}  // namespace fa::store
