// Options shared by every report: the language of labels and rubric texts,
// where the templates are, and the time zone moments are shown in.
#pragma once

#include <string>

#include "base/local_time.h"

namespace fa {

struct ReportOptions {
  /// "zh" (default) or "en": the labels and the rubric texts shown.
  std::string lang = "zh";
  /// Directory holding the templates; "" means DefaultTemplatesDir().
  std::string templates_dir;
  /// The zone dates and times are shown in (base/local_time.h): the CLI's
  /// --tz or $FA_TZ, the web app's serve --tz; Asia/Shanghai by default.
  TimeZone zone = TimeZone::Parse("Asia/Shanghai");
};

}  // namespace fa
