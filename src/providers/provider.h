// The service providers' catalogue (providers/*.yaml, docs/providers.md):
// who can deliver which smart-manufacturing scenarios to the district's
// plants, where they are, for which industries, with what recognitions and
// how many engagements a quarter they can take. Read by provider_loader.h;
// matched against an assessment's needs by matching.h.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/localized.h"
#include "rubric/district.h"

namespace fa {

struct Provider {
  std::string id;
  LocalizedText name;
  std::string credit_code;              ///< the unified social credit code, checked (answers/credit_code.h)
  std::string town;                     ///< a town id of the catalogue's district
  std::vector<std::string> scenarios;   ///< scenario ids of the catalogue it delivers
  std::vector<std::string> sub_domains; ///< node ids of the catalogue's rubric
  std::vector<std::string> industries;  ///< industry ids of the district it has served
  std::vector<LocalizedText> recognitions;  ///< e.g. a smart-manufacturing system-solution provider list
  int capacity = 0;                     ///< engagements it can take per quarter
  int engagements = 0;                  ///< engagements running this quarter
  std::string contact;                  ///< a name, phone or address, shown as written
  bool diagnoses = false;               ///< it performs diagnoses too
  SourcePos pos;

  bool Delivers(const std::string& scenario) const;
  bool Serves(const std::string& industry) const;
  /// Engagements it could still take this quarter (never below 0).
  int Spare() const { return capacity > engagements ? capacity - engagements : 0; }
};

struct ProviderCatalogue {
  std::string file;
  std::string id;
  LocalizedText title;
  /// The providers are invented for demonstrations: outputs say so.
  bool example = false;
  std::string scenarios_file;  ///< the scenario catalogue its scenario ids are checked against
  std::string district_file;   ///< the district its towns and industries are checked against
  std::string rubric_file;     ///< the rubric its sub-domain ids are checked against; "" when none
  std::vector<Provider> providers;  ///< sorted by id
  /// The district read from district_file: the names of towns and industries.
  std::shared_ptr<const District> district;

  const Provider* Find(const std::string& id) const;
};

}  // namespace fa
