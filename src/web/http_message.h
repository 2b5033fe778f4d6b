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

/// A file sent in a multipart/form-data body (an `<input type="file">`).
struct UploadedFile {
  std::string filename;      ///< as the browser gave it (valid UTF-8), may be ""
  std::string content_type;  ///< as the browser gave it, may be ""
  std::string bytes;         ///< the file, unchecked: any bytes
};

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

  /// Why the target or the form body could not be read ("" when they
  /// could): the app answers 400 before any handler runs.
  std::string malformed;
  /// A POST, PUT or PATCH came with neither Content-Length nor chunked
  /// transfer coding: the app answers 411 (its body was not waited for).
  bool length_missing = false;

  /// Sets `path` and `query` from a request target ("/a%20b?x=1&y=%E4%B8%AD");
  /// on a bad escape, too many or too long fields or invalid UTF-8 once
  /// decoded, sets `malformed`.
  void SetTarget(const std::string& target);
  /// Reads the body as form fields when it is
  /// application/x-www-form-urlencoded or multipart/form-data (its files
  /// apart, File()); false (and `malformed`) when it cannot be read within
  /// the limits (ParseUrlEncoded, ParseMultipart) or, for any other body,
  /// when it is not valid UTF-8.
  bool ReadForm();

  std::string Header(const std::string& lower_name) const;
  std::string Query(const std::string& name) const;
  /// The form fields ReadForm read (repeated names keep the last).
  const std::map<std::string, std::string>& Form() const { return form_; }
  /// One form field; "" when absent.
  std::string FormValue(const std::string& name) const;
  /// Every value of a repeated form field, in order.
  std::vector<std::string> FormAll(const std::string& name) const;
  /// A file of a multipart/form-data body; null when none is named `name`.
  const UploadedFile* File(const std::string& name) const;
  bool IsApi() const { return path.rfind("/api/", 0) == 0; }

 private:
  std::vector<std::pair<std::string, std::string>> form_fields_;
  std::map<std::string, std::string> form_;
  std::map<std::string, UploadedFile> files_;
};

struct WebResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  /// A Content-Security-Policy for this response; "" means the default.
  std::string csp;

  /// Adds a header. Throws std::invalid_argument when the name or value
  /// holds CR, LF or NUL (it could split the response; the app answers
  /// 500 instead). server.cpp checks every header again before sending.
  WebResponse& Header(const std::string& name, const std::string& value);
  std::string FindHeader(const std::string& name) const;
};

std::string UrlEncode(const std::string& text);

/// False when `text` holds CR, LF or NUL: it cannot be a header name or value.
bool SafeHeaderValue(const std::string& text);

/// Limits on application/x-www-form-urlencoded text (a query or a form body).
constexpr int kMaxFormFields = 1000;
constexpr int kMaxFormValueBytes = 1 << 20;
/// "a=1&b=%E4%B8%AD+x" → fields, in order, decoded by Poco::Net::HTMLForm
/// ('+' as space). Throws Poco::Exception on a bad escape, more than
/// kMaxFormFields fields, a value over kMaxFormValueBytes or a name or value
/// that is not valid UTF-8 once decoded.
std::vector<std::pair<std::string, std::string>> ParseUrlEncoded(const std::string& text);
/// A multipart/form-data body (RFC 7578) split by `boundary` (the
/// Content-Type's parameter) into its text fields, in order, and its files
/// (parts with a filename; repeated names keep the last). Read with
/// Poco::Net::MultipartReader over a body already bounded by the server's
/// max_body_bytes. Throws Poco::Exception on a malformed body, more than
/// kMaxFormFields parts, a text field over kMaxFormValueBytes, or a name,
/// text value or filename that is not valid UTF-8.
struct MultipartForm {
  std::vector<std::pair<std::string, std::string>> fields;
  std::map<std::string, UploadedFile> files;
};
MultipartForm ParseMultipart(const std::string& body, const std::string& boundary);
/// A Cookie header → name/value pairs.
std::map<std::string, std::string> ParseCookies(const std::string& header);

/// The JSON error body {"error": message, "code": code, "details": [...]}:
/// `message` for people (English), `code` a stable token for programs
/// ("not_found", "stale_version", …; docs/api.md).
WebResponse JsonError(int status, const std::string& code, const std::string& message,
                      const std::vector<std::string>& details = {});
/// A JSON response with `json` as the body.
WebResponse JsonResponse(int status, std::string json);
/// 303 See Other to `location` (a same-origin path; see SafeRedirectTarget).
WebResponse Redirect(const std::string& location);

/// Whether `target` (e.g. a `next` parameter) may be redirected to: a path
/// on this server, that is a single "/" first, no "/" or backslash second,
/// then only printable ASCII without spaces or backslashes (other bytes
/// percent-encoded), at most kMaxRedirectTarget bytes. docs/api.md,
/// "Server limits".
bool SafeRedirectTarget(const std::string& target);
constexpr size_t kMaxRedirectTarget = 2048;

}  // namespace fa::web
