// Query strings and form bodies are read by Poco (HTMLForm, URI::decode):
// '+', %20 and UTF-8 escapes decode right, and a form or query with too many
// fields, an over-long value or a bad escape is refused with 400 — by the
// app, with its headers — and the server goes on serving.
#include <doctest/doctest.h>

#include <Poco/Exception.h>

#include "test_server.h"

namespace fa::webtest {

TEST_CASE("web: form and query text decodes '+', %20 and UTF-8 escapes") {
  auto fields = web::ParseUrlEncoded("a=1+2&b=%20x&c=%E4%B8%AD&d=%2B&e&c=last");
  // HTMLForm keeps a repeated name's values together, in order.
  using Fields = std::vector<std::pair<std::string, std::string>>;
  CHECK(fields == Fields{{"a", "1 2"}, {"b", " x"}, {"c", "中"}, {"c", "last"}, {"d", "+"}, {"e", ""}});

  web::WebRequest req;
  req.SetTarget("/static/a%20b?x=%E4%B8%AD+y&x2=1%2B1");
  CHECK(req.malformed.empty());
  CHECK(req.path == "/static/a b");
  CHECK(req.Query("x") == "中 y");
  CHECK(req.Query("x2") == "1+1");

  req.body = "name=%E4%B8%AD+%E6%96%87&c=1&c=2";
  req.headers["content-type"] = "application/x-www-form-urlencoded; charset=utf-8";
  CHECK(req.ReadForm());
  CHECK(req.FormValue("name") == "中 文");
  CHECK(req.FormAll("c") == std::vector<std::string>{"1", "2"});
}

TEST_CASE("web: too many fields, an over-long value or a bad escape is refused, never a crash") {
  std::string many;
  for (int i = 0; i <= web::kMaxFormFields; ++i) many += "f" + std::to_string(i) + "=1&";
  CHECK_THROWS_AS(web::ParseUrlEncoded(many), Poco::Exception);
  CHECK_THROWS_AS(web::ParseUrlEncoded("v=" + std::string(web::kMaxFormValueBytes + 1, 'x')), Poco::Exception);
  CHECK_THROWS_AS(web::ParseUrlEncoded("v=%zz"), Poco::Exception);
  web::WebRequest bad;
  bad.SetTarget("/login?next=%E4%B");
  CHECK(!bad.malformed.empty());

  TestServer server;
  Seed(server);
  Client admin(server);
  REQUIRE(admin.Login("admin", kPassword));
  HttpResult fields = admin.PostForm("/admin/factories", many + "name=x");
  CHECK(fields.status == 400);
  CHECK(!fields.Header("content-security-policy").empty());
  HttpResult value = admin.PostForm("/admin/rubrics", "text=" + std::string(web::kMaxFormValueBytes + 1, 'x'));
  CHECK(value.status == 400);
  HttpResult query = admin.Get("/api/factories?" + many);
  CHECK(query.status == 400);
  REQUIRE(query.Json());
  CHECK(query.Json()->has("error"));
  CHECK(admin.Get("/api/audit?before=%zz").status == 400);
  // Still serving, and a well-formed form still works.
  CHECK(admin.Get("/api/me").status == 200);
  CHECK(admin.PostForm("/admin/factories",
                       "name=%E4%B8%AD+%E6%96%87&credit_code=91310114MA1FX7BQ2T&town=%E5%A4%96%E5%86%88%E9%95%87")
            .status == 200);
  CHECK(admin.Get("/api/factories").body.find("\"name\":\"中 文\",\"town\":\"外冈镇\"") != std::string::npos);
}

TEST_CASE("web: invalid UTF-8 in a path, a query, a form or a JSON body is refused with 400 and nothing is stored") {
  auto refusal = [](const std::string& text) {
    try {
      web::ParseUrlEncoded(text);
    } catch (const Poco::Exception& e) {
      return e.message();
    }
    return std::string("accepted");
  };
  CHECK(refusal("name=%FF%FE%C0%AF") == "invalid UTF-8 in field 'name'");
  CHECK(refusal("%C0%AF=1") == "invalid UTF-8 in a field name");
  web::WebRequest path;
  path.SetTarget("/api/factories/%ED%A0%80");  // a surrogate
  CHECK(path.malformed == "the request target cannot be read: invalid UTF-8 in the path (byte 16)");
  web::WebRequest json;
  json.body = "{\"name\": \"\xFF\xFE\"}";
  json.headers["content-type"] = "application/json";
  CHECK_FALSE(json.ReadForm());
  CHECK(json.malformed == "the request body is not valid UTF-8 (byte 11)");

  TestServer server;
  Seed(server);
  Client admin(server);
  REQUIRE(admin.Login("admin", kPassword));
  const std::string before = admin.Get("/api/factories").body;
  CHECK(admin.PostForm("/admin/factories", "name=%FF%FE%C0%AF&credit_code=91310114MA1GT35K3B").status == 400);
  HttpResult api = admin.PostJson("/api/factories", "{\"name\": \"\xFF\xFE\xC0\xAF\", \"credit_code\": \"91310114MA1GT35K3B\"}");
  CHECK(api.status == 400);
  REQUIRE(api.Json());
  CHECK(api.Json()->getValue<std::string>("error") == "malformed request");
  CHECK(api.body.find("the request body is not valid UTF-8 (byte 11)") != std::string::npos);
  CHECK(admin.Get("/api/factories?q=%FF").status == 400);
  CHECK(admin.Get("/api/factories").body == before);
}

}  // namespace fa::webtest
