#include "report/view_context.h"

#include <cstdio>

#include "base/text.h"
#include "report/report_labels.h"

namespace fa {

ViewContext::ViewContext(const std::string& language, std::shared_ptr<const District> names)
    : lang(language == "en" ? "en" : "zh"), district(std::move(names)) {}

std::string ViewContext::Named(ChoiceList list, const std::string& value) const {
  return district ? district->NameOf(list, value, lang) : value;
}

std::string ViewContext::L(const std::string& key) const { return Label(key, lang); }

std::string ViewContext::LabelOr(const std::string& key, const std::string& fallback) const {
  return fa::LabelOr(key, lang, fallback);
}

std::string ViewContext::Fill(const std::string& key, const std::map<std::string, std::string>& values) const {
  return FillLabel(key, lang, values);
}

std::string ViewContext::FillText(const std::string& key, const std::map<std::string, std::string>& values) const {
  return FillLabelText(key, lang, values);
}

std::string ViewContext::TOr(const LocalizedText& text, const std::string& fallback) const {
  return T(text).empty() ? fallback : T(text);
}

EscapedView ViewContext::BeginPage(const PageFrame& frame) const {
  EscapedView v;
  v.Text("html_lang", lang == "en" ? "en" : "zh-CN")
      .Text("doc_title", frame.subject + " — " + frame.report)
      .Markup("running_head", CssString(frame.running + " · " + frame.report))
      .Markup("running_date", CssString(frame.date))
      .Child("L", LabelsView(lang));
  return v;
}

std::string Percent(double fraction) { return FormatFixed(fraction * 100, 1) + "%"; }

namespace {

EscapedView LabelObject(const std::string& lang) {
  EscapedView v;
  for (const auto& l : ReportLabels()) v.Markup(l.key, lang == "en" ? l.en : l.zh);
  return v;
}

}  // namespace

// Every label in one language, built once and shared by every report (the
// view holds it by pointer and nobody writes to it after construction).
const EscapedView& LabelsView(const std::string& lang) {
  static const EscapedView zh = LabelObject("zh"), en = LabelObject("en");
  return lang == "en" ? en : zh;
}

std::string CssString(const std::string& raw) {
  std::string out;
  for (unsigned char ch : raw) {
    if (ch >= 0x80 || ch == ' ' || (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')) {
      out += static_cast<char>(ch);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%x ", ch);
      out += buf;
    }
  }
  return out;
}

}  // namespace fa
