// Assessments and their answers: at most one open draft per factory and
// round, autosaved one answer at a time against the answer's version, frozen
// for good at submit, and reopened as a new draft version (answers copied,
// the submitted one kept).
//
// Every answer save first bumps the assessment's version while it is a draft.
// That one UPDATE checks the draft status, and on PostgreSQL it also locks
// the assessment row, so savers of one assessment and its submit take turns
// (SQLite's BEGIN IMMEDIATE serialises all writers anyway).
#include "store/audit_json.h"
#include "store/sql_rows.h"
#include "store/sql_store.h"

namespace fa::store {

std::optional<AssessmentRecord> SqlStore::SelectAssessment(SqlConn& db, int64_t id) {
  return db.QueryOne(std::string("SELECT ") + kAssessmentColumns + " FROM assessments WHERE id = ?", {id},
                     AssessmentFromRow);
}

std::optional<AnswerRecord> SqlStore::SelectAnswer(SqlConn& db, int64_t assessment_id,
                                                   const std::string& criterion) {
  return db.QueryOne(
      std::string("SELECT ") + kAnswerColumns + " FROM answers WHERE assessment_id = ? AND criterion = ?",
      {assessment_id, criterion}, AnswerFromRow);
}

std::optional<AssessmentRecord> SqlStore::SelectOpenDraft(SqlConn& db, int64_t factory_id, const std::string& round) {
  // The newest: a database migrated with several drafts of one round holds
  // the rule on its newest (migration 2, migration_list.cpp).
  return db.QueryOne(std::string("SELECT ") + kAssessmentColumns +
                         " FROM assessments WHERE factory_id = ? AND round = ? AND status = 'draft' "
                         "ORDER BY id DESC LIMIT 1",
                     {factory_id, round}, AssessmentFromRow);
}

EditResult<AssessmentRecord> SqlStore::CreateAssessment(const AssessmentRecord& assessment, const Actor& actor) {
  auto tx = Write();
  if (auto open = SelectOpenDraft(tx.db(), assessment.factory_id, assessment.round))
    return {EditStatus::kDuplicate, *open};
  const std::string now = env_.NowUtc();
  // The unique index assessments_one_draft settles a race between two
  // starts: the second inserts nothing and finds the first's draft.
  const auto id = tx->QueryInt(
      "INSERT INTO assessments (factory_id, rubric_pk, round, status, version, created_by, created_at, "
      "updated_at) VALUES (?, ?, ?, 'draft', 1, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
      {assessment.factory_id, assessment.rubric_pk, assessment.round, IdOrNull(assessment.created_by), now, now});
  if (!id) {
    auto open = SelectOpenDraft(tx.db(), assessment.factory_id, assessment.round);
    return {EditStatus::kDuplicate, open.value_or(assessment)};
  }
  AssessmentRecord created = *SelectAssessment(tx.db(), *id);
  Audit(tx.db(), actor, "assessment.create", "assessment", std::to_string(*id), "", AuditJson(created));
  tx.Commit();
  return {EditStatus::kSaved, created};
}

std::optional<AssessmentRecord> SqlStore::GetAssessment(int64_t id) {
  return Reading([&](SqlConn& db) { return SelectAssessment(db, id); });
}

std::vector<AssessmentRecord> SqlStore::ListAssessments(int64_t factory_id) {
  return Reading([&](SqlConn& db) {
    const std::string select = std::string("SELECT ") + kAssessmentListColumns + " FROM assessments";
    if (factory_id == 0) return db.Query(select + " ORDER BY id DESC", {}, AssessmentFromRow);
    return db.Query(select + " WHERE factory_id = ? ORDER BY id DESC", {factory_id}, AssessmentFromRow);
  });
}

std::vector<AnswerRecord> SqlStore::ListAnswers(int64_t assessment_id) {
  return Reading([&](SqlConn& db) {
    return db.Query(
        std::string("SELECT ") + kAnswerColumns + " FROM answers WHERE assessment_id = ? ORDER BY criterion",
        {assessment_id}, AnswerFromRow);
  });
}

std::optional<AnswerRecord> SqlStore::WriteAnswer(SqlConn& db, const SaveAnswer& save,
                                                 const std::optional<AnswerRecord>& old, const Actor& actor,
                                                 const std::string& now) {
  const SqlValue updated_by = OrNull(actor.user_id);
  const std::string returning = std::string(" RETURNING ") + kAnswerColumns;
  if (old)
    return db.QueryOne(
        "UPDATE answers SET value_json = ?, evidence = ?, note = ?, version = version + 1, "
        "updated_by = ?, updated_at = ? WHERE assessment_id = ? AND criterion = ? AND version = ?" +
            returning,
        {save.value_json, save.evidence, save.note, updated_by, now, save.assessment_id, save.criterion,
         old->version},
        AnswerFromRow);
  return db.QueryOne(
      "INSERT INTO answers (assessment_id, criterion, value_json, evidence, note, version, updated_by, "
      "updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT DO NOTHING" +
          returning,
      {save.assessment_id, save.criterion, save.value_json, save.evidence, save.note, updated_by, now},
      AnswerFromRow);
}

EditResult<AnswerRecord> SqlStore::SaveAnswerValue(const SaveAnswer& save, const Actor& actor) {
  auto tx = Write();
  const std::string now = env_.NowUtc();
  AnswerRecord unsaved;
  unsaved.assessment_id = save.assessment_id;
  unsaved.criterion = save.criterion;

  const std::size_t drafts = tx->Exec(
      "UPDATE assessments SET version = version + 1, updated_at = ? WHERE id = ? AND status = 'draft'",
      {now, save.assessment_id});
  const auto old = SelectAnswer(tx.db(), save.assessment_id, save.criterion);
  if (drafts == 0) {
    const bool exists = SelectAssessment(tx.db(), save.assessment_id).has_value();
    return {exists ? EditStatus::kImmutable : EditStatus::kNotFound, old.value_or(unsaved)};
  }
  if ((old ? old->version : 0) != save.base_version) return {EditStatus::kConflict, old.value_or(unsaved)};

  const auto saved = WriteAnswer(tx.db(), save, old, actor, now);
  if (!saved) {
    return {EditStatus::kConflict, SelectAnswer(tx.db(), save.assessment_id, save.criterion).value_or(unsaved)};
  }
  Audit(tx.db(), actor, "answer.save", "answer", std::to_string(save.assessment_id) + "/" + save.criterion,
        old ? AuditJson(*old) : "", AuditJson(*saved));
  tx.Commit();
  return {EditStatus::kSaved, *saved};
}

EditResult<AssessmentRecord> SqlStore::SaveAnswers(int64_t assessment_id, int64_t base_version,
                                                   const std::vector<SaveAnswer>& saves, const Actor& actor) {
  auto tx = Write();
  const std::string now = env_.NowUtc();
  // One bump for the batch, made against the version the answers were
  // checked against: a save or submit since then refuses all of them.
  const std::size_t bumped = tx->Exec(
      "UPDATE assessments SET version = version + 1, updated_at = ? WHERE id = ? AND status = 'draft' "
      "AND version = ?",
      {now, assessment_id, base_version});
  if (bumped == 0) {
    const auto current = SelectAssessment(tx.db(), assessment_id);
    if (!current) return {EditStatus::kNotFound, AssessmentRecord{}};
    return {current->status == AssessmentStatus::kSubmitted ? EditStatus::kImmutable : EditStatus::kConflict,
            *current};
  }
  for (SaveAnswer save : saves) {
    save.assessment_id = assessment_id;
    const auto old = SelectAnswer(tx.db(), assessment_id, save.criterion);
    const auto saved = WriteAnswer(tx.db(), save, old, actor, now);
    if (!saved) throw StoreError("answer " + save.criterion + " changed inside its own transaction");
    Audit(tx.db(), actor, "answer.import", "answer", std::to_string(assessment_id) + "/" + save.criterion,
          old ? AuditJson(*old) : "", AuditJson(*saved));
  }
  AssessmentRecord current = *SelectAssessment(tx.db(), assessment_id);
  tx.Commit();
  return {EditStatus::kSaved, current};
}

EditResult<AssessmentRecord> SqlStore::Submit(int64_t assessment_id, int64_t base_version,
                                              const std::string& result_json, const std::string& answers_sha256,
                                              const Actor& actor) {
  auto tx = Write();
  const std::string now = env_.NowUtc();
  const auto old = SelectAssessment(tx.db(), assessment_id);
  if (!old) return {EditStatus::kNotFound, AssessmentRecord{}};
  const std::size_t changed = tx->Exec(
      "UPDATE assessments SET status = 'submitted', version = version + 1, updated_at = ?, submitted_by = ?, "
      "submitted_at = ?, result_json = ?, answers_sha256 = ? "
      "WHERE id = ? AND version = ? AND status = 'draft'",
      {now, OrNull(actor.user_id), now, result_json, answers_sha256, assessment_id, base_version});
  if (changed == 0) {
    AssessmentRecord current = SelectAssessment(tx.db(), assessment_id).value_or(*old);
    return {current.status == AssessmentStatus::kSubmitted ? EditStatus::kImmutable : EditStatus::kConflict,
            current};
  }
  AssessmentRecord submitted = *SelectAssessment(tx.db(), assessment_id);
  Audit(tx.db(), actor, "assessment.submit", "assessment", std::to_string(assessment_id), AuditJson(*old),
        AuditJson(submitted));
  tx.Commit();
  return {EditStatus::kSaved, submitted};
}


EditResult<AssessmentRecord> SqlStore::Reopen(int64_t assessment_id, const Actor& actor) {
  auto tx = Write();
  const auto old = SelectAssessment(tx.db(), assessment_id);
  if (!old) return {EditStatus::kNotFound, AssessmentRecord{}};
  if (old->status != AssessmentStatus::kSubmitted) return {EditStatus::kConflict, *old};
  const auto newer = tx->QueryOne(std::string("SELECT ") + kAssessmentColumns +
                                      " FROM assessments WHERE reopened_from = ?",
                                  {assessment_id}, AssessmentFromRow);
  if (newer) return {EditStatus::kConflict, *newer};
  if (auto open = SelectOpenDraft(tx.db(), old->factory_id, old->round)) return {EditStatus::kDuplicate, *open};

  const std::string now = env_.NowUtc();
  // Both unique indexes (one draft per round, one reopen per assessment)
  // settle a race with another reopen or start: nothing is inserted then.
  const auto id = tx->QueryInt(
      "INSERT INTO assessments (factory_id, rubric_pk, round, status, version, created_by, created_at, "
      "updated_at, reopened_from) VALUES (?, ?, ?, 'draft', 1, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
      {old->factory_id, old->rubric_pk, old->round, OrNull(actor.user_id), now, now, assessment_id});
  if (!id) {
    if (auto open = SelectOpenDraft(tx.db(), old->factory_id, old->round)) return {EditStatus::kDuplicate, *open};
    return {EditStatus::kConflict, *old};
  }
  tx->Exec(
      "INSERT INTO answers (assessment_id, criterion, value_json, evidence, note, version, updated_by, updated_at) "
      "SELECT ?, criterion, value_json, evidence, note, 1, updated_by, updated_at FROM answers "
      "WHERE assessment_id = ?",
      {*id, assessment_id});
  AssessmentRecord created = *SelectAssessment(tx.db(), *id);
  Audit(tx.db(), actor, "assessment.reopen", "assessment", std::to_string(assessment_id), AuditJson(*old),
        "{\"reopened_as\":" + std::to_string(*id) + "}");
  Audit(tx.db(), actor, "assessment.create", "assessment", std::to_string(*id), "", AuditJson(created));
  tx.Commit();
  return {EditStatus::kSaved, created};
}

}  // namespace fa::store
