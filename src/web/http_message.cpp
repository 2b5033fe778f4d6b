#include "web/http_message.h"

#include "base/json_writer.h"

namespace fa::web {

std::string WebRequest::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

std::string WebRequest::Query(const std::string& name) const {
  auto it = query.find(name);
  return it == query.end() ? "" : it->second;
}

const std::map<std::string, std::string>& WebRequest::Form() const {
  if (!form_parsed_) {
    form_parsed_ = true;
    if (Header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0)
      for (auto& [k, v] : ParseUrlEncoded(body)) form_[k] = v;
  }
  return form_;
}

std::vector<std::string> WebRequest::FormAll(const std::string& name) const {
  std::vector<std::string> out;
  if (Header("content-type").rfind("application/x-www-form-urlencoded", 0) != 0) return out;
  for (auto& [k, v] : ParseUrlEncoded(body))
    if (k == name) out.push_back(v);
  return out;
}

WebResponse& WebResponse::Header(const std::string& name, const std::string& value) {
  headers.emplace_back(name, value);
  return *this;
}

std::string WebResponse::FindHeader(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return "";
}

namespace {
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string UrlDecode(const std::string& text, bool form) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+' && form) {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
               HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
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
  std::vector<std::pair<std::string, std::string>> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t amp = text.find('&', start);
    std::string part = text.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    if (!part.empty()) {
      size_t eq = part.find('=');
      if (eq == std::string::npos)
        out.emplace_back(UrlDecode(part, true), "");
      else
        out.emplace_back(UrlDecode(part.substr(0, eq), true), UrlDecode(part.substr(eq + 1), true));
    }
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return out;
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

WebResponse JsonError(int status, const std::string& message, const std::vector<std::string>& details) {
  JsonWriter w(false);
  w.BeginObject().Field("error", message).Field("details", details).EndObject();
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

}  // namespace fa::web
