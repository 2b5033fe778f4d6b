// Store: several answers saved at once (an imported answers file), all or
// none, against the assessment's version.
#include <doctest/doctest.h>

#include "store_fixture.h"

namespace fa::store {
namespace {

using namespace test;

SaveAnswer Value(const std::string& criterion, const std::string& value, const std::string& evidence = "") {
  SaveAnswer s;
  s.criterion = criterion;
  s.value_json = value;
  s.evidence = evidence;
  return s;
}

}  // namespace

TEST_CASE_TEMPLATE("store: answers imported at once are saved all or none, against the assessment's version", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  const int64_t consultant = store->CreateUser(MakeUser("carl"), Admin()).current.id;
  const Actor carl{consultant, "carl"};
  const int64_t factory = store->CreateFactory(MakeFactory("F1"), Admin()).current.id;
  AssessmentRecord draft;
  draft.factory_id = factory;
  draft.rubric_pk = store->PutRubric(MakeRubric(), Admin()).id;
  draft.round = "2026";
  const AssessmentRecord a = store->CreateAssessment(draft, carl).current;
  SaveAnswer first = Value("C1", "0.5", "old evidence");
  first.assessment_id = a.id;
  REQUIRE(store->SaveAnswerValue(first, carl).status == EditStatus::kSaved);  // version 2 now

  // Against a stale version: nothing is written.
  auto stale = store->SaveAnswers(a.id, 1, {Value("C1", "1"), Value("C2", "0.8")}, carl);
  CHECK(stale.status == EditStatus::kConflict);
  CHECK(stale.current.version == 2);
  CHECK(store->ListAnswers(a.id).size() == 1);
  CHECK(store->ListAnswers(a.id)[0].value_json == "0.5");

  db.clock->Advance(60);
  auto saved = store->SaveAnswers(a.id, 2, {Value("C1", "1", "new evidence"), Value("C2", "0.8")}, carl);
  REQUIRE(saved.status == EditStatus::kSaved);
  CHECK(saved.current.version == 3);  // one bump for the batch
  auto answers = store->ListAnswers(a.id);
  REQUIRE(answers.size() == 2);
  CHECK(answers[0].value_json == "1");
  CHECK(answers[0].evidence == "new evidence");
  CHECK(answers[0].version == 2);
  CHECK(answers[0].updated_at == "2026-11-27T10:01:00Z");
  CHECK(answers[1].value_json == "0.8");
  CHECK(answers[1].version == 1);
  AuditFilter of_answers;
  of_answers.entity = "answer";
  auto audit = store->ListAudit(of_answers);
  REQUIRE(audit.size() == 3);
  CHECK(audit[0].action == "answer.import");
  CHECK(audit[1].action == "answer.import");
  CHECK(audit[2].action == "answer.save");

  // An autosave after the import made against the import's answer version works as ever.
  SaveAnswer after = Value("C2", "1");
  after.assessment_id = a.id;
  after.base_version = 1;
  CHECK(store->SaveAnswerValue(after, carl).status == EditStatus::kSaved);
  const int64_t version = store->GetAssessment(a.id)->version;
  REQUIRE(store->Submit(a.id, version, "{}", "sha", carl).status == EditStatus::kSaved);
  CHECK(store->SaveAnswers(a.id, version + 1, {Value("C3", "1")}, carl).status == EditStatus::kImmutable);
  CHECK(store->SaveAnswers(999, 1, {Value("C3", "1")}, carl).status == EditStatus::kNotFound);
  CHECK(store->ListAnswers(a.id).size() == 2);
}

}  // namespace fa::store
