// Options shared by every report: the language of labels and rubric texts,
// where the templates are, the district whose names a report shows, and
// the time zone moments are shown in.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "providers/matching.h"
#include "providers/provider.h"
#include "rubric/district.h"
#include "base/local_time.h"

namespace fa {

/// What the diagnosis report's appendix lists: nothing, the requirements
/// not fully met (the default: what the plant has to act on), or every
/// requirement with its answer.
enum class Appendix { kNone, kGaps, kFull };

/// The default end of the roadmap's plan period (--horizon).
constexpr int kDefaultHorizon = 2027;

/// A --horizon value: a year 2020..2100; nullopt for anything else.
std::optional<int> ParseHorizon(const std::string& text);

/// "none" | "gaps" | "full"; nullopt for anything else.
std::optional<Appendix> ParseAppendix(const std::string& text);

struct ReportOptions {
  /// "zh" (default) or "en": the labels and the rubric texts shown.
  std::string lang = "zh";
  /// Directory holding the templates; "" means DefaultTemplatesDir().
  std::string templates_dir;
  /// Display names of towns, industries, manufacturing types and profile
  /// fields (districts/*.yaml); null shows the values as stored.
  std::shared_ptr<const District> district;
  /// The zone dates and times are shown in (base/local_time.h): the CLI's
  /// --tz or $FA_TZ, the web app's serve --tz; Asia/Shanghai by default.
  TimeZone zone = TimeZone::Parse("Asia/Shanghai");
  /// The diagnosis report's appendix (--appendix, the web's ?appendix=).
  Appendix appendix = Appendix::kGaps;
  /// The roadmap's quarterly plan runs to the end of this year (--horizon).
  int horizon = kDefaultHorizon;
  /// The service providers the diagnosis report matches the factory with
  /// (report --providers; docs/providers.md); null: no such section.
  std::shared_ptr<const ProviderCatalogue> providers;
  /// How they are matched: the report shows the best three by default.
  MatchOptions match = {ConflictPolicy::kFlag, 3, "", nullptr};
};

}  // namespace fa
