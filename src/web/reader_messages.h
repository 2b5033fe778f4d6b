// The readers' diagnostics in the page's language. The readers below the
// web app word their problems in English for the command line (base/
// diagnostics.h): the YAML reader's (rubric/yaml_source.h: syntax, types,
// keys), the answers loader's, the CSV reader's (ranking/
// ranking_config_csv.h) and the input checks' (size, UTF-8, nesting). A
// file someone gives the web app — an answers file, the bulk import of
// factories — reports through them; these functions say the same in the
// page's language: what was expected and what was found, the place being
// the caller's (line and column first). They recognise each reader's
// messages by their fixed wording (the message shapes are listed in
// reader_messages.cpp); tests/web/web_reader_messages_test.cpp makes the
// readers produce every one and fails when one is not recognised, so a
// reworded message is caught there rather than shown in English.
#pragma once

#include <string>

#include "base/diagnostics.h"
#include "rubric/rubric.h"

namespace fa::web {

struct LocalDiagnostic {
  std::string text;         ///< in `lang`, without the place
  bool recognized = false;  ///< false: not a known message; `text` is then a general sentence (zh) or the message (en)
};

/// `d` (an error of one of the readers above) in `lang`.
LocalDiagnostic LocalizeDiagnostic(const Diagnostic& d, const std::string& lang);

/// What an answer to `c` may be, in `lang`, from the form a questionnaire
/// offers (criterion_kind.h): en "one of 0 (not met), 0.5 (partly met), 1
/// (met)", "a number from 0 to 100 (%)", "true or false".
std::string ExpectedAnswer(const Rubric& rubric, const Criterion& c, const std::string& lang);

}  // namespace fa::web
