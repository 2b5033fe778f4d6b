// Local time for people (local_time.h): stamps and days written in the
// page's language. TimeZone itself is in time_zone.cpp.
#include "base/local_time.h"

#include <cstdio>
#include <cstdlib>

namespace fa {

namespace {

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/// The broken-down local time of `t` in `zone`.
std::tm Local(std::time_t t, const TimeZone& zone) {
  const std::time_t shifted = t + zone.OffsetAt(t);
  std::tm tm{};
  gmtime_r(&shifted, &tm);
  return tm;
}

std::string DateOf(int year, int month, int day, const std::string& lang) {
  char buf[48];
  if (lang == "en")
    std::snprintf(buf, sizeof buf, "%d %s %d", day, kMonths[(month + 11) % 12], year);
  else
    std::snprintf(buf, sizeof buf, "%d\xE5\xB9\xB4%d\xE6\x9C\x88%d\xE6\x97\xA5", year, month, day);  // 年 月 日
  return buf;
}

bool Digits(const std::string& s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

/// "YYYY-MM-DD" at the start of `s`, checked loosely (month 1–12, day 1–31).
bool ReadDay(const std::string& s, int& year, int& month, int& day) {
  if (!Digits(s, 0, 4) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2) || s[7] != '-' || !Digits(s, 8, 2))
    return false;
  year = std::atoi(s.substr(0, 4).c_str());
  month = std::atoi(s.substr(5, 2).c_str());
  day = std::atoi(s.substr(8, 2).c_str());
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

std::string OffsetLabel(int offset_seconds) {
  if (offset_seconds == 0) return "UTC";
  const int a = offset_seconds < 0 ? -offset_seconds : offset_seconds;
  std::string out = std::string("UTC") + (offset_seconds < 0 ? "-" : "+") + std::to_string(a / 3600);
  if (a % 3600) {
    char buf[8];
    std::snprintf(buf, sizeof buf, ":%02d", a % 3600 / 60);
    out += buf;
  }
  return out;
}

std::optional<std::time_t> ParseUtcStamp(const std::string& iso) {
  int year = 0, month = 0, day = 0;
  if (!ReadDay(iso, year, month, day) || iso.size() < 16 || iso[10] != 'T' || !Digits(iso, 11, 2) ||
      iso[13] != ':' || !Digits(iso, 14, 2))
    return std::nullopt;
  size_t end = 16;
  int second = 0;
  if (iso.size() >= 19 && iso[16] == ':' && Digits(iso, 17, 2)) {
    second = std::atoi(iso.substr(17, 2).c_str());
    end = 19;
  }
  if (end < iso.size() && iso[end] == 'Z') ++end;
  if (end != iso.size()) return std::nullopt;
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = std::atoi(iso.substr(11, 2).c_str());
  tm.tm_min = std::atoi(iso.substr(14, 2).c_str());
  tm.tm_sec = second;
  if (tm.tm_hour > 23 || tm.tm_min > 59 || second > 60) return std::nullopt;
  return timegm(&tm);
}

std::string LocalDate(std::time_t t, const TimeZone& zone, const std::string& lang) {
  const std::tm tm = Local(t, zone);
  return DateOf(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, lang);
}

std::string LocalIsoDate(std::time_t t, const TimeZone& zone) {
  const std::tm tm = Local(t, zone);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return buf;
}

std::string LocalDateTime(std::time_t t, const TimeZone& zone, const std::string& lang) {
  const std::tm tm = Local(t, zone);
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", tm.tm_hour, tm.tm_min);
  return DateOf(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, lang) + " " + clock;
}

std::string StampForPeople(const std::string& iso, const TimeZone& zone, const std::string& lang) {
  auto t = ParseUtcStamp(iso);
  return t ? LocalDateTime(*t, zone, lang) : iso;
}

std::string StampWithZone(const std::string& iso, const TimeZone& zone, const std::string& lang) {
  auto t = ParseUtcStamp(iso);
  return t ? LocalDateTime(*t, zone, lang) + " (" + OffsetLabel(zone.OffsetAt(*t)) + ")" : iso;
}

std::string LocalIsoDay(const std::string& iso, const TimeZone& zone) {
  auto t = ParseUtcStamp(iso);
  return t ? LocalIsoDate(*t, zone) : iso;
}

std::string DayForPeople(const std::string& text, const TimeZone& zone, const std::string& lang) {
  if (auto t = ParseUtcStamp(text)) return LocalDate(*t, zone, lang);
  int year = 0, month = 0, day = 0;
  if (text.size() == 10 && ReadDay(text, year, month, day)) return DateOf(year, month, day, lang);
  return text;
}

}  // namespace fa
