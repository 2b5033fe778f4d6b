// The service-provider catalogue and the engagements in the web app
// (docs/providers.md "In the web app"): the store keeps them, the first
// start reads them from `serve --providers` and `--engagements`, and the
// admin replaces the catalogue by upload and records engagements.
#include <chrono>
#include <filesystem>

#include "base/diagnostics.h"
#include "providers/provider_loader.h"
#include "report/report_renderer.h"
#include "rubric/yaml_tree.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

namespace fs = std::filesystem;

store::Actor SystemActor() {
  store::Actor system;
  system.username = "system";
  return system;
}

/// The files an uploaded catalogue names (scenarios:, district:, rubric:)
/// must be YAML files of the server's own tree, the parent of the folder
/// the catalogue is read in: an upload never makes the server read (and
/// quote in an error) a file elsewhere. Reports each other one.
void CheckNamedFiles(const std::string& text, const std::string& file_name, Diagnostics& diags) {
  const YamlParse parsed = ParseYaml(text);
  if (!parsed.doc) return;  // the loader reports the syntax error at its place
  const YamlNode root = parsed.doc->root();
  if (!root.IsMap()) return;
  const fs::path dir = fs::path(file_name).parent_path();
  const fs::path tree = fs::weakly_canonical(fs::absolute(dir.empty() ? fs::path(".") : dir) / "..");
  for (const char* key : {"scenarios", "district", "rubric"}) {
    const YamlNode node = root[key];
    if (!node || !node.IsScalar()) continue;
    const std::string named = node.Scalar();
    const fs::path resolved = fs::weakly_canonical(fs::absolute(dir.empty() ? fs::path(".") : dir) / named);
    const std::string ext = resolved.extension().string();
    const auto [end, unused] = std::mismatch(tree.begin(), tree.end(), resolved.begin(), resolved.end());
    (void)unused;
    if (fs::path(named).is_absolute() || end != tree.end() || (ext != ".yaml" && ext != ".yml"))
      diags.Error(file_name, {node.Mark().line + 1, node.Mark().column + 1},
                  std::string("'") + key + "' names '" + named +
                      "', expected a YAML file beside the server's rubrics and districts (a relative path such as "
                      "../rubrics/scenarios.yaml)");
  }
}

/// The stored engagements as the effect measure reads them.
std::shared_ptr<const EngagementList> EngagementListOf(const std::vector<store::EngagementRecord>& rows) {
  if (rows.empty()) return nullptr;
  auto list = std::make_shared<EngagementList>();
  list->file = "store";
  for (const auto& r : rows) {
    Engagement e;
    e.provider = r.provider;
    e.credit_code = r.credit_code;
    e.factory = r.factory_name;
    e.scenarios = r.scenarios;
    e.start = r.start;
    e.end = r.end;
    list->example = list->example || r.example;
    list->engagements.push_back(std::move(e));
  }
  return list;
}

}  // namespace

std::vector<EscapedView> ProviderOptions(const ProviderCatalogue* catalogue, const std::string& selected,
                                         const std::string& lang) {
  std::vector<EscapedView> out;
  if (!catalogue) return out;
  for (const auto& p : catalogue->providers) {
    EscapedView o;
    o.Text("id", p.id).Text("name", p.name.In(lang)).Flag("selected", p.id == selected);
    out.push_back(o);
  }
  return out;
}

std::shared_ptr<const WebApp::ProviderState> WebApp::provider_state() {
  // Another server of the same store may have stored a newer version: asked
  // at most once a second (not a query per report page), and the version
  // read once when there is one.
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(provider_mutex_);
    if (now - provider_checked_ < std::chrono::seconds(1)) return provider_state_;
    provider_checked_ = now;
  }
  const int64_t stored = store_.CurrentProviderCatalogueId();
  {
    std::lock_guard<std::mutex> lock(provider_mutex_);
    if (stored == provider_state_->id || stored == unreadable_version_) return provider_state_;
  }
  std::optional<store::ProviderCatalogueRecord> record = store_.CurrentProviderCatalogue();
  Diagnostics diags;
  std::optional<ProviderCatalogue> catalogue =
      record ? LoadProviderCatalogueFromString(record->text, record->file_name, diags) : std::nullopt;
  if (!catalogue) {
    // Checked when it was stored, so only a file it names that this server
    // lacks (or holds otherwise) gets here: this server keeps the version it has.
    std::lock_guard<std::mutex> lock(provider_mutex_);
    unreadable_version_ = stored;
    return provider_state_;
  }
  UseProviders(std::make_shared<const ProviderCatalogue>(std::move(*catalogue)), record->id);
  std::lock_guard<std::mutex> lock(provider_mutex_);
  return provider_state_;
}

std::shared_ptr<const ProviderCatalogue> WebApp::providers() { return provider_state()->catalogue; }

int64_t WebApp::providers_version() { return provider_state()->id; }

std::shared_ptr<const EngagementList> WebApp::engagements() { return EngagementListOf(store_.ListEngagements()); }

void WebApp::UseProviders(std::shared_ptr<const ProviderCatalogue> catalogue, int64_t id) {
  auto state = std::make_shared<ProviderState>();
  state->catalogue = std::move(catalogue);
  state->id = id;
  for (const char* lang : {"zh", "en"}) {
    ReportOptions options;
    options.lang = lang;
    options.templates_dir = config_.templates_dir;
    options.district = district_;
    options.providers = state->catalogue;  // the report's service-provider section when there is a catalogue
    options.zone = config_.zone;
    state->reports[lang] = std::make_shared<const DiagnosisReportRenderer>(options);
  }
  std::lock_guard<std::mutex> lock(provider_mutex_);
  provider_state_ = std::move(state);
}

void WebApp::LoadProviders() {
  std::optional<store::ProviderCatalogueRecord> stored = store_.CurrentProviderCatalogue();
  if (stored && !config_.providers_file.empty())
    start_notes_.push_back("the provider catalogue in use is the store's (version " + std::to_string(stored->id) +
                           ", " + stored->uploaded_at + "); " + config_.providers_file +
                           " is read only into a store without one");
  if (!stored && !config_.providers_file.empty()) {
    Diagnostics diags;
    std::optional<std::string> text = ReadSource(config_.providers_file, diags, "a provider catalogue");
    if (!text) throw std::runtime_error("the provider catalogue does not load:\n" + diags.Format());
    store::ProviderCatalogueRecord record;
    record.file_name = config_.providers_file;
    record.text = *text;
    // Checked before it is stored: a broken file never becomes the one in use.
    if (!LoadProviderCatalogueFromString(record.text, record.file_name, diags))
      throw std::runtime_error("the provider catalogue does not load:\n" + diags.Format());
    stored = store_.PutProviderCatalogue(record, 0, SystemActor()).current;
    start_notes_.push_back("provider catalogue " + config_.providers_file + " stored as version " +
                           std::to_string(stored->id));
  }
  if (!stored) {
    if (!config_.engagements_file.empty())
      throw std::runtime_error("engagements need a provider catalogue (--providers)");
    UseProviders(nullptr, 0);
    return;
  }
  Diagnostics diags;
  std::optional<ProviderCatalogue> catalogue = LoadProviderCatalogueFromString(stored->text, stored->file_name, diags);
  if (!catalogue)
    throw std::runtime_error("the stored provider catalogue (version " + std::to_string(stored->id) +
                             ") does not load:\n" + diags.Format());
  auto shared = std::make_shared<const ProviderCatalogue>(std::move(*catalogue));
  UseProviders(shared, stored->id);
  if (config_.engagements_file.empty()) return;
  Diagnostics engagement_diags;
  std::optional<EngagementList> list = LoadEngagements(config_.engagements_file, *shared, engagement_diags);
  if (!list) throw std::runtime_error("the engagements do not load:\n" + engagement_diags.Format());
  std::vector<store::EngagementRecord> rows;
  const std::vector<store::Factory> factories = store_.ListFactories();
  for (const Engagement& e : list->engagements) {
    store::EngagementRecord r;
    r.provider = e.provider;
    r.credit_code = e.credit_code;
    r.factory_name = e.factory;
    for (const auto& f : factories)
      if ((!e.credit_code.empty() && f.credit_code == e.credit_code) || (e.credit_code.empty() && f.name == e.factory))
        r.factory_id = f.id;
    r.scenarios = e.scenarios;
    r.start = e.start;
    r.end = e.end;
    r.example = list->example;
    rows.push_back(std::move(r));
  }
  if (store_.SeedEngagements(rows, SystemActor()))
    start_notes_.push_back("engagements " + config_.engagements_file + ": " + std::to_string(rows.size()) + " stored");
  else
    start_notes_.push_back("the engagements in use are the store's; " + config_.engagements_file +
                           " is read only into a store without any");
}

WebApp::ProviderUpload WebApp::UploadProviders(const std::string& text, const std::string& upload_name,
                                               int64_t base_id, const store::Actor& actor) {
  ProviderUpload out;
  // Read where the catalogue in use is read, so that its named files resolve alike.
  std::optional<store::ProviderCatalogueRecord> current = store_.CurrentProviderCatalogue();
  const std::string base = current ? current->file_name
                           : config_.providers_file.empty() ? "providers/catalogue.yaml"
                                                            : config_.providers_file;
  std::string name = fs::path(upload_name).filename().string();
  if (name.empty() || name == "." || name == "..") name = "catalogue.yaml";
  const std::string file_name = (fs::path(base).parent_path() / name).string();
  CheckNamedFiles(text, file_name, out.diags);
  std::optional<ProviderCatalogue> catalogue;
  if (!out.diags.HasErrors()) catalogue = LoadProviderCatalogueFromString(text, file_name, out.diags);
  if (!catalogue || out.diags.HasErrors()) {
    out.status = ProviderUpload::kInvalid;
    return out;
  }
  // Nothing is lost: a provider that consultants, factories or engagements
  // name stays until they no longer do.
  std::set<std::string> used;
  for (const auto& u : store_.ListUsers())
    if (!u.provider.empty()) used.insert(u.provider);
  for (const auto& f : store_.ListFactories())
    if (!f.provider.empty()) used.insert(f.provider);
  for (const auto& e : store_.ListEngagements()) used.insert(e.provider);
  for (const auto& id : used)
    if (!catalogue->Find(id)) out.in_use.push_back(id);
  if (!out.in_use.empty()) {
    out.status = ProviderUpload::kInUse;
    return out;
  }
  store::ProviderCatalogueRecord record;
  record.file_name = file_name;
  record.text = text;
  auto saved = store_.PutProviderCatalogue(record, base_id, actor);
  if (saved.status != store::EditStatus::kSaved) {
    out.status = ProviderUpload::kConflict;
    return out;
  }
  out.providers = catalogue->providers.size();
  if (saved.current.id != providers_version())
    UseProviders(std::make_shared<const ProviderCatalogue>(std::move(*catalogue)), saved.current.id);
  return out;
}

}  // namespace fa::web
