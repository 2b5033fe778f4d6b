// The command line end to end, through the built binary: exit codes
// (0 ok, 1 bad input, 2 usage), --help everywhere, and the main job.
#include <doctest/doctest.h>

#include "cli/cli_runner.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <yaml-cpp/yaml.h>

#include "assessment/assessment_json.h"
#include "base/atomic_file.h"
#include "base/env.h"
#include "base/text.h"
#include "cli/command.h"

namespace fa {
namespace {

using Run = CliRun;

Run Cli(const std::string& args) { return RunCli(args, /*merge_stderr=*/true); }

TEST_CASE("cli: every command answers --help with exit 0") {
  CHECK(Cli("--help").status == 0);
  for (const auto& c : Commands()) {
    CAPTURE(c.name);
    Run r = Cli(std::string(c.name) + " --help");
    CHECK(r.status == 0);
    CHECK(r.out.find("usage: factory-assess") != std::string::npos);
  }
}

TEST_CASE("cli: usage errors exit 2") {
  CHECK(Cli("").status == 2);
  CHECK(Cli("frobnicate").status == 2);
  CHECK(Cli("score examples/cmmm-ic-packaging.yaml").status == 2);
  CHECK(Cli("score --rubric rubrics/cmmm.yaml --bogus x").status == 2);
  CHECK(Cli("report --rubric rubrics/cmmm.yaml examples/cmmm-ic-packaging.yaml").status == 2);
  CHECK(Cli("validate").status == 2);
}

TEST_CASE("cli: bad input exits 1 with positioned diagnostics and writes nothing") {
  TempDir dir("fa-cli-test");
  const std::string out = dir.File("out.json");
  Run r = Cli("score --rubric tests/data/ok/scoring/gated.yaml tests/data/bad/answers/bad_values.yaml -o " + out);
  CHECK(r.status == 1);
  CHECK(r.out.find("bad_values.yaml:5:11: error:") != std::string::npos);
  CHECK(std::filesystem::is_empty(dir.path()));
  CHECK(Cli("score --rubric rubrics/nope.yaml examples/cmmm-ic-packaging.yaml").status == 1);
}

TEST_CASE("cli: score, then report from the saved assessments without rescoring") {
  TempDir dir("fa-cli-test");
  const std::string saved = dir.File("assessments.json"), report = dir.File("report.html");
  Run s = Cli("score --rubric rubrics/cmmm.yaml examples/cmmm-ic-packaging.yaml examples/cmmm-weak-textile.yaml"
              " -o " + saved + " --generated-at 2026-01-01T00:00:00Z");
  REQUIRE_MESSAGE(s.status == 0, s.out);
  CHECK(s.out.find("level 3") != std::string::npos);
  Run many = Cli("report " + saved + " -o " + report);
  CHECK(many.status == 1);  // two factories: --factory is needed
  CHECK(many.out.find("--factory") != std::string::npos);
  std::string json = ReadFile(saved);
  std::string code = json.substr(json.find("\"credit_code\": \"") + 16, 18);
  Run one = Cli("report " + saved + " --factory " + code + " -o " + report);
  REQUIRE_MESSAGE(one.status == 0, one.out);
  std::string html = ReadFile(report);
  CHECK(html.find("<!DOCTYPE html>") == 0);
  CHECK(html.find(code) != std::string::npos);
}

TEST_CASE("cli: a level-1 plant answered on levels 1 and 2 only scores the same and its report says what was not assessed") {
  // The weak textile plant (level 1, s_2 = 0.44) with its answers to levels
  // 3-5 left out: they cannot change the result under the gated rule
  // (service/draft_standing.h), so the file checks, the level and score are
  // those of the full file, and the report lists the rest as not assessed.
  TempDir dir("fa-cli-short");
  YAML::Node doc = YAML::LoadFile("examples/cmmm-weak-textile.yaml");
  YAML::Node kept(YAML::NodeType::Map);
  int dropped = 0;
  for (const auto& kv : doc["answers"]) {
    const std::string id = kv.first.as<std::string>();
    const bool high = id.find(".l3.") != std::string::npos || id.find(".l4.") != std::string::npos ||
                      id.find(".l5.") != std::string::npos;
    if (high) ++dropped;
    else kept[id] = kv.second;
  }
  REQUIRE(dropped > 50);
  doc["answers"] = kept;
  YAML::Emitter emitted;
  emitted << doc;
  const std::string short_file = dir.File("short.yaml");
  WriteFile(short_file, emitted.c_str());
  const std::string stamp = " --generated-at 2026-01-01T00:00:00Z";
  Run full = Cli("score --rubric rubrics/cmmm.yaml examples/cmmm-weak-textile.yaml -o " + dir.File("full.json") + stamp);
  Run brief = Cli("score --rubric rubrics/cmmm.yaml " + short_file + " -o " + dir.File("short.json") + stamp);
  REQUIRE_MESSAGE(full.status == 0, full.out);
  REQUIRE_MESSAGE(brief.status == 0, brief.out);
  Diagnostics d;
  const auto a = AssessmentsFromJson(ReadFile(dir.File("full.json")), "full.json", d);
  const auto b = AssessmentsFromJson(ReadFile(dir.File("short.json")), "short.json", d);
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 1);
  CHECK(b[0].level == 1);
  CHECK(b[0].level == a[0].level);
  CHECK(b[0].score == doctest::Approx(a[0].score));
  int not_assessed = 0;
  for (const auto& cr : b[0].criteria) not_assessed += cr.status == "not_assessed";
  CHECK(not_assessed > 50);
  Run report = Cli("report --rubric rubrics/cmmm.yaml " + short_file + " --appendix full -o " + dir.File("short.html"));
  REQUIRE_MESSAGE(report.status == 0, report.out);
  const std::string html = ReadFile(dir.File("short.html"));
  CHECK(html.find("项 3–5 级要求未评估") != std::string::npos);
  CHECK(html.find("未评估（按不满足计）") != std::string::npos);
  // The default appendix lists only what is below full marks, not the rest.
  Run gaps = Cli("report --rubric rubrics/cmmm.yaml " + short_file + " -o " + dir.File("gaps.html"));
  REQUIRE_MESSAGE(gaps.status == 0, gaps.out);
  const std::string brief_html = ReadFile(dir.File("gaps.html"));
  CHECK(brief_html.find("项 3–5 级要求未评估") != std::string::npos);
  CHECK(brief_html.find("未评估（按不满足计）") == std::string::npos);
  CHECK(Cli("report --rubric rubrics/cmmm.yaml " + short_file + " --appendix some -o " + dir.File("x.html")).status == 2);
  // A level-2 requirement left out is still missing: level 2 decides the score.
  YAML::Node gap = YAML::LoadFile(short_file);
  gap["answers"].remove("org.l2.dedicated_team");
  YAML::Emitter gap_out;
  gap_out << gap;
  WriteFile(dir.File("gap.yaml"), gap_out.c_str());
  Run missing = Cli("score --rubric rubrics/cmmm.yaml " + dir.File("gap.yaml"));
  CHECK(missing.status == 1);
  CHECK(missing.out.find("org.l2.dedicated_team") != std::string::npos);
}

TEST_CASE("cli: report --previous names the previous round and the change since and --tz sets the zone of its dates") {
  TempDir dir("fa-cli-test");
  const std::string earlier = dir.File("earlier.json"), now = dir.File("now.json"), report = dir.File("report.html");
  // The 2025 round of the plant (examples/rounds/2025), then today's.
  REQUIRE(Cli("score --rubric rubrics/cmmm.yaml examples/rounds/2025/cmmm-biomed-malu.yaml examples/cmmm-weak-textile.yaml -o " +
              earlier + " --generated-at 2025-05-01T00:00:00Z").status == 0);
  REQUIRE(Cli("score --rubric rubrics/cmmm.yaml examples/cmmm-biomed-malu.yaml -o " + now +
              " --generated-at 2026-05-01T00:00:00Z").status == 0);
  Run r = Cli("report " + now + " --previous " + earlier + " --lang en --tz UTC+8 -o " + report);
  REQUIRE_MESSAGE(r.status == 0, r.out);
  const std::string html = ReadFile(report);
  CHECK(html.find("<li class=\"previous-round\">Since the previous round (2025, ") != std::string::npos);
  CHECK(html.find("1 May 2026 08:00 (UTC+8)") != std::string::npos);
  // A file of several without this factory, or a zone that is none, is refused.
  Run other = Cli("report " + now + " --previous " + now + " -o " + report);
  CHECK(other.status == 0);  // a file of one: that one
  const std::string two = dir.File("two.json");
  REQUIRE(Cli("score --rubric rubrics/cmmm.yaml examples/cmmm-weak-textile.yaml examples/cmmm-ic-packaging.yaml -o " + two +
              " --generated-at 2025-05-01T00:00:00Z").status == 0);
  Run missing = Cli("report " + now + " --previous " + two + " -o " + report);
  CHECK(missing.status == 1);
  CHECK(missing.out.find("--previous: no assessment of a factory with credit code") != std::string::npos);
  Run bad_zone = Cli("report " + now + " --tz Mars/Base -o " + report);
  CHECK(bad_zone.status == 2);
  CHECK(bad_zone.out.find("--tz: no time zone 'Mars/Base'") != std::string::npos);
}

TEST_CASE("cli: the main job scores every example and writes a report for each") {
  TempDir dir("fa-cli-test");
  Run r = Cli("demo --out " + dir.path() + " --generated-at 2026-01-01T00:00:00Z");
  REQUIRE_MESSAGE(r.status == 0, r.out);
  CHECK(r.out.find("wrote 7 reports") != std::string::npos);
  CHECK(ReadFile(dir.File("cmmm/cmmm-biomed-malu.html")).find("</html>") != std::string::npos);
  // The demand map of each rubric's examples against the example catalogue.
  CHECK(r.out.find("2 demand maps") != std::string::npos);
  CHECK(ReadFile(dir.File("cmmm/demand.html")).find("服务需求地图") != std::string::npos);
  CHECK(ReadFile(dir.File("sme-digital-2024/demand.html")).find("</html>") != std::string::npos);
  // The example provider's page, from the example catalogue and engagements.
  CHECK(r.out.find("wrote provider page") != std::string::npos);
  CHECK(ReadFile(dir.File("provider-p01_mes.html")).find("服务成效") != std::string::npos);
  // No text the program cut: no "…" in any report, in either language (the
  // rubrics, catalogue and examples hold none, so one would be the program's).
  Run en = Cli("demo --lang en --out " + dir.File("en") + " --generated-at 2026-01-01T00:00:00Z");
  REQUIRE_MESSAGE(en.status == 0, en.out);
  int reports = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
    if (entry.path().extension() != ".html") continue;
    ++reports;
    INFO(entry.path().string());
    const std::string html = ReadFile(entry.path().string());
    CHECK(html.find("\xE2\x80\xA6") == std::string::npos);
    // Every diagnosis report names the example catalogue's providers
    // (docs/providers.md), at least three, and says they are made up.
    const std::string name = entry.path().filename().string();
    if (name.rfind("cmmm-", 0) != 0 && name.rfind("sme-", 0) != 0) continue;
    const size_t from = html.find("<section class=\"providers\">");
    REQUIRE(from != std::string::npos);
    const std::string section = html.substr(from, html.find("</section>", from) - from);
    size_t rows = 0;
    for (size_t at = section.find("<li><span class=\"record-answer\">"); at != std::string::npos;
         at = section.find("<li><span class=\"record-answer\">", at + 1))
      ++rows;
    CHECK(rows >= 3);
    const bool en_report = entry.path().string().find("/en/") != std::string::npos;
    CHECK(section.find(en_report ? "Example data" : "示例数据") != std::string::npos);
  }
  CHECK(reports >= 18);
}

}  // namespace
}  // namespace fa

namespace fa {
namespace {

TEST_CASE("cli: demo and report --horizon bound the roadmap's quarters and a bad year is refused") {
  TempDir dir("fa-cli-horizon");
  std::filesystem::create_directories(dir.File("ex"));
  std::filesystem::copy_file("examples/cmmm-weak-textile.yaml", dir.File("ex/cmmm-weak-textile.yaml"));
  Run bad = Cli("demo --examples " + dir.File("ex") + " --out " + dir.File("out") + " --horizon 19");
  CHECK(bad.status == 2);
  CHECK(bad.out.find("--horizon must be a year from 2020 to 2100, got '19'") != std::string::npos);
  Run r = Cli("demo --examples " + dir.File("ex") + " --out " + dir.File("out") + " --horizon 2028");
  REQUIRE_MESSAGE(r.status == 0, r.out);
  const std::string html = ReadFile(dir.File("out/cmmm/cmmm-weak-textile.html"));
  CHECK(html.find(">2028Q4</text>") != std::string::npos);
  CHECK(html.find(">2029Q1</text>") == std::string::npos);
  Run d = Cli("demo --examples " + dir.File("ex") + " --out " + dir.File("default"));
  REQUIRE_MESSAGE(d.status == 0, d.out);
  const std::string by_default = ReadFile(dir.File("default/cmmm/cmmm-weak-textile.html"));
  CHECK(by_default.find(">2027Q4</text>") != std::string::npos);
  CHECK(by_default.find(">2028Q1</text>") == std::string::npos);
  // report takes it too, for one report as for many.
  const std::string answers = dir.File("ex/cmmm-weak-textile.yaml");
  Run one = Cli("report --rubric rubrics/cmmm.yaml " + answers + " -o " + dir.File("one.html") + " --horizon 2029");
  REQUIRE_MESSAGE(one.status == 0, one.out);
  CHECK(ReadFile(dir.File("one.html")).find(">2029Q4</text>") != std::string::npos);
  Run refused = Cli("report --rubric rubrics/cmmm.yaml " + answers + " -o " + dir.File("two.html") + " --horizon 2O29");
  CHECK(refused.status == 2);
  CHECK(refused.out.find("--horizon must be a year from 2020 to 2100, got '2O29'") != std::string::npos);
  CHECK(!std::filesystem::exists(dir.File("two.html")));
}

}  // namespace
}  // namespace fa
