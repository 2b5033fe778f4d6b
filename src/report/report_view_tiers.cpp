// Smart-factory tier eligibility in the diagnosis report view: each tier
// eligible or not, and each of its requirements met or missing with what
// the factory has, put into words in the report's language from the
// structured findings of the Assessment (TierCheck).
#include "base/text.h"
#include "report/report_view_parts.h"
#include "report/svg_charts.h"

namespace fa {

namespace {

std::string ItemName(const DiagnosisContext& c, const TierItem& item) {
  return c.T(item.name).empty() ? item.id : c.T(item.name);
}

// "<name>: <value>" for each item, as markup: criteria short of the score
// with their scores, or every node with its level.
std::string ItemList(const DiagnosisContext& c, const TierCheck& check) {
  std::vector<std::string> items;
  for (const auto& item : check.items) {
    if (check.kind == "criteria" && item.met) continue;
    std::string value;
    if (check.kind == "criteria")
      value = item.value ? Percent(*item.value) : c.L("not_applicable");
    else
      value = c.LevelName(static_cast<int>(item.value.value_or(0)));
    items.push_back(c.Fill("found_item", {{"what", ItemName(c, item)}, {"value", value}}));
  }
  return Join(items, c.L("list_sep"));
}

// What a tier check found, in words, as markup.
std::string FoundText(const DiagnosisContext& c, const TierCheck& check) {
  if (check.kind == "min_level") return HtmlEscape(c.LevelName(static_cast<int>(check.found.value_or(0))));
  if (check.kind == "profile") return check.found ? HtmlEscape(FormatNumber(*check.found)) : c.L("not_given");
  if (check.kind == "criteria" && check.met) return c.L("found_all_met");
  if (check.kind == "criteria" || check.kind == "nodes") return ItemList(c, check);
  if (check.kind != "coverage") return HtmlEscape(check.found_text);
  std::string out = c.Fill("found_coverage", {{"n", std::to_string(check.items_met)},
                                              {"of", std::to_string(check.items_total)}});
  std::vector<std::string> missing;
  for (const auto& item : check.items)
    if (!item.met) missing.push_back(ItemName(c, item));
  if (!missing.empty()) out += c.Fill("found_missing", {{"names", Join(missing, c.L("name_sep"))}});
  return out;
}

}  // namespace

EscapedView BuildTiersView(const DiagnosisContext& c) {
  const Assessment& a = c.a;
  EscapedView v;
  v.Flag("has", !a.tiers.empty()).Text("title", c.T(a.tier_scheme_title)).Text("scheme", a.tier_scheme);
  std::map<std::string, std::string> names;
  for (const auto& t : a.tiers) names[t.tier] = c.T(t.name).empty() ? t.tier : c.T(t.name);
  bool provisional = false;
  std::vector<EscapedView> tiers;
  for (const auto& t : a.tiers) {
    EscapedView tv;
    std::vector<EscapedView> checks;
    for (const auto& check : t.checks) {
      provisional = provisional || check.provisional;
      EscapedView cv;
      cv.Text("text", c.T(check.text).empty() ? check.id : c.T(check.text))
          .Text("id", check.id)
          .Flag("met", check.met)
          .Markup("found", FoundText(c, check))
          .Flag("provisional", check.provisional);
      checks.push_back(cv);
    }
    std::string requires_line;
    if (!t.requires_tier.empty()) {
      auto it = names.find(t.requires_tier);
      requires_line = c.Fill("tier_requires", {{"tier", it == names.end() ? t.requires_tier : it->second}});
    }
    tv.Text("name", names[t.tier])
        .Text("id", t.tier)
        .Flag("eligible", t.eligible)
        .Markup("requires", requires_line)
        .Markup("tally", c.Fill("tier_tally", {{"met", std::to_string(t.checks_met)},
                                               {"of", std::to_string(t.checks.size())}}))
        .List("checks", checks);
    tiers.push_back(tv);
  }
  v.List("tiers", tiers).Flag("provisional", provisional);
  return v;
}

}  // namespace fa
