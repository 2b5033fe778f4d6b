#include <doctest/doctest.h>

#include <functional>

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "base/env.h"
#include "report/questionnaire.h"
#include "report/report_test_support.h"
#include "rubric/rubric_loader.h"

namespace fa {

namespace {

using testing::CheckGolden;
using testing::Count;

const std::string kData = std::string(FA_SOURCE_DIR) + "/tests/data/report/";

Rubric SampleRubric() {
  Diagnostics diags;
  auto rubric = LoadRubric(kData + "questionnaire_rubric.yaml", diags);
  REQUIRE_MESSAGE(rubric.has_value(), diags.Format());
  return *rubric;
}

// The sample answers, their values settled the way the command settles them.
AnswerSet SampleAnswers(const Rubric& rubric) {
  Diagnostics diags;
  auto set = LoadAnswerSet(kData + "questionnaire_answers.yaml", diags);
  REQUIRE_MESSAGE(set.has_value(), diags.Format());
  for (Answer& a : set->answers)
    if (const Criterion* c = rubric.FindCriterion(a.criterion)) CHECK(CheckAnswerValue(rubric, *c, a).empty());
  set->file = "questionnaire_answers.yaml";
  return *set;
}

std::string Render(const Rubric& rubric, const AnswerSet* answers, const std::string& lang) {
  ReportOptions options;
  options.lang = lang;
  options.templates_dir = testing::kTemplates;
  return QuestionnaireRenderer(options).Render(rubric, answers);
}

}  // namespace

TEST_CASE("questionnaire: blank, Chinese, matches the golden file") {
  CheckGolden(Render(SampleRubric(), nullptr, "zh"), "questionnaire_blank_zh.html");
}

TEST_CASE("questionnaire: partly filled, Chinese and English, match the golden files") {
  const Rubric rubric = SampleRubric();
  const AnswerSet answers = SampleAnswers(rubric);
  CheckGolden(Render(rubric, &answers, "zh"), "questionnaire_filled_zh.html");
  CheckGolden(Render(rubric, &answers, "en"), "questionnaire_filled_en.html");
}

TEST_CASE("questionnaire: the shipped SME rubric says 'tick all that apply' once per multiple choice question") {
  Diagnostics diags;
  auto sme = LoadRubric(std::string(FA_SOURCE_DIR) + "/rubrics/sme-digital-2024.yaml", diags);
  REQUIRE(sme);
  int multi = 0;
  for (const Criterion* c : sme->AllCriteria()) multi += std::string(c->kind->name()) == "multi";
  REQUIRE(multi > 0);
  const std::string zh = Render(*sme, nullptr, "zh"), en = Render(*sme, nullptr, "en");
  CHECK(Count(zh, "（可多选") == static_cast<size_t>(multi));
  CHECK(Count(en, "(tick all that apply") == static_cast<size_t>(multi));
  CHECK(Count(en, "select all that apply") == 0);
  // Its warning about provisional facts speaks of the questionnaire, not a report.
  CHECK(zh.find("本问卷所依据的评价模型") != std::string::npos);
  CHECK(zh.find("本报告") == std::string::npos);
}

TEST_CASE("questionnaire: every criterion with its options, answers tick boxes and fill lines") {
  const Rubric rubric = SampleRubric();
  const std::string blank = Render(rubric, nullptr, "zh");
  CHECK(Count(blank, "<article class=\"q-item") == 8);
  CHECK(Count(blank, "class=\"cb on\"") == 0);
  CHECK(blank.find("（可多选，最多计 3 分）") != std::string::npos);
  CHECK(blank.find("&gt; 20，≤ 60 %") != std::string::npos);  // a band without a label
  const AnswerSet answers = SampleAnswers(rubric);
  const std::string filled = Render(rubric, &answers, "zh");
  // shopfloor, the 20–60 % band, "yes", L2, "na" on quality, "discrete".
  CHECK(Count(filled, "class=\"cb on\"") == 6);
  CHECK(filled.find("<span class=\"line\">车间交换机清单</span>") != std::string::npos);
  CHECK(filled.find("<span class=\"line short\">35</span>") != std::string::npos);
  CHECK(filled.find("5 / 8 项") != std::string::npos);
  // The process-industry item does not apply to a discrete manufacturer.
  CHECK(Count(filled, "q-item q-na") == 1);
}

TEST_CASE("questionnaire: hostile text in every rubric and answer field renders as text") {
  Rubric rubric = SampleRubric();
  AnswerSet answers = SampleAnswers(rubric);
  const std::string h = testing::kHostile;
  const LocalizedText both{h, h};
  rubric.title = rubric.description = both;
  rubric.basis = rubric.version = h;
  for (auto& [id, scale] : rubric.scales)
    for (auto& step : scale.steps) step.label = both;
  for (auto& l : rubric.levels) l.name = l.description = both;
  std::function<void(Node&)> walk = [&](Node& n) {
    n.title = n.description = both;
    for (auto& c : n.criteria) {
      c.text = c.evidence = c.help = both;
      c.unit = h;
      for (auto& o : c.options) o.label = both;
      for (auto& b : c.bands) b.label = both;
    }
    for (auto& child : n.children) walk(child);
  };
  for (auto& n : rubric.tree) walk(n);
  answers.factory.name = answers.factory.credit_code = answers.factory.town = answers.factory.industry = h;
  answers.assessor = answers.date = h;
  for (auto& a : answers.answers) a.evidence = a.note = h;
  for (const char* lang : {"zh", "en"}) {
    CAPTURE(lang);
    const std::string html = Render(rubric, &answers, lang);
    testing::CheckHostileEscaped(html, 40);
    CHECK(html.find("<h1 class=\"cover-company\">" + std::string(testing::kEscaped) + "</h1>") != std::string::npos);
  }
}

}  // namespace fa

#include <sstream>

#include "cli/command.h"

namespace fa {

namespace {

struct InProcessRun {
  int code;
  std::string out, err;
};

InProcessRun Cli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = RunCommandLine(args, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("questionnaire command: usage errors exit 2, bad answers exit 1 with the diagnostics") {
  const std::string rubric = kData + "questionnaire_rubric.yaml";
  const TempDir dir("fa-questionnaire-test");
  const std::string html = dir.File("q.html"), bad_answers = dir.File("bad.yaml");
  CHECK(Cli({"questionnaire", "-o", html}).code == 2);
  CHECK(Cli({"questionnaire", "--rubric", rubric, "--lang", "fr", "-o", html}).code == 2);
  testing::WriteBadAnswers(bad_answers);
  const InProcessRun bad = Cli({"questionnaire", "--rubric", rubric, bad_answers, "-o", html});
  CHECK(bad.code == 1);
  CHECK(bad.err.find("unknown criterion 'foundation.netwrok', did you mean 'foundation.network'?") != std::string::npos);
  const InProcessRun ok = Cli({"questionnaire", "--rubric", rubric, kData + "questionnaire_answers.yaml", "-o", html});
  CHECK(ok.code == 0);
  CHECK(ok.out == "wrote " + html + " (8 items, 上海冈泰精密机械加工有限公司)\n");
}

TEST_CASE("questionnaire command: --pdf without Chromium exits 1 and says what to install") {
  const TempDir dir("fa-questionnaire-test");
  setenv("FA_CHROMIUM", "/nonexistent/chromium", 1);
  const InProcessRun r = Cli({"questionnaire", "--rubric", kData + "questionnaire_rubric.yaml", "-o", dir.File("q.html"), "--pdf"});
  unsetenv("FA_CHROMIUM");
  CHECK(r.code == 1);
  CHECK(r.err ==
        "questionnaire: error: cannot print to PDF: Chromium not found at /nonexistent/chromium; install it with: "
        "apt-get install chromium fonts-noto-cjk (or set FA_CHROMIUM to its path)\n");
}

}  // namespace fa
