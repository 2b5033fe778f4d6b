// EscapedView: the view data handed to a report template, built so that no
// unescaped text can reach it by accident. The template engine does not
// escape (docs/reports.md): Text() HTML-escapes every string on the way in, and
// the only way around it, Markup(), is for markup this program generated.
// A view is a small tree of strings, integers, flags, objects and lists that
// report_template.h renders; copies share their object, like a pointer.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace fa {

struct ViewObject;

/// One value in a view: what a template can echo, test or loop over.
struct ViewValue {
  enum class Kind : unsigned char { kString, kInt, kBool, kObject, kList };
  Kind kind = Kind::kString;
  bool flag = false;
  long long number = 0;
  std::string text;                                   ///< kString, already escaped
  std::shared_ptr<const ViewObject> object;           ///< kObject
  std::shared_ptr<const std::vector<ViewValue>> list; ///< kList

  /// Template truth: a non-empty string or list, a non-zero integer, true,
  /// any object (the rules of Poco::JSON::Template, which came first).
  bool Truthy() const;
};

/// Fields in insertion order; setting a key again replaces its value.
struct ViewObject {
  ViewObject() = default;
  ViewObject(const ViewObject&) = delete;  // the index points into `fields`
  ViewObject& operator=(const ViewObject&) = delete;

  std::vector<std::pair<std::string, ViewValue>> fields;
  /// Built once an object grows past a few fields (the label table).
  std::unordered_map<std::string_view, size_t> index;

  const ViewValue* Find(std::string_view key) const;
  void Set(std::string key, ViewValue value);
};

class EscapedView {
 public:
  EscapedView();

  /// Sets `key` to HtmlEscape(raw). Use for every string from an Assessment.
  EscapedView& Text(const std::string& key, const std::string& raw);
  /// Sets `key` to `markup` as is: SVG drawn by svg_charts, label patterns
  /// from report_labels (with escaped values filled in), never input text.
  EscapedView& Markup(const std::string& key, std::string markup);
  /// Sets `key` to FormatFixed(value, digits).
  EscapedView& Fixed(const std::string& key, double value, int digits);
  /// An integer: echoes in decimal; <? if key ?> is false at 0.
  EscapedView& Int(const std::string& key, long long value);
  /// A boolean for <? if key ?>.
  EscapedView& Flag(const std::string& key, bool value);
  EscapedView& Child(const std::string& key, const EscapedView& child);
  EscapedView& List(const std::string& key, const std::vector<EscapedView>& items);
  /// A list of escaped strings, for <? for s key ?><? echo s ?><? endfor ?>.
  EscapedView& TextList(const std::string& key, const std::vector<std::string>& raw);

  /// The value at `key`, or nullptr.
  const ViewValue* Find(std::string_view key) const { return object_->Find(key); }
  /// The object the template engine reads.
  const ViewObject& object() const { return *object_; }

 private:
  std::shared_ptr<ViewObject> object_;
};

}  // namespace fa
