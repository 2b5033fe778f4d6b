// The readers' English diagnostics in the page's language
// (web/reader_messages.h): every message the answers loader, the YAML and
// CSV readers and the input checks give a file someone hands the web app is
// produced here by the readers themselves and must be recognised — a
// reworded message fails here instead of reaching a Chinese page in
// English — and said in Chinese with no English phrase, naming what was
// expected and what was found.
#include <doctest/doctest.h>

#include <regex>

#include "answers/answers_loader.h"
#include "base/input_limits.h"
#include "base/input_text.h"
#include "ranking/ranking_config_csv.h"
#include "rubric/rubric_loader.h"
#include "web/reader_messages.h"

namespace fa::webtest {
namespace {

/// The errors the answers loader gives for `text`.
std::vector<Diagnostic> AnswersErrors(const std::string& text) {
  Diagnostics diags;
  LoadAnswerSetFromString(text, "answers.yaml", diags);
  std::vector<Diagnostic> out;
  for (const auto& d : diags.items())
    if (d.severity == Severity::kError) out.push_back(d);
  return out;
}

std::vector<Diagnostic> CsvErrors(const std::string& text) {
  Diagnostics diags;
  ParseCsv(text, "import.csv", diags);
  std::vector<Diagnostic> out;
  for (const auto& d : diags.items())
    if (d.severity == Severity::kError) out.push_back(d);
  return out;
}

/// An English phrase as the page crawl finds one (tests/e2e/crawl_e2e.js):
/// four words or more.
bool HasEnglishPhrase(const std::string& text) {
  return std::regex_search(text, std::regex("[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){3,}"));
}

/// Checks every error of `errors` is recognised, reads in Chinese without
/// an English phrase, and holds `zh_part`; returns the Chinese texts joined.
std::string CheckLocalized(const std::vector<Diagnostic>& errors, const std::string& zh_part) {
  REQUIRE_FALSE(errors.empty());
  std::string all;
  for (const auto& d : errors) {
    CAPTURE(d.message);
    const web::LocalDiagnostic zh = web::LocalizeDiagnostic(d, "zh");
    const web::LocalDiagnostic en = web::LocalizeDiagnostic(d, "en");
    CAPTURE(zh.text);
    CHECK(zh.recognized);
    CHECK(en.recognized);
    CHECK_FALSE(HasEnglishPhrase(zh.text));
    CHECK(en.text != d.message);  // worded for people, not the reader's line
    all += zh.text + "\n";
  }
  CAPTURE(all);
  CHECK(all.find(zh_part) != std::string::npos);
  return all;
}

}  // namespace

TEST_CASE("web: every answers-file problem of the loader is said in Chinese with what was expected and found") {
  const std::string head = "rubric: sme-digital-2024\nfactory:\n  name: x\n  credit_code: 91310114MA1FL3K7XP\n";
  // Syntax: each by what a person did, with the line as written.
  CheckLocalized(AnswersErrors("rubric: [sme\nanswers: {"), "文件不是有效的 YAML 或 JSON：");
  CheckLocalized(AnswersErrors("rubric: sme\nfactory: {name: x\n"), "花括号 { 没有配对的 }");
  CheckLocalized(AnswersErrors("rubric: sme\nanswers: [1, 2\n"), "方括号 [ 没有配对的 ]");
  CheckLocalized(AnswersErrors("rubric: sme\nfactory:\n\tname: x\n"), "缩进中有 Tab 字符");
  CheckLocalized(AnswersErrors("rubric: \"sme"), "引号没有闭合");
  CheckLocalized(AnswersErrors("rubric: \"a\\q\"\n"), "转义");
  CheckLocalized(AnswersErrors("rubric: sme\n  factory: x\n answers: y\n"), "缩进或冒号的位置不对");
  CheckLocalized(AnswersErrors("rubric: sme\nanswers: y: z\n"), "该处为“answers: y: z”");
  // Types, keys and values.
  CheckLocalized(AnswersErrors("- 1\n- 2\n"), "文件应为包含 rubric、factory 和 answers 的映射（若干“键: 值”），实际为列表");
  CheckLocalized(AnswersErrors("rubric: [a]\nfactory: x\nanswers: {}\n"), "文件顶层的“rubric”应为编号");
  CheckLocalized(AnswersErrors("rubric: [a]\nfactory: x\nanswers: {}\n"), "文件顶层的“factory”应为映射（若干“键: 值”），实际为“x”");
  CheckLocalized(AnswersErrors(head + "round: [1]\nanswers: {}\n"), "文件顶层的“round”应为文字，实际为列表");
  CheckLocalized(AnswersErrors(head + "rubirc: x\nanswers: {}\n"), "文件顶层中的键“rubirc”无法识别，是否应为“rubric”？");
  CheckLocalized(AnswersErrors(head + "zzz: x\nanswers: {}\n"), "文件顶层中的键“zzz”无法识别。");
  CheckLocalized(AnswersErrors(head + "answers: {}\nanswers: {}\n"), "文件顶层中的键“answers”重复出现。");
  CheckLocalized(AnswersErrors(head), "文件顶层缺少必填项“answers”。");
  CheckLocalized(AnswersErrors("rubric: sme\nfactory: {name: x}\nanswers: {}\n"), "“factory”部分缺少必填项“credit_code”。");
  CheckLocalized(AnswersErrors("rubric: sme\nfactory: {name: x, credit_code: 91310114ABC}\nanswers: {}\n"),
                 "统一社会信用代码有误：统一社会信用代码应为 18 位，现为 11 位。");
  CheckLocalized(AnswersErrors("rubric: sme\nfactory: {name: x, credit_code: \"9131011#MA1FL3K7XP\"}\nanswers: {}\n"),
                 "统一社会信用代码有误：");
  CheckLocalized(AnswersErrors(head + "  employees: -3\nanswers: {}\n"), "“factory”部分的“employees”不能为负数，实际为 -3。");
  CheckLocalized(AnswersErrors(head + "  employees: many\nanswers: {}\n"), "“factory”部分的“employees”应为数字，实际为“many”");
  CheckLocalized(AnswersErrors(head + "  name: [a, b]\nanswers: {}\n"), "“factory”部分中的键“name”重复出现");
  CheckLocalized(AnswersErrors("rubric: sme\nfactory: {name: [a], credit_code: 91310114MA1FL3K7XP}\nanswers: {}\n"),
                 "“factory”部分的“name”应为单个值，实际为列表");
  CheckLocalized(AnswersErrors(head + "answers: [1, 2]\n"), "文件顶层的“answers”应为映射");
  CheckLocalized(AnswersErrors(head + "answers:\n  \"\": 1\n"), "题目编号为空");
  CheckLocalized(AnswersErrors(head + "answers:\n  x: {value: 1, evidnce: e}\n"), "题目“x”中的键“evidnce”无法识别，是否应为“evidence”？");
  CheckLocalized(AnswersErrors(head + "answers:\n  x: {evidence: e}\n"), "题目“x”缺少必填项“value”。");
  CheckLocalized(AnswersErrors(head + "answers:\n  x: {value: {a: 1}}\n"), "题目“x”的“value”应为答案（数字、选项编号、选项编号列表、true/false、文字或 na），实际为映射");
  CheckLocalized(AnswersErrors(head + "answers:\n  x:\n    - [a]\n"), "“answers”部分的“x”的第 1 项应为文字，实际为列表");
  CheckLocalized(AnswersErrors(head + "answers:\n  x: {value: 1, ? [a] : 2}\n"), "题目“x”中的键应为文字，实际为列表");
  // Input limits: UTF-8, size, nesting, aliases.
  CheckLocalized(AnswersErrors("rubric: \xff\n"), "文件不是 UTF-8 编码（字节 0xFF）");
  Diagnostic large;
  large.message = TooLargeMessage(kMaxDocumentBytes + 1, kMaxDocumentBytes);
  CheckLocalized({large}, "文件太大（513 MB），上限为 512 MB。");
  CheckLocalized(AnswersErrors("rubric: " + std::string(70, '[') + std::string(70, ']') + "\n"), "嵌套超过 64 层。");
  std::string laughs = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n";
  for (char c = 'b'; c <= 'h'; ++c)
    laughs += std::string(1, c) + ": &" + c + " [" + std::string("*") + static_cast<char>(c - 1) + ", *" +
              static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" +
              static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" +
              static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + "]\n";
  CheckLocalized(AnswersErrors(laughs), "文件展开后超过 1000000 个节点");
}

TEST_CASE("web: every CSV problem of the reader is said in Chinese") {
  CheckLocalized(CsvErrors("a,b\n\"x,1\n"), "引号没有闭合");
  CheckLocalized(CsvErrors("a,b\n\"x\"y,1\n"), "结束引号之后还有文字");
  CheckLocalized(CsvErrors("a,b\n1\n"), "该行有 1 个单元格，而表头有 2 个。");
  CheckLocalized(CsvErrors(""), "表格是空的：第一行应为表头。");
  CheckLocalized(CsvErrors("a\n" + std::string(kMaxCellBytes + 1, 'x') + "\n"), "单元格长 65537 字节，上限为 65536 字节。");
  std::string rows = "a\n";
  for (size_t i = 0; i <= kMaxTableRows + 1; ++i) rows += "1\n";
  CheckLocalized(CsvErrors(rows), "超过 1000000 行的上限。");
}

TEST_CASE("web: an unknown message is a general sentence on a Chinese page, never the English") {
  Diagnostic d;
  d.message = "something went wrong in a way nobody wrote down";
  d.source_line = "answers: {x: 1}";
  d.pos = {3, 5};
  const web::LocalDiagnostic zh = web::LocalizeDiagnostic(d, "zh");
  CHECK_FALSE(zh.recognized);
  CHECK(zh.text == "文件此处有误，该处为“answers: {x: 1}”。");
  CHECK(web::LocalizeDiagnostic(d, "en").text == d.message);
}

TEST_CASE("web: what an answer may be, from the question's form, in the page's language") {
  Diagnostics diags;
  auto rubric = LoadRubric(std::string(FA_SOURCE_DIR) + "/rubrics/sme-digital-2024.yaml", diags);
  REQUIRE(rubric);
  std::map<std::string, int> seen;
  for (const Criterion* c : rubric->AllCriteria()) {
    const std::string zh = web::ExpectedAnswer(*rubric, *c, "zh"), en = web::ExpectedAnswer(*rubric, *c, "en");
    CAPTURE(c->id);
    CAPTURE(zh);
    CHECK_FALSE(HasEnglishPhrase(zh));
    CHECK(!en.empty());
    ++seen[c->kind->name()];
  }
  CHECK(seen.size() >= 3);
  const Criterion* percent = nullptr;
  for (const Criterion* c : rubric->AllCriteria())
    if (std::string(c->kind->name()) == "number" && c->unit == "%") percent = c;
  REQUIRE(percent);
  CHECK(web::ExpectedAnswer(*rubric, *percent, "zh").find("（单位：%）") != std::string::npos);
}

}  // namespace fa::webtest
