#include "web/server.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Thread.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cerrno>

#include <chrono>
#include <istream>
#include <mutex>
#include <ostream>
#include <sstream>
#include <thread>

#include "web/connection_guard.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

bool HasBodyMethod(const std::string& method) { return method == "POST" || method == "PUT" || method == "PATCH"; }

/// The first header of `res` whose name or value could split the response
/// (CR, LF or NUL; or an empty name); "" when there is none.
std::string UnsafeHeader(const WebResponse& res) {
  if (!SafeHeaderValue(res.content_type)) return "Content-Type";
  for (const auto& [name, value] : res.headers)
    if (name.empty() || !SafeHeaderValue(name) || !SafeHeaderValue(value)) return name.empty() ? "(empty)" : name;
  return "";
}

/// A plain 500 for a response the server must not send.
WebResponse InternalError() {
  WebResponse r = JsonError(500, "internal_error", "internal error");
  r.headers = {{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}};
  return r;
}

/// Reads the body of `in` into `req` within `limit`: over it, `req.body`
/// is limit + 1 bytes (the app answers 413); of unknown length (neither
/// Content-Length nor chunked) it is not read at all, since Poco would read
/// it until the client closes: `req.length_missing` for a POST, PUT or PATCH
/// (the app answers 411). In both cases the connection closes after the
/// answer.
void ReadBody(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out, WebRequest& req, size_t limit) {
  const std::string& method = req.method;
  if (!in.hasContentLength() && !in.getChunkedTransferEncoding() && method != "GET" && method != "HEAD" &&
      method != "DELETE") {
    req.length_missing = HasBodyMethod(method);
    out.setKeepAlive(false);
    return;
  }
  bool too_big = in.hasContentLength() && in.getContentLength64() > static_cast<Poco::Int64>(limit);
  std::istream& body = in.stream();
  char buf[8192];
  while (!too_big && (body.read(buf, sizeof buf) || body.gcount() > 0)) {
    req.body.append(buf, static_cast<size_t>(body.gcount()));
    too_big = req.body.size() > limit;
  }
  if (!too_big) return;
  // Drain a moderately large body so the client reads the 413 instead of a
  // reset connection; give up on anything huge.
  if (in.hasContentLength() && in.getContentLength64() <= static_cast<Poco::Int64>(16 * limit))
    while (body.read(buf, sizeof buf) || body.gcount() > 0) {
    }
  req.body.assign(limit + 1, '\0');  // the app answers 413 with its headers
  out.setKeepAlive(false);
}

class AppHandler : public Poco::Net::HTTPRequestHandler {
 public:
  AppHandler(WebApp& app, std::ostream& log, std::mutex& log_mutex, bool log_requests)
      : app_(app), log_(log), log_mutex_(log_mutex), log_requests_(log_requests) {}

  void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override {
    auto start = std::chrono::steady_clock::now();
    WebRequest req;
    req.method = in.getMethod();
    const std::string& uri = in.getURI();
    const std::string raw_path = uri.substr(0, uri.find('?'));
    req.SetTarget(uri);
    for (const auto& [name, value] : in) {
      std::string lower = name;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (req.headers.count(lower)) req.headers[lower] += ", " + value; else req.headers[lower] = value;
    }
    req.cookies = ParseCookies(req.Header("cookie"));
    req.client_address = in.clientAddress().host().toString();

    WebResponse res;
    ReadBody(in, out, req, app_.config().max_body_bytes);
    try {
      res = app_.Handle(req);
    } catch (const std::exception& e) {
      Log(std::string("serve: internal error: ") + e.what() + "\n");
      res = InternalError();
    }
    if (const std::string bad = UnsafeHeader(res); !bad.empty()) {
      Log("serve: refused to send header " + bad + " of " + req.method + " " + raw_path +
          ": its value holds CR, LF or NUL\n");
      res = InternalError();
    }

    out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(res.status));  // Poco's reason phrase
    if (res.status != 204 && res.status != 304) out.setContentType(res.content_type);
    for (const auto& [name, value] : res.headers) {
      if (name == "Set-Cookie") out.add(name, value); else out.set(name, value);
    }
    out.setContentLength64(static_cast<Poco::Int64>(res.body.size()));
    if (req.method == "HEAD") {
      out.send();
    } else {
      out.sendBuffer(res.body.data(), res.body.size());
    }
    if (log_requests_) {
      auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      std::ostringstream line;
      line << "serve: " << req.method << " " << raw_path << " " << res.status << " " << static_cast<long>(ms + 0.5)
           << "ms\n";
      Log(line.str());
    }
  }

 private:
  void Log(const std::string& text) {
    std::lock_guard<std::mutex> lock(log_mutex_);
    log_ << text << std::flush;
  }

  WebApp& app_;
  std::ostream& log_;
  std::mutex& log_mutex_;
  bool log_requests_;
};

}  // namespace

class AppHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  AppHandlerFactory(WebApp& app, std::ostream& log, bool log_requests)
      : app_(app), log_(log), log_requests_(log_requests) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new AppHandler(app_, log_, mutex_, log_requests_);
  }
  /// Shuts down the sockets of every connection (what HTTPServer::stopAll
  /// does): their requests end.
  void AbortConnections() { serverStopped(this, true); }

 private:
  WebApp& app_;
  std::ostream& log_;
  bool log_requests_;
  std::mutex mutex_;
};

namespace {

/// A listening socket on `address` that no other socket shares: with
/// SO_REUSEADDR (a restart may bind while old connections linger in
/// TIME_WAIT) but without SO_REUSEPORT, so a second server on the port fails.
Poco::Net::ServerSocket Listen(const Poco::Net::SocketAddress& address, int backlog) {
  Poco::Net::ServerSocket socket;
  try {
    socket.bind(address, true, false);
    socket.listen(backlog);
  } catch (const Poco::Exception& e) {
    if (e.code() == EADDRINUSE) throw std::runtime_error("address " + address.toString() + " is already in use");
    throw std::runtime_error("cannot listen on " + address.toString() + ": " + e.displayText());
  }
  return socket;
}

}  // namespace

int DefaultThreads() {
  return 64;
}

bool ParseListen(const std::string& text, std::string& host, int& port) {
  if (text.empty() || text.front() == '/') return false;  // Poco would take a path for a local socket
  const std::string spec = text.find(':') == std::string::npos ? "127.0.0.1:" + text
                           : text.front() == ':'               ? "127.0.0.1" + text
                                                               : text;
  try {
    const Poco::Net::SocketAddress address(spec);
    host = address.host().toString();
    port = address.port();
    return true;
  } catch (const Poco::Exception&) {
    return false;
  }
}

WebServer::WebServer(WebApp& app, const ServerOptions& options, std::ostream& log) {
  Poco::Net::SocketAddress address(options.host, static_cast<Poco::UInt16>(options.port));
  Poco::Net::ServerSocket socket = Listen(address, 64);
  port_ = socket.address().port();
  const WebConfig& config = app.config();
  // One reference-counted owner passed on as a Ptr: handing the raw pointer
  // to two AutoPtrs (the factory's and TCPServer's) freed it twice.
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options.threads);
  // A pool of its own: Poco's default pool stops at 16 threads.
  threads_ = std::make_unique<Poco::ThreadPool>(std::min(2, options.threads), options.threads);
  params->setMaxQueued(options.queue);
  params->setKeepAlive(true);
  // A thread serves one connection at a time; closing a kept-alive
  // connection after a few requests (the client reconnects) lets the
  // connections waiting in the queue take turns, so no client starves while
  // more connections are open than there are threads.
  params->setMaxKeepAliveRequests(16);
  params->setKeepAliveTimeout(Poco::Timespan(2, 0));
  params->setTimeout(Poco::Timespan(config.receive_timeout_seconds, 0));
  handlers_ = new AppHandlerFactory(app, log, options.log_requests);
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers(handlers_);
  limit_ = std::make_unique<ClientConnectionLimit>(config.max_connections_per_client);
  server_ = std::make_unique<Poco::Net::TCPServer>(new GuardedConnectionFactory(params, handlers, *limit_), *threads_,
                                                   socket, params);
  server_->start();
}

void WebServer::Stop(int grace_ms) {
  if (stopped_) return;
  stopped_ = true;
  server_->stop();
  for (int waited = 0; server_->currentConnections() > 0 && waited < grace_ms; waited += 20)
    Poco::Thread::sleep(20);
  handlers_->AbortConnections();
}

WebServer::~WebServer() { Stop(2000); }

}  // namespace fa::web
