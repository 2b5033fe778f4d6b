// The coverage of the diagnosis duty (src/ranking/duty_coverage.h,
// docs/coverage.md) on hand-made lists whose counts are worked out here.
#include <doctest/doctest.h>

#include "answers/credit_code.h"
#include "base/text.h"
#include "ranking/duty_coverage.h"
#include "text_checks.h"

using namespace fa;
using fa::testing::Has;

namespace {

/// A well-formed credit code from 17 characters and its check character.
std::string DutyCode(const std::string& first17) { return first17 + CreditCodeCheckChar(first17); }

const District& JiadingForDuty() {
  static const District d = [] {
    Diagnostics diags;
    auto loaded = LoadDistrict(std::string(FA_SOURCE_DIR) + "/districts/jiading.yaml", diags);
    REQUIRE(loaded);
    return *loaded;
  }();
  return d;
}

}  // namespace

TEST_CASE("duty coverage: listed factories diagnosed, in progress and not yet, by town, industry and assignment") {
  const std::string a = DutyCode("91310114AAAAAAAA1"), b = DutyCode("91310114BBBBBBBB2"),
                    c = DutyCode("91310114CCCCCCCC3"), d = DutyCode("91310114DDDDDDDD4");
  // Chinese headings from the district's import_headings; towns and
  // industries by name, read as their ids.
  const std::string csv = "统一社会信用代码,企业名称,镇街,所属行业,服务商,咨询师\n" + a +
                          ",甲厂,安亭镇,汽车及零部件,p01,王\n" + b + ",乙厂,安亭镇,Automotive and parts,p01,李\n" + c +
                          ",丙厂,马陆镇,生物医药,p02,王\n" + d + ",丁厂,马陆镇,汽车及零部件,,\n" +
                          ",戊厂,嘉定工业区,集成电路,p02,李\n";
  Diagnostics diags;
  auto list = ParseDutyList(csv, "list.csv", &JiadingForDuty(), diags);
  REQUIRE_MESSAGE(list, diags.Format());
  REQUIRE(list->entries.size() == 5);
  CHECK(list->entries[1].industry == "automotive");
  CHECK(list->entries[0].town == "安亭镇");
  CHECK(list->has_provider);
  CHECK(list->has_consultant);

  // a: two rounds (the later one is kept); b: a draft only; c: submitted
  // (matched by a lower-case credit code) and a draft; e: by name (no code
  // listed); one diagnosed factory not on the list; d: nothing.
  std::vector<DiagnosisRecord> records = {
      {a, "甲厂", "2025", "2025-05-01", true},   {a, "甲厂", "2026", "2026-04-01", true},
      {b, "乙厂", "2026", "", false},            {AsciiLower(c), "丙厂", "2026", "2026-03-01", true},
      {c, "丙厂", "2027", "", false},            {"", "戊厂", "2026", "2026-06-01", true},
      {DutyCode("91310114EEEEEEEE5"), "己厂", "2026", "", true},
  };
  DutyCoverage cov = CountDutyCoverage(*list, records);
  CHECK(cov.district.listed == 5);
  CHECK(cov.district.diagnosed == 3);  // a, c, e
  CHECK(cov.district.in_progress == 1);  // b
  CHECK(cov.district.not_yet == 1);  // d
  CHECK(cov.factories[0].status == DutyStatus::kDiagnosed);
  CHECK(cov.factories[0].round == "2026");
  CHECK(cov.factories[0].date == "2026-04-01");
  CHECK(cov.factories[1].status == DutyStatus::kInProgress);
  CHECK(cov.factories[2].status == DutyStatus::kDiagnosed);
  CHECK(cov.factories[3].status == DutyStatus::kNotYet);
  CHECK(cov.factories[4].status == DutyStatus::kDiagnosed);
  REQUIRE(cov.not_listed.size() == 1);
  CHECK(cov.not_listed[0] == "己厂");

  // Towns: 安亭镇 2 (1 diagnosed, 1 in progress), 马陆镇 2 (1, 0, 1 not yet),
  // 嘉定工业区 1 diagnosed; equal counts by name.
  REQUIRE(cov.by_town.size() == 3);
  CHECK(cov.by_town[2].name == "嘉定工业区");
  CHECK(cov.by_town[2].diagnosed == 1);
  for (const auto& g : cov.by_town) {
    if (g.name == "安亭镇") CHECK((g.listed == 2 && g.diagnosed == 1 && g.in_progress == 1 && g.not_yet == 0));
    if (g.name == "马陆镇") CHECK((g.listed == 2 && g.diagnosed == 1 && g.in_progress == 0 && g.not_yet == 1));
  }
  REQUIRE(cov.by_industry.size() == 3);
  CHECK(cov.by_industry[0].name == "automotive");
  CHECK(cov.by_industry[0].listed == 3);
  CHECK(cov.by_industry[0].diagnosed == 1);
  // Providers: p01 2 (a diagnosed, b in progress), p02 2 (c, e), unassigned 1 last.
  REQUIRE(cov.by_provider.size() == 3);
  CHECK(cov.by_provider[0].name == "p01");
  CHECK(cov.by_provider[1].name == "p02");
  CHECK(cov.by_provider[1].diagnosed == 2);
  CHECK(cov.by_provider[2].name == "");
  CHECK(cov.by_provider[2].not_yet == 1);
  REQUIRE(cov.by_consultant.size() == 3);
  CHECK(cov.by_consultant[0].name == "李");  // 2 listed each: by name
  CHECK(cov.by_consultant[0].diagnosed == 1);
  CHECK(cov.by_consultant[0].in_progress == 1);
}

TEST_CASE("duty coverage: a list without assignment columns has no groups of them") {
  Diagnostics diags;
  auto list = ParseDutyList("credit_code,name\n" + DutyCode("91310114AAAAAAAA1") + ",A\n", "l.csv", nullptr, diags);
  REQUIRE(list);
  DutyCoverage cov = CountDutyCoverage(*list, {});
  CHECK(cov.district.not_yet == 1);
  CHECK(cov.by_provider.empty());
  CHECK(cov.by_consultant.empty());
  REQUIRE(cov.by_town.size() == 1);
  CHECK(cov.by_town[0].name == "");
}

TEST_CASE("duty coverage: every bad row of the list is reported at its line and column, and nothing is read") {
  const std::string good = DutyCode("91310114AAAAAAAA1");
  std::string bad = good;
  bad.back() = bad.back() == '0' ? '1' : '0';
  const std::string csv = "credit_code,name,town,industry\n" + good + ",A,安亭镇,automotive\n" + good +
                          ",B,安亭镇,automotive\n" + bad + ",C,安庭镇,automotive\n" + ",,安亭镇,automobile\n";
  Diagnostics diags;
  auto list = ParseDutyList(csv, "list.csv", &JiadingForDuty(), diags);
  CHECK_FALSE(list);
  const std::string text = diags.Format();
  CHECK(Has(text, "list.csv:3:1: error: credit code " + good + " is listed twice (first on line 2)"));
  CHECK(Has(text, "list.csv:4:1: error: credit code '" + bad + "'"));
  CHECK(Has(text, "list.csv:4:22: error: unknown town '安庭镇'"));
  CHECK(Has(text, "did you mean '安亭镇'"));
  CHECK(Has(text, "list.csv:5:1: error: a factory without a credit code and without a name"));

  Diagnostics none;
  CHECK_FALSE(ParseDutyList("town,industry\n安亭镇,automotive\n", "t.csv", &JiadingForDuty(), none));
  CHECK(Has(none.Format(), "t.csv:1:1: error: expected a column of credit codes"));
  Diagnostics empty;
  CHECK_FALSE(ParseDutyList("credit_code,name\n", "e.csv", nullptr, empty));
  CHECK(Has(empty.Format(), "the list holds no factory"));
}
