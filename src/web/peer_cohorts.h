// The peers a diagnosis report in the web app is benchmarked against: the
// latest submitted assessment of every factory assessed against the same
// rubric (by rubric id, any version), read from the store. A snapshot is
// kept per rubric and reused while the set of latest assessments is the
// same (one list query per request tells), so a report page does not parse
// the whole cohort again; its key goes into the report cache's key. Also
// finds a factory's previous round, for the change since.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "store/store.h"

namespace fa::web {

struct PeerCohort {
  std::string key;  ///< rubric id and the ids of the assessments in it
  std::shared_ptr<const std::vector<Assessment>> assessments;
};

class PeerCohorts {
 public:
  explicit PeerCohorts(store::Store& store) : store_(store) {}

  /// The cohort of the rubric stored under `rubric_pk` (all stored
  /// versions of that rubric id) as the store holds it now.
  PeerCohort Of(int64_t rubric_pk);

  /// The same factory's previous round: its latest assessment of another
  /// round against the same rubric id submitted before `record` (by
  /// submission time, then id), with its result; nullopt for a first round.
  std::optional<store::AssessmentRecord> PreviousOf(const store::AssessmentRecord& record);

 private:
  /// The rubric id stored under `rubric_pk`, "" when unknown (mutex_ held).
  std::string RubricIdLocked(int64_t rubric_pk);

  store::Store& store_;
  std::mutex mutex_;
  std::map<std::string, PeerCohort> snapshots_;       ///< by rubric id
  std::map<int64_t, std::string> rubric_ids_;         ///< rubric pk → rubric id
};

}  // namespace fa::web
