// Compiled with one stage's include root and a header of a later stage
// (FA_WRONG_WAY_HEADER, set by CMakeLists.txt): the stage may not see it,
// so this must fail to compile (CTest: WILL_FAIL). The header exists in the
// source tree, so the failure is the layering, not a missing file.
#include "base/diagnostics.h"
#include FA_WRONG_WAY_HEADER
