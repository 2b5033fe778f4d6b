// Engagements (docs/providers.md "Effect of services"): which provider
// delivered which scenarios to which factory, from when to when. Read from
// an engagements file (providers/*-engagements*.yaml) and checked against a
// provider catalogue: every problem reported as `file:line:col: error: …`
// with the source line and a caret, like the catalogue's
// (provider_loader.h). effect.h measures the change of the factories served.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "providers/provider.h"

namespace fa {

struct Engagement {
  std::string provider;                ///< a provider id of the catalogue
  std::string credit_code;             ///< the factory's, checked; "" when only the name is given
  std::string factory;                 ///< the factory's name; "" when only the code is given
  std::vector<std::string> scenarios;  ///< scenario ids delivered
  std::string start, end;              ///< YYYY-MM-DD, start <= end
  SourcePos pos;
};

struct EngagementList {
  std::string file;
  std::string id;
  /// Made up for demonstrations: outputs say so.
  bool example = false;
  std::vector<Engagement> engagements;  ///< in file order
};

/// True for a calendar date YYYY-MM-DD (leap years counted).
bool IsCalendarDate(const std::string& text);

/// Reads and checks the engagements at `path` against `catalogue` (provider
/// ids with a did-you-mean, scenario ids of its scenario catalogue); nullopt
/// when any error was reported (warnings alone still load).
std::optional<EngagementList> LoadEngagements(const std::string& path, const ProviderCatalogue& catalogue,
                                              Diagnostics& diags);

/// As LoadEngagements, over `text` named `file_name`.
std::optional<EngagementList> LoadEngagementsFromString(const std::string& text, const std::string& file_name,
                                                        const ProviderCatalogue& catalogue, Diagnostics& diags);

}  // namespace fa
