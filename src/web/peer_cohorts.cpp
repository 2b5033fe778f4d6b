#include "web/peer_cohorts.h"

#include <set>

#include "assessment/assessment_json.h"

namespace fa::web {

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
