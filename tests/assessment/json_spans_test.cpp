// assessment/json_spans.h: where the assessments of a document stand,
// found without parsing them — by scanning, or by the layout JsonWriter
// gives a document.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "assessment/json_spans.h"

namespace fa {
namespace {

std::vector<std::string> Elements(const std::string& text, JsonSpanSearch search) {
  std::vector<std::string> out;
  if (auto spans = TopLevelArraySpans(text, "list", search))
    for (const JsonSpan& s : spans->elements) out.push_back(text.substr(s.begin, s.end - s.begin));
  else
    out.push_back("none");
  return out;
}

}  // namespace

TEST_CASE("json spans: the elements of a written document, found by layout as by scanning") {
  const std::string text =
      "{\n  \"head\": {\"list\": [1]},\n  \"list\": [\n    {\n      \"s\": \"}\\n    }\\\"\",\n"
      "      \"o\": {\n        \"a\": [\"]\"]\n      }\n    },\n    {\n      \"b\": 2\n    }\n  ]\n}\n";
  const std::vector<std::string> expected = {
      "{\n      \"s\": \"}\\n    }\\\"\",\n      \"o\": {\n        \"a\": [\"]\"]\n      }\n    }",
      "{\n      \"b\": 2\n    }"};
  CHECK(Elements(text, JsonSpanSearch::kScan) == expected);
  CHECK(Elements(text, JsonSpanSearch::kByLayout) == expected);
  CHECK(Elements("{\"list\": []}", JsonSpanSearch::kByLayout).empty());
}

TEST_CASE("json spans: a document laid out otherwise is found by scanning, and by layout not at all or not whole") {
  const std::string flat = "{\"list\": [{\"a\": {}}, {\"b\": 2}]}";
  CHECK(Elements(flat, JsonSpanSearch::kScan) == std::vector<std::string>{"{\"a\": {}}", "{\"b\": 2}"});
  CHECK(Elements(flat, JsonSpanSearch::kByLayout) == std::vector<std::string>{"none"});
  // An inner object closed at the element's indentation ends the span
  // early: not one whole object, which the parse of the span finds.
  const std::string odd = "{\"list\": [\n  {\"a\": {\n  }, \"b\": 1\n  },\n  {\"c\": 2\n  }\n]}";
  CHECK(Elements(odd, JsonSpanSearch::kScan) ==
        std::vector<std::string>{"{\"a\": {\n  }, \"b\": 1\n  }", "{\"c\": 2\n  }"});
  CHECK(Elements(odd, JsonSpanSearch::kByLayout) == std::vector<std::string>{"none"});
  CHECK(Elements("{\"list\": [\n  {\"a\": 1\n  }", JsonSpanSearch::kByLayout) == std::vector<std::string>{"none"});
}

}  // namespace fa
