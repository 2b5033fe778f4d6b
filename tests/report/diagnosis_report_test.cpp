#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/text.h"
#include "report/report_renderer.h"
#include "report/report_view.h"
#include "report/report_fixtures.h"

namespace fa {

namespace {

using testing::GatedSample;
using testing::SetEveryText;
using testing::SumSample;

const std::string kTemplates = std::string(FA_SOURCE_DIR) + "/templates";

std::string Render(const Assessment& a, const std::string& lang) {
  ReportOptions options;
  options.lang = lang;
  options.templates_dir = kTemplates;
  return RenderDiagnosisReport(a, options);
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// Compares with tests/golden/report/NAME. FA_REGENERATE_GOLDEN=1 rewrites the
// file instead: regenerated golden files are reviewed like code (read the
// diff, open the HTML) before they are committed.
void CheckGolden(const std::string& actual, const std::string& name) {
  const std::string path = std::string(FA_SOURCE_DIR) + "/tests/golden/report/" + name;
  const char* regenerate = std::getenv("FA_REGENERATE_GOLDEN");
  if (regenerate && std::string(regenerate) == "1") {
    WriteFile(path, actual);
    MESSAGE("regenerated " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing golden file " << path << " (run with FA_REGENERATE_GOLDEN=1)");
  std::stringstream expected;
  expected << in.rdbuf();
  if (actual == expected.str()) return;
  std::istringstream a(actual), e(expected.str());
  std::string la, le;
  int line = 0;
  while (true) {
    ++line;
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_e = static_cast<bool>(std::getline(e, le));
    if (!more_a && !more_e) break;
    if (la != le || more_a != more_e) {
      FAIL_CHECK(path << ":" << line << ": differs\n  expected: " << le << "\n  actual:   " << la);
      return;
    }
  }
  FAIL_CHECK(path << ": differs");
}

const char* const kHostile = "<script>alert(1)</script> \"quotes\" 'single' &amp; a & b";
const char* const kEscaped =
    "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &#39;single&#39; &amp;amp; a &amp; b";

}  // namespace

TEST_CASE("diagnosis report: gated rubric, Chinese, matches the golden file") {
  CheckGolden(Render(GatedSample(), "zh"), "gated_zh.html");
}

TEST_CASE("diagnosis report: gated rubric, English, matches the golden file") {
  CheckGolden(Render(GatedSample(), "en"), "gated_en.html");
}

TEST_CASE("diagnosis report: points rubric, Chinese, matches the golden file") {
  CheckGolden(Render(SumSample(), "zh"), "sum_zh.html");
}

TEST_CASE("diagnosis report: hostile text in every field comes out escaped, and there is no script") {
  for (Assessment a : {GatedSample(), SumSample()}) {
    SetEveryText(a, kHostile);
    for (const char* lang : {"zh", "en"}) {
      CAPTURE(lang);
      const std::string html = Render(a, lang);
      CHECK(Count(html, "<script") == 0);
      CHECK(html.find("<script>alert") == std::string::npos);
      CHECK(html.find("\"quotes\"") == std::string::npos);
      CHECK(html.find("'single'") == std::string::npos);
      CHECK(html.find("a & b") == std::string::npos);
      CHECK(html.find(kEscaped) != std::string::npos);
      // Escaped wherever it shows: title, cover, profile, tables, charts.
      CHECK(Count(html, kEscaped) >= 20);
      CHECK(html.find("<title>" + std::string(kEscaped)) != std::string::npos);
      CHECK(html.find("<h1 class=\"cover-company\">" + std::string(kEscaped) + "</h1>") != std::string::npos);
      // In the running head the name is a CSS string: no quote, no "<".
      CHECK(html.find("content: \"\\3c script\\3e alert\\28 1\\29 \\3c \\2f script\\3e  \\22 quotes\\22 ") !=
            std::string::npos);
    }
  }
}

TEST_CASE("diagnosis report: a 300-character company name is escaped in full on the cover") {
  Assessment a = GatedSample();
  std::string name = "<b>";
  while (name.size() < 300) name += "R&D ";
  name.resize(300);
  a.factory.name = name;
  const std::string html = Render(a, "zh");
  CHECK(html.find("<h1 class=\"cover-company\">" + HtmlEscape(name) + "</h1>") != std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("R&D") == std::string::npos);
}

TEST_CASE("diagnosis report: one self-contained file, valid HTML5 head, no external resource") {
  for (const char* lang : {"zh", "en"}) {
    const std::string html = Render(GatedSample(), lang);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"", 0) == 0);
    CHECK(html.find(std::string("<html lang=\"") + (std::string(lang) == "en" ? "en" : "zh-CN") + "\">") !=
          std::string::npos);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("@page") != std::string::npos);
    CHECK(html.find("size: A4") != std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("<?") == std::string::npos);  // every template command was consumed
    CHECK(html.find("</html>") != std::string::npos);
  }
}

TEST_CASE("diagnosis report: the radar shows the four depth-1 nodes when only two are at the top") {
  const Assessment a = GatedSample();
  std::vector<const NodeResult*> nodes = RadarNodes(a);
  REQUIRE(nodes.size() == 4);
  CHECK(nodes[0]->id == "personnel");
  CHECK(nodes[3]->id == "logistics");
  CHECK(RadarNodes(SumSample()).size() == 4);  // four top-level parts
  const std::string html = Render(a, "zh");
  CHECK(Count(html, "class=\"radar-axis\"") == 4);
}

TEST_CASE("diagnosis report: the rule, the gap and the recommendations are stated") {
  const std::string zh = Render(GatedSample(), "zh");
  CHECK(zh.find("门槛 θ = 0.80") != std::string::npos);
  CHECK(zh.find("S = (k − 1) + s<sub>k</sub> + s<sub>k+1</sub>") != std::string::npos);
  CHECK(zh.find("2.80 ≤ S &lt; 3.80") != std::string::npos);
  CHECK(zh.find("成熟度得分 <strong>3.30</strong>") != std::string::npos);
  CHECK(Count(zh, "<td class=\"star-col\">★</td>") == 2);
  CHECK(zh.find("仓储智能管理") != std::string::npos);
  const std::string points = Render(SumSample(), "en");
  CHECK(points.find("<strong>27.9</strong> of 100 points") != std::string::npos);
  CHECK(points.find("some facts in the rubric") != std::string::npos);  // provisional
  CHECK(points.find(">+8</td>") != std::string::npos);                   // effects in points
}

}  // namespace fa
