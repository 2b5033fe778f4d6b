// The reports' UI labels in Chinese and English: one table for every
// template, so a label is written once (docs/reports.md: Chinese first, English
// with --lang en). Labels are trusted markup written in report_labels.cpp;
// FillLabel escapes every value it puts into one.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace fa {

struct ReportLabel {
  const char* key;
  const char* zh;
  const char* en;
};

/// Every label, in a fixed order.
const std::vector<ReportLabel>& ReportLabels();

/// The label `key` in `lang` ("en", else Chinese). Throws std::logic_error
/// for an unknown key: a missing label is a bug, not bad input.
std::string Label(const std::string& key, const std::string& lang);

/// Label `key` in `lang`, or `fallback` when there is no such label (for
/// labels named after data, such as tag names).
std::string LabelOr(const std::string& key, const std::string& lang, const std::string& fallback);

/// Label `key` with each "{name}" replaced by HtmlEscape(values[name]).
std::string FillLabel(const std::string& key, const std::string& lang,
                      const std::map<std::string, std::string>& values);

/// Label `key` with "{name}" replaced by values[name] as given: plain text
/// for a caller that escapes the whole (SVG titles and labels).
std::string FillLabelText(const std::string& key, const std::string& lang,
                          const std::map<std::string, std::string>& values);

}  // namespace fa
