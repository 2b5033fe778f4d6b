// Options shared by every report: the language of labels and rubric texts,
// where the templates are, and the district whose names a report shows.
#pragma once

#include <memory>
#include <string>

#include "rubric/district.h"

namespace fa {

struct ReportOptions {
  /// "zh" (default) or "en": the labels and the rubric texts shown.
  std::string lang = "zh";
  /// Directory holding the templates; "" means DefaultTemplatesDir().
  std::string templates_dir;
  /// Display names of towns, industries, manufacturing types and profile
  /// fields (districts/*.yaml); null shows the values as stored.
  std::shared_ptr<const District> district;
};

}  // namespace fa
