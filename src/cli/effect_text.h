// The effect of services as text (`effect`, and `portfolio --engagements`
// under its summary): per provider and its scenarios, per scenario, and the
// engagements not measured yet (providers/effect.h).
#pragma once

#include <iosfwd>
#include <string>

#include "providers/effect.h"

namespace fa {

/// Every provider's lines, or only provider `only`'s when it is not "".
void PrintEffect(const ServiceEffect& effect, const std::string& only, std::ostream& out);

}  // namespace fa
