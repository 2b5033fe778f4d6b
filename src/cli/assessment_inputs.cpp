#include "cli/assessment_inputs.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <stdexcept>

#include "answers/cohort_csv.h"
#include "base/text.h"
#include "rubric/yaml_tree.h"
#include "providers/provider_loader.h"
#include "service/assess.h"
#include "ranking/ranking_config_csv.h"
#include "assessment/assessment_json.h"

namespace fa {

namespace {

std::string Extension(const std::string& path) {
  std::string ext = Poco::Path(path).getExtension();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return ext;
}

bool IsDirectory(const std::string& path) {
  try {
    Poco::File f(path);
    return f.exists() && f.isDirectory();
  } catch (const std::exception&) {
    return false;
  }
}

// Does the CSV header name a criterion of the rubric?
bool IsCohortCsv(const std::string& text, const Rubric& rubric) {
  Diagnostics scratch;
  const size_t line_end = text.find('\n');
  auto table = ParseCsv(text.substr(0, line_end == std::string::npos ? text.size() : line_end + 1), "header", scratch);
  if (!table) return false;
  std::set<std::string> ids;
  for (const Criterion* c : rubric.AllCriteria()) ids.insert(c->id);
  for (const auto& cell : table->header)
    if (ids.count(cell.text)) return true;
  return false;
}

void Classify(const std::string& path, const Rubric* rubric, InputFiles& out) {
  const std::string ext = Extension(path);
  if (ext == "xlsx") {  // a questionnaire workbook: answers (docs/workbook.md)
    out.answers.push_back(path);
    return;
  }
  if (ext == "csv") {
    // Only the header decides; a large cohort is not read twice.
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      out.unreadable.push_back(path);
      return;
    }
    std::string header;
    std::getline(in, header);
    (rubric && IsCohortCsv(header + "\n", *rubric) ? out.cohorts : out.tables).push_back(path);
    return;
  }
  std::string text;
  try {
    text = ReadFile(path);
  } catch (const std::runtime_error&) {
    out.unreadable.push_back(path);
    return;
  }
  if (text.find(std::string("\"") + kAssessmentFormat + "\"") != std::string::npos)
    out.assessments.push_back(path);
  else
    out.answers.push_back(path);
}

std::string Extra(const AnswerSet& set, const char* key) {
  auto it = set.factory.extra.find(key);
  return it == set.factory.extra.end() ? "" : it->second;
}

}  // namespace

InputFiles ClassifyInputs(const std::vector<std::string>& paths, const Rubric* rubric) {
  InputFiles out;
  for (const auto& path : paths) {
    if (!IsDirectory(path)) {
      Classify(path, rubric, out);
      continue;
    }
    std::vector<std::string> files;
    for (Poco::DirectoryIterator it(path), end; it != end; ++it) {
      const std::string ext = Extension(it.path().toString());
      if (it->isFile() && (ext == "yaml" || ext == "yml" || ext == "json" || ext == "csv" || ext == "xlsx"))
        files.push_back(it.path().toString());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) Classify(f, rubric, out);
  }
  return out;
}

std::vector<AssessmentSource> ReadAssessmentInputs(const InputFiles& files, const CompiledRubric* compiled,
                                                  const AssessOptions& options, Diagnostics& diags) {
  std::vector<AssessmentSource> out;
  for (const auto& path : files.unreadable) diags.Error(path, {}, "cannot read this input");
  for (const auto& path : files.assessments) {
    const std::optional<std::string> text = ReadSource(path, diags, "an Assessment JSON file");
    if (!text) continue;
    diags.AddSource(path, *text);
    out.push_back({path, AssessmentsFromJson(*text, path, diags), false});
  }
  if (!compiled) return out;
  if (!files.answers.empty()) {
    std::vector<AnswerSet> sets = LoadCheckedAnswers(*compiled, files.answers, diags);
    std::vector<Assessment> assessed = Assess(compiled->model, sets, options);
    for (size_t i = 0; i < assessed.size(); ++i) out.push_back({sets[i].file, {std::move(assessed[i])}, false});
  }
  for (const auto& path : files.cohorts) {
    std::unique_ptr<CohortFile> file;
    try {
      file = std::make_unique<CohortFile>(path);
    } catch (const std::exception&) {
      diags.Error(path, {}, "cannot read this input");
      continue;
    }
    std::vector<AnswerSet> sets = ReadCohortAnswerSets(*compiled->rubric, file->text(), path, diags);
    for (AnswerSet& set : sets) {
      if (set.round.empty()) set.round = Extra(set, "round");
      if (set.date.empty()) set.date = Extra(set, "date");
      if (set.assessor.empty()) set.assessor = Extra(set, "assessor");
    }
    out.push_back({path, Assess(compiled->model, sets, options), true});
  }
  return out;
}

std::vector<Assessment> ReadAllAssessments(const std::vector<std::string>& inputs, const CompiledRubric* compiled,
                                           const AssessOptions& options, Diagnostics& diags, std::string& usage) {
  const InputFiles files = ClassifyInputs(inputs, compiled ? compiled->rubric.get() : nullptr);
  if (!compiled && (!files.answers.empty() || !files.tables.empty())) {
    usage = "answer files and cohort CSVs need --rubric: " +
            (!files.answers.empty() ? files.answers.front() : files.tables.front());
    return {};
  }
  for (const auto& t : files.tables)
    diags.Error(t, {}, "not a cohort CSV of the rubric: its header names none of the rubric's criteria");
  std::vector<Assessment> assessments;
  for (auto& read : ReadAssessmentInputs(files, compiled, options, diags))
    for (auto& a : read.assessments) assessments.push_back(std::move(a));
  return assessments;
}

std::vector<Assessment> ReadCommandInputs(const Args& args, const char* command, const std::string& generated_at,
                                          std::ostream& err, Diagnostics& diags, std::string& usage, bool& failed) {
  auto compiled = OptionalRubric(args.Value("--rubric"), command, err, failed);
  if (failed) return {};
  AssessOptions options;
  options.generated_at = generated_at;
  return ReadAllAssessments(args.positional(), compiled.get(), options, diags, usage);
}

std::shared_ptr<const CompiledRubric> OptionalRubric(const std::optional<std::string>& path, const char* command,
                                                     std::ostream& err, bool& failed) {
  if (!path) return nullptr;
  Diagnostics diags;
  auto compiled = CompileRubricFile(*path, diags);
  if (!compiled) {
    err << diags.Format() << command << ": the rubric has errors; nothing written\n";
    failed = true;
  }
  return compiled;
}

namespace {

// The file at `path` read by `load`; its diagnostics printed, and on errors
// "COMMAND: WHAT; nothing written" and `failed` set.
template <typename T, typename Load>
std::shared_ptr<const T> LoadOrReport(const std::string& path, const char* command, const char* what,
                                      std::ostream& err, bool& failed, Load load) {
  Diagnostics diags;
  std::optional<T> loaded = load(path, diags);
  err << diags.Format();
  if (!loaded) {
    err << command << ": " << what << "; nothing written\n";
    failed = true;
    return nullptr;
  }
  return std::make_shared<const T>(std::move(*loaded));
}

}  // namespace

std::shared_ptr<const ProviderCatalogue> OptionalProviders(const std::optional<std::string>& path,
                                                           const char* command, std::ostream& err, bool& failed) {
  if (!path) return nullptr;
  return LoadOrReport<ProviderCatalogue>(*path, command, "the provider catalogue has errors", err, failed,
                                         [](const std::string& p, Diagnostics& d) { return LoadProviderCatalogue(p, d); });
}

std::shared_ptr<const EngagementList> OptionalEngagements(const std::optional<std::string>& path,
                                                          const ProviderCatalogue& catalogue, const char* command,
                                                          std::ostream& err, bool& failed) {
  if (!path) return nullptr;
  return LoadOrReport<EngagementList>(
      *path, command, "the engagements have errors", err, failed,
      [&catalogue](const std::string& p, Diagnostics& d) { return LoadEngagements(p, catalogue, d); });
}

namespace {

/// One document's diagnosis, when it names a factory.
bool AddRecord(const YamlNode& doc, std::vector<DiagnosisRecord>& out) {
  if (!doc.IsMap() || !doc["factory"].IsMap()) return false;
  auto scalar = [](const YamlNode& n) { return n.Scalar(); };
  out.push_back({scalar(doc["factory"]["credit_code"]), scalar(doc["factory"]["name"]), scalar(doc["round"]),
                 scalar(doc["date"]), true});
  return true;
}

}  // namespace

std::vector<DiagnosisRecord> PeekDiagnosisRecords(const std::vector<std::string>& paths, Diagnostics& diags) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    if (!std::filesystem::is_directory(path)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
      const std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json"))
        found.push_back(entry.path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  std::vector<DiagnosisRecord> out;
  for (const auto& file : files) {
    bool any = false;
    const YamlParse parsed = ParseYamlFile(file);
    if (!parsed.doc) {
      const YamlMark at = parsed.error_mark;
      diags.Error(file, at.line >= 0 ? SourcePos{at.line + 1, at.column + 1} : SourcePos{},
                  "cannot read it: " + parsed.error);
      continue;
    }
    const YamlNode root = parsed.doc->root();
    if (root.IsSequence()) {
      for (const YamlNode item : root) any = AddRecord(item, out) || any;
    } else if (root["assessments"].IsSequence()) {
      for (const YamlNode item : root["assessments"]) any = AddRecord(item, out) || any;
    } else {
      any = AddRecord(root, out);
    }
    if (!any)
      diags.Error(file, {}, "expected an answers file or saved assessments (a 'factory:' with its credit code and "
                            "name); found none");
  }
  return out;
}

std::string PeekRubricId(const std::string& answers_path) {
  const YamlParse parsed = ParseYamlFile(answers_path);
  return parsed.doc ? parsed.doc->root()["rubric"].Scalar() : "";
}

}  // namespace fa
