// Options shared by every report: the language of labels and rubric texts,
// and where the templates are.
#pragma once

#include <string>

namespace fa {

struct ReportOptions {
  /// "zh" (default) or "en": the labels and the rubric texts shown.
  std::string lang = "zh";
  /// Directory holding the templates; "" means DefaultTemplatesDir().
  std::string templates_dir;
};

}  // namespace fa
