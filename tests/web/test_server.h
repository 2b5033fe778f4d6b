// An in-process web server for tests: a temporary SQLite store, the shipped
// rubrics registered, the app on 127.0.0.1 with port 0, an injectable
// clock, and a small HTTP client (Poco::Net::HTTPClientSession) with a
// cookie jar and the CSRF token of its session. Reusable by the crash and
// browser end-to-end tests: TestServer::Url() is the base address.
#pragma once

#include <Poco/JSON/Object.h>

#include "answers/answer_set.h"

#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "base/env.h"
#include "store/store.h"
#include "web/server.h"
#include "web/web_app.h"

namespace fa::webtest {

struct HttpResult {
  int status = 0;
  std::string body;
  std::multimap<std::string, std::string> headers;  ///< names in lower case
  std::string Header(const std::string& lower_name) const;
  /// The body parsed as a JSON object (null when it is not one).
  Poco::JSON::Object::Ptr Json() const;
};

/// A thread-safe string sink for the server's request log.
class LogSink : public std::stringbuf {
 public:
  std::string Text() {
    std::lock_guard<std::mutex> lock(mutex_);
    return str();
  }

 protected:
  int sync() override { return 0; }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::stringbuf::xsputn(s, n);
  }

 private:
  std::mutex mutex_;
};

class TestServer {
 public:
  /// `tweak` may change the config (limits, expiry) before the app starts.
  /// `store_url`: a store of the caller's (several servers on one database);
  /// by default a SQLite file of the server's own temp directory.
  explicit TestServer(const std::function<void(web::WebConfig&)>& tweak = {}, const std::string& store_url = "");
  ~TestServer();

  int port() const { return server_->port(); }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port()); }
  web::WebApp& app() { return *app_; }
  store::Store& store() { return *store_; }
  const std::filesystem::path& dir() const { return dir_; }
  std::string Log() { return log_buf_.Text(); }

  /// The app's clock: it starts at the real time and stands still until
  /// advanced.
  FixedClockEnv clock{std::time(nullptr)};
  void Advance(int seconds) { clock.Advance(seconds); }

  /// One request; `headers` are sent as given.
  HttpResult Send(const std::string& method, const std::string& path, const std::string& body = "",
                  const std::map<std::string, std::string>& headers = {});

  /// The store id of a shipped rubric by its `rubric:` id.
  int64_t RubricPk(const std::string& rubric_id);

 private:
  TempDir tmp_{"fa-web-test"};  ///< removed after everything below
  std::filesystem::path dir_ = tmp_.path();
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<web::WebApp> app_;
  LogSink log_buf_;
  std::ostream log_{&log_buf_};
  std::unique_ptr<web::WebServer> server_;
};

/// A browser-like client: keeps cookies, sends the session's CSRF token.
class Client {
 public:
  explicit Client(TestServer& server) : server_(server) {}

  /// Signs in through the API (CSRF bootstrap, then /api/login); true on 200.
  bool Login(const std::string& username, const std::string& password);
  HttpResult Get(const std::string& path) { return Send("GET", path); }
  HttpResult PostJson(const std::string& path, const std::string& json) {
    return Send("POST", path, json, "application/json");
  }
  HttpResult PutJson(const std::string& path, const std::string& json) {
    return Send("PUT", path, json, "application/json");
  }
  /// A form post; the session's CSRF token is added as the `csrf` field.
  HttpResult PostForm(const std::string& path, const std::string& fields);
  HttpResult Send(const std::string& method, const std::string& path, const std::string& body = "",
                  const std::string& content_type = "", bool with_csrf = true);

  std::string csrf;
  std::map<std::string, std::string> cookies;
  std::string CookieHeader() const;

 private:
  void Remember(const HttpResult& r);
  TestServer& server_;
};

/// Who is who in the seeded world.
struct World {
  int64_t factory_own = 0, factory_other = 0;  ///< "own": the manufacturer's, assigned to consultant A
  int64_t admin = 0, consultant_a = 0, consultant_b = 0, manufacturer_own = 0, manufacturer_other = 0,
          commission = 0, spare = 0;
  int64_t rubric_sme = 0;
  int64_t draft = 0;      ///< a draft of factory_own (consultant A's)
  int64_t submitted = 0;  ///< a submitted assessment of factory_own
  int64_t other_draft = 0;  ///< a draft of factory_other
};

/// Every seeded user's password.
constexpr const char* kPassword = "correct horse battery";
/// A name, note and evidence text that must always come back escaped.
constexpr const char* kHostile = "<script>alert(1)</script> \"q\" & 'a' <b>";

/// Seeds users of every role, two factories (the own one named kHostile-ish),
/// assignments, a draft and a submitted assessment (answers of
/// examples/sme-machining-waigang.yaml, saved through the API).
World Seed(TestServer& server);

/// Saves every answer of examples/sme-machining-waigang.yaml to a fresh draft
/// of rubric sme-digital-2024 through the API (first saves, version 0).
void AnswerAsExample(TestServer& server, Client& c, int64_t assessment, int64_t rubric_pk);

/// The roles of the access matrix, in its column order.
enum class As { kAnonymous, kAdmin, kConsultantAssigned, kConsultantUnassigned, kManufacturerOwn,
                kManufacturerOther, kCommission };
const char* AsName(As as);
/// A signed-in client per role (anonymous: none).
std::map<As, std::unique_ptr<Client>> ClientsFor(TestServer& server, const World& world);

/// A report page without the web app's bar (templates/web/report_bar.html),
/// which WithBar in src/web/report_routes.cpp puts after <body>: what is left
/// is the report itself. Unchanged when there is no bar.
inline std::string StripWebChrome(std::string html) {
  const std::string open = "\n<!-- web-chrome -->", close = "<!-- /web-chrome -->\n";
  const size_t at = html.find(open);
  const size_t end = at == std::string::npos ? std::string::npos : html.find(close, at);
  if (end != std::string::npos) html.erase(at, end + close.size() - at);
  return html;
}

}  // namespace fa::webtest

#include "test_server_impl.h"
