#include "rubric/kind_parts.h"

#include <cstdlib>
#include <map>

#include "base/text.h"

namespace fa {

namespace {
const std::vector<std::string> kOptionKeys = {"id", "label", "points"};
const std::vector<std::string> kBandKeys = {"over", "upto", "points", "label"};
}  // namespace

std::optional<double> ReadPoints(const YamlValue& value) {
  auto v = value.Number();
  if (v && *v < 0) value.Error("points must be >= 0, got " + FormatNumber(*v));
  return v;
}

void ReadOptions(RubricLoad& load, const YamlMap& map, Criterion& c) {
  std::map<std::string, SourcePos> first;
  int n = 0;
  for (const auto& item : map.Require("options").NonEmptyItems()) {
    ++n;
    YamlMap om(item, "option " + std::to_string(n) + " of " + map.owner());
    if (!om.ok()) continue;
    Option option;
    option.pos = om.pos();
    YamlValue id = om.Require("id");
    if (auto v = id.Id()) {
      option.id = *v;
      om.set_owner("option '" + *v + "' of " + map.owner());
      auto [it, inserted] = first.emplace(*v, id.pos());
      if (!inserted) {
        load.src.Error(id.pos(), map.owner() + ": duplicate option id '" + *v + "'");
        load.src.Note(it->second, "first defined here");
      }
    }
    om.CheckKeys(kOptionKeys);
    if (auto v = om.Require("label").Localized(load.rubric.languages)) option.label = *v;
    if (auto v = ReadPoints(om.Require("points"))) option.points = *v;
    if (!option.id.empty()) c.options.push_back(std::move(option));
  }
}

namespace {

// The checks of one band against its neighbours and the criterion's domain.
void CheckBand(const YamlMap& bm, const YamlValue& over, const YamlValue& upto, const Band& band, bool first,
               bool last, const Criterion& c) {
  if (first && !over.absent()) over.Error("the first band must not have 'over'");
  if (!first && over.absent()) bm.Error("missing 'over' (every band but the first has one)");
  if (last && !upto.absent()) upto.Error("the last band must not have 'upto'");
  if (!last && upto.absent()) bm.Error("missing 'upto' (every band but the last has one)");
  if (band.over && band.upto && *band.over >= *band.upto)
    upto.Error("upto (" + FormatNumber(*band.upto) + ") must be greater than over (" + FormatNumber(*band.over) +
               ")");
  const Band* prev = c.bands.empty() ? nullptr : &c.bands.back();
  if (prev && prev->upto && band.over && *band.over != *prev->upto)
    over.Error("bands must be contiguous: over must equal the previous band's upto (" + FormatNumber(*prev->upto) +
               "), got " + FormatNumber(*band.over));
  const bool domain_ok = !(c.min && c.max && *c.min > *c.max);
  if (domain_ok && c.min && band.upto && *band.upto < *c.min)
    upto.Error("upto (" + FormatNumber(*band.upto) + ") is below min (" + FormatNumber(*c.min) +
               "): no value falls in this band");
  if (domain_ok && c.max && band.over && *band.over >= *c.max)
    over.Error("over (" + FormatNumber(*band.over) + ") is not below max (" + FormatNumber(*c.max) +
               "): no value falls in this band");
}

}  // namespace

void ReadBands(RubricLoad& load, const YamlMap& map, Criterion& c) {
  std::vector<YamlValue> items = map.Require("bands").NonEmptyItems();
  for (size_t i = 0; i < items.size(); ++i) {
    YamlMap bm(items[i], "band " + std::to_string(i + 1) + " of " + map.owner());
    if (!bm.ok()) continue;
    bm.CheckKeys(kBandKeys);
    Band band;
    band.pos = bm.pos();
    YamlValue over = bm.Get("over"), upto = bm.Get("upto");
    band.over = over.Number();
    band.upto = upto.Number();
    if (auto v = ReadPoints(bm.Require("points"))) band.points = *v;
    if (auto v = bm.Get("label").Localized(load.rubric.languages)) band.label = *v;
    CheckBand(bm, over, upto, band, i == 0, i + 1 == items.size(), c);
    c.bands.push_back(std::move(band));
  }
}

std::optional<double> ParseNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return v;
}

std::string Found(const Answer& a) { return a.kind == AnswerKind::kOptions ? "a list" : Quoted(a.text); }

std::vector<std::string> OptionIds(const Criterion& c) {
  std::vector<std::string> ids;
  for (const auto& o : c.options) ids.push_back(o.id);
  return ids;
}

const Band* BandOf(const std::vector<Band>& bands, double value) {
  for (const auto& b : bands)
    if ((!b.over || value > *b.over) && (!b.upto || value <= *b.upto)) return &b;
  return nullptr;
}

std::vector<AnswerForm::Choice> BandChoices(const std::vector<Band>& bands, const Band* chosen) {
  std::vector<AnswerForm::Choice> out;
  for (const auto& b : bands) {
    AnswerForm::Choice choice;
    choice.label = b.label;
    choice.points = b.points;
    choice.over = b.over;
    choice.upto = b.upto;
    choice.chosen = &b == chosen;
    out.push_back(std::move(choice));
  }
  return out;
}

}  // namespace fa
