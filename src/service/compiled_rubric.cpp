#include "service/compiled_rubric.h"

#include <optional>

#include "rubric/rubric_loader.h"

namespace fa {

namespace {

std::shared_ptr<const CompiledRubric> Compile(std::optional<Rubric> rubric, Diagnostics& diags) {
  if (!rubric) return nullptr;
  auto out = std::make_shared<CompiledRubric>();
  out->rubric = std::make_unique<Rubric>(std::move(*rubric));
  const size_t before = diags.ErrorCount();
  out->model = CompileRubric(*out->rubric, diags);
  if (diags.ErrorCount() > before) return nullptr;
  return out;
}

}  // namespace

std::shared_ptr<const CompiledRubric> CompileRubricFile(const std::string& path, Diagnostics& diags) {
  return Compile(LoadRubric(path, diags), diags);
}

std::shared_ptr<const CompiledRubric> CompileRubricTexts(const std::string& main_name, const std::string& main_text,
                                                         const std::map<std::string, std::string>& companions,
                                                         Diagnostics& diags) {
  return Compile(LoadRubricFromTexts(main_text, main_name, companions, diags), diags);
}

}  // namespace fa
