// The connection-level guard in front of Poco's HTTP handling: every
// accepted connection first takes a slot of its client address; beyond
// `max_per_client` open connections of one address it is answered 503 at
// once and closed, so one client cannot hold every server thread with idle
// or slow connections (docs/api.md, "Server limits").
#pragma once

#include <map>
#include <mutex>
#include <string>

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

namespace fa::web {

/// Open connections per client address, bounded.
class ClientConnectionLimit {
 public:
  /// `max_per_client` 0: no cap.
  explicit ClientConnectionLimit(int max_per_client) : max_(max_per_client) {}
  /// Takes a slot for `address`; false (and nothing taken) when it has
  /// `max_per_client` already.
  bool Enter(const std::string& address);
  void Leave(const std::string& address);
  /// Connections `address` holds now.
  int Open(const std::string& address);

 private:
  int max_;
  std::mutex mutex_;
  std::map<std::string, int> open_;
};

/// Makes the connections of a Poco::Net::TCPServer: each takes a slot of
/// `limit` and then runs Poco's HTTPServerConnection on `handlers`, or is
/// refused with 503 when its address has no slot left.
class GuardedConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
 public:
  GuardedConnectionFactory(Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                           ClientConnectionLimit& limit)
      : params_(std::move(params)), handlers_(std::move(handlers)), limit_(limit) {}
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override;

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
  ClientConnectionLimit& limit_;
};

/// The raw response to a connection refused for its address: 503,
/// Retry-After, a short text in Chinese and English, Connection: close.
std::string TooManyConnectionsResponse();

}  // namespace fa::web
