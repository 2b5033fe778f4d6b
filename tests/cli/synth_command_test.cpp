// The synthetic cohort and the cohort path of `score`: the same seed gives
// the same bytes, levels follow the national self-assessment, every file it
// writes passes the checks, and the fast cohort path scores exactly like
// whole Assessments. The last cases run the built binary.
#include <doctest/doctest.h>

#include "cli/cli_runner.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string_view>

#include "answers/cohort_csv.h"
#include "answers/credit_code.h"
#include "base/env.h"
#include "base/hash.h"
#include "base/text.h"
#include "service/assess.h"
#include "scoring/assessment_builder.h"
#include "scoring/cohort_scoring.h"
#include "synth/synthetic_cohort.h"

namespace fa {
namespace {

const CompiledRubric& Compiled(const std::string& path) {
  static std::map<std::string, std::shared_ptr<const CompiledRubric>> cache;
  auto& slot = cache[path];
  if (!slot) {
    Diagnostics d;
    slot = CompileRubricFile(path, d);
    REQUIRE_MESSAGE(slot, d.Format());
  }
  return *slot;
}

std::string Synth(const std::string& rubric, size_t n, uint64_t seed, int threads = 0) {
  SynthOptions o;
  o.factories = n;
  o.seed = seed;
  o.threads = threads;
  return SynthCohortCsv(Compiled(rubric).model, o);
}

using Run = CliRun;

Run Cli(const std::string& args) { return RunCli(args, /*merge_stderr=*/true); }

const char* const kRubrics[] = {"rubrics/cmmm.yaml", "rubrics/sme-digital-2024.yaml", "tests/data/ok/scoring/gated.yaml",
                                "tests/data/ok/scoring/points.yaml"};

TEST_CASE("synth: the same seed gives the same bytes, however many threads write them") {
  const std::string a = Synth("rubrics/cmmm.yaml", 700, 11, 1);
  CHECK(a == Synth("rubrics/cmmm.yaml", 700, 11, 2));
  CHECK(a == Synth("rubrics/cmmm.yaml", 700, 11, 3));
  CHECK(a != Synth("rubrics/cmmm.yaml", 700, 12, 2));
}

// The SHA-256 of `factory-assess synth --rubric R -n 10000 --seed S` as it
// was written whole in memory, before synth streamed: the
// streamed bytes must not change.
TEST_CASE("synth: 10k rows stream in chunks of one batch the bytes synth wrote before it streamed") {
  struct Golden {
    const char* rubric;
    uint64_t seed;
    size_t bytes;
    const char* sha256;
  };
  const Golden golden[] = {
      {"rubrics/cmmm.yaml", 1, 7212054, "e333560c80447d7f286c573f89692592b8254aece87cc0354c8061f5570db744"},
      {"rubrics/cmmm.yaml", 7, 7210604, "c1df33cf5334e21bd7a36a1ba8169592bf0edeecadb63179f9a5e5fe2249abd4"},
      {"rubrics/sme-digital-2024.yaml", 1, 4193181, "4c08bb65c09fbbf1c59d7ccd7d8c2f33b812548c16c071ee8ba2bbb8f788fada"},
  };
  for (const Golden& g : golden) {
    CAPTURE(g.rubric);
    CAPTURE(g.seed);
    SynthOptions o;
    o.factories = 10000;
    o.seed = g.seed;
    o.threads = 2;
    std::string streamed;
    size_t chunks = 0, largest = 0;
    std::vector<size_t> counts;
    WriteSynthCohortCsv(
        Compiled(g.rubric).model, o,
        [&](std::string_view chunk) {
          streamed.append(chunk);
          ++chunks;
          largest = std::max(largest, chunk.size());
        },
        &counts);
    CHECK(streamed.size() == g.bytes);
    CHECK(Sha256Hex(streamed) == g.sha256);
    CHECK(chunks == 1 + (10000 + 255) / 256);  // the header, then one batch of 256 rows at a time
    CHECK(largest < 256 * 1024);
    // The in-memory path gives the same bytes, and the levels the counts count.
    std::vector<int> levels;
    CHECK(SynthCohortCsv(Compiled(g.rubric).model, o, &levels) == streamed);
    REQUIRE(levels.size() == 10000);
    std::vector<size_t> counted;
    for (int l : levels) {
      if (counted.size() <= static_cast<size_t>(l)) counted.resize(static_cast<size_t>(l) + 1, 0);
      ++counted[static_cast<size_t>(l)];
    }
    CHECK(counts == counted);
  }
}

TEST_CASE("synth: the progress hook hears the factories done after each round, up to all of them") {
  SynthOptions o;
  o.factories = 2500;
  o.seed = 3;
  o.threads = 2;
  std::vector<size_t> seen;
  o.progress = [&](size_t done) { seen.push_back(done); };
  const std::string with_hook = SynthCohortCsv(Compiled("rubrics/cmmm.yaml").model, o);
  REQUIRE(seen.size() >= 1);
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(seen.back() == 2500);
  CHECK(with_hook == Synth("rubrics/cmmm.yaml", 2500, 3, 2));
}

TEST_CASE("synth: 5000 plants on the capability-maturity rubric follow the national self-assessment within a few points") {
  const std::string csv = Synth("rubrics/cmmm.yaml", 5000, 2026);
  Diagnostics d;
  auto scores = ScoreCohortCsv(Compiled("rubrics/cmmm.yaml").model, csv, "synth.csv", d);
  REQUIRE_MESSAGE(scores, d.Format());
  std::vector<double> share(6, 0);
  for (int l : scores->level) share[static_cast<size_t>(l)] += 1.0 / 5000;
  const auto& prior = NationalLevelShares();
  for (size_t l = 0; l < 6; ++l) {
    CAPTURE(l);
    CHECK(std::fabs(share[l] - prior[l]) < 0.03);
  }
  // The published figures: 14% at level 2, 6% at 3, 5% at 4 or above.
  CHECK(share[2] == doctest::Approx(0.14).epsilon(0.15));
  CHECK(share[3] == doctest::Approx(0.06).epsilon(0.25));
  CHECK(share[4] + share[5] == doctest::Approx(0.05).epsilon(0.25));
  // Scores lie in their level's band, [k - 0.2, k + 0.8).
  for (size_t i = 0; i < scores->size(); ++i) {
    if (scores->level[i] == 0) continue;
    CHECK(scores->score[i] >= scores->level[i] - 0.2 - 1e-9);
    CHECK(scores->score[i] < scores->level[i] + 0.8);
  }
}

TEST_CASE("synth: every generated cohort passes every check, for gated and points rubrics alike") {
  for (const char* rubric : kRubrics) {
    CAPTURE(rubric);
    const std::string csv = Synth(rubric, 400, 5);
    Diagnostics d;
    auto sets = ReadCohortAnswerSets(*Compiled(rubric).rubric, csv, "synth.csv", d);
    CHECK_MESSAGE(d.empty(), d.Format());
    CHECK(sets.size() == 400);
  }
}

TEST_CASE("synth: profiles have unique valid credit codes, the district's towns, and mostly process plants in biomedicine") {
  Diagnostics d;
  auto sets = ReadCohortAnswerSets(*Compiled("rubrics/cmmm.yaml").rubric, Synth("rubrics/cmmm.yaml", 3000, 9),
                                   "synth.csv", d);
  REQUIRE(sets.size() == 3000);
  std::set<std::string> codes, towns, industries;
  std::map<std::string, std::pair<int, int>> process;  // industry -> (process, all)
  for (const auto& s : sets) {
    CHECK(CheckCreditCode(s.factory.credit_code) == "");
    codes.insert(s.factory.credit_code);
    towns.insert(s.factory.town);
    industries.insert(s.factory.industry);
    CHECK(s.factory.revenue.value() >= 2000);  // above-scale: 20 million CNY
    auto& p = process[s.factory.industry];
    p.first += s.factory.manufacturing_type == "process";
    ++p.second;
  }
  CHECK(codes.size() == 3000);
  CHECK(towns.size() == 12);
  CHECK(towns.count("安亭镇") == 1);
  for (const char* key : {"automotive", "integrated_circuits", "biomedicine", "ai", "industrial_internet"})
    CHECK(industries.count(key) == 1);
  CHECK(process["biomedicine"].first > process["biomedicine"].second / 2);
  CHECK(process["automotive"].first < process["automotive"].second / 5);
}

TEST_CASE("synth: answers hang together within a plant, so domain scores rise and fall together") {
  Diagnostics d;
  const CompiledRubric& c = Compiled("rubrics/cmmm.yaml");
  auto scores = ScoreCohortCsv(c.model, Synth("rubrics/cmmm.yaml", 2000, 3), "synth.csv", d);
  REQUIRE(scores);
  // Top-level domains: people and manufacturing.
  const size_t people = static_cast<size_t>(c.model.NodeIndex("people") - 1);
  const size_t making = static_cast<size_t>(c.model.NodeIndex("manufacturing") - 1);
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, n = 0;
  for (size_t i = 0; i < scores->size(); ++i) {
    const double x = scores->node_score[i * scores->nodes + people], y = scores->node_score[i * scores->nodes + making];
    if (std::isnan(x) || std::isnan(y)) continue;
    sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y, n += 1;
  }
  const double r = (n * sxy - sx * sy) / std::sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
  CHECK(r > 0.7);
}

TEST_CASE("score --cohort: 10,000 rows streamed in windows and spooled to disk give the bytes of the in-memory results") {
  const CompiledRubric& c = Compiled("rubrics/cmmm.yaml");
  const std::string csv = Synth("rubrics/cmmm.yaml", 10000, 8);
  Diagnostics d;
  auto whole = ScoreCohortCsv(c.model, csv, "synth.csv", d);
  REQUIRE_MESSAGE(whole, d.Format());
  const std::string expected = CohortResultsCsv(c.model, *whole);
  for (size_t window : {size_t{4096}, size_t{1} << 20}) {
    CAPTURE(window);
    CohortCsvOptions options;
    options.window_bytes = window;  // rows straddle windows
    options.threads = 2;
    options.min_part_bytes = 1;
    // 64 KB of results in memory, the rest in a temporary file.
    auto streamed = ScoreCohortStreamed(
        c.model, [&](CohortSink& sink) { return ReadCohortCsv(*c.rubric, csv, "synth.csv", sink, d, options); },
        64 << 10);
    REQUIRE_MESSAGE(streamed, d.Format());
    CHECK_FALSE(streamed->text->in_memory());
    CHECK(streamed->level == whole->level);
    std::string got;
    WriteCohortResults(c.model, *streamed, [&](std::string_view piece) { got.append(piece); });
    CHECK(got.size() == expected.size());
    CHECK(got == expected);
  }
  // A credit code repeated 10,000 rows later, past the duplicate check's
  // first table sizes and across windows and threads, is still found.
  std::string repeated = csv;
  const size_t row3 = repeated.find('\n', repeated.find('\n', repeated.find('\n', repeated.find('\n') + 1) + 1) + 1);
  const size_t row3_begin = repeated.rfind('\n', row3 - 1) + 1;
  repeated += repeated.substr(row3_begin, row3 + 1 - row3_begin);
  const std::string code = repeated.substr(row3_begin, 18);
  for (size_t window : {size_t{4096}, size_t{8} << 20}) {
    CAPTURE(window);
    CohortCsvOptions options;
    options.window_bytes = window;
    options.threads = 2;
    options.min_part_bytes = 1;
    Diagnostics dup;
    CHECK_FALSE(ScoreCohortCsv(c.model, repeated, "synth.csv", dup, options));
    CHECK(dup.Format().find("synth.csv:10002:1: error: row 10001, column 'credit_code': '" + code +
                            "' is also the code of row 3") != std::string::npos);
    CHECK(dup.ErrorCount() == 1);
  }
  // A bad row anywhere: nothing is kept.
  std::string bad = csv;
  bad.insert(bad.rfind('\n', bad.size() - 2) + 1, "91310114MA1DHT7U2E,x\n");
  auto none = ScoreCohortStreamed(c.model, [&](CohortSink& sink) { return ReadCohortCsv(*c.rubric, bad, "synth.csv", sink, d); });
  CHECK_FALSE(none);
}

TEST_CASE("score --cohort: the fast path gives exactly the levels, scores and node scores of whole Assessments") {
  for (const char* rubric : kRubrics) {
    CAPTURE(rubric);
    const CompiledRubric& c = Compiled(rubric);
    const std::string csv = Synth(rubric, 300, 21);
    Diagnostics d;
    CohortCsvOptions parts;
    parts.threads = 2;
    parts.min_part_bytes = 1;
    auto fast = ScoreCohortCsv(c.model, csv, "synth.csv", d, parts);
    REQUIRE_MESSAGE(fast, d.Format());
    auto assessments = Assess(c.model, ReadCohortAnswerSets(*c.rubric, csv, "synth.csv", d));
    REQUIRE(assessments.size() == fast->size());
    for (size_t i = 0; i < assessments.size(); ++i) {
      const Assessment& a = assessments[i];
      CHECK(a.factory.credit_code == fast->credit_code[i]);
      CHECK(a.level == fast->level[i]);
      CHECK(a.score == fast->score[i]);
      for (size_t n = 0; n < a.nodes.size(); ++n) {
        const double v = fast->node_score[i * fast->nodes + n];
        CHECK(a.nodes[n].applicable == !std::isnan(v));
        if (a.nodes[n].applicable) CHECK(a.nodes[n].score == v);
      }
    }
  }
}

TEST_CASE("cli: synth writes a cohort that score --cohort turns into results, CSV or benchmarked JSON") {
  TempDir dir("fa-synth-test");
  const std::string cohort = dir.File("cohort.csv"), results = dir.File("results.csv");
  Run s = Cli("synth --rubric rubrics/cmmm.yaml -n 60 --seed 4 -o " + cohort);
  REQUIRE_MESSAGE(s.status == 0, s.out);
  CHECK(s.out.find("generated 60 synthetic factories for cmmm") != std::string::npos);
  Run again = Cli("synth --rubric rubrics/cmmm.yaml -n 60 --seed 4 --threads 1");
  CHECK(again.out == ReadFile(cohort));

  Run r = Cli("score --rubric rubrics/cmmm.yaml --cohort " + cohort + " -o " + results);
  REQUIRE_MESSAGE(r.status == 0, r.out);
  CHECK(r.out.find("scored 60 factories") != std::string::npos);
  const std::string csv = ReadFile(results);
  CHECK(csv.find("credit_code,name,town,industry,level,score,percentile_cohort,percentile_industry,people,") == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 61);

  Run j = Cli("score --rubric rubrics/cmmm.yaml --cohort " + cohort + " -o " + dir.File("results.json") +
              " --generated-at 2026-01-01T00:00:00Z");
  REQUIRE_MESSAGE(j.status == 0, j.out);
  const std::string json = ReadFile(dir.File("results.json"));
  CHECK(json.find("\"cohort\": {\n        \"size\": 60,") != std::string::npos);
}

// The results of two 10k cohorts pinned to their bytes, as score --cohort
// wrote them before its numbers were formatted without std::round and a
// row's node scores were appended at once (cohort_scoring.cpp): a gated
// rubric (scores in [0, 1]) and a points rubric (totals in points).
TEST_CASE("cli: score --cohort writes the very bytes it wrote before, for a gated and a points rubric") {
  TempDir dir("fa-score-bytes");
  for (const auto& expected : {std::pair<std::string, std::string>{"rubrics/cmmm.yaml",
                                    "f3b3b01b48dccfcb9455e29b93c90b615e90583fcd002ada2b14f447b6c8fe09"},
                                {"rubrics/sme-digital-2024.yaml",
                                 "c2bc6e7986e7dd3dec0b311a03cb4e61fba5d95600fcc5b717cd7a3816ac2060"}}) {
    const std::string& rubric = expected.first;
    const std::string& sha = expected.second;
    CAPTURE(rubric);
    const std::string cohort = dir.File("cohort.csv"), results = dir.File("results.csv");
    REQUIRE(Cli("synth --rubric " + rubric + " -n 10000 --seed 1 -o " + cohort).status == 0);
    REQUIRE(Cli("score --rubric " + rubric + " --cohort " + cohort + " -o " + results).status == 0);
    CHECK(Sha256Hex(ReadFile(results)) == sha);
  }
}

TEST_CASE("cli: synth -o and to standard output write the bytes they wrote before streaming\\, with the same summary") {
  TempDir dir("fa-synth-test");
  const std::string cohort = dir.File("cohort.csv");
  Run s = Cli("synth --rubric rubrics/cmmm.yaml -n 10000 --seed 1 -o " + cohort);
  REQUIRE_MESSAGE(s.status == 0, s.out);
  CHECK(Sha256Hex(ReadFile(cohort)) == "e333560c80447d7f286c573f89692592b8254aece87cc0354c8061f5570db744");
  CHECK(s.out ==
        "generated 10000 synthetic factories for cmmm 1.0 (seed 1), levels as scored:\n"
        "  level 0: 3000 (30.0%)\n  level 1: 4500 (45.0%)\n  level 2: 1400 (14.0%)\n"
        "  level 3: 600 (6.0%)\n  level 4: 400 (4.0%)\n  level 5: 100 (1.0%)\n"
        "wrote " + cohort + "\n");
  Run out = Cli("synth --rubric rubrics/sme-digital-2024.yaml -n 10000 --seed 1 -o -");
  REQUIRE(out.status == 0);
  CHECK(Sha256Hex(out.out) == "4c08bb65c09fbbf1c59d7ccd7d8c2f33b812548c16c071ee8ba2bbb8f788fada");
}

TEST_CASE("cli: synth --answers-dir writes answer files that score cleanly") {
  TempDir dir("fa-synth-test");
  const std::string answers = dir.File("answers");
  Run s = Cli("synth --rubric rubrics/sme-digital-2024.yaml -n 5 --seed 8 --answers-dir " + answers);
  REQUIRE_MESSAGE(s.status == 0, s.out);
  std::vector<std::string> files;
  for (Poco::DirectoryIterator it(answers), end; it != end; ++it) files.push_back(it.path().toString());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == 5);
  CHECK(files[0] == answers + "/synth-0001.yaml");
  Diagnostics d;
  auto sets = LoadCheckedAnswers(Compiled("rubrics/sme-digital-2024.yaml"), files, d);
  CHECK_MESSAGE(d.empty(), d.Format());
  CHECK(sets.size() == 5);
}

TEST_CASE("cli: a bad cohort exits 1 with positioned diagnostics and writes nothing, bad arguments exit 2") {
  TempDir dir("fa-synth-test");
  const std::string out = dir.File("bad-cohort.csv");
  Run r = Cli("score --rubric tests/data/ok/scoring/gated.yaml --cohort tests/data/cohort/bad/bad_values.csv -o " + out);
  CHECK(r.status == 1);
  CHECK(r.out.find("bad_values.csv:2:66: error: row 1, column 'p.l1.a':") != std::string::npos);
  CHECK(r.out.find("nothing scored, nothing written") != std::string::npos);
  CHECK_FALSE(Poco::File(out).exists());
  CHECK(Cli("score --rubric rubrics/cmmm.yaml --cohort " + dir.File("does-not-exist.csv")).status == 1);
  CHECK(Cli("score --rubric rubrics/cmmm.yaml --cohort x.csv examples/cmmm-ic-packaging.yaml").status == 2);
  CHECK(Cli("synth --rubric rubrics/cmmm.yaml -n many").status == 2);
  CHECK(Cli("synth --rubric rubrics/cmmm.yaml -o a.csv --answers-dir b").status == 2);
  CHECK(Cli("synth -n 5").status == 2);
}

}  // namespace
}  // namespace fa
