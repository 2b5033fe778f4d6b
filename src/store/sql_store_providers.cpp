// The service side: the provider catalogue kept as versioned text, and the
// engagements the admin records (docs/providers.md "In the web app").
#include "base/hash.h"
#include <sstream>

#include "store/audit_json.h"
#include "store/sql_rows.h"
#include "store/sql_store.h"

namespace fa::store {
namespace {

const char* const kCatalogueColumns = "id, file_name, text, sha256, uploaded_by, uploaded_at";
const char* const kEngagementColumns =
    "id, provider, factory_id, credit_code, factory_name, scenarios, start_date, end_date, example, created_by, "
    "created_at";

ProviderCatalogueRecord CatalogueFromRow(const SqlRow& row) {
  ProviderCatalogueRecord c;
  c.id = row.Int(0);
  c.file_name = row.Text(1);
  c.text = row.Text(2);
  c.sha256 = row.Text(3);
  c.uploaded_by = row.OptInt(4);
  c.uploaded_at = row.Text(5);
  return c;
}

/// Scenario ids are stored space-separated (ids hold no spaces).
std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
  return out;
}

EngagementRecord EngagementFromRow(const SqlRow& row) {
  EngagementRecord e;
  e.id = row.Int(0);
  e.provider = row.Text(1);
  e.factory_id = row.OptInt(2);
  e.credit_code = row.Text(3);
  e.factory_name = row.Text(4);
  std::istringstream ids(row.Text(5));
  for (std::string id; ids >> id;) e.scenarios.push_back(id);
  e.start = row.Text(6);
  e.end = row.Text(7);
  e.example = row.Bool(8);
  e.created_by = row.OptInt(9);
  e.created_at = row.Text(10);
  return e;
}

std::string CatalogueAuditJson(const ProviderCatalogueRecord& c) {
  return JsonObjectText().Text("file_name", c.file_name).Text("sha256", c.sha256).str();
}

std::string EngagementAuditJson(const EngagementRecord& e) {
  return JsonObjectText()
      .Text("provider", e.provider)
      .Int("factory_id", e.factory_id)
      .Text("credit_code", e.credit_code)
      .Text("factory_name", e.factory_name)
      .Text("scenarios", JoinIds(e.scenarios))
      .Text("start", e.start)
      .Text("end", e.end)
      .str();
}

std::optional<ProviderCatalogueRecord> SelectCurrentCatalogue(SqlConn& db) {
  return db.QueryOne(std::string("SELECT ") + kCatalogueColumns + " FROM provider_catalogues ORDER BY id DESC LIMIT 1",
                     {}, CatalogueFromRow);
}

}  // namespace

std::optional<ProviderCatalogueRecord> SqlStore::CurrentProviderCatalogue() {
  return Reading([&](SqlConn& db) { return SelectCurrentCatalogue(db); });
}

int64_t SqlStore::CurrentProviderCatalogueId() {
  return Reading([&](SqlConn& db) { return db.QueryInt("SELECT MAX(id) FROM provider_catalogues").value_or(0); });
}

EditResult<ProviderCatalogueRecord> SqlStore::PutProviderCatalogue(const ProviderCatalogueRecord& catalogue,
                                                                   int64_t base_id, const Actor& actor) {
  auto tx = Write();
  std::optional<ProviderCatalogueRecord> current = SelectCurrentCatalogue(tx.db());
  if ((current ? current->id : 0) != base_id) return {EditStatus::kConflict, *current};
  const std::string sha = Sha256Hex(catalogue.text);
  if (current && current->sha256 == sha && current->file_name == catalogue.file_name)
    return {EditStatus::kSaved, *current};
  const auto id = tx->QueryInt(
      "INSERT INTO provider_catalogues (file_name, text, sha256, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id",
      {catalogue.file_name, catalogue.text, sha, OrNull(actor.user_id), env_.NowUtc()});
  if (!id) throw StoreError("the provider catalogue was not stored");
  ProviderCatalogueRecord stored = *SelectCurrentCatalogue(tx.db());
  Audit(tx.db(), actor, "providers.upload", "provider_catalogue", std::to_string(*id),
        current ? CatalogueAuditJson(*current) : "", CatalogueAuditJson(stored));
  tx.Commit();
  return {EditStatus::kSaved, stored};
}

std::vector<EngagementRecord> SqlStore::ListEngagements() {
  return Reading([&](SqlConn& db) {
    return db.Query(std::string("SELECT ") + kEngagementColumns + " FROM engagements ORDER BY id", {},
                    EngagementFromRow);
  });
}

EngagementRecord SqlStore::InsertEngagement(SqlConn& db, const EngagementRecord& e, const Actor& actor) {
  const auto id = db.QueryInt(
      "INSERT INTO engagements (provider, factory_id, credit_code, factory_name, scenarios, start_date, end_date, "
      "example, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.provider, OrNull(e.factory_id), e.credit_code, e.factory_name, JoinIds(e.scenarios), e.start, e.end,
       int64_t{e.example}, OrNull(actor.user_id), env_.NowUtc()});
  if (!id) throw StoreError("the engagement was not stored");
  EngagementRecord stored = *db.QueryOne(
      std::string("SELECT ") + kEngagementColumns + " FROM engagements WHERE id = ?", {*id}, EngagementFromRow);
  Audit(db, actor, "engagement.create", "engagement", std::to_string(*id), "", EngagementAuditJson(stored));
  return stored;
}

EditResult<EngagementRecord> SqlStore::CreateEngagement(const EngagementRecord& engagement, const Actor& actor) {
  auto tx = Write();
  EngagementRecord stored = InsertEngagement(tx.db(), engagement, actor);
  tx.Commit();
  return {EditStatus::kSaved, stored};
}

EditStatus SqlStore::DeleteEngagement(int64_t id, const Actor& actor) {
  auto tx = Write();
  auto old = tx->QueryOne(std::string("SELECT ") + kEngagementColumns + " FROM engagements WHERE id = ?", {id},
                          EngagementFromRow);
  if (!old) return EditStatus::kNotFound;
  tx->Exec("DELETE FROM engagements WHERE id = ?", {id});
  Audit(tx.db(), actor, "engagement.delete", "engagement", std::to_string(id), EngagementAuditJson(*old), "");
  tx.Commit();
  return EditStatus::kSaved;
}

bool SqlStore::SeedEngagements(const std::vector<EngagementRecord>& engagements, const Actor& actor) {
  auto tx = Write();
  if (tx->QueryInt("SELECT COUNT(*) FROM engagements").value_or(0) > 0) return false;
  for (const EngagementRecord& e : engagements) InsertEngagement(tx.db(), e, actor);
  tx.Commit();
  return true;
}

}  // namespace fa::store
