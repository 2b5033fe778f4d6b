// The cohort CSV reader's input a window at a time (cohort_csv.cpp): a
// view of text already in memory, a map of a file, or bytes read into a
// buffer, whichever the input allows, so that a file of any size is read in
// bounded memory and, where it can be, without copying a byte.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "answers/cohort_csv.h"

namespace fa {

class CohortWindow {
 public:
  virtual ~CohortWindow() = default;
  /// The window's text: the input from where the last Drop left off, up to
  /// the window's size (never less than 64 bytes) or the input's end.
  virtual std::string_view text() const = 0;
  /// Whether the text reaches the input's end.
  virtual bool at_end() const = 0;
  /// Twice the room, from then on: a record longer than the window is read whole.
  virtual void Grow() = 0;
  /// Moves on to text()[offset, …) and what follows it.
  virtual void Drop(size_t offset) = 0;
};

/// Windows of `bytes` over `text` itself: nothing is copied.
std::unique_ptr<CohortWindow> TextWindows(std::string_view text, size_t bytes);

/// Windows of `bytes` filled by `read` (which must outlive them).
std::unique_ptr<CohortWindow> ReadWindows(const CohortByteReader& read, size_t bytes);

/// Windows of `bytes` of the regular file open as `fd` (`size` bytes when
/// opened), each mapped read-only: its pages are the page cache's own, so
/// nothing is copied and only the window's pages are held. nullptr when the
/// file cannot be mapped (then read it). A later window that cannot be
/// mapped throws std::runtime_error naming `path`.
std::unique_ptr<CohortWindow> MappedWindows(int fd, size_t size, size_t bytes, const std::string& path);

}  // namespace fa
