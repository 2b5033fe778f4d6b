// The rubrics the web app scores with: loaded from the store's verbatim
// texts (main file and companions), checked, compiled once and cached by
// the store's id. Also registers the shipped rubrics/ at start, and checks
// an uploaded rubric, returning its diagnostics as text.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "service/compiled_rubric.h"
#include "store/store.h"

namespace fa::web {

/// The result of checking a rubric's texts.
struct RubricCheck {
  std::shared_ptr<const CompiledRubric> loaded;  ///< null when there were errors
  std::string diagnostics;               ///< formatted, file:line:col with the source line
  std::vector<std::string> messages;     ///< one line per problem, for JSON
};

/// Loads, checks and compiles a rubric from texts; companions by the name
/// the main file gives them.
RubricCheck CheckRubricTexts(const std::string& main_name, const std::string& main_text,
                             const std::map<std::string, std::string>& companions);

class RubricCatalog {
 public:
  explicit RubricCatalog(store::Store& store) : store_(store) {}

  /// The compiled rubric stored under `pk`; null when there is none or it no
  /// longer loads (then `problem` says why).
  std::shared_ptr<const CompiledRubric> Get(int64_t pk, std::string* problem = nullptr);
  /// The rubric's title in `lang` and its version ("Smart manufacturing
  /// capability maturity 1.0" on an en page); the stored title when it no
  /// longer loads.
  std::string Title(const store::RubricRecord& record, const std::string& lang);

  /// Stores every rubric file of `dir` (files with a top-level `rubric:`)
  /// with its companions; returns one line per rubric for the log.
  std::vector<std::string> RegisterShipped(const std::string& dir);

 private:
  store::Store& store_;
  std::mutex mutex_;
  std::map<int64_t, std::shared_ptr<const CompiledRubric>> cache_;
};

/// The record to store for a checked rubric.
store::RubricRecord RecordFor(const Rubric& rubric, const std::string& main_name,
                              const std::string& main_text,
                              const std::map<std::string, std::string>& companions);

}  // namespace fa::web
