// Compiled with only the scoring stage's include root: everything before
// scoring is visible, so this must compile.
#include "rubric/rubric.h"
#include "scoring/assessment.h"
