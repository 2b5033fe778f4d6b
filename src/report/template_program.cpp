#include "report/template_program.h"

#include <stdexcept>
#include <string_view>
#include <vector>

#include "report/report_template.h"
#include "report/template_commands.h"

namespace fa {

namespace {

// A dotted path, "row.label", split once at compile time.
using Path = std::vector<std::string>;

struct Node;

}  // namespace

struct TemplateProgram::Block {
  std::vector<Node> nodes;
};

namespace {

struct Branch {
  Path condition;     ///< empty for the final else
  bool exist = false; ///< ifexist: true when the path is present at all
  TemplateProgram::Block body;
};

struct Node {
  enum class Op : unsigned char { kText, kEcho, kIf, kFor } op = Op::kText;
  std::string text;             ///< kText
  Path path;                    ///< kEcho, kFor (the list)
  std::string var;              ///< kFor
  std::vector<Branch> branches; ///< kIf
  TemplateProgram::Block body;  ///< kFor
};

// The loop variables in scope, innermost last.
struct Scope {
  const std::string* name;
  const ViewValue* value;
};

const ViewValue* Resolve(const Path& path, const ViewObject& root, const std::vector<Scope>& scopes) {
  const ViewValue* v = nullptr;
  for (auto it = scopes.rbegin(); it != scopes.rend(); ++it)
    if (*it->name == path[0]) {
      v = it->value;
      break;
    }
  if (!v) v = root.Find(path[0]);
  for (size_t i = 1; v && i < path.size(); ++i)
    v = v->kind == ViewValue::Kind::kObject ? v->object->Find(path[i]) : nullptr;
  return v;
}

void Echo(const ViewValue& v, std::string& out) {
  switch (v.kind) {
    case ViewValue::Kind::kString: out += v.text; break;
    case ViewValue::Kind::kInt: out += std::to_string(v.number); break;
    case ViewValue::Kind::kBool: out += v.flag ? "true" : "false"; break;
    default: break;  // objects and lists have no text
  }
}

void RenderBlock(const TemplateProgram::Block& block, const ViewObject& root, std::vector<Scope>& scopes,
                 std::string& out) {
  for (const Node& n : block.nodes) {
    switch (n.op) {
      case Node::Op::kText: out += n.text; break;
      case Node::Op::kEcho:
        if (const ViewValue* v = Resolve(n.path, root, scopes)) Echo(*v, out);
        break;
      case Node::Op::kIf:
        for (const Branch& b : n.branches) {
          bool take = b.condition.empty();
          if (!take) {
            const ViewValue* v = Resolve(b.condition, root, scopes);
            take = b.exist ? v != nullptr : v && v->Truthy();
          }
          if (take) {
            RenderBlock(b.body, root, scopes, out);
            break;
          }
        }
        break;
      case Node::Op::kFor: {
        const ViewValue* v = Resolve(n.path, root, scopes);
        if (!v || v->kind != ViewValue::Kind::kList || !v->list) break;
        scopes.push_back({&n.var, nullptr});
        for (const ViewValue& item : *v->list) {
          scopes.back().value = &item;
          RenderBlock(n.body, root, scopes, out);
        }
        scopes.pop_back();
        break;
      }
    }
  }
}

Path ParsePath(const std::string& query, const std::string& file, int line) {
  Path path;
  size_t from = 0;
  while (true) {
    const size_t dot = query.find('.', from);
    path.push_back(query.substr(from, dot == std::string::npos ? std::string::npos : dot - from));
    if (path.back().empty() || path.back().find_first_of("[]\"'") != std::string::npos)
      throw std::runtime_error(file + ":" + std::to_string(line) + ": malformed path '" + query + "'");
    if (dot == std::string::npos) return path;
    from = dot + 1;
  }
}

}  // namespace

namespace {

// A recursive descent over the command list: each block is filled before it
// is moved into its parent, so no pointer into a vector that may grow is
// ever kept.
class BlockBuilder {
 public:
  BlockBuilder(const std::string& source, const std::string& file, const std::vector<TemplateCommand>& commands)
      : source_(source), file_(file), commands_(commands) {}

  // Fills `into` until a command in `stops`; returns that command's index
  // (or commands.size() at the end).
  size_t Fill(TemplateProgram::Block& into, std::initializer_list<std::string_view> stops) {
    while (next_ < commands_.size()) {
      const TemplateCommand& c = commands_[next_];
      TextUpTo(c.begin, into);
      for (std::string_view s : stops)
        if (c.name == s) return next_;
      ++next_;
      Node n;
      if (c.name == "echo") {
        n.op = Node::Op::kEcho;
        n.path = ParsePath(c.args.at(0), file_, c.line);
        Consume(c, false);
      } else if (c.name == "if" || c.name == "ifexist") {
        n = IfNode(c);
      } else if (c.name == "for") {
        n = ForNode(c);
      } else {
        Consume(c, true);  // include (expanded already) or a stray command
        continue;
      }
      into.nodes.push_back(std::move(n));
    }
    TextUpTo(source_.size(), into);
    copied_ = source_.size();
    return commands_.size();
  }

 private:
  void TextUpTo(size_t at, TemplateProgram::Block& into) {
    if (at > copied_) {
      Node n;
      n.text = source_.substr(copied_, at - copied_);
      into.nodes.push_back(std::move(n));
      copied_ = at;
    }
  }
  // After a block command Poco drops one newline; so do we.
  void Consume(const TemplateCommand& c, bool block) {
    copied_ = c.end;
    if (block && copied_ < source_.size() && source_[copied_] == '\n') ++copied_;
  }
  // if/ifexist … elif … else … endif, from just after the opening command.
  Node IfNode(const TemplateCommand& c) {
    Node n;
    n.op = Node::Op::kIf;
    Consume(c, true);
    Branch b{ParsePath(c.args.at(0), file_, c.line), c.name == "ifexist", {}};
    while (true) {
      const size_t stop = Fill(b.body, {"elif", "elsif", "else", "endif"});
      n.branches.push_back(std::move(b));
      if (stop >= commands_.size()) break;
      const TemplateCommand& s = commands_[stop];
      ++next_;
      Consume(s, true);
      if (s.name == "endif") break;
      b = Branch{s.name == "else" ? Path{} : ParsePath(s.args.at(0), file_, s.line), false, {}};
    }
    return n;
  }
  // for VAR LIST … endfor, from just after the opening command.
  Node ForNode(const TemplateCommand& c) {
    Node n;
    n.op = Node::Op::kFor;
    n.var = c.args.at(0);
    n.path = ParsePath(c.args.at(1), file_, c.line);
    Consume(c, true);
    if (Fill(n.body, {"endfor"}) < commands_.size()) {
      Consume(commands_[next_], true);
      ++next_;
    }
    return n;
  }

  const std::string& source_;
  const std::string& file_;
  const std::vector<TemplateCommand>& commands_;
  size_t next_ = 0;
  size_t copied_ = 0;
};

}  // namespace

TemplateProgram TemplateProgram::Compile(const std::string& source, const std::string& file) {
  // Checked here too, not only by ReportTemplate::Load: the builder reads
  // each command's arguments by position (a fuzzed `<? for x ?>` reached
  // it with one).
  if (std::string error = CheckTemplateSyntax(source, file); !error.empty()) throw std::runtime_error(error);
  std::vector<TemplateCommand> commands;
  std::string error;
  if (!ScanTemplateCommands(source, file, commands, error)) throw std::runtime_error(error);
  auto root = std::make_shared<Block>();
  BlockBuilder(source, file, commands).Fill(*root, {});
  TemplateProgram program;
  program.root_ = std::move(root);
  return program;
}

void TemplateProgram::Render(const ViewObject& root, std::string& out) const {
  std::vector<Scope> scopes;
  scopes.reserve(4);
  RenderBlock(*root_, root, scopes, out);
}

}  // namespace fa
