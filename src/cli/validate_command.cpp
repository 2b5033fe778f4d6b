// `factory-assess validate RUBRIC.yaml...` — placeholder until the loader lands.
#include <ostream>

#include "cli/command.h"

namespace fa {

int RunValidate(CommandContext& ctx) {
  ctx.err << "validate: not built yet\n";
  return kExitInternal;
}

}  // namespace fa
