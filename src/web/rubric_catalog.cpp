#include "web/rubric_catalog.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "base/text.h"
#include "rubric/rubric_loader.h"

namespace fa::web {

RubricCheck CheckRubricTexts(const std::string& main_name, const std::string& main_text,
                             const std::map<std::string, std::string>& companions) {
  RubricCheck out;
  Diagnostics diags;
  out.loaded = CompileRubricTexts(main_name, main_text, companions, diags);
  out.diagnostics = diags.Format();
  std::istringstream lines(out.diagnostics);
  for (std::string line; std::getline(lines, line);)
    if (line.find(": error: ") != std::string::npos || line.find(": warning: ") != std::string::npos)
      out.messages.push_back(line);
  return out;
}

std::shared_ptr<const CompiledRubric> RubricCatalog::Get(int64_t pk, std::string* problem) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = cache_.find(pk);
    if (it != cache_.end()) return it->second;
  }
  std::optional<store::RubricRecord> record = store_.GetRubric(pk);
  if (!record) {
    if (problem) *problem = "no rubric " + std::to_string(pk);
    return nullptr;
  }
  std::string main_text;
  std::map<std::string, std::string> companions;
  for (const auto& f : record->files) {
    if (f.name == record->main_file)
      main_text = f.text;
    else
      companions[f.name] = f.text;
  }
  RubricCheck check = CheckRubricTexts(record->main_file, main_text, companions);
  if (!check.loaded) {
    if (problem) *problem = check.diagnostics;
    return nullptr;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  cache_[pk] = check.loaded;
  return check.loaded;
}

store::RubricRecord RecordFor(const Rubric& rubric, const std::string& main_name, const std::string& main_text,
                              const std::map<std::string, std::string>& companions) {
  store::RubricRecord r;
  r.rubric_id = rubric.id;
  r.version = rubric.version;
  r.sha256 = rubric.sha256;
  r.title = rubric.title.In(rubric.languages.empty() ? "zh" : rubric.languages.front());
  r.main_file = main_name;
  r.files.push_back({main_name, main_text});
  for (const auto& [name, text] : companions) r.files.push_back({name, text});
  return r;
}

std::vector<std::string> RubricCatalog::RegisterShipped(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".yaml" || e.path().extension() == ".yml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  store::Actor system;
  system.username = "system";
  for (const auto& path : files) {
    std::string text = ReadFile(path.string());
    auto has_key = [&](const std::string& key) {
      return text.rfind(key + ":", 0) == 0 || text.find("\n" + key + ":") != std::string::npos;
    };
    // A rubric has `rubric:` and `tree:` at the top level (a tier scheme or
    // scenario catalogue does not).
    if (!has_key("rubric") || !has_key("tree")) continue;
    // Companions are whatever `scenarios:` and `tiers:` name, beside the file.
    Diagnostics diags;
    std::optional<Rubric> first = LoadRubricFromString(text, path.string(), diags);
    if (!first) {
      out.push_back(path.string() + ": not registered:\n" + diags.Format());
      continue;
    }
    std::map<std::string, std::string> companions;
    for (const std::string& name : {first->scenarios_path, first->tiers_path})
      if (!name.empty()) companions[name] = ReadFile((path.parent_path() / name).string());
    const std::string main_name = path.filename().string();
    RubricCheck check = CheckRubricTexts(main_name, text, companions);
    if (!check.loaded) {
      out.push_back(path.string() + ": not registered:\n" + check.diagnostics);
      continue;
    }
    store::RubricRecord stored =
        store_.PutRubric(RecordFor(*check.loaded->rubric, main_name, text, companions), system);
    out.push_back("rubric " + stored.rubric_id + " " + stored.version + " (" + main_name + ") id " +
                  std::to_string(stored.id));
  }
  return out;
}

std::string RubricCatalog::Title(const store::RubricRecord& record, const std::string& lang) {
  auto compiled = Get(record.id);
  return (compiled ? compiled->rubric->title.In(lang) : record.title) + " " + record.version;
}

}  // namespace fa::web
