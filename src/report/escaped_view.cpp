#include "report/escaped_view.h"

#include "base/text.h"

namespace fa {

namespace {

// Past this many fields a lookup goes through the hash index.
constexpr size_t kIndexFrom = 24;

ViewValue StringValue(std::string text) {
  ViewValue v;
  v.text = std::move(text);
  return v;
}

}  // namespace

bool ViewValue::Truthy() const {
  switch (kind) {
    case Kind::kString: return !text.empty();
    case Kind::kInt: return number != 0;
    case Kind::kBool: return flag;
    case Kind::kObject: return true;
    case Kind::kList: return list && !list->empty();
  }
  return false;
}

const ViewValue* ViewObject::Find(std::string_view key) const {
  if (!index.empty()) {
    auto it = index.find(key);
    return it == index.end() ? nullptr : &fields[it->second].second;
  }
  // Sizes, then first bytes, before the whole key: keys of one length
  // mostly differ at once, and a full comparison is a call to memcmp.
  for (const auto& [k, v] : fields)
    if (k.size() == key.size() && (key.empty() || k[0] == key[0]) && k == key) return &v;
  return nullptr;
}

void ViewObject::Set(std::string key, ViewValue value) {
  if (index.empty()) {
    for (auto& [k, v] : fields)
      if (k == key) {
        v = std::move(value);
        return;
      }
  } else if (auto it = index.find(key); it != index.end()) {
    fields[it->second].second = std::move(value);
    return;
  }
  // Keys live in `fields`; the index views them, so rebuild it whenever the
  // vector may have moved them.
  const bool moved = fields.size() == fields.capacity();
  fields.emplace_back(std::move(key), std::move(value));
  if (fields.size() < kIndexFrom) return;
  if (moved || index.empty()) {
    index.clear();
    index.reserve(fields.capacity());
    for (size_t i = 0; i < fields.size(); ++i) index.emplace(fields[i].first, i);
  } else {
    index.emplace(fields.back().first, fields.size() - 1);
  }
}

EscapedView::EscapedView() : object_(std::make_shared<ViewObject>()) { object_->fields.reserve(12); }

EscapedView& EscapedView::Text(const std::string& key, const std::string& raw) {
  object_->Set(key, StringValue(HtmlEscape(raw)));
  return *this;
}

EscapedView& EscapedView::Markup(const std::string& key, std::string markup) {
  object_->Set(key, StringValue(std::move(markup)));
  return *this;
}

EscapedView& EscapedView::Fixed(const std::string& key, double value, int digits) {
  object_->Set(key, StringValue(FormatFixed(value, digits)));
  return *this;
}

EscapedView& EscapedView::Int(const std::string& key, long long value) {
  ViewValue v;
  v.kind = ViewValue::Kind::kInt;
  v.number = value;
  object_->Set(key, std::move(v));
  return *this;
}

EscapedView& EscapedView::Flag(const std::string& key, bool value) {
  ViewValue v;
  v.kind = ViewValue::Kind::kBool;
  v.flag = value;
  object_->Set(key, std::move(v));
  return *this;
}

EscapedView& EscapedView::Child(const std::string& key, const EscapedView& child) {
  ViewValue v;
  v.kind = ViewValue::Kind::kObject;
  v.object = child.object_;
  object_->Set(key, std::move(v));
  return *this;
}

EscapedView& EscapedView::List(const std::string& key, const std::vector<EscapedView>& items) {
  auto list = std::make_shared<std::vector<ViewValue>>();
  list->reserve(items.size());
  for (const auto& item : items) {
    ViewValue v;
    v.kind = ViewValue::Kind::kObject;
    v.object = item.object_;
    list->push_back(std::move(v));
  }
  ViewValue v;
  v.kind = ViewValue::Kind::kList;
  v.list = std::move(list);
  object_->Set(key, std::move(v));
  return *this;
}

EscapedView& EscapedView::TextList(const std::string& key, const std::vector<std::string>& raw) {
  auto list = std::make_shared<std::vector<ViewValue>>();
  list->reserve(raw.size());
  for (const auto& s : raw) list->push_back(StringValue(HtmlEscape(s)));
  ViewValue v;
  v.kind = ViewValue::Kind::kList;
  v.list = std::move(list);
  object_->Set(key, std::move(v));
  return *this;
}

}  // namespace fa
