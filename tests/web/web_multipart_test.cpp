// multipart/form-data bodies (src/web/http_message.h ParseMultipart): text
// fields and files apart, every limit of the url-encoded forms kept, a
// malformed body refused rather than read in part.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "web/http_message.h"
#include "web/multipart_body.h"

namespace fa::webtest {

TEST_CASE("web: a multipart form body is read with its limits") {
  web::WebRequest req;
  req.headers["content-type"] = std::string("multipart/form-data; boundary=") + kMultipartBoundary;
  req.body = MultipartBody({{"a", "1"}, {"名", "值"}}, std::string("PK\x03\x04\x00\xff", 6), "f.xlsx");
  REQUIRE(req.ReadForm());
  CHECK(req.FormValue("a") == "1");
  CHECK(req.FormValue("名") == "值");
  REQUIRE(req.File("workbook"));
  CHECK(req.File("workbook")->filename == "f.xlsx");
  CHECK(req.File("workbook")->bytes == std::string("PK\x03\x04\x00\xff", 6));

  web::WebRequest bad_text;
  bad_text.headers = req.headers;
  bad_text.body = MultipartBody({{"a", "\xff"}}, "", "");
  CHECK_FALSE(bad_text.ReadForm());
  CHECK(bad_text.malformed.find("invalid UTF-8") != std::string::npos);

  web::WebRequest no_boundary;
  no_boundary.headers["content-type"] = "multipart/form-data";
  no_boundary.body = req.body;
  CHECK_FALSE(no_boundary.ReadForm());

  web::WebRequest truncated;
  truncated.headers = req.headers;
  truncated.body = req.body.substr(0, req.body.size() / 2);
  truncated.ReadForm();  // refused or read in part, never a crash

  web::WebRequest long_field;
  long_field.headers = req.headers;
  long_field.body = MultipartBody({{"a", std::string(web::kMaxFormValueBytes + 1, 'x')}}, "", "");
  CHECK_FALSE(long_field.ReadForm());

  web::WebRequest bad_name;
  bad_name.headers = req.headers;
  bad_name.body = MultipartBody({}, "x", "\xc3.xlsx");
  CHECK_FALSE(bad_name.ReadForm());

  web::WebRequest many;
  many.headers = req.headers;
  std::vector<std::pair<std::string, std::string>> fields(web::kMaxFormFields + 1, {"x", "1"});
  many.body = MultipartBody(fields, "", "");
  CHECK_FALSE(many.ReadForm());
}

}  // namespace fa::webtest
