// A file mapped read-only into memory (POSIX mmap): its text is the page
// cache's own pages, so a large input (a cohort CSV, an assessments file
// of many factories) is neither copied nor given fresh memory — which on a
// virtual machine costs more than reading it. A pipe (`<(…)`) cannot be
// mapped: it is read into memory instead when its size is bounded.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace fa {

class MappedFile {
 public:
  /// Maps `path`; throws std::runtime_error naming the file when it cannot
  /// be read ("PATH: is a directory, expected WHAT" for a directory). A
  /// file that is not a regular one is read whole when `pipe_limit` > 0 and
  /// it ends within that many bytes; else refused.
  MappedFile(const std::string& path, const std::string& what, size_t pipe_limit = 0);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view text() const { return std::string_view(data_, size_); }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
  std::string read_;  // a file that is not a regular one, read whole
};

/// ReadSource (diagnostics.h) for a file read whole without a copy: the
/// same checks (a directory, past kMaxDocumentBytes) and the same messages,
/// and a pipe read; null after reporting the problem.
std::unique_ptr<MappedFile> MapSource(const std::string& path, Diagnostics& diags, const std::string& what);

}  // namespace fa
