// Inline definitions for test_server.h (the test build compiles only
// *_test.cpp files, so the helper lives in headers).
#pragma once

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <csignal>

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "base/json_writer.h"
#include "base/text.h"
#include "web/password.h"

namespace fa::webtest {

inline std::string HttpResult::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

inline Poco::JSON::Object::Ptr HttpResult::Json() const {
  try {
    Poco::JSON::Parser parser;
    auto v = parser.parse(body);
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) return v.extract<Poco::JSON::Object::Ptr>();
  } catch (const std::exception&) {
  }
  return nullptr;
}

inline TestServer::TestServer(const std::function<void(web::WebConfig&)>& tweak, const std::string& store_url) {
  std::signal(SIGPIPE, SIG_IGN);  // a refused upload may close the connection
  store_ = store::OpenStore(store_url.empty() ? (dir_ / "test.db").string() : store_url);
  web::WebConfig config;
  config.templates_dir = std::string(FA_SOURCE_DIR) + "/templates";
  config.rubrics_dir = std::string(FA_SOURCE_DIR) + "/rubrics";
  config.ranking_dir = std::string(FA_SOURCE_DIR) + "/examples/ranking";
  config.env = &clock;
  if (tweak) tweak(config);
  app_ = std::make_unique<web::WebApp>(*store_, config);
  app_->rubrics().RegisterShipped(config.rubrics_dir);
  web::ServerOptions options;
  options.port = 0;
  options.threads = 8;
  server_ = std::make_unique<web::WebServer>(*app_, options, log_);
}

inline TestServer::~TestServer() {
  server_.reset();
  app_.reset();
  store_.reset();
}

inline HttpResult TestServer::Send(const std::string& method, const std::string& path, const std::string& body,
                                   const std::map<std::string, std::string>& headers) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port()));
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [k, v] : headers) request.set(k, v);
  if (!body.empty() || method == "POST" || method == "PUT") request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  std::ostream& out = session.sendRequest(request);
  out << body;
  Poco::Net::HTTPResponse response;
  HttpResult r;
  try {
    std::istream& in = session.receiveResponse(response);
    Poco::StreamCopier::copyToString(in, r.body);
  } catch (const Poco::Exception&) {
    // The server may close the connection after refusing a large body.
    r.status = response.getStatus();
  }
  r.status = response.getStatus();
  for (const auto& [k, v] : response) {
    std::string lower = k;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers.emplace(lower, v);
  }
  return r;
}

inline int64_t TestServer::RubricPk(const std::string& rubric_id) {
  for (const auto& r : store_->ListRubrics())
    if (r.rubric_id == rubric_id) return r.id;
  return 0;
}

inline std::string Client::CookieHeader() const {
  std::string out;
  for (const auto& [k, v] : cookies) out += (out.empty() ? "" : "; ") + k + "=" + v;
  return out;
}

inline void Client::Remember(const HttpResult& r) {
  auto range = r.headers.equal_range("set-cookie");
  for (auto it = range.first; it != range.second; ++it) {
    const std::string& c = it->second;
    size_t eq = c.find('='), semi = c.find(';');
    std::string name = c.substr(0, eq), value = c.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
    if (value.empty() || c.find("Max-Age=0") != std::string::npos)
      cookies.erase(name);
    else
      cookies[name] = value;
  }
}

inline HttpResult Client::Send(const std::string& method, const std::string& path, const std::string& body,
                               const std::string& content_type, bool with_csrf) {
  std::map<std::string, std::string> headers;
  if (!cookies.empty()) headers["Cookie"] = CookieHeader();
  if (!content_type.empty()) headers["Content-Type"] = content_type;
  if (with_csrf && !csrf.empty() && method != "GET") headers["X-CSRF-Token"] = csrf;
  HttpResult r = server_.Send(method, path, body, headers);
  Remember(r);
  return r;
}

inline HttpResult Client::PostForm(const std::string& path, const std::string& fields) {
  std::string body = "csrf=" + web::UrlEncode(csrf) + (fields.empty() ? "" : "&" + fields);
  return Send("POST", path, body, "application/x-www-form-urlencoded", false);
}

inline bool Client::Login(const std::string& username, const std::string& password) {
  HttpResult boot = Get("/api/csrf");
  if (boot.status != 200) return false;
  csrf = boot.Json()->getValue<std::string>("csrf");
  JsonWriter w(false);
  w.BeginObject().Field("username", username).Field("password", password).EndObject();
  HttpResult r = PostJson("/api/login", w.str());
  if (r.status != 200) return false;
  csrf = r.Json()->getValue<std::string>("csrf");
  return true;
}

/// Canonical JSON of a checked answer, as the store keeps it.
inline std::string AnswerValueJson(const Answer& a) {
  switch (a.kind) {
    case AnswerKind::kNotApplicable: return "\"na\"";
    case AnswerKind::kNumber: return FormatNumber(a.number);
    case AnswerKind::kBool: return a.boolean ? "true" : "false";
    case AnswerKind::kOptions: {
      JsonWriter w(false);
      w.BeginArray();
      for (const auto& o : a.options) w.String(o);
      w.EndArray();
      return w.str();
    }
    case AnswerKind::kNone: return "null";
    default: return JsonQuote(a.text);
  }
}

inline void AnswerAsExample(TestServer& server, Client& c, int64_t assessment, int64_t rubric_pk) {
  Diagnostics diags;
  std::optional<AnswerSet> set =
      LoadAnswerSet(std::string(FA_SOURCE_DIR) + "/examples/sme-machining-waigang.yaml", diags);
  REQUIRE(set);
  auto rubric = server.app().rubrics().Get(rubric_pk);
  REQUIRE(rubric);
  REQUIRE(CheckAnswers(*rubric->rubric, *set, diags));
  for (const auto& ans : set->answers) {
    HttpResult r = c.PutJson("/api/assessments/" + std::to_string(assessment) + "/answers/" +
                                 web::UrlEncode(ans.criterion),
                             "{\"value\": " + AnswerValueJson(ans) + ", \"version\": 0}");
    INFO(ans.criterion << ": " << r.body);
    REQUIRE(r.status == 200);
  }
}

inline World Seed(TestServer& server) {
  World w;
  store::Store& st = server.store();
  store::Actor system;
  system.username = "system";
  // The example's profile, with a hostile name.
  Diagnostics diags;
  const std::string example = std::string(FA_SOURCE_DIR) + "/examples/sme-machining-waigang.yaml";
  std::optional<AnswerSet> set = LoadAnswerSet(example, diags);
  REQUIRE(set);
  w.rubric_sme = server.RubricPk("sme-digital-2024");
  REQUIRE(w.rubric_sme > 0);
  auto rubric = server.app().rubrics().Get(w.rubric_sme);
  REQUIRE(rubric);
  REQUIRE(CheckAnswers(*rubric->rubric, *set, diags));

  store::Factory own;
  own.credit_code = set->factory.credit_code;
  own.name = std::string(kHostile) + " 精密机械";
  own.town = set->factory.town;
  own.industry = set->factory.industry;
  own.manufacturing_type = set->factory.manufacturing_type;
  own.employees = set->factory.employees;
  own.revenue = set->factory.revenue;
  w.factory_own = st.CreateFactory(own, system).current.id;
  store::Factory other;
  other.name = "另一家企业 Other Co";
  other.credit_code = "91310000MA1K000002";
  other.town = "马陆镇";
  other.industry = "biomedicine";
  w.factory_other = st.CreateFactory(other, system).current.id;

  auto user = [&](const std::string& name, store::Role role, std::optional<int64_t> factory) {
    store::User u;
    u.username = name;
    u.display_name = name + " 显示名";
    u.role = role;
    u.factory_id = factory;
    u.password_hash = web::HashPassword(kPassword, 1000);  // fast for tests
    auto r = st.CreateUser(u, system);
    REQUIRE(r.status == store::EditStatus::kSaved);
    return r.current.id;
  };
  w.admin = user("admin", store::Role::kAdmin, std::nullopt);
  w.consultant_a = user("consultant-a", store::Role::kConsultant, std::nullopt);
  w.consultant_b = user("consultant-b", store::Role::kConsultant, std::nullopt);
  w.manufacturer_own = user("maker-own", store::Role::kManufacturer, w.factory_own);
  w.manufacturer_other = user("maker-other", store::Role::kManufacturer, w.factory_other);
  w.commission = user("commission", store::Role::kCommission, std::nullopt);
  w.spare = user("spare", store::Role::kConsultant, std::nullopt);
  st.Assign(w.consultant_a, w.factory_own, system);
  st.Assign(w.consultant_b, w.factory_other, system);

  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  auto create = [&](int64_t factory) {
    HttpResult r = a.PostJson("/api/factories/" + std::to_string(factory) + "/assessments",
                              "{\"rubric\": " + std::to_string(w.rubric_sme) + ", \"round\": \"2026\"}");
    REQUIRE(r.status == 201);
    return r.Json()->getValue<int64_t>("id");
  };
  w.submitted = create(w.factory_own);
  for (const auto& ans : set->answers) {
    std::string value = AnswerValueJson(ans);
    std::string json = "{\"value\": " + value + ", \"evidence\": " + JsonQuote(ans.evidence) +
                       ", \"note\": " + JsonQuote(ans.note.empty() ? "" : ans.note) + ", \"version\": 0}";
    HttpResult r = a.PutJson("/api/assessments/" + std::to_string(w.submitted) + "/answers/" + web::UrlEncode(ans.criterion), json);
    INFO(ans.criterion << ": " << r.body);
    REQUIRE(r.status == 200);
  }
  HttpResult s = a.PostJson("/api/assessments/" + std::to_string(w.submitted) + "/submit", "{}");
  INFO(s.body);
  REQUIRE(s.status == 200);
  w.draft = create(w.factory_own);
  {
    // consultant B's draft of the other factory
    Client b(server);
    REQUIRE(b.Login("consultant-b", kPassword));
    HttpResult r = b.PostJson("/api/factories/" + std::to_string(w.factory_other) + "/assessments",
                              "{\"rubric\": " + std::to_string(w.rubric_sme) + ", \"round\": \"2026\"}");
    REQUIRE(r.status == 201);
    w.other_draft = r.Json()->getValue<int64_t>("id");
  }
  return w;
}

inline const char* AsName(As as) {
  switch (as) {
    case As::kAnonymous: return "anonymous";
    case As::kAdmin: return "admin";
    case As::kConsultantAssigned: return "consultant assigned";
    case As::kConsultantUnassigned: return "consultant unassigned";
    case As::kManufacturerOwn: return "manufacturer own";
    case As::kManufacturerOther: return "manufacturer other";
    case As::kCommission: return "commission";
  }
  return "?";
}

inline std::map<As, std::unique_ptr<Client>> ClientsFor(TestServer& server, const World&) {
  std::map<As, std::unique_ptr<Client>> out;
  const std::pair<As, const char*> users[] = {{As::kAdmin, "admin"},
                                              {As::kConsultantAssigned, "consultant-a"},
                                              {As::kConsultantUnassigned, "consultant-b"},
                                              {As::kManufacturerOwn, "maker-own"},
                                              {As::kManufacturerOther, "maker-other"},
                                              {As::kCommission, "commission"}};
  out[As::kAnonymous] = std::make_unique<Client>(server);
  for (const auto& [as, name] : users) {
    auto c = std::make_unique<Client>(server);
    REQUIRE(c->Login(name, kPassword));
    out[as] = std::move(c);
  }
  return out;
}

}  // namespace fa::webtest
