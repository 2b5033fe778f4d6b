// Store: assessments, answer autosaves against versions, submit and its
// immutability, and concurrent savers.
#include <doctest/doctest.h>

#include <thread>

#include "store_fixture.h"

namespace fa::store {
namespace {

using namespace test;

SaveAnswer Answer(int64_t assessment, const std::string& criterion, const std::string& value,
                  int64_t base_version) {
  SaveAnswer s;
  s.assessment_id = assessment;
  s.criterion = criterion;
  s.value_json = value;
  s.evidence = "photo " + criterion;
  s.note = "note";
  s.base_version = base_version;
  return s;
}

size_t AuditCount(Store& store, const std::string& entity) {
  AuditFilter filter;
  filter.entity = entity;
  filter.limit = 100000;
  return store.ListAudit(filter).size();
}

TEST_CASE_TEMPLATE("store: assessments are created as drafts, read and listed newest first", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  Plant p = MakePlant(*store);
  CHECK(p.assessment.id > 0);
  CHECK(p.assessment.status == AssessmentStatus::kDraft);
  CHECK(p.assessment.version == 1);
  CHECK(p.assessment.round == "2026");
  CHECK(p.assessment.created_by == p.consultant);
  CHECK(p.assessment.created_at == "2026-11-27T10:00:00Z");
  CHECK(p.assessment.updated_at == "2026-11-27T10:00:00Z");
  CHECK_FALSE(p.assessment.submitted_by);
  CHECK(p.assessment.result_json.empty());

  const int64_t other_factory = store->CreateFactory(MakeFactory("F2"), Admin()).current.id;
  AssessmentRecord second;
  second.factory_id = other_factory;
  second.rubric_pk = p.rubric;
  second.round = "2027";
  const AssessmentRecord by_system = store->CreateAssessment(second, Admin()).current;
  CHECK(by_system.created_by == 0);

  auto all = store->ListAssessments(0);
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == by_system.id);
  auto mine = store->ListAssessments(p.factory);
  REQUIRE(mine.size() == 1);
  CHECK(mine[0].round == "2026");
  CHECK(store->ListAssessments(999).empty());
  CHECK(store->GetAssessment(p.assessment.id)->rubric_pk == p.rubric);
  CHECK_FALSE(store->GetAssessment(999));
  CHECK(AuditCount(*store, "assessment") == 2);
}

TEST_CASE_TEMPLATE("store: an answer is saved against its version, bumping the assessment's", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  Plant p = MakePlant(*store);
  db.clock->Advance(5);
  auto first = store->SaveAnswerValue(Answer(p.assessment.id, "C1.1", "0.8", 0), p.actor);
  REQUIRE(first.status == EditStatus::kSaved);
  CHECK(first.current.version == 1);
  CHECK(first.current.value_json == "0.8");
  CHECK(first.current.evidence == "photo C1.1");
  CHECK(first.current.updated_by == p.consultant);
  CHECK(first.current.updated_at == "2026-11-27T10:00:05Z");
  auto second = store->SaveAnswerValue(Answer(p.assessment.id, "C1.1", R"(["a","b"])", 1), p.actor);
  REQUIRE(second.status == EditStatus::kSaved);
  CHECK(second.current.version == 2);
  REQUIRE(store->SaveAnswerValue(Answer(p.assessment.id, "C1.0", "\"n/a\"", 0), p.actor).status ==
          EditStatus::kSaved);

  auto answers = store->ListAnswers(p.assessment.id);
  REQUIRE(answers.size() == 2);
  CHECK(answers[0].criterion == "C1.0");
  CHECK(answers[1].value_json == R"(["a","b"])");
  auto assessment = store->GetAssessment(p.assessment.id);
  CHECK(assessment->version == 4);
  CHECK(assessment->updated_at == "2026-11-27T10:00:05Z");

  AuditFilter of_answer;
  of_answer.entity_id = std::to_string(p.assessment.id) + "/C1.1";
  auto audit = store->ListAudit(of_answer);
  REQUIRE(audit.size() == 2);
  CHECK(audit[0].action == "answer.save");
  CHECK(audit[0].entity == "answer");
  CHECK(audit[0].old_value == R"({"value":"0.8","evidence":"photo C1.1","note":"note","version":1})");
  CHECK(audit[0].new_value ==
        R"({"value":"[\"a\",\"b\"]","evidence":"photo C1.1","note":"note","version":2})");
  CHECK(audit[1].old_value.empty());
  CHECK(store->SaveAnswerValue(Answer(999, "C1.1", "1", 0), p.actor).status == EditStatus::kNotFound);
}

TEST_CASE_TEMPLATE("store: a stale answer save is refused with the stored answer, and nothing is written", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  Plant p = MakePlant(*store);
  REQUIRE(store->SaveAnswerValue(Answer(p.assessment.id, "C1.1", "0.5", 0), p.actor).status ==
          EditStatus::kSaved);
  const size_t audit_rows = AuditCount(*store, "answer");
  const int64_t assessment_version = store->GetAssessment(p.assessment.id)->version;

  auto as_new = store->SaveAnswerValue(Answer(p.assessment.id, "C1.1", "0.9", 0), p.actor);  // another tablet
  CHECK(as_new.status == EditStatus::kConflict);
  CHECK(as_new.current.value_json == "0.5");
  CHECK(as_new.current.version == 1);
  auto ahead = store->SaveAnswerValue(Answer(p.assessment.id, "C1.1", "0.9", 7), p.actor);
  CHECK(ahead.status == EditStatus::kConflict);
  auto never_saved = store->SaveAnswerValue(Answer(p.assessment.id, "C9.9", "1", 3), p.actor);
  CHECK(never_saved.status == EditStatus::kConflict);
  CHECK(never_saved.current.version == 0);
  CHECK(never_saved.current.criterion == "C9.9");

  CHECK(store->ListAnswers(p.assessment.id).size() == 1);
  CHECK(store->ListAnswers(p.assessment.id)[0].value_json == "0.5");
  CHECK(store->GetAssessment(p.assessment.id)->version == assessment_version);  // the bump was rolled back
  CHECK(AuditCount(*store, "answer") == audit_rows);
}

TEST_CASE_TEMPLATE("store: submit freezes a draft against its version, later saves and submits are refused", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  Plant p = MakePlant(*store);
  REQUIRE(store->SaveAnswerValue(Answer(p.assessment.id, "C1.1", "0.5", 0), p.actor).status ==
          EditStatus::kSaved);
  const int64_t version = store->GetAssessment(p.assessment.id)->version;
  REQUIRE(store->SaveAnswerValue(Answer(p.assessment.id, "C1.2", "1", 0), p.actor).status ==
          EditStatus::kSaved);

  // Scored before the last save: stale.
  auto stale = store->Submit(p.assessment.id, version, R"({"stale":true})", "sha-stale", p.actor);
  CHECK(stale.status == EditStatus::kConflict);
  CHECK(stale.current.version == version + 1);
  CHECK(stale.current.status == AssessmentStatus::kDraft);
  CHECK(AuditCount(*store, "assessment") == 1);

  db.clock->Advance(3600);
  auto submitted = store->Submit(p.assessment.id, version + 1, R"({"level":3})", "sha-1", p.actor);
  REQUIRE(submitted.status == EditStatus::kSaved);
  CHECK(submitted.current.status == AssessmentStatus::kSubmitted);
  CHECK(submitted.current.version == version + 2);
  CHECK(submitted.current.submitted_by == p.consultant);
  CHECK(submitted.current.submitted_at == "2026-11-27T11:00:00Z");
  CHECK(submitted.current.result_json == R"({"level":3})");
  CHECK(submitted.current.answers_sha256 == "sha-1");
  CHECK(store->ListAssessments(p.factory)[0].result_json.empty());  // lists leave the result out
  CHECK(store->ListAssessments(p.factory)[0].answers_sha256 == "sha-1");
  const size_t audit_rows = db.Count("audit_log");

  auto save = store->SaveAnswerValue(Answer(p.assessment.id, "C1.1", "0.9", 1), p.actor);
  CHECK(save.status == EditStatus::kImmutable);
  CHECK(save.current.value_json == "0.5");
  CHECK(store->SaveAnswerValue(Answer(p.assessment.id, "C7", "1", 0), p.actor).status == EditStatus::kImmutable);
  auto again = store->Submit(p.assessment.id, version + 2, R"({"level":4})", "sha-2", p.actor);
  CHECK(again.status == EditStatus::kImmutable);
  CHECK(again.current.result_json == R"({"level":3})");
  CHECK(store->Submit(999, 1, "{}", "", p.actor).status == EditStatus::kNotFound);

  CHECK(store->ListAnswers(p.assessment.id).size() == 2);
  CHECK(store->ListAnswers(p.assessment.id)[0].value_json == "0.5");
  auto stored = store->GetAssessment(p.assessment.id);
  CHECK(stored->version == version + 2);
  CHECK(stored->answers_sha256 == "sha-1");
  CHECK(db.Count("audit_log") == static_cast<int64_t>(audit_rows));
  AuditFilter filter;
  filter.entity = "assessment";
  auto audit = store->ListAudit(filter);
  REQUIRE(audit.size() == 2);
  CHECK(audit[0].action == "assessment.submit");
  CHECK(audit[0].old_value.find(R"("status":"draft")") != std::string::npos);
  CHECK(audit[0].new_value.find(R"("status":"submitted")") != std::string::npos);
}

// Two connections (one store each, as two server processes would have) and two
// threads on one store save answers as fast as they can, on their own criteria
// and on one they fight over, retrying on conflict. Every acknowledged save
// must be in the database: the final versions count them exactly.
TEST_CASE_TEMPLATE("store: concurrent savers never lose an acknowledged save", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  auto second_store = db.Open();
  Plant p = MakePlant(*store);
  constexpr int kSaves = 40;
  struct Tally {
    int acknowledged = 0;
    int conflicts = 0;
    std::string last_own;
    int64_t own_version = 0;
    std::string error;
  };
  auto saver = [&](Store* s, const std::string& name, Tally* tally) {
    try {
      int64_t shared_base = 0;
      for (int i = 0; i < kSaves; ++i) {
        const std::string value = "\"" + name + "-" + std::to_string(i) + "\"";
        auto own = s->SaveAnswerValue(Answer(p.assessment.id, "own-" + name, value, tally->own_version), p.actor);
        if (own.status != EditStatus::kSaved) throw std::runtime_error("own save refused");
        ++tally->acknowledged;
        tally->own_version = own.current.version;
        tally->last_own = value;
        for (;;) {  // the contested answer: retry against the version the store reports
          auto shared = s->SaveAnswerValue(Answer(p.assessment.id, "shared", value, shared_base), p.actor);
          if (shared.status == EditStatus::kSaved) {
            ++tally->acknowledged;
            shared_base = shared.current.version;
            break;
          }
          if (shared.status != EditStatus::kConflict) throw std::runtime_error("shared save refused");
          ++tally->conflicts;
          shared_base = shared.current.version;
        }
      }
    } catch (const std::exception& e) {
      tally->error = e.what();
    }
  };
  Tally a, b, c;
  std::thread ta(saver, store.get(), "a", &a);
  std::thread tb(saver, second_store.get(), "b", &b);
  std::thread tc(saver, store.get(), "c", &c);
  ta.join();
  tb.join();
  tc.join();
  CHECK(a.error == "");
  CHECK(b.error == "");
  CHECK(c.error == "");
  MESSAGE(std::string(T::kName), ": conflicts on the shared answer: ", a.conflicts + b.conflicts + c.conflicts);

  auto reopened = db.Open();
  auto answers = reopened->ListAnswers(p.assessment.id);
  REQUIRE(answers.size() == 4);
  for (const AnswerRecord& answer : answers) {
    if (answer.criterion == "shared") {
      CHECK(answer.version == 3 * kSaves);  // every acknowledged save bumped it once
    } else {
      const Tally& t = answer.criterion == "own-a" ? a : answer.criterion == "own-b" ? b : c;
      CHECK(answer.version == kSaves);
      CHECK(answer.value_json == t.last_own);
    }
  }
  CHECK(a.acknowledged + b.acknowledged + c.acknowledged == 6 * kSaves);
  CHECK(reopened->GetAssessment(p.assessment.id)->version == 1 + 6 * kSaves);
  CHECK(AuditCount(*reopened, "answer") == static_cast<size_t>(6 * kSaves));
}

// A submit racing a saver: either the save lands first (and the submit made
// against the older version is a conflict) or the submit does (and the save is
// refused as immutable). Never both, never a saved answer missing from the
// submitted assessment's version.
TEST_CASE_TEMPLATE("store: a submit racing answer saves either wins or conflicts, never both", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  auto second_store = db.Open();
  Plant p = MakePlant(*store);
  std::vector<EditStatus> saves;
  std::thread saver([&] {
    int64_t base = 0;
    for (int i = 0; i < 50; ++i) {
      auto r = second_store->SaveAnswerValue(Answer(p.assessment.id, "C1", std::to_string(i), base), p.actor);
      saves.push_back(r.status);
      if (r.status != EditStatus::kSaved) break;
      base = r.current.version;
    }
  });
  EditResult<AssessmentRecord> submit;
  for (;;) {
    const int64_t version = store->GetAssessment(p.assessment.id)->version;
    submit = store->Submit(p.assessment.id, version, "{}", "sha", p.actor);
    if (submit.status != EditStatus::kConflict) break;
  }
  saver.join();
  REQUIRE(submit.status == EditStatus::kSaved);
  int saved = 0;
  for (EditStatus s : saves) saved += s == EditStatus::kSaved;
  // The submitted version counts exactly the saves that landed before it.
  CHECK(submit.current.version == 1 + saved + 1);
  if (saved < 50) CHECK(saves.back() == EditStatus::kImmutable);
  CHECK(store->GetAssessment(p.assessment.id)->version == submit.current.version);
  const auto answers = store->ListAnswers(p.assessment.id);
  CHECK(answers.size() == (saved > 0 ? 1u : 0u));
  if (saved > 0) CHECK(answers[0].version == saved);
}

}  // namespace
}  // namespace fa::store
