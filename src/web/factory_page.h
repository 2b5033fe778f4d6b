// A factory's page (profile, assessment history and the form that starts an
// assessment), shared by the factory's own route (factory_routes.cpp) and
// the start of an assessment (assessment_routes.cpp), which shows it again
// with the problem next to the field and the values as given.
#pragma once

#include <optional>
#include <string>

#include "store/store.h"
#include "web/http_message.h"
#include "web/request_context.h"

namespace fa::web {

class WebApp;

/// The new-assessment form as the user left it.
struct StartForm {
  std::optional<int64_t> rubric;  ///< the rubric chosen (none: the first on offer)
  std::string round;              ///< as typed ("" : the current year)
  std::string rubric_error;       ///< in the page's language, "" when none
  std::string round_error;
};

WebResponse FactoryPageResponse(WebApp& app, const RequestContext& ctx, const store::Factory& factory,
                                const StartForm& form, int status);

}  // namespace fa::web
