#include "cli/args.h"

#include <charconv>
#include <cmath>

namespace fa {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& valued,
           const std::set<std::string>& switches) {
  bool only_positional = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (only_positional || a.size() < 2 || a[0] != '-') {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = a, value;
    bool has_inline = false;
    size_t eq = a.find('=');
    if (eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      has_inline = true;
    }
    if (valued.count(name)) {
      if (!has_inline) {
        if (i + 1 >= argv.size()) {
          error_ = "option " + name + " needs a value";
          return;
        }
        value = argv[++i];
      }
      values_.emplace(name, value);
    } else if (switches.count(name) && !has_inline) {
      switches_.insert(name);
    } else {
      error_ = "unknown option " + name;
      return;
    }
  }
}

bool Args::Has(const std::string& name) const {
  return switches_.count(name) > 0 || values_.count(name) > 0;
}

std::optional<std::string> Args::Value(const std::string& name) const {
  auto range = values_.equal_range(name);
  if (range.first == range.second) return std::nullopt;
  auto last = range.second;
  --last;
  return last->second;
}

std::vector<std::string> Args::Values(const std::string& name) const {
  std::vector<std::string> out;
  auto range = values_.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

namespace {

template <typename T>
std::optional<T> Parse(const std::string& text) {
  T v{};
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<long long> Args::Int(const std::string& name, long long lo, long long hi) {
  auto text = Value(name);
  if (!text) return std::nullopt;
  auto v = Parse<long long>(*text);
  if (v && *v >= lo && *v <= hi) return v;
  Fail(name + " needs a whole number " +
       (hi >= 1000000000 ? ">= " + std::to_string(lo) : "from " + std::to_string(lo) + " to " + std::to_string(hi)) +
       ", got '" + *text + "'");
  return std::nullopt;
}

std::optional<std::uint64_t> Args::Unsigned(const std::string& name) {
  auto text = Value(name);
  if (!text) return std::nullopt;
  if (auto v = Parse<std::uint64_t>(*text)) return v;
  Fail(name + " needs a non-negative whole number, got '" + *text + "'");
  return std::nullopt;
}

std::optional<double> Args::Positive(const std::string& name, double hi) {
  auto text = Value(name);
  if (!text) return std::nullopt;
  auto v = Parse<double>(*text);
  if (v && std::isfinite(*v) && *v > 0 && *v <= hi) return v;
  Fail(name + " needs a number > 0, got '" + *text + "'");
  return std::nullopt;
}

std::string Args::Lang() {
  const std::string lang = Value("--lang").value_or("zh");
  if (lang == "zh" || lang == "en") return lang;
  Fail("--lang must be zh or en, got '" + lang + "'");
  return "zh";
}

std::optional<std::string> Args::Output() const { return Value("-o") ? Value("-o") : Value("--output"); }

}  // namespace fa
