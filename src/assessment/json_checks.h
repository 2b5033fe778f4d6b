// Checks on a JSON text that the parser (json_tree.h) does not report: a
// key given twice in one object (a lookup would see the last, silently) and
// nesting past kMaxNestingDepth, each reported at its line and column
// (docs/limits.md).
#pragma once

#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace fa {

/// Reports every duplicate key ("duplicate key 'level' (first at 3:5)") and
/// the first place nested too deep; false when there is any. Text that is
/// not valid JSON is left to the parser to report.
bool CheckJsonStructure(std::string_view text, const std::string& file, Diagnostics& diags);

}  // namespace fa
