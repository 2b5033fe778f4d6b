// The label tables are complete: every key is there once, in Chinese and in
// English; every key the web sources (ctx.Label("key")) and the page
// templates (W.key) use exists, and every key is used; no web source
// outside the tables holds an inline zh/en pair (T("…","…")) or Chinese
// text of its own.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "base/text.h"
#include "report/report_template.h"
#include "web/web_labels.h"

namespace fa::webtest {
namespace {

namespace fs = std::filesystem;

const fs::path kSources = fs::path(FA_SOURCE_DIR) / "src" / "web";
const fs::path kTemplates = fs::path(FA_SOURCE_DIR) / "templates" / "web";

bool IsLabelTable(const fs::path& p) {
  return p.filename() == "web_labels.cpp" || p.filename() == "web_messages.cpp";
}

std::vector<fs::path> FilesIn(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == extension) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

/// Every capture of `pattern` in `text`.
std::set<std::string> Captures(const std::string& text, const std::regex& pattern) {
  std::set<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) out.insert((*it)[1].str());
  return out;
}

/// Whether UTF-8 `text` holds CJK text: ideographs, CJK punctuation and
/// full-width forms (U+3000–U+9FFF, U+FF00–U+FFEF).
bool HoldsChinese(const std::string& text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const auto lead = static_cast<unsigned char>(text[i]), next = static_cast<unsigned char>(text[i + 1]);
    if (lead >= 0xE3 && lead <= 0xE9) return true;
    if (lead == 0xEF && (next == 0xBC || next == 0xBD || next == 0xBE || next == 0xBF)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("web: labels — every key once, with Chinese and English text") {
  std::set<std::string> keys;
  int count = 0;
  for (const auto* table : {&web::PageLabels(), &web::MessageLabels()})
    for (const auto& l : *table) {
      const std::string key = l.key;
      CAPTURE(key);
      CHECK(keys.insert(key).second);
      CHECK(std::string(l.zh) != "");
      CHECK(std::string(l.en) != "");
      ++count;
    }
  CHECK(count > 150);
  CHECK(web::LabelIn("en", "user_created", {"wang"}) == "Created user wang");
  CHECK(web::LabelIn("zh", "password_reset", {"li", "{}x"}) == "已重置 li 的密码，一次性密码：{}x");
}

TEST_CASE("web: labels — every key used by the sources and templates exists, and every key is used") {
  std::set<std::string> known;
  for (const auto* table : {&web::PageLabels(), &web::MessageLabels()})
    for (const auto& l : *table) known.insert(l.key);
  std::set<std::string> used;
  const std::regex in_code(R"re(\b(?:Label\(|LabelIn\([A-Za-z_.]+, )"([A-Za-z0-9_]+)")re");
  for (const auto& file : FilesIn(kSources, ".cpp"))
    for (const auto& key : Captures(ReadFile(file.string()), in_code)) {
      CAPTURE(file.string());
      CAPTURE(key);
      CHECK(known.count(key));
      used.insert(key);
    }
  const std::regex in_template(R"(\bW\.([A-Za-z0-9_]+))");
  int templates = 0;
  for (const auto& file : FilesIn(kTemplates, ".html")) {
    ++templates;
    const std::string text = ReadFile(file.string());
    CHECK(CheckTemplateSyntax(text, file.string()) == "");
    for (const auto& key : Captures(text, in_template)) {
      CAPTURE(file.string());
      CAPTURE(key);
      CHECK(known.count(key));
      used.insert(key);
    }
  }
  CHECK(templates >= 10);
  for (const auto& key : known) {
    CAPTURE(key);
    CHECK(used.count(key));
  }
}

TEST_CASE("web: labels — no inline zh/en pair and no Chinese text outside the label tables") {
  int sources = 0;
  for (const auto& ext : {".cpp", ".h"})
    for (const auto& file : FilesIn(kSources, ext)) {
      if (IsLabelTable(file)) continue;
      ++sources;
      const std::string text = ReadFile(file.string());
      CAPTURE(file.string());
      CHECK(text.find("T(\"") == std::string::npos);
      CHECK_FALSE(HoldsChinese(text));
    }
  CHECK(sources > 30);
}

}  // namespace fa::webtest
