#include "rubric/district.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/text.h"

namespace fa {

namespace {

/// Full-width digits, point, percent sign and comma (U+FF10–FF19, FF0E,
/// FF05, FF0C) as their ASCII twins; the ideographic space as a space.
std::string NarrowDigits(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    if (i + 2 < text.size() && b(i) == 0xEF && b(i + 1) == 0xBC) {
      const unsigned char c = b(i + 2);
      if (c >= 0x90 && c <= 0x99) out += static_cast<char>('0' + (c - 0x90));
      else if (c == 0x8E) out += '.';
      else if (c == 0x85) out += '%';
      else if (c == 0x8C) out += ',';
      else out.append(text, i, 3);
      i += 2;
    } else if (i + 2 < text.size() && b(i) == 0xE3 && b(i + 1) == 0x80 && b(i + 2) == 0x80) {
      out += ' ';
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool StripSuffix(std::string& s, const std::string& suffix) {
  if (suffix.empty() || s.size() < suffix.size() || s.compare(s.size() - suffix.size(), suffix.size(), suffix) != 0)
    return false;
  s.erase(s.size() - suffix.size());
  return true;
}

/// The number a whole string spells, C locale; nullopt for anything else.
std::optional<double> ReadPlain(const std::string& s) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  const char* end = s.data() + s.size();
  auto [at, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || at != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

/// The multiplier of the unit word at the end of `s` (removed), by kind.
double TakeUnit(const ProfileField& field, std::string& s) {
  switch (field.kind) {
    case ProfileKind::kMoney: {
      const bool yuan = StripSuffix(s, "元");
      if (StripSuffix(s, "亿")) return 1e4;
      if (StripSuffix(s, "万")) return 1;
      return yuan ? 1e-4 : 1;
    }
    case ProfileKind::kCount:
      StripSuffix(s, field.unit.zh);
      return StripSuffix(s, "万") ? 1e4 : 1;
    case ProfileKind::kPercent:
      StripSuffix(s, "%");
      return 1;
    case ProfileKind::kNumber:
      StripSuffix(s, field.unit.zh);
      return 1;
  }
  return 1;
}

std::string Example(const ProfileField& field, const std::string& lang) {
  const bool zh = lang != "en";
  switch (field.kind) {
    case ProfileKind::kMoney: return zh ? "45000 或 4.5亿" : "45000";
    case ProfileKind::kCount: return zh ? "1300 或 1.3万" : "1300";
    case ProfileKind::kPercent: return zh ? "3.5 或 3.5%" : "3.5 or 3.5%";
    case ProfileKind::kNumber: return "0.08";
  }
  return "";
}

}  // namespace

const std::vector<DistrictChoice>& District::Choices(ChoiceList list) const {
  switch (list) {
    case ChoiceList::kTown: return towns;
    case ChoiceList::kIndustry: return industries;
    case ChoiceList::kManufacturingType: return manufacturing_types;
  }
  return towns;
}

const DistrictChoice* District::Find(ChoiceList list, const std::string& value) const {
  const std::vector<DistrictChoice>& choices = Choices(list);
  for (const auto& c : choices)
    if (c.id == value) return &c;
  const std::string lower = AsciiLower(value);
  for (const auto& c : choices)
    if (c.name.zh == value || AsciiLower(c.name.en) == lower || AsciiLower(c.id) == lower) return &c;
  return nullptr;
}

std::string District::NameOf(ChoiceList list, const std::string& value, const std::string& lang) const {
  const DistrictChoice* c = Find(list, value);
  return c ? c->name.In(lang) : value;
}

std::string District::FieldOfHeading(const std::string& heading) const {
  const std::string whole = AsciiLower(heading), bare = AsciiLower(WithoutBrackets(heading));
  for (const auto& [field, names] : import_headings)
    for (const auto& n : names)
      if (whole == AsciiLower(n) || bare == AsciiLower(n)) return field;
  return "";
}

std::string WithoutBrackets(const std::string& heading) {
  for (const char* open : {"\xEF\xBC\x88", "("}) {  // U+FF08 and '('
    size_t at = heading.find(open);
    if (at != std::string::npos && at > 0) {
      std::string s = heading.substr(0, at);
      while (!s.empty() && s.back() == ' ') s.pop_back();
      return s;
    }
  }
  return heading;
}

const ProfileField* District::Field(const std::string& id) const {
  for (const auto& f : profile_fields)
    if (f.id == id) return &f;
  return nullptr;
}

std::optional<double> ParseProfileValue(const ProfileField& field, const std::string& text,
                                        ProfileValueProblem& problem) {
  problem.kind = ProfileValueProblem::kNone;
  std::string s;
  for (char c : NarrowDigits(text))
    if (c != ',' && c != ' ' && c != '\t') s += c;
  if (s.empty()) return std::nullopt;
  const double scale = TakeUnit(field, s);
  std::optional<double> v = ReadPlain(s);
  if (!v) {
    problem.kind = ProfileValueProblem::kNotANumber;
    return std::nullopt;
  }
  double value = *v * scale;
  if (field.kind == ProfileKind::kMoney) value = std::round(value * 1e6) / 1e6;  // 4.5亿 is 45000, not 44999.999…
  if (value < field.min) problem.kind = ProfileValueProblem::kBelowMin;
  else if (value > field.max) problem.kind = ProfileValueProblem::kAboveMax;
  else if (field.kind == ProfileKind::kCount && std::abs(value - std::round(value)) > 1e-9)
    problem.kind = ProfileValueProblem::kNotWhole;
  if (problem.kind != ProfileValueProblem::kNone) return std::nullopt;
  return value;
}

std::string ProfileValueMessage(const ProfileField& field, const std::string& typed, ProfileValueProblem problem,
                                const std::string& lang) {
  const bool zh = lang != "en";
  const std::string name = field.name.In(lang), unit = field.unit.In(lang);
  const std::string got = zh ? "；收到「" + typed + "」" : "; got '" + typed + "'";
  switch (problem.kind) {
    case ProfileValueProblem::kNone: return "";
    case ProfileValueProblem::kNotANumber:
      return zh ? "「" + name + "」应为数字（" + unit + "），例如 " + Example(field, lang) + got
                : name + " must be a number (" + unit + "), e.g. " + Example(field, lang) + got;
    case ProfileValueProblem::kBelowMin:
      return zh ? "「" + name + "」不能小于 " + FormatNumber(field.min) + "（" + unit + "）" + got
                : name + " must be at least " + FormatNumber(field.min) + " (" + unit + ")" + got;
    case ProfileValueProblem::kAboveMax:
      return zh ? "「" + name + "」不能大于 " + FormatNumber(field.max) + "（" + unit + "）" + got
                : name + " must be at most " + FormatNumber(field.max) + " (" + unit + ")" + got;
    case ProfileValueProblem::kNotWhole:
      return zh ? "「" + name + "」应为整数" + got : name + " must be a whole number" + got;
  }
  return "";
}

}  // namespace fa
