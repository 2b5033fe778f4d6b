// The route table: method + path pattern → handler and the roles allowed to
// call it. Patterns are literal segments and {name} placeholders
// ("/api/assessments/{id}/answers/{criterion}"); a placeholder matches one
// non-empty segment. Every route names its roles: the app refuses a request
// from any other role before the handler runs, and handlers add the
// per-factory checks (access_policy.h).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "web/http_message.h"
#include "web/request_context.h"

namespace fa::web {

/// Who may call a route, as a bit set.
enum RoleBits : unsigned {
  kAnonymous = 1u << 0,
  kAdminRole = 1u << 1,
  kConsultantRole = 1u << 2,
  kManufacturerRole = 1u << 3,
  kCommissionRole = 1u << 4,
  kSignedIn = kAdminRole | kConsultantRole | kManufacturerRole | kCommissionRole,
  kEveryone = kAnonymous | kSignedIn,
};

unsigned RoleBit(store::Role role);

using Handler = std::function<WebResponse(RequestContext&)>;

struct Route {
  std::string method;
  std::string pattern;
  unsigned roles = 0;
  Handler handler;
  /// Reachable while the user must still change the password.
  bool before_password_change = false;
};

class Router {
 public:
  Route& Add(const std::string& method, const std::string& pattern, unsigned roles, Handler handler);

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    bool other_method = false;  ///< the path exists with another method (405)
  };
  Match Find(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace fa::web
