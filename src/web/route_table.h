// A resource's routes as rows of a table: method, pattern, roles, the named
// handler and whether it answers while the user must still change the
// password. Each resource file (session_routes.cpp, factory_routes.cpp, …)
// holds its page and API handlers and exports its table; WebApp puts every
// table into its router (router.h). A new route is one row and its function.
#pragma once

#include <vector>

#include "web/http_message.h"
#include "web/request_context.h"
#include "web/router.h"

namespace fa::web {

class WebApp;

using NamedHandler = WebResponse (*)(WebApp&, RequestContext&);

struct RouteRow {
  const char* method;
  const char* pattern;
  unsigned roles;
  NamedHandler handler;
  bool before_password_change = false;
};
using RouteTable = std::vector<RouteRow>;

/// Administration and the commission's views share these roles.
constexpr unsigned kAdminOrCommission = kAdminRole | kCommissionRole;

RouteTable SessionRoutes();     ///< session_routes.cpp: sign-in, sign-out, password, CSRF token, me
RouteTable StaticRoutes();      ///< static_routes.cpp: CSS, scripts, icon
RouteTable FactoryRoutes();     ///< factory_routes.cpp: the dashboard, a factory's page, the factory API
RouteTable AdminFactoryRoutes();  ///< admin_factory_routes.cpp: the admin's factory list, edit, import, assignments
RouteTable UserRoutes();        ///< user_routes.cpp
RouteTable AssessmentRoutes();  ///< assessment_routes.cpp: start, questionnaire, result
RouteTable SubmitRoutes();      ///< submit_routes.cpp: the submit confirmation and the submit
RouteTable ReopenRoutes();      ///< reopen_routes.cpp: a submitted assessment reopened as a new draft
RouteTable ImportRoutes();      ///< import_routes.cpp: the printable questionnaire, an answers file imported
RouteTable WorkbookUploadRoutes();  ///< workbook_upload_routes.cpp: a filled workbook previewed, then applied
RouteTable AnswerRoutes();      ///< answer_routes.cpp
RouteTable ReportRoutes();      ///< report_routes.cpp: the diagnosis report as HTML and PDF
RouteTable RankingRoutes();     ///< ranking_routes.cpp
RouteTable PortfolioRoutes();   ///< portfolio_routes.cpp
RouteTable DemandRoutes();      ///< demand_routes.cpp
RouteTable ProviderRoutes();    ///< provider_routes.cpp: the provider list and a provider's page
RouteTable ProviderAdminRoutes();  ///< provider_admin_routes.cpp: the catalogue's upload, the engagements
RouteTable AuditRoutes();       ///< audit_routes.cpp
RouteTable RubricRoutes();      ///< rubric_routes.cpp

}  // namespace fa::web
