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

namespace fa {

TEST_CASE("json writer: round-trip digits give back the very double, where twelve digits round") {
  const double ri5 = (1.7699 * 5 - 4.3513) / 4;  // RI(5) of Alonso & Lamata: 1.12455 and a last bit
  JsonWriter twelve(false), exact(false, JsonWriter::Digits::kRoundTrip);
  twelve.BeginArray().Number(ri5).Number(0.1 + 0.2).EndArray();
  exact.BeginArray().Number(ri5).Number(0.1 + 0.2).Number(-0.0).Number(3).EndArray();
  CHECK(twelve.str() == "[1.12455,0.3]");
  CHECK(exact.str() == "[1.1245500000000002,0.30000000000000004,0,3]");
}

}  // namespace fa
