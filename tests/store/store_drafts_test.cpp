// Store: one open draft per factory and round — a second start finds the
// first, two racing starts create one — a database migrated with duplicate
// drafts keeps them all, and a submitted assessment reopened as a new draft
// version.
#include <doctest/doctest.h>

#include <thread>

#include "store/connection_pool.h"
#include "store/migrations.h"
#include "store_fixture.h"

namespace fa::store {
namespace {

using namespace test;

AssessmentRecord Draft(int64_t factory, int64_t rubric, const std::string& round) {
  AssessmentRecord a;
  a.factory_id = factory;
  a.rubric_pk = rubric;
  a.round = round;
  return a;
}

size_t ActionCount(Store& store, const std::string& action) {
  AuditFilter filter;
  filter.limit = 100000;
  size_t n = 0;
  for (const auto& e : store.ListAudit(filter)) n += e.action == action;
  return n;
}

}  // namespace

TEST_CASE_TEMPLATE("store: one open draft per factory and round — a second start gets the first", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  const int64_t f1 = store->CreateFactory(MakeFactory("F1"), Admin()).current.id;
  const int64_t f2 = store->CreateFactory(MakeFactory("F2"), Admin()).current.id;
  const int64_t rubric = store->PutRubric(MakeRubric(), Admin()).id;
  const int64_t other_rubric = store->PutRubric(MakeRubric("other", "bb22"), Admin()).id;

  auto first = store->CreateAssessment(Draft(f1, rubric, "2026"), Admin());
  REQUIRE(first.status == EditStatus::kSaved);
  auto again = store->CreateAssessment(Draft(f1, other_rubric, "2026"), Admin());  // whatever the rubric
  CHECK(again.status == EditStatus::kDuplicate);
  CHECK(again.current.id == first.current.id);
  CHECK(again.current.rubric_pk == rubric);
  CHECK(store->ListAssessments(f1).size() == 1);
  CHECK(ActionCount(*store, "assessment.create") == 1);

  // Another round, another factory: new drafts.
  CHECK(store->CreateAssessment(Draft(f1, rubric, "2026-Q3"), Admin()).status == EditStatus::kSaved);
  CHECK(store->CreateAssessment(Draft(f2, rubric, "2026"), Admin()).status == EditStatus::kSaved);

  // Once the draft is submitted, the round may be started again.
  REQUIRE(store->Submit(first.current.id, 1, "{}", "sha", Admin()).status == EditStatus::kSaved);
  auto next = store->CreateAssessment(Draft(f1, rubric, "2026"), Admin());
  CHECK(next.status == EditStatus::kSaved);
  CHECK(next.current.id != first.current.id);
  CHECK(store->CreateAssessment(Draft(f1, rubric, "2026"), Admin()).current.id == next.current.id);
}

TEST_CASE_TEMPLATE("store: two starts of one round at once create one draft", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  auto second_store = db.Open();  // as a second server process would
  const int64_t factory = store->CreateFactory(MakeFactory("F1"), Admin()).current.id;
  const int64_t rubric = store->PutRubric(MakeRubric(), Admin()).id;
  for (int round = 0; round < 10; ++round) {
    const std::string name = std::to_string(2030 + round);
    EditResult<AssessmentRecord> a, b;
    std::thread ta([&] { a = store->CreateAssessment(Draft(factory, rubric, name), Admin()); });
    std::thread tb([&] { b = second_store->CreateAssessment(Draft(factory, rubric, name), Admin()); });
    ta.join();
    tb.join();
    CAPTURE(name);
    CHECK((a.status == EditStatus::kSaved) != (b.status == EditStatus::kSaved));
    CHECK(a.current.id == b.current.id);
  }
  CHECK(store->ListAssessments(factory).size() == 10);
}

// A database of schema version 1 where one factory has two drafts of a round
// (the app allowed it then): migration 2 keeps both, and a start afterwards
// leads to the newer.
TEST_CASE_TEMPLATE("store: a database holding duplicate drafts migrates and keeps them all", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  {
    auto dialect = db.url().rfind("sqlite:", 0) == 0 ? MakeSqliteDialect(db.url().substr(7))
                                                     : MakePostgresDialect(db.url());
    ConnectionPool pool(std::move(dialect));
    REQUIRE(Migrate(pool, {Migrations().front()}, "2026-01-01T00:00:00Z") == 1);
  }
  const std::string now = "2026-01-02T00:00:00Z";
  db.Exec("INSERT INTO factories (id, name, created_at) VALUES (1, 'F1', ?)", {now});
  db.Exec("INSERT INTO rubrics (id, rubric_id, version, sha256, main_file, uploaded_at) VALUES (1, 'r', '1', 's', "
          "'r.yaml', ?)",
          {now});
  for (int id = 1; id <= 4; ++id)
    db.Exec("INSERT INTO assessments (id, factory_id, rubric_pk, round, status, created_at, updated_at) "
            "VALUES (?, 1, 1, ?, ?, ?, ?)",
            {int64_t{id}, std::string(id == 4 ? "2025" : "2026"), std::string(id == 1 ? "submitted" : "draft"),
             now, now});
  db.Exec("INSERT INTO answers (assessment_id, criterion, value_json, version, updated_at) VALUES (2, 'C1', '1', "
          "1, ?)",
          {now});
  if (db.url().rfind("sqlite:", 0) != 0)  // the ids above were given; move the identity past them
    db.Exec("SELECT setval(pg_get_serial_sequence('assessments', 'id'), 10)");

  auto store = db.Open();
  CHECK(store->SchemaVersion() == Migrations().back().version);
  CHECK(store->ListAssessments(1).size() == 4);
  CHECK(store->ListAnswers(2).size() == 1);
  // The older duplicate stays a draft that takes answers.
  SaveAnswer save;
  save.assessment_id = 2;
  save.criterion = "C1";
  save.value_json = "0.5";
  save.base_version = 1;
  CHECK(store->SaveAnswerValue(save, Admin()).status == EditStatus::kSaved);
  auto start = store->CreateAssessment(Draft(1, 1, "2026"), Admin());
  CHECK(start.status == EditStatus::kDuplicate);
  CHECK(start.current.id == 3);
  CHECK(store->CreateAssessment(Draft(1, 1, "2025"), Admin()).current.id == 4);
  // Submitting the newer leaves the older open, and it is the draft then.
  REQUIRE(store->Submit(3, 1, "{}", "sha", Admin()).status == EditStatus::kSaved);
  CHECK(store->CreateAssessment(Draft(1, 1, "2026"), Admin()).current.id == 2);
}

TEST_CASE_TEMPLATE("store: a submitted assessment reopens as a new draft with its answers, once", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  const int64_t consultant = store->CreateUser(MakeUser("carl"), Admin()).current.id;
  const Actor carl{consultant, "carl"};
  const int64_t factory = store->CreateFactory(MakeFactory("F1"), Admin()).current.id;
  const int64_t rubric = store->PutRubric(MakeRubric(), Admin()).id;
  const AssessmentRecord first = store->CreateAssessment(Draft(factory, rubric, "2026"), carl).current;
  SaveAnswer save;
  save.assessment_id = first.id;
  save.criterion = "C1";
  save.value_json = "0.8";
  save.evidence = "MES report";
  save.note = "seen on site";
  REQUIRE(store->SaveAnswerValue(save, carl).status == EditStatus::kSaved);
  save.criterion = "C2";
  save.value_json = "\"na\"";
  REQUIRE(store->SaveAnswerValue(save, carl).status == EditStatus::kSaved);
  CHECK(store->Reopen(first.id, carl).status == EditStatus::kConflict);  // a draft: nothing to reopen
  CHECK(store->Reopen(first.id, carl).current.id == first.id);
  REQUIRE(store->Submit(first.id, 3, R"({"level":1})", "sha-1", carl).status == EditStatus::kSaved);

  db.clock->Advance(86400);
  auto reopened = store->Reopen(first.id, Admin(1));
  REQUIRE(reopened.status == EditStatus::kSaved);
  const AssessmentRecord& second = reopened.current;
  CHECK(second.id > first.id);
  CHECK(second.status == AssessmentStatus::kDraft);
  CHECK(second.reopened_from == first.id);
  CHECK(second.round == "2026");
  CHECK(second.rubric_pk == rubric);
  CHECK(second.created_at == "2026-11-28T10:00:00Z");
  auto copied = store->ListAnswers(second.id);
  REQUIRE(copied.size() == 2);
  CHECK(copied[0].value_json == "0.8");
  CHECK(copied[0].evidence == "MES report");
  CHECK(copied[0].note == "seen on site");
  CHECK(copied[0].version == 1);
  CHECK(copied[0].updated_by == consultant);                  // who answered, not who reopened
  CHECK(copied[0].updated_at == "2026-11-27T10:00:00Z");
  CHECK(copied[1].value_json == "\"na\"");
  // The submitted one is as it was.
  auto kept = store->GetAssessment(first.id);
  CHECK(kept->status == AssessmentStatus::kSubmitted);
  CHECK(kept->result_json == R"({"level":1})");
  CHECK_FALSE(kept->reopened_from);
  CHECK(store->ListAnswers(first.id).size() == 2);
  // Audited on both.
  AuditFilter of_first;
  of_first.entity = "assessment";
  of_first.entity_id = std::to_string(first.id);
  CHECK(store->ListAudit(of_first)[0].action == "assessment.reopen");
  CHECK(store->ListAudit(of_first)[0].new_value == "{\"reopened_as\":" + std::to_string(second.id) + "}");
  AuditFilter of_second = of_first;
  of_second.entity_id = std::to_string(second.id);
  REQUIRE(store->ListAudit(of_second).size() == 1);
  CHECK(store->ListAudit(of_second)[0].new_value.find("\"reopened_from\":" + std::to_string(first.id)) !=
        std::string::npos);

  // Once: the old one leads to its newer version; the new draft is the round's.
  auto twice = store->Reopen(first.id, carl);
  CHECK(twice.status == EditStatus::kConflict);
  CHECK(twice.current.id == second.id);
  CHECK(store->CreateAssessment(Draft(factory, rubric, "2026"), carl).current.id == second.id);
  // The new draft takes answers and submits; then it may be reopened in turn.
  save.assessment_id = second.id;
  save.criterion = "C1";
  save.value_json = "1";
  save.base_version = 1;
  REQUIRE(store->SaveAnswerValue(save, carl).status == EditStatus::kSaved);
  REQUIRE(store->Submit(second.id, 2, R"({"level":2})", "sha-2", carl).status == EditStatus::kSaved);
  CHECK(store->ListAssessments(factory)[0].id == second.id);  // newest first: the factory's latest
  CHECK(store->ListAssessments(factory)[0].reopened_from == first.id);
  auto third = store->Reopen(second.id, carl);
  CHECK(third.status == EditStatus::kSaved);
  CHECK(third.current.reopened_from == second.id);
  CHECK(store->Reopen(999, carl).status == EditStatus::kNotFound);
}

TEST_CASE_TEMPLATE("store: reopening waits for the round's open draft", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  const int64_t factory = store->CreateFactory(MakeFactory("F1"), Admin()).current.id;
  const int64_t rubric = store->PutRubric(MakeRubric(), Admin()).id;
  const AssessmentRecord first = store->CreateAssessment(Draft(factory, rubric, "2026"), Admin()).current;
  REQUIRE(store->Submit(first.id, 1, "{}", "sha", Admin()).status == EditStatus::kSaved);
  const AssessmentRecord open = store->CreateAssessment(Draft(factory, rubric, "2026"), Admin()).current;
  auto refused = store->Reopen(first.id, Admin());
  CHECK(refused.status == EditStatus::kDuplicate);
  CHECK(refused.current.id == open.id);
  CHECK(store->ListAssessments(factory).size() == 2);
}

}  // namespace fa::store
