#include "web/connection_guard.h"

#include <algorithm>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/TCPServerConnection.h>

#include "web/web_labels.h"

namespace fa::web {

bool ClientConnectionLimit::Enter(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  int& open = open_[address];
  if (max_ > 0 && open >= max_) {
    if (open == 0) open_.erase(address);
    return false;
  }
  ++open;
  return true;
}

void ClientConnectionLimit::Leave(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = open_.find(address);
  if (it != open_.end() && --it->second <= 0) open_.erase(it);
}

int ClientConnectionLimit::Open(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = open_.find(address);
  return it == open_.end() ? 0 : it->second;
}

namespace {
/// The label in Chinese, then English (the request, with its language, is
/// not read).
std::string Label(const char* key) { return LabelIn("zh", key) + "\n" + LabelIn("en", key) + "\n"; }
}  // namespace

std::string TooManyConnectionsResponse() {
  const std::string body = Label("too_many_connections");
  return "HTTP/1.1 503 Service Unavailable\r\n"
         "Content-Type: text/plain; charset=utf-8\r\n"
         "X-Content-Type-Options: nosniff\r\n"
         "Cache-Control: no-store\r\n"
         "Retry-After: 5\r\n"
         "Connection: close\r\n"
         "Content-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

namespace {

class GuardedConnection : public Poco::Net::TCPServerConnection {
 public:
  GuardedConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                    Poco::Net::HTTPRequestHandlerFactory::Ptr handlers, ClientConnectionLimit& limit)
      : TCPServerConnection(socket), params_(std::move(params)), handlers_(std::move(handlers)), limit_(limit) {}

  void run() override {
    std::string address;
    try {
      address = socket().peerAddress().host().toString();
    } catch (const Poco::Exception&) {
      return;  // the client is gone already
    }
    if (!limit_.Enter(address)) {
      Refuse();
      return;
    }
    struct Slot {
      ClientConnectionLimit& limit;
      const std::string& address;
      ~Slot() { limit.Leave(address); }
    } slot{limit_, address};
    Poco::Net::HTTPServerConnection(socket(), params_, handlers_).run();
  }

 private:
  /// Answers 503 without reading the request (only what has arrived is
  /// discarded, so the close does not reset the answer away).
  void Refuse() {
    try {
      socket().setSendTimeout(Poco::Timespan(1, 0));
      const std::string response = TooManyConnectionsResponse();
      socket().sendBytes(response.data(), static_cast<int>(response.size()));
      socket().shutdownSend();
      char buf[4096];
      for (int n = socket().available(); n > 0; n = socket().available())
        if (socket().receiveBytes(buf, std::min<int>(n, sizeof buf)) <= 0) break;
    } catch (const Poco::Exception&) {
    }
  }

  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
  ClientConnectionLimit& limit_;
};

}  // namespace

Poco::Net::TCPServerConnection* GuardedConnectionFactory::createConnection(const Poco::Net::StreamSocket& socket) {
  return new GuardedConnection(socket, params_, handlers_, limit_);
}

}  // namespace fa::web
