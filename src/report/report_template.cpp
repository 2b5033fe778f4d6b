#include "report/report_template.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "report/template_commands.h"

namespace fa {

namespace {

constexpr int kMaxIncludeDepth = 8;

std::string ReadTemplateFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read template");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

std::string Expand(const std::string& path, int depth, const std::vector<std::string>& sections);

// What the include command `c` of the template at `path` stands for: its
// file, or for <? sections ?> every section's file in turn, each expanded.
std::string ExpandCommand(const TemplateCommand& c, const std::string& path, int depth,
                          const std::vector<std::string>& sections) {
  if (c.name == "include") {
    const std::string& quoted = c.args[0];
    return Expand(DirectoryOf(path) + "/" + quoted.substr(1, quoted.size() - 2), depth + 1, {});
  }
  std::string out;
  for (const auto& section : sections) out += Expand(DirectoryOf(path) + "/" + section, depth + 1, {});
  return out;
}

// The template at `path` with its includes expanded, each file checked.
std::string Expand(const std::string& path, int depth, const std::vector<std::string>& sections) {
  if (depth > kMaxIncludeDepth) throw std::runtime_error(path + ": includes nested too deeply");
  const std::string text = ReadTemplateFile(path);
  const std::string problem = CheckTemplateSyntax(text, path);
  if (!problem.empty()) throw std::runtime_error(problem);
  std::vector<TemplateCommand> commands;
  std::string error;
  ScanTemplateCommands(text, path, commands, error);
  std::string out;
  size_t copied = 0;
  for (const auto& c : commands) {
    if (c.name != "include" && c.name != "sections") continue;
    if (c.name == "sections" && sections.empty())
      throw std::runtime_error(path + ":" + std::to_string(c.line) + ": <? sections ?> in a template loaded without sections");
    out += text.substr(copied, c.begin - copied);
    try {
      out += ExpandCommand(c, path, depth, sections);
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(std::string(e.what()) + "\n" + path + ":" + std::to_string(c.line) +
                               ": note: included from here");
    }
    copied = c.end;
    // Poco drops the newline after a command; so does an expanded include.
    if (copied < text.size() && text[copied] == '\n') ++copied;
  }
  return out + text.substr(copied);
}

}  // namespace

namespace {

/// The 1-based line of offsets met in increasing order: each call counts
/// only the newlines since the previous one, so a scan stays linear.
class LineCounter {
 public:
  explicit LineCounter(const std::string& text) : text_(text) {}

  int LineAt(size_t offset) {
    offset = std::min(offset, text_.size());
    line_ += static_cast<int>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(counted_),
                                         text_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    counted_ = offset;
    return line_;
  }

 private:
  const std::string& text_;
  size_t counted_ = 0;
  int line_ = 1;
};

}  // namespace

bool ScanTemplateCommands(const std::string& text, const std::string& file, std::vector<TemplateCommand>& out,
                          std::string& error) {
  LineCounter lines(text);
  for (size_t at = text.find("<?"); at != std::string::npos; at = text.find("<?", at)) {
    const size_t close = text.find("?>", at + 2);
    if (close == std::string::npos) {
      error = file + ":" + std::to_string(lines.LineAt(at)) + ": '<?' without a closing '?>'";
      return false;
    }
    TemplateCommand c;
    c.begin = at;
    c.end = close + 2;
    c.line = lines.LineAt(at);
    std::string body = text.substr(at + 2, close - at - 2);
    size_t skip = body.find_first_not_of(" \t\r\n");
    if (skip != std::string::npos && body[skip] == '=') body.replace(skip, 1, "echo ");
    std::istringstream words(body);
    words >> c.name;
    for (std::string w; words >> w;) c.args.push_back(w);
    out.push_back(std::move(c));
    at = out.back().end;
  }
  return true;
}

std::string CheckTemplateSyntax(const std::string& text, const std::string& file) {
  std::vector<TemplateCommand> commands;
  std::string error;
  if (!ScanTemplateCommands(text, file, commands, error)) return error;
  struct Open {
    std::string name;
    int line;
  };
  std::vector<Open> open;
  for (const auto& c : commands) {
    auto fail = [&](const std::string& message) { return file + ":" + std::to_string(c.line) + ": " + message; };
    const size_t n = c.args.size();
    if (c.name == "echo" || c.name == "if" || c.name == "ifexist" || c.name == "elif" || c.name == "elsif") {
      if (n != 1) return fail("<? " + c.name + " ?> takes one query");
    } else if (c.name == "for") {
      if (n != 2) return fail("<? for ?> takes a variable and a query");
    } else if (c.name == "include") {
      if (n != 1 || c.args[0].size() < 3 || c.args[0].front() != '"' || c.args[0].back() != '"')
        return fail("<? include ?> takes one \"file name\"");
    } else if (c.name == "sections") {
      if (n != 0) return fail("<? sections ?> takes no argument");
    } else if (c.name == "else" || c.name == "endif" || c.name == "endfor") {
      if (n != 0) return fail("<? " + c.name + " ?> takes no argument");
    } else {
      return fail("unknown template command '" + c.name + "'");
    }
    if (c.name == "if" || c.name == "ifexist" || c.name == "for") {
      open.push_back({c.name == "for" ? "for" : "if", c.line});
    } else if (c.name == "else" || c.name == "elif" || c.name == "elsif" || c.name == "endif") {
      if (open.empty() || open.back().name != "if") return fail("<? " + c.name + " ?> without an open <? if ?>");
      if (c.name == "endif") open.pop_back();
    } else if (c.name == "endfor") {
      if (open.empty() || open.back().name != "for") return fail("<? endfor ?> without an open <? for ?>");
      open.pop_back();
    }
  }
  if (!open.empty())
    return file + ":" + std::to_string(open.back().line) + ": <? " + open.back().name + " ?> is never closed";
  return "";
}

ReportTemplate ReportTemplate::Load(const std::string& dir, const std::string& name,
                                    const std::vector<std::string>& sections) {
  ReportTemplate t;
  t.file_ = (dir.empty() ? "." : dir) + "/" + name;
  const std::string source = Expand(t.file_, 0, sections);
  t.program_ = std::make_shared<TemplateProgram>(TemplateProgram::Compile(source, t.file_));
  return t;
}

std::string ReportTemplate::Render(const EscapedView& view) const {
  std::string out;
  out.reserve(1 << 16);
  program_->Render(view.object(), out);
  return out;
}

}  // namespace fa
