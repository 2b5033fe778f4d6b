#include <doctest/doctest.h>

#include "base/diagnostics.h"
#include "base/text.h"

namespace fa {

TEST_CASE("diagnostics: file:line:col, the source line and a caret under the column") {
  Diagnostics d;
  d.AddSource("r.yaml", "a: 1\n    weight: -2\n");
  d.Error("r.yaml", {2, 13}, "criterion 'mes.l3': weight must be >= 0, got -2");
  CHECK(d.Format() ==
        "r.yaml:2:13: error: criterion 'mes.l3': weight must be >= 0, got -2\n"
        "    weight: -2\n"
        "            ^\n");
  CHECK(d.HasErrors());
}

TEST_CASE("diagnostics: the caret counts a Chinese character as two cells") {
  Diagnostics d;
  d.AddSource("a.yaml", "名称: x\n");
  d.Warning("a.yaml", {1, 9}, "w");
  CHECK(d.Format() == "a.yaml:1:9: warning: w\n名称: x\n      ^\n");
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("diagnostics: the caret under a line with an em dash and CJK lands where a terminal shows it") {
  // 标题—说明: 坏 — the dash takes one cell, each CJK character two.
  Diagnostics d;
  d.AddSource("a.yaml", "标题—说明: 坏\n");
  d.Error("a.yaml", {1, 18}, "bad");
  CHECK(d.Format() == "a.yaml:1:18: error: bad\n标题—说明: 坏\n           ^\n");
}

TEST_CASE("did you mean: suggests close names only") {
  CHECK(DidYouMean("wieght", {"weight", "level", "text"}) == ", did you mean 'weight'?");
  CHECK(DidYouMean("zzz", {"weight", "level"}).empty());
}

TEST_CASE("html escape: every special character") {
  CHECK(HtmlEscape("<script>alert('x' & \"y\")</script>") ==
        "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
}

TEST_CASE("format fixed: never prints minus zero") {
  CHECK(FormatFixed(-0.0001, 2) == "0.00");
  CHECK(FormatFixed(2.555, 1) == "2.6");
}

}  // namespace fa
