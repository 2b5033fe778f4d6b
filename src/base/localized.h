// Localized text: every user-facing string in a rubric exists in Chinese and
// English (`{zh: …, en: …}`); reports pick one by --lang.
#pragma once

#include <string>

namespace fa {

struct LocalizedText {
  std::string zh;
  std::string en;

  /// The text in `lang` ("zh" or "en"), falling back to the other language.
  const std::string& In(const std::string& lang) const {
    if (lang == "en") return en.empty() ? zh : en;
    return zh.empty() ? en : zh;
  }
  bool empty() const { return zh.empty() && en.empty(); }
};

}  // namespace fa
