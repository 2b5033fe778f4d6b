#include "service/pipeline.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "report/report_renderer.h"
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
  return given.empty() ? DefaultTemplatesDir() : given;
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
