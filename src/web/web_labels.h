// The web app's texts in both languages, looked up by key: templates use
// them as W.key, handlers as ctx.Label("key"). Tables by area:
// web_labels.cpp holds the words of the pages, web_messages.cpp the page
// titles, notices and error messages. tests/web/web_labels_test.cpp checks
// that every key has both languages, that every key used exists, and that
// no other web source holds Chinese text of its own.
#pragma once

#include <string>
#include <vector>

#include "report/escaped_view.h"

namespace fa::web {

struct WebLabel {
  const char* key;
  const char* zh;
  const char* en;
};

const std::vector<WebLabel>& PageLabels();
const std::vector<WebLabel>& MessageLabels();

/// The text of `key` in `lang` ("en", otherwise Chinese), each "{}"
/// replaced by the next of `args`; the key itself when there is no such
/// label (the label test keeps that from happening).
std::string LabelIn(const std::string& lang, const std::string& key, const std::vector<std::string>& args = {});

/// Every label in `lang` as a view (W.key in templates; L. is the report
/// labels' namespace).
EscapedView WebLabels(const std::string& lang);

}  // namespace fa::web
