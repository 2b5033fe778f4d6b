#include "web/peer_cohorts.h"

#include <set>

#include "assessment/assessment_json.h"

namespace fa::web {

std::string PeerCohorts::RubricIdLocked(int64_t rubric_pk) {
  if (!rubric_ids_.count(rubric_pk))
    for (const auto& r : store_.ListRubrics()) rubric_ids_[r.id] = r.rubric_id;
  auto it = rubric_ids_.find(rubric_pk);
  return it == rubric_ids_.end() ? "" : it->second;
}

std::optional<store::AssessmentRecord> PeerCohorts::PreviousOf(const store::AssessmentRecord& record) {
  const std::vector<store::AssessmentRecord> listed = store_.ListAssessments(record.factory_id);
  const store::AssessmentRecord* best = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string rubric_id = RubricIdLocked(record.rubric_pk);
    auto before = [](const store::AssessmentRecord& x, const store::AssessmentRecord& y) {
      return x.submitted_at != y.submitted_at ? x.submitted_at < y.submitted_at : x.id < y.id;
    };
    for (const auto& a : listed) {
      // Another round only: an earlier submission of the same round is a
      // version this one replaces, not a previous round.
      if (a.id == record.id || a.status != store::AssessmentStatus::kSubmitted || a.round == record.round ||
          !before(a, record))
        continue;
      if (RubricIdLocked(a.rubric_pk) != rubric_id) continue;
      if (!best || before(*best, a)) best = &a;
    }
  }
  if (!best) return std::nullopt;
  return store_.GetAssessment(best->id);
}

PeerCohort PeerCohorts::Of(int64_t rubric_pk) {
  // Newest first, so the first submitted one of a factory is its latest.
  std::vector<store::AssessmentRecord> listed = store_.ListAssessments(0);
  std::lock_guard<std::mutex> lock(mutex_);
  bool all_known = rubric_ids_.count(rubric_pk) > 0;
  for (const auto& a : listed) all_known = all_known && rubric_ids_.count(a.rubric_pk) > 0;
  if (!all_known)  // a rubric stored since the last look
    for (const auto& r : store_.ListRubrics()) rubric_ids_[r.id] = r.rubric_id;
  const std::string rubric_id = rubric_ids_[rubric_pk];
  std::set<int64_t> seen_factories;
  std::vector<int64_t> ids;
  for (const auto& a : listed) {
    if (a.status != store::AssessmentStatus::kSubmitted || seen_factories.count(a.factory_id)) continue;
    auto rubric = rubric_ids_.find(a.rubric_pk);
    if (rubric == rubric_ids_.end() || rubric->second != rubric_id) continue;
    seen_factories.insert(a.factory_id);
    ids.push_back(a.id);
  }
  std::string key = rubric_id;
  for (int64_t id : ids) key += "," + std::to_string(id);
  PeerCohort& snapshot = snapshots_[rubric_id];
  if (snapshot.key == key && snapshot.assessments) return snapshot;
  auto assessments = std::make_shared<std::vector<Assessment>>();
  for (int64_t id : ids) {
    std::optional<store::AssessmentRecord> full = store_.GetAssessment(id);
    if (!full) continue;
    Diagnostics diags;
    for (auto& a : AssessmentsFromJson(full->result_json, "assessment", diags)) assessments->push_back(std::move(a));
  }
  snapshot = {key, std::move(assessments)};
  return snapshot;
}

}  // namespace fa::web
