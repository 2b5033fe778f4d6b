// A small argument parser for subcommands: flags with values, boolean
// switches and positional arguments, with usage errors instead of guesses.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fa {

class Args {
 public:
  /// `valued` lists options that take a value (`--rubric R` or
  /// `--rubric=R`), `switches` those that do not. Anything else starting
  /// with `-` is a usage error.
  Args(const std::vector<std::string>& argv, const std::set<std::string>& valued,
       const std::set<std::string>& switches);

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool Has(const std::string& name) const;
  std::optional<std::string> Value(const std::string& name) const;
  /// Every value given for a repeatable option, in order.
  std::vector<std::string> Values(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

  // Typed values. Each returns nullopt (or the default) when the option is
  // absent; a value that does not parse sets error() to a usage message
  // naming the option, the range and what was given, so a command checks
  // ok() once after reading all its options.

  /// A whole number in [lo, hi].
  std::optional<long long> Int(const std::string& name, long long lo, long long hi);
  /// A non-negative whole number of 64 bits (seeds).
  std::optional<std::uint64_t> Unsigned(const std::string& name);
  /// A finite number > 0 and <= hi.
  std::optional<double> Positive(const std::string& name, double hi);
  /// --lang: "zh" (the default) or "en".
  std::string Lang();
  /// -o or --output, whichever is given.
  std::optional<std::string> Output() const;

 private:
  std::multimap<std::string, std::string> values_;
  std::vector<std::string> order_;
  std::set<std::string> switches_;
  std::vector<std::string> positional_;
  void Fail(const std::string& message) {
    if (error_.empty()) error_ = message;
  }

  std::string error_;
};

}  // namespace fa
