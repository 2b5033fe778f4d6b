#include "cli/pipeline.h"

#include <Poco/File.h>
#include <Poco/Path.h>
#include <yaml-cpp/yaml.h>

#include <unistd.h>

#include <cstdlib>

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "rubric/rubric_loader.h"

namespace fa {

std::unique_ptr<CompiledRubric> LoadCompiledRubric(const std::string& path, Diagnostics& diags) {
  std::optional<Rubric> rubric = LoadRubric(path, diags);
  if (!rubric) return nullptr;
  auto out = std::make_unique<CompiledRubric>();
  out->rubric = std::make_unique<Rubric>(std::move(*rubric));
  size_t before = diags.ErrorCount();
  out->model = CompileRubric(*out->rubric, diags);
  if (diags.ErrorCount() > before) return nullptr;
  return out;
}

std::vector<AnswerSet> LoadCheckedAnswers(const Rubric& rubric, const std::vector<std::string>& paths,
                                          Diagnostics& diags) {
  std::vector<AnswerSet> out;
  for (const auto& path : paths) {
    std::optional<AnswerSet> set = LoadAnswerSet(path, diags);
    if (!set) continue;
    size_t before = diags.ErrorCount();
    CheckAnswers(rubric, *set, diags);
    if (diags.ErrorCount() == before) out.push_back(std::move(*set));
  }
  return out;
}

std::string FindTemplatesDir(const std::string& given) {
  auto has = [](const std::string& dir) {
    return !dir.empty() && Poco::File(Poco::Path(dir).append("diagnosis_report.html")).exists();
  };
  if (!given.empty()) return given;
  if (const char* env = std::getenv("FA_TEMPLATES_DIR"); env && *env) return env;
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    Poco::Path beside = Poco::Path(exe).parent().parent();
    beside.pushDirectory("templates");
    if (has(beside.toString())) return beside.toString();
  }
  if (has("templates")) return "templates";
#ifdef FA_SOURCE_TEMPLATES
  return FA_SOURCE_TEMPLATES;
#else
  return "templates";
#endif
}

std::string PeekRubricId(const std::string& answers_path) {
  try {
    YAML::Node root = YAML::LoadFile(answers_path);
    if (root.IsMap() && root["rubric"] && root["rubric"].IsScalar()) return root["rubric"].Scalar();
  } catch (const std::exception&) {
  }
  return "";
}

}  // namespace fa
