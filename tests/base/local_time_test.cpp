// base/local_time.h: the zone moments are shown in and how they are written.
#include <doctest/doctest.h>

#include <stdexcept>

#include "base/atomic_file.h"
#include "base/env.h"
#include "base/local_time.h"

namespace fa {

namespace {

constexpr std::time_t kDec2 = 1796185957;  // 2026-12-02T04:32:37Z

std::string Be(int64_t v, int bytes) {
  std::string out;
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((v >> (i * 8)) & 0xff);
  return out;
}

/// A version-2 TZif file with the given transitions (64-bit block only
/// filled; the 32-bit block empty), types (offset, dst) and footer rule.
std::string Tzif(const std::vector<std::pair<int64_t, int>>& transitions,
                 const std::vector<std::pair<int, bool>>& types, const std::string& footer) {
  auto header = [&](size_t times, size_t ntypes) {
    std::string h = "TZif2" + std::string(15, '\0');
    for (size_t n : {size_t{0}, size_t{0}, size_t{0}, times, ntypes, size_t{4}}) h += Be(static_cast<int64_t>(n), 4);
    return h;
  };
  std::string out = header(0, 1) + Be(0, 4) + std::string(1, '\0') + std::string(1, '\0') + "UTC";
  out += std::string(1, '\0');
  out += header(transitions.size(), types.size());
  for (const auto& t : transitions) out += Be(t.first, 8);
  for (const auto& t : transitions) out += static_cast<char>(t.second);
  for (const auto& t : types) out += Be(t.first, 4) + static_cast<char>(t.second ? 1 : 0) + std::string(1, '\0');
  out += "XYZ" + std::string(1, '\0');
  return out + "\n" + footer + "\n";
}

}  // namespace

TEST_CASE("local time: a stored UTC stamp is shown in the zone's local time in the page's language") {
  const TimeZone shanghai = TimeZone::Fixed(8 * 3600);
  CHECK(LocalDateTime(kDec2, shanghai, "zh") == "2026年12月2日 12:32");
  CHECK(LocalDateTime(kDec2, shanghai, "en") == "2 Dec 2026 12:32");
  CHECK(StampForPeople("2026-12-02T04:32:37Z", shanghai, "zh") == "2026年12月2日 12:32");
  // 20:00 UTC is already the next day in Shanghai.
  CHECK(StampForPeople("2026-12-01T20:00:00Z", shanghai, "en") == "2 Dec 2026 04:00");
  CHECK(DayForPeople("2026-12-01T20:00:00Z", shanghai, "zh") == "2026年12月2日");
  CHECK(DayForPeople("2026-03-09", shanghai, "zh") == "2026年3月9日");
  CHECK(DayForPeople("2026-03-09", shanghai, "en") == "9 Mar 2026");
  // What is not a stamp or a day is shown as it is.
  CHECK(StampForPeople("", shanghai, "zh").empty());
  CHECK(DayForPeople("spring 2026", shanghai, "zh") == "spring 2026");
  CHECK(ParseUtcStamp("2026-12-02T04:32:37Z") == kDec2);
  CHECK_FALSE(ParseUtcStamp("2026-13-02T04:32:37Z"));
  CHECK_FALSE(ParseUtcStamp("2026-12-02 04:32"));
}

TEST_CASE("local time: fixed offsets are read in their usual spellings and named back") {
  CHECK(TimeZone::Parse("UTC+8").OffsetAt(kDec2) == 8 * 3600);
  CHECK(TimeZone::Parse("+08:00").OffsetAt(kDec2) == 8 * 3600);
  CHECK(TimeZone::Parse("UTC+05:30").OffsetAt(kDec2) == 5 * 3600 + 1800);
  CHECK(TimeZone::Parse("UTC-3").OffsetAt(kDec2) == -3 * 3600);
  CHECK(TimeZone::Parse("UTC").OffsetAt(kDec2) == 0);
  CHECK(TimeZone::Parse("UTC+8").name() == "UTC+8");
  CHECK(OffsetLabel(8 * 3600) == "UTC+8");
  CHECK(OffsetLabel(5 * 3600 + 1800) == "UTC+5:30");
  CHECK(OffsetLabel(-3 * 3600) == "UTC-3");
  CHECK_THROWS_AS(TimeZone::Parse("UTC+27"), std::invalid_argument);
  CHECK_THROWS_AS(TimeZone::Parse("../etc/passwd"), std::invalid_argument);
  CHECK_THROWS_AS(TimeZone::Parse("Mars/Olympus_Mons"), std::invalid_argument);
}

TEST_CASE("local time: a zone file's recorded changes are followed and its rule after the last one") {
  TempDir dir("fa-tz");
  // A zone at UTC+1 that moved to UTC+2 (daylight saving) for a while in
  // 2026 and then to a fixed UTC+3 whose rule holds afterwards.
  const int64_t dst_on = 1774746000, dst_off = 1792890000, fixed = 1800000000;
  WriteFile(dir.File("Test_Zone"),
            Tzif({{dst_on, 1}, {dst_off, 0}, {fixed, 2}}, {{3600, false}, {7200, true}, {10800, false}}, "XYZ-3"));
  const TimeZone z = TimeZone::Parse("Test_Zone", dir.path());
  CHECK(z.name() == "Test_Zone");
  CHECK(z.OffsetAt(dst_on - 1) == 3600);
  CHECK(z.OffsetAt(dst_on) == 7200);
  CHECK(z.OffsetAt(dst_off) == 3600);
  CHECK(z.OffsetAt(fixed + 86400) == 10800);
  // A rule with daylight saving after the last change: the last offset stays.
  WriteFile(dir.File("Dst_Rule"), Tzif({{dst_on, 1}}, {{3600, false}, {7200, true}}, "CET-1CEST,M3.5.0,M10.5.0/3"));
  CHECK(TimeZone::Parse("Dst_Rule", dir.path()).OffsetAt(dst_on + 400 * 86400) == 7200);
  WriteFile(dir.File("Broken"), "TZif2 not really");
  CHECK_THROWS_AS(TimeZone::Parse("Broken", dir.path()), std::invalid_argument);
}

TEST_CASE("local time: Asia/Shanghai is UTC+8 today from the tz database or without one") {
  CHECK(TimeZone::Parse("Asia/Shanghai").OffsetAt(kDec2) == 8 * 3600);
  TempDir empty("fa-tz-none");
  CHECK(TimeZone::Parse("Asia/Shanghai", empty.path()).OffsetAt(kDec2) == 8 * 3600);
  CHECK_THROWS_AS(TimeZone::Parse("Europe/Berlin", empty.path()), std::invalid_argument);
}

}  // namespace fa
