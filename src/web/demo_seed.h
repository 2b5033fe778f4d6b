// The web app's demo data (examples/web/README.md): into a store with no
// factory yet, the example factories from examples/web/factories.csv (the
// admin's bulk import, factory_import.h), one user per role, and every
// example answers file submitted as an assessment — examples/rounds/2025/
// as round 2025, examples/*.yaml as round 2026 — through the same saves,
// scoring and submit as the questionnaire; and each partly answered file of
// examples/web/drafts/ as an open draft of its round (not submitted), so the
// questionnaire has something to show. `serve --demo` calls it.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace fa::web {

class WebApp;

/// Something in the demo data does not load or score.
class DemoSeedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Loads the demo data from `examples_dir` when the store holds no factory;
/// the users get `password` (a one-time one when empty, then they must
/// change it). Returns what was done, one line each, for the server's log
/// (the one-time password among them); nothing when the store was not empty.
std::vector<std::string> SeedDemo(WebApp& app, const std::string& examples_dir, const std::string& password);

}  // namespace fa::web
