// Compiled with only the scoring stage's include root: everything before
// scoring is visible, so this must compile.
#include "assessment/assessment.h"
#include "rubric/rubric.h"
#include "scoring/scoring_model.h"
