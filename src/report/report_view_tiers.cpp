// Smart-factory tier eligibility in the diagnosis report view: each tier
// eligible or not, and each of its requirements met or missing with what
// the factory has. The Assessment states what was found in English
// ("level 2", "all met", "3/5 (missing: a, b)", "crit 0.50, …"); this file
// puts it back into words in the report's language.
#include <cstdlib>

#include "base/text.h"
#include "report/report_view_parts.h"
#include "report/svg_charts.h"

namespace fa {

namespace {

bool IsNumber(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end && *end == '\0';
}

// One "<id> <value>" item of a criteria or node-level finding, as markup.
std::string FoundItem(const ViewContext& c, const std::string& item) {
  const size_t space = item.rfind(' ');
  if (space == std::string::npos) return HtmlEscape(item);
  const std::string id = item.substr(0, space), value = item.substr(space + 1);
  if (c.Criterion(id)) {
    const std::string shown = value == "n/a" ? c.L("not_applicable") : IsNumber(value) ? Percent(std::atof(value.c_str())) : value;
    return c.Fill("found_item", {{"what", TruncateToWidth(c.CriterionText(id), 40)}, {"value", shown}});
  }
  if (const NodeResult* n = c.Node(id))
    return c.Fill("found_item", {{"what", c.NodeTitle(*n)}, {"value", c.LevelName(std::atoi(value.c_str()))}});
  return HtmlEscape(item);
}

bool AllDigits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// What a tier check found, in words, as markup.
std::string FoundText(const ViewContext& c, const std::string& found) {
  if (found == "all met") return c.L("found_all_met");
  if (found == "not given") return c.L("not_given");
  if (found.rfind("level ", 0) == 0 && AllDigits(found.substr(6)))
    return HtmlEscape(c.LevelName(std::atoi(found.c_str() + 6)));
  // "3/5" or "3/5 (missing: a, b)"
  const size_t slash = found.find('/'), space = found.find(' ');
  const std::string head = found.substr(0, space);
  if (slash != std::string::npos && slash < head.size() && AllDigits(head.substr(0, slash)) &&
      AllDigits(head.substr(slash + 1))) {
    std::string out = c.Fill("found_coverage", {{"n", head.substr(0, slash)}, {"of", head.substr(slash + 1)}});
    const std::string missing = " (missing: ";
    if (space != std::string::npos && found.compare(space, missing.size(), missing) == 0 && found.back() == ')')
      out += c.Fill("found_missing", {{"ids", found.substr(space + missing.size(), found.size() - space - missing.size() - 1)}});
    return out;
  }
  std::vector<std::string> items;
  size_t from = 0;
  while (from <= found.size()) {
    size_t comma = found.find(", ", from);
    items.push_back(FoundItem(c, found.substr(from, comma == std::string::npos ? std::string::npos : comma - from)));
    if (comma == std::string::npos) break;
    from = comma + 2;
  }
  return Join(items, c.L("list_sep"));
}

}  // namespace

EscapedView BuildTiersView(const ViewContext& c) {
  const Assessment& a = c.a;
  EscapedView v;
  v.Flag("has", !a.tiers.empty()).Text("title", c.T(a.tier_scheme_title)).Text("scheme", a.tier_scheme);
  std::map<std::string, std::string> names;
  for (const auto& t : a.tiers) names[t.tier] = c.T(t.name).empty() ? t.tier : c.T(t.name);
  bool provisional = false;
  std::vector<EscapedView> tiers;
  for (const auto& t : a.tiers) {
    EscapedView tv;
    int met = 0;
    std::vector<EscapedView> checks;
    for (const auto& check : t.checks) {
      met += check.met;
      provisional = provisional || check.provisional;
      EscapedView cv;
      cv.Text("text", c.T(check.text).empty() ? check.id : c.T(check.text))
          .Text("id", check.id)
          .Flag("met", check.met)
          .Markup("found", FoundText(c, check.found))
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
        .Markup("tally", c.Fill("tier_tally", {{"met", std::to_string(met)}, {"of", std::to_string(t.checks.size())}}))
        .List("checks", checks);
    tiers.push_back(tv);
  }
  v.List("tiers", tiers).Flag("provisional", provisional);
  return v;
}

}  // namespace fa
