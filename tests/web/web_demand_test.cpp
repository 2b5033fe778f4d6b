// The commission's demand map in the web app: GET /demand and /api/demand
// (docs/providers.md "Demand map", docs/api.md).
#include <doctest/doctest.h>
