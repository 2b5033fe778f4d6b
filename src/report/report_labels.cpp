#include "report/report_labels.h"

#include <stdexcept>

#include "base/text.h"
#include "report/report_labels_tables.h"

namespace fa {

const std::vector<ReportLabel>& ReportLabels() {
  static const std::vector<ReportLabel> all = [] {
    std::vector<ReportLabel> v;
    for (const auto* table : {&DiagnosisLabels(), &PlanLabels(), &QuestionnaireLabels(), &RankingLabels(),
                              &PortfolioLabels(), &DemandLabels(), &ProviderPageLabels()})
      v.insert(v.end(), table->begin(), table->end());
    return v;
  }();
  return all;
}

namespace {

const std::map<std::string, const ReportLabel*>& Index() {
  static const std::map<std::string, const ReportLabel*> index = [] {
    std::map<std::string, const ReportLabel*> m;
    for (const auto& l : ReportLabels()) m[l.key] = &l;
    return m;
  }();
  return index;
}

}  // namespace

std::string Label(const std::string& key, const std::string& lang) {
  auto it = Index().find(key);
  if (it == Index().end()) throw std::logic_error("unknown report label '" + key + "'");
  return lang == "en" ? it->second->en : it->second->zh;
}

std::string LabelOr(const std::string& key, const std::string& lang, const std::string& fallback) {
  auto it = Index().find(key);
  if (it == Index().end()) return fallback;
  return lang == "en" ? it->second->en : it->second->zh;
}

namespace {

std::string Fill(const std::string& pattern, const std::map<std::string, std::string>& values, bool escape) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close != std::string::npos) {
        auto it = values.find(pattern.substr(i + 1, close - i - 1));
        if (it != values.end()) {
          out += escape ? HtmlEscape(it->second) : it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

}  // namespace

std::string FillLabel(const std::string& key, const std::string& lang,
                      const std::map<std::string, std::string>& values) {
  return Fill(Label(key, lang), values, true);
}

std::string FillLabelText(const std::string& key, const std::string& lang,
                          const std::map<std::string, std::string>& values) {
  return Fill(Label(key, lang), values, false);
}

}  // namespace fa
