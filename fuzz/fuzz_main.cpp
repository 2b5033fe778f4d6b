// libFuzzer's entry point for one target, chosen when built
// (-DFA_FUZZ_TARGET=FuzzRubric …; CMakeLists.txt builds one fuzz_<name>
// executable per target of fuzz/fuzz_targets.h).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return fa::fuzz::FA_FUZZ_TARGET(data, size);
}
