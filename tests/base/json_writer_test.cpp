#include <doctest/doctest.h>

#include "base/json_writer.h"

namespace fa {

TEST_CASE("json writer: nested values, escapes and shortest numbers") {
  JsonWriter w;
  w.BeginObject().Field("a", 0.1).Field("b", "x\"<\n").Key("c").BeginArray().Int(1).Null().EndArray();
  w.Key("d").BeginObject().EndObject().EndObject();
  CHECK(w.str() == "{\n  \"a\": 0.1,\n  \"b\": \"x\\\"<\\n\",\n  \"c\": [\n    1,\n    null\n  ],\n  \"d\": {}\n}");
}

TEST_CASE("json writer: NaN and infinity become null, integers print without a fraction") {
  JsonWriter w(false);
  w.BeginArray().Number(0.0 / 0.0).Number(3).Number(-0.0).EndArray();
  CHECK(w.str() == "[null,3,0]");
}

}  // namespace fa
