// The audit page names what happened and to what in the page's language
// ("保存答案", "评估 12"); the action's id stays in the title, the record's
// id in a .mono element. Every action and entity the store audits has a
// name: a new one written without its name fails here.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "base/text.h"
#include "test_server.h"

namespace fa::webtest {

TEST_CASE("web: the audit page names actions and records in the page's language, ids set apart") {
  TestServer server;
  World world = Seed(server);  // factories, users, assignments, answers saved, one submitted
  Client admin(server);
  REQUIRE(admin.Login("admin", kPassword));
  HttpResult zh = admin.Get("/audit?lang=zh");
  REQUIRE(zh.status == 200);
  CHECK(zh.body.find("<span title=\"answer.save\">保存答案</span>") != std::string::npos);
  CHECK(zh.body.find("<span title=\"assessment.submit\">提交评估</span>") != std::string::npos);
  CHECK(zh.body.find("<span title=\"assignment.create\">分配诊断顾问</span>") != std::string::npos);
  CHECK(zh.body.find("评估 <span class=\"mono\">" + std::to_string(world.submitted) + "</span>") != std::string::npos);
  CHECK(zh.body.find(">answer.save<") == std::string::npos);  // no raw action shown as text
  CHECK(zh.body.find(">assessment ") == std::string::npos);
  HttpResult en = admin.Get("/audit?lang=en");
  CHECK(en.body.find("<span title=\"answer.save\">Answer saved</span>") != std::string::npos);
  CHECK(en.body.find("Assessment <span class=\"mono\">" + std::to_string(world.submitted) + "</span>") !=
        std::string::npos);
  // The API keeps the ids.
  CHECK(admin.Get("/api/audit").body.find("\"action\":\"answer.save\"") != std::string::npos);
}

TEST_CASE("web: the audit page names each record as people know it and tells what changed, the stored record kept") {
  TestServer server;
  World world = Seed(server);
  Client admin(server);
  REQUIRE(admin.Login("admin", kPassword));
  const HttpResult zh = admin.Get("/audit?lang=zh&limit=1000");
  REQUIRE(zh.status == 200);
  // An answer: the factory (its hostile name escaped) and the question, the
  // answer as its label; its record's id below.
  CHECK(zh.body.find("&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &amp; &#39;a&#39; &lt;b&gt; 精密机械 · "
                     "信息系统（如ERP、MES、PLM、WMS、CRM）对业务的覆盖程度") != std::string::npos);
  CHECK(zh.body.find("<script>alert(1)") == std::string::npos);
  CHECK(zh.body.find("<span class=\"field\">答案：</span><span>覆盖单个业务环节</span>") != std::string::npos);
  CHECK(zh.body.find("答案 <span class=\"mono\">" + std::to_string(world.submitted) + "/foundation.info_systems</span>") !=
        std::string::npos);
  // A change: the value before struck through, the value after.
  CHECK(zh.body.find("<span class=\"field\">状态：</span><del>草稿</del> → <span>已提交</span>") != std::string::npos);
  // A user by role, a factory by town; the store's own entries as the system.
  CHECK(zh.body.find("<span class=\"field\">角色：</span><span>诊断顾问</span>") != std::string::npos);
  CHECK(zh.body.find("<span class=\"field\">镇街：</span><span>外冈镇</span>") != std::string::npos);
  CHECK(zh.body.find("<span title=\"system\">系统</span>") != std::string::npos);
  CHECK(zh.body.find(">system<") == std::string::npos);
  // What people typed set apart as theirs (the page's language checks pass
  // it by), ids as ids.
  CHECK(zh.body.find("<span class=\"field\">证据记录：</span><span class=\"typed\">") != std::string::npos);
  CHECK(zh.body.find("<span class=\"field\">用户名：</span><span class=\"mono\">") != std::string::npos);
  // The stored record, whole and escaped, folded beside it.
  CHECK(zh.body.find("<details class=\"audit-raw\"><summary>存储的记录</summary>") != std::string::npos);
  CHECK(zh.body.find("&quot;evidence&quot;:") != std::string::npos);
  const HttpResult en = admin.Get("/audit?lang=en&limit=1000");
  CHECK(en.body.find("<span class=\"field\">Answer: </span><span>One business area covered</span>") != std::string::npos);
  CHECK(en.body.find("<span class=\"field\">Status: </span><del>draft</del> → <span>submitted</span>") != std::string::npos);
  CHECK(en.body.find(" · How far information systems (ERP, MES, PLM, WMS, CRM and the like) cover the business") !=
        std::string::npos);
}

TEST_CASE("web: the audit page's older entries keep the filter") {
  TestServer server;
  Seed(server);
  Client admin(server);
  REQUIRE(admin.Login("admin", kPassword));
  const HttpResult first = admin.Get("/audit?entity=answer&limit=2&lang=zh");
  REQUIRE(first.status == 200);
  const std::regex older("href=\"/audit\\?before=([0-9]+)&amp;entity=answer&amp;limit=2\"");
  std::smatch m;
  REQUIRE(std::regex_search(first.body, m, older));
  const HttpResult next = admin.Get("/audit?before=" + m[1].str() + "&entity=answer&limit=2&lang=zh");
  REQUIRE(next.status == 200);
  CHECK(next.body.find("保存答案") != std::string::npos);
  CHECK(next.body.find("新建企业") == std::string::npos);  // only answers, as asked
}

TEST_CASE("web: every action and entity the store audits has a name on the audit page") {
  namespace fs = std::filesystem;
  std::set<std::string> actions, entities;
  const std::regex action("\"([a-z_]+\\.[a-z_]+)\"");
  const std::regex entity("\"[a-z_]+\\.[a-z_]+\", \"([a-z_]+)\"");
  for (const auto& e : fs::directory_iterator(fs::path(FA_SOURCE_DIR) / "src" / "store")) {
    if (e.path().extension() != ".cpp") continue;
    std::istringstream text(ReadFile(e.path().string()));
    for (std::string line; std::getline(text, line);) {
      if (line.find("Audit(") == std::string::npos || line.find("void SqlStore::Audit") != std::string::npos) continue;
      for (std::sregex_iterator it(line.begin(), line.end(), action), end; it != end; ++it) actions.insert((*it)[1]);
      for (std::sregex_iterator it(line.begin(), line.end(), entity), end; it != end; ++it) entities.insert((*it)[1]);
    }
  }
  CHECK(actions.size() >= 15);
  CHECK(entities.size() >= 6);
  const std::string names = ReadFile(std::string(FA_SOURCE_DIR) + "/src/web/audit_routes.cpp");
  for (const auto& a : actions) {
    CAPTURE(a);
    CHECK(names.find("action == \"" + a + "\"") != std::string::npos);
  }
  for (const auto& e : entities) {
    CAPTURE(e);
    CHECK(names.find("entity == \"" + e + "\"") != std::string::npos);
  }
}

}  // namespace fa::webtest

namespace fa::webtest {

// What the page crawl's screenshots showed at 390 px (tests/e2e/crawl_e2e.js
// keeps them in build/e2e-screenshots): these rules must stay.
TEST_CASE("web: at phone width the audit log is a card an entry, history cards keep their labels, notes show whole") {
  TestServer server;
  Seed(server);
  HttpResult css = server.Send("GET", "/static/app.css");
  REQUIRE(css.status == 200);
  // The audit log was squeezed to a character a line (a page 270,000 px
  // tall); then it scrolled in its box, its record and changes off to the
  // right: now each entry is a card at phone width, a readable table above.
  CHECK(css.body.find(".table.audit { min-width: 56rem; }") != std::string::npos);
  CHECK(css.body.find(".table.audit th { white-space: nowrap; }") != std::string::npos);
  CHECK(css.body.find(".table.audit.cards, .table.audit.cards td { min-width: 0; }") != std::string::npos);
  // The older run-on layout of a history table overrode the cards' label
  // beside each value ("轮次2027").
  CHECK(css.body.find(".table.history td { display: inline-block") == std::string::npos);
  CHECK(css.body.find(".table.history:not(.cards) td { display: inline-block") != std::string::npos);
  // A saved evidence note of two lines was cut to one and a half.
  CHECK(css.body.find(".q-notes textarea, .q-input textarea { field-sizing: content;") != std::string::npos);
  Client admin(server);
  REQUIRE(admin.Login("admin", kPassword));
  const HttpResult audit = admin.Get("/audit?lang=zh");
  CHECK(audit.body.find("<table class=\"table compact audit cards\">") != std::string::npos);
  CHECK(audit.body.find("<td class=\"nowrap\" data-label=\"操作\"><span title=\"answer.save\">保存答案</span>") !=
        std::string::npos);
}

}  // namespace fa::webtest
