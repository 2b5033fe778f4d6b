// Factories and the assignment of consultants to them.
#include "store/audit_json.h"
#include "store/sql_rows.h"
#include "store/sql_store.h"

namespace fa::store {
namespace {

SqlParams FactoryValues(const Factory& f) {
  return {f.credit_code, f.name,           f.town, f.industry, f.manufacturing_type, OrNull(f.employees),
          OrNull(f.revenue), f.extra_json.empty() ? std::string("{}") : f.extra_json, f.provider};
}

std::string AssignmentId(int64_t consultant_id, int64_t factory_id) {
  return std::to_string(factory_id) + "/" + std::to_string(consultant_id);
}

std::string AssignmentJson(int64_t consultant_id, int64_t factory_id) {
  return JsonObjectText().Int("consultant_id", consultant_id).Int("factory_id", factory_id).str();
}

}  // namespace

std::optional<Factory> SqlStore::SelectFactory(SqlConn& db, int64_t id) {
  return db.QueryOne(std::string("SELECT ") + kFactoryColumns + " FROM factories WHERE id = ?", {id},
                     FactoryFromRow);
}

EditResult<Factory> SqlStore::InsertFactory(SqlConn& db, const Factory& factory, const Actor& actor) {
  SqlParams params = FactoryValues(factory);
  params.push_back(env_.NowUtc());
  const auto id = db.QueryInt(
      "INSERT INTO factories (credit_code, name, town, industry, manufacturing_type, employees, revenue, "
      "extra_json, provider, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) "
      "ON CONFLICT DO NOTHING RETURNING id",
      params);
  if (!id) return {EditStatus::kDuplicate, factory};
  Factory created = *SelectFactory(db, *id);
  Audit(db, actor, "factory.create", "factory", std::to_string(*id), "", AuditJson(created));
  return {EditStatus::kSaved, created};
}

EditResult<Factory> SqlStore::CreateFactory(const Factory& factory, const Actor& actor) {
  auto tx = Write();
  EditResult<Factory> r = InsertFactory(tx.db(), factory, actor);
  if (r.status == EditStatus::kSaved) tx.Commit();
  return r;
}

std::optional<Factory> SqlStore::GetFactory(int64_t id) {
  return Reading([&](SqlConn& db) { return SelectFactory(db, id); });
}

std::vector<Factory> SqlStore::ListFactories() {
  return Reading([&](SqlConn& db) {
    return db.Query(std::string("SELECT ") + kFactoryColumns + " FROM factories ORDER BY name, id", {},
                    FactoryFromRow);
  });
}

EditResult<Factory> SqlStore::ChangeFactory(SqlConn& db, const Factory& factory, const Actor& actor) {
  const auto old = SelectFactory(db, factory.id);
  if (!old) return {EditStatus::kNotFound, factory};
  SqlParams params = FactoryValues(factory);
  params.push_back(factory.id);
  params.push_back(factory.version);
  std::size_t changed = 0;
  try {
    changed = db.Exec(
        "UPDATE factories SET credit_code = ?, name = ?, town = ?, industry = ?, manufacturing_type = ?, "
        "employees = ?, revenue = ?, extra_json = ?, provider = ?, version = version + 1 WHERE id = ? AND version = ?",
        params);
  } catch (const UniqueViolation&) {
    return {EditStatus::kDuplicate, *old};  // the transaction rolls back
  }
  if (changed == 0) return {EditStatus::kConflict, SelectFactory(db, factory.id).value_or(*old)};
  Factory updated = *SelectFactory(db, factory.id);
  Audit(db, actor, "factory.update", "factory", std::to_string(factory.id), AuditJson(*old), AuditJson(updated));
  return {EditStatus::kSaved, updated};
}

EditResult<Factory> SqlStore::UpdateFactory(const Factory& factory, const Actor& actor) {
  auto tx = Write();
  EditResult<Factory> r = ChangeFactory(tx.db(), factory, actor);
  if (r.status == EditStatus::kSaved) tx.Commit();
  return r;
}

FactoryImport SqlStore::ImportFactories(const std::vector<Factory>& factories, const Actor& actor) {
  auto tx = Write();
  FactoryImport out;
  for (size_t i = 0; i < factories.size(); ++i) {
    const Factory& f = factories[i];
    EditResult<Factory> r = f.id == 0 ? InsertFactory(tx.db(), f, actor) : ChangeFactory(tx.db(), f, actor);
    if (r.status != EditStatus::kSaved) {
      out.status = r.status;
      out.failed = i;
      out.saved.clear();
      return out;  // the transaction rolls back
    }
    out.saved.push_back(r.current);
  }
  tx.Commit();
  return out;
}

void SqlStore::Assign(int64_t consultant_id, int64_t factory_id, const Actor& actor) {
  auto tx = Write();
  const std::size_t added = tx->Exec(
      "INSERT INTO assignments (consultant_id, factory_id, assigned_at) VALUES (?, ?, ?) "
      "ON CONFLICT DO NOTHING",
      {consultant_id, factory_id, env_.NowUtc()});
  if (added == 0) return;  // already assigned
  Audit(tx.db(), actor, "assignment.create", "assignment", AssignmentId(consultant_id, factory_id), "",
        AssignmentJson(consultant_id, factory_id));
  tx.Commit();
}

void SqlStore::Unassign(int64_t consultant_id, int64_t factory_id, const Actor& actor) {
  auto tx = Write();
  const std::size_t removed = tx->Exec("DELETE FROM assignments WHERE consultant_id = ? AND factory_id = ?",
                                       {consultant_id, factory_id});
  if (removed == 0) return;
  Audit(tx.db(), actor, "assignment.delete", "assignment", AssignmentId(consultant_id, factory_id),
        AssignmentJson(consultant_id, factory_id), "");
  tx.Commit();
}

bool SqlStore::IsAssigned(int64_t consultant_id, int64_t factory_id) {
  return Reading([&](SqlConn& db) {
    return db.QueryInt("SELECT 1 FROM assignments WHERE consultant_id = ? AND factory_id = ?",
                       {consultant_id, factory_id})
        .has_value();
  });
}

std::vector<int64_t> SqlStore::AssignedFactories(int64_t consultant_id) {
  return Reading([&](SqlConn& db) {
    return db.Query("SELECT factory_id FROM assignments WHERE consultant_id = ? ORDER BY factory_id",
                    {consultant_id}, [](const SqlRow& row) { return row.Int(0); });
  });
}

std::vector<int64_t> SqlStore::AssignedConsultants(int64_t factory_id) {
  return Reading([&](SqlConn& db) {
    return db.Query("SELECT consultant_id FROM assignments WHERE factory_id = ? ORDER BY consultant_id",
                    {factory_id}, [](const SqlRow& row) { return row.Int(0); });
  });
}

}  // namespace fa::store
