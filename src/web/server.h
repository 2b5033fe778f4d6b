// The HTTP server: Poco's HTTP connections on a thread pool in front of a
// WebApp, each behind the per-client connection cap (connection_guard.h).
// It reads each request (refusing bodies over the limit with 413 before
// reading them, and a body of unknown length with 411), hands it to the
// app, writes the response (never a header value holding CR, LF or NUL),
// and logs one line per request (method, path, status, milliseconds) —
// never a query string, cookie, token or body. Its limits: docs/api.md,
// "Server limits".
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

namespace Poco {
class ThreadPool;
}
namespace Poco::Net {
class TCPServer;
}

namespace fa::web {

class WebApp;
class ClientConnectionLimit;
class AppHandlerFactory;

/// 64. A thread serves one kept-alive connection at a time, so with fewer
/// threads than open connections the others wait in the queue until a
/// thread lets its connection go (measured at 50 connections: 4 threads,
/// autosave p99 1.8 s and timeouts; 32 threads, p99 0.37-0.65 s; 64
/// threads, p99 0.14-0.30 s on both stores, bench/web_bench.sh). The threads
/// mostly wait on the disk or the database, so many are cheap. The store's
/// pool stays at 32 database connections (ConnectionPool's
/// max_connections): a call holds one for about a millisecond, and 16, 32
/// or 64 measured the same.
int DefaultThreads();

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  ///< 0: any free port (see WebServer::port)
  int threads = DefaultThreads();  ///< requests handled at once (its own thread pool)
  int queue = 100;
  bool log_requests = true;
};

class WebServer {
 public:
  /// Binds (never sharing the port with another server: no SO_REUSEPORT)
  /// and starts serving. Throws std::runtime_error when it cannot listen,
  /// e.g. "address 127.0.0.1:8080 is already in use".
  WebServer(WebApp& app, const ServerOptions& options, std::ostream& log);
  ~WebServer();

  /// The port actually bound.
  int port() const { return port_; }
  /// Stops accepting, then waits up to `grace_ms` for requests in flight.
  void Stop(int grace_ms = 10000);

 private:
  std::unique_ptr<ClientConnectionLimit> limit_;  ///< outlives the threads
  std::unique_ptr<Poco::ThreadPool> threads_;  ///< outlives server_
  std::unique_ptr<Poco::Net::TCPServer> server_;
  AppHandlerFactory* handlers_ = nullptr;  ///< owned by server_
  int port_ = 0;
  bool stopped_ = false;
};

/// Reads "HOST:PORT", "[IPv6]:PORT", ":PORT" or "PORT" (the last two on
/// 127.0.0.1) with Poco::Net::SocketAddress, which also resolves a host name
/// and a service name; sets the numeric host and the port. False when
/// malformed or unresolvable.
bool ParseListen(const std::string& text, std::string& host, int& port);

}  // namespace fa::web
