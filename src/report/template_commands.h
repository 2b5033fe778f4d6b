// Internal to the template loader and compiler (report_template.cpp,
// template_program.cpp): the <? … ?> commands of a template file, split out
// the way the engine reads them. Not for use elsewhere.
#pragma once

#include <string>
#include <vector>

namespace fa {

struct TemplateCommand {
  std::string name;               ///< "echo" for "<?= x ?>"
  std::vector<std::string> args;
  size_t begin = 0;  ///< offset of "<?"
  size_t end = 0;    ///< offset just past "?>"
  int line = 1;
};

/// Splits the commands out of `text`, counting lines as it goes (one pass
/// over the text, however many commands). Returns false with `error` set
/// ("FILE:LINE: message") on an unterminated command.
bool ScanTemplateCommands(const std::string& text, const std::string& file, std::vector<TemplateCommand>& out,
                          std::string& error);

}  // namespace fa
