#include "web/router.h"

namespace fa::web {

unsigned RoleBit(store::Role role) {
  switch (role) {
    case store::Role::kAdmin: return kAdminRole;
    case store::Role::kConsultant: return kConsultantRole;
    case store::Role::kManufacturer: return kManufacturerRole;
    case store::Role::kCommission: return kCommissionRole;
  }
  return 0;
}

Route& Router::Add(const std::string& method, const std::string& pattern, unsigned roles, Handler handler) {
  routes_.push_back(Route{method, pattern, roles, std::move(handler)});
  return routes_.back();
}

namespace {
std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

bool MatchPattern(const std::string& pattern, const std::string& path,
                  std::map<std::string, std::string>& params) {
  std::vector<std::string> p = Segments(pattern), s = Segments(path);
  if (p.size() != s.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i].size() > 2 && p[i].front() == '{' && p[i].back() == '}') {
      if (s[i].empty()) return false;
      params[p[i].substr(1, p[i].size() - 2)] = s[i];
    } else if (p[i] != s[i]) {
      return false;
    }
  }
  return true;
}
}  // namespace

Router::Match Router::Find(const std::string& method, const std::string& path) const {
  Match m;
  if (path.empty() || path[0] != '/') return m;
  for (const auto& r : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(r.pattern, path, params)) continue;
    if (r.method != method && !(method == "HEAD" && r.method == "GET")) {
      m.other_method = true;
      continue;
    }
    m.route = &r;
    m.params = std::move(params);
    m.other_method = false;
    return m;
  }
  return m;
}

}  // namespace fa::web
