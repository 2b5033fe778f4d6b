// Internal to the criterion kinds (kind_*.cpp): reading the parts several
// kinds share (options, bands, points) and the wording of their messages.
// Not for use outside src/rubric.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rubric/criterion_kind.h"
#include "rubric/rubric_parts.h"

namespace fa {

/// A `points` value that must be >= 0.
std::optional<double> ReadPoints(const YamlValue& value);
/// The `options` list of a single or multi criterion.
void ReadOptions(RubricLoad& load, const YamlMap& map, Criterion& c);
/// The `bands` list of a number criterion, checked against its min and max.
void ReadBands(RubricLoad& load, const YamlMap& map, Criterion& c);

/// A decimal number written in full ("35", "0.8"); nullopt otherwise.
std::optional<double> ParseNumber(const std::string& text);
/// What a refused answer was, for messages: 'text', or "a list".
std::string Found(const Answer& a);
/// The option ids of `c`, in file order.
std::vector<std::string> OptionIds(const Criterion& c);
/// The band `value` falls in, or null.
const Band* BandOf(const std::vector<Band>& bands, double value);
/// The choices of a questionnaire for bands (kNumber forms); `chosen` is
/// the band the given answer falls in, if any.
std::vector<AnswerForm::Choice> BandChoices(const std::vector<Band>& bands, const Band* chosen);

}  // namespace fa
