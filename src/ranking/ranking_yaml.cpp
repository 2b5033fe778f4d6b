#include "ranking/ranking_yaml.h"

#include "base/text.h"

namespace fa {

bool ReadYamlDocument(const std::string& text, const std::string& file, Diagnostics& diags,
                      const std::function<void(const YamlMap& top)>& read) {
  Diagnostics found;
  YamlSource src(file, found);
  diags.AddSource(file, text);
  if (auto root = src.Parse(text)) read(YamlMap(YamlValue::Root(src, *root), ""));
  AppendInFileOrder(found, diags, {file});
  return !found.HasErrors();
}

void CheckListedOnce(std::map<std::string, SourcePos>& seen, const std::string& name, const YamlValue& at,
                     const std::string& twice, const std::string& first) {
  auto [it, fresh] = seen.emplace(name, at.pos());
  if (fresh) return;
  at.Error(twice);
  at.source().Note(it->second, first);
}

std::optional<double> ReadRelativeWeight(const YamlValue& value) {
  const std::optional<double> w = value.Number();
  if (w && *w < 0) value.Error("weight must be >= 0, got " + FormatNumber(*w));
  return w;
}

}  // namespace fa
