// A small argument parser for subcommands: flags with values, boolean
// switches and positional arguments, with usage errors instead of guesses.
#pragma once

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

 private:
  std::multimap<std::string, std::string> values_;
  std::vector<std::string> order_;
  std::set<std::string> switches_;
  std::vector<std::string> positional_;
  std::string error_;
};

}  // namespace fa
