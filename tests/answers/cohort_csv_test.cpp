// Cohort CSV files (docs/cohort-csv.md): clean files read into the same
// answers as answer files, and bad ones (tests/data/cohort/bad/*.csv) give
// every problem at its row and column, compared in full with the expected
// diagnostics beside each file. Files named points_* are checked against the
// points test rubric, the others against the gated one.
// FA_REGENERATE_GOLDEN=1 rewrites the .expected files; review the diff.
#include <doctest/doctest.h>

#include <Poco/DirectoryIterator.h>
#include <Poco/Path.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "answers/cohort_csv.h"
#include "answers/credit_code.h"
#include "base/atomic_file.h"
#include "base/csv_scanner.h"
#include "base/text.h"
#include "rubric/rubric_loader.h"

namespace fa {
namespace {

Rubric LoadTestRubric(const std::string& path) {
  Diagnostics d;
  auto rubric = LoadRubric(path, d);
  REQUIRE_MESSAGE(rubric, d.Format());
  return *rubric;
}

const Rubric& Gated() {
  static const Rubric r = LoadTestRubric("tests/data/ok/scoring/gated.yaml");
  return r;
}

const Rubric& Points() {
  static const Rubric r = LoadTestRubric("tests/data/ok/scoring/points.yaml");
  return r;
}

const Rubric& RubricFor(const std::string& path) {
  return Poco::Path(path).getFileName().rfind("points", 0) == 0 ? Points() : Gated();
}

std::vector<AnswerSet> Read(const std::string& path, Diagnostics& d, CohortCsvOptions options = {}) {
  return ReadCohortAnswerSets(RubricFor(path), ReadFile(path), path, d, options);
}

std::string Value(const AnswerSet& s, const std::string& id) {
  const Answer* a = s.Find(id);
  if (!a) return "(none)";
  switch (a->kind) {
    case AnswerKind::kNumber: return FormatNumber(a->number);
    case AnswerKind::kNotApplicable: return "na";
    case AnswerKind::kBool: return a->boolean ? "yes" : "no";
    case AnswerKind::kOptions: return "[" + Join(a->options, ",") + "]";
    default: return a->text;
  }
}

std::vector<std::string> BadFiles() {
  std::vector<std::string> files;
  for (Poco::DirectoryIterator it(std::string("tests/data/cohort/bad")), end; it != end; ++it)
    if (Poco::Path(it.path()).getExtension() == "csv") files.push_back("tests/data/cohort/bad/" + it.name());
  std::sort(files.begin(), files.end());
  return files;
}

TEST_CASE("cohort CSV: a clean file gives one answer set per row, through BOM, quotes, CRLF and multi-line cells") {
  Diagnostics d;
  auto sets = Read("tests/data/cohort/ok/gated.csv", d);
  CHECK_MESSAGE(d.empty(), d.Format());
  REQUIRE(sets.size() == 4);
  CHECK(sets[0].factory.credit_code == "91310114MA1GT3KX8E");
  CHECK(sets[0].factory.name == "上海安亭某汽车部件有限公司, 二厂");
  CHECK(sets[0].factory.employees.value() == 620);
  CHECK(sets[0].factory.extra.at("zone") == "north");
  CHECK(sets[1].factory.name == "A \"quoted\" plant");
  CHECK(sets[1].factory.extra.count("zone") == 0);
  CHECK(sets[2].factory.name == "Two-line\r\nname");
  CHECK(sets[3].factory.name == "上海某纺织有限公司");
  CHECK_FALSE(sets[3].factory.employees.has_value());
  CHECK(Value(sets[0], "o.l2.b") == "0.8");
  CHECK(Value(sets[0], "e.l3.a") == "(none)");  // optional, left empty
  CHECK(Value(sets[1], "o.l2.b") == "(none)");  // does not apply to a process plant
  CHECK(Value(sets[1], "e.l3.a") == "na");
  CHECK(Value(sets[2], "o.l3.a") == "1");       // written 1.0
  CHECK(sets[0].sha256 != sets[1].sha256);
}

TEST_CASE("cohort CSV: every kind of value, lists written with semicolons and the empty list as two brackets") {
  Diagnostics d;
  auto sets = Read("tests/data/cohort/ok/points.csv", d);
  CHECK_MESSAGE(d.empty(), d.Format());
  REQUIRE(sets.size() == 3);
  CHECK(Value(sets[0], "network") == "[a,b]");
  CHECK(Value(sets[1], "network") == "[]");
  CHECK(Value(sets[2], "network") == "[a,b,c]");
  CHECK(Value(sets[0], "share") == "35.5");
  CHECK(Value(sets[0], "systems") == "some");
  CHECK(Value(sets[0], "policy") == "yes");
  CHECK(Value(sets[2], "policy") == "yes");
  CHECK(Value(sets[1], "policy") == "no");
  CHECK(Value(sets[0], "remark") == "ERP: SAP, MES");
  CHECK(Value(sets[1], "remark") == "(none)");
}

// The reader remembers each criterion's first few short values and looks a
// cell up by its bytes and length read as one word (cohort_csv_rows.cpp):
// a value that begins another, the same value written longer, a quoted
// cell, more values than are remembered, and a cell that is the file's
// last bytes (no 8 bytes after it to read at once) all read as themselves.
TEST_CASE("cohort CSV: remembered values are told apart by length, quoting and place in the file") {
  const std::vector<std::string> cells = {"0",    "0.5",  "0.8",     "1",   "1.0", "0.50",
                                          "0.80", "1.00", "\"0.8\"", "0.5", "1",   "0.8"};
  const std::vector<std::string> read = {"0", "0.5", "0.8", "1", "1", "0.5", "0.8", "1", "0.8", "0.5", "1", "0.8"};
  std::string csv =
      "credit_code,name,town,industry,manufacturing_type,employees,revenue,zone,p.l1.a,p.l2.a,p.l3.a,o.l1.a,o.l2.a,"
      "o.l2.b,o.l3.a,e.l1.a,e.l2.a,e.l3.a\n";
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string code = "91310114MA1GT3K" + std::string(2 - std::to_string(i).size(), '0') + std::to_string(i);
    code += CreditCodeCheckChar(code);
    // p.l1.a and, as the row's last cell, e.l3.a take the value.
    csv += code + ",Plant " + std::to_string(i) + ",,automotive,discrete,,,," + cells[i] + ",1,1,1,1,1,1,1,1," +
           cells[i];
    if (i + 1 < cells.size()) csv += "\n";  // the last row ends the file, without a line break
  }
  for (int threads : {1, 2}) {
    CAPTURE(threads);
    Diagnostics d;
    CohortCsvOptions options;
    options.threads = threads;
    options.min_part_bytes = 64;
    auto sets = ReadCohortAnswerSets(Gated(), csv, "values.csv", d, options);
    CHECK_MESSAGE(d.empty(), d.Format());
    REQUIRE(sets.size() == cells.size());
    for (size_t i = 0; i < cells.size(); ++i) {
      CAPTURE(cells[i]);
      CHECK(Value(sets[i], "p.l1.a") == read[i]);
      CHECK(Value(sets[i], "e.l3.a") == read[i]);
    }
  }
}

TEST_CASE("bad cohort files: every problem, at its row and column, exactly as expected") {
  const auto files = BadFiles();
  REQUIRE(files.size() >= 8);
  const bool regenerate = std::getenv("FA_REGENERATE_GOLDEN") != nullptr;
  for (const auto& f : files) {
    CAPTURE(f);
    Diagnostics d;
    auto sets = Read(f, d);
    CHECK(sets.empty());
    std::string got = d.Format();
    CHECK_MESSAGE(got.find(": error: ") != std::string::npos, "no error for a bad file");
    if (regenerate) {
      WriteFile(f + ".expected", got);
      continue;
    }
    CHECK(got == ReadFile(f + ".expected"));
  }
}

TEST_CASE("cohort CSV: reading in parallel parts gives the same rows and diagnostics as reading in one") {
  CohortCsvOptions one, many;
  one.threads = 1;
  many.threads = 3;
  many.min_part_bytes = 1;
  for (const auto& f : BadFiles()) {
    CAPTURE(f);
    Diagnostics a, b;
    Read(f, a, one);
    Read(f, b, many);
    CHECK(a.Format() == b.Format());
  }
  Diagnostics a, b;
  auto serial = Read("tests/data/cohort/ok/gated.csv", a, one);
  auto parallel = Read("tests/data/cohort/ok/gated.csv", b, many);
  REQUIRE(serial.size() == parallel.size());
  for (size_t i = 0; i < serial.size(); ++i) {
    CHECK(serial[i].factory.name == parallel[i].factory.name);
    CHECK(serial[i].sha256 == parallel[i].sha256);
  }
}

TEST_CASE("cohort CSV: read a window at a time, rows straddling windows give the rows and diagnostics of one read") {
  // Every window size from a few bytes up: a row (CRLF, BOM, quoted line
  // breaks in tests/data/cohort/ok/gated.csv) or a bad row's cells fall
  // across each window boundary in turn, errors in a window's last row too.
  std::vector<std::string> files = BadFiles();
  files.push_back("tests/data/cohort/ok/gated.csv");
  files.push_back("tests/data/cohort/ok/points.csv");
  for (const auto& f : files) {
    CAPTURE(f);
    Diagnostics whole;
    const auto expected = Read(f, whole);
    for (size_t window : {1, 2, 7, 16, 33, 64, 100, 129, 257, 1000}) {
      for (int threads : {1, 3}) {
        CAPTURE(window);
        CAPTURE(threads);
        CohortCsvOptions options;
        options.window_bytes = window;
        options.threads = threads;
        options.min_part_bytes = 1;
        Diagnostics d;
        const auto got = Read(f, d, options);
        CHECK(d.Format() == whole.Format());
        REQUIRE(got.size() == expected.size());
        for (size_t i = 0; i < got.size(); ++i) {
          CHECK(got[i].factory.name == expected[i].factory.name);
          CHECK(got[i].sha256 == expected[i].sha256);
          CHECK(got[i].answers.size() == expected[i].answers.size());
        }
      }
    }
  }
}

TEST_CASE("cohort CSV: a file read from disk a window at a time reads as its text does") {
  Diagnostics a, b;
  struct Collect : CohortSink {
    std::vector<std::string> rows;
    void Row(int, const CohortRow& row) override { rows.emplace_back(row.text); }
  } sink;
  CohortCsvOptions options;
  options.window_bytes = 50;
  const std::string f = "tests/data/cohort/ok/gated.csv";
  const CohortCsvSummary summary = ReadCohortCsvFile(Gated(), f, sink, a, options);
  CHECK(summary.ok());
  CHECK(summary.rows == 4);
  REQUIRE(sink.rows.size() == 4);
  CHECK(sink.rows[2].find("Two-line\r\nname") != std::string::npos);
  Read("tests/data/cohort/bad/profile.csv", b);
  Diagnostics c;
  ReadCohortCsvFile(Gated(), "tests/data/cohort/bad/profile.csv", sink, c, options);
  CHECK(c.Format() == b.Format());
  CHECK_THROWS_WITH_AS(ReadCohortCsvFile(Gated(), "tests/data/cohort/no-such.csv", sink, c),
                       doctest::Contains("no-such.csv: cannot open"), std::runtime_error);
}

// The three ways in (cohort_window.h): text in memory viewed a window at a
// time, a file mapped a window at a time, and bytes read into a buffer.
TEST_CASE("cohort CSV: text viewed, a file mapped and bytes read give the same rows and diagnostics, window by window") {
  struct Collect : CohortSink {  // each part's rows on its thread, in file order at each window's end
    std::vector<std::string> rows;
    std::vector<std::vector<std::string>> parts;
    void Start(int n, size_t) override { parts.resize(static_cast<size_t>(n)); }
    void Row(int part, const CohortRow& row) override { parts[static_cast<size_t>(part)].emplace_back(row.text); }
    void EndWindow() override {
      for (auto& p : parts) {
        rows.insert(rows.end(), p.begin(), p.end());
        p.clear();
      }
    }
  };
  std::vector<std::string> files = BadFiles();
  files.push_back("tests/data/cohort/ok/gated.csv");
  files.push_back("tests/data/cohort/ok/points.csv");
  for (const auto& f : files) {
    CAPTURE(f);
    const std::string text = ReadFile(f);
    for (size_t window : {1, 64, 65, 100, 257, 4095, 4096, 4097, 1 << 20}) {
      CAPTURE(window);
      CohortCsvOptions options;
      options.window_bytes = window;
      options.threads = 2;
      options.min_part_bytes = 1;
      Diagnostics viewed, mapped, read;
      Collect v, m, r;
      const CohortCsvSummary sv = ReadCohortCsv(RubricFor(f), text, f, v, viewed, options);
      const CohortCsvSummary sm = ReadCohortCsvFile(RubricFor(f), f, m, mapped, options);
      size_t at = 0;
      const CohortByteReader bytes = [&](char* to, size_t room) {
        const size_t n = std::min({room, text.size() - at, size_t{7}});  // a few bytes a call
        std::copy(text.begin() + static_cast<std::ptrdiff_t>(at), text.begin() + static_cast<std::ptrdiff_t>(at + n), to);
        at += n;
        return n;
      };
      const CohortCsvSummary sr = ReadCohortCsv(RubricFor(f), bytes, text.size(), f, r, read, options);
      CHECK(mapped.Format() == viewed.Format());
      CHECK(read.Format() == viewed.Format());
      for (const CohortCsvSummary* s : {&sm, &sr}) {
        CHECK(s->rows == sv.rows);
        CHECK(s->errors == sv.errors);
      }
      // Rows stop coming once any part has found an error, at a point that
      // depends on timing: the rows a sink got are compared for clean files.
      if (!sv.ok()) continue;
      CHECK(m.rows == v.rows);
      CHECK(r.rows == v.rows);
      CHECK(v.rows.size() == sv.rows);
    }
  }
}

TEST_CASE("cohort CSV: a bad value reads exactly as it would in an answer file") {
  Diagnostics csv, yaml;
  Read("tests/data/cohort/bad/bad_values.csv", csv);
  auto set = LoadAnswerSet("tests/data/bad/answers/bad_values.yaml", yaml);
  REQUIRE(set);
  CheckAnswers(Gated(), *set, yaml);
  const std::string tail = "expected one of the 'satisfaction' scale values 0, 0.5, 0.8, 1 or na, found '0.7'";
  CHECK(csv.Format().find("row 1, column 'p.l1.a': " + tail) != std::string::npos);
  CHECK(yaml.Format().find("answer to 'p.l1.a': " + tail) != std::string::npos);
}

TEST_CASE("cohort CSV: past the limit, diagnostics are counted in a note instead of shown") {
  std::string text = "credit_code,name,p.l1.a,p.l2.a,p.l3.a,o.l1.a,o.l2.a,o.l2.b,o.l3.a,e.l1.a,e.l2.a,e.l3.a\n";
  for (int i = 0; i < 40; ++i) text += "91310114MA1GT3KX8E,F" + std::to_string(i) + ",7,1,1,1,1,,1,1,1,1\n";
  CohortCsvOptions options;
  options.max_diagnostics = 3;
  Diagnostics d;
  auto sets = ReadCohortAnswerSets(Gated(), text, "many.csv", d, options);
  CHECK(sets.empty());
  std::string got = d.Format();
  CHECK(got.find("many.csv:2:23: error: row 1, column 'p.l1.a': expected one of") == 0);
  CHECK(got.find("\nmany.csv: note: ") != std::string::npos);
  CHECK(got.find("not shown (") != std::string::npos);
  CHECK(d.ErrorCount() == 3);
  for (size_t window : {40, 100, 1000}) {  // the first three still, read window by window
    CAPTURE(window);
    options.window_bytes = window;
    Diagnostics w;
    CHECK(ReadCohortAnswerSets(Gated(), text, "many.csv", w, options).empty());
    CHECK(w.Format() == got);
  }
}

TEST_CASE("csv scanner: parts split only between records, never inside a quoted line break") {
  const std::string text = "a,b\n\"x\ny\",1\n\"p\"\"q\",2\nlast,3\n";
  for (int parts = 1; parts <= 6; ++parts) {
    CAPTURE(parts);
    auto cuts = SplitCsvParts(text, 4, text.size(), parts);
    REQUIRE(cuts.front() == 4);
    REQUIRE(cuts.back() == text.size());
    std::vector<std::string> first;
    for (size_t k = 0; k + 1 < cuts.size(); ++k) {
      CsvScanner s(text, cuts[k], cuts[k + 1]);
      std::vector<CsvField> f;
      while (s.Next(f)) first.push_back(std::string(f[0].text));
    }
    CHECK(first == std::vector<std::string>{"x\ny", "p\"q", "last"});
  }
}

TEST_CASE("csv quoting: only fields that need it are quoted, quotes doubled") {
  CHECK(CsvQuote("plain") == "plain");
  CHECK(CsvQuote("a,b") == "\"a,b\"");
  CHECK(CsvQuote("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvQuote(" padded") == "\" padded\"");
  CHECK(CsvQuote("") == "");
}

}  // namespace
}  // namespace fa
