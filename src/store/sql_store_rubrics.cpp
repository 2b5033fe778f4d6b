// Rubrics: the uploaded text of each rubric version, kept verbatim.
#include "store/audit_json.h"
#include "store/sql_rows.h"
#include "store/sql_store.h"

namespace fa::store {

std::optional<RubricRecord> SqlStore::SelectRubric(SqlConn& db, int64_t id) {
  auto rubric =
      db.QueryOne(std::string("SELECT ") + kRubricColumns + " FROM rubrics WHERE id = ?", {id}, RubricFromRow);
  if (!rubric) return std::nullopt;
  rubric->files = db.Query("SELECT name, text FROM rubric_files WHERE rubric_pk = ? ORDER BY name", {id},
                           [](const SqlRow& row) { return RubricFile{row.Text(0), row.Text(1)}; });
  return rubric;
}

RubricRecord SqlStore::PutRubric(const RubricRecord& rubric, const Actor& actor) {
  auto tx = Write();
  const auto id = tx->QueryInt(
      "INSERT INTO rubrics (rubric_id, version, sha256, title, main_file, active, uploaded_by, uploaded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
      {rubric.rubric_id, rubric.version, rubric.sha256, rubric.title, rubric.main_file, int64_t{rubric.active},
       OrNull(rubric.uploaded_by), env_.NowUtc()});
  if (!id) {
    const auto existing = tx->QueryInt("SELECT id FROM rubrics WHERE rubric_id = ? AND sha256 = ?",
                                       {rubric.rubric_id, rubric.sha256});
    if (!existing) throw StoreError("rubric " + rubric.rubric_id + " vanished while being stored");
    return *SelectRubric(tx.db(), *existing);
  }
  for (const RubricFile& file : rubric.files) {
    tx->Exec("INSERT INTO rubric_files (rubric_pk, name, text) VALUES (?, ?, ?)", {*id, file.name, file.text});
  }
  RubricRecord stored = *SelectRubric(tx.db(), *id);
  Audit(tx.db(), actor, "rubric.upload", "rubric", std::to_string(*id), "", AuditJson(stored));
  tx.Commit();
  return stored;
}

std::optional<RubricRecord> SqlStore::GetRubric(int64_t id) {
  return Reading([&](SqlConn& db) { return SelectRubric(db, id); });
}

std::vector<RubricRecord> SqlStore::ListRubrics() {
  return Reading([&](SqlConn& db) {
    return db.Query(std::string("SELECT ") + kRubricColumns + " FROM rubrics ORDER BY id DESC", {},
                    RubricFromRow);
  });
}

void SqlStore::SetRubricActive(int64_t id, bool active, const Actor& actor) {
  auto tx = Write();
  auto old = tx->QueryOne(std::string("SELECT ") + kRubricColumns + " FROM rubrics WHERE id = ?", {id},
                          RubricFromRow);
  if (!old || old->active == active) return;
  tx->Exec("UPDATE rubrics SET active = ? WHERE id = ?", {int64_t{active}, id});
  RubricRecord updated = *old;
  updated.active = active;
  Audit(tx.db(), actor, active ? "rubric.activate" : "rubric.deactivate", "rubric", std::to_string(id),
        AuditJson(*old), AuditJson(updated));
  tx.Commit();
}

}  // namespace fa::store
