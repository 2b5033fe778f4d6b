// The admin's factory forms and the bulk import (issue #12, item 5): the
// credit code's GB 32100 check character, numbers with units, pick lists by
// display name, values kept with the problem next to the field, and an
// import that stores every row or none. Also the district file they read
// (districts/jiading.yaml, rubric/district.h).
#include <doctest/doctest.h>

#include "providers/provider_loader.h"
#include "rubric/district.h"
#include "test_server.h"
#include "web/factory_form.h"
#include "web/factory_import.h"

namespace fa::webtest {
namespace {

const District& Jiading() {
  static const District d = [] {
    Diagnostics diags;
    auto loaded = LoadDistrict(std::string(FA_SOURCE_DIR) + "/districts/jiading.yaml", diags);
    INFO(diags.Format());
    REQUIRE(loaded);
    return *loaded;
  }();
  return d;
}

std::optional<double> Parse(const std::string& field, const std::string& text, ProfileValueProblem& problem) {
  const ProfileField* f = Jiading().Field(field);
  REQUIRE(f);
  return ParseProfileValue(*f, text, problem);
}

}  // namespace

TEST_CASE("district: the shipped file lists the towns, industries and profile fields, found by id or name") {
  const District& d = Jiading();
  CHECK(d.towns.size() == 12);
  CHECK(d.NameOf(ChoiceList::kIndustry, "integrated_circuits", "zh") == "集成电路");
  CHECK(d.NameOf(ChoiceList::kIndustry, "integrated_circuits", "en") == "Integrated circuits");
  CHECK(d.NameOf(ChoiceList::kTown, "马陆镇", "en") == "Malu Town");
  CHECK(d.NameOf(ChoiceList::kManufacturingType, "discrete", "zh") == "离散型");
  // By display name, in either language, and unknown values shown as stored.
  REQUIRE(d.Find(ChoiceList::kIndustry, "集成电路"));
  CHECK(d.Find(ChoiceList::kIndustry, "集成电路")->id == "integrated_circuits");
  CHECK(d.Find(ChoiceList::kTown, "malu town")->id == "马陆镇");
  CHECK(d.NameOf(ChoiceList::kIndustry, "shipbuilding", "zh") == "shipbuilding");
  for (const char* id : {"rd_share", "energy_intensity", "revenue", "employees"}) CHECK(d.Field(id));
}

TEST_CASE("district: the above-scale list's assignment headings read as provider and consultant, not as factory fields") {
  const District& d = Jiading();
  CHECK(d.FieldOfHeading("服务商") == "provider");
  CHECK(d.FieldOfHeading("诊断咨询师") == "consultant");
  CHECK(d.FieldOfHeading("营业收入（万元）") == "revenue");
  CHECK(d.FieldOfHeading("Credit Code") == "credit_code");
  CHECK(web::ImportFieldOfHeader(d, "营业收入（万元）") == "revenue");
  // The bulk import of factories names them among the columns it ignores.
  CHECK(web::ImportFieldOfHeader(d, "服务商").empty());
  web::ImportPlan plan =
      web::PlanFactoryImport(d, "统一社会信用代码,企业名称,服务商,咨询师\n91310114607234188R,甲,p01,王\n", {}, "zh");
  CHECK(plan.problems.empty());
  CHECK(plan.ignored_columns == std::vector<std::string>{"服务商", "咨询师"});
}

TEST_CASE("web import: with a provider catalogue the provider column gives each factory its provider") {
  const District& d = Jiading();
  Diagnostics diags;
  auto cat = LoadProviderCatalogue(std::string(FA_SOURCE_DIR) + "/providers/jiading-example.yaml", diags);
  REQUIRE(cat);
  // By id, by the Chinese name, empty (none), and a name the catalogue lacks.
  const std::string csv =
      "统一社会信用代码,企业名称,诊断服务商,咨询师\n"
      "91310114607234188R,甲,p01_mes,王\n"
      "91310114MA1GB8R235,乙, 上海嘉翎工业物联科技有限公司（示例） ,李\n"
      "91310114MA1K3WQ579,丙,,\n";
  web::ImportPlan plan = web::PlanFactoryImport(d, csv, {}, "zh", &*cat);
  INFO((plan.problems.empty() ? std::string() : plan.problems.front().message));
  REQUIRE(plan.problems.empty());
  REQUIRE(plan.factories.size() == 3);
  CHECK(plan.factories[0].provider == "p01_mes");
  CHECK(plan.factories[1].provider == "p02_iiot");
  CHECK(plan.factories[2].provider.empty());
  CHECK(plan.ignored_columns == std::vector<std::string>{"咨询师"});
  web::ImportPlan bad = web::PlanFactoryImport(d, csv + "91310114MA1FL8T38E,丁,某某公司,\n", {}, "zh", &*cat);
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].line == 5);
  CHECK(bad.problems[0].column == 24);  // in bytes, as the CSV reader counts (丁 is three)
  CHECK(bad.problems[0].header == "诊断服务商");
  CHECK(bad.problems[0].message == "服务商名录中没有“某某公司”（请填写名录中的服务商名称或编号）。");
}

TEST_CASE("district: a bad file is refused with each problem's line and column") {
  const std::string text =
      "district: x\n"
      "title: {zh: 甲, en: X}\n"
      "towns:\n"
      "  - {id: 甲镇, name: {zh: 甲镇, en: Jia}}\n"
      "  - {id: 甲镇, name: {zh: 乙镇, en: Yi}}\n"
      "industries: [{id: a, name: {zh: 甲, en: A}}]\n"
      "manufacturing_types: [{id: discrete, name: {zh: 离散型, en: Discrete}}]\n"
      "profile_fields:\n"
      "  - {id: share, name: {zh: 比重, en: Share}, unit: {zh: '%', en: '%'}, kind: percnt}\n"
      "import_headings: {nam: [名称]}\n";
  Diagnostics diags;
  CHECK_FALSE(ReadDistrict("d.yaml", text, diags));
  const std::string out = diags.Format();
  CHECK(out.find("d.yaml:5:5: error: town '甲镇' is listed twice") != std::string::npos);
  CHECK(out.find("d.yaml:9:") != std::string::npos);
  CHECK(out.find("percnt") != std::string::npos);
  CHECK(out.find("d.yaml:10:19: error: import_headings: unknown field 'nam', did you mean 'name'?") !=
        std::string::npos);
}

TEST_CASE("district: profile values are read with their units") {
  ProfileValueProblem p;
  CHECK(Parse("revenue", "4.5亿", p) == 45000);
  CHECK(Parse("revenue", "4.5亿元", p) == 45000);
  CHECK(Parse("revenue", "4500万", p) == 4500);
  CHECK(Parse("revenue", "210,000", p) == 210000);
  CHECK(Parse("revenue", "２１００", p) == 2100);  // full-width digits
  CHECK(Parse("revenue", "5000000元", p) == 500);
  CHECK(Parse("employees", "1.2万", p) == 12000);
  CHECK(Parse("employees", "1300人", p) == 1300);
  CHECK(Parse("rd_share", "3.5%", p) == 3.5);
  CHECK(Parse("rd_share", "", p) == std::nullopt);
  CHECK(p.kind == ProfileValueProblem::kNone);
  CHECK_FALSE(Parse("revenue", "4.5 billion", p));
  CHECK(p.kind == ProfileValueProblem::kNotANumber);
  CHECK_FALSE(Parse("employees", "12.5", p));
  CHECK(p.kind == ProfileValueProblem::kNotWhole);
  CHECK_FALSE(Parse("rd_share", "150", p));
  CHECK(p.kind == ProfileValueProblem::kAboveMax);
  CHECK_FALSE(Parse("revenue", "-3", p));
  CHECK(p.kind == ProfileValueProblem::kBelowMin);
  CHECK_FALSE(Parse("revenue", "nan", p));
  CHECK(p.kind == ProfileValueProblem::kNotANumber);
  const ProfileField& revenue = *Jiading().Field("revenue");
  ProfileValueProblem bad{ProfileValueProblem::kNotANumber};
  CHECK(ProfileValueMessage(revenue, "4.5 billion", bad, "zh") ==
        "「营业收入」应为数字（万元），例如 45000 或 4.5亿；收到「4.5 billion」");
  CHECK(ProfileValueMessage(revenue, "x", bad, "en") == "Revenue must be a number (10k CNY), e.g. 45000; got 'x'");
}

TEST_CASE("web: the credit code is checked by its GB 32100 check character, in the page's language") {
  CHECK(web::CreditCodeMessage("91310114MA1K3WQ579", "zh") == "");
  CHECK(web::CreditCodeMessage(" 91310114ma1k3wq579 ", "en") == "");  // trimmed, upper-cased
  CHECK(web::CreditCodeMessage("91310114ABC", "zh") == "统一社会信用代码应为 18 位，现为 11 位。");
  CHECK(web::CreditCodeMessage("91310114MA1K3WQ578", "zh").find("第 18 位校验码应为「9」而不是「8」") == 0);
  CHECK(web::CreditCodeMessage("91310114MA1K3WQ578", "en").find("should be '9', not '8'") != std::string::npos);
  CHECK(web::CreditCodeMessage("91310114MA1K3WO579", "en").find("Character 15 'O'") == 0);
  CHECK(web::CreditCodeMessage("", "zh") == "请填写统一社会信用代码（18 位）。");
}

TEST_CASE("web: a refused factory form keeps what was typed and shows each problem next to its field") {
  TestServer server;
  Seed(server);
  Client admin(server);
  REQUIRE(admin.Login("admin", kPassword));
  const size_t before = server.store().ListFactories().size();
  // A wrong check character, revenue as "4.5亿", the industry by its name.
  HttpResult bad = admin.PostForm("/admin/factories",
                                  "name=%E5%98%89%E5%AE%9A%E6%B5%8B%E8%AF%95%E5%8E%82&credit_code=91310114MA1K3WQ578"
                                  "&town=%E9%A9%AC%E9%99%86%E9%95%87&industry=integrated_circuits"
                                  "&revenue=4.5%E4%BA%BF&rd_share=abc");
  CHECK(bad.status == 400);
  CHECK(server.store().ListFactories().size() == before);
  CHECK(bad.body.find("value=\"嘉定测试厂\"") != std::string::npos);
  CHECK(bad.body.find("value=\"4.5亿\"") != std::string::npos);
  CHECK(bad.body.find("value=\"abc\"") != std::string::npos);
  CHECK(bad.body.find("<option value=\"integrated_circuits\" selected>集成电路</option>") != std::string::npos);
  CHECK(bad.body.find("第 18 位校验码应为「9」而不是「8」") != std::string::npos);
  CHECK(bad.body.find("「研发投入占营业收入比重」应为数字（%）") != std::string::npos);
  // Corrected: stored by ids, revenue in 万元.
  HttpResult good = admin.PostForm("/admin/factories",
                                   "name=x&credit_code=91310114MA1K3WQ579&town=Malu+Town"
                                   "&industry=%E9%9B%86%E6%88%90%E7%94%B5%E8%B7%AF&revenue=4.5%E4%BA%BF&rd_share=3.5");
  CHECK(good.status == 200);
  REQUIRE(server.store().ListFactories().size() == before + 1);
  std::optional<store::Factory> made;
  for (const auto& f : server.store().ListFactories())
    if (f.credit_code == "91310114MA1K3WQ579") made = f;
  REQUIRE(made);
  CHECK(made->town == "马陆镇");
  CHECK(made->industry == "integrated_circuits");
  CHECK(made->revenue == 45000);
  CHECK(web::ProfileValues(*made).at("rd_share") == 3.5);
  // The edit page shows the names, and the API the profile.
  HttpResult edit = admin.Get("/admin/factories/" + std::to_string(made->id) + "?lang=en");
  CHECK(edit.body.find("<option value=\"马陆镇\" selected>Malu Town</option>") != std::string::npos);
  CHECK(admin.Get("/api/factories/" + std::to_string(made->id)).body.find("\"rd_share\":3.5") != std::string::npos);
  // The API takes the same rules, with English problems.
  HttpResult api = admin.PostJson("/api/factories", R"({"name": "y", "credit_code": "91310114ABC", "industry": "ships"})");
  CHECK(api.status == 400);
  CHECK(api.body.find("A credit code has 18 characters; this one has 11.") != std::string::npos);
  CHECK(api.body.find("industry: Industry: unknown value 'ships'") != std::string::npos);
}

TEST_CASE("web: the bulk import stores every row or none and names each bad cell") {
  TestServer server;
  Seed(server);
  Client admin(server);
  REQUIRE(admin.Login("admin", kPassword));
  const size_t before = server.store().ListFactories().size();
  const std::string header = "序号,统一社会信用代码,企业名称,镇街,所属行业,营业收入（万元）,研发投入占营业收入比重\n";
  const std::string bad_csv = header +
                              "1,91310114MA1K3WQ579,甲厂,马陆镇,集成电路,4.5亿,3.2\n"
                              "2,91310114MA1CR4CH0N,乙厂,不存在镇,汽车及零部件,1200,\n"
                              "3,91310114MA1FX7BQ2T,丙厂,安亭镇,automotive,abc,2\n";
  auto encode = [](const std::string& s) {
    std::string out;
    const char* hex = "0123456789ABCDEF";
    for (unsigned char c : s) {
      if (isalnum(c)) out += static_cast<char>(c);
      else (out += '%', out += hex[c >> 4], out += hex[c & 15]);
    }
    return out;
  };
  HttpResult refused = admin.PostForm("/admin/factory-import", "csv=" + encode(bad_csv));
  // Shown at the action's path, the page's language switch goes to the list
  // page (the action path has no GET).
  CHECK(refused.body.find("class=\"lang\" href=\"/admin/factories?lang=en\"") != std::string::npos);
  CHECK(refused.status == 400);
  CHECK(server.store().ListFactories().size() == before);  // nothing half-imported
  CHECK(refused.body.find("未导入：发现 2 处问题") != std::string::npos);
  CHECK(refused.body.find("<td class=\"num\">3</td><td>镇街</td><td>镇街：未知的值「不存在镇」") != std::string::npos);
  CHECK(refused.body.find("<td class=\"num\">4</td><td>营业收入（万元）</td>") != std::string::npos);
  CHECK(refused.body.find("甲厂") != std::string::npos);  // the text is kept to correct
  // The CSV reader's problems in the page's language, each at its line and column.
  HttpResult quote = admin.PostForm("/admin/factory-import",
                                    "csv=" + encode(header + "1,91310114MA1K3WQ579,\"甲厂,马陆镇,集成电路,4.5亿,3.2\n"));
  CHECK(quote.status == 400);
  CHECK(quote.body.find("<td class=\"num\">2</td><td>22</td><td>引号没有闭合：此处的引号之后没有对应的结束引号。</td>") !=
        std::string::npos);
  CHECK(quote.body.find("unterminated") == std::string::npos);
  HttpResult cells = admin.PostForm("/admin/factory-import", "csv=" + encode(header + "1,91310114MA1K3WQ579,甲厂\n"));
  CHECK(cells.body.find("该行有 3 个单元格，而表头有 7 个。") != std::string::npos);
  CHECK(cells.body.find("cells") == std::string::npos);
  HttpResult cells_en = admin.PostForm("/admin/factory-import?lang=en", "csv=" + encode(header + "1,91310114MA1K3WQ579,甲厂\n"));
  CHECK(cells_en.body.find("The row has 3 cells; the header has 7.") != std::string::npos);
  REQUIRE(admin.Get("/?lang=zh").status == 200);  // back to Chinese (the language sticks in a cookie)
  const std::string good_csv = header +
                               "1,91310114MA1K3WQ579,甲厂,马陆镇,集成电路,4.5亿,3.2\n"
                               "2,91310114MA1CR4CH0N,乙厂,安亭镇,汽车及零部件,1200,\n";
  HttpResult done = admin.PostForm("/admin/factory-import", "csv=" + encode(good_csv));
  CHECK(done.status == 200);
  CHECK(done.body.find("已导入：新建 2 家，更新 0 家。") != std::string::npos);
  CHECK(done.body.find("未识别的列已忽略：序号。") != std::string::npos);
  CHECK(server.store().ListFactories().size() == before + 2);
  // Again with a changed figure: an update; the empty R&D cell keeps 3.2.
  const std::string update_csv = header + "1, 91310114ma1k3wq579 ,甲厂,马陆镇,集成电路,5亿,\n";  // typed loosely
  HttpResult again = admin.PostForm("/admin/factory-import", "csv=" + encode(update_csv));
  CHECK(again.body.find("已导入：新建 0 家，更新 1 家。") != std::string::npos);
  for (const auto& f : server.store().ListFactories())
    if (f.credit_code == "91310114MA1K3WQ579") {
      CHECK(f.revenue == 50000);
      CHECK(web::ProfileValues(f).at("rd_share") == 3.2);
      CHECK(f.version == 2);
    }
}

}  // namespace fa::webtest
