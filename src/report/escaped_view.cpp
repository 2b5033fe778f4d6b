#include "report/escaped_view.h"

#include <Poco/JSON/Array.h>

#include "base/text.h"

namespace fa {

EscapedView::EscapedView() : object_(new Poco::JSON::Object) {}

EscapedView& EscapedView::Text(const std::string& key, const std::string& raw) {
  object_->set(key, HtmlEscape(raw));
  return *this;
}

EscapedView& EscapedView::Markup(const std::string& key, const std::string& markup) {
  object_->set(key, markup);
  return *this;
}

EscapedView& EscapedView::Fixed(const std::string& key, double value, int digits) {
  object_->set(key, FormatFixed(value, digits));
  return *this;
}

EscapedView& EscapedView::Int(const std::string& key, long long value) {
  object_->set(key, static_cast<Poco::Int64>(value));
  return *this;
}

EscapedView& EscapedView::Flag(const std::string& key, bool value) {
  object_->set(key, value);
  return *this;
}

EscapedView& EscapedView::Child(const std::string& key, const EscapedView& child) {
  object_->set(key, child.object());
  return *this;
}

EscapedView& EscapedView::List(const std::string& key, const std::vector<EscapedView>& items) {
  Poco::JSON::Array::Ptr array(new Poco::JSON::Array);
  for (const auto& item : items) array->add(item.object());
  object_->set(key, array);
  return *this;
}

EscapedView& EscapedView::TextList(const std::string& key, const std::vector<std::string>& raw) {
  Poco::JSON::Array::Ptr array(new Poco::JSON::Array);
  for (const auto& s : raw) array->add(HtmlEscape(s));
  object_->set(key, array);
  return *this;
}

}  // namespace fa
