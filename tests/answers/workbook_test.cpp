// The questionnaire workbook (docs/workbook.md) end to end: written from a
// rubric, filled in by another writer (openpyxl, tests/data/workbook/
// fill_workbook.py: shared strings; inline strings with re-ordered and blank
// rows, numbers typed as text and a formula), read back to the same
// AnswerSet as the shipped examples' answers files; and refused, with a
// clear positioned error and nothing written, when it is not a workbook, a
// zip bomb, an XML entity expansion, a 1,048,576-row sheet or made for
// another rubric.
#include <doctest/doctest.h>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <streambuf>

#include "answers/answers_loader.h"
#include "answers/workbook_answers.h"
#include "answers/xlsx_reader.h"
#include "base/env.h"
#include "base/text.h"
#include "cli/cli_runner.h"
#include "report/workbook.h"
#include "service/assess.h"
#include "skip_check.h"
#include "text_checks.h"

namespace fa {
namespace {

const char* kExamples[] = {"cmmm-autoparts-anting", "cmmm-biomed-malu",        "cmmm-ic-packaging",
                           "cmmm-weak-textile",     "sme-electronics-jiangqiao", "sme-machining-waigang",
                           "sme-moulds-nanxiang"};

std::string RubricOf(const std::string& example) {
  return example.rfind("cmmm", 0) == 0 ? "rubrics/cmmm.yaml" : "rubrics/sme-digital-2024.yaml";
}

std::shared_ptr<const CompiledRubric> Compiled(const std::string& path) {
  Diagnostics d;
  auto compiled = CompileRubricFile(path, d);
  REQUIRE_MESSAGE(compiled, d.Format());
  return compiled;
}

// The checked answers of one file (answers file or workbook).
AnswerSet Checked(const CompiledRubric& compiled, const std::string& path) {
  Diagnostics d;
  std::vector<AnswerSet> sets = LoadCheckedAnswers(compiled, {path}, d, 1);
  INFO(d.Format());
  REQUIRE(sets.size() == 1);
  CHECK(!d.HasErrors());
  return std::move(sets[0]);
}

// Every fact an AnswerSet carries past its file: profile, round, assessor,
// date and each answer as settled, in criterion order.
std::string Facts(const AnswerSet& set) {
  std::ostringstream out;
  out << "rubric " << set.rubric << " " << set.rubric_version << "\nround " << set.round << "\nassessor "
      << set.assessor << "\ndate " << set.date << "\n";
  for (const auto& [k, v] : set.factory.AsFields()) out << "factory " << k << " = " << v << "\n";
  std::map<std::string, std::string> answers;
  for (const Answer& a : set.answers) {
    std::ostringstream line;
    line << static_cast<int>(a.kind) << " | " << FormatNumber(a.number) << " | " << a.boolean << " | "
         << (a.kind == AnswerKind::kNumber || a.kind == AnswerKind::kBool ? "" : a.text) << " | "
         << Join(a.options, ",") << " | " << a.evidence << " | " << a.note << " | " << a.assessor << " | " << a.date;
    answers[a.criterion] = line.str();
  }
  for (const auto& [id, line] : answers) out << id << ": " << line << "\n";
  return out.str();
}

std::string Escaped(const std::string& text) {
  std::string out;
  for (char ch : text) out += ch == '\n' ? std::string("\\n") : ch == '\t' ? std::string(" ") : std::string(1, ch);
  return out;
}

// The answers file's entries as fill_workbook.py reads them.
void WriteTsv(const std::string& example_path, const std::string& tsv) {
  Diagnostics d;
  auto raw = LoadAnswerSet(example_path, d);
  REQUIRE(raw);
  std::ofstream out(tsv, std::ios::binary);
  for (const auto& [key, value] : raw->factory.AsFields()) out << "profile\t" << key << "\t" << Escaped(value) << "\n";
  out << "profile\tround\t" << raw->round << "\nprofile\tassessor\t" << Escaped(raw->assessor) << "\nprofile\tdate\t"
      << raw->date << "\n";
  for (const Answer& a : raw->answers) {
    const std::string value = a.kind == AnswerKind::kOptions ? "list:" + Join(a.options, ",")
                              : a.kind == AnswerKind::kNotApplicable ? "na"
                                                                     : a.text;
    out << "answer\t" << a.criterion << "\t" << Escaped(value) << "\t" << Escaped(a.evidence) << "\t"
        << Escaped(a.note) << "\n";
  }
}

bool HasOpenpyxl() { return std::system("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1") == 0; }

void BlankWorkbook(const Rubric& rubric, const std::string& path, const std::string& lang) {
  ReportOptions options;
  options.lang = lang;
  WriteQuestionnaireWorkbook(rubric, nullptr, options, path);
}

// Every shipped example typed into a blank workbook by openpyxl in `mode`.
void RoundTripThroughOpenpyxl(const std::string& mode) {
  if (!HasOpenpyxl()) FA_SKIP("python3-openpyxl is not installed (apt-get install python3-openpyxl)");
  TempDir dir("fa-workbook");
  for (const std::string example : kExamples) {
    CAPTURE(example);
    const std::string yaml = "examples/" + example + ".yaml";
    auto compiled = Compiled(RubricOf(example));
    const std::string blank = dir.File(example + "-blank.xlsx"), filled = dir.File(example + ".xlsx");
    BlankWorkbook(*compiled->rubric, blank, mode == "inline" ? "en" : "zh");
    WriteTsv(yaml, dir.File(example + ".tsv"));
    const std::string fill = "/usr/bin/python3 " + std::string(FA_SOURCE_DIR) +
                             "/tests/data/workbook/fill_workbook.py '" + blank + "' '" + dir.File(example + ".tsv") +
                             "' '" + filled + "' " + mode;
    REQUIRE(std::system(fill.c_str()) == 0);
    CHECK(Facts(Checked(*compiled, filled)) == Facts(Checked(*compiled, yaml)));
  }
}

// A hand-made archive of `parts`.
std::string Zip(const std::map<std::string, std::string>& parts) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, text] : parts) {
    std::istringstream in(text);
    zip.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE,
                Poco::Zip::ZipCommon::CL_SUPERFAST);
  }
  zip.close();
  return out.str();
}

// A one-sheet workbook whose sheet is `sheet_xml`.
std::string OneSheetBook(const std::string& sheet_xml) {
  return Zip({{"xl/workbook.xml",
               "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
               "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
               "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
              {"xl/_rels/workbook.xml.rels",
               "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
               "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
               "worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
              {"xl/worksheets/sheet1.xml", sheet_xml}});
}

std::string ReadProblem(const std::string& bytes) {
  Diagnostics d;
  CHECK(!ReadXlsx(bytes, "form.xlsx", d));
  return d.Format();
}

// `n` bytes of one letter, made as they are read (a bomb's part is never
// held whole).
class Filler : public std::streambuf {
 public:
  explicit Filler(size_t n) : left_(n), buffer_(1 << 16, '0') {}

 protected:
  int_type underflow() override {
    if (left_ == 0) return traits_type::eof();
    const size_t n = std::min(left_, buffer_.size());
    left_ -= n;
    setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  size_t left_;
  std::string buffer_;
};

using testing::Has;

}  // namespace

TEST_CASE("workbook: pre-filled from each shipped example, it reads back to the example's answers") {
  TempDir dir("fa-workbook");
  for (const std::string example : kExamples) {
    CAPTURE(example);
    const std::string yaml = "examples/" + example + ".yaml";
    auto compiled = Compiled(RubricOf(example));
    const AnswerSet answers = Checked(*compiled, yaml);
    for (const char* lang : {"zh", "en"}) {
      ReportOptions options;
      options.lang = lang;
      WriteQuestionnaireWorkbook(*compiled->rubric, &answers, options, dir.File(example + ".xlsx"));
      CHECK(Facts(Checked(*compiled, dir.File(example + ".xlsx"))) == Facts(answers));
    }
  }
}

// LibreOffice Calc opens each pre-filled workbook and saves it again as
// .xlsx (its own shared strings, styles and cell types): it reads back to
// the same answers. Named "workbook checks:" as the other checks that drive
// an outside program (scripts/test-sanitizers.sh leaves them out).
TEST_CASE("workbook checks: saved again by LibreOffice Calc, each shipped example reads back to its answers") {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0)
    FA_SKIP("LibreOffice Calc is not installed (scripts/setup-report-checks.sh installs libreoffice-calc-nogui)");
  TempDir dir("fa-workbook-lo");
  std::string inputs;
  for (const std::string example : kExamples) {
    auto compiled = Compiled(RubricOf(example));
    const AnswerSet answers = Checked(*compiled, "examples/" + example + ".yaml");
    ReportOptions options;
    options.lang = "zh";
    WriteQuestionnaireWorkbook(*compiled->rubric, &answers, options, dir.File(example + ".xlsx"));
    inputs += " '" + dir.File(example + ".xlsx") + "'";
  }
  // A profile of its own, so runs at once do not share LibreOffice's lock.
  const std::string convert = "soffice -env:UserInstallation=file://" + dir.File("profile") +
                              " --headless --calc --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir '" +
                              dir.File("saved") + "'" + inputs + " >/dev/null 2>&1";
  REQUIRE(std::system(convert.c_str()) == 0);
  for (const std::string example : kExamples) {
    CAPTURE(example);
    auto compiled = Compiled(RubricOf(example));
    const std::string saved = dir.File("saved/" + example + ".xlsx");
    REQUIRE(ReadFile(saved) != ReadFile(dir.File(example + ".xlsx")));  // written anew by LibreOffice
    CHECK(Facts(Checked(*compiled, saved)) == Facts(Checked(*compiled, "examples/" + example + ".yaml")));
  }
}

TEST_CASE("workbook: filled in by openpyxl with shared strings, it reads back to the answers files") {
  RoundTripThroughOpenpyxl("shared");
}

TEST_CASE("workbook: inline strings, re-ordered and blank rows, text numbers and a formula read the same") {
  RoundTripThroughOpenpyxl("inline");
}

TEST_CASE("workbook: the command writes it, score and report read it, errors name the sheet and cell") {
  TempDir dir("fa-workbook");
  const std::string form = dir.File("form.xlsx");
  CliRun write = RunCli("workbook --rubric rubrics/cmmm.yaml --answers examples/cmmm-ic-packaging.yaml -o '" + form + "'");
  REQUIRE_MESSAGE(write.status == 0, write.err);
  CHECK(Has(write.out, "260 items"));
  CliRun yaml = RunCli("score --rubric rubrics/cmmm.yaml examples/cmmm-ic-packaging.yaml");
  CliRun xlsx = RunCli("score --rubric rubrics/cmmm.yaml '" + form + "'");
  REQUIRE_MESSAGE(xlsx.status == 0, xlsx.err);
  CHECK(Has(xlsx.out, "\"level\": 3"));
  CliRun report = RunCli("report --rubric rubrics/cmmm.yaml '" + form + "' -o '" + dir.File("r.html") + "'");
  CHECK_MESSAGE(report.status == 0, report.err);

  CliRun blank_write = RunCli("workbook --rubric rubrics/cmmm.yaml --lang en -o '" + dir.File("blank.xlsx") + "'");
  REQUIRE(blank_write.status == 0);
  CliRun blank = RunCli("score --rubric rubrics/cmmm.yaml '" + dir.File("blank.xlsx") + "' -o '" +
                        dir.File("out.json") + "'");
  CHECK(blank.status == 1);
  CHECK(Has(blank.err, dir.File("blank.xlsx") + ":Company!C2: error: factory: missing 'credit_code'"));
  CHECK(Has(blank.err, dir.File("blank.xlsx") + ":People!F2: error: missing answer to required criterion "
                                                "'org.l1.strategy_plan'"));
  CHECK(!std::ifstream(dir.File("out.json")));

  CliRun sme = RunCli("score --rubric rubrics/sme-digital-2024.yaml '" + form + "'");
  CHECK(sme.status == 1);
  CHECK(Has(sme.err, "form.xlsx:_factory_assess!B3: error: the workbook is for rubric 'cmmm', not 'sme-digital-2024'"));
}

TEST_CASE("workbook: a wrong answer is an error at its cell, as in an answers file") {
  TempDir dir("fa-workbook");
  auto compiled = Compiled("rubrics/sme-digital-2024.yaml");
  Diagnostics d;
  AnswerSet answers = Checked(*compiled, "examples/sme-machining-waigang.yaml");
  std::string multi;
  for (Answer& a : answers.answers)
    if (a.kind == AnswerKind::kOptions && multi.empty()) {
      multi = a.criterion;
      a.options = {"bogus"};  // written as typed
    }
  REQUIRE(!multi.empty());
  ReportOptions options;
  WriteQuestionnaireWorkbook(*compiled->rubric, &answers, options, dir.File("form.xlsx"));
  std::vector<AnswerSet> sets = LoadCheckedAnswers(*compiled, {dir.File("form.xlsx")}, d, 1);
  CHECK(sets.empty());
  INFO(d.Format());
  CHECK(Has(d.Format(), "form.xlsx:"));
  CHECK(Has(d.Format(), ": error: answer to '" + multi + "': unknown option 'bogus'"));
  CHECK(d.items().at(0).cell.find("!F") != std::string::npos);
}

TEST_CASE("workbook: made for another text of the rubric, refused unless --allow-rubric-change") {
  TempDir dir("fa-workbook");
  for (const char* f : {"cmmm.yaml", "scenarios.yaml", "smart-factory-tiers.yaml"}) {
    std::string text = ReadFile(std::string("rubrics/") + f);
    if (std::string(f) == "cmmm.yaml") {
      const size_t at = text.find("\nversion:");
      text.replace(at, text.find('\n', at + 1) - at, "\nversion: \"1.1\"");
      const size_t id = text.find("org.l1.budget");
      text.replace(id, 13, "org.l1.budget2");
    }
    std::ofstream(dir.File(f), std::ios::binary) << text;
  }
  const std::string form = dir.File("form.xlsx");
  REQUIRE(RunCli("workbook --rubric rubrics/cmmm.yaml --answers examples/cmmm-ic-packaging.yaml -o '" + form + "'")
              .status == 0);
  CliRun refused = RunCli("score --rubric '" + dir.File("cmmm.yaml") + "' '" + form + "'");
  CHECK(refused.status == 1);
  CHECK(Has(refused.err, "form.xlsx:_factory_assess!B5: error: the workbook was made for another text of rubric "
                         "'cmmm' (version 1.0"));
  CHECK(Has(refused.err, "give --allow-rubric-change"));
  CliRun allowed = RunCli("score --rubric '" + dir.File("cmmm.yaml") + "' '" + form + "' --allow-rubric-change");
  CHECK(Has(allowed.err, "warning: criterion 'org.l1.budget' is not in this rubric any more; its answer is left out"));
  CHECK(Has(allowed.err, "criteria of the rubric have no row in the workbook: org.l1.budget2"));
  CHECK(Has(allowed.err, "!F4: error: missing answer to required criterion 'org.l1.budget2'") == false);
  CHECK(Has(allowed.err, "error: missing answer to required criterion 'org.l1.budget2'"));
}

TEST_CASE("workbook: what is not a workbook is refused with a clear error") {
  CHECK(Has(ReadProblem("rubric: cmmm\n"), "form.xlsx: error: not an XLSX workbook (not a ZIP archive)"));
  CHECK(Has(ReadProblem(Zip({{"hello.txt", "hi"}})), "not an XLSX workbook (the archive has no xl/workbook.xml)"));
  CHECK(Has(ReadProblem(OneSheetBook("<worksheet><sheetData><row r=\"1\"><c r=\"A1\"")),
            "form.xlsx:S: error: part xl/worksheets/sheet1.xml is not well-formed XML"));
  auto compiled = Compiled("rubrics/cmmm.yaml");
  Diagnostics d;
  CHECK(!WorkbookAnswersFromBytes(*compiled->rubric, OneSheetBook("<worksheet><sheetData/></worksheet>"), "form.xlsx",
                                  {}, d));
  CHECK(Has(d.Format(), "not a questionnaire workbook of factory-assess (it has no sheet '_factory_assess')"));
}

TEST_CASE("workbook: a zip bomb is refused by its entries or its unpacked size") {
  std::map<std::string, std::string> many;
  for (int i = 0; i < 1001; ++i) many["x/" + std::to_string(i)] = "";
  CHECK(Has(ReadProblem(Zip(many)), "the archive has more than 1000 entries; the limit is 1000 (docs/limits.md)"));

  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  Filler filler(size_t{300} << 20);
  std::istream bomb(&filler);
  zip.addFile(bomb, Poco::DateTime(), Poco::Path("xl/workbook.xml", Poco::Path::PATH_UNIX),
              Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_SUPERFAST);
  zip.close();
  CHECK(out.str().size() < (size_t{2} << 20));
  CHECK(Has(ReadProblem(out.str()), "the archive unpacks to more than 256 MB; the limit is 256 MB (docs/limits.md)"));
}

TEST_CASE("workbook: an XML part with a DTD is refused, so no entity is expanded") {
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;\">]><worksheet><sheetData><row r=\"1\"><c r=\"A1\" "
      "t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>";
  CHECK(Has(ReadProblem(OneSheetBook(laughs)), "form.xlsx:S: error: part xl/worksheets/sheet1.xml declares a DTD"));
  const std::string external =
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><worksheet><sheetData><row "
      "r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>";
  CHECK(Has(ReadProblem(OneSheetBook(external)), "declares a DTD"));
}

TEST_CASE("workbook: a sheet of 1,048,576 rows stops at the row limit") {
  std::string sheet = "<worksheet><sheetData>";
  sheet.reserve(size_t{48} << 20);
  for (int r = 1; r <= 1'048'576; ++r) sheet += "<row r=\"" + std::to_string(r) + "\"><c><v>1</v></c></row>";
  sheet += "</sheetData></worksheet>";
  CHECK(Has(ReadProblem(OneSheetBook(sheet)),
            "form.xlsx:S: error: more than 100000 rows hold a value (row 100001); the limit is 100000 "
            "(docs/limits.md)"));
  CHECK(Has(ReadProblem(OneSheetBook("<worksheet><sheetData><row r=\"1\"><c r=\"A1048577\"><v>1</v></c>"
                                     "</row></sheetData></worksheet>")),
            "cell A1048577 lies outside a sheet's 1,048,576 rows"));
  CHECK(Has(ReadProblem(OneSheetBook("<worksheet><sheetData><row r=\"2147483647\"/><row/></sheetData></worksheet>")),
            "row 2147483647 lies outside a sheet's 1,048,576 rows"));
  std::string merges = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData><mergeCells>";
  for (int i = 0; i < 20; ++i) merges += "<mergeCell ref=\"A1:J1000\"/>";
  CHECK(Has(ReadProblem(OneSheetBook(merges + "</mergeCells></worksheet>")),
            "merged cells cover more than 100000 cells"));
}

TEST_CASE("workbook: cells of every type read as text, merged cells fill their range") {
  Diagnostics d;
  auto book = ReadXlsx(
      OneSheetBook("<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"b\"><v>1</v></c><c r=\"C2\"><v>0.30000000000000004"
                   "</v></c><c r=\"D2\" t=\"str\"><f>A1&amp;\"x\"</f><v>ax</v></c><c r=\"E2\" t=\"inlineStr\"><is><r><t>"
                   "a</t></r><r><t>b</t></r></is></c><c r=\"F2\" t=\"e\"><v>#N/A</v></c><c r=\"G2\"><f>1+1</f><v></v></c>"
                   "</row></sheetData>"
                   "<mergeCells count=\"1\"><mergeCell ref=\"E2:E3\"/></mergeCells></worksheet>"),
      "form.xlsx", d);
  REQUIRE_MESSAGE(book, d.Format());
  const auto& cells = book->sheets.at(0).cells;
  REQUIRE(cells.size() == 7);
  CHECK(cells[0].text == "true");
  CHECK(cells[1].text == "0.3");
  CHECK(cells[2].text == "ax");
  CHECK(cells[3].text == "ab");
  CHECK(cells[4].type == XlsxCell::Type::kError);
  CHECK((cells[5].type == XlsxCell::Type::kUncomputed && cells[5].text == "=1+1"));
  CHECK((cells[6].row == 3 && cells[6].column == 5 && cells[6].text == "ab"));
}

}  // namespace fa
