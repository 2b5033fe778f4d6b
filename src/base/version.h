// The program version, stamped into every Assessment's provenance.
#pragma once

namespace fa {

/// "factory-assess X.Y.Z".
const char* ProgramVersion();

}  // namespace fa
