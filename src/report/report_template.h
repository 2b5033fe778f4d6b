// A report template: a file from templates/ in the command language of
// Poco::JSON::Template, loaded with its <? include "file" ?> expanded and
// every file checked first (a missing include or an unclosed block is an
// error naming the file and line), then compiled (template_program.h).
// One command of our own: <? sections ?> stands for the report's section
// partials, in the order of its table of sections (report_sections.h).
// Rendered over an EscapedView; the loaded template can be reused, also
// from several threads at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "report/escaped_view.h"
#include "report/template_program.h"

namespace fa {

class ReportTemplate {
 public:
  /// Loads `dir`/`name`. Includes, and the `sections` that <? sections ?>
  /// includes one after the other, are resolved against the including
  /// file's directory. Throws std::runtime_error naming the file (and the
  /// line) when a file is missing or a template is malformed.
  static ReportTemplate Load(const std::string& dir, const std::string& name,
                             const std::vector<std::string>& sections = {});

  /// Renders over `view`, which is not modified.
  std::string Render(const EscapedView& view) const;

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::shared_ptr<const TemplateProgram> program_;
};

/// Checks the <? … ?> commands of one template file: known commands, their
/// arguments, and balanced if/for blocks. Returns "" or the first problem as
/// "FILE:LINE: message".
std::string CheckTemplateSyntax(const std::string& text, const std::string& file);

}  // namespace fa
