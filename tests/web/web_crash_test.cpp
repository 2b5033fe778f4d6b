// Crash test of the web app (issue #6 item 6): the real `factory-assess
// serve` (FA_BINARY) runs as a child process; a consultant fires a burst of
// autosaves (PUT …/answers/{criterion} with versions) from a few threads;
// the server is killed with SIGKILL in the middle of the burst and started
// again on the same database. Every save answered 200 must be stored with
// its value, evidence and version (a save cut off by the kill may or may not
// be, but nothing else may differ), and the database must not be corrupt.
// Runs on SQLite always and on PostgreSQL when FA_TEST_PG_URL names a
// database (in a schema of its own, `fa_web_crash_test_PID_N`, dropped
// afterwards).
#include <doctest/doctest.h>

#include "skip_check.h"
#include <signal.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "base/env.h"
#include "base/json_writer.h"
#include "store/sql_conn.h"
#include "store/sql_dialect.h"
#include "store/store.h"
#include "server_process.h"
#include "../store/store_fixture.h"

namespace fa::webcrash {
namespace {

constexpr const char* kAdminPassword = "crash-admin-first-pw";
constexpr const char* kConsultantPassword = "crash-consultant-pw";

/// `r` must have `status`; its body is shown when not.
int64_t IdOf(const Reply& r, int status, const std::string& what) {
  INFO(what << ": " << r.status << " " << r.body);
  REQUIRE(r.status == status);
  REQUIRE(r.Json());
  return r.Json()->getValue<int64_t>("id");
}

// ---------------------------------------------------------------- the burst

/// The multiple-choice questions of sme-digital-2024 and their options, in
/// rubric order (a list value is stored as given when in rubric order).
const std::vector<std::pair<std::string, std::vector<std::string>>>& Questions() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> q = {
      {"foundation.network", {"shopfloor_network", "application_network", "network_5g", "full_coverage"}},
      {"foundation.network_security", {"policy", "products", "risk_assessment", "access_detection"}},
      {"foundation.data_security", {"policy", "products", "risk_assessment", "inventory_checks"}},
      {"management.mechanisms", {"transformation_process", "it_operations", "data_resources", "incentives"}},
      {"management.talent", {"staff", "dedicated_unit", "training", "performance_pay", "pipeline"}},
      {"foundation.data_collection", {"product_design", "process_design", "marketing", "after_sales"}},
  };
  return q;
}

/// What one save wrote: the options, a unique evidence text, the version.
struct Saved {
  std::vector<std::string> value;
  std::string evidence;
  int64_t version = 0;
};

/// Per question: the last save acknowledged (200) and the save that was cut
/// off by the kill (sent, no response), if any.
struct Track {
  std::optional<Saved> acked;
  std::optional<Saved> cut_off;
  int acked_count = 0;
};

std::string SaveBody(const Saved& s, int64_t base_version) {
  JsonWriter w(false);
  w.BeginObject().Key("value").BeginArray();
  for (const auto& o : s.value) w.String(o);
  w.EndArray().Field("evidence", s.evidence).Field("note", "crash test").Key("version").Int(base_version).EndObject();
  return w.str();
}

/// A thread's share of the burst: saves its questions round-robin, each with
/// the version its last acknowledged save returned, until a save gets no
/// response (the server is gone) or `stop` is set.
void Burst(int port, const Client& signed_in, int64_t assessment, int thread, const std::vector<size_t>& mine,
           std::map<std::string, Track>& tracks, std::atomic<int>& acked_total, std::atomic<bool>& stop,
           std::vector<std::string>& unexpected) {
  Client c(port, signed_in);
  for (int n = 0; !stop; ++n) {
    const auto& [criterion, options] = Questions()[mine[n % mine.size()]];
    Track& t = tracks.at(criterion);  // only this thread's questions: no race
    Saved s;
    for (size_t i = 0; i < options.size(); ++i)
      if ((n + thread + 1) >> i & 1) s.value.push_back(options[i]);
    s.evidence = "t" + std::to_string(thread) + "-save-" + std::to_string(n);
    const int64_t base = t.acked ? t.acked->version : 0;
    Reply r = c.Send("PUT", "/api/assessments/" + std::to_string(assessment) + "/answers/" + criterion, SaveBody(s, base));
    if (r.status == 0) {
      s.version = base + 1;
      t.cut_off = s;
      return;
    }
    if (r.status != 200 || !r.Json()) {
      unexpected.push_back(criterion + ": " + std::to_string(r.status) + " " + r.body);
      return;
    }
    s.version = r.Json()->getValue<int64_t>("version");
    t.acked = s;
    ++t.acked_count;
    ++acked_total;
  }
}

std::vector<std::string> ArrayOfStrings(const Poco::Dynamic::Var& v) {
  std::vector<std::string> out;
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) return {"<not a list: " + v.toString() + ">"};
  for (const auto& item : *v.extract<Poco::JSON::Array::Ptr>()) out.push_back(item.convert<std::string>());
  return out;
}

std::string Show(const Saved& s) {
  std::string v;
  for (const auto& o : s.value) v += (v.empty() ? "" : ",") + o;
  return "[" + v + "] '" + s.evidence + "' v" + std::to_string(s.version);
}

/// Every save bumps its answer's version by one and writes one audit row in
/// the same transaction, so the two counts agree ("" when they do).
std::string AnswersAgreeWithAudit(store::SqlConn& conn) {
  auto saves = conn.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'answer.save'");
  auto versions = conn.QueryInt("SELECT COALESCE(SUM(version), 0) FROM answers");
  if (!saves || !versions) return "cannot count the answers";
  if (*saves != *versions)
    return "audit rows of answer saves (" + std::to_string(*saves) + ") differ from the answers' versions (" +
           std::to_string(*versions) + ")";
  return "";
}

/// The whole test against the database `db` (a SQLite path or a URL).
/// `integrity` checks the database files after the kill ("" when sound).
void CrashAndRecover(const std::string& db, const std::function<std::string()>& integrity) {
  int64_t assessment = 0;
  std::map<std::string, Track> tracks;
  std::atomic<int> acked_total{0};
  std::vector<std::vector<std::string>> unexpected(3);
  {
    ServerProcess server(db, kAdminPassword);
    REQUIRE_MESSAGE(server.port() != 0, server.Log());
    const int port = server.port();

    // Set up a consultant, a factory, an assignment and a draft.
    Client admin(port);
    REQUIRE(admin.Login("admin", kAdminPassword));
    REQUIRE(admin.Send("POST", "/api/password", R"({"current": ")" + std::string(kAdminPassword) +
                                                    R"(", "new": "crash-admin-changed-pw"})").status == 200);
    const int64_t factory = IdOf(admin.Send("POST", "/api/factories",
                                            R"({"name": "崩溃测试工厂 Crash Co", "credit_code": "91310114MA1CR4CH0N", "town": "外冈镇", "industry": "general_machinery",
                                               "manufacturing_type": "discrete", "employees": 38, "revenue": 2600})"),
                                 201, "create the factory");
    const int64_t consultant = IdOf(admin.Send("POST", "/api/users",
                                               R"({"username": "carl", "password": ")" + std::string(kConsultantPassword) +
                                                   R"(", "display_name": "Carl", "role": "consultant", "must_change_password": false})"),
                                    201, "create the consultant");
    REQUIRE(admin.Send("POST", "/api/assignments", "{\"consultant\": " + std::to_string(consultant) +
                                                       ", \"factory\": " + std::to_string(factory) + ", \"assigned\": true}")
                .status == 200);
    Reply rubrics = admin.Send("GET", "/api/rubrics");
    REQUIRE(rubrics.status == 200);
    int64_t rubric = 0;
    Poco::JSON::Array::Ptr list = rubrics.Json()->getArray("rubrics");  // held: a range-for over a temporary dangles
    for (const auto& r : *list) {
      auto o = r.extract<Poco::JSON::Object::Ptr>();
      if (o->getValue<std::string>("rubric") == "sme-digital-2024") rubric = o->getValue<int64_t>("id");
    }
    REQUIRE(rubric != 0);
    Client carl(port);
    REQUIRE(carl.Login("carl", kConsultantPassword));
    assessment = IdOf(carl.Send("POST", "/api/factories/" + std::to_string(factory) + "/assessments",
                                "{\"rubric\": " + std::to_string(rubric) + ", \"round\": \"2026\"}"),
                      201, "create the assessment");

    // The burst: 3 threads, each with its own questions; SIGKILL once enough
    // saves were acknowledged, while every thread is still saving.
    for (const auto& q : Questions()) tracks[q.first];
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    const size_t n = Questions().size();
    for (int t = 0; t < 3; ++t) {
      std::vector<size_t> mine;
      for (size_t i = static_cast<size_t>(t); i < n; i += 3) mine.push_back(i);
      threads.emplace_back(Burst, port, std::cref(carl), assessment, t, mine, std::ref(tracks),
                           std::ref(acked_total), std::ref(stop), std::ref(unexpected[static_cast<size_t>(t)]));
    }
    const auto start = std::chrono::steady_clock::now();
    while (acked_total < 300 && std::chrono::steady_clock::now() - start < std::chrono::seconds(20))
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const int at_kill = acked_total;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    server.Kill(SIGKILL);
    stop = true;
    for (auto& t : threads) t.join();
    MESSAGE(store::MaskUrl(db) << ": SIGKILL after " << at_kill << " acknowledged saves in " << seconds << " s; "
               << acked_total.load() << " acknowledged in all");
    CHECK(at_kill > 0);
  }
  for (size_t t = 0; t < unexpected.size(); ++t) {
    INFO("thread " << t);
    CHECK(unexpected[t].empty());
    for (const auto& u : unexpected[t]) MESSAGE("unexpected reply: " << u);
  }
  const std::string problem = integrity();
  CHECK_MESSAGE(problem.empty(), "the database after SIGKILL: " << problem);

  // Start again on the same database; every acknowledged save is there.
  ServerProcess again(db, kAdminPassword);
  REQUIRE_MESSAGE(again.port() != 0, again.Log());
  Client carl(again.port());
  REQUIRE(carl.Login("carl", kConsultantPassword));
  Reply stored = carl.Send("GET", "/api/assessments/" + std::to_string(assessment) + "/answers");
  REQUIRE(stored.status == 200);
  std::map<std::string, Saved> found;
  Poco::JSON::Array::Ptr answers = stored.Json()->getArray("answers");
  for (const auto& a : *answers) {
    auto o = a.extract<Poco::JSON::Object::Ptr>();
    Saved s;
    s.value = ArrayOfStrings(o->get("value"));
    s.evidence = o->optValue<std::string>("evidence", "");
    s.version = o->getValue<int64_t>("version");
    found[o->getValue<std::string>("criterion")] = s;
  }
  int cut_off_stored = 0;
  for (const auto& track : tracks) {
    const std::string& criterion = track.first;  // plain names: doctest's INFO captures them in a lambda
    const auto& t = track.second;
    INFO(criterion << ": " << t.acked_count << " acknowledged; last " << (t.acked ? Show(*t.acked) : "none")
                   << "; cut off " << (t.cut_off ? Show(*t.cut_off) : "none"));
    auto it = found.find(criterion);
    if (!t.acked) {
      // Never acknowledged: absent, or the cut-off save.
      if (it != found.end()) {
        REQUIRE(t.cut_off);
        CHECK(Show(it->second) == Show(*t.cut_off));
      }
      continue;
    }
    REQUIRE(it != found.end());
    const Saved& s = it->second;
    if (t.cut_off && s.version == t.cut_off->version) {
      CHECK(Show(s) == Show(*t.cut_off));  // committed, but the reply did not arrive
      ++cut_off_stored;
    } else {
      CHECK(Show(s) == Show(*t.acked));
    }
  }
  MESSAGE(store::MaskUrl(db) << ": every acknowledged save is stored; " << cut_off_stored << " cut-off save(s) committed too");

  // The restarted server goes on from the stored versions.
  const std::string& criterion = Questions().front().first;
  Saved next{{Questions().front().second.front()}, "after restart", 0};
  Reply r = carl.Send("PUT", "/api/assessments/" + std::to_string(assessment) + "/answers/" + criterion,
                      SaveBody(next, found.count(criterion) ? found[criterion].version : 0));
  INFO(r.body);
  CHECK(r.status == 200);
  again.Kill(SIGTERM);
}

}  // namespace

TEST_CASE("web: crash — SIGKILL in a burst of autosaves loses no acknowledged answer (SQLite)") {
  TempDir dir("fa-web-crash");
  const std::string path = dir.File("fa.db");
  CrashAndRecover(path, [&] {
    // Opening the database recovers its write-ahead log, as the server would.
    auto dialect = store::MakeSqliteDialect(path);
    store::SqlConn conn(dialect->Connect(), *dialect);
    std::string ok = conn.QueryOne("PRAGMA integrity_check", {}, [](const store::SqlRow& row) { return row.Text(0); })
                         .value_or("no answer");
    if (ok != "ok") return "integrity_check: " + ok;
    auto orphans = conn.QueryInt("SELECT COUNT(*) FROM pragma_foreign_key_check");
    if (orphans.value_or(-1) != 0) return "foreign_key_check: " + std::to_string(orphans.value_or(-1)) + " rows";
    return AnswersAgreeWithAudit(conn);
  });
}

TEST_CASE("web: crash — SIGKILL in a burst of autosaves loses no acknowledged answer (PostgreSQL)") {
  auto schema = store::test::PgTestSchema::Fresh("fa_web_crash_test");
  if (!schema) {
    FA_SKIP("the PostgreSQL crash test needs FA_TEST_PG_URL (scripts/setup-postgres.sh)");
  }
  auto dialect = store::MakePostgresDialect(schema->url());
  CrashAndRecover(schema->url(), [&] {
    // PostgreSQL recovers by itself; the answers and their audit rows agree.
    store::SqlConn conn(dialect->Connect(), *dialect);
    return AnswersAgreeWithAudit(conn);
  });
}

}  // namespace fa::webcrash
