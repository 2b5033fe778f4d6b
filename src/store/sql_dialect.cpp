#include "store/sql_dialect.h"

#include <Poco/URI.h>

#include "store/store.h"

namespace fa::store {

std::string NumberPlaceholders(const std::string& sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;  // inside '...' or "..." when set
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

std::string ReplaceTypeTokens(std::string ddl,
                              const std::initializer_list<std::pair<const char*, const char*>>& types) {
  for (const auto& [name, type] : types) {
    const std::string token = std::string("{") + name + "}";
    for (auto pos = ddl.find(token); pos != std::string::npos; pos = ddl.find(token, pos)) {
      ddl.replace(pos, token.size(), type);
      pos += std::string(type).size();
    }
  }
  return ddl;
}

namespace {

/// A libpq connection-string value, quoted.
std::string ConnValue(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

std::string PostgresConnInfo(const std::string& url) {
  Poco::URI uri(url);
  if (uri.getScheme() != "postgresql" && uri.getScheme() != "postgres") {
    throw StoreError("not a postgresql:// url");
  }
  std::string info;
  auto add = [&info](const std::string& key, const std::string& value) {
    if (value.empty()) return;
    if (!info.empty()) info += ' ';
    info += key + '=' + ConnValue(value);
  };
  add("host", uri.getHost());
  if (uri.getPort() != 0) add("port", std::to_string(uri.getPort()));
  const std::string user_info = uri.getUserInfo();  // still percent-encoded
  const auto colon = user_info.find(':');
  std::string user, password;
  Poco::URI::decode(user_info.substr(0, colon), user);
  add("user", user);
  if (colon != std::string::npos) {
    Poco::URI::decode(user_info.substr(colon + 1), password);
    add("password", password);
  }
  std::string db = uri.getPath();
  if (!db.empty() && db[0] == '/') db.erase(0, 1);
  add("dbname", db);
  for (const auto& [key, value] : uri.getQueryParameters()) add(key, value);
  if (info.find('=') == std::string::npos) info = "dbname=''";
  return info;
}

}  // namespace fa::store
