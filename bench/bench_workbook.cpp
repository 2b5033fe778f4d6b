// Benchmark: the questionnaire workbook (docs/workbook.md) of the
// capability-maturity rubric, fully answered — every requirement with an
// answer and evidence — written with libxlsxwriter and read back (Poco Zip
// and SAX, then checked against the rubric as `score` does). Prints the
// median and the fastest of RUNS runs of each; the target is < 20 ms each
// (issue 15). Not a test: run it by hand from the project root.
//
//   build/bench_workbook [RUBRIC] [ANSWERS] [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "answers/workbook_answers.h"
#include "base/env.h"
#include "base/text.h"
#include "report/workbook.h"
#include "service/assess.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void Print(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  std::printf("%-28s median %6.2f ms   fastest %6.2f ms\n", what, ms[ms.size() / 2], ms.front());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string rubric_path = argc > 1 ? argv[1] : "rubrics/cmmm.yaml";
  const std::string answers_path = argc > 2 ? argv[2] : "examples/cmmm-ic-packaging.yaml";
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 20;
  fa::Diagnostics diags;
  auto compiled = fa::CompileRubricFile(rubric_path, diags);
  auto answers = compiled ? fa::LoadAnswerSet(answers_path, diags) : std::nullopt;
  if (!answers || !fa::CheckLoadedAnswers(*compiled, *answers, diags)) {
    std::fprintf(stderr, "%s", diags.Format().c_str());
    return 1;
  }
  const fa::Rubric& rubric = *compiled->rubric;
  // Fully answered: every requirement the example leaves out that applies
  // to the plant gets the top of its scale, and every answer a line of
  // evidence and a note.
  const std::vector<const fa::Criterion*> criteria = rubric.AllCriteria();
  const std::vector<bool> applies = fa::CriteriaApplying(rubric, answers->factory.AsFields());
  for (size_t i = 0; i < criteria.size(); ++i) {
    const fa::Criterion* c = criteria[i];
    if (!applies[i] || answers->Find(c->id) || !rubric.scales.count(c->scale)) continue;
    fa::Answer a;
    a.criterion = c->id;
    a.kind = fa::AnswerKind::kNumber;
    a.number = rubric.scales.at(c->scale).MaxValue();
    answers->answers.push_back(a);
  }
  for (fa::Answer& a : answers->answers) {
    if (a.evidence.empty()) a.evidence = "现场查看系统记录与文件（" + a.criterion + "）";
    if (a.note.empty()) a.note = "bench";
  }
  fa::TempDir dir("fa-bench-workbook");
  const std::string path = dir.File("form.xlsx");
  fa::ReportOptions options;
  std::vector<double> write, read, check;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    fa::WriteQuestionnaireWorkbook(rubric, &*answers, options, path);
    write.push_back(Ms(start));
  }
  const std::string bytes = fa::ReadFile(path);
  for (int i = 0; i < runs; ++i) {
    fa::Diagnostics d;
    auto start = Clock::now();
    auto set = fa::WorkbookAnswersFromBytes(rubric, bytes, "form.xlsx", {}, d);
    read.push_back(Ms(start));
    if (!set || !fa::CheckLoadedAnswers(*compiled, *set, d)) {
      std::fprintf(stderr, "%s", d.Format().c_str());
      return 1;
    }
    check.push_back(Ms(start));
  }
  std::printf("%s, %zu answers, %zu bytes, %d runs\n", rubric_path.c_str(), answers->answers.size(), bytes.size(),
              runs);
  Print("write (libxlsxwriter)", write);
  Print("read (Zip + SAX)", read);
  Print("read and check", check);
  return 0;
}
