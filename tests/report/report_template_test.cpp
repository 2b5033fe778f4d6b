#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <stdexcept>

#include <unistd.h>

#include "base/env.h"
#include "base/text.h"
#include "report/report_labels.h"
#include "report/ranking_report.h"
#include "report/report_renderer.h"
#include "report/report_view.h"
#include "report/report_template.h"

namespace fa {

namespace {

namespace fs = std::filesystem;

// A directory of its own for a test's templates, removed at scope exit.
struct TemplateDir : TempDir {
  TemplateDir() : TempDir("fa-report-test") {}
  void Write(const std::string& name, const std::string& text) const {
    fs::create_directories(fs::path(File(name)).parent_path());
    std::ofstream(File(name), std::ios::binary) << text;
  }
};

std::string LoadError(const std::string& dir, const std::string& name) {
  try {
    ReportTemplate::Load(dir, name);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("template: includes are expanded relative to the including file and rendered") {
  TemplateDir dir;
  dir.Write("main.html", "<p><? include \"parts/name.html\" ?>\n</p>");
  dir.Write("parts/name.html", "<? for s items ?>[<?= s ?>]<? endfor ?>");
  EscapedView view;
  view.TextList("items", {"a<b", "c"});
  CHECK(ReportTemplate::Load(dir.path(), "main.html").Render(view) == "<p>[a&lt;b][c]</p>");
}

TEST_CASE("template: truth, loops and dropped newlines follow Poco::JSON::Template") {
  TemplateDir dir;
  dir.Write("t.html",
            "[<? if e ?>E<? endif ?>][<? if s ?>S<? endif ?>][<? if z ?>Z<? endif ?>][<? if no ?>N<? endif ?>]"
            "[<? if none ?>M<? elif s ?>elif<? else ?>else<? endif ?>][<? ifexist e ?>X<? endif ?>][<?= n ?>]\n"
            "x<?= s ?>\n<? for i items ?>\n-<?= i.k ?><? if i.on ?>+<? endif ?>\n<? endfor ?>\nend");
  EscapedView a, b, view;
  a.Text("k", "a&").Flag("on", true);
  b.Text("k", "b").Flag("on", false);
  view.Text("e", "").Text("s", "x").Int("z", 0).Flag("no", false).Int("n", 42).List("items", {a, b});
  CHECK(ReportTemplate::Load(dir.path(), "t.html").Render(view) ==
        "[][S][][][elif][X][42]\nxx\n-a&amp;+-bend");  // the newline after a block command is dropped
}

TEST_CASE("template: a missing template or include is an error naming the file") {
  TemplateDir dir;
  const std::string d = dir.path();
  CHECK(LoadError(d, "absent.html") == d + "/absent.html: cannot read template");
  dir.Write("main.html", "x\n<? include \"gone.html\" ?>");
  CHECK(LoadError(d, "main.html") ==
        d + "/gone.html: cannot read template\n" + d + "/main.html:2: note: included from here");
}

TEST_CASE("template: <? sections ?> stands for the sections' partials, one after the other") {
  TemplateDir dir;
  const std::string d = dir.path();
  dir.Write("main.html", "<main>\n<? sections ?>\n</main>");
  dir.Write("parts/a.html", "<a><?= a ?></a>\n");
  dir.Write("parts/b.html", "<b><? include \"c.html\" ?></b>\n");
  dir.Write("parts/c.html", "<?= b ?>");
  EscapedView view;
  view.Text("a", "1&").Int("b", 2);
  CHECK(ReportTemplate::Load(d, "main.html", {"parts/b.html", "parts/a.html"}).Render(view) ==
        "<main>\n<b>2</b>\n<a>1&amp;</a>\n</main>");
  CHECK(LoadError(d, "main.html") == d + "/main.html:2: <? sections ?> in a template loaded without sections");
  CHECK_THROWS_WITH_AS(ReportTemplate::Load(d, "main.html", {"parts/gone.html"}),
                       (d + "/parts/gone.html: cannot read template\n" + d + "/main.html:2: note: included from here")
                           .c_str(),
                       std::runtime_error);
  dir.Write("args.html", "<? sections all ?>");
  CHECK(LoadError(d, "args.html") == d + "/args.html:1: <? sections ?> takes no argument");
}

TEST_CASE("template: every partial is a report's section or included by a template, and exists") {
  const fs::path root = fs::path(FA_SOURCE_DIR) / "templates";
  std::set<std::string> used;
  for (const auto& partials : {DiagnosisSectionPartials(), RankingSectionPartials()})
    for (const auto& partial : partials) {
      CAPTURE(partial);
      CHECK(fs::exists(root / partial));
      CHECK(used.insert(partial).second);  // no section twice
    }
  const std::regex include(R"re(<\? include "([^"]+)" \?>)re");
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const std::string text = ReadFile(entry.path().string());
    for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it) used.insert((*it)[1].str());
  }
  for (const auto& entry : fs::directory_iterator(root / "partials")) {
    CAPTURE(entry.path().string());
    CHECK(used.count("partials/" + entry.path().filename().string()) == 1);
  }
}

TEST_CASE("template: malformed templates are errors with the file and line") {
  TemplateDir dir;
  const std::string d = dir.path();
  dir.Write("open.html", "a\n<? for x xs ?>\nb");
  CHECK(LoadError(d, "open.html") == d + "/open.html:2: <? for ?> is never closed");
  dir.Write("stray.html", "<? if a ?>\n<? endfor ?>");
  CHECK(LoadError(d, "stray.html") == d + "/stray.html:2: <? endfor ?> without an open <? for ?>");
  dir.Write("unknown.html", "\n\n<? loop x ?>");
  CHECK(LoadError(d, "unknown.html") == d + "/unknown.html:3: unknown template command 'loop'");
  dir.Write("unterminated.html", "<?= x ");
  CHECK(LoadError(d, "unterminated.html") == d + "/unterminated.html:1: '<?' without a closing '?>'");
  dir.Write("args.html", "<? for x ?><? endfor ?>");
  CHECK(LoadError(d, "args.html") == d + "/args.html:1: <? for ?> takes a variable and a query");
}

TEST_CASE("template: lines are counted in one pass, so a long template with many commands names the right line") {
  // 100,000 commands over 200,000 lines: counting each command's line from
  // the start of the text again would take minutes, not milliseconds.
  TemplateDir dir;
  const std::string d = dir.path();
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "<p>\n<?= row.value ?>\n";
  dir.Write("long.html", text + "<? endfor ?>");
  CHECK(LoadError(d, "long.html") == d + "/long.html:200001: <? endfor ?> without an open <? for ?>");
  dir.Write("long_open.html", text + "\n<?= x ");
  CHECK(LoadError(d, "long_open.html") == d + "/long_open.html:200002: '<?' without a closing '?>'");
}

TEST_CASE("template: the renderer reports a missing templates directory by file") {
  ReportOptions options;
  options.templates_dir = "/nonexistent/templates";
  CHECK_THROWS_WITH_AS(DiagnosisReportRenderer{options},
                       "/nonexistent/templates/diagnosis_report.html: cannot read template", std::runtime_error);
}

TEST_CASE("template: the default templates directory is $FA_TEMPLATES_DIR, else one holding the report") {
  const char* before = std::getenv("FA_TEMPLATES_DIR");
  const std::string saved = before ? before : "";
  setenv("FA_TEMPLATES_DIR", "/somewhere/templates", 1);
  CHECK(DefaultTemplatesDir() == "/somewhere/templates");
  unsetenv("FA_TEMPLATES_DIR");
  // Beside the build directory, or ./templates: tests run in the repository root.
  const std::string found = DefaultTemplatesDir();
  CHECK(fs::exists(fs::path(found) / "diagnosis_report.html"));
  if (before) setenv("FA_TEMPLATES_DIR", saved.c_str(), 1);
}

TEST_CASE("template: every shipped template is well formed and every label it uses exists") {
  const fs::path root = fs::path(FA_SOURCE_DIR) / "templates";
  const std::regex label(R"(\bL\.([A-Za-z0-9_]+))");
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".html") continue;
    ++files;
    const std::string text = ReadFile(entry.path().string());
    CHECK(CheckTemplateSyntax(text, entry.path().string()) == "");
    for (std::sregex_iterator it(text.begin(), text.end(), label), end; it != end; ++it) {
      CAPTURE(entry.path().string());
      CHECK_NOTHROW(Label((*it)[1].str(), "zh"));
    }
  }
  CHECK(files >= 2);
}

TEST_CASE("labels: every label has both languages and placeholders are escaped when filled") {
  for (const auto& l : ReportLabels()) {
    CAPTURE(l.key);
    CHECK(std::string(l.zh).size() > 0);
    CHECK(std::string(l.en).size() > 0);
  }
  CHECK(FillLabel("level_n", "en", {{"n", "<3>"}}) == "Level &lt;3&gt;");
  CHECK(FillLabelText("level_n", "zh", {{"n", "<3>"}}) == "第 <3> 级");
  CHECK_THROWS_AS(Label("no_such_label", "zh"), std::logic_error);
}

}  // namespace fa
