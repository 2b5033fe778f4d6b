// The web app's own request and response values: what a handler reads and
// returns, independent of Poco::Net so handlers and tests stay plain.
// server.cpp converts to and from Poco's objects; everything between is
// pure functions of these values.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fa::web {

struct WebRequest {
  std::string method;          ///< "GET", "POST", ...
  std::string path;            ///< decoded path, without the query
  std::map<std::string, std::string> query;    ///< decoded; last one wins
  std::map<std::string, std::string> headers;  ///< names in lower case
  std::map<std::string, std::string> cookies;
  std::string body;
  std::string client_address;  ///< host part of the peer address
  /// Filled by the router from the path pattern, e.g. {"id": "42"}.
  std::map<std::string, std::string> params;

  std::string Header(const std::string& lower_name) const;
  std::string Query(const std::string& name) const;
  /// The body as application/x-www-form-urlencoded fields (parsed on
  /// first use; repeated names keep the last).
  const std::map<std::string, std::string>& Form() const;
  /// Every value of a repeated form field, in order.
  std::vector<std::string> FormAll(const std::string& name) const;
  bool IsApi() const { return path.rfind("/api/", 0) == 0; }

 private:
  mutable bool form_parsed_ = false;
  mutable std::map<std::string, std::string> form_;
};

struct WebResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  /// A Content-Security-Policy for this response; "" means the default.
  std::string csp;

  WebResponse& Header(const std::string& name, const std::string& value);
  std::string FindHeader(const std::string& name) const;
};

/// Percent-decoding ('+' as space when `form`); invalid escapes are kept.
std::string UrlDecode(const std::string& text, bool form);
std::string UrlEncode(const std::string& text);
/// "a=1&b=2" → fields, in order.
std::vector<std::pair<std::string, std::string>> ParseUrlEncoded(const std::string& text);
/// A Cookie header → name/value pairs.
std::map<std::string, std::string> ParseCookies(const std::string& header);

/// The JSON error body {"error": message, "details": [...]}.
WebResponse JsonError(int status, const std::string& message,
                      const std::vector<std::string>& details = {});
/// A JSON response with `json` as the body.
WebResponse JsonResponse(int status, std::string json);
/// 303 See Other to `location` (a same-origin path).
WebResponse Redirect(const std::string& location);

}  // namespace fa::web
