// `serve --listen`: the address is read by Poco::Net::SocketAddress.
#include <doctest/doctest.h>

#include <string>

#include "web/server.h"

namespace fa::web {

TEST_CASE("web: --listen takes HOST:PORT, an IPv6 address in brackets with a port, :PORT and PORT, and refuses anything else") {
  std::string host;
  int port = -1;
  CHECK(ParseListen("0.0.0.0:8080", host, port));
  CHECK((host == "0.0.0.0" && port == 8080));
  CHECK(ParseListen("127.0.0.1:0", host, port));
  CHECK((host == "127.0.0.1" && port == 0));
  CHECK(ParseListen("[::1]:9000", host, port));
  CHECK((host == "::1" && port == 9000));
  CHECK(ParseListen(":8081", host, port));
  CHECK((host == "127.0.0.1" && port == 8081));
  CHECK(ParseListen("8082", host, port));
  CHECK((host == "127.0.0.1" && port == 8082));
  host = "unchanged";
  for (const char* bad : {"", "127.0.0.1:", "127.0.0.1:70000", "127.0.0.1:80x", "[::1:80", "/tmp/socket"}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseListen(bad, host, port));
  }
  CHECK(host == "unchanged");
}

}  // namespace fa::web
