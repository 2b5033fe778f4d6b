#include "web/http_message.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MediaType.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <sstream>
#include <stdexcept>

#include "base/json_writer.h"
#include "base/utf8.h"

namespace fa::web {

std::string WebRequest::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

std::string WebRequest::Query(const std::string& name) const {
  auto it = query.find(name);
  return it == query.end() ? "" : it->second;
}

void WebRequest::SetTarget(const std::string& target) {
  const size_t q = target.find('?');
  try {
    path.clear();
    Poco::URI::decode(target.substr(0, q), path);
    if (auto bad = FirstInvalidUtf8(path))
      throw Poco::DataFormatException("invalid UTF-8 in the path (byte " + std::to_string(*bad + 1) + ")");
    if (q != std::string::npos)
      for (auto& [k, v] : ParseUrlEncoded(target.substr(q + 1))) query[k] = v;
  } catch (const Poco::Exception& e) {
    malformed = "the request target cannot be read: " + e.message();
  }
}

bool WebRequest::ReadForm() {
  form_fields_.clear();
  form_.clear();
  files_.clear();
  const std::string type = Header("content-type");
  if (type.rfind("multipart/form-data", 0) == 0) {
    try {
      MultipartForm form = ParseMultipart(body, Poco::Net::MediaType(type).getParameter("boundary"));
      form_fields_ = std::move(form.fields);
      files_ = std::move(form.files);
    } catch (const Poco::Exception& e) {
      malformed = "the form cannot be read: " + e.displayText();
    } catch (const std::exception& e) {  // a stream's own failure
      malformed = std::string("the form cannot be read: ") + e.what();
    }
    if (!malformed.empty()) {
      form_fields_.clear();
      files_.clear();
      return false;
    }
    for (const auto& [k, v] : form_fields_) form_[k] = v;
    return true;
  }
  if (type.rfind("application/x-www-form-urlencoded", 0) != 0) {
    // Every body the app reads is text (JSON, forms): invalid UTF-8 would
    // reach the store and the pages (docs/limits.md).
    if (auto bad = FirstInvalidUtf8(body)) {
      malformed = "the request body is not valid UTF-8 (byte " + std::to_string(*bad + 1) + ")";
      return false;
    }
    return true;
  }
  try {
    form_fields_ = ParseUrlEncoded(body);
  } catch (const Poco::Exception& e) {
    malformed = "the form cannot be read: " + e.message();
    form_fields_.clear();
    return false;
  }
  for (const auto& [k, v] : form_fields_) form_[k] = v;
  return true;
}

std::string WebRequest::FormValue(const std::string& name) const {
  auto it = form_.find(name);
  return it == form_.end() ? std::string() : it->second;
}

const UploadedFile* WebRequest::File(const std::string& name) const {
  auto it = files_.find(name);
  return it == files_.end() ? nullptr : &it->second;
}

std::vector<std::string> WebRequest::FormAll(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : form_fields_)
    if (k == name) out.push_back(v);
  return out;
}

bool SafeHeaderValue(const std::string& text) { return text.find_first_of(std::string("\r\n\0", 3)) == std::string::npos; }

bool SafeRedirectTarget(const std::string& target) {
  if (target.empty() || target.size() > kMaxRedirectTarget || target[0] != '/') return false;
  if (target.size() > 1 && (target[1] == '/' || target[1] == '\\')) return false;
  for (unsigned char c : target)
    if (c <= 0x20 || c >= 0x7f || c == '\\') return false;
  return true;
}

WebResponse& WebResponse::Header(const std::string& name, const std::string& value) {
  if (!SafeHeaderValue(name) || !SafeHeaderValue(value))
    throw std::invalid_argument("header " + name + ": CR, LF or NUL in a header");
  headers.emplace_back(name, value);
  return *this;
}

std::string WebResponse::FindHeader(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return "";
}

std::string UrlEncode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ParseUrlEncoded(const std::string& text) {
  Poco::Net::HTMLForm form;
  form.setFieldLimit(kMaxFormFields);
  form.setValueLengthLimit(kMaxFormValueBytes);
  form.read(text);
  for (const auto& [name, value] : form) {
    if (FirstInvalidUtf8(name)) throw Poco::DataFormatException("invalid UTF-8 in a field name");
    if (FirstInvalidUtf8(value)) throw Poco::DataFormatException("invalid UTF-8 in field '" + name + "'");
  }
  // HTMLForm keeps repeated names together (in order); the names as sent.
  return std::vector<std::pair<std::string, std::string>>(form.begin(), form.end());
}

std::map<std::string, std::string> ParseCookies(const std::string& header) {
  std::map<std::string, std::string> out;
  size_t start = 0;
  while (start < header.size()) {
    size_t semi = header.find(';', start);
    std::string part = header.substr(start, semi == std::string::npos ? std::string::npos : semi - start);
    size_t eq = part.find('=');
    if (eq != std::string::npos) {
      auto trim = [](std::string s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(0, 1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
        return s;
      };
      out[trim(part.substr(0, eq))] = trim(part.substr(eq + 1));
    }
    if (semi == std::string::npos) break;
    start = semi + 1;
  }
  return out;
}

WebResponse JsonError(int status, const std::string& code, const std::string& message,
                      const std::vector<std::string>& details) {
  JsonWriter w(false);
  w.BeginObject().Field("error", message).Field("code", code).Field("details", details).EndObject();
  return JsonResponse(status, w.str());
}

WebResponse JsonResponse(int status, std::string json) {
  WebResponse r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = std::move(json);
  return r;
}

WebResponse Redirect(const std::string& location) {
  WebResponse r;
  r.status = 303;
  r.Header("Location", location);
  return r;
}

MultipartForm ParseMultipart(const std::string& body, const std::string& boundary) {
  if (boundary.empty() || boundary.size() > 70)  // RFC 2046: 1 to 70 characters
    throw Poco::DataFormatException("multipart/form-data without a usable boundary");
  MultipartForm out;
  std::istringstream in(body);
  Poco::Net::MultipartReader reader(in, boundary);
  int parts = 0;
  while (reader.hasNextPart()) {
    if (++parts > kMaxFormFields) throw Poco::DataFormatException("too many form fields");
    Poco::Net::MessageHeader header;  // its own limits: 100 fields, bounded lengths
    reader.nextPart(header);
    std::string disposition;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
    const std::string name = params.get("name", "");
    if (FirstInvalidUtf8(name)) throw Poco::DataFormatException("invalid UTF-8 in a field name");
    std::string value;
    Poco::StreamCopier::copyToString(reader.stream(), value);
    if (params.has("filename")) {
      UploadedFile file;
      file.filename = params.get("filename");
      if (FirstInvalidUtf8(file.filename)) throw Poco::DataFormatException("invalid UTF-8 in a file name");
      file.content_type = header.get("Content-Type", "");
      file.bytes = std::move(value);
      out.files[name] = std::move(file);
      continue;
    }
    if (value.size() > static_cast<size_t>(kMaxFormValueBytes))
      throw Poco::DataFormatException("field '" + name + "' is longer than the limit");
    if (FirstInvalidUtf8(value)) throw Poco::DataFormatException("invalid UTF-8 in field '" + name + "'");
    out.fields.emplace_back(name, std::move(value));
  }
  return out;
}

}  // namespace fa::web
