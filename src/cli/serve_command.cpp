// `factory-assess serve` — the web app (docs/architecture.md "Web app",
// docs/api.md): opens and migrates the store, creates the first admin on
// first run, registers the shipped rubrics, serves until SIGTERM or SIGINT,
// then stops accepting and lets requests in flight finish.
#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <filesystem>
#include <ostream>

#include "cli/args.h"
#include "cli/command.h"
#include "cli/output_files.h"
#include "service/assess.h"
#include "store/store.h"
#include "web/demo_seed.h"
#include "web/server.h"
#include "web/web_app.h"

namespace fa {

namespace {
const char* kServeUsage =
    "usage: factory-assess serve [--listen 127.0.0.1:8080] [--db data/factory-assess.db]\n"
    "                            [--rubrics rubrics/] [--lang zh|en]\n\n"
    "Serves the web app: consultants fill in questionnaires (every answer saved as it is\n"
    "given), manufacturers read their reports, the commission ranks the district, admin\n"
    "manages users, factories and rubrics. The schema is migrated at start. On the first\n"
    "run an 'admin' account is created and its one-time password printed here (or taken\n"
    "from $FA_ADMIN_PASSWORD); it must be changed at first sign-in.\n\n"
    "options:\n"
    "  --listen HOST:PORT    address to bind (default 127.0.0.1:8080; port 0 picks a free one)\n"
    "  --db URL              SQLite file (default data/factory-assess.db), sqlite:PATH, or\n"
    "                        postgresql://user:pass@host:port/db\n"
    "  --rubrics DIR         shipped rubrics registered at start (default rubrics/)\n"
    "  --ranking DIR         ranking configs offered to the commission (default examples/ranking/)\n"
    "  --district FILE       the district's pick lists and profile fields (default\n"
    "                        districts/jiading.yaml beside the templates; docs/district-format.md)\n"
    "  --providers FILE      a service-provider catalogue (docs/providers.md): each diagnosis\n"
    "                        report shows the providers who can deliver its recommendations\n"
    "                        (with --demo, default providers/jiading-example.yaml); the\n"
    "                        commission's provider pages (/providers) list it\n"
    "  --engagements FILE    engagements of those providers (docs/providers.md \"Effect of\n"
    "                        services\"): the provider pages show their measured effect (with\n"
    "                        --demo, default providers/jiading-engagements-example.yaml)\n"
    "  --templates DIR       templates directory (default: the installed templates/)\n"
    "  --lang zh|en          default page language (default zh)\n"
    "  --tz ZONE             time zone pages and reports show times in: a tz database name\n"
    "                        or an offset like UTC+8 (default $FA_TZ, else Asia/Shanghai;\n"
    "                        stored times stay UTC)\n"
    "  --threads N           connections served at once (default %THREADS%; at least the\n"
    "                        clients' open connections; the store opens at most 32\n"
    "                        database connections, FA_STORE_MAX_CONNECTIONS)\n"
    "  --max-per-client N    connections one client address may hold open (default 16;\n"
    "                        0: no cap, e.g. behind a proxy that limits its clients)\n"
    "  --secure-cookies      mark cookies Secure and send HSTS (when served over HTTPS by a proxy)\n"
    "  --demo                into a store without factories, load the demo data: the example\n"
    "                        factories, one user per role (password $FA_DEMO_PASSWORD, else a\n"
    "                        one-time one printed here), the example assessments submitted\n"
    "                        and one open draft (examples/web/README.md)\n"
    "  --examples DIR        where the demo data is (default examples/)\n"
    "  --quiet               no request log\n"
    "  -h, --help            this help\n";

std::string Usage() {
  std::string usage = kServeUsage;
  const std::string mark = "%THREADS%";
  usage.replace(usage.find(mark), mark.size(), std::to_string(web::DefaultThreads()));
  return usage;
}
/// Reads the number of option `name` into `value` (kept when the option is
/// absent); the problem, or "" when it is fine.
std::string ReadCount(const Args& args, const char* name, int lo, int hi, int& value) {
  auto text = args.Value(name);
  if (!text) return "";
  try {
    size_t used = 0;
    value = std::stoi(*text, &used);
    if (used == text->size() && value >= lo && value <= hi) return "";
  } catch (const std::exception&) {
  }
  return std::string(name) + " needs a number from " + std::to_string(lo) + " to " + std::to_string(hi);
}
/// First run: creates `admin` (password from $FA_ADMIN_PASSWORD, else a
/// one-time one shown once on `err`).
void BootstrapAdmin(web::WebApp& app, std::ostream& err) {
  const char* env_pw = std::getenv("FA_ADMIN_PASSWORD");
  std::string pw = app.BootstrapAdmin(env_pw ? env_pw : "");
  if (!pw.empty()) {
    if (env_pw)
      err << "serve: first run: created user 'admin' with the password from $FA_ADMIN_PASSWORD"
             " (to be changed at first sign-in)\n";
    else
      err << "serve: first run: created user 'admin' with the one-time password\n\n    " << pw
          << "\n\n(shown once; it must be changed at first sign-in)\n";
  }
}
}  // namespace

int RunServe(CommandContext& ctx) {
  Args args(ctx.args, {"--listen", "--db", "--rubrics", "--ranking", "--district", "--examples", "--templates", "--lang",
             "--threads", "--max-per-client", "--tz", "--providers", "--engagements"},
            {"-h", "--help", "--secure-cookies", "--quiet", "--demo"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << Usage();
    return kExitOk;
  }
  web::ServerOptions server;
  std::string lang = args.Value("--lang").value_or("zh");
  std::string problem = !args.ok() ? args.error()
                        : !args.positional().empty() ? "unexpected argument '" + args.positional()[0] + "'"
                        : (lang != "zh" && lang != "en") ? "--lang must be zh or en, got '" + lang + "'"
                        : !web::ParseListen(args.Value("--listen").value_or("127.0.0.1:8080"), server.host, server.port)
                            ? "--listen needs HOST:PORT, got '" + args.Value("--listen").value_or("") + "'"
                            : "";
  if (problem.empty()) problem = ReadCount(args, "--threads", 1, 256, server.threads);
  int max_per_client = web::WebConfig().max_connections_per_client;
  if (problem.empty()) problem = ReadCount(args, "--max-per-client", 0, 10000, max_per_client);
  const TimeZone zone = TimeZoneOption(args, problem);
  if (!problem.empty()) {
    ctx.err << "serve: " << problem << "\n" << Usage();
    return kExitUsage;
  }
  server.log_requests = !args.Has("--quiet");

  const std::string db = args.Value("--db").value_or("data/factory-assess.db");
  const bool is_url = db.find("://") != std::string::npos || db.rfind("sqlite:", 0) == 0;
  if (!is_url) {
    std::filesystem::path parent = std::filesystem::path(db).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  // Block the stop signals in every thread; this one waits for them below.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client that goes away must not end the server

  std::unique_ptr<store::Store> st;
  try {
    st = store::OpenStore(db);
  } catch (const store::StoreError& e) {
    ctx.err << "serve: error: " << e.what() << "\n";
    return kExitInternal;
  }
  ctx.err << "serve: store " << st->Engine() << " " << store::MaskUrl(db) << ", schema version "
          << st->SchemaVersion() << "\n";

  web::WebConfig config;
  config.templates_dir = TemplatesDir(args);
  config.rubrics_dir = args.Value("--rubrics").value_or("rubrics");
  config.ranking_dir = args.Value("--ranking").value_or("examples/ranking");
  config.district_file = args.Value("--district").value_or("");
  // The demo's example factories are matched with the example catalogue.
  const std::string demo_providers = "providers/jiading-example.yaml";
  config.providers_file = args.Value("--providers").value_or(
      args.Has("--demo") && std::filesystem::exists(demo_providers) ? demo_providers : "");
  // …and their example engagements go with the example catalogue.
  const std::string demo_engagements = "providers/jiading-engagements-example.yaml";
  config.engagements_file = args.Value("--engagements").value_or(
      args.Has("--demo") && config.providers_file == demo_providers && std::filesystem::exists(demo_engagements)
          ? demo_engagements
          : "");
  config.default_lang = lang;
  config.secure_cookies = args.Has("--secure-cookies");
  config.max_connections_per_client = max_per_client;
  config.zone = zone;
  std::unique_ptr<web::WebApp> made;
  try {
    made = std::make_unique<web::WebApp>(*st, config);
  } catch (const std::runtime_error& e) {  // a template, the district file or the provider catalogue
    ctx.err << "serve: error: " << e.what() << "\n";
    return kExitBadInput;
  }
  web::WebApp& app = *made;
  for (const auto& line : app.start_notes()) ctx.err << "serve: " << line << "\n";

  BootstrapAdmin(app, ctx.err);
  for (const auto& line : app.rubrics().RegisterShipped(config.rubrics_dir)) ctx.err << "serve: " << line << "\n";
  if (args.Has("--demo")) {
    const char* demo_pw = std::getenv("FA_DEMO_PASSWORD");
    try {
      for (const auto& line : web::SeedDemo(app, args.Value("--examples").value_or("examples"), demo_pw ? demo_pw : ""))
        ctx.err << "serve: " << line << "\n";
    } catch (const web::DemoSeedError& e) {
      ctx.err << "serve: error: " << e.what() << "\n";
      return kExitBadInput;
    }
  }

  std::unique_ptr<web::WebServer> http;
  try {
    http = std::make_unique<web::WebServer>(app, server, ctx.err);
  } catch (const std::exception& e) {
    ctx.err << "serve: error: " << e.what() << "\n";  // names the address (web/server.h)
    return kExitInternal;
  }
  ctx.err << "serve: listening on http://" << server.host << ":" << http->port() << "/\n" << std::flush;

  int sig = 0;
  sigwait(&stop, &sig);
  ctx.err << "serve: " << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ": stopping\n";
  http->Stop(10000);
  ctx.err << "serve: stopped\n";
  return kExitOk;
}

}  // namespace fa
