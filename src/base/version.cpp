#include "base/version.h"

namespace fa {

const char* ProgramVersion() { return "factory-assess " FA_VERSION; }

}  // namespace fa
