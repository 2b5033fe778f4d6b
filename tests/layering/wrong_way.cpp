// Compiled with only the rubric stage's include root: a rubric file may not
// see the scoring stage, so this must fail to compile (CTest: WILL_FAIL).
#include "rubric/rubric.h"
#include "scoring/assessment.h"
