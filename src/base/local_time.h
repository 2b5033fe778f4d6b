// Local time for people: the time zone that pages and reports show moments
// in, and the way they are written in each language. Stored stamps stay ISO
// 8601 UTC (time_format.h): they sort, compare and travel between machines;
// only what a person reads is turned into local time, here.
//
// A zone is given by name and read from the system's tz database (TZif
// files under /usr/share/zoneinfo: every recorded offset change, daylight
// saving included) or as a fixed offset from UTC ("UTC+8", "+08:00",
// "UTC-03:30", "UTC"). After a zone file's last recorded change the zone
// keeps its POSIX rule's standard offset when the rule has no daylight
// saving, else the last recorded offset (Debian's files record changes up
// to 2037). "Asia/Shanghai" — the default, China has had no daylight saving
// since 1991 — falls back to UTC+8 where no tz database is installed.
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace fa {

class TimeZone {
 public:
  /// UTC.
  TimeZone() : name_("UTC") {}

  /// A zone name of the tz database (read from `zoneinfo_dir`) or a fixed
  /// offset as above. Throws std::invalid_argument with the reason.
  static TimeZone Parse(const std::string& spec, const std::string& zoneinfo_dir = "/usr/share/zoneinfo");

  /// A fixed offset east of UTC, in seconds.
  static TimeZone Fixed(int offset_seconds);

  /// Seconds east of UTC at moment `t`.
  int OffsetAt(std::time_t t) const;

  /// As given ("Asia/Shanghai", "UTC+8").
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  int initial_ = 0;                    ///< before the first transition
  std::vector<int64_t> transitions_;   ///< moments the offset changed, ascending
  std::vector<int> offsets_;           ///< the offset from each transition on
  std::optional<int> after_last_;      ///< the rule's fixed offset after the last one
};

/// The zone shown when none is given: $FA_TZ when set, else "Asia/Shanghai".
std::string DefaultTimeZoneName();

/// "UTC+8", "UTC+5:30", "UTC-3", "UTC".
std::string OffsetLabel(int offset_seconds);

/// "2026-11-27T08:00:00Z" (or without seconds or "Z") as seconds since the
/// epoch; nullopt when it is not such a stamp.
std::optional<std::time_t> ParseUtcStamp(const std::string& iso);

/// Moment `t` in `zone`, in `lang` ("en", else Chinese): zh "2026年12月2日
/// 12:32", en "2 Dec 2026 12:32".
std::string LocalDateTime(std::time_t t, const TimeZone& zone, const std::string& lang);
/// The local day of `t`: zh "2026年12月2日", en "2 Dec 2026".
std::string LocalDate(std::time_t t, const TimeZone& zone, const std::string& lang);

/// The local day of `t` as "2026-12-02", for data (an answers file's date).
std::string LocalIsoDate(std::time_t t, const TimeZone& zone);

/// A stored UTC stamp as LocalDateTime; the text unchanged when it is not one.
std::string StampForPeople(const std::string& iso, const TimeZone& zone, const std::string& lang);
/// A stored UTC stamp as LocalDateTime followed by the zone's offset at that
/// moment, zh "2026年12月2日 12:32 (UTC+8)" (a report's provenance); the
/// text unchanged when it is not one.
std::string StampWithZone(const std::string& iso, const TimeZone& zone, const std::string& lang);
/// The local day of a stored UTC stamp as "2026-12-02"; the text unchanged
/// when it is not one.
std::string LocalIsoDay(const std::string& iso, const TimeZone& zone);
/// A calendar day "2026-12-02" (a stamp: its local day) as LocalDate writes
/// it; the text unchanged when it is neither.
std::string DayForPeople(const std::string& text, const TimeZone& zone, const std::string& lang);

}  // namespace fa
