// The web app as a function from WebRequest to WebResponse: language,
// session and CSRF checks, role checks from the route table, security
// headers on every response, errors as pages or JSON. server.h puts it
// behind Poco's HTTPServer; tests may call Handle() directly.
//
// The routes are tables of named handlers, one file per resource
// (route_table.h); the per-factory scope checks are access_policy.h.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "assessment/assessment.h"
#include "providers/engagement.h"
#include "providers/provider.h"
#include "rubric/district.h"
#include "service/draft_standing.h"
#include "store/store.h"
#include "web/access_policy.h"
#include "web/http_message.h"
#include "web/login_throttle.h"
#include "web/page_renderer.h"
#include "web/peer_cohorts.h"
#include "web/render_slots.h"
#include "web/report_cache.h"
#include "web/request_context.h"
#include "web/router.h"
#include "web/rubric_catalog.h"
#include "web/session_manager.h"
#include "web/web_config.h"

namespace fa {
class DiagnosisReportRenderer;
}

namespace fa::web {

class WebApp {
 public:
  /// `store` must outlive the app. Throws std::runtime_error when a
  /// template or the district file is missing or malformed.
  WebApp(store::Store& store, WebConfig config);
  ~WebApp();

  WebResponse Handle(WebRequest& request);

  /// First run: when there is no user, creates `admin` with `password`
  /// (random when empty), flagged must_change_password. Returns the
  /// password used, or "" when users exist.
  std::string BootstrapAdmin(const std::string& password);

  store::Store& store() { return store_; }
  RubricCatalog& rubrics() { return catalog_; }
  const WebConfig& config() const { return config_; }
  /// The district's pick lists and profile fields, read at start.
  const District& district() const { return *district_; }
  std::shared_ptr<const District> shared_district() const { return district_; }
  /// The service-provider catalogue in use: the store's newest version
  /// (whichever server stored it), which the first start reads from
  /// `serve --providers`; null when none.
  /// A request keeps the one it got: an upload replaces it for later ones.
  std::shared_ptr<const ProviderCatalogue> providers();
  /// The store's id of providers() (0 when none).
  int64_t providers_version();
  /// The engagements the store holds (the first start reads them from
  /// `serve --engagements`; the admin records more); null when none.
  std::shared_ptr<const EngagementList> engagements();
  /// Checks `text` as a provider catalogue named `upload_name` and, when it
  /// reads and no provider still in use is missing from it, stores it as
  /// the one in use, against `base_id` (providers_version() when the admin
  /// opened the page); web_app_providers.cpp.
  struct ProviderUpload {
    enum Status { kSaved, kInvalid, kInUse, kConflict } status = kSaved;
    Diagnostics diags;                  ///< kInvalid: the catalogue's problems
    std::vector<std::string> in_use;    ///< kInUse: provider ids still in use, missing from it
    size_t providers = 0;               ///< kSaved: how many it lists
  };
  ProviderUpload UploadProviders(const std::string& text, const std::string& upload_name, int64_t base_id,
                                 const store::Actor& actor);
  /// What the start did with `--providers` and `--engagements`, for the log.
  const std::vector<std::string>& start_notes() const { return start_notes_; }
  const Router& router() const { return router_; }

  // ---- shared by the handlers ----
  /// Rendered diagnosis report of a submitted assessment ("" when none).
  /// Rendered once per (assessment, language) and then served from the
  /// report cache (report_cache.h); the caller checks the reader's scope.
  std::string ReportHtml(const store::AssessmentRecord& record, const std::string& lang);
  /// The report page of a submitted assessment: ReportHtml with `nonce`
  /// (a fresh one when empty) on its styles and the CSP that allows them
  /// (see ReportCsp).
  WebResponse ReportPage(const store::AssessmentRecord& record, const std::string& lang,
                         const std::string& nonce = "");
  ReportCache& report_cache() { return report_cache_; }
  /// InlineHash of each inline script the report templates hold (the
  /// ranking report's sorting and filter): the only scripts a generated
  /// report page may run.
  const std::set<std::string>& trusted_scripts() const { return trusted_scripts_; }
  std::map<int64_t, std::string> UserNames();
  /// The assessment's saved answers as its answers document, signed off by
  /// `submitter` on today's local date, scored the way `factory-assess
  /// score` scores that file (service/assess.h), stamped with the server's
  /// clock; nullopt with the problems in `diags`.
  std::optional<Assessment> ScoreSaved(const AssessmentInScope& a, const CompiledRubric& rubric,
                                       const std::string& submitter, Diagnostics& diags);
  /// Where the saved answers `answers` of `a` stand while it is a draft
  /// (service/draft_standing.h), read as the answers document the submit
  /// would score.
  DraftStanding StandingOfSaved(const AssessmentInScope& a, const CompiledRubric& rubric,
                                const std::vector<store::AnswerRecord>& answers);
  PageRenderer& pages() { return *pages_; }
  SessionManager& sessions() { return sessions_; }
  LoginThrottle& throttle() { return throttle_; }
  /// Turns for PDF printing (config().max_pdf_renders at once).
  RenderSlots& pdf_slots() { return pdf_slots_; }

 private:
  std::shared_ptr<const PreparedReport> CachedReport(const store::AssessmentRecord& record, const std::string& lang);
  WebResponse Dispatch(WebRequest& request, RequestContext& ctx);
  /// A refusal before any handler: JSON {error, code, details} for the API,
  /// the message page (`title`, `message`) otherwise.
  WebResponse Refuse(const RequestContext& ctx, int status, const std::string& code, const std::string& english,
                     const std::string& title, const std::string& message,
                     const std::vector<std::string>& details = {});
  void AddSecurityHeaders(const RequestContext& ctx, WebResponse& response);

  /// What changes when the admin uploads a provider catalogue: the
  /// catalogue and the report renderers that show it (by language).
  struct ProviderState {
    std::shared_ptr<const ProviderCatalogue> catalogue;
    int64_t id = 0;  ///< the store's
    std::map<std::string, std::shared_ptr<const DiagnosisReportRenderer>> reports;
  };
  /// The state in use, read again from the store when another server has
  /// stored a newer catalogue.
  std::shared_ptr<const ProviderState> provider_state();
  /// Makes `catalogue` (stored as `id`) the one in use.
  void UseProviders(std::shared_ptr<const ProviderCatalogue> catalogue, int64_t id);
  /// At start: the store's catalogue, else the file's stored first; the
  /// file's engagements stored when the store has none.
  void LoadProviders();

  WebConfig config_;
  std::shared_ptr<const District> district_;
  mutable std::mutex provider_mutex_;
  std::shared_ptr<const ProviderState> provider_state_;
  int64_t unreadable_version_ = -1;  ///< a stored version this server could not read
  std::chrono::steady_clock::time_point provider_checked_;  ///< when the store was last asked
  std::vector<std::string> start_notes_;
  /// Called from every request thread at once: the store is thread-safe
  /// (store.h), each call on a pooled connection of its own.
  store::Store& store_;
  SessionManager sessions_;
  LoginThrottle throttle_;
  RubricCatalog catalog_;
  PeerCohorts peers_;
  Router router_;
  std::unique_ptr<PageRenderer> pages_;
  ReportCache report_cache_;
  std::set<std::string> trusted_scripts_;
  RenderSlots pdf_slots_;
};

/// The providers of `catalogue` (none when null) as the <option>s of a
/// select ("id", "name" in `lang`, "selected" for `selected`), in catalogue
/// order; web_app_providers.cpp.
std::vector<EscapedView> ProviderOptions(const ProviderCatalogue* catalogue, const std::string& selected,
                                         const std::string& lang);

/// Adds a nonce to every <style> of a generated report and allows the exact
/// style="" attribute values it holds by their hashes: the report keeps its
/// inline CSS under a CSP without 'unsafe-inline'. Returns the CSP.
/// Inline scripts run only when their hash is in `trusted_scripts`
/// (WebApp::trusted_scripts: the templates' own).
std::string ReportCsp(std::string& html, const std::set<std::string>& trusted_scripts = {});

}  // namespace fa::web
