// The district's reference data (districts/*.yaml, docs/district-format.md):
// the pick lists the web app offers — towns, industries, manufacturing
// types — with a display name per language, and the factory profile fields
// a ranking config may use (`profile:<id>`), with names, units and ranges.
// Values are stored by id; Find also takes a display name, so a list written
// by people ("集成电路", "Malu Town") reads as the id.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/localized.h"
#include "rubric/scenario_figures.h"

namespace fa {

struct DistrictChoice {
  std::string id;
  LocalizedText name;
};

/// How a profile value is written and read (ParseProfileValue).
enum class ProfileKind { kMoney, kCount, kPercent, kNumber };

struct ProfileField {
  std::string id;
  LocalizedText name;
  LocalizedText unit;
  ProfileKind kind = ProfileKind::kNumber;
  double min = 0;
  double max = 1e15;
  SourcePos pos;
  /// employees and revenue have their own columns in a factory's profile;
  /// the others are kept among its extra fields.
  bool Builtin() const { return id == "employees" || id == "revenue"; }
};

enum class ChoiceList { kTown, kIndustry, kManufacturingType };

struct District {
  std::string file;
  std::string id;
  LocalizedText title;
  std::vector<DistrictChoice> towns, industries, manufacturing_types;
  std::vector<ProfileField> profile_fields;
  /// Column headings a bulk import reads as a field (besides the field's id
  /// and names), by field: the headings of the district's own lists.
  std::map<std::string, std::vector<std::string>> import_headings;
  /// The district's own scenario figures (`scenario_costs: FILE`), by
  /// scenario id: they replace the catalogue's in reports.
  std::string scenario_costs_file;
  std::map<std::string, ScenarioFigures> scenario_costs;

  const std::vector<DistrictChoice>& Choices(ChoiceList list) const;
  /// The entry whose id, Chinese or English name is `value` (names compared
  /// without case for ASCII); null when none.
  const DistrictChoice* Find(ChoiceList list, const std::string& value) const;
  /// The display name of a stored value; the value itself when the list
  /// does not know it (data written before the list, or by another district).
  std::string NameOf(ChoiceList list, const std::string& value, const std::string& lang) const;
  const ProfileField* Field(const std::string& id) const;
  /// The field a column heading names through `import_headings` (compared
  /// without ASCII case, also without a unit in brackets, so "Revenue
  /// (10k CNY)" reads as "Revenue"); "" when none does.
  std::string FieldOfHeading(const std::string& heading) const;
};

/// A heading without its unit in brackets, full-width or ASCII:
/// "Revenue (10k CNY)" -> "Revenue".
std::string WithoutBrackets(const std::string& heading);

/// Reads a district file; every problem goes to `diags` with its position.
std::optional<District> LoadDistrict(const std::string& path, Diagnostics& diags);
std::optional<District> ReadDistrict(const std::string& file, const std::string& text, Diagnostics& diags);

/// Why a typed profile value does not read, in a form both languages can
/// phrase (ProfileValueMessage).
struct ProfileValueProblem {
  enum Kind { kNone, kNotANumber, kBelowMin, kAboveMax, kNotWhole } kind = kNone;
};

/// Reads what a person typed for `field`: thousands separators (, ，and
/// spaces) are dropped; full-width digits read as digits; a money field
/// takes 亿 (×10000), 万/万元 (×1) and 元 (÷10000); a count takes 万
/// (×10000) and its unit word (人, 件); a percent field takes a trailing
/// %. Empty text is no value.
std::optional<double> ParseProfileValue(const ProfileField& field, const std::string& text,
                                        ProfileValueProblem& problem);

/// The problem in words, in `lang`, naming the field, its unit and what was
/// typed, e.g. "营业收入应为数字（万元），例如 45000 或 4.5亿；收到「abc」".
std::string ProfileValueMessage(const ProfileField& field, const std::string& typed,
                                ProfileValueProblem problem, const std::string& lang);

}  // namespace fa
