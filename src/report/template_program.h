// A report template compiled once into a tree of text, echo, if and for
// nodes, rendered many times over an EscapedView. It reads the command set
// of Poco::JSON::Template (<?= path ?>, if/elif/else/endif, ifexist, for/
// endfor) with the same truth rules and the same dropped newline after a
// block command; it exists because Poco's engine re-parses every path (and
// compiles a regular expression) on every lookup, which capped full reports
// at about 70 per second (bench/bench_reports.cpp), and prints values without
// escaping them (here every value comes HTML-escaped from the EscapedView).
#pragma once

#include <memory>
#include <string>

#include "report/escaped_view.h"

namespace fa {

class TemplateProgram {
 public:
  /// Compiles `source` (includes expanded). Throws std::runtime_error
  /// "FILE:LINE: message" on a syntax error (CheckTemplateSyntax) or a
  /// malformed path.
  static TemplateProgram Compile(const std::string& source, const std::string& file);

  /// Appends the rendering over `root` to `out`. A path that is absent
  /// echoes nothing and tests false; the view is not modified.
  void Render(const ViewObject& root, std::string& out) const;

  struct Block;

 private:
  std::shared_ptr<const Block> root_;
};

}  // namespace fa
