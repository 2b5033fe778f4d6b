// The server's connection limits (docs/api.md, "Server limits"): idle and
// slow clients, the per-client connection cap, 411 for a body of unknown
// length, and a port already in use.
#include <doctest/doctest.h>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <chrono>
#include <sstream>
#include <thread>
#include <vector>

#include "raw_socket.h"
#include "test_server.h"
#include "skip_check.h"
#include "web/connection_guard.h"

namespace fa::webtest {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("web: 40 idle connections from one address do not keep another client's GET waiting") {
  // 8 threads (test_server.h); one address may hold 4 of them.
  TestServer server([](web::WebConfig& c) { c.max_connections_per_client = 4; });
  std::vector<RawSocket> idle;
  for (int i = 0; i < 40; ++i) {
    RawSocket s("127.0.0.2", server.port());
    if (!s.ok()) FA_SKIP("cannot connect from 127.0.0.2");
    REQUIRE(s.Send("POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Unfinished: "));
    idle.push_back(std::move(s));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // all accepted and dispatched
  const auto start = std::chrono::steady_clock::now();
  HttpResult r = server.Send("GET", "/login");
  const double seconds = SecondsSince(start);
  MESSAGE("GET with 40 idle connections open: " << seconds << " s");
  CHECK(r.status == 200);
  CHECK(seconds < 2.0);
  // Those beyond the cap were told so at once.
  int refused = 0;
  for (auto& s : idle)
    if (s.Read(200).rfind("HTTP/1.1 503", 0) == 0) ++refused;
  CHECK(refused >= 30);
}

TEST_CASE("web: a refused connection gets 503 with Retry-After and a message in Chinese and English") {
  const std::string text = web::TooManyConnectionsResponse();
  CHECK(text.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0) == 0);
  CHECK(text.find("Retry-After: 5\r\n") != std::string::npos);
  CHECK(text.find("Connection: close\r\n") != std::string::npos);
  CHECK(text.find("Too many connections from your address; try again in a moment.") != std::string::npos);
  CHECK(text.find("连接过多") != std::string::npos);
}

TEST_CASE("web: the per-client cap counts open connections and frees them when they close") {
  web::ClientConnectionLimit limit(2);
  CHECK(limit.Enter("10.0.0.1"));
  CHECK(limit.Enter("10.0.0.1"));
  CHECK_FALSE(limit.Enter("10.0.0.1"));
  CHECK(limit.Enter("10.0.0.2"));
  limit.Leave("10.0.0.1");
  CHECK(limit.Open("10.0.0.1") == 1);
  CHECK(limit.Enter("10.0.0.1"));
  web::ClientConnectionLimit none(0);
  for (int i = 0; i < 100; ++i) CHECK(none.Enter("10.0.0.3"));
}

TEST_CASE("web: a connection that stops sending is closed after the receive timeout") {
  TestServer server([](web::WebConfig& c) { c.receive_timeout_seconds = 1; });
  RawSocket s("127.0.0.1", server.port());
  REQUIRE(s.ok());
  REQUIRE(s.Send("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"));  // headers never finished
  const auto start = std::chrono::steady_clock::now();
  bool closed = false;
  s.Read(5000, &closed);
  CHECK(closed);
  CHECK(SecondsSince(start) < 3.0);
}

TEST_CASE("web: a POST without Content-Length is answered 411 at once") {
  TestServer server;
  RawSocket s("127.0.0.1", server.port());
  REQUIRE(s.ok());
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(s.Send("POST /api/logout HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  bool closed = false;
  const std::string reply = s.Read(3000, &closed);
  CHECK(reply.rfind("HTTP/1.1 411", 0) == 0);
  CHECK(reply.find("\"code\":\"length_required\"") != std::string::npos);
  CHECK(closed);
  CHECK(SecondsSince(start) < 2.0);
  // Chunked bodies and Content-Length: 0 are fine (the CSRF check answers).
  RawSocket chunked("127.0.0.1", server.port());
  REQUIRE(chunked.Send("POST /api/logout HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
  CHECK(chunked.Read(3000).rfind("HTTP/1.1 401", 0) == 0);
  CHECK(server.Send("POST", "/api/logout", "").status == 401);
  // Another method without a length is taken to have no body: answered at once.
  RawSocket options("127.0.0.1", server.port());
  const auto asked = std::chrono::steady_clock::now();
  REQUIRE(options.Send("OPTIONS /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  CHECK(options.Read(3000).rfind("HTTP/1.1 405", 0) == 0);
  CHECK(SecondsSince(asked) < 2.0);
}

TEST_CASE("web: a second server on a port in use fails with a clear error") {
  TestServer first;
  web::ServerOptions options;
  options.port = first.port();
  options.threads = 2;
  std::ostringstream log;
  const std::string message = "address 127.0.0.1:" + std::to_string(first.port()) + " is already in use";
  CHECK_THROWS_WITH_AS(web::WebServer(first.app(), options, log), message.c_str(), std::runtime_error);
  // The first one still answers.
  CHECK(first.Send("GET", "/login").status == 200);
}

namespace {
/// Runs `factory-assess ARGS…`; returns its exit code and puts its output in `text`.
int RunBinary(const Poco::Process::Args& args, std::string& text) {
  Poco::Pipe out;
  Poco::Process::Env env;
  env["FA_ADMIN_PASSWORD"] = "second server password";
  Poco::ProcessHandle child = Poco::Process::launch(FA_BINARY, args, FA_SOURCE_DIR, nullptr, &out, &out, env);
  Poco::PipeInputStream in(out);
  Poco::StreamCopier::copyToString(in, text);
  return child.wait();
}
}  // namespace

TEST_CASE("web: serve on a port in use prints the address and exits non-zero") {
  TestServer first;
  const std::string listen = "127.0.0.1:" + std::to_string(first.port());
  const Poco::Process::Args args = {"serve", "--listen", listen, "--db", (first.dir() / "second.db").string(),
                                    "--quiet", "--rubrics", std::string(FA_SOURCE_DIR) + "/rubrics"};
  std::string text;
  const int code = RunBinary(args, text);
  CHECK(code != 0);
  CHECK(text.find("serve: error: address " + listen + " is already in use\n") != std::string::npos);
}

TEST_CASE("web: serve --max-per-client takes a number from 0 to 10000") {
  std::string text;
  CHECK(RunBinary({"serve", "--max-per-client", "many"}, text) == 2);
  CHECK(text.rfind("serve: --max-per-client needs a number from 0 to 10000\n", 0) == 0);
  text.clear();
  CHECK(RunBinary({"serve", "--threads", "0"}, text) == 2);
  CHECK(text.rfind("serve: --threads needs a number from 1 to 256\n", 0) == 0);
}

}  // namespace fa::webtest
