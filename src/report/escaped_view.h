// EscapedView: the view data handed to a report template, built so that no
// unescaped text can reach it by accident. Poco's template engine does not
// escape (DESIGN.md §4): Text() HTML-escapes every string on the way in, and
// the only way around it, Markup(), is for markup this program generated.
#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace fa {

class EscapedView {
 public:
  EscapedView();

  /// Sets `key` to HtmlEscape(raw). Use for every string from an Assessment.
  EscapedView& Text(const std::string& key, const std::string& raw);
  /// Sets `key` to `markup` as is: SVG drawn by svg_charts, label patterns
  /// from report_labels (with escaped values filled in), never input text.
  EscapedView& Markup(const std::string& key, const std::string& markup);
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

  /// The Poco object for Poco::JSON::Template::render.
  Poco::JSON::Object::Ptr object() const { return object_; }

 private:
  Poco::JSON::Object::Ptr object_;
};

}  // namespace fa
