#include "store/store.h"

namespace fa::store {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kConsultant: return "consultant";
    case Role::kManufacturer: return "manufacturer";
    case Role::kCommission: return "commission";
  }
  return "unknown";
}

std::optional<Role> ParseRole(const std::string& name) {
  for (Role r : {Role::kAdmin, Role::kConsultant, Role::kManufacturer, Role::kCommission}) {
    if (name == RoleName(r)) return r;
  }
  return std::nullopt;
}

const char* StatusName(AssessmentStatus status) {
  return status == AssessmentStatus::kSubmitted ? "submitted" : "draft";
}

std::string MaskUrl(const std::string& url) {
  // scheme://user:password@host → scheme://user:***@host
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  auto at = url.find('@', scheme + 3);
  if (at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

}  // namespace fa::store
