// The store's records as table rows: the column list each SELECT names and the
// mapping from a result row back to the record, shared by both engines.
#pragma once

#include "store/sql_conn.h"
#include "store/store.h"

namespace fa::store {

extern const char* const kUserColumns;
extern const char* const kFactoryColumns;
extern const char* const kRubricColumns;  ///< without the files
extern const char* const kAssessmentColumns;
extern const char* const kAssessmentListColumns;  ///< kAssessmentColumns, result_json as ''
extern const char* const kAnswerColumns;
extern const char* const kAuditColumns;
extern const char* const kSessionColumns;

User UserFromRow(const SqlRow& row);
Factory FactoryFromRow(const SqlRow& row);
RubricRecord RubricFromRow(const SqlRow& row);
AssessmentRecord AssessmentFromRow(const SqlRow& row);
AnswerRecord AnswerFromRow(const SqlRow& row);
AuditEntry AuditFromRow(const SqlRow& row);
Session SessionFromRow(const SqlRow& row);

/// 0 ↔ NULL for optional references held as plain ids.
SqlValue IdOrNull(int64_t id);

}  // namespace fa::store
