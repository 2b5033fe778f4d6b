// `factory-assess synth --rubric R.yaml [-n N] [--seed S] [-o COHORT.csv | --answers-dir DIR]`
#include <Poco/File.h>
#include <Poco/Path.h>

#include <ostream>
#include <string_view>

#include "base/atomic_file.h"
#include "base/text.h"
#include "cli/args.h"
#include "cli/command.h"
#include "service/assess.h"
#include "cli/progress.h"
#include "synth/synthetic_cohort.h"

namespace fa {

namespace {
const char* kSynthUsage =
    "usage: factory-assess synth --rubric RUBRIC.yaml [-n N] [--seed S] [-o COHORT.csv | --answers-dir DIR]\n\n"
    "Generates a realistic synthetic cohort for demos and benchmarks: the district's\n"
    "towns and key industries, plant sizes by industry, valid credit codes, answers\n"
    "that hang together within each plant, and - for gated rubrics - levels spread\n"
    "like the 2020 national self-assessment. The same seed gives the same bytes.\n\n"
    "options:\n"
    "  --rubric FILE         the rubric to answer (required)\n"
    "  -n, --factories N     number of factories (default 1000)\n"
    "  --seed S              random seed, a non-negative integer (default 1)\n"
    "  -o, --output FILE     write a cohort CSV (docs/cohort-csv.md) here\n"
    "                        (default: standard output)\n"
    "  --answers-dir DIR     write one answer file (YAML) per factory instead\n"
    "  --threads N           threads generating (default: one per core)\n"
    "  -h, --help            this help\n";

// A whole non-negative number, or nullopt.
std::optional<uint64_t> ParseCount(const std::string& text) {
  if (text.empty() || text.size() > 19 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoull(text);
}

// `counts[l]`: the factories scored at level l; levels none was at are left out.
void PrintLevels(const std::vector<size_t>& counts, std::ostream& out) {
  size_t total = 0;
  for (size_t n : counts) total += n;
  for (size_t level = 0; level < counts.size(); ++level) {
    const size_t n = counts[level];
    if (n == 0) continue;
    out << "  level " << level << ": " << n << " ("
        << FormatFixed(100.0 * static_cast<double>(n) / static_cast<double>(total), 1) << "%)\n";
  }
}

// Thrown out of the CSV writer when the output stream failed, to stop
// generating: the caller reports the stream's own error.
struct OutputFailed {};
}  // namespace

int RunSynth(CommandContext& ctx) {
  Args args(ctx.args, {"--rubric", "-n", "--factories", "--seed", "-o", "--output", "--answers-dir", "--threads"},
            {"-h", "--help"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kSynthUsage;
    return kExitOk;
  }
  auto output = args.Value("-o") ? args.Value("-o") : args.Value("--output");
  auto dir = args.Value("--answers-dir");
  auto count = ParseCount(args.Value("-n").value_or(args.Value("--factories").value_or("1000")));
  auto seed = ParseCount(args.Value("--seed").value_or("1"));
  auto threads = ParseCount(args.Value("--threads").value_or("0"));
  std::string problem = !args.ok() ? args.error()
                        : !args.Value("--rubric") ? "--rubric is required"
                        : !args.positional().empty() ? "unexpected argument '" + args.positional()[0] + "'"
                        : !count || *count == 0 ? "-n needs a whole number of factories >= 1"
                        : !seed ? "--seed needs a non-negative whole number"
                        : !threads || *threads > 64 ? "--threads needs a whole number from 0 to 64"
                        : output && dir ? "give -o or --answers-dir, not both"
                        : "";
  if (!problem.empty()) {
    ctx.err << "synth: " << problem << "\n" << kSynthUsage;
    return kExitUsage;
  }
  Diagnostics diags;
  auto compiled = CompileRubricFile(*args.Value("--rubric"), diags);
  ctx.err << diags.Format();
  if (!compiled) return kExitBadInput;
  SynthOptions options;
  options.factories = static_cast<size_t>(*count);
  options.seed = *seed;
  options.threads = static_cast<int>(*threads);
  // On a terminal only, cleared before the summary is printed.
  Progress progress(ctx.err, ProgressWanted(ctx.out, ctx.err));
  progress.set_prefix("synth");
  if (progress.enabled())
    options.progress = [&](size_t done) { progress.Count("generating", done, options.factories); };
  const Rubric& rubric = *compiled->rubric;
  std::vector<size_t> levels;  // factories per level, as scored
  if (dir) {
    Poco::File(*dir).createDirectories();
    const int width = std::max<int>(4, static_cast<int>(std::to_string(options.factories).size()));
    SynthesizeCohort(compiled->model, options, [&](const SynthFactory& f) {
      std::string number = std::to_string(f.index + 1);
      number.insert(0, static_cast<size_t>(std::max(0, width - static_cast<int>(number.size()))), '0');
      WriteFile(Poco::Path(*dir).append("synth-" + number + ".yaml").toString(), SynthAnswerYaml(rubric, f));
      const auto level = static_cast<size_t>(std::max(0, f.level));
      if (levels.size() <= level) levels.resize(level + 1, 0);
      ++levels[level];
    });
  } else {
    // Streamed in chunks of one batch (docs/cohort-csv.md "synth"): a cohort
    // of millions never sits in memory whole.
    auto write_csv = [&](std::ostream& os) {
      try {
        WriteSynthCohortCsv(
            compiled->model, options,
            [&](std::string_view chunk) {
              os.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
              if (!os) throw OutputFailed{};
            },
            &levels);
      } catch (const OutputFailed&) {
      }
    };
    if (!output || *output == "-") {
      write_csv(ctx.out);
      ctx.out.flush();
      return kExitOk;
    }
    WriteFileStreamed(*output, write_csv);  // fails with the stream's error, if any
  }
  progress.Clear();
  ctx.out << "generated " << options.factories << " synthetic factories for " << rubric.id << " " << rubric.version
          << " (seed " << options.seed << "), levels as scored:\n";
  PrintLevels(levels, ctx.out);
  ctx.out << "wrote " << (dir ? *dir + "/" : *output) << "\n";
  return kExitOk;
}

}  // namespace fa
