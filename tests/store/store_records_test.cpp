// Store: users, factories, assignments, rubrics, sessions and the audit log.
#include <doctest/doctest.h>

#include "store_fixture.h"

namespace fa::store {
namespace {

using namespace test;

std::vector<AuditEntry> AuditOf(Store& store, const std::string& entity, const std::string& id = "") {
  AuditFilter filter;
  filter.entity = entity;
  filter.entity_id = id;
  return store.ListAudit(filter);
}

TEST_CASE_TEMPLATE("store: users are created, found, listed, updated and audited without their hash", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  CHECK(store->CountUsers() == 0);
  auto ann = store->CreateUser(MakeUser("ann", Role::kAdmin), Admin());
  REQUIRE(ann.status == EditStatus::kSaved);
  CHECK(ann.current.id > 0);
  CHECK(ann.current.version == 1);
  CHECK(ann.current.created_at == "2026-11-27T10:00:00Z");
  CHECK(ann.current.active);
  CHECK_FALSE(ann.current.must_change_password);
  auto bob = store->CreateUser(MakeUser("bob"), Actor{ann.current.id, "ann"});
  REQUIRE(bob.status == EditStatus::kSaved);

  REQUIRE(store->GetUser(bob.current.id));
  CHECK(store->GetUser(bob.current.id)->username == "bob");
  CHECK(store->GetUser(bob.current.id)->password_hash == MakeUser("bob").password_hash);
  CHECK(store->FindUser("ann")->role == Role::kAdmin);
  CHECK_FALSE(store->FindUser("Ann"));  // case-sensitive
  CHECK_FALSE(store->GetUser(999));
  CHECK(store->CountUsers() == 2);
  auto users = store->ListUsers();
  REQUIRE(users.size() == 2);
  CHECK(users[0].username == "ann");
  CHECK(users[1].username == "bob");

  db.clock->Advance(60);
  User edit = bob.current;
  edit.display_name = "Bob B.";
  edit.role = Role::kCommission;
  edit.active = false;
  edit.must_change_password = true;
  edit.password_hash = "ignored";
  auto updated = store->UpdateUser(edit, Actor{ann.current.id, "ann"});
  REQUIRE(updated.status == EditStatus::kSaved);
  CHECK(updated.current.version == 2);
  CHECK(updated.current.display_name == "Bob B.");
  CHECK(updated.current.role == Role::kCommission);
  CHECK_FALSE(updated.current.active);
  CHECK(updated.current.must_change_password);
  CHECK(updated.current.password_hash == MakeUser("bob").password_hash);  // never changed by UpdateUser

  auto reset = store->SetPasswordHash(bob.current.id, "$pbkdf2-sha256$new", false, Actor{ann.current.id, "ann"});
  REQUIRE(reset.status == EditStatus::kSaved);
  CHECK(reset.current.version == 3);
  CHECK(reset.current.password_hash == "$pbkdf2-sha256$new");
  CHECK_FALSE(reset.current.must_change_password);
  CHECK(store->SetPasswordHash(999, "x", false, Admin()).status == EditStatus::kNotFound);

  auto audit = AuditOf(*store, "user", std::to_string(bob.current.id));
  REQUIRE(audit.size() == 3);  // newest first
  CHECK(audit[0].action == "user.password");
  CHECK(audit[1].action == "user.update");
  CHECK(audit[2].action == "user.create");
  CHECK(audit[1].at == "2026-11-27T10:01:00Z");
  CHECK(audit[1].user_id == ann.current.id);
  CHECK(audit[1].username == "ann");
  CHECK(audit[1].old_value ==
        R"({"username":"bob","display_name":"User bob","role":"consultant","factory_id":null,"provider":"",)"
        R"("active":true,"must_change_password":false,"version":1})");
  CHECK(audit[1].new_value ==
        R"({"username":"bob","display_name":"Bob B.","role":"commission","factory_id":null,"provider":"",)"
        R"("active":false,"must_change_password":true,"version":2})");
  CHECK(audit[2].old_value.empty());
  auto system = AuditOf(*store, "user", std::to_string(ann.current.id));
  REQUIRE(system.size() == 1);
  CHECK_FALSE(system[0].user_id);
  CHECK(system[0].username == "system");
  for (const AuditEntry& e : store->ListAudit(AuditFilter{})) {
    CHECK(e.old_value.find("pbkdf2") == std::string::npos);
    CHECK(e.new_value.find("pbkdf2") == std::string::npos);
  }
}

TEST_CASE_TEMPLATE("store: a taken username is a duplicate, with no audit row", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  REQUIRE(store->CreateUser(MakeUser("ann"), Admin()).status == EditStatus::kSaved);
  auto again = store->CreateUser(MakeUser("ann", Role::kAdmin), Admin());
  CHECK(again.status == EditStatus::kDuplicate);
  CHECK(again.current.username == "ann");
  CHECK(store->CountUsers() == 1);
  CHECK(store->FindUser("ann")->role == Role::kConsultant);
  CHECK(db.Count("audit_log") == 1);
}

TEST_CASE_TEMPLATE("store: a user edit against a stale version is refused with the current row", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  const User ann = store->CreateUser(MakeUser("ann"), Admin()).current;
  User first = ann;
  first.display_name = "First";
  REQUIRE(store->UpdateUser(first, Admin()).status == EditStatus::kSaved);
  User second = ann;  // made against version 1 too
  second.display_name = "Second";
  auto refused = store->UpdateUser(second, Admin());
  CHECK(refused.status == EditStatus::kConflict);
  CHECK(refused.current.display_name == "First");
  CHECK(refused.current.version == 2);
  CHECK(store->GetUser(ann.id)->display_name == "First");
  CHECK(AuditOf(*store, "user").size() == 2);  // create + the first update only
  User ghost = ann;
  ghost.id = 999;
  CHECK(store->UpdateUser(ghost, Admin()).status == EditStatus::kNotFound);
}

TEST_CASE_TEMPLATE("store: factories are created, read, listed and updated against their version", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  Factory plant = MakeFactory("Plant B", "91330000MA2B");
  plant.extra_json = R"({"park":"East"})";
  auto created = store->CreateFactory(plant, Admin());
  REQUIRE(created.status == EditStatus::kSaved);
  Factory bare = MakeFactory("Plant A");
  bare.employees.reset();
  bare.revenue.reset();
  bare.extra_json.clear();
  REQUIRE(store->CreateFactory(bare, Admin()).status == EditStatus::kSaved);

  auto read = store->GetFactory(created.current.id);
  REQUIRE(read);
  CHECK(read->credit_code == "91330000MA2B");
  CHECK(read->name == "Plant B");
  CHECK(read->town == "Town");
  CHECK(read->industry == "C34");
  CHECK(read->manufacturing_type == "discrete");
  CHECK(read->employees == 120);
  CHECK(read->revenue == 4.5e7);
  CHECK(read->extra_json == R"({"park":"East"})");
  CHECK(read->version == 1);
  auto list = store->ListFactories();
  REQUIRE(list.size() == 2);
  CHECK(list[0].name == "Plant A");
  CHECK_FALSE(list[0].employees);
  CHECK(list[0].extra_json == "{}");
  CHECK_FALSE(store->GetFactory(999));

  Factory edit = *read;
  edit.name = "Plant B (new)";
  edit.employees = 150;
  auto updated = store->UpdateFactory(edit, Admin());
  REQUIRE(updated.status == EditStatus::kSaved);
  CHECK(updated.current.version == 2);
  CHECK(updated.current.employees == 150);
  edit.name = "stale";
  auto stale = store->UpdateFactory(edit, Admin());
  CHECK(stale.status == EditStatus::kConflict);
  CHECK(stale.current.name == "Plant B (new)");
  edit.id = 999;
  CHECK(store->UpdateFactory(edit, Admin()).status == EditStatus::kNotFound);

  auto audit = AuditOf(*store, "factory", std::to_string(created.current.id));
  REQUIRE(audit.size() == 2);
  CHECK(audit[0].action == "factory.update");
  CHECK(audit[0].new_value ==
        R"j({"credit_code":"91330000MA2B","name":"Plant B (new)","town":"Town","industry":"C34",)j"
        R"("manufacturing_type":"discrete","employees":150,"revenue":45000000,)"
        R"("extra_json":"{\"park\":\"East\"}","provider":"","version":2})");
}

TEST_CASE_TEMPLATE("store: credit codes are unique when given, on create and on update", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  REQUIRE(store->CreateFactory(MakeFactory("A", "CODE-1"), Admin()).status == EditStatus::kSaved);
  CHECK(store->CreateFactory(MakeFactory("B", "CODE-1"), Admin()).status == EditStatus::kDuplicate);
  // Many factories may have no code yet.
  REQUIRE(store->CreateFactory(MakeFactory("C"), Admin()).status == EditStatus::kSaved);
  auto d = store->CreateFactory(MakeFactory("D"), Admin());
  REQUIRE(d.status == EditStatus::kSaved);
  CHECK(store->ListFactories().size() == 3);
  const int64_t audit_rows = db.Count("audit_log");

  Factory taken = d.current;
  taken.credit_code = "CODE-1";
  taken.name = "D renamed";
  auto refused = store->UpdateFactory(taken, Admin());
  CHECK(refused.status == EditStatus::kDuplicate);
  CHECK(refused.current.name == "D");
  CHECK(store->GetFactory(d.current.id)->credit_code.empty());
  CHECK(store->GetFactory(d.current.id)->version == 1);
  CHECK(db.Count("audit_log") == audit_rows);
  // The store carries on after the refused update.
  taken.credit_code = "CODE-2";
  CHECK(store->UpdateFactory(taken, Admin()).status == EditStatus::kSaved);
}

TEST_CASE_TEMPLATE("store: an import of factories stores every one or none", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  auto a = store->CreateFactory(MakeFactory("A", "CODE-A"), Admin());
  REQUIRE(a.status == EditStatus::kSaved);
  const int64_t audit_rows = db.Count("audit_log");
  // The third row takes A's code: the two before it are rolled back.
  Factory renamed = a.current;
  renamed.name = "A renamed";
  std::vector<Factory> rows = {MakeFactory("B", "CODE-B"), renamed, MakeFactory("C", "CODE-A")};
  FactoryImport refused = store->ImportFactories(rows, Admin());
  CHECK(refused.status == EditStatus::kDuplicate);
  CHECK(refused.failed == 2);
  CHECK(refused.saved.empty());
  CHECK(store->ListFactories().size() == 1);
  CHECK(store->GetFactory(a.current.id)->name == "A");
  CHECK(db.Count("audit_log") == audit_rows);
  // A stale version fails the same way.
  Factory stale = a.current;
  stale.version = 7;
  rows = {MakeFactory("B", "CODE-B"), stale};
  refused = store->ImportFactories(rows, Admin());
  CHECK(refused.status == EditStatus::kConflict);
  CHECK(refused.failed == 1);
  CHECK(store->ListFactories().size() == 1);
  // A good import: one created, one updated, each audited.
  rows = {MakeFactory("B", "CODE-B"), renamed};
  FactoryImport done = store->ImportFactories(rows, Admin());
  REQUIRE(done.status == EditStatus::kSaved);
  REQUIRE(done.saved.size() == 2);
  CHECK(done.saved[0].id != 0);
  CHECK(done.saved[1].name == "A renamed");
  CHECK(done.saved[1].version == 2);
  CHECK(store->ListFactories().size() == 2);
  CHECK(db.Count("audit_log") == audit_rows + 2);
}

TEST_CASE_TEMPLATE("store: consultants are assigned to factories and unassigned, audited once each", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  const int64_t carl = store->CreateUser(MakeUser("carl"), Admin()).current.id;
  const int64_t dora = store->CreateUser(MakeUser("dora"), Admin()).current.id;
  const int64_t f1 = store->CreateFactory(MakeFactory("F1"), Admin()).current.id;
  const int64_t f2 = store->CreateFactory(MakeFactory("F2"), Admin()).current.id;
  store->Assign(carl, f2, Admin());
  store->Assign(carl, f1, Admin());
  store->Assign(carl, f1, Admin());  // again: nothing changes
  store->Assign(dora, f1, Admin());
  CHECK(store->IsAssigned(carl, f1));
  CHECK_FALSE(store->IsAssigned(dora, f2));
  CHECK(store->AssignedFactories(carl) == std::vector<int64_t>{f1, f2});
  CHECK(store->AssignedConsultants(f1) == std::vector<int64_t>{carl, dora});
  store->Unassign(carl, f1, Admin());
  store->Unassign(carl, f1, Admin());  // again: nothing changes
  CHECK_FALSE(store->IsAssigned(carl, f1));
  CHECK(store->AssignedFactories(carl) == std::vector<int64_t>{f2});
  auto audit = AuditOf(*store, "assignment", std::to_string(f1));
  REQUIRE(audit.size() == 3);
  CHECK(audit[0].action == "assignment.delete");
  CHECK(audit[0].entity_id == std::to_string(f1) + "/" + std::to_string(carl));
  CHECK(audit[0].old_value == R"({"consultant_id":)" + std::to_string(carl) + R"(,"factory_id":)" +
                                  std::to_string(f1) + "}");
  CHECK_THROWS_AS(store->Assign(carl, 999, Admin()), StoreError);  // no such factory
}

TEST_CASE_TEMPLATE("store: rubrics are stored verbatim once per (id, sha256) and can be retired", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  const int64_t ann = store->CreateUser(MakeUser("ann", Role::kAdmin), Admin()).current.id;
  RubricRecord upload = MakeRubric();
  upload.uploaded_by = ann;
  const RubricRecord first = store->PutRubric(upload, Actor{ann, "ann"});
  CHECK(first.id > 0);
  CHECK(first.uploaded_by == ann);
  CHECK(first.uploaded_at == "2026-11-27T10:00:00Z");
  REQUIRE(first.files.size() == 2);
  CHECK(first.files[0].name == "rubric.yaml");
  CHECK(first.files[0].text == "id: smart-factory\nscenarios: scenarios.yaml\n");
  CHECK(first.files[1].name == "scenarios.yaml");

  RubricRecord same = MakeRubric();
  same.title = "uploaded again";
  const RubricRecord again = store->PutRubric(same, Admin());
  CHECK(again.id == first.id);
  CHECK(again.title == "Smart factory");
  CHECK(again.files.size() == 2);
  const RubricRecord next = store->PutRubric(MakeRubric("smart-factory", "bb22"), Admin());
  CHECK(next.id != first.id);
  CHECK(store->PutRubric(MakeRubric("other", "aa11"), Admin()).id != first.id);  // same hash, other rubric

  auto list = store->ListRubrics();
  REQUIRE(list.size() == 3);
  CHECK(list[0].rubric_id == "other");  // newest first
  CHECK(list[2].id == first.id);
  CHECK(list[2].files.empty());
  auto got = store->GetRubric(first.id);
  REQUIRE(got);
  CHECK(got->main_file == "rubric.yaml");
  CHECK(got->files.size() == 2);
  CHECK_FALSE(store->GetRubric(999));

  store->SetRubricActive(first.id, false, Actor{ann, "ann"});
  store->SetRubricActive(first.id, false, Actor{ann, "ann"});  // already inactive: no audit row
  CHECK_FALSE(store->GetRubric(first.id)->active);
  auto audit = AuditOf(*store, "rubric", std::to_string(first.id));
  REQUIRE(audit.size() == 2);
  CHECK(audit[0].action == "rubric.deactivate");
  CHECK(audit[1].action == "rubric.upload");
  CHECK(AuditOf(*store, "rubric").size() == 4);
}

TEST_CASE_TEMPLATE("store: sessions are found until they expire and can be removed", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  const int64_t ann = store->CreateUser(MakeUser("ann"), Admin()).current.id;
  const int64_t bob = store->CreateUser(MakeUser("bob"), Admin()).current.id;
  store->CreateSession({"hash-a1", ann, "csrf-a1", "", "2026-11-27T11:00:00Z", ""});
  store->CreateSession({"hash-a2", ann, "csrf-a2", "", "2026-11-27T12:00:00Z", ""});
  store->CreateSession({"hash-b1", bob, "csrf-b1", "", "2026-11-27T10:30:00Z", ""});
  auto found = store->FindSession("hash-a1");
  REQUIRE(found);
  CHECK(found->user_id == ann);
  CHECK(found->csrf_token == "csrf-a1");
  CHECK(found->created_at == "2026-11-27T10:00:00Z");
  CHECK(found->expires_at == "2026-11-27T11:00:00Z");
  CHECK_FALSE(store->FindSession("no-such-hash"));
  CHECK_THROWS_AS(store->CreateSession({"hash-x", 999, "c", "", "2026-11-28T00:00:00Z", ""}), StoreError);

  db.clock->Advance(30 * 60);  // 10:30: bob's session has just expired
  CHECK_FALSE(store->FindSession("hash-b1"));
  CHECK(store->FindSession("hash-a1"));
  CHECK(store->DeleteExpiredSessions("2026-11-27T10:30:00Z") == 1);
  CHECK(db.Count("sessions") == 2);
  store->DeleteSession("hash-a1");
  CHECK_FALSE(store->FindSession("hash-a1"));
  CHECK(store->FindSession("hash-a2"));
  store->DeleteUserSessions(ann);
  CHECK(db.Count("sessions") == 0);
  CHECK(store->DeleteExpiredSessions("2030-01-01T00:00:00Z") == 0);
}

TEST_CASE_TEMPLATE("store: the audit log is read newest first, filtered and paged", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  const int64_t ann = store->CreateUser(MakeUser("ann"), Admin()).current.id;
  const Actor as_ann{ann, "ann"};
  const int64_t f1 = store->CreateFactory(MakeFactory("F1"), as_ann).current.id;
  int64_t last = f1;
  while (last < 10 * f1 + 2) last = store->CreateFactory(MakeFactory("filler"), as_ann).current.id;
  store->Assign(ann, f1, as_ann);  // entity_id "<f1>/<ann>"
  store->CreateUser(MakeUser("bob"), Admin());

  AuditFilter by_ann;
  by_ann.user_id = ann;
  auto mine = store->ListAudit(by_ann);
  REQUIRE(mine.size() >= 4);
  for (size_t i = 1; i < mine.size(); ++i) CHECK(mine[i - 1].id > mine[i].id);
  for (const auto& e : mine) CHECK(e.user_id == ann);
  CHECK(mine.size() == static_cast<size_t>(db.Count("audit_log") - 2));  // all but ann's and bob's creation

  AuditFilter of_f1;
  of_f1.entity_id = std::to_string(f1);
  auto f1_rows = store->ListAudit(of_f1);
  // "<f1>" exactly and "<f1>/…", never "<f1>2": the assignment, the factory and the user with that id.
  REQUIRE(f1_rows.size() == 3);
  CHECK(f1_rows[0].entity == "assignment");
  CHECK(f1_rows[1].entity == "factory");
  CHECK(f1_rows[2].entity == "user");
  of_f1.entity = "factory";
  CHECK(store->ListAudit(of_f1).size() == 1);

  AuditFilter page;
  page.limit = 2;
  auto first = store->ListAudit(page);
  REQUIRE(first.size() == 2);
  page.before_id = first.back().id;
  auto second = store->ListAudit(page);
  REQUIRE(second.size() == 2);
  CHECK(second[0].id < first[1].id);
  CHECK(second[0].id == first[1].id - 1);

  AuditFilter wildcard;
  wildcard.entity_id = "%";
  CHECK(store->ListAudit(wildcard).empty());
}

}  // namespace
}  // namespace fa::store
