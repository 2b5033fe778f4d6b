// A report template: a Poco::JSON::Template file from templates/, loaded
// with its <? include "file" ?> expanded and every file checked first, since
// Poco skips a missing include and does not notice an unclosed block.
// Rendered over an EscapedView; the loaded template can be reused.
#pragma once

#include <memory>
#include <string>

#include "report/escaped_view.h"

namespace Poco::JSON {
class Template;
}

namespace fa {

class ReportTemplate {
 public:
  /// Loads `dir`/`name`. Includes are resolved against the including
  /// file's directory. Throws std::runtime_error naming the file (and the
  /// line) when a file is missing or a template is malformed.
  static ReportTemplate Load(const std::string& dir, const std::string& name);

  /// Renders over `view`. The view is modified while rendering (Poco keeps
  /// loop variables in it) and restored afterwards.
  std::string Render(const EscapedView& view) const;

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::shared_ptr<Poco::JSON::Template> template_;
};

/// Checks the <? … ?> commands of one template file: known commands, their
/// arguments, and balanced if/for blocks. Returns "" or the first problem as
/// "FILE:LINE: message".
std::string CheckTemplateSyntax(const std::string& text, const std::string& file);

}  // namespace fa
