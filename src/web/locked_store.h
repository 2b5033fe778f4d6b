// A Store that serialises every call through one mutex, around a store that
// may not be safe to call from the server's threads at once. SQLite writes
// are serialised by the database anyway; reads are short.
#pragma once

#include <memory>
#include <mutex>

#include "store/store.h"

namespace fa::web {

class LockedStore : public store::Store {
 public:
  explicit LockedStore(store::Store& inner) : inner_(inner) {}

 private:
  template <typename F>
  auto Locked(F f) {
    std::lock_guard<std::mutex> lock(mutex_);
    return f();
  }
 public:

  std::string Engine() const override { return inner_.Engine(); }
  int SchemaVersion() override { return Locked([&] { return inner_.SchemaVersion(); }); }

  store::EditResult<store::User> CreateUser(const store::User& u, const store::Actor& a) override {
    return Locked([&] { return inner_.CreateUser(u, a); });
  }
  std::optional<store::User> GetUser(int64_t id) override { return Locked([&] { return inner_.GetUser(id); }); }
  std::optional<store::User> FindUser(const std::string& n) override {
    return Locked([&] { return inner_.FindUser(n); });
  }
  std::vector<store::User> ListUsers() override { return Locked([&] { return inner_.ListUsers(); }); }
  int64_t CountUsers() override { return Locked([&] { return inner_.CountUsers(); }); }
  store::EditResult<store::User> UpdateUser(const store::User& u, const store::Actor& a) override {
    return Locked([&] { return inner_.UpdateUser(u, a); });
  }
  store::EditResult<store::User> SetPasswordHash(int64_t id, const std::string& h, bool must,
                                                 const store::Actor& a) override {
    return Locked([&] { return inner_.SetPasswordHash(id, h, must, a); });
  }

  store::EditResult<store::Factory> CreateFactory(const store::Factory& f, const store::Actor& a) override {
    return Locked([&] { return inner_.CreateFactory(f, a); });
  }
  std::optional<store::Factory> GetFactory(int64_t id) override {
    return Locked([&] { return inner_.GetFactory(id); });
  }
  std::vector<store::Factory> ListFactories() override { return Locked([&] { return inner_.ListFactories(); }); }
  store::EditResult<store::Factory> UpdateFactory(const store::Factory& f, const store::Actor& a) override {
    return Locked([&] { return inner_.UpdateFactory(f, a); });
  }

  void Assign(int64_t c, int64_t f, const store::Actor& a) override {
    Locked([&] { inner_.Assign(c, f, a); return 0; });
  }
  void Unassign(int64_t c, int64_t f, const store::Actor& a) override {
    Locked([&] { inner_.Unassign(c, f, a); return 0; });
  }
  bool IsAssigned(int64_t c, int64_t f) override { return Locked([&] { return inner_.IsAssigned(c, f); }); }
  std::vector<int64_t> AssignedFactories(int64_t c) override {
    return Locked([&] { return inner_.AssignedFactories(c); });
  }
  std::vector<int64_t> AssignedConsultants(int64_t f) override {
    return Locked([&] { return inner_.AssignedConsultants(f); });
  }

  store::RubricRecord PutRubric(const store::RubricRecord& r, const store::Actor& a) override {
    return Locked([&] { return inner_.PutRubric(r, a); });
  }
  std::optional<store::RubricRecord> GetRubric(int64_t id) override {
    return Locked([&] { return inner_.GetRubric(id); });
  }
  std::vector<store::RubricRecord> ListRubrics() override { return Locked([&] { return inner_.ListRubrics(); }); }
  void SetRubricActive(int64_t id, bool active, const store::Actor& a) override {
    Locked([&] { inner_.SetRubricActive(id, active, a); return 0; });
  }

  store::AssessmentRecord CreateAssessment(const store::AssessmentRecord& r, const store::Actor& a) override {
    return Locked([&] { return inner_.CreateAssessment(r, a); });
  }
  std::optional<store::AssessmentRecord> GetAssessment(int64_t id) override {
    return Locked([&] { return inner_.GetAssessment(id); });
  }
  std::vector<store::AssessmentRecord> ListAssessments(int64_t f) override {
    return Locked([&] { return inner_.ListAssessments(f); });
  }
  std::vector<store::AnswerRecord> ListAnswers(int64_t id) override {
    return Locked([&] { return inner_.ListAnswers(id); });
  }
  store::EditResult<store::AnswerRecord> SaveAnswerValue(const store::SaveAnswer& s,
                                                         const store::Actor& a) override {
    return Locked([&] { return inner_.SaveAnswerValue(s, a); });
  }
  store::EditResult<store::AssessmentRecord> Submit(int64_t id, int64_t v, const std::string& r,
                                                    const std::string& h, const store::Actor& a) override {
    return Locked([&] { return inner_.Submit(id, v, r, h, a); });
  }

  std::vector<store::AuditEntry> ListAudit(const store::AuditFilter& f) override {
    return Locked([&] { return inner_.ListAudit(f); });
  }

  void CreateSession(const store::Session& s) override { Locked([&] { inner_.CreateSession(s); return 0; }); }
  std::optional<store::Session> FindSession(const std::string& h) override {
    return Locked([&] { return inner_.FindSession(h); });
  }
  void DeleteSession(const std::string& h) override { Locked([&] { inner_.DeleteSession(h); return 0; }); }
  void DeleteUserSessions(int64_t id) override { Locked([&] { inner_.DeleteUserSessions(id); return 0; }); }
  int64_t DeleteExpiredSessions(const std::string& now) override {
    return Locked([&] { return inner_.DeleteExpiredSessions(now); });
  }

 private:
  store::Store& inner_;
  std::mutex mutex_;
};

}  // namespace fa::web
