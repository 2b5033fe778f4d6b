// Reading version-1 assessment documents (docs/assessment-json.md,
// "Version 1"): their band requirements and tier findings were English
// texts; this turns them into the structured fields of version 2, with
// what the texts leave out worked out from the Assessment's own criteria.
#pragma once

#include "assessment/assessment.h"

namespace fa {

/// Converts what a version-1 reading left as text (BandRequirement::text,
/// TierCheck::found_text) and fills the fields version 1 did not have:
/// band counts, `total_met`, `applicable` and `checks_met`. A text that
/// does not convert stays as it is, for display.
void UpgradeFromVersion1(Assessment& a);

}  // namespace fa
