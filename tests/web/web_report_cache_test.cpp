// The report cache (src/web/report_cache.h): a cached report is served only
// for the assessment, language and stored result it was rendered from; every
// response still gets its own nonce; scope is checked before the cache.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "report/report_renderer.h"
#include "assessment/assessment_json.h"
#include "test_server.h"
#include "web/report_cache.h"
#include "web/nonces.h"

namespace fa::webtest {
namespace {

/// The report of `result_json` rendered afresh, without the app or its cache.
std::string FreshReport(const std::string& result_json, const std::string& lang, const std::string& templates,
                        std::shared_ptr<const District> district) {
  Diagnostics diags;
  std::vector<Assessment> list = AssessmentsFromJson(result_json, "assessment", diags);
  REQUIRE(list.size() == 1);
  ReportOptions options;
  options.lang = lang;
  options.templates_dir = templates;
  options.district = std::move(district);
  return RenderDiagnosisReport(list[0], options);
}

}  // namespace

TEST_CASE("web: report cache: a prepared report serves the same page and CSP as ReportCsp") {
  const std::string html =
      "<html><head><style>p{}</style></head><body><p style=\"color: red\">a</p>"
      "<style>b{}</style><i style=\"x\">b</i><i style=\"x\">c</i></body></html>";
  web::PreparedReport prepared(html);
  CHECK(prepared.Html() == html);
  std::string csp;
  std::string page = prepared.WithNonce("abc", csp);
  CHECK(page.find("<style nonce=\"abc\">p{}</style>") != std::string::npos);
  CHECK(page.find("<style>") == std::string::npos);
  CHECK(StripNonces(page) == html);
  CHECK(NonceOf(csp) == "abc");

  std::string old_style = html;
  std::string old_csp = web::ReportCsp(old_style);
  CHECK(StripNonces(old_style) == html);
  const std::string nonce = NonceOf(old_csp);
  REQUIRE(!nonce.empty());
  std::string csp2;
  CHECK(prepared.WithNonce(nonce, csp2) == old_style);
  CHECK(csp2 == old_csp);
  CHECK(csp2.find("'unsafe-hashes'") != std::string::npos);
  CHECK(csp2.find("unsafe-inline") == std::string::npos);
}

TEST_CASE("web: a generated report runs only the scripts its templates hold, by their hash") {
  const std::string ours = "document.title='x';", theirs = "alert(1)";
  const std::string html = "<html><body><script>" + ours + "</script><p><script>" + theirs + "</script></p></body></html>";
  std::string page = html;
  const std::string csp = web::ReportCsp(page, {web::InlineHash(ours)});
  CHECK(csp.find("script-src " + web::InlineHash(ours) + ";") != std::string::npos);
  CHECK(csp.find(web::InlineHash(theirs)) == std::string::npos);
  CHECK(csp.find("unsafe-inline") == std::string::npos);
  // Without trusted scripts no script-src: default-src 'none' blocks them all.
  std::string plain = html;
  CHECK(web::ReportCsp(plain).find("script-src") == std::string::npos);
  CHECK(web::InlineScripts("<script>a</script>x<script>b</script><script>c").size() == 2);
}

TEST_CASE("web: report cache: keyed by assessment and language, checked against the stored result, bounded") {
  web::ReportCache cache(3);
  int renders = 0;
  auto render = [&](const std::string& text) {
    return [&renders, text] {
      ++renders;
      return text;
    };
  };
  CHECK(cache.Get(1, "zh", "{json-1}", render("zh-1"))->Html() == "zh-1");
  CHECK(cache.Get(1, "zh", "{json-1}", render("WRONG"))->Html() == "zh-1");
  CHECK(renders == 1);
  // Another language of the same assessment: never the first one's page.
  CHECK(cache.Get(1, "en", "{json-1}", render("en-1"))->Html() == "en-1");
  CHECK(cache.Get(1, "zh", "{json-1}", render("WRONG"))->Html() == "zh-1");
  CHECK(cache.Get(1, "en", "{json-1}", render("WRONG"))->Html() == "en-1");
  // Another assessment with the same result text: its own entry.
  CHECK(cache.Get(2, "zh", "{json-1}", render("zh-2"))->Html() == "zh-2");
  CHECK(renders == 3);
  // The same id with another stored result (another rubric, a recreated
  // database): rendered afresh, and the old page is gone for good.
  CHECK(cache.Get(1, "zh", "{json-1b}", render("zh-1b"))->Html() == "zh-1b");
  CHECK(cache.Get(1, "zh", "{json-1b}", render("WRONG"))->Html() == "zh-1b");
  CHECK(cache.Get(1, "zh", "{json-1}", render("zh-1 again"))->Html() == "zh-1 again");
  CHECK(renders == 5);
  CHECK(cache.size() == 3);
  // Least recently used out first: (1,en) was used before (2,zh) and (1,zh).
  CHECK(cache.Get(3, "zh", "{json-3}", render("zh-3"))->Html() == "zh-3");
  CHECK(cache.size() == 3);
  CHECK(cache.Get(2, "zh", "{json-1}", render("WRONG"))->Html() == "zh-2");
  CHECK(cache.Get(1, "en", "{json-1}", render("en-1 again"))->Html() == "en-1 again");
  CHECK(renders == 7);

  // Bounded by bytes too: an entry larger than the bound is served, not kept.
  web::ReportCache small(10, 100);
  CHECK(small.Get(1, "zh", "{}", render(std::string(200, 'x')))->Html().size() == 200);
  CHECK(small.size() == 0);
}

TEST_CASE("web: report cache: many threads at once") {
  web::ReportCache cache(4);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 400; ++i) {
        const int64_t id = (i + t) % 6;
        const std::string lang = i % 2 ? "en" : "zh";
        const std::string want = lang + "-" + std::to_string(id);
        auto got = cache.Get(id, lang, "{" + std::to_string(id) + "}", [&] { return want; });
        if (got->Html() != want) ++wrong;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(wrong == 0);
  CHECK(cache.size() <= 4);
}

TEST_CASE("web: the report page comes from the cache, per language, never stale, and only to readers in scope") {
  TestServer server;
  World world = Seed(server);
  auto record = server.store().GetAssessment(world.submitted);
  REQUIRE(record);
  const std::string templates = server.app().config().templates_dir;
  const std::string zh = FreshReport(record->result_json, "zh", templates, server.app().shared_district());
  const std::string en = FreshReport(record->result_json, "en", templates, server.app().shared_district());
  REQUIRE(zh != en);

  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string path = "/assessments/" + std::to_string(world.submitted) + "/report";
  web::ReportCache& cache = server.app().report_cache();
  const uint64_t misses = cache.misses();
  std::string nonce;
  for (int round = 0; round < 2; ++round) {
    for (const char* lang : {"zh", "en"}) {
      CAPTURE(round);
      CAPTURE(lang);
      HttpResult page = a.Get(path + "?lang=" + lang);
      REQUIRE(page.status == 200);
      CHECK(StripNonces(StripWebChrome(page.body)) == (std::string(lang) == "en" ? en : zh));
      const std::string csp = page.Header("content-security-policy");
      CHECK(csp.find("unsafe-inline") == std::string::npos);
      // A nonce of its own per response, the one its <style> tags carry.
      CHECK(NonceOf(csp) != nonce);
      nonce = NonceOf(csp);
      CHECK(page.body.find("<style nonce=\"" + nonce + "\">") != std::string::npos);
      HttpResult api = a.Get("/api" + path + "?lang=" + lang);
      REQUIRE(api.status == 200);
      CHECK(StripNonces(api.body) == (std::string(lang) == "en" ? en : zh));
    }
  }
  CHECK(cache.misses() == misses + 2);  // rendered once per language
  CHECK(cache.hits() >= 6);

  // The same assessment id with another stored result is rendered afresh.
  store::AssessmentRecord changed = *record;
  Diagnostics diags;
  std::vector<Assessment> list = AssessmentsFromJson(record->result_json, "assessment", diags);
  REQUIRE(list.size() == 1);
  list[0].factory.name = "Another factory, not cached";
  changed.result_json = AssessmentsToJson(list);
  const std::string changed_html = server.app().ReportHtml(changed, "zh");
  CHECK(changed_html == FreshReport(changed.result_json, "zh", templates, server.app().shared_district()));
  CHECK(changed_html.find("Another factory, not cached") != std::string::npos);
  CHECK(server.app().ReportHtml(*record, "en") == en);

  // A warm cache serves nobody out of scope.
  const std::string factory_name = server.store().GetFactory(world.factory_own)->name;
  for (const char* who : {"consultant-b", "maker-other"}) {
    CAPTURE(who);
    Client other(server);
    REQUIRE(other.Login(who, kPassword));
    for (const std::string& p : {path, path + "?lang=en", "/api" + path, "/api" + path + "?lang=en"}) {
      HttpResult r = other.Get(p);
      CHECK(r.status == 404);
      CHECK(r.body.find("nonce-") == std::string::npos);
      CHECK(r.body != zh);
      CHECK(r.body != en);
    }
  }
}

}  // namespace fa::webtest
