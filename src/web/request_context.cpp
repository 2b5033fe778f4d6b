#include "web/request_context.h"

namespace fa::web {

const std::string& RequestContext::Param(const std::string& name) const {
  static const std::string empty;
  auto it = req.params.find(name);
  return it == req.params.end() ? empty : it->second;
}

std::string RequestContext::Time(const std::string& utc_stamp) const {
  static const TimeZone utc;
  return StampForPeople(utc_stamp, zone ? *zone : utc, lang);
}

std::string RequestContext::ZoneLabel() const {
  static const TimeZone utc;
  return OffsetLabel((zone ? *zone : utc).OffsetAt(now));
}

std::string RequestContext::RoleLabel(store::Role role) const {
  switch (role) {
    case store::Role::kAdmin: return Label("role_admin");
    case store::Role::kConsultant: return Label("role_consultant");
    case store::Role::kManufacturer: return Label("role_manufacturer");
    case store::Role::kCommission: return Label("role_commission");
  }
  return store::RoleName(role);
}

std::string RequestContext::UserName(const store::User& u) const {
  const bool unnamed = u.display_name.empty() || (u.role == store::Role::kAdmin && u.display_name == "Administrator");
  if (!unnamed) return u.display_name;
  return u.role == store::Role::kAdmin ? RoleLabel(u.role) : u.username;
}

std::optional<int64_t> ParseId(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return std::nullopt;
  return v;
}

}  // namespace fa::web
