// `factory-assess validate RUBRIC.yaml...` — loads each rubric (and the
// scenario catalogue it names), prints every problem to stderr and a one-line
// summary per clean file to stdout. Exit 0 when all are clean, 1 otherwise.
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>

#include "base/diagnostics.h"
#include "cli/args.h"
#include "cli/command.h"
#include "providers/provider_loader.h"
#include "service/compiled_rubric.h"
#include "rubric/district.h"
#include "rubric/scenario_loader.h"
#include "rubric/yaml_tree.h"

namespace fa {

namespace {

const char kUsage[] =
    "usage: factory-assess validate RUBRIC.yaml...\n"
    "\n"
    "Checks rubric files (docs/rubric-format.md), the scenario catalogues and tier\n"
    "schemes they name, district files (docs/district-format.md), provider\n"
    "catalogues (docs/providers.md, against the files they name), and catalogue and\n"
    "tier-scheme files given directly (a tier\n"
    "scheme against the rubric it names, found beside it); compiles each rubric (AHP\n"
    "consistency ratios included) and lists every problem as\n"
    "file:line:col: error: message.\n"
    "\n"
    "Prints 'FILE: ok (N criteria, M nodes)' for each clean file.\n"
    "Exit codes: 0 all files clean, 1 problems found, 2 usage error.\n";

// What a file is, by its top-level keys: a scenario catalogue has
// `catalogue:`, a provider catalogue `catalogue:` and `providers:`, a district file `district:`, a tier scheme `scheme:` and the `rubric:` it is written
// against, a rubric `rubric:` and its tree.
enum class FileKind { kRubric, kCatalogue, kProviders, kTierScheme, kDistrict };

FileKind KindOf(const std::string& path, std::string& tier_rubric) {
  // Only regular files are sniffed; the rubric loader names what is wrong
  // with the others.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return FileKind::kRubric;
  const YamlParse parsed = ParseYamlFile(path);
  if (!parsed.doc) return FileKind::kRubric;
  const YamlNode root = parsed.doc->root();
  if (!root.IsMap()) return FileKind::kRubric;
  if (root["catalogue"] && root["providers"]) return FileKind::kProviders;
  if (root["catalogue"] && !root["rubric"]) return FileKind::kCatalogue;
  if (root["district"] && !root["rubric"]) return FileKind::kDistrict;
  if (root["scheme"] && !root["tree"]) {
    if (root["rubric"].IsScalar()) tier_rubric = root["rubric"].Scalar();
    return FileKind::kTierScheme;
  }
  return FileKind::kRubric;  // the rubric loader reports what is wrong with it
}

// A tier scheme is checked against the rubric it names, found beside it as
// RUBRIC.yaml, which must name this scheme as its `tiers:`.
bool ValidateTierScheme(CommandContext& ctx, const std::string& file, const std::string& rubric_id) {
  const std::filesystem::path scheme(file);
  const std::filesystem::path rubric = scheme.parent_path() / (rubric_id + ".yaml");
  Diagnostics diags;
  if (rubric_id.empty()) {
    diags.Error(file, {}, "a tier scheme names the rubric it is written against ('rubric:'); this one does not");
  } else if (!std::filesystem::exists(rubric)) {
    diags.Error(file, {}, "the tier scheme is written against rubric '" + rubric_id + "', expected beside it as " +
                              rubric.string());
  } else if (auto compiled = CompileRubricFile(rubric.string(), diags)) {
    if (std::filesystem::path(compiled->rubric->tiers_path).filename() != scheme.filename())
      diags.Error(file, {}, rubric.string() + " does not name this file as its tier scheme ('tiers:')");
    else
      ctx.out << file << ": ok (tier scheme, " << compiled->rubric->tiers.tiers.size() << " tiers, checked against "
              << rubric.string() << ")\n";
  }
  ctx.err << diags.Format();
  return !diags.HasErrors();
}

size_t CountNodes(const std::vector<Node>& nodes) {
  size_t n = nodes.size();
  for (const auto& node : nodes) n += CountNodes(node.children);
  return n;
}

}  // namespace

int RunValidate(CommandContext& ctx) {
  Args args(ctx.args, {}, {"--help", "-h"});
  if (!args.ok()) {
    ctx.err << "factory-assess validate: " << args.error() << "\n\n" << kUsage;
    return kExitUsage;
  }
  if (args.Has("--help") || args.Has("-h")) {
    ctx.out << kUsage;
    return kExitOk;
  }
  if (args.positional().empty()) {
    ctx.err << "factory-assess validate: no rubric file given\n\n" << kUsage;
    return kExitUsage;
  }
  bool all_ok = true;
  for (const auto& file : args.positional()) {
    Diagnostics diags;
    std::string tier_rubric;
    const FileKind kind = KindOf(file, tier_rubric);
    if (kind == FileKind::kTierScheme) {
      all_ok = ValidateTierScheme(ctx, file, tier_rubric) && all_ok;
      continue;
    }
    if (kind == FileKind::kCatalogue) {
      std::optional<ScenarioCatalogue> catalogue = LoadScenarioCatalogue(file, diags);
      ctx.err << diags.Format();
      if (!catalogue) {
        all_ok = false;
        continue;
      }
      ctx.out << file << ": ok (scenario catalogue, " << catalogue->scenarios.size() << " scenarios in "
              << catalogue->links.size() << " links)\n";
      continue;
    }
    if (kind == FileKind::kProviders) {
      std::optional<ProviderCatalogue> catalogue = LoadProviderCatalogue(file, diags);
      ctx.err << diags.Format();
      all_ok = all_ok && catalogue;
      if (catalogue)
        ctx.out << file << ": ok (provider catalogue '" << catalogue->id << "', " << catalogue->providers.size()
                << " providers" << (catalogue->example ? ", examples" : "") << ")\n";
      continue;
    }
    if (kind == FileKind::kDistrict) {
      std::optional<District> d = LoadDistrict(file, diags);
      ctx.err << diags.Format();
      all_ok = all_ok && d;
      if (d)
        ctx.out << file << ": ok (district '" << d->id << "', " << d->towns.size() << " towns, " << d->industries.size()
                << " industries, " << d->manufacturing_types.size() << " manufacturing types, "
                << d->profile_fields.size() << " profile fields)\n";
      continue;
    }
    std::shared_ptr<const CompiledRubric> compiled = CompileRubricFile(file, diags);
    ctx.err << diags.Format();
    if (!compiled) {
      all_ok = false;
      continue;
    }
    const size_t criteria = compiled->rubric->AllCriteria().size(), nodes = CountNodes(compiled->rubric->tree);
    ctx.out << file << ": ok (" << criteria << (criteria == 1 ? " criterion, " : " criteria, ") << nodes
            << (nodes == 1 ? " node)\n" : " nodes)\n");
  }
  return all_ok ? kExitOk : kExitBadInput;
}

}  // namespace fa
