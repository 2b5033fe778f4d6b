// TimeZone (local_time.h): fixed offsets and tz database files. The TZif
// format is RFC 8536: a header, then the transition times, the index of the
// local time type each starts, and the types (offset, daylight flag,
// abbreviation); version 2 and later repeat the data with 64-bit times and
// end with a POSIX TZ rule for the times after the last transition.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "base/local_time.h"

namespace fa {

namespace {

constexpr int kMaxOffset = 26 * 3600;

/// "[+-]hh[:mm[:ss]]" (hours alone may have one or two digits) as seconds;
/// advances `pos`; nullopt when malformed.
std::optional<int> ReadOffset(const std::string& s, size_t& pos, bool sign_required) {
  int sign = 1;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) sign = s[pos++] == '-' ? -1 : 1;
  else if (sign_required) return std::nullopt;
  int parts[3] = {0, 0, 0};
  for (int i = 0; i < 3; ++i) {
    if (i > 0) {
      if (pos >= s.size() || s[pos] != ':') break;
      ++pos;
    }
    size_t start = pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])) && pos - start < 2) ++pos;
    if (pos == start) return std::nullopt;
    parts[i] = std::stoi(s.substr(start, pos - start));
  }
  if (parts[1] > 59 || parts[2] > 59) return std::nullopt;
  const int seconds = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
  if (seconds > kMaxOffset || seconds < -kMaxOffset) return std::nullopt;
  return seconds;
}

/// A fixed offset spec: "UTC", "GMT", "Z", "UTC+8", "+08:00", "UTC-03:30".
std::optional<int> FixedOffsetSpec(const std::string& spec) {
  if (spec == "UTC" || spec == "GMT" || spec == "Z" || spec == "Etc/UTC") return 0;
  size_t pos = 0;
  if (spec.rfind("UTC", 0) == 0 || spec.rfind("GMT", 0) == 0) pos = 3;
  auto offset = ReadOffset(spec, pos, true);
  if (!offset || pos != spec.size()) return std::nullopt;
  return offset;
}

int64_t BigEndian(const std::string& data, size_t at, int bytes) {
  if (at + static_cast<size_t>(bytes) > data.size()) throw std::invalid_argument("truncated zone file");
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(data[at + static_cast<size_t>(i)]);
  if (bytes == 4) return static_cast<int32_t>(static_cast<uint32_t>(v));
  return static_cast<int64_t>(v);
}

struct TzifCounts {
  int64_t isut, isstd, leap, time, type, chars;
};

TzifCounts ReadCounts(const std::string& data, size_t at) {
  if (data.compare(at, 4, "TZif") != 0) throw std::invalid_argument("not a TZif zone file");
  auto n = [&](int i) { return BigEndian(data, at + 20 + static_cast<size_t>(i) * 4, 4); };
  TzifCounts c{n(0), n(1), n(2), n(3), n(4), n(5)};
  if (c.time < 0 || c.type <= 0 || c.type > 256 || c.chars < 0 || c.leap < 0 || c.isut < 0 || c.isstd < 0)
    throw std::invalid_argument("malformed zone file header");
  return c;
}

size_t BlockSize(const TzifCounts& c, int time_bytes) {
  return static_cast<size_t>(c.time * time_bytes + c.time + c.type * 6 + c.chars + c.leap * (time_bytes + 4) +
                             c.isstd + c.isut);
}

/// The standard offset of a POSIX TZ rule without daylight saving
/// ("CST-8", "<+0530>-5:30"): east of UTC, so the rule's sign turned.
std::optional<int> FixedPosixRule(const std::string& rule) {
  size_t pos = 0;
  if (!rule.empty() && rule[0] == '<') {
    pos = rule.find('>');
    if (pos == std::string::npos) return std::nullopt;
    ++pos;
  } else {
    while (pos < rule.size() && std::isalpha(static_cast<unsigned char>(rule[pos]))) ++pos;
  }
  auto offset = ReadOffset(rule, pos, false);
  if (!offset || pos != rule.size()) return std::nullopt;  // more: a daylight saving part
  return -*offset;
}

}  // namespace

TimeZone TimeZone::Fixed(int offset_seconds) {
  TimeZone z;
  z.name_ = OffsetLabel(offset_seconds);
  z.initial_ = offset_seconds;
  return z;
}

TimeZone TimeZone::Parse(const std::string& spec, const std::string& zoneinfo_dir) {
  if (auto offset = FixedOffsetSpec(spec)) {
    TimeZone z = Fixed(*offset);
    z.name_ = spec;
    return z;
  }
  const bool name_ok = !spec.empty() && spec.size() < 100 && spec[0] != '/' && spec.find("..") == std::string::npos &&
                       std::all_of(spec.begin(), spec.end(), [](char ch) {
                         return std::isalnum(static_cast<unsigned char>(ch)) || ch == '/' || ch == '_' ||
                                ch == '-' || ch == '+';
                       });
  if (!name_ok) throw std::invalid_argument("'" + spec + "' is neither a zone name nor an offset like UTC+8");
  std::ifstream in(zoneinfo_dir + "/" + spec, std::ios::binary);
  if (!in) {
    if (spec == "Asia/Shanghai") {  // no tz database installed: China's offset since 1991
      TimeZone z = Fixed(8 * 3600);
      z.name_ = spec;
      return z;
    }
    throw std::invalid_argument("no time zone '" + spec + "' in " + zoneinfo_dir + " (or give an offset like UTC+8)");
  }
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (data.size() < 44) throw std::invalid_argument("'" + spec + "' is not a TZif zone file");
  TzifCounts c = ReadCounts(data, 0);
  size_t at = 44;
  int time_bytes = 4;
  if (data[4] >= '2') {  // skip the 32-bit block for the 64-bit one
    at += BlockSize(c, 4);
    c = ReadCounts(data, at);
    at += 44;
    time_bytes = 8;
  }
  TimeZone z;
  z.name_ = spec;
  const size_t types_at = at + static_cast<size_t>(c.time * (time_bytes + 1));
  std::vector<int> type_offset(static_cast<size_t>(c.type));
  std::vector<bool> type_dst(static_cast<size_t>(c.type));
  for (int64_t i = 0; i < c.type; ++i) {
    type_offset[static_cast<size_t>(i)] = static_cast<int>(BigEndian(data, types_at + static_cast<size_t>(i) * 6, 4));
    type_dst[static_cast<size_t>(i)] = data.at(types_at + static_cast<size_t>(i) * 6 + 4) != 0;
  }
  z.initial_ = type_offset[0];
  for (size_t i = 0; i < type_dst.size(); ++i)
    if (!type_dst[i]) {  // the first standard type rules before the first transition (RFC 8536 3.2)
      z.initial_ = type_offset[i];
      break;
    }
  for (int64_t i = 0; i < c.time; ++i) {
    z.transitions_.push_back(BigEndian(data, at + static_cast<size_t>(i * time_bytes), time_bytes));
    const auto type = static_cast<unsigned char>(data.at(at + static_cast<size_t>(c.time * time_bytes + i)));
    if (type >= type_offset.size()) throw std::invalid_argument("malformed zone file '" + spec + "'");
    z.offsets_.push_back(type_offset[type]);
  }
  if (time_bytes == 8) {
    const size_t footer = at + BlockSize(c, 8);
    if (footer < data.size() && data[footer] == '\n') {
      const size_t end = data.find('\n', footer + 1);
      if (end != std::string::npos) z.after_last_ = FixedPosixRule(data.substr(footer + 1, end - footer - 1));
    }
  }
  return z;
}

int TimeZone::OffsetAt(std::time_t t) const {
  const auto at = std::upper_bound(transitions_.begin(), transitions_.end(), static_cast<int64_t>(t));
  if (at == transitions_.begin()) return initial_;
  if (at == transitions_.end() && after_last_) return *after_last_;
  return offsets_[static_cast<size_t>(at - transitions_.begin()) - 1];
}

std::string DefaultTimeZoneName() {
  const char* env = std::getenv("FA_TZ");
  return env && *env ? env : "Asia/Shanghai";
}

}  // namespace fa
