// What every report's view builder shares: the language, the labels in it
// (plain, filled in, as text), localized text, percentages and the page
// frame. Each report's context extends it with what is its own
// (DiagnosisContext, RankingContext, PortfolioContext, QuestionnaireContext).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "base/localized.h"
#include "rubric/district.h"
#include "report/escaped_view.h"

namespace fa {

/// What the page frame of a report says: the browser tab's title and the
/// running head and date of every printed page but the first.
struct PageFrame {
  std::string report;   ///< the report's title, from its label
  std::string subject;  ///< what it is about: the company, the ranking's title
  std::string running;  ///< the subject as the running head shows it
  std::string date;
};

struct ViewContext {
  /// `language`: "en", else Chinese.
  explicit ViewContext(const std::string& language, std::shared_ptr<const District> names = nullptr);

  std::string lang;  ///< "zh" | "en"
  /// The district whose display names Name() gives; may be null.
  std::shared_ptr<const District> district;

  /// The display name of a stored town, industry or manufacturing type;
  /// the value itself when there is no district or it does not know it.
  std::string Named(ChoiceList list, const std::string& value) const;

  std::string L(const std::string& key) const;
  /// Label `key`, or `fallback` when there is no such label (labels named
  /// after data, such as profile fields).
  std::string LabelOr(const std::string& key, const std::string& fallback) const;
  /// Label `key` with each "{name}" replaced by the escaped value.
  std::string Fill(const std::string& key, const std::map<std::string, std::string>& values) const;
  /// Unescaped, for text escaped later as a whole (SVG).
  std::string FillText(const std::string& key, const std::map<std::string, std::string>& values) const;
  const std::string& T(const LocalizedText& text) const { return text.In(lang); }
  /// T(text), or `fallback` (an id) when the text is empty.
  std::string TOr(const LocalizedText& text, const std::string& fallback) const;

  /// A report's view begun with its page frame: html_lang, doc_title
  /// "SUBJECT — REPORT", running_head "RUNNING · REPORT" and running_date
  /// (CSS strings), and L, every label in lang.
  EscapedView BeginPage(const PageFrame& frame) const;
};

/// "72.5%" from 0.725.
std::string Percent(double fraction);

/// Every report label in `lang` as one view object ("L" in templates),
/// built once and shared.
const EscapedView& LabelsView(const std::string& lang);

/// A CSS string body (for `content: "…"` in the running head): everything
/// but letters, digits, spaces and non-ASCII bytes as a hex escape, so no
/// quote, backslash or "</style" survives.
std::string CssString(const std::string& raw);

}  // namespace fa
