// The questionnaire without script: each section is a form whose button
// saves its answers as autosave would — each changed answer checked and
// saved against the version the page showed, the page back at the section,
// or with what was not saved and why, in the page's language.
#include <doctest/doctest.h>

#include "test_server.h"

namespace fa::webtest {

TEST_CASE("web: a section saved without script saves its changed answers against the page's versions") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string base = "/assessments/" + std::to_string(world.draft);
  HttpResult page = a.Get(base + "?lang=zh");
  CHECK(page.body.find("<form method=\"post\" action=\"" + base + "/sections/s-foundation\" class=\"q-form\"") !=
        std::string::npos);
  CHECK(page.body.find("<noscript><p class=\"q-save-section\"><button type=\"submit\" class=\"primary\">保存本节答案"
                       "</button></p></noscript>") != std::string::npos);
  CHECK(page.body.find("name=\"q-foundation_network-version\" value=\"0\"") != std::string::npos);

  // A multi choice, a number with evidence, a single choice; an untouched question stays unanswered.
  HttpResult saved = a.PostForm(base + "/sections/s-foundation",
                                "q-foundation_network=shopfloor_network&q-foundation_network=network_5g"
                                "&q-foundation_network-version=0"
                                "&q-foundation_equipment_digital=35&q-foundation_equipment_digital-evidence=%E5%8F%B0%E8%B4%A6"
                                "&q-foundation_equipment_digital-version=0"
                                "&q-foundation_info_systems=one_area&q-foundation_info_systems-version=0"
                                "&q-foundation_data_security-version=0");
  CHECK(saved.status == 303);
  CHECK(saved.Header("location") == base + "?notice=section_saved&saved=3#s-foundation");
  auto answers = server.store().ListAnswers(world.draft);
  REQUIRE(answers.size() == 3);
  std::map<std::string, store::AnswerRecord> by_id;
  for (const auto& ans : answers) by_id[ans.criterion] = ans;
  CHECK(by_id["foundation.network"].value_json == R"(["shopfloor_network","network_5g"])");
  CHECK(by_id["foundation.equipment_digital"].value_json == "35");
  CHECK(by_id["foundation.equipment_digital"].evidence == "台账");
  CHECK(by_id["foundation.info_systems"].value_json == "\"one_area\"");
  CHECK(a.Get(base + "?notice=section_saved&saved=3&lang=zh").body.find("已保存本节 3 项答案") != std::string::npos);

  // The same page posted again (stale versions) where someone changed an
  // answer meanwhile, with a value out of range and "not applicable".
  HttpResult mixed = a.PostForm(base + "/sections/s-foundation?lang=zh",
                                "q-foundation_network=shopfloor_network&q-foundation_network-version=0"
                                "&q-foundation_equipment_digital=135&q-foundation_equipment_digital-version=1"
                                "&q-foundation_info_systems=one_area&q-foundation_info_systems-version=1"
                                "&q-foundation_data_security-na=na&q-foundation_data_security-version=0");
  CHECK(mixed.status == 409);
  CHECK(mixed.body.find("已保存本节 1 项答案") != std::string::npos);
  CHECK(mixed.body.find("他人刚修改了此题，未保存您的答案") != std::string::npos);
  CHECK(mixed.body.find("答案无效，未保存") != std::string::npos);
  answers = server.store().ListAnswers(world.draft);
  REQUIRE(answers.size() == 4);
  for (const auto& ans : answers) by_id[ans.criterion] = ans;
  CHECK(by_id["foundation.network"].value_json == R"(["shopfloor_network","network_5g"])");  // kept
  CHECK(by_id["foundation.equipment_digital"].value_json == "35");
  CHECK(by_id["foundation.data_security"].value_json == "\"na\"");
  // Unticking every box of a stored multi answer saves an empty selection.
  HttpResult cleared = a.PostForm(base + "/sections/s-foundation", "q-foundation_network-version=1");
  CHECK(cleared.status == 303);
  for (const auto& ans : server.store().ListAnswers(world.draft)) by_id[ans.criterion] = ans;
  CHECK(by_id["foundation.network"].value_json == "[]");
  // Only the assigned consultant; an unknown section is not found.
  Client m(server);
  REQUIRE(m.Login("maker-own", kPassword));
  CHECK(m.PostForm(base + "/sections/s-foundation", "").status == 403);
  CHECK(a.PostForm(base + "/sections/s-nowhere", "").status == 404);
}

}  // namespace fa::webtest
